"""PLACEHOLDER — being written: `chronicle export`."""

import typer


def command() -> None:
    """(being written)"""
    raise typer.Exit(2)
