"""extract, ingest --summary and export at the command line, on short articles of our own."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.records import ArticleRecords
from chronicle.store.schema import STORED_RECORDS

runner = CliRunner()

BRIDGE = (
    "Bridge Reopens After Repairs [Update 2]\n\n"
    "The Halden river bridge reopened to traffic on Friday after six months of repairs, the transport "
    'ministry said. "Drivers can cross again from this morning," said transport minister Anna Vogt, '
    "adding that 14,000 vehicles used the bridge every day before it closed."
)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_extract_prints_good_articles_and_one_line_per_failure(tmp_path):
    good = write(tmp_path, "bridge.txt", BRIDGE)
    missing = tmp_path / "gone.txt"
    result = runner.invoke(app, ["extract", str(good), str(missing), "--date", "2024-03-08"])
    # a missing path is an input failure (exit 1, the rest still printed), not a usage error
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    records = ArticleRecords.model_validate_json(line)
    assert records.article.title == "Bridge Reopens After Repairs [Update 2]"
    assert str(records.article.published) == "2024-03-08"  # --date fills the missing publication date
    assert result.stderr.splitlines() == [f"{missing}: no such file or directory"]


def test_extract_missing_path_alone_is_a_failure_not_usage(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "gone.txt")])
    assert result.exit_code == 1 and result.stdout == ""


def test_extract_table_shows_bracketed_text_literally(tmp_path):
    good = write(tmp_path, "bridge.txt", BRIDGE)
    result = runner.invoke(app, ["extract", str(good), "--format", "table"])
    assert result.exit_code == 0, result.stderr
    assert "[Update 2]" in result.stdout  # article text is never read as rich markup


def test_bad_date_is_a_usage_error(tmp_path):
    good = write(tmp_path, "bridge.txt", BRIDGE)
    assert runner.invoke(app, ["extract", str(good), "--date", "Friday"]).exit_code == 2


def test_summary_reads_back_articles_quotes_and_the_serve_hint(tmp_path):
    good = write(tmp_path, "bridge.txt", BRIDGE)
    db = tmp_path / "demo.duckdb"
    result = runner.invoke(app, ["ingest", str(good), "--db", str(db), "--summary"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Bridge Reopens After Repairs [Update 2]" in out
    assert "Anna Vogt" in out
    assert "Drivers can cross again" in out
    assert "events " in out and "places " in out and "numbers " in out and "dates " in out
    assert f"chronicle serve --db {db}" in out and "http://127.0.0.1:8000/" in out
    assert result.stderr.strip().endswith("stored 1, duplicates 0, failed 0, skipped 0")


def test_export_writes_every_table_in_every_format(tmp_path):
    good = write(tmp_path, "bridge.txt", BRIDGE)
    db = tmp_path / "store.duckdb"
    assert runner.invoke(app, ["ingest", str(good), str(tmp_path / "gone.txt"), "--db", str(db)]).exit_code == 1
    con = duckdb.connect(str(db), read_only=True)
    expected = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in STORED_RECORDS}
    con.close()
    assert expected["articles"] == 1 and expected["failures"] == 1
    for fmt in ("parquet", "csv", "jsonl"):
        out = tmp_path / fmt
        result = runner.invoke(app, ["export", str(out), "--format", fmt, "--db", str(db)])
        assert result.exit_code == 0, result.stderr
        assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.{fmt}" for t in STORED_RECORDS)
        for table, n in expected.items():
            path = out / f"{table}.{fmt}"
            if fmt == "jsonl":
                rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
                assert len(rows) == n
            else:
                reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
                assert duckdb.sql(f"SELECT count(*) FROM {reader}('{path}')").fetchall() == [(n,)]
    article = json.loads((tmp_path / "jsonl" / "articles.jsonl").read_text(encoding="utf-8"))
    assert article["title"] == "Bridge Reopens After Repairs [Update 2]"


def test_export_of_a_missing_database_is_one_line(tmp_path):
    db = tmp_path / "none.duckdb"
    result = runner.invoke(app, ["export", str(tmp_path / "out"), "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{db}: no such database file"


def test_summary_says_how_many_stored_events_the_threshold_leaves_ungrouped(tmp_path):
    raid = write(tmp_path, "raid.txt", "Raid in Halden\n\nPolice in Norway arrested two smugglers on Friday, "
                 "the justice ministry said. Police also seized a boat.")
    db = tmp_path / "demo.duckdb"
    assert runner.invoke(app, ["ingest", str(raid), "--db", str(db)]).exit_code == 0
    con = duckdb.connect(str(db))
    stored = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.execute("UPDATE events SET confidence = 0.01")  # as if every candidate were unsure
    con.close()
    assert stored > 0
    result = runner.invoke(app, ["ingest", str(raid), "--db", str(db), "--summary"])
    assert result.exit_code == 0, result.stderr
    assert f"{stored} stored events below the default confidence" in result.stdout
