"""PLACEHOLDER — being written: `chronicle eval quotes`."""

import typer


def command() -> None:
    """(being written)"""
    raise typer.Exit(2)
