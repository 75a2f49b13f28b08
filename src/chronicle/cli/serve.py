"""`chronicle serve`: the HTTP API and web page over a database, checked before serving."""

from __future__ import annotations

import sys

import typer

from chronicle.cli.options import store_errors
from chronicle.store import DEFAULT_DB


def command(
    db: str = typer.Option(str(DEFAULT_DB), "--db", help="DuckDB database to serve (opened read-only)."),
    host: str = typer.Option("127.0.0.1", help="Interface to bind; loopback by default."),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the web page at /."""
    import uvicorn

    from chronicle.serve import create_app

    # the whole store is read once here: a damaged, locked or missing file is refused before serving
    with store_errors(db):
        app = create_app(db)
    print(f"chronicle: serving {db} at http://{host}:{port}/ (API docs at /docs)", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning")
