"""`chronicle export --format parquet|csv|jsonl DIR`: every table of the store, one file each."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from chronicle.cli.options import Db, fail


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
    from chronicle.store import Store, StoreError
    from chronicle.store.schema import STORED_RECORDS

    try:
        store = Store(db, read_only=True)
    except StoreError as exc:
        raise fail(str(exc)) from None
    out.mkdir(parents=True, exist_ok=True)
    with store:
        for table in STORED_RECORDS:
            target = out / f"{table}.{format.value}"
            # the path is ours, not user SQL; quotes in it are escaped for the SQL string literal
            literal = str(target).replace("'", "''")
            store.con.execute(f"COPY {table} TO '{literal}' {COPY_OPTIONS[format]}")
            typer.echo(str(target))
