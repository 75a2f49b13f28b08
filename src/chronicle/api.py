"""The Python API: `chronicle.extract(...)` for one document, `chronicle.open(db)` for queries.

Every query is parameterised SQL over a read-only DuckDB connection; no caller value is ever
spliced into the SQL text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any

import duckdb

from chronicle.confidence import threshold
from chronicle.records import CHILD_RECORDS, ArticleRecords
from chronicle.store import StoreError
from chronicle.store.access import READ_HOLD, Reader
from chronicle.stories.queries import DATE_ISO, EVENT_COLUMNS, REPORTED, ConsolidatedQueries, period_filter

# Tables whose rows carry a `confidence` the default views filter on (actors' applies to their codes).
CONFIDENCE_FILTERED = ("quotes", "events", "places", "dates")

# An HTML document announces itself in its first bytes; plain text rarely starts with a tag.
_HTML_START = re.compile(r"\s*(<!doctype html|<html|<head|<body|<(p|div|article|h[1-6])[\s>])", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:1024]))


@functools.cache
def _pipeline(model: str | None):
    # Loading spaCy costs seconds; one pipeline per model name is kept for the process.
    from chronicle.pipeline import Pipeline, PipelineConfig

    return Pipeline(PipelineConfig(model=model))


def extract(
    text_or_html: str,
    *,
    date: dt.date | str | None = None,
    url: str | None = None,
    title: str | None = None,
    model: str | None = None,
    min_confidence: float | None = None,
) -> ArticleRecords:
    """Extract the records of one text or HTML document (detected from its start).

    Records below `min_confidence` are left out; `None` applies each kind's documented threshold
    (`chronicle.confidence`), 0 keeps everything.
    """
    from chronicle.confidence import keep_confident
    from chronicle.ingest.articles import article_from_html, article_from_text, parse_date

    published = parse_date(date) if isinstance(date, str) else date
    if looks_like_html(text_or_html):
        article = article_from_html(text_or_html, input="-", url=url, published=published)
        if title:
            article = article.model_copy(update={"title": title})
    else:
        article = article_from_text(text_or_html, input="-", title=title, url=url, published=published)
    return keep_confident(_pipeline(model).extract(article), min_confidence)


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


class Database(ConsolidatedQueries):
    """Read-only query helpers over a chronicle DuckDB store. Thread-safe: a cursor per call.

    Stories, entities and event groups come from `ConsolidatedQueries` (chronicle.stories.queries).
    No connection is kept: reads share a read-only connection for at most `hold` seconds
    (`chronicle.store.access.Reader`), so articles other processes store appear within that time
    and writers can use the file meanwhile.
    """

    def __init__(self, path: str | Path, *, hold: float = READ_HOLD) -> None:
        self.path = str(path)
        if not Path(path).is_file():
            raise StoreError(f"{path}: no such database file")
        self._reader = Reader(self.path, hold=hold)
        try:
            tables = self.query("SELECT table_name FROM information_schema.tables")
        except (duckdb.Error, TimeoutError) as exc:
            raise StoreError(f"{path}: cannot open database: {str(exc).splitlines()[0]}") from None
        self.tables = {r["table_name"] for r in tables}

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        # DuckDB connections are not safe to share across threads; cursors are.
        with self._reader.connection() as con:
            cur = con.cursor()
            try:
                return _rows(cur.execute(sql, params or []))
            finally:
                cur.close()

    def _page(self, table: str, where: list[str], params: list[Any], order: str, limit: int, offset: int,
              columns: str = "*") -> dict[str, Any]:
        if table not in self.tables:
            return {"total": 0, "limit": limit, "offset": offset, "items": []}
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        with self._reader.connection():  # the count and the page from one snapshot
            total = self.query(f"SELECT count(*) AS n FROM {table}{clause}", params)[0]["n"]
            items = self.query(f"SELECT {columns} FROM {table}{clause} ORDER BY {order} LIMIT ? OFFSET ?",
                               [*params, limit, offset])
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    def articles(self, *, q: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        where, params = [], []
        if q:
            where.append("(title ILIKE ? OR text ILIKE ?)")
            params += [f"%{q}%", f"%{q}%"]
        cols = "id, input, url, title, author, published, source, language, word_count"
        return self._page("articles", where, params, "published NULLS LAST, id", limit, offset, cols)

    def _confident(self, table: str, min_confidence: float | None) -> tuple[str, list[Any]]:
        """SQL condition and parameters keeping rows of `table` at or above the confidence threshold."""
        if table not in CONFIDENCE_FILTERED:
            return "TRUE", []
        return "confidence >= ?", [threshold(table, min_confidence)]

    def article(self, article_id: str, *, min_confidence: float | None = None) -> dict[str, Any] | None:
        found = self.query("SELECT * FROM articles WHERE id = ?", [article_id])
        if not found:
            return None
        result = {"article": found[0]}
        for table in ("actors", "mentions", "quotes", "events", "counts", "places", "dates", "durations", "ages",
                      "tones"):
            if table not in self.tables:
                result[table] = []
                continue
            condition, params = self._confident(table, min_confidence)
            columns = EVENT_COLUMNS if table == "events" else "*"
            result[table] = self.query(f"SELECT {columns} FROM {table} WHERE article_id = ? AND {condition} "
                                       "ORDER BY id", [article_id, *params])
        return result

    def events(self, *, actor: str | None = None, type: str | None = None, start: dt.date | None = None,
               end: dt.date | None = None, coarser: bool = False, reported: bool = False,
               place: str | None = None, article_id: str | None = None, min_confidence: float | None = None,
               limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """Events matching every given filter. An event's date covers the period its granularity
        gives (a 'year' date is the whole year): `start`/`end` keep the events whose period lies
        inside them, or, with `coarser=True`, also those whose coarser period only overlaps them
        (an event in "2019" for June-December 2019); events the text gives no date for (dated by their
        article's publication day) match a range only with `reported=True`. Rows carry `date_iso`, the
        date cut to its granularity ("2019", "2019-06", "2019-06-14"); such events have `date` and
        `date_iso` null and the publication day as `reported_date`."""
        condition, params = self._confident("events", min_confidence)
        where = [condition]
        if actor:
            where.append("(source_id = ? OR target_id = ? OR source ILIKE ? OR target ILIKE ?)")
            params += [actor, actor, f"%{actor}%", f"%{actor}%"]
        if type:
            where.append("upper(event_type) = upper(?)")
            params.append(type)
        period, period_params = period_filter(start, end, coarser, reported)
        where += period
        params += period_params
        if place:
            where.append("place_id IN (SELECT id FROM places WHERE name ILIKE ? OR text ILIKE ? OR id = ?)")
            params += [f"%{place}%", f"%{place}%", place]
        if article_id:
            where.append("article_id = ?")
            params.append(article_id)
        return self._page("events", where, params, "date NULLS LAST, id", limit, offset, EVENT_COLUMNS)

    def quotes(self, *, speaker: str | None = None, min_confidence: float | None = None, limit: int = 50,
               offset: int = 0) -> dict[str, Any]:
        condition, params = self._confident("quotes", min_confidence)
        where = [condition]
        if speaker:
            where.append("(speaker_id = ? OR speaker ILIKE ? OR source ILIKE ?)")
            params += [speaker, f"%{speaker}%", f"%{speaker}%"]
        return self._page("quotes", where, params, "article_id, start", limit, offset)

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        found = self.query("SELECT * FROM actors WHERE id = ?", [actor_id])
        if not found:
            return None
        return {
            "actor": found[0],
            "mentions": self.query("SELECT * FROM mentions WHERE actor_id = ? ORDER BY start", [actor_id]),
            "quotes": self.query("SELECT * FROM quotes WHERE speaker_id = ? ORDER BY start", [actor_id]),
            "events": self.query("SELECT * FROM events WHERE source_id = ? OR target_id = ? ORDER BY id",
                                 [actor_id, actor_id]),
        }

    def place_counts(self, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        sql = ("SELECT coalesce(name, text) AS place, country, count(*) AS count FROM places "
               "GROUP BY ALL ORDER BY count DESC, place")
        items = self.query(f"{sql} LIMIT ? OFFSET ?", [limit, offset])
        total = self.query(f"SELECT count(*) AS n FROM ({sql})")[0]["n"]
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    def timeline(self, reported: bool = False) -> list[dict[str, Any]]:
        """Event counts per (date cut to its granularity, granularity, origin, type): an event dated to a
        year is counted in that year's bin ("2019"), never on 1 January; undated events are left out, and
        so are events the text gives no date for unless `reported` asks for them: then they are counted
        on their article's publication day under `origin` 'publication' (the day of the report, not a day
        the text gave)."""
        shown = "" if reported else f" AND NOT {REPORTED}"
        return self.query(f"SELECT {DATE_ISO} AS date, coalesce(date_granularity, 'day') AS granularity, "
                          "coalesce(date_origin, 'expression') AS origin, event_type, count(*) AS count "
                          f"FROM events WHERE date IS NOT NULL{shown} GROUP BY ALL ORDER BY date, origin, event_type")

    def network(self) -> dict[str, Any]:
        """Actors that appear as source or target of an event, and one edge per such event."""
        edges = self.query("SELECT id, source_id, target_id, event_type FROM events "
                           "WHERE source_id IS NOT NULL AND target_id IS NOT NULL ORDER BY id")
        ids = sorted({e["source_id"] for e in edges} | {e["target_id"] for e in edges})
        nodes = self.query("SELECT id, name, kind, code FROM actors WHERE list_contains(?, id) ORDER BY id", [ids])
        return {"nodes": nodes, "edges": edges}

    def stats(self) -> dict[str, Any]:
        # Only record tables: the store's bookkeeping tables (schema version …) are not data.
        record_tables = sorted(self.tables & {"articles", "failures", *CHILD_RECORDS})
        counts = {t: self.query(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in record_tables}
        types = (self.query("SELECT event_type, count(*) AS count FROM events GROUP BY ALL ORDER BY count DESC")
                 if "events" in self.tables else [])
        return {"tables": counts, "event_types": types}

    def close(self) -> None:
        self._reader.close()


def open(db: str | Path) -> Database:
    return Database(db)
