"""Seed-article targets for dates and numbers (the article is read from ../shared at test time)."""

import datetime as dt

import pytest

from chronicle.ingest import read_inputs
from chronicle.records import Article
from tests.conftest import SEED_ARTICLE

PUBLISHED = dt.date(2021, 11, 19)  # a Friday


@pytest.fixture(scope="module")
def seed(pipeline):
    if not SEED_ARTICLE.exists():
        pytest.fail(f"seed article missing: {SEED_ARTICLE}")
    article = next(a for a in read_inputs([str(SEED_ARTICLE)]) if isinstance(a, Article))
    return pipeline.extract(article.model_copy(update={"published": PUBLISHED}))


@pytest.mark.slow
def test_seed_dates(seed):
    dates = {d.text: d for d in seed.dates}
    assert dates["May 9, 2020"].value == dt.date(2020, 5, 9)
    # The shortest span that carries the date (the real-news guide): "since 1994" gives the year 1994.
    assert dates["1994"].value == dt.date(1994, 1, 1) and dates["1994"].granularity == "year"
    friday = next(d for t, d in dates.items() if "Friday" in t)
    assert friday.value == PUBLISHED and "on or before" in friday.rule
    last_year = next(d for t, d in dates.items() if t.startswith("last year"))
    assert (last_year.value, last_year.granularity) == (dt.date(2020, 1, 1), "year")


@pytest.mark.slow
def test_seed_counts(seed):
    found = {(c.value, c.value_max, c.qualifier, c.counted) for c in seed.counts}
    assert (4000, None, "over", "migrant") in found
    assert (7, None, None, "injure") in found
    assert (3_000_000, None, "less than", "population") in found
    assert (5, 7, None, "migrant") in found
    assert seed.tones[0].scope == "document"
