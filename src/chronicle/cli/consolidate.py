"""`chronicle consolidate --db FILE [--shards DIR]`: stories, entities and event groups of a store or shards."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from chronicle.cli.options import Db, fail, store_errors


def command(
    db: Db = Path("chronicle.duckdb"),
    shards: Annotated[Path | None, typer.Option(
        help="The --out folder of `chronicle run --engine ray`: the store's record tables become views over "
             "its Parquet shards, read in place by DuckDB (a new database, or one made this way before).")] = None,
) -> None:
    """Place new articles in stories, mark near-duplicates, and rebuild entities and event groups.

    `chronicle ingest` and `chronicle run --load` do this themselves; with --shards the records of a
    distributed run are consolidated without loading them. Prints one JSON line: what was consolidated.
    """
    from chronicle.distributed.views import ShardsError, attach_shards
    from chronicle.store import Store
    from chronicle.stories.consolidate import consolidate

    with store_errors(db):
        store = Store(db)
    report: dict[str, object] = {"db": str(db)}
    with store, store_errors(db):
        if shards is not None:
            try:
                report["shards"] = attach_shards(store.con, shards)
            except ShardsError as exc:
                raise fail(f"chronicle consolidate: {exc}") from None
        report["consolidated"] = consolidate(store.con).__dict__
    print(json.dumps(report))
