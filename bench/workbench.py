"""Latency of the API calls behind every workbench view, on a large store made by replicating a small one.

    .venv/bin/python bench/workbench.py SMALL.duckdb --copies 16667 --store /tmp/big.duckdb [--runs 20]
        [--json out.json]

Copies every record row of SMALL (a consolidated store, e.g. the tests' invented articles) `--copies`
times with suffixed ids into `--store` (kept, and reused as it is when it exists, so the heavy copy is made
once; without `--store` a temporary file), builds the store's pre-aggregated tables
(`chronicle.store.aggregates`) as consolidation would, then calls each endpoint the page calls
(`/workbench/...`, `/stories/{id}`, `/articles/{id}`) through the FastAPI app (validation and JSON
included, no socket), unfiltered and with each kind of filter, and reports the median and p95 in ms.
Replicated rows make the scans as large as a real store of that size, but not the variety of values
(facets, distinct places). Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
import urllib.parse
from pathlib import Path

import duckdb
from fastapi.testclient import TestClient

from chronicle.serve import create_app
from chronicle.store import aggregates

# Columns holding ids (or keys) that must stay distinct or consistent across copies.
ID_COLUMNS = {"id", "article_id", "actor_id", "speaker_id", "source_id", "target_id", "place_id", "group_id",
              "event_id", "story_id", "record_id", "duplicate_of", "entity_key", "key", "source_key", "target_key",
              "place_key"}
# Text columns each copy makes its own (a suffix at the end, so offsets into the text stay right): with
# copies of the same strings DuckDB would test a search once per distinct value and time it unrealistically.
TEXT_COLUMNS = {("articles", "title"), ("articles", "text"), ("events", "sentence"), ("quotes", "text")}


def replicate(small: Path, big: Path, copies: int) -> None:
    """`copies` copies of every record row of `small` in `big`; the derived aggregates are rebuilt after."""
    shutil.copy(small, big)
    con = duckdb.connect(str(big))
    tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
    for table in tables:
        if table in aggregates.TABLES:
            continue
        cols = [r[0] for r in con.execute(f'DESCRIBE "{table}"').fetchall()]
        if not ({"id", "article_id", "group_id", "story_id", "key", "entity_key"} & set(cols)):
            continue
        select = ", ".join(f"CASE WHEN \"{c}\" IS NULL THEN NULL ELSE \"{c}\" || '~' || n END" if c in ID_COLUMNS
                           else f"\"{c}\" || ' (copy ' || n || ')'" if (table, c) in TEXT_COLUMNS
                           else f'"{c}"' for c in cols)
        con.execute(f'INSERT INTO "{table}" SELECT {select} FROM "{table}", range(1, ?) AS r(n)', [copies])
    con.execute("BEGIN TRANSACTION")
    for table in aggregates.TABLES:  # copied from SMALL as they were: derived afresh from the copies
        con.execute(f"DROP TABLE IF EXISTS {table}")
    aggregates.create(con)
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    con.close()


def timed(client: TestClient, url: str, runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code, response.text[:200])
    times.sort()
    return {"median_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}


def one(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    return con.execute(sql).fetchone()[0]  # type: ignore[index]


def endpoints(big: Path) -> dict[str, str]:
    """The URL of every call the page makes, for each kind of filter, with values found in the store."""
    con = duckdb.connect(str(big), read_only=True)
    entity = one(con, "SELECT source_key FROM event_groups WHERE source_key LIKE '%|%' "
                      "GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1")
    story = one(con, "SELECT id FROM stories ORDER BY num_articles DESC, id LIMIT 1")
    article = one(con, "SELECT id FROM articles ORDER BY id LIMIT 1")
    con.close()
    filters = {"none": {}, "type": {"type": "PROTEST"}, "quad": {"quad": 4}, "place": {"place": "Lima"},
               "text": {"q": "strike"}, "entity": {"entity": entity}, "source": {"source": "harbourpost.example"},
               "dates": {"from": "2024-03-01", "to": "2024-05-31"}, "story": {"story": story}}
    urls: dict[str, str] = {}
    for name, f in filters.items():
        query = urllib.parse.urlencode(f)
        for view, path in [("events", "/workbench/events?"), ("groups", "/workbench/events?unique=true&"),
                           ("series", "/workbench/series?"), ("map", "/workbench/map?"),
                           ("network", "/workbench/network?"), ("stories", "/workbench/stories?"),
                           ("quotes", "/workbench/quotes?")]:
            urls[f"{view}[{name}]"] = f"{path}{query}"
    urls["events[none,offset 20000]"] = "/workbench/events?offset=20000"
    urls["quotes[speaker]"] = "/workbench/quotes?speaker=Odhiambo"
    urls["quotes[words]"] = "/workbench/quotes?words=paid"
    urls["facets"] = "/workbench/facets"
    urls["entity page"] = f"/workbench/entity/{urllib.parse.quote(entity)}"
    urls["story page"] = f"/stories/{urllib.parse.quote(story)}"
    urls["article"] = f"/articles/{article}"
    return urls


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("small", type=Path)
    parser.add_argument("--copies", type=int, default=16667)
    parser.add_argument("--store", type=Path, help="where to keep the large store (reused when it exists)")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = args.store or Path(tmp) / "big.duckdb"
        if not big.exists():
            replicate(args.small, big, args.copies)
        else:  # as opening it for writing would: derived tables of another layout are rebuilt
            con = duckdb.connect(str(big))
            con.execute("BEGIN TRANSACTION")
            aggregates.create(con)
            con.execute("COMMIT")
            con.close()
        urls = endpoints(big)
        load_before = os.getloadavg()[0]
        client = TestClient(create_app(big))
        sizes = {t: client.get("/stats").json()["tables"][t] for t in ("articles", "events", "quotes")}
        results = {name: timed(client, url, args.runs) for name, url in urls.items()}
    worst = max(results.values(), key=lambda r: r["p95_ms"])["p95_ms"]
    # The machine is shared: the load average says how much of it the timings had.
    load = [round(load_before, 1), round(os.getloadavg()[0], 1)]
    report = {"store": sizes, "runs": args.runs, "load_average_start_end": load, "worst_p95_ms": worst,
              "results": results}
    print(json.dumps(report, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
