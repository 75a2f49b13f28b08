"""The Python API: `chronicle.extract` (also after its subpackage is imported) and `chronicle.open`."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

import chronicle
import chronicle.extract.quotes  # imported on purpose: must not rebind `chronicle.extract`
from chronicle.cli import app
from chronicle.records import ArticleRecords
from chronicle.store import StoreError


@pytest.mark.slow
def test_extract_function_survives_subpackage_import():
    records = chronicle.extract("Dock strike\n\nDock workers in Harwick walked out on Monday.", date="2025-03-03")
    assert isinstance(records, ArticleRecords)
    assert records.article.published == dt.date(2025, 3, 3)
    assert records.article.text.startswith("Dock strike")


def test_open_query_helpers(db_path):
    db = chronicle.open(db_path)
    assert db.articles()["total"] == 2
    assert db.events(start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 31))["total"] == 2
    assert db.events(type="ACCUSE")["total"] == 1
    assert db.events(actor="Dock workers")["total"] == 2
    assert db.events(place="Harwick")["total"] == 2
    assert db.quotes(speaker="Mara Quell")["items"][0]["text"].startswith("We will not load")
    assert db.place_counts()["items"] == [{"place": "Harwick", "country": None, "count": 1}]
    assert db.stats()["tables"]["quotes"] == 1
    db.close()


def test_open_missing_database(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        chronicle.open(tmp_path / "missing.duckdb")


def test_serve_command_rejects_missing_database(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2
    assert "no such database file" in result.output
