"""`chronicle watch`: following RSS/Atom feeds and sitemaps, politely, into WARC files and the store.

This package owns fetching from the web: robots.txt, pacing per host, conditional GET, retries and
the size cap (`fetch`), reading feeds and sitemaps (`sources`), the WARC files every fetched page is
kept in (`archive`), the state that lets a killed watcher resume (`state`), and the rounds that tie
them to the ordinary ingest path, `chronicle.batch.ingest` over the round's WARC followed by the
consolidation `chronicle ingest` runs (`watcher`).
"""

from chronicle.watch.fetch import Fetcher, Politeness
from chronicle.watch.watcher import Round, WatchConfig, Watcher, WatcherBusy

__all__ = ["Fetcher", "Politeness", "Round", "WatchConfig", "Watcher", "WatcherBusy"]
