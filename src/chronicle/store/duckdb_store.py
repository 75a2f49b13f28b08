"""The embedded DuckDB store: one table per record type, keyed by content-hash ids.

Each article and all its records are written in one transaction, and an article whose id is
already stored is skipped, so a re-run, a retry or a resumed crash never duplicates or loses rows.

A `Store` holds no connection between calls: each write opens the file, writes one batch in one
transaction and closes it (`chronicle.store.access`), so a server and other writers can use the same
file meanwhile. `con` is for one-shot commands: it keeps a connection until `close()`.
"""

from __future__ import annotations

import contextlib
import stat
import typing
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from chronicle.records import CHILD_RECORDS, Article, ArticleRecords, Failure, Record
from chronicle.store import aggregates
from chronicle.store.access import LOCK_TIMEOUT, session, transaction
from chronicle.store.schema import (
    CREATED_RECORDS,
    SCHEMA_VERSION,
    STORED_RECORDS,
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


def _without_articles(rows: pa.Table, key: str, article_ids: list[str]) -> pa.Table:
    """`rows` less those of the given articles (already stored by another writer)."""
    if not article_ids or not rows.num_rows:
        return rows
    return rows.filter(pc.invert(pc.is_in(rows[key], value_set=pa.array(article_ids, pa.string()))))


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
    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, *,
                 timeout: float = LOCK_TIMEOUT) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.timeout = timeout
        self._con: duckdb.DuckDBPyConnection | None = None
        self._held: contextlib.ExitStack | None = None
        _check_path(Path(path), read_only)
        if read_only:
            with self.session():
                pass  # fail now, naming the file, rather than at the first query
        else:
            self._create_schema()

    @contextlib.contextmanager
    def session(self, *, write: bool | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one batch of work; inside a session (or under `con`) the same one is reused."""
        if self._con is not None:
            yield self._con
            return
        writing = not self.read_only if write is None else write
        with contextlib.ExitStack() as stack:
            try:
                con = stack.enter_context(session(self.path, write=writing, timeout=self.timeout))
            except (duckdb.Error, TimeoutError) as exc:
                raise StoreError(f"{self.path}: cannot open database: {_first_line(exc)}") from None
            self._con = con
            try:
                yield con
            finally:
                self._con = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """A connection kept until `close()`: for one-shot commands (query, export, summary), which
        hold up other writers meanwhile; long-running ones use `session()`."""
        if self._con is None:
            self._held = contextlib.ExitStack()
            self._held.enter_context(self.session())
        assert self._con is not None
        return self._con

    def _create_schema(self) -> None:
        """Create or migrate the tables in one transaction: a migration that cannot finish changes nothing."""
        with self.session():
            self._migrate()

    def _migrate(self) -> None:
        try:
            with transaction(self.con):
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
                aggregates.create(self.con)
                self.con.execute(
                    "INSERT OR REPLACE INTO chronicle_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
                )
        except duckdb.Error as exc:
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

    def stored_ids(self, article_ids: list[str]) -> set[str]:
        """Which of these articles are stored: one read session for them all (opening costs milliseconds)."""
        if not article_ids:
            return set()
        with self.session(write=False) as con:
            rows = con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [article_ids]).fetchall()
        return {row[0] for row in rows}

    def write(self, records: ArticleRecords) -> bool:
        """Store one article with all its records atomically. False when it was already stored."""
        return self.write_many([records]) == 1

    def write_many(self, batch: list[ArticleRecords]) -> int:
        """Store a batch of articles in one transaction; returns how many were new.

        One columnar insert per table per batch: registering an Arrow table costs about a
        millisecond, so per-article inserts would make the single writer the bottleneck. The Arrow
        tables are built before the file is opened, so other processes wait only for the inserts.
        Which articles are new is decided inside the write session, so two processes writing the
        same article store it once.
        """
        unique = list({r.article.id: r for r in batch}.values())
        if not unique:
            return 0
        tables = {"articles": to_arrow([r.article for r in unique], Article)}
        for field, model in CHILD_RECORDS.items():
            tables[model.table] = to_arrow([row for r in unique for row in getattr(r, field)], model)
        with self.session(write=True) as con:
            stored = [row[0] for row in con.execute(
                "SELECT id FROM articles WHERE list_contains(?, id)", [[r.article.id for r in unique]]).fetchall()]
            if len(stored) == len(unique):
                return 0
            try:
                with transaction(con):
                    fresh = {table: _without_articles(rows, "id" if table == "articles" else "article_id", stored)
                             for table, rows in tables.items()}
                    for table, rows in fresh.items():
                        self._insert(table, rows)
                    aggregates.add_articles(con, fresh)
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot write: {_first_line(exc)}") from None
        return len(unique) - len(stored)

    def record_failure(self, failure: Failure) -> None:
        """Store a failure once per (input, reason): a re-run refreshes its time instead of adding a row."""
        rows = to_arrow([failure], Failure)
        with self.session(write=True) as con:
            try:
                with transaction(con):
                    con.execute("DELETE FROM failures WHERE input = ? AND reason = ?", [failure.input, failure.reason])
                    self._insert("failures", rows)
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot write: {_first_line(exc)}") from None

    def _insert(self, table: str, rows: pa.Table) -> None:
        """Append rows through Arrow: one columnar insert per table, far faster than row-wise executemany."""
        if not rows.num_rows:
            return
        names = quoted(rows.schema.names)
        self.con.register("chronicle_rows", rows)
        try:
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM chronicle_rows")
        finally:
            # after a failed insert the transaction is aborted and unregistering fails too, hiding the real error
            with contextlib.suppress(duckdb.Error):
                self.con.unregister("chronicle_rows")

    def counts(self) -> dict[str, int]:
        with self.session(write=False) as con:
            return {
                table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
                for table in STORED_RECORDS
            }

    def close(self) -> None:
        """Close the connection `con` kept, if any (sessions close their own)."""
        if self._held is not None:
            held, self._held = self._held, None
            held.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
