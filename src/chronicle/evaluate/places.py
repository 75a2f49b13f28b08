"""PLACEHOLDER — being written: `chronicle eval places`."""

import typer


def command() -> None:
    """(being written)"""
    raise typer.Exit(2)
