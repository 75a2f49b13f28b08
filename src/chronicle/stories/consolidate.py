"""Consolidation over the store, in one transaction: stories, duplicates, entities and event groups.

Run after ingest (and after loading Ray shards). Articles not yet in `story_articles` are placed:
near-duplicates are found and every new article joins or starts a story, compared only with the
articles published within the clustering window of the new ones; placed articles never move.
Entities and event groups are then derived afresh from all stored records, so re-running on the
same store gives the same tables; a run that finds no new article returns at once, changing nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import duckdb

from chronicle.confidence import threshold
from chronicle.records import Record
from chronicle.store.access import transaction
from chronicle.store.aggregates import rebuild as rebuild_aggregates
from chronicle.store.schema import columns, quoted, to_arrow
from chronicle.stories.clustering import UNDATED, WINDOW_DAYS, StoryDoc, Vocabulary, assign_stories, story_doc
from chronicle.stories.duplicates import DuplicateIndex
from chronicle.stories.entities import ActorRow, PlaceRow, build_entities, event_actor_keys
from chronicle.stories.groups import ArticleInfo, EventRow, group_events
from chronicle.stories.records import (
    CONSOLIDATED_RECORDS,
    Entity,
    EntityLink,
    EventGroup,
    EventGroupMember,
    StoryArticle,
)
from chronicle.stories.text import anchors, shingle_hashes, views

FETCH_ROWS = 2000

# An article's outlet: its source field, else the host of its URL, else where it was read from.
SOURCE_SQL = ("coalesce(source, nullif(regexp_extract(url, '^[a-z]+://(?:www\\.)?([^/:]+)', 1), ''), input)")


@dataclass
class Consolidation:
    """What one run did."""

    new_articles: int
    duplicates: int
    stories: int
    entities: int
    event_groups: int

    def line(self) -> str:
        return (f"{self.stories} stories ({self.new_articles} new articles, {self.duplicates} near-duplicates), "
                f"{self.entities} entities, {self.event_groups} event groups")


def _batches(cursor: duckdb.DuckDBPyConnection) -> Iterator[list[tuple]]:
    while rows := cursor.fetchmany(FETCH_ROWS):
        yield rows


def _day(value: dt.date | None) -> int:
    return value.toordinal() if value else UNDATED


def _window(con: duckdb.DuckDBPyConnection) -> tuple[str, list]:
    """SQL condition selecting the articles new ones must be compared with (the new ones included)."""
    low, high, undated = con.execute(
        "SELECT min(published), max(published), bool_or(published IS NULL) FROM articles "
        "WHERE id NOT IN (SELECT article_id FROM story_articles)").fetchone()  # type: ignore[misc]
    parts, params = [], []
    if low is not None:
        parts.append("published BETWEEN ? AND ?")
        params += [low - dt.timedelta(days=WINDOW_DAYS), high + dt.timedelta(days=WINDOW_DAYS)]
    if undated:
        parts.append("published IS NULL")
    return " OR ".join(parts) or "FALSE", params


def place_stories(con: duckdb.DuckDBPyConnection) -> list[StoryArticle]:
    """Story rows for the articles not placed yet (duplicates first found, then stories assigned)."""
    placed = {a: (s, d) for a, s, d in con.execute("SELECT article_id, story_id, duplicate_of FROM story_articles")
              .fetchall()}
    condition, params = _window(con)
    cursor = con.execute(f"SELECT id, published, title, text FROM articles WHERE {condition} "
                         "ORDER BY published NULLS LAST, id", params)
    vocabulary = Vocabulary()
    copies = DuplicateIndex()
    docs: list[StoryDoc] = []
    for rows in _batches(cursor):
        for article_id, published, title, text in rows:
            doc = story_doc(article_id, _day(published), views(title, text), vocabulary, order=(len(docs),),
                            anchors=anchors(title, text))
            known = placed.get(article_id)
            if known is not None:
                doc.story_id, doc.duplicate_of = known
            doc.duplicate_of = copies.add(article_id, shingle_hashes(text),
                                          None if known is None else known[1] is not None) or doc.duplicate_of
            docs.append(doc)
    new_ids = {d.id for d in docs if d.story_id is None}
    if not new_ids:
        return []
    del copies
    assign_stories(docs, len(vocabulary.ids))
    return [StoryArticle(article_id=d.id, story_id=d.story_id or f"s:{d.id}", duplicate_of=d.duplicate_of,
                         similarity=round(d.similarity, 4)) for d in docs if d.id in new_ids]


def _entities(con: duckdb.DuckDBPyConnection):
    actors = [ActorRow(*row) for row in con.execute(
        "SELECT id, article_id, name, kind, country, code, actor_key, mention_count FROM actors ORDER BY id"
    ).fetchall()]
    places = [PlaceRow(*row) for row in con.execute(
        "SELECT id, article_id, coalesce(name, text), country, geonames_id FROM places "
        "WHERE geonames_id IS NOT NULL ORDER BY id").fetchall()]
    entities, links = build_entities(actors, places)
    return entities, links, event_actor_keys(actors, links)


def _event_groups(con: duckdb.DuckDBPyConnection, entity_of: dict[str, str], story_rows: dict[str, tuple]):
    articles = {}
    for article_id, published, source, tone in con.execute(
            f"SELECT a.id, a.published, {SOURCE_SQL}, t.compound FROM articles a LEFT JOIN "
            "(SELECT article_id, any_value(compound) AS compound FROM tones WHERE scope = 'document' "
            "GROUP BY article_id) t ON t.article_id = a.id").fetchall():
        story_id, duplicate_of = story_rows.get(article_id, (None, None))
        articles[article_id] = ArticleInfo(published, source, story_id, duplicate_of is not None, tone)
    places = {pid: (f"geonames:{gid}" if gid is not None else None, country) for pid, gid, country in
              con.execute("SELECT id, geonames_id, country FROM places").fetchall()}
    events = []
    for rows in _batches(con.execute(
            "SELECT id, article_id, event_type, cameo, source_id, source_code, target_id, target_code, date, "
            "date_granularity, date_origin, place_id FROM events WHERE confidence >= ? AND NOT negated "
            "AND NOT hypothetical AND NOT future ORDER BY id", [threshold("events", None)])):
        for (eid, aid, etype, cameo, sid, scode, tid, tcode, date, granularity, origin, place_id) in rows:
            place_key, country = places.get(place_id, (None, None)) if place_id else (None, None)
            events.append(EventRow(
                eid, aid, etype.upper(), cameo, entity_of.get(sid) or (f"code:{scode}" if scode else None),
                entity_of.get(tid) or (f"code:{tcode}" if tcode else None), date, granularity,
                origin == "expression", place_key, country))
    return group_events(events, articles)


def _write(con: duckdb.DuckDBPyConnection, rows: Iterable[Record], model: type[Record]) -> None:
    rows = list(rows)
    if not rows:
        return
    names = quoted(columns(model))
    con.register("consolidated_rows", to_arrow(rows, model))
    try:
        con.execute(f"INSERT INTO {model.table} ({names}) SELECT {names} FROM consolidated_rows")
    finally:
        con.unregister("consolidated_rows")


STORIES_SQL = f"""
INSERT INTO stories (id, title, first_seen, last_seen, num_articles, num_sources)
SELECT s.story_id, any_value(a.title) FILTER (WHERE 's:' || a.id = s.story_id),
       min(a.published), max(a.published),
       count(*) FILTER (WHERE s.duplicate_of IS NULL),
       count(DISTINCT {SOURCE_SQL}) FILTER (WHERE s.duplicate_of IS NULL)
FROM story_articles s JOIN articles a ON a.id = s.article_id
GROUP BY s.story_id
"""


def consolidate(con: duckdb.DuckDBPyConnection) -> Consolidation:
    """Place new articles, then rebuild stories, entities and event groups, all in one transaction."""
    new_rows = place_stories(con)
    if not new_rows and _is_current(con):
        return _tally(con, new_rows)
    entities, links, entity_of = _entities(con)
    with transaction(con):
        _write(con, new_rows, StoryArticle)
        story_rows = {a: (s, d) for a, s, d in con.execute(
            "SELECT article_id, story_id, duplicate_of FROM story_articles").fetchall()}
        groups, members = _event_groups(con, entity_of, story_rows)
        for table in CONSOLIDATED_RECORDS:
            if table != "story_articles":
                con.execute(f"DELETE FROM {table}")
        con.execute(STORIES_SQL)
        _write(con, entities, Entity)
        _write(con, links, EntityLink)
        _write(con, groups, EventGroup)
        _write(con, members, EventGroupMember)
        rebuild_aggregates(con)
    return _tally(con, new_rows)


def _is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Every article is placed and the derived tables were written since (stored records never change)."""
    return con.execute("SELECT (SELECT count(*) FROM stories) > 0 OR (SELECT count(*) FROM articles) = 0"
                       ).fetchone()[0]  # type: ignore[index]


def _tally(con: duckdb.DuckDBPyConnection, new_rows: list[StoryArticle]) -> Consolidation:
    count = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
             for t in ("stories", "entities", "event_groups")}
    return Consolidation(new_articles=len(new_rows), duplicates=sum(r.duplicate_of is not None for r in new_rows),
                         stories=count["stories"], entities=count["entities"], event_groups=count["event_groups"])
