"""Distributed runs on Ray Data: the same per-article function mapped over partitions of files.

Ray is the supported engine: `ray.init()` with no address starts a local cluster; with
`--address` (or RAY_ADDRESS) the same code runs on an existing cluster. Each Ray actor loads
the spaCy pipeline once and turns a batch of input files into one Parquet shard per table
(`shards.write_shard`). Shard names are content-derived, so a retried task overwrites its own
shard instead of adding a second copy.
"""

from __future__ import annotations

import hashlib
import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicle.distributed.shards import write_shard
from chronicle.pipeline import Pipeline, PipelineConfig


@dataclass(frozen=True)
class RunSummary:
    files: int
    shards: int
    articles: int
    failures: int


def shard_name(paths: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(sorted(paths)).encode()).hexdigest()[:16]


class ShardWriter:
    """Ray Data callable class: one instance per actor, holding one loaded pipeline."""

    def __init__(self, config: PipelineConfig, out_dir: str) -> None:
        self.pipeline = Pipeline(config)
        self.out_dir = Path(out_dir)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from chronicle.ingest import read_inputs

        paths = [str(p) for p in batch["path"]]
        results = list(self.pipeline.run(read_inputs(paths)))
        name = shard_name(paths)
        written = write_shard(self.out_dir, name, results)
        return {"shard": [name], "articles": [written["articles"]], "failures": [written["failures"]]}


def run_ray(
    files: Sequence[str],
    out_dir: Path,
    config: PipelineConfig,
    *,
    workers: int = 2,
    files_per_shard: int = 16,
    address: str | None = None,
) -> RunSummary:
    import ray
    import ray.data

    out_dir.mkdir(parents=True, exist_ok=True)
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    # Ray's INFO logs, progress bars and deprecation chatter would drown the one JSON line the command prints
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        blocks = max(1, -(-len(files) // files_per_shard))
        dataset = ray.data.from_items([{"path": f} for f in files], override_num_blocks=blocks)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rows = dataset.map_batches(
                ShardWriter,
                batch_size=files_per_shard,
                concurrency=(1, workers),
                num_cpus=1,
                fn_constructor_kwargs={"config": config, "out_dir": str(out_dir)},
            ).take_all()
    finally:
        if started_here:
            ray.shutdown()
    return RunSummary(
        files=len(files),
        shards=len(rows),
        articles=sum(int(r["articles"]) for r in rows),
        failures=sum(int(r["failures"]) for r in rows),
    )
