"""The `chronicle` command line. Each command lives in its own module under `chronicle.cli`.

Exit codes: 0 everything processed, 1 some inputs failed (the rest were processed),
2 usage error (bad option, missing argument, unreadable database …).
"""

from __future__ import annotations

import sys

import typer

from chronicle.cli import eval as eval_commands

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="chronicle",
    help="Turn news articles into actors, events, quotes, numbers, places, dates and tone.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_commands.app, name="eval")


def main() -> None:
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        print("chronicle: interrupted", file=sys.stderr)
        sys.exit(130)
