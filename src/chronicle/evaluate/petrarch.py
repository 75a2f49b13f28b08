"""PLACEHOLDER — being written: `chronicle eval petrarch`."""

import typer


def command() -> None:
    """(being written)"""
    raise typer.Exit(2)
