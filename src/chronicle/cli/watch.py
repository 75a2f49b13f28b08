"""`chronicle watch SOURCE... --db FILE`: follow feeds and sitemaps, archive every page as WARC, ingest it."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Annotated

import typer

from chronicle.cli.options import BatchSize, Db, Dictionaries, Model, fail, pipeline_config

Sources = Annotated[list[str] | None, typer.Argument(help="Feed or sitemap URLs.", show_default=False)]


def _read_sources(sources: list[str] | None, sources_file: Path | None) -> list[str]:
    """URLs from the command line and from the file (one a line; blank lines and # comments ignored)."""
    urls = list(sources or [])
    if sources_file is not None:
        try:
            lines = sources_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise fail(f"{sources_file}: {exc.strerror or exc}") from None
        urls += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    bad = [u for u in urls if not u.startswith(("http://", "https://"))]
    if bad:
        raise fail(f"not an http(s) URL: {bad[0]}")
    if not urls:
        raise fail("no sources: give feed or sitemap URLs, or --sources FILE")
    return list(dict.fromkeys(urls))


def command(
    sources: Sources = None,
    sources_file: Annotated[Path | None, typer.Option("--sources", help="File of feed/sitemap URLs, one a line.")]
    = None,
    db: Db = Path("chronicle.duckdb"),
    archive: Annotated[Path, typer.Option(help="Folder for the WARC files and the watch state.")]
    = Path("chronicle-watch"),
    once: Annotated[bool, typer.Option("--once", help="One round, then exit.")] = False,
    interval: Annotated[float, typer.Option(min=1.0, help="Seconds between rounds.")] = 300.0,
    delay: Annotated[float, typer.Option(min=0.0, help="Seconds between two requests to one host.")] = 1.0,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to connect and between bytes.")] = 10.0,
    retries: Annotated[int, typer.Option(min=0, help="Extra attempts after a timeout, 429 or 5xx.")] = 2,
    max_bytes: Annotated[int, typer.Option(min=1024, help="Largest response read, in bytes.")] = 5 * 1024 * 1024,
    max_pages: Annotated[int, typer.Option(min=1, help="Pages fetched per round at most.")] = 100,
    any_host: Annotated[bool, typer.Option("--any-host", help="Follow links to other hosts than the sources'.")]
    = False,
    batch_size: BatchSize = 16,
    model: Model = None,
    dictionaries: Dictionaries = None,
) -> None:
    """Follow RSS/Atom feeds and sitemaps: fetch new articles politely, keep them as WARC, store their records."""
    from chronicle.nlp import ModelNotFound
    from chronicle.store import Store, StoreError
    from chronicle.watch import Politeness, WatchConfig, Watcher, WatcherBusy

    urls = _read_sources(sources, sources_file)
    config = WatchConfig(urls, archive, Politeness(delay=delay, timeout=timeout, retries=retries,
                                                   max_bytes=max_bytes), any_host=any_host, max_pages=max_pages)
    try:
        store = Store(db)
        watcher = Watcher(config, store, pipeline_config(model, None, dictionaries, batch_size),
                          log=lambda line: typer.echo(f"{db}: {line}", err=True))
    except (StoreError, WatcherBusy, ValueError) as exc:
        raise fail(str(exc)) from None
    # SIGTERM (a service manager stopping us) finishes the page in hand and ingests what was archived.
    signal.signal(signal.SIGTERM, lambda *_: watcher.stop.set())
    try:
        if once:
            report = watcher.run_once()
            typer.echo(f"{db}: {report.line()}", err=True)
            for error in report.errors:
                typer.echo(f"  {error}", err=True)
            if report.errors or report.tally.failed:
                raise typer.Exit(1)
        else:
            watcher.run(interval)
    except ModelNotFound as exc:
        raise fail(f"chronicle watch: {exc}") from None
    finally:
        watcher.close()
        store.close()
