"""Read-side queries behind the web workbench: one filter applied to every view.

`Filter` is the page's filter state (the same names as the page URL). `Workbench` turns it into one
parameterised WHERE over the events joined with their article, place, event group and story (read
from the store's derived table `agg_events`, `chronicle.store.aggregates`) and answers each view from
it: the reports or event groups, time-series bins, map points, entity network, quotes, facets and the
export rows. Every caller value is a SQL parameter, never spliced in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from chronicle.confidence import threshold
from chronicle.store import aggregates
from chronicle.stories.consolidate import SOURCE_SQL
from chronicle.stories.queries import ARTICLES_SQL, REPORTED


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


QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
MAX_EDGES = 500
"""The network keeps its heaviest links: more cannot be laid out or read on a page."""

# The columns of a report row (`agg_events` less the ones only filters use).
REPORT_COLUMNS = ("id, article_id, event_type, trigger, sentence, source, target, source_id, target_id, date, "
                  "date_granularity, date_origin, confidence, negated, hypothetical, article_title, outlet, "
                  "published, place, place_country, latitude, longitude, group_id, quad_class, goldstein, "
                  "source_key, target_key, story_id, tone")


def _where(f: Filter) -> tuple[str, list[Any]]:
    """The filter as one condition over the rows of `chronicle.store.aggregates.event_rows_sql()`."""
    where, params = ["confidence >= ?"], [threshold("events", f.min_confidence)]
    if f.q:
        where.append("(sentence ILIKE ? OR article_title ILIKE ?)")
        params += [f"%{f.q}%", f"%{f.q}%"]
    if f.entity:
        # An entity key matches its group's parties; otherwise the text matches the names as written.
        where.append("(source_key = ? OR target_key = ? OR source ILIKE ? OR target ILIKE ?)")
        params += [f.entity, f.entity, f"%{f.entity}%", f"%{f.entity}%"]
    if f.type:
        where.append("type_key = upper(?)")
        params.append(f.type)
    if f.quad:
        where.append("quad_class = ?")
        params.append(f.quad)
    if f.place:
        where.append("(place ILIKE ? OR place_text ILIKE ?)")
        params += [f.place, f.place]
    if f.source:
        where.append("outlet = ?")
        params.append(f.source)
    # An event dated to a month or a year stands for that whole period: it matches a date range only
    # when the range covers the period (a year-only date is not 1 January). An event the text gives no
    # date for (its article's publication day stands in) matches no range, as in the API's default.
    if f.start or f.end:
        where.append(f"NOT {REPORTED}")
    if f.start:
        where.append("date >= ?")
        params.append(f.start)
    if f.end:
        where.append("period_end <= ?")
        params.append(f.end)
    if f.story:
        where.append("story_id = ?")
        params.append(f.story)
    return " AND ".join(where), params


def _unfiltered(f: Filter) -> bool:
    return f == Filter(min_confidence=f.min_confidence)


class Workbench:
    """The workbench's views over one `Filter`, on top of any object with `query` and `tables`.

    Rows come from the store's derived table `agg_events` when it is current, else from the join it
    stores (`exact=True` forces the join: the reference the tests compare the derived tables with).
    """

    def __init__(self, db: Queryable, *, exact: bool = False) -> None:
        self.db = db
        self.exact = exact

    def ready(self) -> bool:
        return {"events", "articles", "places", "event_groups", "event_group_members",
                "story_articles", "tones"} <= self.db.tables

    def _state(self) -> dict[str, Any]:
        """Which derived tables are current (`fresh`, `fresh_quotes`) and the lowest confidence of a grouped
        event; all false when there are none or `exact` is set."""
        if not self.exact and set(aggregates.TABLES) <= self.db.tables:
            return aggregates.freshness(self.db.query(aggregates.COUNTS_SQL))
        return {"fresh": False, "fresh_quotes": False, "grouped_min_confidence": None}

    def _source(self) -> tuple[str, float | None]:
        """The rows to filter (a table or the join) and, from the derived tables, the lowest confidence of
        a grouped event (None when they are not used)."""
        state = self._state()
        if state["fresh"]:
            return "agg_events", state["grouped_min_confidence"]
        return f"({aggregates.event_rows_sql()})", None

    def _filtered(self, f: Filter) -> tuple[str, list[Any]]:
        clause, params = _where(f)
        source, _ = self._source()
        return f"(SELECT * FROM {source} WHERE {clause})", params

    def reports(self, f: Filter, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """The events (one row per report) matching the filter."""
        if not self.ready():
            return {"total": 0, "limit": limit, "offset": offset, "items": []}
        clause, params = _where(f)
        source, _ = self._source()
        total = self.db.query(f"SELECT count(*) AS n FROM {source} WHERE {clause}", params)[0]["n"]
        # The page is picked on the sort columns alone, then its rows read whole: sorting whole rows past a
        # deep offset costs far more.
        page = f"SELECT id FROM {source} WHERE {clause} ORDER BY date NULLS LAST, id LIMIT ? OFFSET ?"
        items = self.db.query(f"SELECT {REPORT_COLUMNS} FROM {source} WHERE id IN ({page}) "
                              "ORDER BY date NULLS LAST, id", [*params, limit, offset])
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    def groups(self, f: Filter, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """The event groups (one row per act) with at least one member event matching the filter."""
        if not self.ready():
            return {"total": 0, "limit": limit, "offset": offset, "items": []}
        source, grouped_min = self._source()
        clause, params = _where(f)
        order = "g.num_articles DESC, g.num_mentions DESC, g.id"
        if self._all_grouped_pass(f, grouped_min):
            # Every group matches: the page is picked from the groups alone, its reports counted for it only.
            total = self.db.query("SELECT count(*) AS n FROM event_groups")[0]["n"]
            page = f"SELECT * FROM event_groups g ORDER BY {order} LIMIT ? OFFSET ?"
            counted = self.db.query(f"SELECT group_id, count(*) AS n FROM {source} WHERE {clause} AND group_id IN "
                                    f"(SELECT id FROM ({page})) GROUP BY ALL", [*params, limit, offset])
            reports = {r["group_id"]: r["n"] for r in counted}
            items = [{**g, "matching_reports": reports.get(g["id"], 0)} for g in self.db.query(page, [limit, offset])]
            return {"total": total, "limit": limit, "offset": offset, "items": items}
        # Counted per group first, then joined: grouping by every column of the group costs far more.
        matching = (f"(SELECT group_id, count(*) AS matching_reports FROM {source} WHERE {clause} "
                    "AND group_id IS NOT NULL GROUP BY ALL)")
        # The page's groups are picked on the sort columns alone; only those rows are read whole.
        page = (f"SELECT r.group_id, r.matching_reports, count(*) OVER () AS total FROM {matching} r "
                f"JOIN event_groups g ON g.id = r.group_id ORDER BY {order} LIMIT ? OFFSET ?")
        items = self.db.query(f"SELECT g.*, p.matching_reports, p.total FROM ({page}) p JOIN event_groups g "
                              f"ON g.id = p.group_id ORDER BY {order}", [*params, limit, offset])
        total = self._total(items, f"SELECT count(*) AS n FROM {matching}", params)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    def _all_grouped_pass(self, f: Filter, grouped_min: float | None) -> bool:
        """No filter, and every grouped event passes its confidence threshold (so every group matches)."""
        return grouped_min is not None and _unfiltered(f) and threshold("events", f.min_confidence) <= grouped_min

    def stories(self, f: Filter, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """Stories with a report matching the filter (all stories when it is empty), latest first, each
        with its articles."""
        if not self.ready() or "stories" not in self.db.tables:
            return {"total": 0, "limit": limit, "offset": offset, "items": []}
        where, params = "TRUE", []
        if not _unfiltered(f):
            rows, params = self._filtered(f)
            where = f"id IN (SELECT story_id FROM {rows})"
        found = self.db.query(
            "SELECT id AS story_id, title, first_seen, last_seen, num_articles, num_sources, count(*) OVER () AS total "
            f"FROM stories WHERE {where} ORDER BY last_seen DESC NULLS LAST, first_seen DESC NULLS LAST, id "
            "LIMIT ? OFFSET ?", [*params, limit, offset])
        total = self._total(found, f"SELECT count(*) AS n FROM stories WHERE {where}", params)
        members: dict[str, list[dict[str, Any]]] = {s["story_id"]: [] for s in found}
        for row in self.db.query(ARTICLES_SQL, [list(members)]):
            members[row.pop("story_id")].append(row)
        return {"total": total, "limit": limit, "offset": offset,
                "items": [{**s, "articles": members[s["story_id"]]} for s in found]}

    def series(self, f: Filter, unit: str = "auto") -> list[dict[str, Any]]:
        """Reports and event groups per bin: a month (or a year, when `unit` is 'year', or 'auto' and the
        dates span more than three years) for day- or month-dated events, always a year for year-dated ones.
        Each bin also has the mean Goldstein value of its reports' event groups and the mean document tone
        of its reports' articles.

        An event dated only to a year is never put on 1 January: it counts in a year-long bin. An event the
        text gives no date for is on no bin: its article's publication day is not the act's.
        """
        if not self.ready():
            return []
        rows, params = self._filtered(f)
        if unit == "auto":
            span = self.db.query(f"SELECT date_diff('month', min(date), max(date)) AS months FROM {rows} "
                                 f"WHERE NOT {REPORTED}", params)
            unit = "year" if (span[0]["months"] or 0) > 36 else "month"
        coarse = "TRUE" if unit == "year" else "date_granularity = 'year'"
        # Binned first, then each bin's end and kind computed: per bin, not per row.
        return self.db.query(
            "SELECT bin_start, CASE WHEN coarse THEN bin_start + INTERVAL 1 YEAR ELSE bin_start + INTERVAL 1 MONTH "
            "END AS bin_end, CASE WHEN coarse THEN 'year' ELSE 'month' END AS bin, year_only, reports, groups, "
            "goldstein, tone FROM (SELECT coarse, bin_start, bool_and(date_granularity = 'year') AS year_only, "
            "count(*) AS reports, count(DISTINCT group_id) AS groups, round(avg(goldstein), 2) AS goldstein, "
            "round(avg(tone), 3) AS tone "
            f"FROM (SELECT date_granularity, group_id, goldstein, tone, {coarse} AS coarse, "
            f"CASE WHEN {coarse} THEN date_trunc('year', date) ELSE date_trunc('month', date) END AS bin_start "
            f"FROM {rows} WHERE date IS NOT NULL AND NOT {REPORTED}) GROUP BY coarse, bin_start) "
            "ORDER BY bin_start, bin", params)

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
        """Entities linked by the event groups matching the filter; an edge's weight is its groups. The
        `MAX_EDGES` heaviest edges are given, and `total_edges` counts them all."""
        if not self.ready():
            return {"nodes": [], "edges": [], "total_edges": 0}
        source, grouped_min = self._source()
        clause, params = _where(f)
        if self._all_grouped_pass(f, grouped_min):
            # Every grouped event passes the filter: the tally made when the store was written is exact.
            weighted, params = "SELECT source_key AS source, target_key AS target, weight FROM agg_edges", []
        else:
            weighted = ("SELECT source_key AS source, target_key AS target, count(DISTINCT group_id) AS weight "
                        f"FROM {source} WHERE {clause} AND source_key IS NOT NULL AND target_key IS NOT NULL "
                        "AND source_key <> target_key GROUP BY ALL")
        # One pass gives the page and the count of every edge kept.
        edges = self.db.query(f"SELECT *, count(*) OVER () AS total FROM ({weighted}) WHERE weight >= ? "
                              "ORDER BY weight DESC, source, target LIMIT ?", [*params, min_weight, MAX_EDGES])
        total = edges[0]["total"] if edges else 0
        for edge in edges:
            del edge["total"]
        keys = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        # Only parties to an event group can be nodes: the derived table of those is a fraction of `entities`.
        entities = "agg_nodes" if source == "agg_events" else "entities"
        nodes = self.db.query(f"SELECT key, name, kind, country, code, num_articles FROM {entities} "
                              "WHERE key IN (SELECT unnest(?::VARCHAR[])) ORDER BY key", [keys])
        named = {n["key"] for n in nodes}
        # Keys made from a code or a country alone have no entity row: the key names them.
        nodes += [{"key": k, "name": k.split(":", 1)[-1], "kind": "code", "country": None, "code": None,
                   "num_articles": None} for k in keys if k not in named]
        return {"nodes": nodes, "edges": edges, "total_edges": total}

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
        where, params = ["confidence >= ?"], [threshold("quotes", min_confidence)]
        filtered = within is not None and not _unfiltered(within) and self.ready()
        if filtered:
            rows, inner = self._filtered(within)
            where.append(f"article_id IN (SELECT article_id FROM {rows})")
            params += inner
        if speaker:
            where.append("(speaker ILIKE ? OR source ILIKE ?)")
            params += [f"%{speaker}%", f"%{speaker}%"]
        if q:
            where.append("text ILIKE ?")
            params.append(f"%{q}%")
        source = "agg_quotes" if self._state()["fresh_quotes"] else f"({aggregates.quote_rows_sql()})"
        clause = " AND ".join(where)
        count = f"SELECT count(*) AS n FROM {source} WHERE {clause}"
        columns = "id, article_id, kind, text, cue, speaker, source, confidence, article_title, published"
        if not filtered:  # a count and a top-N over one table: cheaper than anything in one pass
            items = self.db.query(f"SELECT {columns} FROM {source} WHERE {clause} "
                                  f"ORDER BY {aggregates.QUOTE_ORDER} LIMIT ? OFFSET ?", [*params, limit, offset])
            return {"total": self.db.query(count, params)[0]["n"], "limit": limit, "offset": offset, "items": items}
        # The events filter is evaluated once: the page's ids and the count in one pass, then those rows.
        page = (f"SELECT id, count(*) OVER () AS total FROM {source} WHERE {clause} "
                f"ORDER BY {aggregates.QUOTE_ORDER} LIMIT ? OFFSET ?")
        items = self.db.query(
            f"SELECT {', '.join('q.' + c for c in columns.split(', '))}, p.total FROM ({page}) p "
            f"JOIN {source} q ON q.id = p.id ORDER BY {aggregates.QUOTE_ORDER}", [*params, limit, offset])
        return {"total": self._total(items, count, params), "limit": limit, "offset": offset, "items": items}

    def _total(self, items: list[dict[str, Any]], count_sql: str, params: list[Any]) -> int:
        """The `total` a page's rows carry (removed from them); a page past the end has none, so it is counted."""
        if not items:
            return self.db.query(count_sql, params)[0]["n"]
        for item in items:
            total = item.pop("total")
        return total

    def entity(self, key: str) -> dict[str, Any] | None:
        """An entity's page: its names and codes, groups as source and as target per month (groups the text
        gives no date for are on no month), co-entities and the quotes of its article-level actors."""
        if "entities" not in self.db.tables:
            return None
        found = self.db.query("SELECT * FROM entities WHERE key = ?", [key])
        if not found:
            return None
        series = self.db.query(
            "SELECT date_trunc('month', date) AS month, count(*) FILTER (WHERE source_key = ?) AS as_source, "
            "count(*) FILTER (WHERE target_key = ?) AS as_target FROM event_groups "
            f"WHERE (source_key = ? OR target_key = ?) AND date IS NOT NULL AND NOT {REPORTED} "
            "GROUP BY ALL ORDER BY month",
            [key, key, key, key])
        partners = self.db.query(
            "SELECT CASE WHEN source_key = ? THEN target_key ELSE source_key END AS key, count(*) AS groups "
            "FROM event_groups WHERE (source_key = ? OR target_key = ?) AND source_key IS NOT NULL "
            "AND target_key IS NOT NULL AND source_key <> target_key GROUP BY ALL ORDER BY groups DESC, key",
            [key, key, key])
        source = "agg_quotes" if self._state()["fresh_quotes"] else f"({aggregates.quote_rows_sql()})"
        quotes = self.db.query(
            f"SELECT id, article_id, text, speaker, confidence, article_title FROM {source} WHERE speaker_key = ? "
            "ORDER BY published NULLS LAST, start, id", [key])
        return {"entity": found[0], "series": series, "co_entities": partners, "quotes": quotes}
