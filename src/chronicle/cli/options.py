"""Options shared by several commands, defined once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from chronicle.pipeline import PipelineConfig

Paths = Annotated[list[str], typer.Argument(help="Files, directories, or '-' for standard input.")]
Model = Annotated[str | None, typer.Option(help="Installed spaCy pipeline to parse with (default: en_core_web_sm).")]
Date = Annotated[
    dt.datetime | None,
    typer.Option(formats=["%Y-%m-%d"], help="Publication date for articles that carry none; anchors relative dates."),
]
Dictionaries = Annotated[
    Path | None, typer.Option(help="Folder of PETRARCH/TABARI actor, agent and verb dictionaries to code with.")
]
BatchSize = Annotated[int, typer.Option(min=1, help="Articles per spaCy batch.")]
MinConfidence = Annotated[
    float | None,
    typer.Option(min=0.0, max=1.0, help="Keep records at or above this confidence; 0 keeps everything "
                 "(default: each kind's documented threshold, see docs/confidence.md)."),
]
Db = Annotated[Path, typer.Option(help="DuckDB database file.")]


def pipeline_config(model: str | None, date: dt.datetime | None, dictionaries: Path | None,
                    batch_size: int = 16) -> PipelineConfig:
    if dictionaries is not None and not dictionaries.is_dir():
        raise typer.BadParameter(f"{dictionaries}: not a folder", param_hint="--dictionaries")
    return PipelineConfig(
        model=model,
        reference_date=date.date() if date else None,
        dictionaries=dictionaries,
        batch_size=batch_size,
    )


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one line on stderr and return the Exit to raise."""
    typer.echo(message, err=True)
    return typer.Exit(code)


def first_line(exc: BaseException) -> str:
    return next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)


def store_damage(exc: BaseException) -> bool:
    """A DuckDB error that comes from the database file (damaged, unreadable), not from a query's text."""
    import duckdb

    # DuckDB raises its base class for a corrupt block and IOException for file trouble; mistakes
    # in SQL text come as subclasses (ParserException, BinderException, CatalogException …).
    return type(exc) is duckdb.Error or isinstance(exc, (duckdb.IOException, duckdb.InternalException,
                                                          duckdb.FatalException))


@contextmanager
def store_errors(db: str | Path) -> Iterator[None]:
    """Any store failure inside the block becomes one line naming `db` and the reason (exit 2)."""
    import duckdb

    from chronicle.store import StoreError

    try:
        yield
    except StoreError as exc:
        raise fail(str(exc)) from None
    except duckdb.Error as exc:
        raise fail(f"{db}: {first_line(exc)}") from None
