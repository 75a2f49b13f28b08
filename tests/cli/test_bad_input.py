"""Every bad input: one line naming it and the reason, a `failures` row, the rest stored, nothing lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from chronicle.cli import app
from tests.ingest.test_readers import GERMAN, STORY, warc_bytes, warc_pages

runner = CliRunner()

SECOND_STORY = (
    "Council Approves New Tram Line\n\n"
    "The city council approved a new tram line on Wednesday, the mayor's office said, "
    "after a vote of 31 to 9 that ended two years of debate over the route through the old town."
)


def ingest(*args: str):
    return runner.invoke(app, ["ingest", *args])


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = ("articles", "actors", "mentions", "quotes", "failures")
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


def failure_rows(db: Path) -> list[tuple[str, str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT input, reason, status FROM failures ORDER BY input").fetchall()
    finally:
        con.close()


@pytest.fixture
def stored(tmp_path) -> Path:
    """A database already holding one article."""
    first = tmp_path / "first.txt"
    first.write_text(STORY, encoding="utf-8")
    db = tmp_path / "store.duckdb"
    result = ingest(str(first), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def make_bad(tmp_path: Path, kind: str) -> tuple[Path, str, str]:
    """(path, expected reason prefix, status) for one kind of bad input."""
    path = tmp_path / "bad"
    path.mkdir(exist_ok=True)
    if kind == "empty":
        target = path / "empty.txt"
        target.write_text("")
        return target, "empty file", "failed"
    if kind == "binary":
        target = path / "blob.txt"
        target.write_bytes(b"\x89PNG\x00\x00\x01\x02" * 50)
        return target, "binary file", "failed"
    if kind == "utf8":
        # one stray byte: replaced, the article stored, a warning row names the byte
        target = path / "stray.txt"
        target.write_bytes(SECOND_STORY.replace("tram", "tr\xe4m", 1).encode("utf-8").replace(b"\xc3\xa4", b"\xe4"))
        return target, "invalid UTF-8 at byte", "warning"
    if kind == "latin1":
        # a whole text in another encoding is not guessed at
        target = path / "latin.txt"
        target.write_bytes(("Caf\xe9 owners protest new r\xe8gles in M\xfcnchen. " * 20).encode("latin-1"))
        return target, "invalid UTF-8", "failed"
    if kind == "long":
        target = path / "book.txt"
        target.write_text("A Very Long Read\n\n" + (SECOND_STORY.split("\n\n")[1] + "\n\n") * 700)
        return target, "article too long", "failed"
    if kind == "html_no_body":
        target = path / "empty.html"
        target.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
        return target, "no article body", "failed"
    if kind == "huge":
        target = path / "huge.txt"
        with target.open("wb") as handle:
            handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
        return target, "file too large", "failed"
    if kind == "warc":
        target = path / "crawl.warc"
        data = warc_bytes(False, warc_pages())
        target.write_bytes(data[: len(data) * 2 // 3])
        return target, "truncated or corrupt WARC", "failed"
    if kind == "jsonl":
        target = path / "feed.jsonl"
        target.write_text('{"text": ' + json.dumps(SECOND_STORY) + "}\n{not json\n")
        return Path(f"{target}#L2"), "malformed JSON line", "failed"
    if kind == "unknown":
        target = path / "scan.pdf"
        target.write_bytes(b"%PDF-1.4 not an article")
        return target, "unsupported file type", "failed"
    if kind == "german":
        target = path / "bericht.txt"
        target.write_text("Neue Hilfen für Bauern\n\n" + GERMAN)
        return target, "not English", "skipped"
    if kind == "missing":
        return path / "nowhere.txt", "no such file or directory", "failed"
    raise AssertionError(kind)


BAD_KINDS = ["empty", "binary", "utf8", "latin1", "long", "html_no_body", "huge", "warc", "jsonl", "unknown", "german",
             "missing"]


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_input_is_reported_recorded_and_the_batch_goes_on(tmp_path, stored, kind):
    bad, reason, status = make_bad(tmp_path, kind)
    good = tmp_path / "second.txt"
    good.write_text(SECOND_STORY, encoding="utf-8")
    before = counts(stored)
    named = str(bad).split("#")[0]
    result = ingest(named, str(good), "--db", str(stored))

    assert result.exit_code == (1 if status == "failed" else 0), result.output  # a warning's article is stored
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(bad) + ":")]
    assert len(lines) == 1 and reason in lines[0], result.stderr
    assert "Traceback" not in result.output + result.stderr
    rows = [r for r in failure_rows(stored) if r[0] == str(bad)]
    assert len(rows) == 1 and rows[0][1].startswith(reason) and rows[0][2] == status
    after = counts(stored)
    assert after["articles"] >= before["articles"] + 1  # the good article (and any good JSONL line) stored
    con = duckdb.connect(str(stored), read_only=True)
    assert con.execute("SELECT count(*) FROM articles WHERE input = ?", [str(tmp_path / "first.txt")]).fetchone()[0]
    con.close()


@pytest.mark.parametrize("kind", ["empty", "long", "utf8"])
def test_rerun_does_not_duplicate_failures(tmp_path, stored, kind):
    bad, reason, status = make_bad(tmp_path, kind)
    first = ingest(str(bad), "--db", str(stored))
    second = ingest(str(bad), "--db", str(stored))
    assert first.exit_code == second.exit_code == (1 if status == "failed" else 0)
    assert "Traceback" not in first.output + second.output
    assert [(r[0], r[2]) for r in failure_rows(stored)] == [(str(bad), status)]
    assert failure_rows(stored)[0][1].startswith(reason)


def test_read_only_database_is_refused_untouched(tmp_path, stored):
    before = counts(stored)
    os.chmod(stored, 0o444)
    try:
        good = tmp_path / "second.txt"
        good.write_text(SECOND_STORY)
        result = ingest(str(good), "--db", str(stored))
    finally:
        os.chmod(stored, 0o644)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{stored}: database file is read-only"
    assert counts(stored) == before


def test_corrupt_database_is_refused_untouched(tmp_path):
    db = tmp_path / "broken.duckdb"
    garbage = b"this is not a duckdb file" * 100
    db.write_bytes(garbage)
    good = tmp_path / "second.txt"
    good.write_text(SECOND_STORY)
    result = ingest(str(good), "--db", str(db))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"{db}: cannot open database")
    assert db.read_bytes() == garbage


def test_directory_as_database(tmp_path):
    result = ingest(str(tmp_path), "--db", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{tmp_path}: is a directory, not a database file"


def test_unknown_option_is_a_usage_error(tmp_path):
    assert runner.invoke(app, ["ingest", "x", "--no-such-option"]).exit_code == 2


def test_summary_lists_a_warning_under_stored_articles(tmp_path):
    bad, _reason, _status = make_bad(tmp_path, "utf8")
    result = ingest(str(bad), "--db", str(tmp_path / "w.duckdb"), "--summary")
    assert result.exit_code == 0, result.output
    assert "stored with warnings" in result.stdout and "not stored" not in result.stdout
    assert "Council Approves New Tram Line" in result.stdout  # the article itself was stored
