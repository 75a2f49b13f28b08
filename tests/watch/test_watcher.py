"""Watch rounds against the local site: what is stored, archived, refused; no refetch; resuming after a kill."""

from __future__ import annotations

import pytest
from warcio.archiveiterator import ArchiveIterator

import chronicle.watch.watcher as watcher_module
from chronicle.pipeline import PipelineConfig
from chronicle.store import Store
from chronicle.watch import Politeness, WatchConfig, Watcher, WatcherBusy

FAST = Politeness(delay=0.0, timeout=0.5, retries=0, backoff=0.01, max_bytes=200_000)
GOOD = {"/a1.html", "/a2.html", "/a3.html", "/a4.html", "/a5.html", "/a9.html"}


def make_watcher(site, tmp_path) -> Watcher:
    sources = [f"{site.base}/{name}" for name in ("feed.xml", "atom.xml", "sitemap-index.xml", "bad.xml")]
    config = WatchConfig(sources, tmp_path / "archive", FAST, max_attempts=2)
    return Watcher(config, Store(tmp_path / "w.duckdb"), PipelineConfig())


def stored_urls(tmp_path) -> list[str]:
    with Store(tmp_path / "w.duckdb", read_only=True) as store:
        return sorted(row[0] for row in store.con.execute("SELECT url FROM articles").fetchall())


def failures(tmp_path) -> dict[str, str]:
    with Store(tmp_path / "w.duckdb", read_only=True) as store:
        return dict(store.con.execute("SELECT input, reason FROM failures").fetchall())


def test_a_round_stores_the_good_pages_and_records_the_bad(site, tmp_path, connections):
    watcher = make_watcher(site, tmp_path)
    report = watcher.run_once()
    watcher.close()
    assert stored_urls(tmp_path) == sorted(site.base + path for path in GOOD)
    assert report.tally.stored == len(GOOD)
    with Store(tmp_path / "w.duckdb", read_only=True) as store:  # consolidated, as `chronicle ingest` does
        assert store.con.execute("SELECT count(*) FROM story_articles").fetchone()[0] == len(GOOD)
    failed = failures(tmp_path)
    assert failed[f"{site.base}/missing.html"] == "HTTP 404"
    assert failed[f"{site.base}/loop1"] == "redirect loop"
    assert failed[f"{site.base}/private/secret.html"] == "disallowed by robots.txt"
    assert failed[f"{site.base}/huge.html"].startswith("response larger than the limit")
    assert failed[f"{site.base}/bad.xml"].startswith("malformed feed")
    assert f"{site.base}/slow.html" not in failed  # a passing error: tried again next round
    assert site.requests["/private/secret.html"] == 0
    # the off-host link (127.0.0.2) was never contacted: the guard saw only 127.0.0.1
    assert connections and {address[0] for address in connections} == {"127.0.0.1"}


def test_every_fetched_page_is_in_the_warc(site, tmp_path, connections):
    watcher = make_watcher(site, tmp_path)
    watcher.run_once()
    watcher.close()
    (warc,) = (tmp_path / "archive").glob("*.warc.gz")
    with open(warc, "rb") as fh:
        records = {(r.rec_headers.get_header("WARC-Target-URI"), r.http_headers.get_statuscode())
                   for r in ArchiveIterator(fh) if r.rec_type == "response"}
    assert {(site.base + path, "200") for path in GOOD} <= records
    assert (f"{site.base}/missing.html", "404") in records
    articles_input = Store(tmp_path / "w.duckdb", read_only=True).con.execute(
        "SELECT input FROM articles LIMIT 1").fetchone()[0]
    assert articles_input.startswith(f"{warc}#")  # provenance: the record the article came from


def test_a_second_round_refetches_nothing_and_stores_nothing_twice(site, tmp_path, connections):
    watcher = make_watcher(site, tmp_path)
    watcher.run_once()
    before = dict(site.requests)
    report = watcher.run_once()
    watcher.close()
    assert report.tally.stored == 0 and report.not_modified == 1  # the RSS feed answered 304
    feed_requests = [h for h in site.headers if h["path"] == "/feed.xml"]
    assert feed_requests[-1]["if-none-match"] == site.etag()
    for path in GOOD | {"/missing.html", "/loop1", "/huge.html"}:
        assert site.requests[path] == before.get(path, 0), path
    assert len(stored_urls(tmp_path)) == len(GOOD)


def test_a_passing_error_is_retried_then_given_up(site, tmp_path, connections):
    watcher = make_watcher(site, tmp_path)
    site.feed_links = ["/slow.html"]
    watcher.run_once()
    site.feed_links = ["/slow.html", "/a1.html"]  # a changed feed: new ETag, listed again
    watcher.run_once()
    site.feed_links = ["/slow.html", "/a1.html", "/a2.html"]
    watcher.run_once()
    watcher.close()
    assert site.requests["/slow.html"] == 2  # max_attempts
    assert failures(tmp_path)[f"{site.base}/slow.html"] == "timed out"


def test_a_watcher_killed_before_ingesting_resumes_without_refetching(site, tmp_path, connections, monkeypatch):
    real_ingest = watcher_module.ingest

    def killed(*args, **kwargs):
        raise SystemExit("killed")

    monkeypatch.setattr(watcher_module, "ingest", killed)
    watcher = make_watcher(site, tmp_path)
    with pytest.raises(SystemExit):
        watcher.run_once()
    watcher.close()
    assert stored_urls(tmp_path) == []
    fetched = dict(site.requests)

    monkeypatch.setattr(watcher_module, "ingest", real_ingest)
    watcher = make_watcher(site, tmp_path)
    report = watcher.run_once()
    watcher.close()
    assert report.tally.stored == len(GOOD)
    assert stored_urls(tmp_path) == sorted(site.base + path for path in GOOD)
    for path in GOOD:
        assert site.requests[path] == fetched[path] == 1, path


def test_a_watcher_killed_mid_round_ingests_what_it_had_fetched(site, tmp_path, connections):
    watcher = make_watcher(site, tmp_path)
    real_get = watcher.fetcher.get

    def get_then_die(url, **kwargs):
        if url.endswith("/a2.html"):
            raise SystemExit("killed")  # the process dies after a1 was archived, before a2
        return real_get(url, **kwargs)

    watcher.fetcher.get = get_then_die
    with pytest.raises(SystemExit):
        watcher.run_once()
    watcher.close()
    assert stored_urls(tmp_path) == []
    watcher = make_watcher(site, tmp_path)
    watcher.run_once()
    watcher.close()
    assert stored_urls(tmp_path) == sorted(site.base + path for path in GOOD)
    assert site.requests["/a1.html"] == 1 and site.requests["/feed.xml"] == 2  # the feed is listed again


def test_a_page_fetched_again_after_a_crash_is_not_stored_twice(site, tmp_path, connections):
    watcher = make_watcher(site, tmp_path)
    watcher.run_once()
    watcher.close()
    # the crash window: the WARC record was written but the state not saved (forget what was fetched)
    state = tmp_path / "archive" / "state.json"
    state.unlink()
    watcher = make_watcher(site, tmp_path)
    report = watcher.run_once()
    watcher.close()
    assert report.tally.stored == 0 and report.tally.duplicates == len(GOOD)
    assert len(stored_urls(tmp_path)) == len(GOOD)


def test_one_watcher_per_folder(site, tmp_path):
    first = make_watcher(site, tmp_path)
    with pytest.raises(WatcherBusy):
        make_watcher(site, tmp_path)
    first.close()
