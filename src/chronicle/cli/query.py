"""PLACEHOLDER — being written: `chronicle query`."""

import typer


def command() -> None:
    """(being written)"""
    raise typer.Exit(2)
