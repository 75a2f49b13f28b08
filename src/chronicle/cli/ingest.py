"""PLACEHOLDER — being written: `chronicle ingest`."""

import typer


def command() -> None:
    """(being written)"""
    raise typer.Exit(2)
