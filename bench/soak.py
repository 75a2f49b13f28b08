"""Soak: `chronicle watch` follows a local feed while `chronicle serve` answers a steady API load.

    python bench/soak.py                               # 20 articles a minute for 10 minutes, 20 requests/s
    python bench/soak.py --minutes 2 --json out.json   # a short run

A feed server on 127.0.0.1 publishes `--per-minute` new articles a minute (the feed lists the latest
50, with an ETag); `chronicle watch --interval` follows it into a fresh store while `chronicle serve`
takes `--rps` requests a second spread over /articles, /events, /stats and a search. At the end the
watcher gets `--grace` seconds to catch up, then is stopped with SIGTERM (as a service manager does).

Reported: articles published and stored, duplicates (stored rows minus distinct titles, must be 0),
API latency p50/p99 and errors, the lag from publication to the API showing an article (the first
articles wait for the watcher to load spaCy, so the maximum includes start-up), and the peak RSS
of the server and the watcher. Only loopback is contacted. A bench, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import psutil

CHRONICLE = str(Path(sys.executable).with_name("chronicle"))
TOWNS = ["Arlen", "Brevik", "Corsa", "Dunmore", "Elsby", "Farrow", "Glenna", "Harwick", "Ilsen", "Jorvik"]
VERBS = ["approved", "rejected", "delayed", "debated", "praised", "questioned"]
FEED_SIZE = 50


def article_html(n: int) -> str:
    town, verb = TOWNS[n % len(TOWNS)], VERBS[n % len(VERBS)]
    title = f"{town} council {verb} harbour plan {n}"
    paragraphs = [
        f"The council of {town} {verb} a plan for the harbour on Tuesday, the mayor Ada Voss said after a "
        f"meeting that ran late. The plan, number {n}, would add {n % 17 + 3} berths and a new ferry pier.",
        f"\"This is a decision for the next twenty years,\" said the harbour master Lionel Brack, who met "
        f"union leaders from {TOWNS[(n + 3) % len(TOWNS)]} on Monday to discuss the {n % 9 + 2} jobs at stake.",
        f"Protesters gathered outside the town hall in {town} and accused the council of ignoring the cost, "
        f"while the regional governor urged both sides to negotiate before the summer.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
            "</article></body></html>")


class Publisher:
    """A feed that gains one article every 60/per_minute seconds from `start()`."""

    def __init__(self, per_minute: float) -> None:
        self.per_minute = per_minute
        self.started = 0.0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.page_requests = 0
        self.final: int | None = None

    def freeze(self) -> int:
        """Stop publishing; returns how many articles were published."""
        self.final = self.published()
        return self.final

    def published(self) -> int:
        if self.final is not None:
            return self.final
        if not self.started:
            return 0
        return int((time.monotonic() - self.started) * self.per_minute / 60) + 1

    def published_at(self, n: int) -> float:
        return self.started + n * 60 / self.per_minute

    def start(self) -> None:
        self.started = time.monotonic()
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        publisher = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                count = publisher.published()
                if self.path == "/feed.xml":
                    etag = f'"{count}"'
                    if self.headers.get("If-None-Match") == etag:
                        return self._send(304, b"", "application/rss+xml", etag)
                    items = "".join(f"<item><title>{n}</title><link>{publisher.base}/a{n}.html</link></item>"
                                    for n in range(max(0, count - FEED_SIZE), count))
                    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>soak</title>{items}'
                            "</channel></rss>")
                    return self._send(200, body.encode(), "application/rss+xml", etag)
                if self.path.startswith("/a") and self.path.endswith(".html") and self.path[2:-5].isdigit():
                    n = int(self.path[2:-5])
                    if n < count:
                        publisher.page_requests += 1
                        return self._send(200, article_html(n).encode(), "text/html; charset=utf-8")
                self._send(404, b"not found", "text/plain")

            def _send(self, status: int, body: bytes, kind: str, etag: str | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                if etag:
                    self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler


class Load:
    """`rps` requests a second from `threads` threads on a fixed schedule; latencies in seconds."""

    PATHS = ("/articles?limit=20", "/events?limit=20", "/stats", "/articles?q=harbour&limit=5")

    def __init__(self, base: str, rps: float, threads: int = 4) -> None:
        self.base, self.rps, self.threads = base, rps, threads
        self.latencies: list[float] = []
        self.errors = 0
        self.stop = threading.Event()
        self.started = self.ended = 0.0
        self._lock = threading.Lock()

    def run(self) -> None:
        self.started = time.monotonic()
        workers = [threading.Thread(target=self._worker, args=(i,), daemon=True) for i in range(self.threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        self.ended = time.monotonic()

    def _worker(self, index: int) -> None:
        period = self.threads / self.rps
        client = httpx.Client(base_url=self.base, timeout=30, trust_env=False)
        next_at = time.monotonic() + index * period / self.threads
        n = index
        while not self.stop.is_set():
            time.sleep(max(0.0, next_at - time.monotonic()))
            next_at += period
            path = self.PATHS[n % len(self.PATHS)]
            n += self.threads
            start = time.monotonic()
            try:
                answer = client.get(path)
                ok = answer.status_code == 200
            except httpx.HTTPError:
                ok = False
            elapsed = time.monotonic() - start
            with self._lock:
                self.latencies.append(elapsed)
                self.errors += not ok
        client.close()


def watch_visibility(base: str, stop: threading.Event, seen: dict[str, float]) -> None:
    """Once a second, note when each article title first appears in the API."""
    client = httpx.Client(base_url=base, timeout=30, trust_env=False)
    while not stop.is_set():
        try:
            offset, total = 0, 1
            while offset < total:  # articles are ordered by id, so new ones land on any page
                page = client.get("/articles", params={"limit": 500, "offset": offset}).json()
                now = time.monotonic()
                for item in page["items"]:
                    seen.setdefault(item["title"] or "", now)
                offset, total = offset + 500, page["total"]
        except httpx.HTTPError:
            pass
        stop.wait(1.0)
    client.close()


class PeakRSS:
    """Peak resident memory of a process tree, sampled every half second."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.procs = {name: psutil.Process(pid) for name, pid in pids.items()}
        self.peak = dict.fromkeys(pids, 0)
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            for name, proc in self.procs.items():
                try:
                    tree = [proc, *proc.children(recursive=True)]
                    self.peak[name] = max(self.peak[name], sum(p.memory_info().rss for p in tree))
                except psutil.Error:
                    pass
            self.stop.wait(0.5)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10.0, help="how long articles are published")
    parser.add_argument("--per-minute", type=float, default=20.0, help="articles published a minute")
    parser.add_argument("--rps", type=float, default=20.0, help="API requests a second")
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between watch rounds")
    parser.add_argument("--grace", type=float, default=60.0, help="seconds the watcher gets to catch up")
    parser.add_argument("--json", type=Path, help="write the results here too")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="chronicle-soak-"))
    db = folder / "soak.duckdb"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    from chronicle.store import Store

    Store(db).close()
    publisher = Publisher(args.per_minute)
    server = subprocess.Popen([CHRONICLE, "serve", "--db", str(db), "--port", str(port)], stderr=subprocess.PIPE)
    client = httpx.Client(base_url=base, timeout=10, trust_env=False)
    for _ in range(300):
        try:
            client.get("/stats").raise_for_status()
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    publisher.start()
    watcher = subprocess.Popen([CHRONICLE, "watch", f"{publisher.base}/feed.xml", "--db", str(db),
                                "--archive", str(folder / "warc"), "--interval", str(args.interval),
                                "--delay", "0.05"], stderr=subprocess.PIPE, text=True)
    memory = PeakRSS({"serve": server.pid, "watch": watcher.pid})
    load = Load(base, args.rps)
    seen: dict[str, float] = {}
    stop_seen = threading.Event()
    threads = [threading.Thread(target=memory.run, daemon=True), threading.Thread(target=load.run, daemon=True),
               threading.Thread(target=watch_visibility, args=(base, stop_seen, seen), daemon=True)]
    for thread in threads:
        thread.start()

    time.sleep(args.minutes * 60)
    published = publisher.freeze()  # the watcher now catches up
    deadline = time.monotonic() + args.grace
    while time.monotonic() < deadline and len(seen) < published:
        time.sleep(1.0)
    load.stop.set()
    stop_seen.set()
    watcher.send_signal(signal.SIGTERM)
    watch_log = watcher.communicate(timeout=120)[1]
    memory.stop.set()
    for thread in threads:
        thread.join(timeout=60)
    server.terminate()
    server.wait(timeout=30)
    publisher.stop()

    with Store(db, read_only=True) as store:
        rows, titles = store.con.execute("SELECT count(*), count(DISTINCT title) FROM articles").fetchone()
        failures = store.con.execute("SELECT count(*) FROM failures").fetchone()[0]
    lags = [seen[t] - publisher.published_at(int(t.rsplit(" ", 1)[1])) for t in seen if t]
    results = {
        "minutes": args.minutes, "per_minute": args.per_minute, "rps_target": args.rps,
        "published": published, "stored": rows, "duplicates": rows - titles, "failures": failures,
        "pages_fetched": publisher.page_requests,
        "api_requests": len(load.latencies), "api_errors": load.errors,
        "api_seconds": round(load.ended - load.started),
        "api_rps": round(len(load.latencies) / max(load.ended - load.started, 1e-9), 1),
        "api_p50_ms": round(percentile(load.latencies, 0.50) * 1000, 1),
        "api_p99_ms": round(percentile(load.latencies, 0.99) * 1000, 1),
        "visible_lag_median_s": round(statistics.median(lags), 1) if lags else None,
        "visible_lag_max_s": round(max(lags), 1) if lags else None,
        "peak_rss_mb": {name: round(value / 2**20) for name, value in memory.peak.items()},
        "cpus": os.cpu_count(),
        "watch_exit": watcher.returncode,
    }
    print(json.dumps(results, indent=2))
    if watch_log.strip():
        print("watch log (last lines):", *watch_log.strip().splitlines()[-3:], sep="\n  ", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
