"""The seed article's hand-annotated attributions, found with the right speaker (gold read at test time)."""

from __future__ import annotations

import json

import pytest

from chronicle.ingest import read_inputs
from chronicle.ingest.normalize import normalize_chars
from tests.conftest import SEED_ARTICLE, SEED_QUOTES


@pytest.fixture(scope="module")
def seed(pipeline):
    [article] = list(read_inputs([str(SEED_ARTICLE)]))
    return pipeline.extract(article)


def gold() -> list[dict]:
    return [json.loads(line) for line in SEED_QUOTES.read_text(encoding="utf-8").splitlines() if line.strip()]


def found_with_speaker(records, item: dict) -> bool:
    """A predicted quote whose content contains the gold content's start, attributed to the gold speaker."""
    prefix = normalize_chars(item["content_prefix"])
    at = records.article.text.find(prefix)
    assert at >= 0, prefix
    return any(q.start <= at + 3 and at < q.end and q.speaker == item["speaker"] for q in records.quotes)


def test_direct_quotes_of_the_seed(seed):
    direct = [g for g in gold() if g["kind"] == "direct"]
    assert len(direct) == 9
    assert sum(found_with_speaker(seed, g) for g in direct) >= 8


def test_every_seed_attribution_target(seed):
    items = gold()
    hits = [found_with_speaker(seed, g) for g in items]
    assert sum(hits) >= 20
    pronoun_or_nominal = [
        g for g in items if g["speaker_mention"] and g["speaker_mention"].split()[0].lower() in {"she", "the", "a"}
    ]
    assert pronoun_or_nominal
    assert all(found_with_speaker(seed, g) for g in pronoun_or_nominal)


def test_every_seed_attribution_has_its_speaker(seed):
    assert sum(found_with_speaker(seed, g) for g in gold()) == len(gold()) == 22


def test_no_two_seed_records_give_one_stretch_different_speakers(seed):
    from tests.quotes.test_trust import no_contradictions

    assert no_contradictions(seed.quotes) == []
