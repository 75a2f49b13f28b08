"""PLACEHOLDER — being written: `chronicle eval events`."""

import typer


def command() -> None:
    """(being written)"""
    raise typer.Exit(2)
