"""Reading Parquet shards in place: a store whose record tables are DuckDB views over a run's shards.

`chronicle consolidate --shards DIR --db DB` consolidates the shards a distributed run wrote without
loading them: each per-article table of DB (articles, actors, events, …) becomes a view over
`DIR/<table>/*.parquet`, one row per record, and consolidation writes its own tables (stories, entities,
event groups) into DB as usual. Queries, `chronicle stories` and the server then read the shards
through the views. The glob is read at every query, so shards a later run adds are seen, and the next
consolidation places their articles.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from chronicle.distributed.shards import unique_rows_sql
from chronicle.store.access import transaction
from chronicle.store.schema import STORED_RECORDS


class ShardsError(ValueError):
    """The shards cannot back this store (none written, or the store holds records of its own)."""


def _kinds(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Table name -> 'BASE TABLE' or 'VIEW', for the tables of the store's own schema."""
    return dict(con.execute("SELECT table_name, table_type FROM information_schema.tables "
                            "WHERE table_schema = current_schema()").fetchall())


def attach_shards(con: duckdb.DuckDBPyConnection, out_dir: Path) -> dict[str, int]:
    """Make every record table a view over its shards under `out_dir`; returns the records each one holds.

    A store whose record tables hold rows of their own is refused: shards and stored rows would both
    claim to be the records, and loading (`chronicle run --load`) is the way to merge them.
    """
    folder = out_dir.resolve()
    missing = [t for t in STORED_RECORDS if not any((folder / t).glob("*.parquet"))]
    if missing:
        raise ShardsError(f"{out_dir}: no Parquet shards of {', '.join(missing)} (the --out folder of "
                          "`chronicle run`)")
    kinds = _kinds(con)
    holding = [t for t in STORED_RECORDS if kinds.get(t) == "BASE TABLE"
               and con.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() is not None]
    if holding:
        raise ShardsError(f"the database holds records of its own ({', '.join(holding)}): consolidate the "
                          "shards into a new database, or load them into this one (`chronicle run --load`)")
    with transaction(con):
        for table in STORED_RECORDS:
            if kinds.get(table) == "BASE TABLE":
                con.execute(f"DROP TABLE {table}")
            # the path is ours, not user SQL; quotes in it are escaped for the SQL string literal
            pattern = "'" + str(folder / table / "*.parquet").replace("'", "''") + "'"
            con.execute(f"CREATE OR REPLACE VIEW {table} AS {unique_rows_sql(table, pattern)}")
    return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
            for table in STORED_RECORDS}
