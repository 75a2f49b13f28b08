"""Parquet shards in the store's schema: what distributed runs write and `chronicle load` reads.

A shard is one Parquet file per table under `<out>/<table>/<shard>.parquet`. Columns and types
come from the record models through the store schema, so a shard loads into DuckDB unchanged
(or is queried in place with `read_parquet('<out>/events/*.parquet')`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from chronicle.records import CHILD_RECORDS, ArticleRecords, Failure, Record
from chronicle.store.schema import STORED_RECORDS, arrow_schema, columns, quoted, to_arrow


def group_by_table(results: Iterable[ArticleRecords | Failure]) -> dict[str, list[Record]]:
    tables: dict[str, list[Record]] = {name: [] for name in STORED_RECORDS}
    for result in results:
        if isinstance(result, Failure):
            tables["failures"].append(result)
            continue
        tables["articles"].append(result.article)
        for field, model in CHILD_RECORDS.items():
            tables[model.table].extend(getattr(result, field))
    return tables


def write_shard(out_dir: Path, shard: str, results: Iterable[ArticleRecords | Failure]) -> dict[str, int]:
    """Write one shard (every table, even empty ones); returns rows written per table.

    Files are written under a temporary name and renamed, so a crashed task never leaves a
    half-written shard that a later load would read.
    """
    written = {}
    for table, rows in group_by_table(results).items():
        model = STORED_RECORDS[table]
        target = out_dir / table / f"{shard}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".parquet.partial")
        pq.write_table(to_arrow(rows, model), partial)
        partial.replace(target)
        written[table] = len(rows)
    return written


def read_table(out_dir: Path, table: str) -> pa.Table:
    """All shards of one table, concatenated (an empty table when there are none)."""
    model = STORED_RECORDS[table]
    files = sorted((out_dir / table).glob("*.parquet"))
    if not files:
        return arrow_schema(model).empty_table()
    return pa.concat_tables([pq.read_table(f, schema=arrow_schema(model)) for f in files])


def record_keys(table: str) -> list[str]:
    """The columns that identify a record: its id, else (failures) its input and reason."""
    return ["id"] if "id" in STORED_RECORDS[table].model_fields else ["input", "reason"]


def unique_rows_sql(table: str, files: str) -> str:
    """SELECT of a table's columns from its shards (`files`: SQL for a list of paths or a glob), one row per record.

    A retried or repeated input puts the same record in two shards, and one text read from two places is
    one article id with two inputs (and perhaps two dates): the first shard by name wins, for the article
    and its records alike (a shard holds all the records of its articles), so the choice is the same at
    every read and every load.
    """
    keys = quoted(record_keys(table))
    source = f"read_parquet({files}, union_by_name = true, filename = true, file_row_number = true)"
    return (f"SELECT {quoted(columns(STORED_RECORDS[table]))} FROM (SELECT *, row_number() OVER "
            f"(PARTITION BY {keys} ORDER BY filename, file_row_number) AS n FROM {source}) WHERE n = 1")
