"""The labelled story sets (tests/stories/data/*-stories.tsv) are well formed, and each strict same-act
reading (`*-events-stories.tsv`) only splits stories of its loose reading, never joins new pairs."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
STRICT = {"polnear-events": "polnear-train", "geowebnews-events": "geowebnews"}


def _stories(name: str) -> dict[str, list[str]]:
    stories: dict[str, list[str]] = {}
    for line in (DATA / f"{name}-stories.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        label, article = line.split("\t")
        stories.setdefault(label, []).append(article)
    return stories


def _pairs(stories: dict[str, list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for members in stories.values() for p in itertools.combinations(members, 2)}


@pytest.mark.parametrize("path", sorted(DATA.glob("*-stories.tsv")), ids=lambda p: p.stem)
def test_a_label_file_is_stories_of_two_or_more_distinct_articles(path: Path) -> None:
    stories = _stories(path.name.removesuffix("-stories.tsv"))
    assert stories
    articles = [a for members in stories.values() for a in members]
    assert len(articles) == len(set(articles)), "an article is in one story at most"
    assert all(len(members) >= 2 for members in stories.values()), "a story of one article is no label"


@pytest.mark.parametrize(("strict", "loose"), sorted(STRICT.items()))
def test_the_strict_reading_keeps_a_subset_of_the_loose_pairs(strict: str, loose: str) -> None:
    strict_pairs, loose_pairs = _pairs(_stories(strict)), _pairs(_stories(loose))
    assert strict_pairs < loose_pairs
