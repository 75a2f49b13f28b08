"""Acceptance: a watcher and an ingest write one store while the API is asked every second.

Every article arrives exactly once (three are both in the feed and in the ingested folder), and
the API shows each article within 10 s of its being stored, without a restart.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from chronicle.api import Database
from chronicle.store import Store
from tests.watch.site import Site, article_html

CHRONICLE = str(Path(sys.executable).with_name("chronicle"))
FEED = list(range(1, 13))
FOLDER = [1, 2, 3, *range(20, 32)]
VISIBLE_WITHIN = 10.0
DEADLINE = 240.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def env() -> dict[str, str]:
    src = str(Path(__file__).parents[2] / "src")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}


def run(*args: str) -> subprocess.Popen:
    return subprocess.Popen([CHRONICLE, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env())


def api_ids(client: httpx.Client) -> set[str]:
    answer = client.get("/articles", params={"limit": 500})
    answer.raise_for_status()
    return {item["id"] for item in answer.json()["items"]}


@pytest.mark.slow
def test_watch_and_ingest_while_serving(tmp_path):
    db = tmp_path / "live.duckdb"
    Store(db).close()
    folder = tmp_path / "incoming"
    folder.mkdir()
    for n in FOLDER:
        (folder / f"story-{n}.html").write_text(article_html(n), encoding="utf-8")
    port = free_port()
    server = run("serve", "--db", str(db), "--port", str(port))
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10, trust_env=False)
    with Site() as site:
        site.feed_links = [f"/a{n}.html" for n in FEED]
        try:
            for _ in range(200):
                try:
                    client.get("/stats").raise_for_status()
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            writers = [
                run("watch", f"{site.base}/feed.xml", "--db", str(db), "--archive", str(tmp_path / "warc"),
                    "--once", "--delay", "0", "--retries", "0", "--timeout", "2"),
                run("ingest", str(folder), "--db", str(db)),
            ]
            reader = Database(db)
            stored_at: dict[str, float] = {}
            shown_at: dict[str, float] = {}
            start = time.monotonic()
            while time.monotonic() - start < DEADLINE:
                now = time.monotonic()
                for row in reader.query("SELECT id FROM articles"):
                    stored_at.setdefault(row["id"], now)
                for article_id in api_ids(client):
                    shown_at.setdefault(article_id, now)
                done = all(w.poll() is not None for w in writers)
                if done and set(shown_at) == set(stored_at):
                    break
                time.sleep(1.0)
            outputs = [w.communicate(timeout=30) for w in writers]
            reader.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert [w.returncode for w in writers] == [0, 0], [err[-2000:] for _out, err in outputs]
    assert len(stored_at) == len(set(FEED) | set(FOLDER))
    assert set(shown_at) == set(stored_at)
    late = {i: shown_at[i] - stored_at[i] for i in stored_at if shown_at[i] - stored_at[i] > VISIBLE_WITHIN}
    assert not late
    with Store(db, read_only=True) as store:
        titles = [r[0] for r in store.con.execute("SELECT title FROM articles").fetchall()]
    assert len(titles) == len(set(titles)) == len(set(FEED) | set(FOLDER))
    assert site.requests["/a1.html"] == 1
