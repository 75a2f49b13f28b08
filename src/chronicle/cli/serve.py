"""PLACEHOLDER — being written: `chronicle serve`."""

import typer


def command() -> None:
    """(being written)"""
    raise typer.Exit(2)
