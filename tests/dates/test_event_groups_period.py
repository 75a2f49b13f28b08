"""Event groups (`/events?unique=true`) filter dates by the period their granularity gives, like the
events themselves: a group dated to a year matches a range inside that year only with `coarser`."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from chronicle.records import Article, ArticleRecords, Event, article_id_for, child_id
from chronicle.serve import create_app
from chronicle.store import Store
from chronicle.stories.consolidate import consolidate
from chronicle.stories.queries import StoreQueries

TEXT = "The ferry workers struck in 2019. The harbour board sued the workers on Oct. 2, 2019."
# (trigger, type, date as stored, granularity): two types, so two groups
DATED = [("struck", "PROTEST", dt.date(2019, 1, 1), "year"), ("sued", "ACCUSE", dt.date(2019, 10, 2), "day")]
HALF = {"start": dt.date(2019, 6, 1), "end": dt.date(2019, 12, 31)}


def _records() -> ArticleRecords:
    aid = article_id_for(TEXT)
    events = []
    for n, (trigger, event_type, date, granularity) in enumerate(DATED):
        start = TEXT.index(trigger)
        events.append(Event(id=child_id(aid, "e", n), article_id=aid, event_type=event_type, trigger_start=start,
                            trigger_end=start + len(trigger), trigger=trigger, sentence_start=0,
                            sentence_end=len(TEXT), sentence=TEXT, date=date,
                            date_granularity=granularity, date_origin="expression", confidence=0.99))
    article = Article(id=aid, input="ferry.txt", text=TEXT, published=dt.date(2019, 12, 1))
    return ArticleRecords(article=article, events=events)


@pytest.fixture(scope="module")
def db_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("groups") / "groups.duckdb"
    with Store(path) as store:
        store.write(_records())
        consolidate(store.con)
    return path


def _granularities(page: dict) -> set[str]:
    return {g["date_granularity"] for g in page["items"]}


def test_a_year_group_matches_a_range_inside_it_only_when_asked(db_file):
    with Store(db_file) as store:
        queries = StoreQueries(store.con)
        assert _granularities(queries.event_groups()) == {"year", "day"}
        # the year is stored as its first day, but January is not the year
        january = {"start": dt.date(2019, 1, 1), "end": dt.date(2019, 1, 31)}
        assert _granularities(queries.event_groups(**january)) == set()
        assert _granularities(queries.event_groups(**HALF)) == {"day"}
        assert _granularities(queries.event_groups(**HALF, coarser=True)) == {"year", "day"}
        # a range wholly inside the year but before the day: only the year group, and only when asked
        spring = {"start": dt.date(2019, 3, 1), "end": dt.date(2019, 4, 30)}
        assert _granularities(queries.event_groups(**spring)) == set()
        assert _granularities(queries.event_groups(**spring, coarser=True)) == {"year"}


def test_group_rows_show_the_date_cut_to_its_granularity(db_file):
    with Store(db_file) as store:
        rows = StoreQueries(store.con).event_groups()["items"]
    assert {r["date_iso"] for r in rows} == {"2019", "2019-10-02"}


def test_http_unique_events_honour_coarser(db_file):
    http = TestClient(create_app(db_file))
    params = {"unique": "true", "from": "2019-06-01", "to": "2019-12-31"}
    assert _granularities(http.get("/events", params=params).json()) == {"day"}
    assert _granularities(http.get("/events", params={**params, "coarser": "true"}).json()) == {"year", "day"}
