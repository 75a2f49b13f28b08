"""One watch round, and the loop of rounds: list sources, fetch new pages, archive them, ingest the archive.

Order matters for resuming. A page counts as fetched only once its WARC record is durable; a
source's validators (ETag, Last-Modified) are saved only after every page it listed was handled; a
WARC is marked ingested only after the ingest committed. A killed watcher therefore refetches at
most the page it was writing, re-lists at most the source it was reading, and re-ingests pending
WARCs on start, where article ids (content hashes) make a second ingest store nothing twice.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from chronicle.batch import Tally, ingest
from chronicle.ingest import read_inputs
from chronicle.pipeline import PipelineConfig
from chronicle.records import Failure
from chronicle.store import Store, StoreError
from chronicle.stories.consolidate import consolidate
from chronicle.watch.archive import Archive
from chronicle.watch.fetch import Fetched, Fetcher, Politeness
from chronicle.watch.sources import parse_listing
from chronicle.watch.state import State

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class WatchConfig:
    sources: list[str]
    folder: Path
    """Where the WARC files and state.json are kept."""
    politeness: Politeness = field(default_factory=Politeness)
    any_host: bool = False
    """Follow links to hosts other than the sources' own (off: a feed cannot send the watcher anywhere)."""
    max_pages: int = 100
    """Pages fetched per round at most; the rest wait for the next round."""
    max_attempts: int = 3
    """Rounds a page failing with a passing error (timeout, 5xx) is tried before it is given up."""
    consolidate_every: float = 60.0
    """Seconds between two consolidations (stories, entities, event groups) of a running watcher."""


@dataclass
class Round:
    """What one round did."""

    listed: int = 0
    not_modified: int = 0
    fetched: int = 0
    errors: list[str] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)
    consolidation: str | None = None

    def line(self) -> str:
        line = (f"sources {self.listed} read, {self.not_modified} unchanged; pages {self.fetched} fetched, "
                f"{len(self.errors)} errors; {self.tally.line()}")
        return f"{line}; {self.consolidation}" if self.consolidation else line


class WatcherBusy(RuntimeError):
    """Another watcher is using the same folder."""


class Watcher:
    def __init__(self, config: WatchConfig, store: Store, pipeline: PipelineConfig, *,
                 fetcher: Fetcher | None = None, log: Callable[[str], None] | None = None) -> None:
        self.config = config
        self.store = store
        self.pipeline = pipeline
        self.hosts = {_host(url) for url in config.sources}
        self.fetcher = fetcher or Fetcher(config.politeness, allowed=self._allowed)
        self.log = log or (lambda line: None)
        self.state_path = config.folder / "state.json"
        self._lock_fd = self._claim_folder()
        self.state = State.load(self.state_path)
        self.stop = threading.Event()
        self._unconsolidated = False
        self._consolidated_at = -config.consolidate_every  # the first round that stores consolidates

    def _claim_folder(self) -> int:
        """One watcher per folder: two would fetch the same pages and race on state.json."""
        self.config.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.config.folder / "watch.lock", os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise WatcherBusy(f"{self.config.folder}: another chronicle watch uses this folder") from None
        return fd

    def close(self) -> None:
        self.fetcher.close()
        os.close(self._lock_fd)

    def _allowed(self, url: str) -> bool:
        return urlsplit(url).scheme in ("http", "https") and (self.config.any_host or _host(url) in self.hosts)

    def run(self, interval: float) -> None:
        """Rounds every `interval` seconds until `stop` is set (by a signal handler, say)."""
        while not self.stop.is_set():
            try:
                self.log(self.run_once().line())
            except StoreError as exc:  # a store kept busy (a long export, say): the next round resumes
                self.log(f"round abandoned: {exc}")
            self.stop.wait(interval)
        self.consolidate()

    def run_once(self) -> Round:
        report = Round()
        self._ingest_pending(report)
        archive = Archive(self.config.folder)
        pages = 0
        try:
            queue = list(self.config.sources)
            while queue and not self.stop.is_set():
                pages += self._read_source(queue.pop(0), queue, archive, report, self.config.max_pages - pages)
        finally:
            archive.close()
        self._ingest_pending(report)
        self.consolidate(report, due_only=True)
        return report

    def _read_source(self, url: str, queue: list[str], archive: Archive, report: Round, budget: int) -> int:
        """List one source and fetch its new pages (at most `budget`); returns how many were fetched."""
        known = self.state.sources.get(url, {})
        listing_page = self.fetcher.get(url, etag=known.get("etag"), last_modified=known.get("last_modified"))
        if listing_page.not_modified:
            report.not_modified += 1
            return 0
        if not listing_page.ok:
            report.errors.append(f"{url}: {listing_page.error}")
            return 0
        self._archive(archive, listing_page)
        listing = parse_listing(listing_page.body, listing_page.final_url or url)
        if listing.error:
            report.errors.append(f"{url}: {listing.error}")
            self.store.record_failure(Failure(input=url, reason=listing.error))
            return 0
        report.listed += 1
        queue.extend(s for s in listing.sitemaps if self._allowed(s) and s not in queue)
        todo = [link for link in listing.links
                if self._allowed(link) and not self.state.done(link, self.config.max_attempts)]
        fetched = 0
        for link in todo[:budget]:
            if self.stop.is_set():
                break
            self._fetch_page(link, archive, report)
            fetched += 1
        # Only once every page listed is handled may the next round ask "changed since?". A sitemap
        # index is always read again: the sitemaps it lists are handled later in the round.
        if fetched == len(todo) and not listing.sitemaps:
            self.state.sources[url] = {"etag": listing_page.headers.get("etag"),
                                       "last_modified": listing_page.headers.get("last-modified")}
            self._save()
        return fetched

    def _archive(self, archive: Archive, fetched: Fetched) -> None:
        """Write a response to the round's WARC, which is listed as pending from its first record on:
        a watcher killed mid-round ingests it on restart."""
        archive.write(fetched)
        assert archive.path is not None
        if archive.path.name not in self.state.warcs:
            self.state.warcs[archive.path.name] = "pending"
            self._save()

    def _fetch_page(self, url: str, archive: Archive, report: Round) -> None:
        page = self.fetcher.get(url)
        if page.status:
            self._archive(archive, page)  # durable before the page counts as fetched
        previous = self.state.pages.get(url, {}).get("attempts", 0)
        if page.ok:
            report.fetched += 1
            self.state.pages[url] = {"status": "fetched", "attempts": previous + 1, "reason": None}
            if not page.headers.get("content-type", "").lower().startswith(HTML_TYPES):
                self.state.pages[url]["reason"] = "not HTML"
        else:
            report.errors.append(f"{url}: {page.error}")
            entry = {"status": "failed", "attempts": previous + 1, "reason": page.error, "permanent": page.permanent}
            self.state.pages[url] = entry
            if page.permanent or entry["attempts"] >= self.config.max_attempts:
                self.store.record_failure(Failure(input=url, reason=page.error or "fetch failed"))
        self._save()

    def _ingest_pending(self, report: Round) -> None:
        stored = report.tally.stored
        for name, status in list(self.state.warcs.items()):
            if status != "pending":
                continue
            path = self.config.folder / name
            if path.exists() and _has_html_pages(path):
                tally = ingest(read_inputs([str(path)]), self.store, self.pipeline)
                for counter in ("stored", "duplicates", "failed", "skipped"):
                    setattr(report.tally, counter, getattr(report.tally, counter) + getattr(tally, counter))
            self.state.warcs[name] = "ingested"
            self._save()
        self._unconsolidated |= report.tally.stored > stored

    def consolidate(self, report: Round | None = None, *, due_only: bool = False) -> None:
        """As `chronicle ingest` does: new articles join stories, entities and event groups.

        Consolidation rebuilds the derived tables while holding the store, so a running watcher
        does it at most every `consolidate_every` seconds (readers wait for it), and on stopping.
        """
        early = time.monotonic() < self._consolidated_at + self.config.consolidate_every
        if not self._unconsolidated or (due_only and early):
            return
        with self.store.session(write=True) as con:
            line = consolidate(con).line()
        self._consolidated_at = time.monotonic()
        self._unconsolidated = False
        if report is not None:
            report.consolidation = line

    def _save(self) -> None:
        self.state.save(self.state_path)


def _has_html_pages(path: Path) -> bool:
    """A round that only re-read feeds archives no page: ingesting it would only record 'no HTML'."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        try:
            for record in ArchiveIterator(fh):
                http = record.http_headers
                if record.rec_type == "response" and http is not None and \
                        (http.get_statuscode() or "").startswith("2") and \
                        (http.get_header("Content-Type") or "").lower().startswith(HTML_TYPES):
                    return True
        except Exception:  # a damaged archive: let the ingest report what it can read
            return True
    return False


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()

