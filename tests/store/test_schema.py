"""The store schema: derived from the records, documented, versioned, migrated."""

from pathlib import Path

import duckdb
import pytest

from chronicle.store import Store, StoreError
from chronicle.store.schema import SCHEMA_VERSION, schema_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "schema.md"


def test_committed_schema_doc_matches_the_records():
    assert DOCS.read_text(encoding="utf-8") == schema_markdown()


def test_older_database_gains_new_columns(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE chronicle_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO chronicle_meta VALUES ('schema_version', '0')")
    con.execute("CREATE TABLE articles (id VARCHAR PRIMARY KEY, input VARCHAR NOT NULL, text VARCHAR NOT NULL)")
    con.execute("INSERT INTO articles VALUES ('a1', 'old.txt', 'kept text')")
    con.close()
    with Store(db) as store:
        names = [r[1] for r in store.con.execute("PRAGMA table_info('articles')").fetchall()]
        assert {"title", "published", "word_count"} <= set(names)
        # older rows get the field's default, so they read back as valid records
        assert store.con.execute("SELECT text, word_count, language, title FROM articles").fetchall() == [
            ("kept text", 0, "en", None)
        ]
        version = store.con.execute("SELECT value FROM chronicle_meta WHERE key = 'schema_version'").fetchone()[0]
        assert version == str(SCHEMA_VERSION)


def table_names(db) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall())
    finally:
        con.close()


def test_incompatible_column_type_is_explained_and_nothing_changes(tmp_path):
    db = tmp_path / "odd.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE articles (id VARCHAR PRIMARY KEY, input VARCHAR, text VARCHAR, word_count VARCHAR)")
    con.close()
    with pytest.raises(StoreError, match=r"cannot migrate articles.word_count: stored as VARCHAR, records need BIGINT"):
        Store(db)
    # the columns added before the conflict was found were rolled back with the rest
    con = duckdb.connect(str(db), read_only=True)
    assert [r[1] for r in con.execute("PRAGMA table_info('articles')").fetchall()] == [
        "id", "input", "text", "word_count"
    ]
    con.close()
    assert table_names(db) == ["articles"]


def test_required_column_without_default_cannot_be_added_to_stored_rows(tmp_path):
    db = tmp_path / "quotes.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE quotes (id VARCHAR PRIMARY KEY, article_id VARCHAR, text VARCHAR)")
    con.execute("INSERT INTO quotes VALUES ('a1:q0', 'a1', 'We will rebuild')")
    con.close()
    with pytest.raises(StoreError, match=r"cannot migrate quotes.kind: a required column with no default"):
        Store(db)
    assert table_names(db) == ["quotes"]


def test_newer_database_is_refused(tmp_path):
    db = tmp_path / "new.duckdb"
    with Store(db) as store:
        store.con.execute("UPDATE chronicle_meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    with pytest.raises(StoreError, match="written by a newer chronicle"):
        Store(db)
