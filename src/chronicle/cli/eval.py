"""`chronicle eval …`: accuracy against annotated corpora; each prints JSON.

Each evaluation lives in `chronicle.evaluate.<name>` and defines `command`; heavy imports stay
inside the command so the CLI starts fast.
"""

from __future__ import annotations

import importlib

import typer

from chronicle.cli.guard import guarded

EVALUATIONS = ("quotes", "places", "petrarch", "events")

app = typer.Typer(help="Measure extraction accuracy on annotated corpora (prints JSON).", no_args_is_help=True)

for _name in EVALUATIONS:
    app.command(_name)(guarded(importlib.import_module(f"chronicle.evaluate.{_name}").command))
