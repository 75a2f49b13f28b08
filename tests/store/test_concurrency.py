"""Several processes on one store: writers interleave, a reader keeps reading, nothing is lost or doubled."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from chronicle.api import Database
from chronicle.store import Store, StoreError
from chronicle.store.access import Reader, session, turnstile

WRITER = Path(__file__).with_name("writer.py")


def start_writer(db: Path, start: int, end: int, batch: int = 5) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parents[2] / "src"),
                                                        os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, str(WRITER), str(db), str(start), str(end), str(batch)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_two_writers_and_a_reader_share_one_file(tmp_path):
    db = tmp_path / "shared.duckdb"
    Store(db).close()
    database = Database(db, hold=0.1)
    # overlapping ranges: articles 40..79 are written by both processes, and must be stored once
    writers = [start_writer(db, 0, 80), start_writer(db, 40, 120)]
    counts = []
    while any(w.poll() is None for w in writers):
        counts.append(database.stats()["tables"]["articles"])
        time.sleep(0.02)
    outputs = [w.communicate() for w in writers]
    assert all(w.returncode == 0 for w in writers), [err for _out, err in outputs]
    assert sum(int(out) for out, _err in outputs) == 120
    time.sleep(0.15)  # past the reader's hold: it must now see everything
    assert database.stats()["tables"] == {**database.stats()["tables"], "articles": 120, "actors": 120}
    assert counts == sorted(counts) and len(counts) > 5  # the reader read all along, never going back
    database.close()


def test_a_write_waits_for_a_reader_and_then_succeeds(tmp_path):
    db = tmp_path / "busy.duckdb"
    Store(db).close()
    with session(str(db), write=False):
        writer = start_writer(db, 0, 5)
        assert writer.stderr.readline().strip() == "writing"
        time.sleep(1.0)
        assert writer.poll() is None  # blocked by the open reader, retrying
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0 and int(out) == 5, err


def test_a_reader_sees_a_replaced_file(tmp_path):
    """`make demo` builds a new file and renames it over the old one while a server reads."""
    db = tmp_path / "demo.duckdb"
    Store(db).close()
    database = Database(db, hold=0.05)
    assert database.stats()["tables"]["articles"] == 0
    fresh = tmp_path / "demo.duckdb.new"
    writer = start_writer(fresh, 0, 3)
    writer.communicate(timeout=60)
    os.replace(fresh, db)
    time.sleep(0.1)
    assert database.stats()["tables"]["articles"] == 3
    database.close()


def test_a_waiting_writer_goes_before_new_readers(tmp_path):
    db = tmp_path / "queue.duckdb"
    Store(db).close()
    reader = Reader(str(db), hold=0.05)
    opened = threading.Event()

    def read() -> None:
        with reader.connection():
            opened.set()

    with turnstile(str(db), exclusive=True):  # a writer is in (or waiting for) its session
        thread = threading.Thread(target=read)
        thread.start()
        time.sleep(0.3)
        assert not opened.is_set()
    thread.join(timeout=10)
    assert opened.is_set()
    reader.close()


def test_a_store_kept_busy_past_the_timeout_is_an_error_naming_the_file(tmp_path):
    db = tmp_path / "held.duckdb"
    Store(db).close()
    with turnstile(str(db), exclusive=True), pytest.raises(StoreError, match=r"held\.duckdb: .*busy for 0\.3 s"):
        Store(db, timeout=0.3)
