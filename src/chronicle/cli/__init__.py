"""The `chronicle` command line. Each command lives in its own module under `chronicle.cli`.

Exit codes: 0 everything processed, 1 some inputs failed (the rest were processed),
2 usage error (bad option, missing argument, unreadable database …).

Every command runs inside `chronicle.cli.guard.guarded` (store errors are one line, exit 2; a
closed standard output is a normal end).
"""

from __future__ import annotations

import atexit
import importlib
import os
import sys
from typing import Annotated

import typer

from chronicle.cli.guard import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, guarded, silence_stdout

__all__ = ["EXIT_OK", "EXIT_SOME_FAILED", "EXIT_USAGE", "app", "main"]

# Each module defines `command`, registered under the module's last name.
COMMAND_MODULES = ("extract", "ingest", "query", "export", "run", "consolidate", "serve", "stories", "watch")


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
    code: int | str | None = EXIT_OK
    try:
        app(standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        print("chronicle: interrupted", file=sys.stderr)
        code = 130
    exit_now(code)


def exit_now(code: int | str | None) -> None:
    """Exit without the interpreter's teardown, which frees every loaded model and table object
    by object (a quarter of a second and more of a short run's CPU time). What needs finishing runs
    first: open files are flushed and `atexit` handlers (temporary files, worker pools) are run.
    Commands close their stores themselves, so nothing waits for a finaliser."""
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = EXIT_SOME_FAILED
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that went away, or a stream already closed
            silence_stdout()
    atexit._run_exitfuncs()
    os._exit(code or EXIT_OK)
