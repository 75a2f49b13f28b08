"""Loading Parquet shards into a DuckDB store, each record once."""

from __future__ import annotations

from pathlib import Path

from chronicle.distributed.shards import record_keys, unique_rows_sql
from chronicle.store import Store
from chronicle.store.access import transaction
from chronicle.store.schema import STORED_RECORDS, columns, quoted


def load_shards(store: Store, out_dir: Path) -> dict[str, int]:
    """Insert every shard row whose id is not stored yet (duplicates across shards count once)."""
    added: dict[str, int] = {}
    with transaction(store.con):
        for table, model in STORED_RECORDS.items():
            files = sorted((out_dir / table).glob("*.parquet"))
            if not files:
                added[table] = 0
                continue
            names = quoted(columns(model))
            before = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
            fresh = unique_rows_sql(table, "?")
            match = " AND ".join(f'stored."{k}" = fresh."{k}"' for k in record_keys(table))
            store.con.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM ({fresh}) AS fresh "
                f"WHERE NOT EXISTS (SELECT 1 FROM {table} AS stored WHERE {match})",
                [[str(f) for f in files]],
            )
            after = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
            added[table] = after - before
    return added
