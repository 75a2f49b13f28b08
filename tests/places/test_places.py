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


def test_country_point_is_the_mainland_centre_when_the_packaged_point_drifts(extract):
    # countryinfo's point for the United States (38 N, 97 W) lies 240+ km from the centre of the
    # contiguous states, where GeoNames puts the country
    usa = place(extract("Officials in the United States said the talks would resume."), "the United States")
    assert 39 < usa.latitude < 40.5 and -100 < usa.longitude < -98


def test_place_missing_from_the_gazetteer_stays_unresolved(extract):
    records = extract("Crowds gathered on Moi Avenue in Nairobi, where police fired tear gas. "
                      "Nairobi residents said the city was calm by night.")
    street = place(records, "Moi Avenue")
    # the street lies in the place it is said to be in ("<street> in <city>")
    assert street.name == "Nairobi"
    # a village the gazetteer lacks is not put at the article's town
    village = extract("Herders fled Kwembeleni village on Monday. Officials in Nairobi said aid was coming.")
    for found in (p for p in village.places if p.text.startswith("Kwembeleni")):
        assert found.latitude is None
    # with no town in the article, a street stays unresolved
    alone = extract("Crowds gathered on Moi Avenue as Kenya voted.")
    if any(p.text == "Moi Avenue" for p in alone.places):
        street = place(alone, "Moi Avenue")
        assert street.latitude is None and street.reason == "not in the gazetteer"


def test_adjective_demonym_is_a_place_unless_it_describes_an_actor(extract):
    markets = extract("Prices rose across European markets on Monday.")
    assert place(markets, "European").feature == "continent"
    police = extract("Turkish police detained dozens of protesters in Ankara.")
    assert [p.text for p in police.places] == ["Ankara"]


def test_state_abbreviation_with_its_full_stop(extract):
    records = extract("A tornado hit Moore, Okla., on Monday.")
    oklahoma = place(records, "Okla.")
    assert (oklahoma.name, oklahoma.feature, oklahoma.country) == ("Oklahoma", "admin1", "USA")


def test_dateline_in_capitals(extract):
    # the small model tags no entity on "ALBUQUERQUE" here
    records = extract("ALBUQUERQUE, N.M. (AP) — Wildfires forced hundreds to leave.")
    albuquerque = place(records, "ALBUQUERQUE")
    assert (albuquerque.name, albuquerque.country) == ("Albuquerque", "USA")
    assert place(records, "N.M.").name == "New Mexico"


def test_small_town_resolves_but_never_shadows_a_city(extract):
    kinsale = place(extract("The ferry docked at Kinsale in County Cork on Friday."), "Kinsale")
    assert kinsale.country == "IRL" and kinsale.feature == "city"
    # London, Kentucky (8,000 people) is a small place: the article's US context does not pick it
    london = place(extract("Flights from Chicago and Denver to London were cancelled."), "London")
    assert london.country == "GBR"


def test_washington_alone_is_the_capital(extract):
    washington = place(extract("Lawmakers in Washington passed the bill on Tuesday."), "Washington")
    assert washington.feature == "city" and round(washington.latitude) == 39


def test_oceans_and_uk_nations(extract):
    records = extract("The festival drew visitors from England and Wales before the storm crossed the Atlantic.")
    assert place(records, "England").feature == "admin1" and place(records, "Wales").country == "GBR"
    assert place(records, "Atlantic").feature == "region"


def test_part_of_a_personal_name_is_not_a_place(extract):
    records = extract("Yulia Navalnaya spoke in Berlin. In a statement, Yulia thanked supporters in Germany.")
    assert [p.text for p in records.places] == ["Berlin", "Germany"]


def test_named_building_tagged_as_organisation_is_a_place(extract):
    records = extract("Patients were moved to Kenyatta National Hospital in Nairobi on Monday.")
    hospital = place(records, "Kenyatta National Hospital")
    assert hospital.name == "Nairobi" and hospital.latitude is not None


def test_washington_beside_its_cities_is_the_state(extract):
    records = extract("Wildfires spread east of Seattle and Spokane, and Washington officials ordered evacuations.")
    washington = place(records, "Washington")
    assert (washington.feature, washington.name) == ("admin1", "Washington")
    nyc = place(extract("Flights from Buffalo to New York were delayed."), "New York")
    assert nyc.feature == "city"
