"""The `chronicle` command line. Each command lives in its own module under `chronicle.cli`.

Exit codes: 0 everything processed, 1 some inputs failed (the rest were processed),
2 usage error (bad option, missing argument, unreadable database …).
"""

from __future__ import annotations

import importlib
import sys

import typer

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

# Each module defines `command`, registered under the module's last name.
COMMAND_MODULES = ("extract", "ingest", "query", "export", "run", "serve", "stories", "watch")

app = typer.Typer(
    name="chronicle",
    help="Turn news articles into actors, events, quotes, numbers, places, dates and tone.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _name in COMMAND_MODULES:
    app.command(_name)(importlib.import_module(f"chronicle.cli.{_name}").command)
app.add_typer(importlib.import_module("chronicle.cli.eval").app, name="eval")


def main() -> None:
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        print("chronicle: interrupted", file=sys.stderr)
        sys.exit(130)
