"""No view shows a day the text did not give: an event dated only by its article's publication day has no
`date` in the JSON output and in API rows (`reported_date` instead), is left out of the timeline and of
date ranges unless `reported` asks for it (then under `origin` 'publication'), and carries `date_origin`
into the workbench rows and event groups, which keep the granularity of their date too."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from chronicle.api import Database
from chronicle.records import Article, ArticleRecords, Event, article_id_for, child_id
from chronicle.serve import create_app
from chronicle.store import Store
from chronicle.stories.groups import ArticleInfo, EventRow, group_events
from chronicle.workbench import Filter, Workbench

TEXT = "The dockers struck on March 3, 2021. The owner sued the union."
PUBLISHED = dt.date(2021, 3, 9)
# (trigger, date, granularity, origin)
DATED = [("struck", dt.date(2021, 3, 3), "day", "expression"), ("sued", PUBLISHED, "day", "publication")]


def _records() -> ArticleRecords:
    aid = article_id_for(TEXT)
    events = [Event(id=child_id(aid, "e", n), article_id=aid, event_type="PROTEST", trigger_start=TEXT.index(t),
                    trigger_end=TEXT.index(t) + len(t), trigger=t, sentence_start=0, sentence_end=len(TEXT),
                    sentence=TEXT, date=date, date_granularity=gran, date_origin=origin, confidence=0.9)
              for n, (t, date, gran, origin) in enumerate(DATED)]
    return ArticleRecords(article=Article(id=aid, input="docks.txt", text=TEXT, published=PUBLISHED), events=events)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("shown") / "shown.duckdb"
    with Store(path) as store:
        store.write(_records())
    return path


@pytest.fixture(scope="module")
def db(db_path):
    database = Database(db_path)
    yield database
    database.close()


def test_timeline_leaves_out_the_publication_day_unless_asked(db):
    bins = {(r["date"], r["origin"]): r["count"] for r in db.timeline()}
    assert bins == {("2021-03-03", "expression"): 1}
    bins = {(r["date"], r["origin"]): r["count"] for r in db.timeline(reported=True)}
    assert bins == {("2021-03-03", "expression"): 1, ("2021-03-09", "publication"): 1}


def test_event_rows_say_where_the_date_comes_from(db):
    rows = {e["trigger"]: e for e in db.events()["items"]}
    assert {t: e["date_origin"] for t, e in rows.items()} == {"struck": "expression", "sued": "publication"}
    # the publication day is the report's, not the act's: never the row's date
    assert {t: (e["date"], e["date_iso"], e["reported_date"]) for t, e in rows.items()} == {
        "struck": (dt.date(2021, 3, 3), "2021-03-03", None), "sued": (None, None, "2021-03-09")}
    assert {e["date_iso"] for e in db.article(_records().article.id)["events"]} == {"2021-03-03", None}


def test_date_ranges_match_the_publication_day_only_when_asked(db):
    week = {"start": dt.date(2021, 3, 1), "end": dt.date(2021, 3, 31)}
    assert {e["trigger"] for e in db.events(**week)["items"]} == {"struck"}
    assert {e["trigger"] for e in db.events(**week, reported=True)["items"]} == {"struck", "sued"}
    assert {e["trigger"] for e in db.events()["items"]} == {"struck", "sued"}  # no range: every event


def test_http_reported_parameter(db_path):
    with TestClient(create_app(db_path)) as http:
        params = {"from": "2021-03-01", "to": "2021-03-31"}
        assert {e["trigger"] for e in http.get("/events", params=params).json()["items"]} == {"struck"}
        got = http.get("/events", params={**params, "reported": "true"}).json()["items"]
        assert {e["trigger"] for e in got} == {"struck", "sued"}
        assert {r["origin"] for r in http.get("/timeline").json()} == {"expression"}
        assert {r["origin"] for r in http.get("/timeline", params={"reported": "true"}).json()} == {
            "expression", "publication"}


def test_workbench_rows_carry_the_origin(db):
    rows, params = Workbench(db)._filtered(Filter())
    got = db.query(f"SELECT trigger, date_origin FROM {rows}", params)
    assert {r["trigger"]: r["date_origin"] for r in got} == {"struck": "expression", "sued": "publication"}


def _row(eid: str, date: dt.date | None, granularity: str | None, stated: bool, source: str) -> EventRow:
    return EventRow(eid, "a1", "PROTEST", None, source, None, date, granularity, stated, None, None)


def test_event_groups_keep_granularity_and_origin():
    info = {"a1": ArticleInfo(published=PUBLISHED, source="docks", story_id=None, duplicate=False, tone=None)}
    rows = [_row("e1", dt.date(2021, 1, 1), "year", True, "union"), _row("e2", PUBLISHED, "day", False, "owner"),
            _row("e3", dt.date(2021, 3, 3), "day", True, "crew")]
    groups, _ = group_events(rows, info)
    got = {g.source_key: (g.date_granularity, g.date_origin) for g in groups}
    assert got == {"union": ("year", "expression"), "owner": ("day", "publication"), "crew": ("day", "expression")}


def test_json_output_cuts_dates_to_what_the_text_gives(extract):
    # `chronicle extract` and POST /extract write records as JSON: "last year" is "2020", never 1 January
    records = extract("The union struck last year. The dockers struck in May. The owner sued on March 3.",
                      published=PUBLISHED)
    dates = {d["text"]: d["value"] for d in records.model_dump(mode="json")["dates"]}
    assert dates == {"last year": "2020", "May": "2020-05", "March 3": "2021-03-03"}
    stored = records.events[0].model_copy(update={"date": dt.date(2020, 1, 1), "date_granularity": "year",
                                                  "date_origin": "expression"})
    assert stored.model_dump(mode="json")["date"] == "2020"
    assert stored.model_dump()["date"] == dt.date(2020, 1, 1)  # the store keeps the day (as 1 January)


def test_json_output_gives_no_day_for_an_undated_event(extract):
    # the text gives no date: the store keeps the publication day, the JSON output says only where it would come from
    records = extract("The owner sued the union.", published=PUBLISHED)
    event = records.events[0]
    assert (event.date, event.date_origin) == (PUBLISHED, "publication")
    shown = event.model_dump(mode="json")
    assert (shown["date"], shown["date_granularity"], shown["date_origin"]) == (None, None, "publication")
