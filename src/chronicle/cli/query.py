"""`chronicle query "SQL"`: read-only SQL over the store."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from chronicle.cli.options import Db, fail, first_line, store_damage, store_errors


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def command(
    sql: Annotated[str, typer.Argument(help="SQL to run (the database is opened read-only).")],
    db: Db = Path("chronicle.duckdb"),
    format: Annotated[Format, typer.Option("--format", help="table, csv or json.")] = Format.table,
) -> None:
    """Run read-only SQL against the store and print the result."""
    import duckdb

    from chronicle.store import Store

    with store_errors(db):
        store = Store(db, read_only=True)
    with store:
        try:
            cursor = store.con.execute(sql)
            names = [d[0] for d in cursor.description or []]
            rows = cursor.fetchall()
        except duckdb.Error as exc:
            # a damaged file is the store's fault and names it; a mistake in the SQL is the query's
            who = db if store_damage(exc) else "chronicle query"
            raise fail(f"{who}: {first_line(exc)}") from None
    if format is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        writer.writerows(rows)
    elif format is Format.json:
        sys.stdout.write(json.dumps([dict(zip(names, r, strict=True)) for r in rows], default=str, indent=2) + "\n")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*names)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)
