"""The store's derived tables answer every workbench view exactly as the join they replace, through
incremental writes, re-runs and consolidations, and a store they do not cover falls back to the join."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from chronicle.api import Database
from chronicle.records import Actor, Article, ArticleRecords, Event, Place, Tone, article_id_for, child_id
from chronicle.store import Store
from chronicle.stories.consolidate import consolidate
from chronicle.stories.queries import StoreQueries
from chronicle.workbench import Filter, Workbench
from tests.serve.conftest import article_one, article_script


def article_flood() -> ArticleRecords:
    """An invented article with a document tone, a located place, and month- and year-dated events."""
    text = ("Flood aid reaches Tarnow\n\nRelief crews from Norway delivered aid to Tarnow in May 2023. "
            "In 2021 the council accused the province of neglect.")
    aid = article_id_for(text)
    article = Article(id=aid, input="flood.txt", url="https://rivernews.example/flood",
                      title="Flood aid reaches Tarnow", text=text, published=dt.date(2023, 6, 2))
    crews = Actor(id=child_id(aid, "a", 0), article_id=aid, name="Relief crews", kind="group", country="NOR")
    council = Actor(id=child_id(aid, "a", 1), article_id=aid, name="the council", kind="organisation")
    province = Actor(id=child_id(aid, "a", 2), article_id=aid, name="the province", kind="organisation")
    start = text.index("Tarnow in")
    place = Place(id=child_id(aid, "p", 0), article_id=aid, start=start, end=start + 6, text="Tarnow", name="Tarnow",
                  country="POL", latitude=50.01, longitude=20.99, geonames_id=756135, confidence=0.9)
    events = []
    for n, (etype, trigger, src, tgt, date, granularity) in enumerate([
            ("AID", "delivered", crews, None, dt.date(2023, 5, 1), "month"),
            ("ACCUSE", "accused", council, province, dt.date(2021, 1, 1), "year")]):
        ts = text.index(trigger)
        events.append(Event(id=child_id(aid, "e", n), article_id=aid, event_type=etype, trigger_start=ts,
                            trigger_end=ts + len(trigger), trigger=trigger, sentence_start=0, sentence_end=len(text),
                            sentence=text, source_id=src.id, source=src.name, target_id=tgt.id if tgt else None,
                            target=tgt.name if tgt else None, date=date, date_granularity=granularity,
                            place_id=place.id if n == 0 else None, confidence=0.8))
    tone = Tone(id=child_id(aid, "t", 0), article_id=aid, scope="document", start=0, end=len(text), positive=4.0,
                negative=6.0, polarity=-2.0, activity=10.0, compound=-0.42)
    return ArticleRecords(article=article, actors=[crews, council, province], events=events, places=[place],
                          tones=[tone])


FILTERS = [Filter(), Filter(min_confidence=0), Filter(min_confidence=0.95), Filter(type="protest"),
           Filter(quad=3), Filter(place="harwick"), Filter(source="rivernews.example"), Filter(q="STRIKE"),
           Filter(entity="port authority"), Filter(start=dt.date(2021, 1, 1), end=dt.date(2021, 12, 31)),
           Filter(start=dt.date(2021, 1, 1), end=dt.date(2021, 6, 30)), Filter(end=dt.date(2023, 5, 31)),
           Filter(type="ACCUSE", min_confidence=0)]


def views(bench: Workbench, f: Filter) -> dict:
    return {"reports": bench.reports(f, 500), "groups": bench.groups(f, 500), "stories": bench.stories(f, 500),
            **{f"series[{u}]": bench.series(f, u) for u in ("auto", "month", "year")},
            "map": bench.map_points(f), "network": bench.network(f), "quotes": bench.quotes(within=f, limit=500),
            # a page past the end still says how many there are
            "past the end": [bench.groups(f, 1, 99), bench.stories(f, 1, 99),
                             bench.quotes(within=f, limit=1, offset=99)]}


def assert_same_as_join(path, *, derived: bool = True) -> dict:
    con = duckdb.connect(str(path), read_only=True)
    db = StoreQueries(con)
    try:
        fast, exact = Workbench(db), Workbench(db, exact=True)
        assert (fast._source()[0] == "agg_events") is derived
        answers = {}
        for f in [*FILTERS, *(Filter(story=s["story_id"]) for s in fast.stories(Filter())["items"])]:
            answers[f] = views(fast, f)
            assert answers[f] == views(exact, f), f
        for key in {n["key"] for n in answers[Filter(min_confidence=0)]["network"]["nodes"]}:
            assert fast.entity(key) == exact.entity(key), key
        return answers
    finally:
        con.close()


@pytest.fixture()
def path(tmp_path):
    return tmp_path / "agg.duckdb"


def test_derived_tables_follow_writes_reruns_and_consolidation(path):
    with Store(path) as store:
        store.write_many([article_one(), article_script()])
    first = assert_same_as_join(path)
    assert first[Filter()]["reports"]["total"] == 3 and not first[Filter()]["groups"]["items"]
    with Store(path) as store:
        consolidate(store.con)
    grouped = assert_same_as_join(path)
    assert grouped[Filter()]["groups"]["total"] > 0 and grouped[Filter()]["network"]["edges"]
    # A new article stored after consolidation is in the views at once, outside any group or story.
    with Store(path) as store:
        assert store.write(article_flood())
    added = assert_same_as_join(path)
    assert added[Filter(min_confidence=0)]["reports"]["total"] == 5
    assert added[Filter()]["network"] == grouped[Filter()]["network"]
    # Storing the same articles again changes nothing (no row counted twice).
    with Store(path) as store:
        assert store.write_many([article_one(), article_flood()]) == 0
    assert assert_same_as_join(path) == added
    with Store(path) as store:
        consolidate(store.con)
        counts = store.con.execute("SELECT (SELECT count(*) FROM agg_events), (SELECT count(*) FROM events)").fetchone()
    assert counts == (5, 5)
    final = assert_same_as_join(path)
    assert len(final) > len(FILTERS) + 1  # the stories' filters are compared too
    assert [page["total"] for page in final[Filter()]["past the end"]] == [
        final[Filter()]["groups"]["total"], final[Filter()]["stories"]["total"], final[Filter()]["quotes"]["total"]]


def test_series_has_mean_tone_and_goldstein_per_bin(path):
    with Store(path) as store:
        store.write_many([article_one(), article_flood()])
        consolidate(store.con)
    db = Database(path)
    rows = Workbench(db).series(Filter(min_confidence=0), "month")
    db.close()
    by_bin = {(r["bin"], str(r["bin_start"])[:7]): r for r in rows}
    # Both flood events carry their article's document tone, the year-dated one in a year-long bin.
    assert by_bin[("month", "2023-05")]["tone"] == -0.42
    assert by_bin[("year", "2021-01")]["tone"] == -0.42 and by_bin[("year", "2021-01")]["year_only"]
    # The dock strike article has no tone: its bin has none, but a Goldstein mean from its groups.
    march = by_bin[("month", "2025-03")]
    assert march["tone"] is None and march["goldstein"] is not None


def test_a_bulk_load_that_bypasses_the_store_falls_back_to_the_join(path):
    with Store(path) as store:
        store.write_many([article_one(), article_script()])
        consolidate(store.con)
    con = duckdb.connect(str(path))
    # As a loader of shards would: rows inserted without the derived tables (consolidation follows later).
    con.execute("INSERT INTO events SELECT * REPLACE (id || '-copy' AS id, 'REJECT' AS event_type) FROM events "
                "WHERE event_type = 'PROTEST'")
    con.close()
    assert_same_as_join(path, derived=False)
    db = Database(path)
    assert Workbench(db).reports(Filter(type="REJECT"))["total"] == 1
    db.close()


def test_an_older_store_gets_its_derived_tables_when_opened_for_writing(path):
    with Store(path) as store:
        store.write_many([article_one(), article_script()])
        consolidate(store.con)
    con = duckdb.connect(str(path))
    for table in ("agg_events", "agg_edges", "agg_meta"):
        con.execute(f"DROP TABLE {table}")
    con.close()
    assert_same_as_join(path, derived=False)
    Store(path).close()
    assert_same_as_join(path)
    # Tables laid out by another version (a column fewer) are rebuilt, not appended to.
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE agg_quotes DROP COLUMN speaker_key")
    con.close()
    with Store(path) as store:
        store.write(article_flood())
    assert_same_as_join(path)


def test_an_event_dated_only_by_its_publication_day_is_on_no_timeline_bin_and_in_no_date_range(path):
    flood = article_flood()
    # The text gives the aid no date: the publication day stands in, labelled as such.
    flood.events[0] = flood.events[0].model_copy(update={"date": flood.article.published,
                                                         "date_granularity": "day",
                                                         "date_origin": "publication"})
    with Store(path) as store:
        store.write_many([flood])
        consolidate(store.con)
    db = Database(path)
    bench = Workbench(db)
    everything = Filter(min_confidence=0)
    bins = {(r["bin"], str(r["bin_start"])[:7]): r["reports"] for r in bench.series(everything, "month")}
    june = Filter(min_confidence=0, start=dt.date(2023, 6, 1), end=dt.date(2023, 6, 30))
    in_june = bench.reports(june, 50)["total"]
    listed = bench.reports(everything, 50)["total"]
    db.close()
    assert bins == {("year", "2021-01"): 1}
    assert in_june == 0
    assert listed == 2  # still listed, shown as "reported <day>" by the page
