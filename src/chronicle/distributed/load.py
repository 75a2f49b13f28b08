"""Loading Parquet shards into a DuckDB store, each record once."""

from __future__ import annotations

from pathlib import Path

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
            source = "read_parquet(?, union_by_name = true)"
            # records with an id are unique by it; id-less ones (failures) by their input and reason
            keys = ["id"] if "id" in model.model_fields else ["input", "reason"]
            key_list = quoted(keys)
            match = " AND ".join(f'stored."{k}" = fresh."{k}"' for k in keys)
            store.con.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM "
                f"(SELECT *, row_number() OVER (PARTITION BY {key_list} ORDER BY {key_list}) AS n FROM {source}) "
                f"AS fresh WHERE n = 1 AND NOT EXISTS (SELECT 1 FROM {table} AS stored WHERE {match})",
                [[str(f) for f in files]],
            )
            after = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
            added[table] = after - before
    return added
