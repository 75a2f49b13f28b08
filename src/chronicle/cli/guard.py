"""What every command shares at its edges: store errors and a closed standard output.

A store that cannot be opened, read or written becomes one line naming the file and the reason
(exit 2), never a traceback; a reader that closes standard output early
(`chronicle extract x | head -1`) ends the command normally (exit 0).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any

import typer

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def guarded(command: Callable[..., Any]) -> Callable[..., Any]:
    """`command` with chronicle's handling of store errors and a closed standard output."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        from chronicle.store import StoreError

        try:
            result = command(*args, **kwargs)
            sys.stdout.flush()  # a closed pipe shows up here when the output fit in the buffer
            return result
        except BrokenPipeError:
            silence_stdout()
            raise typer.Exit(EXIT_OK) from None
        except StoreError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(EXIT_USAGE) from None

    return run


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (e.g. a test runner's buffer)
        pass
