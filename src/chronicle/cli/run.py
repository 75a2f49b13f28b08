"""PLACEHOLDER — being written: `chronicle run`."""

import typer


def command() -> None:
    """(being written)"""
    raise typer.Exit(2)
