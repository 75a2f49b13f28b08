"""`chronicle ingest PATH... --db FILE`: extract and store, resumable, with a progress bar."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from chronicle.cli.options import (
    BatchSize,
    Date,
    Db,
    Dictionaries,
    Model,
    Paths,
    fail,
    pipeline_config,
    store_errors,
)


def command(
    paths: Paths,
    db: Db = Path("chronicle.duckdb"),
    workers: Annotated[int, typer.Option(min=1, help="Worker processes for parsing and extraction.")] = 1,
    batch_size: BatchSize = 16,
    model: Model = None,
    date: Date = None,
    dictionaries: Dictionaries = None,
    summary: Annotated[bool, typer.Option("--summary", help="Print what was stored, article by article.")] = False,
) -> None:
    """Extract articles and store their records in DuckDB (each article once, however often it is run)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from chronicle.batch import ingest
    from chronicle.ingest import read_inputs
    from chronicle.nlp import ModelNotFound
    from chronicle.records import Failure
    from chronicle.store import Store

    config = pipeline_config(model, date, dictionaries, batch_size)
    missing = [p for p in paths if p != "-" and not os.path.lexists(p)]
    if len(missing) == len(paths):
        # nothing to read: say so, and leave the database (or its absence) as it was
        raise fail(f"chronicle ingest: no such file or directory: {', '.join(missing)}")
    with store_errors(db):
        store = Store(db)

    console = Console(stderr=True)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    with store, progress:
        task = progress.add_task("ingest", total=None, rate="-")

        def on_result(result: object) -> None:
            if isinstance(result, Failure):
                progress.console.print(result.message(), highlight=False, markup=False, soft_wrap=True)
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 0
            done = progress.tasks[0].completed
            progress.update(task, rate=f"{done / elapsed:.1f}" if elapsed else "-")

        try:
            with store_errors(db):
                tally = ingest(read_inputs(paths), store, config, workers=workers, on_result=on_result)
        except ModelNotFound as exc:
            raise fail(f"chronicle ingest: {exc}") from None
        from chronicle.stories.consolidate import consolidate

        with store_errors(db):
            typer.echo(f"{db}: {consolidate(store.con).line()}", err=True)
            if summary:
                from chronicle.cli.summary import print_summary

                print_summary(store, sys.stdout)
    typer.echo(f"{db}: {tally.line()}", err=True)
    if tally.failed:
        raise typer.Exit(1)
