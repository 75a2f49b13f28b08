"""Start-up benchmark: how long `chronicle extract` of one short article takes from a cold process.

    .venv/bin/python bench/startup.py [--runs 5] [--json out.json]

Runs `chronicle --version` and `chronicle extract ARTICLE` in fresh processes `--runs` times each
and reports the median wall time and the median CPU time (user + system) of each. The CPU time is
the figure to compare on a shared machine: wall time grows with whatever else runs there. Then,
in this process, it times the phases of one extraction (imports, loading spaCy, reading, each
stage's first call, which includes loading its data files) so the cost can be attributed.
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLE = (
    "Harbour Council Approves Pier Repairs\n\n"
    "The harbour council of Brennholt voted on Tuesday to repair the northern pier before the autumn "
    'storms, Mayor Ilse Varga said. "We cannot wait another winter," she told reporters, adding that '
    "engineers had found cracks in three of its 14 supports."
)


def timed_run(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(args: list[str], runs: int) -> dict[str, float]:
    times = [timed_run(args) for _ in range(runs)]
    return {"wall_s": round(statistics.median(t[0] for t in times), 3),
            "cpu_s": round(statistics.median(t[1] for t in times), 3)}


def phases(path: Path) -> dict[str, float]:
    """CPU seconds per phase of one extraction in this (fresh) process."""
    result: dict[str, float] = {}
    clock = time.process_time

    def lap(name: str, since: float) -> float:
        now = clock()
        result[name] = round(now - since, 3)
        return now

    t = clock()
    import chronicle.cli  # noqa: F401  (what every command pays)

    t = lap("import chronicle.cli", t)
    from chronicle.ingest import read_inputs
    from chronicle.pipeline import Pipeline, PipelineConfig
    from chronicle.records import ArticleRecords

    t = lap("import ingest + pipeline", t)
    pipeline = Pipeline(PipelineConfig())
    t = lap("load spaCy pipeline", t)
    [article] = list(read_inputs([str(path)]))
    t = lap("read + clean article", t)
    doc = pipeline.nlp(article.text)
    t = lap("parse", t)
    records = ArticleRecords(article=article)
    for stage in pipeline.stages:
        records = records.model_copy(update=dict(stage.run(doc, records, pipeline.config.context)))
        t = lap(f"stage {stage.name} (first call)", t)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="Also write the report here.")
    parser.add_argument("--no-phases", action="store_true", help="Skip the in-process phase breakdown.")
    args = parser.parse_args()
    chronicle = str(Path(sys.executable).with_name("chronicle"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "short.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        report: dict[str, object] = {
            "runs": args.runs,
            "cpus": os.cpu_count(),
            "load_average_1min": round(os.getloadavg()[0], 2),
            "chronicle --version": measure([chronicle, "--version"], args.runs),
            "chronicle extract (one short article)": measure([chronicle, "extract", str(path)], args.runs),
        }
        if not args.no_phases:
            report["phases_cpu_s"] = phases(path)
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
