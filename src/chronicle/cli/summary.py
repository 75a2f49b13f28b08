"""Readable renderings: the demo summary read back from the store, and `extract --format table`."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from chronicle.confidence import threshold
from chronicle.records import ArticleRecords
from chronicle.store import Store

QUOTE_PREVIEW = 90


def _clip(text: str, width: int = QUOTE_PREVIEW) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_summary(store: Store, out: TextIO) -> None:
    """Per stored article: its actors, its quotes with speakers, and how many events, places, numbers, dates.

    Like `chronicle extract`, the summary shows what the default confidence thresholds keep
    (docs/confidence.md); the store holds every record.
    """
    console = Console(file=out, highlight=False, soft_wrap=True)
    con = store.con
    articles = con.execute("SELECT id, coalesce(title, input), input FROM articles ORDER BY input").fetchall()
    for article_id, title, source in articles:
        # article text is data, not rich markup: escape every piece of it
        console.rule(f"[bold]{escape(title)}")
        console.print(f"[dim]{escape(source)}  id {article_id}")
        actors = con.execute(
            "SELECT name, concat_ws(', ', role, coalesce(code, kind)), mention_count FROM actors "
            "WHERE article_id = ? ORDER BY mention_count DESC, name LIMIT 12",
            [article_id],
        ).fetchall()
        console.print("[bold]actors:[/] " + escape("; ".join(f"{n} ({c}, {m}×)" for n, c, m in actors)))
        quotes = con.execute(
            "SELECT coalesce(speaker, source, '?'), kind, text FROM quotes WHERE article_id = ? AND confidence >= ? "
            "ORDER BY start",
            [article_id, threshold("quotes", None)],
        ).fetchall()
        console.print(f"[bold]quotes ({len(quotes)}):")
        for speaker, kind, text in quotes:
            console.print(f"  {escape(speaker)} [dim]({kind})[/]: {escape(_clip(text))}")
        counts = {
            table: con.execute(f"SELECT count(*) FROM {table} WHERE article_id = ? AND {condition}",
                               [article_id, *params]).fetchone()[0]
            for table, condition, params in (
                ("events", "confidence >= ?", [threshold("events", None)]),
                ("places", "confidence >= ?", [threshold("places", None)]),
                ("counts", "TRUE", []),
                ("dates", "confidence >= ?", [threshold("dates", None)]),
            )
        }
        console.print(
            f"[bold]events[/] {counts['events']}  [bold]places[/] {counts['places']}  "
            f"[bold]numbers[/] {counts['counts']}  [bold]dates[/] {counts['dates']}"
        )
    _print_stories(console, store)
    failures = con.execute("SELECT input, reason, status FROM failures ORDER BY input").fetchall()
    # warnings belong to articles that were stored; failed and skipped inputs were not
    for heading, wanted in (("not stored", {"failed", "skipped"}), ("stored with warnings", {"warning"})):
        rows = [row for row in failures if row[2] in wanted]
        if rows:
            console.rule(f"[bold]{heading}")
        for source, reason, status in rows:
            console.print(f"  {escape(source)}: {escape(reason)} [dim]({status})")
    console.print(
        f"\nOpen the web page: [bold].venv/bin/chronicle serve --db {escape(store.path)}[/] then http://127.0.0.1:8000/"
    )


def _print_stories(console: Console, store: Store) -> None:
    """Stories across articles and the most reported event groups (written by `chronicle.stories`)."""
    from chronicle.stories.queries import StoreQueries

    queries = StoreQueries(store.con)
    found = queries.stories(limit=20)
    console.rule(f"[bold]stories ({found['total']}, latest first)")
    for story in found["items"]:
        outlets = ", ".join(sorted({a["source"] for a in story["articles"]}))
        console.print(f"[bold]{escape(_clip(story['title'] or story['story_id'], 70))}[/] "
                      f"[dim]{story['num_articles']} articles, {story['num_sources']} sources: {escape(outlets)}")
    groups = queries.event_groups(limit=10)
    console.rule(f"[bold]event groups ({groups['total']}, most reported first)")
    # Groups hold only events at the default confidence; say how many stored candidates that leaves out,
    # so an empty list reads as "nothing confident", not as "nothing found".
    minimum = threshold("events", None)
    below = store.con.execute("SELECT count(*) FROM events WHERE confidence < ?", [minimum]).fetchone()[0]
    if below:
        console.print(f"[dim]  {below} stored events below the default confidence {minimum} are not grouped "
                      "(docs/confidence.md; `chronicle query` reads them all)")
    for g in groups["items"]:
        console.print(escape(f"  {g['event_type']} {g['source_key'] or '?'} → {g['target_key'] or '?'} "
                             f"{g['date'] or ''}: {g['num_mentions']} mentions, {g['num_articles']} articles, "
                             f"{g['num_sources']} sources, Goldstein {g['goldstein']}, quad class {g['quad_class']}"))


def render_records(records: ArticleRecords) -> None:
    """`chronicle extract --format table`: one table per record type that has rows."""
    console = Console(highlight=False)
    article = records.article
    console.rule(f"[bold]{escape(article.title or article.input)}")
    for field in ("actors", "quotes", "events", "counts", "places", "dates"):
        rows = getattr(records, field)
        if not rows:
            continue
        columns = {
            "actors": ("name", "kind", "code", "role", "mention_count"),
            "quotes": ("speaker", "kind", "cue", "text"),
            "events": ("source", "event_type", "target", "trigger", "date"),
            "counts": ("value", "value_max", "qualifier", "counted", "text"),
            "places": ("text", "name", "country", "latitude", "longitude"),
            "dates": ("text", "value", "value_end", "granularity"),
        }[field]
        table = Table(title=field, show_lines=False)
        for column in columns:
            table.add_column(column)
        for row in rows:
            shown = row.model_dump(mode="json")  # as the JSON output: dates cut to their granularity
            table.add_row(*(escape(_clip(str(shown[c] or ""), 70)) for c in columns))
        console.print(table)
