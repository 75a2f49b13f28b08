"""`chronicle extract PATH...`: print the records of each article (nothing is stored)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from chronicle.cli.options import BatchSize, Date, Dictionaries, MinConfidence, Model, Paths, fail, pipeline_config


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def command(
    paths: Paths,
    format: Annotated[Format, typer.Option("--format", help="jsonl, json or table.")] = Format.jsonl,
    model: Model = None,
    date: Date = None,
    dictionaries: Dictionaries = None,
    batch_size: BatchSize = 16,
    min_confidence: MinConfidence = None,
) -> None:
    """Extract actors, quotes, events, numbers, places, dates and tone; print them."""
    from chronicle.batch import extract_stream, with_publication_date
    from chronicle.cli.summary import render_records
    from chronicle.confidence import keep_confident
    from chronicle.ingest import read_inputs
    from chronicle.nlp import ModelNotFound
    from chronicle.records import Failure

    config = pipeline_config(model, date, dictionaries, batch_size)
    items = (i if isinstance(i, Failure) else with_publication_date(i, config) for i in read_inputs(paths))
    failed = 0
    collected = []
    try:
        for result in extract_stream(items, config):
            if isinstance(result, Failure):
                typer.echo(result.message(), err=True)
                failed += result.status == "failed"
                continue
            result = keep_confident(result, min_confidence)
            if format is Format.jsonl:
                sys.stdout.write(result.model_dump_json() + "\n")
            elif format is Format.json:
                collected.append(result.model_dump(mode="json"))
            else:
                render_records(result)
    except ModelNotFound as exc:
        raise fail(f"chronicle extract: {exc}") from None
    if format is Format.json:
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise typer.Exit(1)
