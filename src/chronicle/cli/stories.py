"""`chronicle stories --db FILE`: the stored stories, one per line, with their articles."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from chronicle.cli.options import Db, store_errors


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


def command(
    db: Db = Path("chronicle.duckdb"),
    format: Annotated[Format, typer.Option("--format", help="jsonl (one story a line) or table.")] = Format.jsonl,
    since: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"],
                                                      help="Only stories seen on or after this date.")] = None,
) -> None:
    """Print the stories: the articles from any outlet that report the same news event."""
    from chronicle.store import Store
    from chronicle.stories.queries import StoreQueries

    with store_errors(db):
        store = Store(db, read_only=True)
    with store, store_errors(db):
        queries = StoreQueries(store.con)
        found = queries.stories(since=since.date() if since else None, limit=queries.stories()["total"] or 1)["items"]
    if format is Format.jsonl:
        for story in found:
            sys.stdout.write(json.dumps(story, default=str) + "\n")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table("story", "seen", "articles", "sources", "title / articles")
    for story in found:
        lines = [f"[bold]{escape(story['title'] or '')}"] + [
            escape(f"{a['source']} {a['published'] or ''} {a['title'] or a['input']}"
                   + (f" (copy of {a['duplicate_of']})" if a["duplicate_of"] else "")) for a in story["articles"]]
        table.add_row(story["story_id"], f"{story['first_seen'] or ''} … {story['last_seen'] or ''}",
                      str(story["num_articles"]), str(story["num_sources"]), "\n".join(lines))
    Console().print(table)
