"""`chronicle eval …`: accuracy against the shared evaluation corpora; prints JSON."""

from __future__ import annotations

import typer

app = typer.Typer(help="Measure extraction accuracy on annotated corpora (prints JSON).", no_args_is_help=True)
