"""Storage of extracted records (DuckDB by default)."""

from chronicle.store.duckdb_store import DEFAULT_DB, Store, StoreError

__all__ = ["DEFAULT_DB", "Store", "StoreError"]
