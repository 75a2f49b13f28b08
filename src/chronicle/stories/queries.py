"""Read-side queries over the consolidated tables, shared by `chronicle stories`, the Python API and HTTP.

`ConsolidatedQueries` is mixed into `chronicle.api.Database`: it needs only that class's `query(sql,
params)` and `tables`; `StoreQueries` gives the same methods over an open store connection (CLI).
Every caller value is a parameter, never spliced into SQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from chronicle.stories.consolidate import SOURCE_SQL

ARTICLES_SQL = f"""
SELECT s.story_id, a.id, a.input, a.url, a.title, {SOURCE_SQL} AS source, a.published, s.duplicate_of
FROM story_articles s JOIN articles a ON a.id = s.article_id
WHERE list_contains(?, s.story_id)
ORDER BY a.published NULLS LAST, a.id
"""
# An event's (or event group's) date covers the period its granularity gives: a 'year' date is its
# whole year, a 'month' date its month; a day (or an older row without granularity) is that day.
PERIOD_START = ("CASE date_granularity WHEN 'year' THEN make_date(year(date), 1, 1) "
                "WHEN 'month' THEN make_date(year(date), month(date), 1) ELSE date END")
PERIOD_END = ("CASE date_granularity WHEN 'year' THEN make_date(year(date), 12, 31) "
              "WHEN 'month' THEN last_day(date) ELSE date END")
# The date cut to its granularity ("2019", "2019-06", "2019-06-14"): a year is never shown as 1 January.
DATE_ISO = ("CASE date_granularity WHEN 'year' THEN strftime(date, '%Y') WHEN 'month' THEN strftime(date, '%Y-%m') "
            "ELSE strftime(date, '%Y-%m-%d') END")
# A date the text gives no day for but the article's publication day stands in (`date_origin`
# 'publication'): rows show it as `reported_date`, never as the event's `date` or `date_iso`.
REPORTED = "coalesce(date_origin, 'expression') = 'publication'"
EVENT_COLUMNS = (f"* REPLACE (CASE WHEN {REPORTED} THEN NULL ELSE date END AS date), "
                 f"CASE WHEN {REPORTED} THEN NULL ELSE {DATE_ISO} END AS date_iso, "
                 f"CASE WHEN {REPORTED} THEN strftime(date, '%Y-%m-%d') END AS reported_date")


def period_filter(start: dt.date | None, end: dt.date | None, coarser: bool,
                  reported: bool = False) -> tuple[list[str], list[Any]]:
    """SQL conditions (with their parameters) on a table with `date`, `date_granularity` and `date_origin`
    that keep the rows whose period lies inside [start, end], or, with `coarser`, also those whose coarser
    period only overlaps it (a date in "2019" for June-December 2019). A range leaves out rows dated only
    by their article's publication day (the text gives no date) unless `reported` asks for them."""
    where: list[str] = []
    params: list[Any] = []
    if (start or end) and not reported:
        where.append(f"NOT {REPORTED}")
    if start:
        where.append(f"{PERIOD_END if coarser else PERIOD_START} >= ?")
        params.append(start)
    if end:
        where.append(f"{PERIOD_START if coarser else PERIOD_END} <= ?")
        params.append(end)
    return where, params


def _empty(limit: int, offset: int) -> dict[str, Any]:
    return {"total": 0, "limit": limit, "offset": offset, "items": []}


class ConsolidatedQueries:
    """Stories, entities and event groups (written by `chronicle.stories.consolidate`)."""

    tables: set[str]

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        raise NotImplementedError

    def stories(self, *, since: dt.date | None = None, limit: int = 50, offset: int = 0,
                story_id: str | None = None) -> dict[str, Any]:
        """Stories (latest seen first), each with its articles in publication order."""
        if "stories" not in self.tables:
            return _empty(limit, offset)
        where, params = ["TRUE"], []
        if since is not None:
            where.append("last_seen >= ?")
            params.append(since)
        if story_id is not None:
            where.append("id = ?")
            params.append(story_id)
        clause = " AND ".join(where)
        total = self.query(f"SELECT count(*) AS n FROM stories WHERE {clause}", params)[0]["n"]
        found = self.query(
            "SELECT id AS story_id, title, first_seen, last_seen, num_articles, num_sources FROM stories "
            f"WHERE {clause} ORDER BY last_seen DESC NULLS LAST, first_seen DESC NULLS LAST, id LIMIT ? OFFSET ?",
            [*params, limit, offset])
        members: dict[str, list[dict[str, Any]]] = {s["story_id"]: [] for s in found}
        for row in self.query(ARTICLES_SQL, [list(members)]):
            members[row.pop("story_id")].append(row)
        items = [{**s, "articles": members[s["story_id"]]} for s in found]
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its articles and the event groups its articles report."""
        found = self.stories(story_id=story_id, limit=1)["items"]
        if not found:
            return None
        groups = self.query(
            f"SELECT {EVENT_COLUMNS} FROM event_groups WHERE id IN (SELECT m.group_id FROM event_group_members m JOIN "
            "story_articles s ON s.article_id = m.article_id WHERE s.story_id = ?) "
            "ORDER BY num_articles DESC, num_mentions DESC, id", [story_id])
        return {**found[0], "event_groups": groups}

    def entity(self, key: str) -> dict[str, Any] | None:
        """One entity, the article-level actors and places linked to it, and its event groups."""
        if "entities" not in self.tables:
            return None
        found = self.query("SELECT * FROM entities WHERE key = ?", [key])
        if not found:
            return None
        return {
            "entity": found[0],
            "links": self.query("SELECT * FROM entity_links WHERE entity_key = ? ORDER BY article_id, record_id",
                                [key]),
            "event_groups": self.query(f"SELECT {EVENT_COLUMNS} FROM event_groups WHERE source_key = ? "
                                       "OR target_key = ? OR place_key = ? ORDER BY date NULLS LAST, id",
                                       [key, key, key]),
        }

    def event_groups(self, *, type: str | None = None, actor: str | None = None, start: dt.date | None = None,
                     end: dt.date | None = None, coarser: bool = False, reported: bool = False, limit: int = 50,
                     offset: int = 0) -> dict[str, Any]:
        """Event groups (one row per act, most reported first), each listing its member events; `start`,
        `end`, `coarser` and `reported` filter their dates by period as `period_filter` does."""
        if "event_groups" not in self.tables:
            return _empty(limit, offset)
        where, params = ["TRUE"], []
        if type:
            where.append("upper(event_type) = upper(?)")
            params.append(type)
        if actor:
            where.append("(source_key = ? OR target_key = ? OR source_key ILIKE ? OR target_key ILIKE ?)")
            params += [actor, actor, f"%{actor}%", f"%{actor}%"]
        period, period_params = period_filter(start, end, coarser, reported)
        where += period
        params += period_params
        clause = " AND ".join(where)
        total = self.query(f"SELECT count(*) AS n FROM event_groups WHERE {clause}", params)[0]["n"]
        items = self.query(f"SELECT {EVENT_COLUMNS} FROM event_groups WHERE {clause} "
                           "ORDER BY num_articles DESC, num_mentions DESC, id LIMIT ? OFFSET ?",
                           [*params, limit, offset])
        members: dict[str, list[dict[str, Any]]] = {g["id"]: [] for g in items}
        for row in self.query("SELECT * FROM event_group_members WHERE list_contains(?, group_id) "
                              "ORDER BY group_id, article_id, event_id", [list(members)]):
            members[row["group_id"]].append(row)
        return {"total": total, "limit": limit, "offset": offset,
                "items": [{**g, "members": members[g["id"]]} for g in items]}


class StoreQueries(ConsolidatedQueries):
    """The same queries over an open DuckDB connection (the CLI's store)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
