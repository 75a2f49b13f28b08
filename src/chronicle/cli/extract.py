"""PLACEHOLDER — being written: `chronicle extract`."""

import typer


def command() -> None:
    """(being written)"""
    raise typer.Exit(2)
