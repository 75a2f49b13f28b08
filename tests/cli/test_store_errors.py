"""A damaged, locked, missing or read-only store: one line naming the file and the reason, exit 2, for every command."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.records import Article, ArticleRecords, Failure, article_id_for
from chronicle.store import Store
from tests.cli.test_bad_input import SECOND_STORY

runner = CliRunner()


def filled_store(path: Path, articles: int = 400) -> Path:
    """A store big enough to span several DuckDB blocks (made-up articles, no parsing needed)."""
    with Store(path) as store:
        batch = []
        for n in range(articles):
            text = f"Report number {n}\n\n" + " ".join(f"word{n}x{i}" for i in range(300))
            article = Article(id=article_id_for(text), input=f"a{n}.txt", title=f"Report {n}", text=text)
            batch.append(ArticleRecords(article=article))
        store.write_many(batch)
        store.record_failure(Failure(input="x.txt", reason="empty file"))
    return path


def damage(path: Path, start_share: float = 0.5) -> None:
    """Overwrite a few bytes in every 8 KB from `start_share` of the file on (fixed seed)."""
    rng = random.Random(7)
    size = path.stat().st_size
    with path.open("r+b") as handle:
        for offset in range(int(size * start_share), size, 8192):
            handle.seek(offset + 200)
            handle.write(bytes(rng.randrange(256) for _ in range(32)))


@pytest.fixture(scope="module")
def damaged(tmp_path_factory) -> Path:
    path = filled_store(tmp_path_factory.mktemp("damaged") / "damaged.duckdb")
    damage(path)
    return path


def one_line_naming(result, db: Path) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{db}: "), result.stderr
    return lines[0]


def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(SECOND_STORY, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["export", "query", "ingest", "serve"])
def test_damaged_store_is_one_line(tmp_path, damaged, command):
    db = tmp_path / "copy.duckdb"
    db.write_bytes(damaged.read_bytes())
    args = {
        "export": ["export", str(tmp_path / "out"), "--db", str(db)],
        "query": ["query", "SELECT * FROM articles", "--db", str(db)],
        "ingest": ["ingest", str(story(tmp_path)), "--db", str(db)],
        "serve": ["serve", "--db", str(db), "--port", "1"],  # refused before binding anything
    }[command]
    line = one_line_naming(runner.invoke(app, args), db)
    assert "Corrupt database file" in line or "damaged" in line


def test_damaged_store_is_refused_by_the_app_factory(damaged):
    from chronicle.serve import create_app
    from chronicle.store import StoreError

    with pytest.raises(StoreError, match="damaged database"):
        create_app(damaged)


def test_query_mistake_still_names_the_query_not_the_file(tmp_path):
    db = filled_store(tmp_path / "good.duckdb", articles=2)
    result = runner.invoke(app, ["query", "SELEC nonsense", "--db", str(db)])
    assert result.exit_code == 2 and result.stderr.startswith("chronicle query: ")


@pytest.fixture
def locked(tmp_path):
    """A store held open for writing by another process."""
    db = filled_store(tmp_path / "locked.duckdb", articles=2)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
         "time.sleep(60)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        yield db
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("command", ["export", "query", "ingest", "serve", "stories"])
def test_locked_store_is_one_line(tmp_path, locked, command):
    args = {
        "stories": ["stories", "--db", str(locked)],
        "export": ["export", str(tmp_path / "out"), "--db", str(locked)],
        "query": ["query", "SELECT 1", "--db", str(locked)],
        "ingest": ["ingest", str(story(tmp_path)), "--db", str(locked)],
        "serve": ["serve", "--db", str(locked), "--port", "1"],
    }[command]
    assert "lock" in one_line_naming(runner.invoke(app, args), locked)


@pytest.mark.parametrize("command", ["export", "query", "serve", "stories"])
def test_missing_store_is_one_line(tmp_path, command):
    db = tmp_path / "nowhere.duckdb"
    args = {
        "stories": ["stories", "--db", str(db)],
        "export": ["export", str(tmp_path / "out"), "--db", str(db)],
        "query": ["query", "SELECT 1", "--db", str(db)],
        "serve": ["serve", "--db", str(db), "--port", "1"],
    }[command]
    assert "no such database file" in one_line_naming(runner.invoke(app, args), db)
    assert not db.exists()


def test_missing_input_creates_no_database(tmp_path):
    db = tmp_path / "new.duckdb"
    result = runner.invoke(app, ["ingest", str(tmp_path / "nothing.txt"), "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"chronicle ingest: no such file or directory: {tmp_path / 'nothing.txt'}"
    assert not db.exists()


def test_export_to_an_existing_file_is_one_line(tmp_path):
    db = filled_store(tmp_path / "good.duckdb", articles=2)
    target = tmp_path / "taken.parquet"
    target.write_text("keep me")
    result = runner.invoke(app, ["export", str(target), "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"{target}: exists and is not a folder (export writes one file per table into a folder)"
    ]
    assert target.read_text() == "keep me"


def test_read_only_store_is_one_line_for_ingest(tmp_path):
    db = filled_store(tmp_path / "ro.duckdb", articles=2)
    db.chmod(0o444)
    try:
        line = one_line_naming(runner.invoke(app, ["ingest", str(story(tmp_path)), "--db", str(db)]), db)
    finally:
        db.chmod(0o644)
    assert line == f"{db}: database file is read-only"

