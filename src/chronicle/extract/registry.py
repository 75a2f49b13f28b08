"""Extraction stages, registered by name (the way spaCy registers components).

A stage is a pure function `(doc, records, context) -> {field: [records…]}`: it reads the parsed
spaCy `Doc` and what earlier stages produced, and returns the `ArticleRecords` fields it fills.
The pipeline runs stages in the configured order and merges their outputs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from chronicle.records import ArticleRecords


@dataclass(frozen=True)
class ExtractContext:
    """Run-wide settings a stage may read. Hashable, so stages can cache resources per context."""

    dictionaries: Path | None = None
    """A folder of PETRARCH/TABARI-format actor, agent and verb dictionaries to code with."""
    reference_date: dt.date | None = None
    """Date to resolve relative expressions against when the article has no publication date."""


StageOutput = Mapping[str, list[Any]]
StageFunction = Callable[[Doc, ArticleRecords, ExtractContext], StageOutput]


@dataclass(frozen=True)
class Stage:
    name: str
    fills: tuple[str, ...]
    run: StageFunction


_STAGES: dict[str, Stage] = {}


def register_stage(name: str, fills: tuple[str, ...]) -> Callable[[StageFunction], StageFunction]:
    """Register `run` as the stage `name`, which fills the `ArticleRecords` fields `fills`."""

    def decorator(run: StageFunction) -> StageFunction:
        _STAGES[name] = Stage(name, fills, run)
        return run

    return decorator


def get_stage(name: str) -> Stage:
    try:
        return _STAGES[name]
    except KeyError:
        raise KeyError(f"unknown extraction stage {name!r}; known: {', '.join(sorted(_STAGES))}") from None


def registered_stages() -> list[str]:
    return sorted(_STAGES)
