"""`chronicle watch` on the command line: usage errors, a service that stops cleanly on SIGTERM."""

from __future__ import annotations

import signal
import time

import pytest
from typer.testing import CliRunner

from chronicle.api import Database
from chronicle.cli import app
from chronicle.store import Store
from tests.watch.test_always_on import run

runner = CliRunner()


@pytest.mark.parametrize(("args", "message"), [
    ([], "no sources"),
    (["ftp://127.0.0.1/feed.xml"], "not an http(s) URL: ftp://127.0.0.1/feed.xml"),
    (["--sources", "/nonexistent/feeds.txt"], "/nonexistent/feeds.txt: No such file or directory"),
])
def test_usage_errors_exit_2_with_one_line(tmp_path, args, message):
    result = runner.invoke(app, ["watch", *args, "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2 and message in result.output


def test_sources_file_skips_blank_lines_and_comments(site, tmp_path, connections):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# local test site\n\n{site.base}/sitemap.xml\n", encoding="utf-8")
    result = runner.invoke(app, ["watch", "--sources", str(feeds), "--db", str(tmp_path / "w.duckdb"),
                                 "--archive", str(tmp_path / "warc"), "--once", "--delay", "0"])
    assert result.exit_code == 0, result.output
    assert "stored 2" in result.output
    assert Store(tmp_path / "w.duckdb", read_only=True).counts()["articles"] == 2


@pytest.mark.slow
def test_a_running_watcher_stops_cleanly_on_sigterm(site, tmp_path):
    site.feed_links = ["/a1.html", "/a2.html"]
    db = tmp_path / "w.duckdb"
    Store(db).close()
    watcher = run("watch", f"{site.base}/feed.xml", "--db", str(db), "--archive", str(tmp_path / "warc"),
                  "--interval", "1", "--delay", "0")
    database = Database(db, hold=0.1)
    deadline = time.monotonic() + 180
    while database.stats()["tables"]["articles"] < 2 and time.monotonic() < deadline:
        time.sleep(0.5)
    site.feed_links = ["/a1.html", "/a2.html", "/a3.html"]  # published while it runs: the next round takes it
    while database.stats()["tables"]["articles"] < 3 and time.monotonic() < deadline:
        time.sleep(0.5)
    watcher.send_signal(signal.SIGTERM)
    _out, err = watcher.communicate(timeout=60)
    assert watcher.returncode == 0, err
    assert database.stats()["tables"]["articles"] == 3
    assert site.requests["/a1.html"] == 1
    database.close()
