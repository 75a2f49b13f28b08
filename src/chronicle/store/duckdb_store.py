"""The embedded DuckDB store: one table per record type, keyed by content-hash ids.

Each article and all its records are written in one transaction, and an article whose id is
already stored is skipped, so a re-run, a retry or a resumed crash never duplicates or loses rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from chronicle.records import CHILD_RECORDS, ArticleRecords, Failure, Record
from chronicle.store.schema import SCHEMA_VERSION, STORED_RECORDS, columns, create_table_sql, quoted

DEFAULT_DB = "chronicle.duckdb"


class StoreError(RuntimeError):
    """The database cannot be opened or written (message names the file and the reason)."""


def _row(record: Record, names: list[str]) -> list[Any]:
    return [getattr(record, n) for n in names]


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            reason = str(exc).splitlines()[0]
            raise StoreError(f"{self.path}: cannot open database: {reason}") from None
        if not read_only:
            self._create_schema()

    def _create_schema(self) -> None:
        try:
            self.con.execute("CREATE TABLE IF NOT EXISTS chronicle_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            self.con.execute(
                "INSERT INTO chronicle_meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                [str(SCHEMA_VERSION)],
            )
            self.con.execute("CREATE SEQUENCE IF NOT EXISTS failure_seq")
            for model in STORED_RECORDS.values():
                self.con.execute(create_table_sql(model))
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot create schema: {str(exc).splitlines()[0]}") from None

    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def write(self, records: ArticleRecords) -> bool:
        """Store one article with all its records atomically. False when it was already stored."""
        if self.has_article(records.article.id):
            return False
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._insert("articles", [records.article])
            for field, model in CHILD_RECORDS.items():
                self._insert(model.table, getattr(records, field))
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return True

    def record_failure(self, failure: Failure) -> None:
        self._insert("failures", [failure])

    def _insert(self, table: str, rows: Iterable[Record]) -> None:
        rows = list(rows)
        if not rows:
            return
        names = columns(type(rows[0]))
        placeholders = ", ".join("?" for _ in names)
        self.con.executemany(
            f"INSERT INTO {table} ({quoted(names)}) VALUES ({placeholders})",
            [_row(r, names) for r in rows],
        )

    def counts(self) -> dict[str, int]:
        return {
            table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
            for table in STORED_RECORDS
        }

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
