"""`chronicle serve`: the HTTP API and web page over a database."""

from __future__ import annotations

import sys

import typer

from chronicle.store import DEFAULT_DB, StoreError


def command(
    db: str = typer.Option(str(DEFAULT_DB), "--db", help="DuckDB database to serve (opened read-only)."),
    host: str = typer.Option("127.0.0.1", help="Interface to bind; loopback by default."),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the web page at /."""
    import uvicorn

    from chronicle.serve import create_app

    try:
        app = create_app(db)
    except StoreError as exc:
        print(f"chronicle serve: {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
    print(f"chronicle: serving {db} at http://{host}:{port}/ (API docs at /docs)", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning")
