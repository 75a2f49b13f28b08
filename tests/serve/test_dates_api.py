"""Event dates by granularity in the Python and HTTP APIs: a year stays a year in filters, rows and
the timeline; a coarser date matches a narrower range only when `coarser` asks for it."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from chronicle.api import Database
from chronicle.records import Article, ArticleRecords, Event, article_id_for, child_id
from chronicle.serve import create_app
from chronicle.store import Store

TEXT = "The mill closed in 2019. The union struck in June 2019. The owner sued on Oct. 2, 2019."
# (trigger, date as stored, granularity)
DATED = [("closed", dt.date(2019, 1, 1), "year"), ("struck", dt.date(2019, 6, 1), "month"),
         ("sued", dt.date(2019, 10, 2), "day")]


def _records() -> ArticleRecords:
    aid = article_id_for(TEXT)
    events = []
    for n, (trigger, date, granularity) in enumerate(DATED):
        start = TEXT.index(trigger)
        events.append(Event(id=child_id(aid, "e", n), article_id=aid, event_type="PROTEST", trigger_start=start,
                            trigger_end=start + len(trigger), trigger=trigger, sentence_start=0,
                            sentence_end=len(TEXT), sentence=TEXT, date=date, date_granularity=granularity,
                            date_origin="expression", confidence=0.9))
    article = Article(id=aid, input="mill.txt", text=TEXT, published=dt.date(2019, 12, 1))
    return ArticleRecords(article=article, events=events)


@pytest.fixture(scope="module")
def db_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("dates") / "dates.duckdb"
    with Store(path) as store:
        store.write(_records())
    return path


@pytest.fixture(scope="module")
def db(db_file):
    return Database(db_file)


@pytest.fixture(scope="module")
def http(db_file):
    return TestClient(create_app(db_file))


def _triggers(page: dict) -> set[str]:
    return {e["trigger"] for e in page["items"]}


def test_a_year_matches_a_narrower_range_only_when_asked(db):
    half = {"start": dt.date(2019, 6, 1), "end": dt.date(2019, 12, 31)}
    assert _triggers(db.events(**half)) == {"struck", "sued"}  # June lies inside; the year does not
    assert _triggers(db.events(start=dt.date(2019, 6, 15), end=dt.date(2019, 12, 31))) == {"sued"}
    assert _triggers(db.events(**half, coarser=True)) == {"closed", "struck", "sued"}
    assert _triggers(db.events(start=dt.date(2019, 1, 1), end=dt.date(2019, 12, 31))) == {"closed", "struck", "sued"}
    assert _triggers(db.events(start=dt.date(2019, 6, 15), end=dt.date(2019, 6, 30), coarser=True)) == {"closed",
                                                                                                         "struck"}
    assert _triggers(db.events(start=dt.date(2020, 1, 1), coarser=True)) == set()


def test_rows_give_the_date_cut_to_its_granularity(db):
    rows = {e["trigger"]: e for e in db.events()["items"]}
    assert {t: e["date_iso"] for t, e in rows.items()} == {"closed": "2019", "struck": "2019-06", "sued": "2019-10-02"}
    assert rows["closed"]["date_granularity"] == "year"
    article = db.article(_records().article.id)
    assert {e["date_iso"] for e in article["events"]} == {"2019", "2019-06", "2019-10-02"}


def test_timeline_bins_by_granularity(db):
    bins = {(r["date"], r["granularity"]): r["count"] for r in db.timeline()}
    assert bins == {("2019", "year"): 1, ("2019-06", "month"): 1, ("2019-10-02", "day"): 1}


def test_http_from_to_and_coarser(http):
    params = {"from": "2019-06-01", "to": "2019-12-31"}
    assert _triggers(http.get("/events", params=params).json()) == {"struck", "sued"}
    assert _triggers(http.get("/events", params={**params, "coarser": "true"}).json()) == {"closed", "struck", "sued"}
    assert http.get("/events", params={**params, "coarser": "maybe"}).status_code == 422
    dates = {r["date"] for r in http.get("/timeline").json()}
    assert dates == {"2019", "2019-06", "2019-10-02"}
