"""Throughput of chronicle against a bare spaCy pass over the same texts, in one process and one run.

    python bench/throughput.py --corpus ../shared/eval/polnear/train/text [--limit N] [--json FILE]
    python bench/throughput.py --corpus DIR --workers 2        # also time `chronicle ingest --workers 1|2`
    python bench/throughput.py --corpus DIR --scaling 100      # 1x, 4x, 16x copies of 100 articles

Phases, all on the same cleaned texts with the same spaCy pipeline and batch size:
  (a) bare      `nlp.pipe` over the texts, nothing else;
  (b) pipeline  ingest (cleaning) + parse + every extraction stage, no store;
  (c) store     the same plus writing every record to a fresh DuckDB file.
`ratio` is (b)/(a) in articles per second — the extraction overhead the target speaks of;
`ratio_with_store` is (c)/(a), the end-to-end figure.
An article whose file name holds a date (PolNeAR's `publisher_2016-03-11_slug.txt`) is published
that day, as real inputs are: the event-time stage reads dates against it, and undated articles
skip that work, so a corpus without dates measures less than real news costs.
`stage_share_of_parse` gives each extraction stage's time during (b) as a fraction of the bare parse
time (a), and `layer_share_of_parse` groups them the way the issues budget them (quotes ≤ 15 %,
events ≤ 20 %, places + dates + numbers + tone ≤ 20 %); actor resolution, which quotes and events
share, is reported on its own.
Peak RSS is sampled during each phase. Performance lives here, never in the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil
from spacy.tokens import Doc

from chronicle.extract import ExtractContext, Stage
from chronicle.extract.registry import StageOutput
from chronicle.ingest import article_from_text
from chronicle.nlp import load_pipeline
from chronicle.pipeline import Pipeline, PipelineConfig
from chronicle.records import Article, ArticleRecords, Failure
from chronicle.store import Store

BATCH_SIZE = 16


class PeakRSS:
    """Samples this process's resident set size in a background thread while a phase runs."""

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._process = psutil.Process()

    def __enter__(self) -> PeakRSS:
        self.peak = self._process.memory_info().rss
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak = max(self.peak, self._process.memory_info().rss)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def measure(name: str, articles: int, words: int, run: Callable[[], object]) -> dict[str, float | str]:
    with PeakRSS() as rss:
        start = time.perf_counter()
        run()
        seconds = time.perf_counter() - start
    return {
        "phase": name,
        "seconds": round(seconds, 3),
        "articles_per_s": round(articles / seconds, 2),
        "words_per_s": round(words / seconds, 1),
        "peak_rss_mb": round(rss.peak / 2**20, 1),
    }


def read_corpus(folder: Path, limit: int | None) -> list[tuple[str, str]]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return [(str(p), p.read_text(encoding="utf-8")) for p in files[:limit]]


FILE_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def published_in_name(name: str) -> dt.date | None:
    found = FILE_DATE.search(Path(name).name)
    try:
        return dt.date(*map(int, found.groups())) if found else None
    except ValueError:
        return None


def clean(corpus: list[tuple[str, str]]) -> list[Article]:
    return [article_from_text(text, input=name, published=published_in_name(name)) for name, text in corpus]


# Layers as the issues budget them; stages not listed here are reported only per stage.
LAYERS = {
    "actors": ("actors",),
    "quotes": ("quotes",),
    "events": ("events",),
    "places_dates_numbers_tone": ("places", "dates", "numbers", "tone"),
}


def timed_stages(stages: list[Stage], seconds: dict[str, float]) -> list[Stage]:
    """The same stages, each adding its running time to `seconds[name]`."""

    def timed(stage: Stage) -> Stage:
        def run(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
            start = time.perf_counter()
            try:
                return stage.run(doc, records, context)
            finally:
                seconds[stage.name] = seconds.get(stage.name, 0.0) + time.perf_counter() - start

        return Stage(stage.name, stage.fills, run)

    return [timed(stage) for stage in stages]


def run_phases(corpus: list[tuple[str, str]]) -> dict[str, object]:
    nlp = load_pipeline()
    pipeline = Pipeline(PipelineConfig(batch_size=BATCH_SIZE), nlp=nlp)
    stage_seconds: dict[str, float] = {}
    timed_pipeline = Pipeline(PipelineConfig(batch_size=BATCH_SIZE), nlp=nlp)
    timed_pipeline.stages = timed_stages(timed_pipeline.stages, stage_seconds)
    articles = clean(corpus)
    texts = [a.text for a in articles]
    words = sum(a.word_count for a in articles)
    n = len(articles)
    # warm-up, so no phase pays for first-call allocations or for loading gazetteers and lexicons
    list(nlp.pipe(texts[:8]))
    list(pipeline.run(articles[:8]))

    bare = measure("bare spaCy nlp.pipe", n, words, lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE)))
    full = measure("chronicle, no store", n, words, lambda: list(timed_pipeline.run(clean(corpus))))
    parse_seconds = float(bare["seconds"])

    def with_store() -> None:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
            for result in pipeline.run(clean(corpus)):
                if isinstance(result, Failure):
                    store.record_failure(result)
                else:
                    store.write(result)

    stored = measure("chronicle + DuckDB store", n, words, with_store)
    return {
        "articles": n,
        "words": words,
        "phases": [bare, full, stored],
        "ratio": round(float(full["articles_per_s"]) / float(bare["articles_per_s"]), 3),
        "ratio_with_store": round(float(stored["articles_per_s"]) / float(bare["articles_per_s"]), 3),
        "stage_share_of_parse": {name: round(t / parse_seconds, 4) for name, t in stage_seconds.items()},
        "layer_share_of_parse": {
            layer: round(sum(stage_seconds.get(name, 0.0) for name in names) / parse_seconds, 4)
            for layer, names in LAYERS.items()
        },
    }


def run_cli_ingest(corpus: list[tuple[str, str]], workers: int) -> dict[str, float]:
    """Time `chronicle ingest --workers N` end to end in a fresh process (includes model load)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for name, _text in corpus:
            (folder / Path(name).name).symlink_to(Path(name).resolve())
        cmd = [str(Path(sys.executable).with_name("chronicle")), "ingest", str(folder), "--db", f"{tmp}/w.duckdb"]
        start = time.perf_counter()
        subprocess.run([*cmd, "--workers", str(workers)], check=True, capture_output=True)
        return {"workers": workers, "seconds": round(time.perf_counter() - start, 2)}


def scaling_child(folder: str, limit: int, copies: int) -> None:
    """Child process of the scaling run: ingest `copies` distinct copies of `limit` articles."""
    corpus = read_corpus(Path(folder), limit)
    pipeline = Pipeline(PipelineConfig(batch_size=BATCH_SIZE))

    def stream():
        # each copy gets its own closing line so its content hash (and so its stored rows) differ
        for k in range(copies):
            for name, text in corpus:
                yield article_from_text(f"{text}\n\nCopy {k}.", input=f"{name}#copy{k}")

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "scale.duckdb") as store:
        start = time.perf_counter()
        for result in pipeline.run(stream()):
            if not isinstance(result, Failure):
                store.write(result)
        seconds = time.perf_counter() - start
    peak = psutil.Process().memory_info().rss
    import resource

    peak = max(peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
    print(json.dumps({"copies": copies, "articles": copies * len(corpus), "seconds": round(seconds, 2),
                      "peak_rss_mb": round(peak / 2**20, 1)}))


def run_scaling(folder: Path, limit: int) -> list[dict[str, float]]:
    results = []
    for copies in (1, 4, 16):
        out = subprocess.run(
            [sys.executable, __file__, "--scaling-child", str(folder), str(limit), str(copies)],
            check=True, capture_output=True, text=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = results[0]
    for r in results:
        r["time_ratio"] = round(r["seconds"] / base["seconds"], 2)
        r["rss_ratio"] = round(r["peak_rss_mb"] / base["peak_rss_mb"], 3)
    return results


def machine() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
    }


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--scaling-child":
        scaling_child(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="folder of plain-text articles")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--workers", type=int, default=0, help="also time `chronicle ingest` with 1 and N workers")
    parser.add_argument("--scaling", type=int, default=0, metavar="N", help="scaling run over 1x/4x/16x N articles")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: not a folder")

    corpus = read_corpus(args.corpus, args.limit)
    report: dict[str, object] = {"machine": machine(), **run_phases(corpus)}
    if args.workers:
        single, multi = run_cli_ingest(corpus, 1), run_cli_ingest(corpus, args.workers)
        report["workers"] = [single, multi]
        report["workers_speedup"] = round(single["seconds"] / multi["seconds"], 2)
    if args.scaling:
        report["scaling"] = run_scaling(args.corpus, args.scaling)

    for phase in report["phases"]:  # type: ignore[union-attr]
        print(f"{phase['phase']:<26} {phase['articles_per_s']:>8} articles/s {phase['words_per_s']:>10} words/s "
              f"{phase['peak_rss_mb']:>8} MB peak")
    print(f"ratio (no store / bare) {report['ratio']}   ratio (with store / bare) {report['ratio_with_store']}")
    shares = report["layer_share_of_parse"]  # type: ignore[index]
    print("share of parse time: " + "  ".join(f"{k} {v:.1%}" for k, v in shares.items()))  # type: ignore[union-attr]
    for key in ("workers", "workers_speedup", "scaling"):
        if key in report:
            print(f"{key}: {json.dumps(report[key])}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
