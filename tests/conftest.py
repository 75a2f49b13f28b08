"""Shared fixtures: the spaCy pipeline (loaded once per session) and paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.nlp import load_pipeline
from chronicle.pipeline import Pipeline
from chronicle.records import Article, ArticleRecords, article_id_for

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
SEED_ARTICLE = SHARED / "seed" / "belarus-border-interview.txt"
SEED_QUOTES = SHARED / "seed" / "belarus-border-interview.quotes.gold.jsonl"


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def pipeline(nlp) -> Pipeline:
    return Pipeline(nlp=nlp)


@pytest.fixture(scope="session")
def extract(pipeline):
    """extract(text, **article_fields) -> ArticleRecords, for tests over sentences of our own."""

    def run(text: str, **fields) -> ArticleRecords:
        return pipeline.extract(Article(id=article_id_for(text), input="test", text=text, **fields))

    return run
