"""Toponyms resolved offline, disambiguated by the article's own context."""

import pytest

from chronicle.ingest import read_inputs
from tests.conftest import SEED_ARTICLE


def place(records, text):
    matches = [p for p in records.places if p.text == text]
    assert matches, [p.text for p in records.places]
    return matches[0]


def test_georgia_the_country_beside_tbilisi(extract):
    records = extract("Protesters marched through Tbilisi on Sunday as Georgia's parliament debated the bill.")
    assert place(records, "Georgia").country == "GEO"


def test_georgia_the_state_beside_atlanta(extract):
    records = extract("Storms knocked out power across Atlanta, and Georgia officials opened shelters in Macon.")
    georgia = place(records, "Georgia")
    assert georgia.country == "USA" and georgia.feature == "admin1"


def test_demonym_border_is_a_place(extract):
    records = extract("Trucks queued for two days at the Hungarian border.")
    assert place(records, "Hungarian").country == "HUN"


@pytest.fixture(scope="module")
def seed(pipeline):
    [article] = list(read_inputs([str(SEED_ARTICLE)]))
    return pipeline.extract(article)


def test_seed_minsk_coordinates(seed):
    minsk = place(seed, "Minsk")
    assert minsk.country == "BLR"
    assert round(minsk.latitude, 2) == 53.90 and round(minsk.longitude, 2) == 27.57


@pytest.mark.parametrize(
    ("name", "country"),
    [("Belarus", "BLR"), ("Lithuania", "LTU"), ("Poland", "POL"), ("Latvia", "LVA"), ("Germany", "DEU"),
     ("Crimea", "UKR")],
)
def test_seed_places_and_their_countries(seed, name, country):
    assert place(seed, name).country == country
