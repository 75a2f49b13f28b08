"""No view shows a day the text did not give: an event dated by its article's publication day carries
`origin` 'publication' into the timeline and `date_origin` into the workbench rows and event groups,
which keep the granularity of their date too."""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.api import Database
from chronicle.records import Article, ArticleRecords, Event, article_id_for, child_id
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
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("shown") / "shown.duckdb"
    with Store(path) as store:
        store.write(_records())
    database = Database(path)
    yield database
    database.close()


def test_timeline_marks_the_publication_day(db):
    bins = {(r["date"], r["origin"]): r["count"] for r in db.timeline()}
    assert bins == {("2021-03-03", "expression"): 1, ("2021-03-09", "publication"): 1}


def test_event_rows_say_where_the_date_comes_from(db):
    rows = {e["trigger"]: e["date_origin"] for e in db.events()["items"]}
    assert rows == {"struck": "expression", "sued": "publication"}


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
    stored = records.events[0].model_copy(update={"date": dt.date(2020, 1, 1), "date_granularity": "year"})
    assert stored.model_dump(mode="json")["date"] == "2020"
    assert stored.model_dump()["date"] == dt.date(2020, 1, 1)  # the store keeps the day (as 1 January)
