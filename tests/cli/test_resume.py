"""Ingesting twice, or after a SIGKILL, stores every article exactly once and the same rows."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.store.schema import STORED_RECORDS

runner = CliRunner()
CHRONICLE = str(Path(sys.executable).with_name("chronicle"))
ARTICLES = 200
TOWNS = ["Arlen", "Brevik", "Corsa", "Dunmore", "Elsby", "Farrow", "Glenna", "Harwick", "Ilsen", "Jorvik"]


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        (folder / f"story-{i:02d}.txt").write_text(
            f"Storm Damage Reported in {town} District {i}\n\n"
            f"Officials in {town} said on Monday that {i + 3} homes were damaged when a storm crossed the "
            f"district overnight. \"We are assessing every street,\" said mayor Helen Ward{i}, adding that "
            f"{i * 10 + 20} volunteers had joined the clean-up in {town}.",
            encoding="utf-8",
        )


def snapshot(db: Path) -> dict[str, list]:
    """Every table's rows, sorted, without wall-clock columns."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, model in STORED_RECORDS.items():
            names = [n for n in model.model_fields if n != "at"]
            cols = ", ".join(f'"{n}"' for n in names)
            out[table] = sorted(con.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
        return out
    finally:
        con.close()


def test_ingest_twice_leaves_the_same_rows(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 4)
    db = tmp_path / "twice.duckdb"
    assert runner.invoke(app, ["ingest", str(corpus), "--db", str(db)]).exit_code == 0
    first = snapshot(db)
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0
    assert "stored 0, duplicates 4" in result.stderr
    assert snapshot(db) == first
    assert len(first["articles"]) == 4


def count_articles(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


@pytest.mark.slow
def test_killed_ingest_resumes_to_the_uninterrupted_result(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, ARTICLES)
    reference = tmp_path / "reference.duckdb"
    command = [CHRONICLE, "ingest", str(corpus), "--batch-size", "1"]
    started = time.monotonic()
    subprocess.run([*command, "--db", str(reference)], check=True, capture_output=True)
    full_run = time.monotonic() - started

    # SIGKILL part-way through; the kill time adapts until some, but not all, articles were stored
    fraction, stored = 0.6, 0
    for _attempt in range(4):
        db = tmp_path / f"killed-{_attempt}.duckdb"
        process = subprocess.Popen([*command, "--db", str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(full_run * fraction)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        stored = count_articles(db) if db.exists() else 0
        if 0 < stored < ARTICLES:
            break
        fraction = fraction * 1.3 if stored == 0 else fraction * 0.6
    assert 0 < stored < ARTICLES, f"could not kill the run part-way ({stored} stored)"

    resumed = subprocess.run([CHRONICLE, "ingest", str(corpus), "--db", str(db)], capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert snapshot(db) == snapshot(reference)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (ARTICLES, ARTICLES)
    con.close()


@pytest.mark.slow
def test_two_workers_store_what_one_stores(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 20)
    dbs = {n: tmp_path / f"w{n}.duckdb" for n in (1, 2)}
    for n, db in dbs.items():
        cmd = [CHRONICLE, "ingest", str(corpus), "--db", str(db), "--workers", str(n)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    assert snapshot(dbs[1]) == snapshot(dbs[2])
