"""`chronicle run --engine ray`: the pipeline on a (local or existing) Ray cluster, writing Parquet shards."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from chronicle.cli.options import store_errors


class Engine(StrEnum):
    ray = "ray"


def command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or globs to process.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet shards (one sub-folder per table).")],
    engine: Annotated[Engine, typer.Option(help="Distributed engine (Ray Data is the supported one).")] = Engine.ray,
    workers: Annotated[int, typer.Option(min=1, help="Parallel pipeline actors.")] = 2,
    files_per_shard: Annotated[int, typer.Option(min=1, help="Input files per task and shard.")] = 16,
    address: Annotated[str | None, typer.Option(help="Ray cluster address; default starts a local one.")] = None,
    load: Annotated[Path | None, typer.Option(help="Also load the shards into this DuckDB file.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to parse with.")] = None,
    date: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Reference date.")] = None,
) -> None:
    """Run the pipeline over many files on Ray and write Parquet shards in the store's schema."""
    from chronicle.distributed.inputs import expand_inputs
    from chronicle.distributed.ray_engine import run_ray
    from chronicle.pipeline import PipelineConfig

    files = expand_inputs(paths)
    if not files:
        print(f"chronicle run: no input files under {' '.join(paths)}", file=sys.stderr)
        raise typer.Exit(2)
    config = PipelineConfig(model=model, reference_date=date.date() if date else None)
    summary = run_ray(files, out, config, workers=workers, files_per_shard=files_per_shard, address=address)
    report: dict[str, object] = {"engine": engine.value, **summary.__dict__, "out": str(out)}
    if load is not None:
        from chronicle.distributed.load import load_shards
        from chronicle.store import Store

        with store_errors(load), Store(load) as store:
            report["loaded"] = load_shards(store, out)
            from chronicle.stories.consolidate import consolidate

            report["consolidated"] = consolidate(store.con).__dict__
    print(json.dumps(report))
    if summary.failures:
        raise typer.Exit(1)
