"""The embedded DuckDB store: one table per record type, keyed by content-hash ids.

Each article and all its records are written in one transaction, and an article whose id is
already stored is skipped, so a re-run, a retry or a resumed crash never duplicates or loses rows.
"""

from __future__ import annotations

import contextlib
import stat
import typing
from collections.abc import Iterable
from pathlib import Path

import duckdb

from chronicle.records import CHILD_RECORDS, ArticleRecords, Failure, Record
from chronicle.store.schema import (
    CREATED_RECORDS,
    SCHEMA_VERSION,
    STORED_RECORDS,
    columns,
    create_table_sql,
    default_sql,
    quoted,
    sql_type,
    to_arrow,
)

DEFAULT_DB = "chronicle.duckdb"


def _unquoted(sql_type: str) -> str:
    """A type as DuckDB reports it, less the quotes it puts around reserved struct member names."""
    return sql_type.replace('"', "")


class StoreError(RuntimeError):
    """The database cannot be opened or written (message names the file and the reason)."""


def _first_line(exc: Exception) -> str:
    lines = [line for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def _check_path(path: Path, read_only: bool) -> None:
    """Refuse what DuckDB would report badly or not at all (root can write a 0444 file)."""
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a database file")
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such database file")
    if not read_only and path.exists() and not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise StoreError(f"{path}: database file is read-only")
    if not read_only and not path.exists() and not path.parent.exists():
        raise StoreError(f"{path}: folder {path.parent} does not exist")


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        _check_path(Path(path), read_only)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open database: {_first_line(exc)}") from None
        if not read_only:
            self._create_schema()

    def _create_schema(self) -> None:
        """Create or migrate the tables in one transaction: a migration that cannot finish changes nothing."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("CREATE TABLE IF NOT EXISTS chronicle_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            row = self.con.execute("SELECT value FROM chronicle_meta WHERE key = 'schema_version'").fetchone()
            found = int(row[0]) if row else None
            if found is not None and found > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: written by a newer chronicle (schema version {found}; this one knows "
                    f"up to {SCHEMA_VERSION}): upgrade chronicle to open it"
                )
            for model in CREATED_RECORDS.values():
                self.con.execute(create_table_sql(model))
                self._add_missing_columns(model)
            self.con.execute(
                "INSERT OR REPLACE INTO chronicle_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )
            self.con.execute("COMMIT")
        except StoreError:
            self.con.execute("ROLLBACK")
            self.con.close()
            raise
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            self.con.close()
            raise StoreError(f"{self.path}: cannot create schema: {_first_line(exc)}") from None

    def _add_missing_columns(self, model: type[Record]) -> None:
        """Migration: a database from an older schema gets the columns records have gained since.

        Older rows get the field's default (NULL for optional fields). A required field without a
        default cannot be filled in for rows already stored, and a column whose type changed cannot be
        converted in place: both are reported, and the caller rolls the whole migration back.
        """
        existing = {
            name: kind
            for _cid, name, kind, *_rest in self.con.execute(f"PRAGMA table_info('{model.table}')").fetchall()
        }
        hints = typing.get_type_hints(model)
        for name, field in model.model_fields.items():
            kind, nullable = sql_type(hints[name])
            if name not in existing:
                default = default_sql(field)
                if default is None and not nullable and self._has_rows(model.table):
                    raise StoreError(
                        f"{self.path}: cannot migrate {model.table}.{name}: a required column with no default, "
                        "and the table already has rows"
                    )
                suffix = f" DEFAULT {default}" if default is not None else ""
                self.con.execute(f'ALTER TABLE {model.table} ADD COLUMN "{name}" {kind}{suffix}')
            elif _unquoted(existing[name]) != _unquoted(kind) and not (
                kind == "TIMESTAMPTZ" and "TIME" in existing[name]
            ):
                raise StoreError(
                    f"{self.path}: cannot migrate {model.table}.{name}: stored as {existing[name]}, records need {kind}"
                )

    def _has_rows(self, table: str) -> bool:
        return self.con.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None

    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def write(self, records: ArticleRecords) -> bool:
        """Store one article with all its records atomically. False when it was already stored."""
        return self.write_many([records]) == 1

    def write_many(self, batch: list[ArticleRecords]) -> int:
        """Store a batch of articles in one transaction; returns how many were new.

        One columnar insert per table per batch: registering an Arrow table costs about a
        millisecond, so per-article inserts would make the single writer the bottleneck.
        """
        fresh: dict[str, ArticleRecords] = {}
        for records in batch:
            if records.article.id not in fresh and not self.has_article(records.article.id):
                fresh[records.article.id] = records
        if not fresh:
            return 0
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._insert("articles", [r.article for r in fresh.values()])
            for field, model in CHILD_RECORDS.items():
                self._insert(model.table, [row for r in fresh.values() for row in getattr(r, field)])
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            raise StoreError(f"{self.path}: cannot write: {_first_line(exc)}") from None
        except BaseException:
            self._rollback()
            raise
        return len(fresh)

    def record_failure(self, failure: Failure) -> None:
        """Store a failure once per (input, reason): a re-run refreshes its time instead of adding a row."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM failures WHERE input = ? AND reason = ?", [failure.input, failure.reason])
            self._insert("failures", [failure])
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            raise StoreError(f"{self.path}: cannot write: {_first_line(exc)}") from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        """Roll back after a failed write; a connection the failure already broke has nothing to undo."""
        with contextlib.suppress(duckdb.Error):
            self.con.execute("ROLLBACK")

    def _insert(self, table: str, rows: Iterable[Record]) -> None:
        """Append rows through Arrow: one columnar insert per table, far faster than row-wise executemany."""
        rows = list(rows)
        if not rows:
            return
        names = quoted(columns(type(rows[0])))
        self.con.register("chronicle_rows", to_arrow(rows, type(rows[0])))
        try:
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM chronicle_rows")
        finally:
            # after a failed insert the transaction is aborted and unregistering fails too, hiding the real error
            with contextlib.suppress(duckdb.Error):
                self.con.unregister("chronicle_rows")

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
