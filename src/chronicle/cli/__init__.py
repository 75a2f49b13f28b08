"""The `chronicle` command line. Each command lives in its own module under `chronicle.cli`.

Exit codes: 0 everything processed, 1 some inputs failed (the rest were processed),
2 usage error (bad option, missing argument, unreadable database …).

Every command runs inside `chronicle.cli.guard.guarded` (store errors are one line, exit 2; a
closed standard output is a normal end).
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated

import typer

from chronicle.cli.guard import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, guarded

__all__ = ["EXIT_OK", "EXIT_SOME_FAILED", "EXIT_USAGE", "app", "main"]

# Each module defines `command`, registered under the module's last name.
COMMAND_MODULES = ("extract", "ingest", "query", "export", "run", "serve")


def show_version(value: bool) -> None:
    if value:
        from chronicle import __version__

        typer.echo(f"chronicle {__version__}")
        raise typer.Exit(EXIT_OK)


app = typer.Typer(
    name="chronicle",
    help="Turn news articles into actors, events, quotes, numbers, places, dates and tone.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def options(
    version: Annotated[
        bool, typer.Option("--version", callback=show_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn news articles into actors, events, quotes, numbers, places, dates and tone."""


for _name in COMMAND_MODULES:
    app.command(_name)(guarded(importlib.import_module(f"chronicle.cli.{_name}").command))
app.add_typer(importlib.import_module("chronicle.cli.eval").app, name="eval")


def main() -> None:
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        print("chronicle: interrupted", file=sys.stderr)
        sys.exit(130)
