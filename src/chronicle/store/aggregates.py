"""Derived tables that make the workbench fast on a large store, kept equal to the queries they replace.

The workbench filters one row per event joined with its article, place, event group and story, and
a page load asks seven views of that join. On 100k articles the five-way join alone takes most of a
second per view, so the store keeps the join's result, and the small tallies the unfiltered views
need, as tables (docs/store.md, "Derived tables"):

- `agg_events`: `event_rows_sql()`, one row per event, ordered by date (DuckDB's per-block min/max then
  skips blocks for a date range) with the values filters test precomputed (outlet, upper-case type,
  the end of a month- or year-dated event's period, the article's document tone);
- `agg_quotes`: one row per quote with its article's title and date and its speaker's entity, in the
  quote browser's order;
- `agg_edges`: the entity network with no filter, edges weighted by their event groups;
- `agg_nodes`: the entities that are a party to an event group, with the columns a network node shows;
- `agg_meta`: what a reader needs to know when those tables may stand in for a query (the lowest
  confidence among grouped events, the events counted).

They hold nothing of their own: every row is derived from stored records, so they are rebuilt
rather than migrated. They change in the same transaction as what they derive from: `add_articles`
when `Store.write_many` stores new articles (their events join no group or story yet, exactly as
the join gives them), `rebuild` at the end of consolidation (which rewrites groups and stories) and
when a store from before these tables is opened for writing. A reader checks `fresh` and falls back to
the join when a writer bypassed both (a bulk load of shards not yet consolidated), so a view is
never answered from stale rows.
"""

from __future__ import annotations

import contextlib
import functools
from typing import Any

import duckdb
import pyarrow as pa

# The record tables `event_rows_sql` reads, then the consolidated ones, in its arguments' order; and
# the one `quote_rows_sql` reads besides quotes and articles.
EVENT_INPUTS = ("events", "articles", "places", "tones")
CONSOLIDATED_INPUTS = ("event_group_members", "event_groups", "story_articles", "entity_links")
TABLES = ("agg_events", "agg_quotes", "agg_edges", "agg_nodes", "agg_meta")

# An event dated to a month or a year stands for that whole period: the last day it covers.
PERIOD_END = ("CASE e.date_granularity WHEN 'year' THEN CAST(e.date + INTERVAL 1 YEAR - INTERVAL 1 DAY AS DATE) "
              "WHEN 'month' THEN CAST(e.date + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) ELSE e.date END")


@functools.cache
def event_rows_sql(events: str = "events", articles: str = "articles", places: str = "places",
                   tones: str = "tones", members: str = "event_group_members", groups: str = "event_groups",
                   stories: str = "story_articles") -> str:
    """One row per event with everything the workbench's views filter or draw on. Events outside any
    group (not consolidated yet) keep NULL group and story columns. `tone` is the article's document
    tone (VADER compound, -1 … 1). The record tables may be given other names (a batch being stored)."""
    # Imported here: consolidation imports this module (to rebuild these tables), and the store
    # package imports it before consolidation's module can finish loading.
    from chronicle.stories.consolidate import SOURCE_SQL

    # The outlet of an article `a`: its source, else its URL's host, else its input.
    outlet = SOURCE_SQL.replace("source", "a.source").replace("url", "a.url").replace("input", "a.input")
    return f"""
SELECT e.id, e.article_id, e.event_type, e.trigger, e.sentence, e.source, e.target, e.source_id, e.target_id,
       e.date, e.date_granularity, e.date_origin, e.confidence, e.negated, e.hypothetical,
       a.title AS article_title, {outlet} AS outlet, a.published,
       p.name AS place, p.country AS place_country, p.latitude, p.longitude,
       m.group_id, g.quad_class, g.goldstein, g.source_key, g.target_key, sa.story_id, t.tone,
       p.text AS place_text, upper(e.event_type) AS type_key, {PERIOD_END} AS period_end
FROM {events} e
JOIN {articles} a ON a.id = e.article_id
LEFT JOIN {places} p ON p.id = e.place_id
LEFT JOIN {members} m ON m.event_id = e.id
LEFT JOIN {groups} g ON g.id = m.group_id
LEFT JOIN {stories} sa ON sa.article_id = e.article_id
LEFT JOIN (SELECT article_id, avg(compound) AS tone FROM {tones} WHERE scope = 'document' GROUP BY article_id) t
       ON t.article_id = e.article_id
"""



def quote_rows_sql(quotes: str = "quotes", articles: str = "articles", links: str = "entity_links") -> str:
    """One row per quote with its article's title and date and its speaker's entity (each article-level
    actor is linked to one). The record tables may be given other names (a batch being stored)."""
    return f"""
SELECT q.id, q.article_id, q.kind, q.text, q.cue, q.speaker, q.source, q.confidence, q.speaker_id, q.start,
       a.title AS article_title, a.published, l.entity_key AS speaker_key
FROM {quotes} q JOIN {articles} a ON a.id = q.article_id
LEFT JOIN {links} l ON l.record_id = q.speaker_id AND l.record_table = 'actors'
"""


QUOTE_ORDER = "published NULLS LAST, article_id, start"

# The network with no filter: every pair of distinct entities, weighted by the event groups linking
# them (what `Workbench.network` counts over `agg_events` when every grouped event passes the filter).
EDGES_SQL = """
SELECT source_key, target_key, count(DISTINCT group_id) AS weight FROM agg_events
WHERE source_key IS NOT NULL AND target_key IS NOT NULL AND source_key <> target_key GROUP BY ALL
"""

# The entities that can be a node of the network (a party to an event group), with what a node shows.
NODES_SQL = """
SELECT key, name, kind, country, code, num_articles FROM entities
WHERE key IN (SELECT source_key FROM event_groups UNION SELECT target_key FROM event_groups) ORDER BY key
"""


def _definitions() -> dict[str, str]:
    """Each table's defining query, ordered as its rows are written (agg_edges reads agg_events)."""
    return {"agg_events": f"SELECT * FROM ({event_rows_sql()}) ORDER BY date NULLS LAST, id",
            "agg_quotes": f"SELECT * FROM ({quote_rows_sql()}) ORDER BY {QUOTE_ORDER}",
            "agg_edges": EDGES_SQL, "agg_nodes": NODES_SQL,
            "agg_meta": "SELECT CAST(NULL AS VARCHAR) AS key, CAST(NULL AS DOUBLE) AS value WHERE FALSE"}


def _columns(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    return [d[0] for d in con.execute(f"SELECT * FROM ({sql}) LIMIT 0").description or []]


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Build the tables when they are missing or laid out by another chronicle version (call inside the
    writer's transaction, with the record tables created)."""
    existing = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not set(TABLES) <= existing or any(
            _columns(con, f"SELECT * FROM {table}") != _columns(con, sql)
            for table, sql in _definitions().items() if table in ("agg_events", "agg_quotes")):
        rebuild(con)


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Derive every table afresh from the stored records (call inside the writer's transaction)."""
    for table in TABLES:
        con.execute(f"DROP TABLE IF EXISTS {table}")
    for table, sql in _definitions().items():
        con.execute(f"CREATE TABLE {table} AS {sql}")
    _write_meta(con)


def add_articles(con: duckdb.DuckDBPyConnection, stored: dict[str, pa.Table]) -> None:
    """Add the rows of the articles just stored (call inside the transaction that stored them), given the
    record rows inserted, by table.

    Their rows are derived from those in-memory rows, not from the whole store: a new article is in no
    event group or story until consolidation (the joins with those tables find nothing), so the
    network's tables do not change; only the counts in `agg_meta` do.
    """
    if not stored["articles"].num_rows:
        return
    names = {table: f"agg_new_{table}" for table in ("articles", "events", "places", "tones", "quotes")}
    # What consolidation derives (groups, stories, entity links) has no row for an article stored just now:
    # joined with nothing rather than read from disk, the batch's rows come out the same.
    none = {table: f"(SELECT * FROM {table} WHERE FALSE)" for table in CONSOLIDATED_INPUTS}
    events = event_rows_sql(*(names[t] for t in EVENT_INPUTS), *(none[t] for t in CONSOLIDATED_INPUTS[:3]))
    quotes = quote_rows_sql(names["quotes"], names["articles"], none["entity_links"])
    try:
        for table, name in names.items():
            con.register(name, stored[table])
        con.execute(f"INSERT INTO agg_events SELECT * FROM ({events}) ORDER BY date NULLS LAST, id")
        con.execute(f"INSERT INTO agg_quotes SELECT * FROM ({quotes}) ORDER BY {QUOTE_ORDER}")
    finally:
        for name in names.values():
            # after a failed insert the transaction is aborted and unregistering fails too, hiding the error
            with contextlib.suppress(duckdb.Error):
                con.unregister(name)
    # Counted up, not recounted: a table that was behind before stays behind (and unused) until rebuilt.
    for key in ("events", "quotes"):
        con.execute("UPDATE agg_meta SET value = value + ? WHERE key = ?", [stored[key].num_rows, key])


def _write_meta(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("DELETE FROM agg_meta")
    con.execute("INSERT INTO agg_meta SELECT 'events', count(*) FROM events")
    con.execute("INSERT INTO agg_meta SELECT 'quotes', count(*) FROM quotes")
    con.execute("INSERT INTO agg_meta SELECT 'grouped_min_confidence', min(confidence) FROM agg_events "
                "WHERE group_id IS NOT NULL")


# What `freshness` compares: the counts noted when the tables were written, and the rows now. (One
# UNION: DuckDB plans the same counts as scalar subqueries of one SELECT far more slowly.)
COUNTS_SQL = """
SELECT key, value FROM agg_meta
UNION ALL SELECT 'stored events', count(*) FROM events UNION ALL SELECT 'stored quotes', count(*) FROM quotes
UNION ALL SELECT 'agg_events', count(*) FROM agg_events UNION ALL SELECT 'agg_quotes', count(*) FROM agg_quotes
"""


def freshness(counts: list[dict[str, Any]]) -> dict[str, Any]:
    """Whether the tables cover every stored event (`fresh`) and quote (`fresh_quotes`), from the rows of
    `COUNTS_SQL`, and the lowest confidence of a grouped event. Stored records are never changed or
    deleted, so a table with as many rows as its source, counted when it was written, is current."""
    value = {row["key"]: row["value"] for row in counts}
    return {
        "fresh": value.get("events") == value["stored events"] == value["agg_events"],
        "fresh_quotes": value.get("quotes") == value["stored quotes"] == value["agg_quotes"],
        "grouped_min_confidence": value.get("grouped_min_confidence"),
    }


def tables_markdown() -> list[str]:
    """The derived tables' section of docs/schema.md."""
    return [
        "## Derived tables (agg_*)",
        "",
        "Kept by `chronicle.store.aggregates` in the same transaction as the records they derive from; rebuilt,",
        "never migrated. See docs/store.md, \"Derived tables\".",
        "",
        "| table | one row per | columns |",
        "| --- | --- | --- |",
        "| `agg_events` | event, ordered by date | the event's columns the workbench shows, its article's "
        "`article_title`, `outlet` and `published`, its place (`place`, `place_text`, `place_country`, "
        "`latitude`, `longitude`), "
        "its event group (`group_id`, `quad_class`, `goldstein`, `source_key`, `target_key`), `story_id`, "
        "the article's document `tone`, `type_key` (upper-case type) and `period_end` (last day of its date's "
        "period) |",
        "| `agg_quotes` | quote, in the quote browser's order | the quote's `id`, `article_id`, `kind`, `text`, "
        "`cue`, "
        "`speaker`, `source`, `confidence`, `speaker_id`, `start`, its article's `article_title` and "
        "`published`, and `speaker_key`, the entity its speaker is linked to |",
        "| `agg_edges` | pair of distinct entities linked by an event group | `source_key`, `target_key`, `weight` "
        "(event groups) |",
        "| `agg_nodes` | entity that is a party to an event group | `key`, `name`, `kind`, `country`, `code`, "
        "`num_articles` (as in `entities`) |",
        "| `agg_meta` | fact about the tables | `key` (`events`, `quotes`: rows counted; `grouped_min_confidence`: "
        "lowest "
        "confidence of a grouped event), `value` |",
        "",
    ]
