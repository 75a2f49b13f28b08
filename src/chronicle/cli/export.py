"""`chronicle export --format parquet|csv|jsonl DIR`: every table of the store, one file each."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from chronicle.cli.options import Db, fail, first_line, store_errors


class Format(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


COPY_OPTIONS = {Format.parquet: "(FORMAT parquet)", Format.csv: "(FORMAT csv, HEADER)", Format.jsonl: "(FORMAT json)"}


def command(
    out: Annotated[Path, typer.Argument(help="Folder to write <table>.<format> files into.")],
    format: Annotated[Format, typer.Option("--format", help="parquet, csv or jsonl.")] = Format.parquet,
    db: Db = Path("chronicle.duckdb"),
) -> None:
    """Export every table of the store (articles, actors, mentions, quotes, events, …, failures)."""
    from chronicle.store import Store
    from chronicle.store.schema import STORED_RECORDS

    if out.exists() and not out.is_dir():
        raise fail(f"{out}: exists and is not a folder (export writes one file per table into a folder)")
    with store_errors(db):
        store = Store(db, read_only=True)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        store.close()
        raise fail(f"{out}: cannot create folder: {exc.strerror or first_line(exc)}") from None
    with store, store_errors(db):
        for table in STORED_RECORDS:
            target = out / f"{table}.{format.value}"
            # the path is ours, not user SQL; quotes in it are escaped for the SQL string literal
            literal = str(target).replace("'", "''")
            store.con.execute(f"COPY {table} TO '{literal}' {COPY_OPTIONS[format]}")
            typer.echo(str(target))
