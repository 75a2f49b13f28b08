"""Latency of the workbench's API calls on a large store made by replicating a small one.

    .venv/bin/python bench/workbench.py SMALL.duckdb --copies 16000 [--runs 20] [--json out.json]

Copies every row of SMALL (a consolidated store, e.g. the tests' invented articles) `--copies` times
with suffixed ids into a temporary store, then times each `/workbench/...` query (the `Workbench`
methods, no HTTP) unfiltered and with typical filters, and reports the median and p95 in ms.
Replicated rows make the joins and scans as large as a real store of that size, but not the variety
of values (facets, distinct places). Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from chronicle.api import Database
from chronicle.workbench import Filter, Workbench

# Columns holding ids (or keys) that must stay distinct or consistent across copies.
ID_COLUMNS = {"id", "article_id", "actor_id", "speaker_id", "source_id", "target_id", "place_id", "group_id",
              "event_id", "story_id", "record_id", "duplicate_of", "entity_key", "key", "source_key", "target_key",
              "place_key"}


def replicate(small: Path, big: Path, copies: int) -> None:
    shutil.copy(small, big)
    con = duckdb.connect(str(big))
    tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
    for table in tables:
        cols = [r[0] for r in con.execute(f'DESCRIBE "{table}"').fetchall()]
        if not ({"id", "article_id", "group_id", "story_id", "key", "entity_key"} & set(cols)):
            continue
        select = ", ".join(f"CASE WHEN \"{c}\" IS NULL THEN NULL ELSE \"{c}\" || '~' || n END" if c in ID_COLUMNS
                           else f'"{c}"' for c in cols)
        con.execute(f'INSERT INTO "{table}" SELECT {select} FROM "{table}", range(1, ?) AS r(n)', [copies])
    con.close()


def timed(call, runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"median_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("small", type=Path)
    parser.add_argument("--copies", type=int, default=16000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.duckdb"
        replicate(args.small, big, args.copies)
        db = Database(big)
        sizes = {t: db.query(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in ("articles", "events", "event_groups")}
        bench = Workbench(db)
        filters = {"none": Filter(), "type": Filter(type="PROTEST"), "place": Filter(place="Lima"),
                   "text": Filter(q="strike")}
        results: dict[str, dict[str, float]] = {}
        for name, f in filters.items():
            results[f"events[{name}]"] = timed(lambda f=f: bench.reports(f), args.runs)
            results[f"groups[{name}]"] = timed(lambda f=f: bench.groups(f), args.runs)
            results[f"series[{name}]"] = timed(lambda f=f: bench.series(f), args.runs)
            results[f"map[{name}]"] = timed(lambda f=f: bench.map_points(f), args.runs)
            results[f"network[{name}]"] = timed(lambda f=f: bench.network(f, 2), args.runs)
            results[f"stories[{name}]"] = timed(lambda f=f: bench.stories(f), args.runs)
        results["quotes[speaker]"] = timed(lambda: bench.quotes(speaker="Odhiambo"), args.runs)
        results["facets"] = timed(bench.facets, args.runs)
        db.close()
    report = {"store": sizes, "runs": args.runs, "results": results}
    print(json.dumps(report, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
