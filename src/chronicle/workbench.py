"""Read-side queries behind the web workbench: one filter applied to every view.

`Filter` is the page's filter state (the same names as the page URL). `Workbench` turns it into one
parameterised WHERE over the events (joined with their article, place and event group) and answers
each view from it: the reports or event groups, time-series bins, map points, entity network,
quotes, facets and the export rows. Every caller value is a SQL parameter, never spliced in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from chronicle.confidence import threshold
from chronicle.stories.consolidate import SOURCE_SQL
from chronicle.stories.queries import ARTICLES_SQL


class Queryable(Protocol):
    tables: set[str]

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Filter:
    """The page's filter state; empty fields do not filter."""

    q: str | None = None
    entity: str | None = None
    type: str | None = None
    quad: int | None = None
    place: str | None = None
    source: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    story: str | None = None
    min_confidence: float | None = None


# The outlet of an article `a`: its source, else its URL's host, else its input.
_OUTLET = SOURCE_SQL.replace("source", "a.source").replace("url", "a.url").replace("input", "a.input")

# One row per event with everything the views filter or draw on. Events outside any group (no
# consolidation yet) keep NULL group columns.
_BASE = f"""
SELECT e.id, e.article_id, e.event_type, e.trigger, e.sentence, e.source, e.target, e.source_id, e.target_id,
       e.date, e.date_granularity, e.date_origin, e.confidence, e.negated, e.hypothetical,
       a.title AS article_title, {_OUTLET} AS outlet, a.published,
       p.name AS place, p.country AS place_country, p.latitude, p.longitude,
       m.group_id, g.quad_class, g.goldstein, g.source_key, g.target_key, sa.story_id
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN places p ON p.id = e.place_id
LEFT JOIN event_group_members m ON m.event_id = e.id
LEFT JOIN event_groups g ON g.id = m.group_id
LEFT JOIN story_articles sa ON sa.article_id = e.article_id
"""

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def _where(f: Filter) -> tuple[str, list[Any]]:
    where, params = ["e.confidence >= ?"], [threshold("events", f.min_confidence)]
    if f.q:
        where.append("(e.sentence ILIKE ? OR a.title ILIKE ?)")
        params += [f"%{f.q}%", f"%{f.q}%"]
    if f.entity:
        # An entity key matches its group's parties; otherwise the text matches the names as written.
        where.append("(g.source_key = ? OR g.target_key = ? OR e.source ILIKE ? OR e.target ILIKE ?)")
        params += [f.entity, f.entity, f"%{f.entity}%", f"%{f.entity}%"]
    if f.type:
        where.append("upper(e.event_type) = upper(?)")
        params.append(f.type)
    if f.quad:
        where.append("g.quad_class = ?")
        params.append(f.quad)
    if f.place:
        where.append("(p.name ILIKE ? OR p.text ILIKE ?)")
        params += [f.place, f.place]
    if f.source:
        where.append(f"{_OUTLET} = ?")
        params.append(f.source)
    # An event dated to a month or a year stands for that whole period: it matches a date range only
    # when the range covers the period (a year-only date is not 1 January).
    if f.start:
        where.append("e.date >= ?")
        params.append(f.start)
    if f.end:
        where.append("CASE e.date_granularity WHEN 'year' THEN e.date + INTERVAL 1 YEAR - INTERVAL 1 DAY "
                     "WHEN 'month' THEN e.date + INTERVAL 1 MONTH - INTERVAL 1 DAY ELSE e.date END <= ?")
        params.append(f.end)
    if f.story:
        where.append("sa.story_id = ?")
        params.append(f.story)
    return " AND ".join(where), params


class Workbench:
    """The workbench's views over one `Filter`, on top of any object with `query` and `tables`."""

    def __init__(self, db: Queryable) -> None:
        self.db = db

    def ready(self) -> bool:
        return {"events", "articles", "places", "event_groups", "event_group_members",
                "story_articles"} <= self.db.tables

    def _filtered(self, f: Filter) -> tuple[str, list[Any]]:
        clause, params = _where(f)
        return f"({_BASE} WHERE {clause})", params

    def reports(self, f: Filter, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """The events (one row per report) matching the filter."""
        if not self.ready():
            return {"total": 0, "limit": limit, "offset": offset, "items": []}
        rows, params = self._filtered(f)
        total = self.db.query(f"SELECT count(*) AS n FROM {rows}", params)[0]["n"]
        items = self.db.query(f"SELECT * FROM {rows} ORDER BY date NULLS LAST, id LIMIT ? OFFSET ?",
                              [*params, limit, offset])
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    def groups(self, f: Filter, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """The event groups (one row per act) with at least one member event matching the filter."""
        if not self.ready():
            return {"total": 0, "limit": limit, "offset": offset, "items": []}
        rows, params = self._filtered(f)
        sql = (f"SELECT g.*, count(*) AS matching_reports FROM {rows} r JOIN event_groups g ON g.id = r.group_id "
               "GROUP BY ALL")
        total = self.db.query(f"SELECT count(*) AS n FROM ({sql})", params)[0]["n"]
        items = self.db.query(f"{sql} ORDER BY num_articles DESC, num_mentions DESC, id LIMIT ? OFFSET ?",
                              [*params, limit, offset])
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    def stories(self, f: Filter, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """Stories with a report matching the filter (all stories when it is empty), latest first, each
        with its articles."""
        if not self.ready() or "stories" not in self.db.tables:
            return {"total": 0, "limit": limit, "offset": offset, "items": []}
        where, params = "TRUE", []
        if f != Filter(min_confidence=f.min_confidence):
            rows, params = self._filtered(f)
            where = f"id IN (SELECT story_id FROM {rows})"
        total = self.db.query(f"SELECT count(*) AS n FROM stories WHERE {where}", params)[0]["n"]
        found = self.db.query(
            "SELECT id AS story_id, title, first_seen, last_seen, num_articles, num_sources FROM stories "
            f"WHERE {where} ORDER BY last_seen DESC NULLS LAST, first_seen DESC NULLS LAST, id LIMIT ? OFFSET ?",
            [*params, limit, offset])
        members: dict[str, list[dict[str, Any]]] = {s["story_id"]: [] for s in found}
        for row in self.db.query(ARTICLES_SQL, [list(members)]):
            members[row.pop("story_id")].append(row)
        return {"total": total, "limit": limit, "offset": offset,
                "items": [{**s, "articles": members[s["story_id"]]} for s in found]}

    def series(self, f: Filter, unit: str = "auto") -> list[dict[str, Any]]:
        """Reports and event groups per bin: a month (or a year, when `unit` is 'year', or 'auto' and the
        dates span more than three years) for day- or month-dated events, always a year for year-dated ones.

        An event dated only to a year is never put on 1 January: it counts in a year-long bin.
        """
        if not self.ready():
            return []
        rows, params = self._filtered(f)
        if unit == "auto":
            span = self.db.query(f"SELECT date_diff('month', min(date), max(date)) AS months FROM {rows}", params)
            unit = "year" if (span[0]["months"] or 0) > 36 else "month"
        coarse = "TRUE" if unit == "year" else "date_granularity = 'year'"
        return self.db.query(
            "SELECT bin_start, CASE WHEN coarse THEN bin_start + INTERVAL 1 YEAR ELSE bin_start + INTERVAL 1 MONTH "
            "END AS bin_end, CASE WHEN coarse THEN 'year' ELSE 'month' END AS bin, "
            "bool_and(date_granularity = 'year') AS year_only, count(*) AS reports, "
            "count(DISTINCT group_id) AS groups, round(avg(goldstein), 2) AS goldstein FROM ("
            f"SELECT *, {coarse} AS coarse, CASE WHEN {coarse} THEN date_trunc('year', date) "
            f"ELSE date_trunc('month', date) END AS bin_start FROM {rows} WHERE date IS NOT NULL) "
            "GROUP BY ALL ORDER BY bin_start, bin", params)

    def map_points(self, f: Filter) -> list[dict[str, Any]]:
        """Located places of the matching events: counts, and counts per quad class."""
        if not self.ready():
            return []
        rows, params = self._filtered(f)
        return self.db.query(
            "SELECT place, place_country AS country, round(latitude, 3) AS latitude, round(longitude, 3) AS longitude,"
            " count(*) AS reports, count(DISTINCT group_id) AS groups, "
            + ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS quad{q}" for q in QUAD_NAMES)
            + f" FROM {rows} WHERE latitude IS NOT NULL GROUP BY ALL ORDER BY reports DESC, place", params)

    def network(self, f: Filter, min_weight: int = 1) -> dict[str, Any]:
        """Entities linked by the event groups matching the filter; an edge's weight is its groups."""
        if not self.ready():
            return {"nodes": [], "edges": []}
        rows, params = self._filtered(f)
        edges = self.db.query(
            "SELECT source_key AS source, target_key AS target, count(DISTINCT group_id) AS weight FROM "
            f"{rows} WHERE source_key IS NOT NULL AND target_key IS NOT NULL AND source_key <> target_key "
            "GROUP BY ALL HAVING weight >= ? ORDER BY weight DESC, source, target", [*params, min_weight])
        keys = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        nodes = self.db.query("SELECT key, name, kind, country, code, num_articles FROM entities "
                              "WHERE list_contains(?, key) ORDER BY key", [keys])
        named = {n["key"] for n in nodes}
        # Keys made from a code or a country alone have no entity row: the key names them.
        nodes += [{"key": k, "name": k.split(":", 1)[-1], "kind": "code", "country": None, "code": None,
                   "num_articles": None} for k in keys if k not in named]
        return {"nodes": nodes, "edges": edges}

    def facets(self) -> dict[str, Any]:
        """The values the filter's menus offer."""
        if not self.ready():
            return {"types": [], "sources": [], "quads": QUAD_NAMES}
        types = [r["event_type"] for r in self.db.query(
            "SELECT event_type, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, event_type")]
        sources = [r["outlet"] for r in self.db.query(
            f"SELECT DISTINCT {SOURCE_SQL} AS outlet FROM articles ORDER BY outlet")]
        return {"types": types, "sources": sources, "quads": QUAD_NAMES}

    def quotes(self, speaker: str | None = None, q: str | None = None, min_confidence: float | None = None,
               limit: int = 50, offset: int = 0, within: Filter | None = None) -> dict[str, Any]:
        """Quotes by speaker and text, each with its article's title; with `within`, only the quotes of the
        articles that report an event matching that filter."""
        if "quotes" not in self.db.tables:
            return {"total": 0, "limit": limit, "offset": offset, "items": []}
        where, params = ["q.confidence >= ?"], [threshold("quotes", min_confidence)]
        if within is not None and within != Filter(min_confidence=within.min_confidence) and self.ready():
            rows, inner = self._filtered(within)
            where.append(f"q.article_id IN (SELECT article_id FROM {rows})")
            params += inner
        if speaker:
            where.append("(q.speaker ILIKE ? OR q.source ILIKE ?)")
            params += [f"%{speaker}%", f"%{speaker}%"]
        if q:
            where.append("q.text ILIKE ?")
            params.append(f"%{q}%")
        rows = (f"SELECT q.id, q.article_id, q.kind, q.text, q.cue, q.speaker, q.source, q.confidence, "
                f"a.title AS article_title, a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
                f"WHERE {' AND '.join(where)}")
        total = self.db.query(f"SELECT count(*) AS n FROM ({rows})", params)[0]["n"]
        items = self.db.query(f"{rows} ORDER BY a.published NULLS LAST, q.article_id, q.start LIMIT ? OFFSET ?",
                              [*params, limit, offset])
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    def entity(self, key: str) -> dict[str, Any] | None:
        """An entity's page: its names and codes, groups as source and as target per month, co-entities
        and the quotes of its article-level actors."""
        if "entities" not in self.db.tables:
            return None
        found = self.db.query("SELECT * FROM entities WHERE key = ?", [key])
        if not found:
            return None
        series = self.db.query(
            "SELECT date_trunc('month', date) AS month, count(*) FILTER (WHERE source_key = ?) AS as_source, "
            "count(*) FILTER (WHERE target_key = ?) AS as_target FROM event_groups "
            "WHERE (source_key = ? OR target_key = ?) AND date IS NOT NULL GROUP BY ALL ORDER BY month",
            [key, key, key, key])
        partners = self.db.query(
            "SELECT CASE WHEN source_key = ? THEN target_key ELSE source_key END AS key, count(*) AS groups "
            "FROM event_groups WHERE (source_key = ? OR target_key = ?) AND source_key IS NOT NULL "
            "AND target_key IS NOT NULL AND source_key <> target_key GROUP BY ALL ORDER BY groups DESC, key",
            [key, key, key])
        quotes = self.db.query(
            "SELECT q.id, q.article_id, q.text, q.speaker, q.confidence, a.title AS article_title FROM quotes q "
            "JOIN articles a ON a.id = q.article_id WHERE q.speaker_id IN "
            "(SELECT record_id FROM entity_links WHERE entity_key = ?) ORDER BY a.published NULLS LAST, q.start",
            [key])
        return {"entity": found[0], "series": series, "co_entities": partners, "quotes": quotes}
