"""Round 8 of issue 14, pinned on sentences written for these tests: the gazetteer's airports from
airportsdata (by full name, by their own name with "Airport", and alone when no town of some size, division
or country bears the name), a town named with the county of its name, natural features the gazetteer lacks,
a town's name cut at "upon" or "on" ("Newcastle"), towns that lie together though none leads alone,
townships, and numbered roads."""

from spacy.tokens import Span

from chronicle.extract.gazetteer import airport_names, gazetteer, short_form
from chronicle.geo import haversine_km
from tests.places.tagged import resolved, story


def test_an_airports_own_name_drops_the_city_and_the_kind_words():
    assert airport_names("London Heathrow Airport", "London") == ("London Heathrow Airport", "Heathrow")
    assert airport_names("Amsterdam Airport Schiphol", "Amsterdam")[1] == "Schiphol"
    assert airport_names("Chicago O'Hare International Airport", "Chicago")[1] == "O'Hare"
    assert airport_names("Manchester Airport", "Manchester")[1] == ""  # the town's own name does


def test_a_bare_airport_name_is_the_airport_not_a_small_namesake_town(nlp):
    words = ["Flights", "were", "grounded", "at", "Heathrow", "after", "the", "storm", "."]
    heathrow = resolved(story(nlp, words, [(4, 5, "FAC")]))["Heathrow"]
    assert heathrow is not None and heathrow.feature == "airport"
    assert haversine_km(heathrow.latitude, heathrow.longitude, 51.47, -0.46) < 5


def test_the_namesake_town_wins_in_its_own_region(nlp):
    words = ["Homes", "in", "Heathrow", "and", "Sanford", ",", "Florida", "lost", "power", "."]
    heathrow = resolved(story(nlp, words, [(2, 3, "GPE"), (4, 5, "GPE"), (6, 7, "GPE")]))["Heathrow"]
    assert heathrow is not None and heathrow.feature == "city" and heathrow.country2 == "US"


def test_an_airport_name_with_its_kind_word_places_it_whatever_the_articles_town(nlp):
    words = ["The", "mayor", "of", "Richmond", "flew", "from", "Dulles", "International", "Airport", "."]
    airport = resolved(story(nlp, words, [(3, 4, "GPE"), (6, 9, "FAC")]))["Dulles International Airport"]
    assert airport is not None and airport.feature == "airport"
    assert haversine_km(airport.latitude, airport.longitude, 38.95, -77.46) < 5


def test_a_name_a_sizeable_town_bears_is_not_indexed_for_its_airport_alone():
    # Boston's airport is "General Edward Lawrence Logan": "Logan" alone stays the towns' (Logan, Utah)
    assert not any(c.entry.feature == "airport" for c in gazetteer().lookup("logan"))
    assert any(c.entry.feature == "airport" for c in gazetteer().lookup("gatwick"))


def test_an_airport_named_after_a_person_in_the_story_is_the_person(nlp):
    words = ["Muhammad", "Ali", "Jinnah", "founded", "the", "state", ".", "Jinnah", "spoke", "."]
    found = resolved(story(nlp, words, [(0, 3, "PERSON"), (7, 8, "GPE")]))
    assert "Jinnah" not in found


def test_a_town_named_with_the_county_of_its_name_is_the_countys_town(nlp):
    # invented local story: the county's namesake town, not the country of the name
    words = ["Lebanon", "County", "commissioners", "met", "in", "Lebanon", "on", "Tuesday", "."]
    found = resolved(story(nlp, words, [(0, 2, "GPE"), (5, 6, "GPE")]))
    town = found["Lebanon"]
    assert town is not None and town.feature == "city" and town.country2 == "US"
    assert found["Lebanon County"] is not None and town.admin2 == found["Lebanon County"].id


def test_a_lake_is_no_small_town_of_its_name_elsewhere(nlp):
    # invented: the only "Lake Winnebago" in the gazetteer is a Missouri village; the lake lies near Oshkosh
    words = ["A", "boat", "capsized", "on", "Lake", "Winnebago", "near", "Oshkosh", "."]
    lake = resolved(story(nlp, words, [(4, 6, "LOC"), (7, 8, "GPE")]))["Lake Winnebago"]
    assert lake is None or haversine_km(lake.latitude, lake.longitude, 44.0, -88.4) < 50


def test_a_towns_name_cut_at_upon_or_on_is_its_own_name(nlp):
    assert short_form("Newcastle", "Newcastle upon Tyne") and short_form("Hull", "Kingston upon Hull")
    assert short_form("Southend", "Southend-on-Sea") and not short_form("Fort Western", "Augusta")
    # invented: Newcastle beside Gateshead and Sunderland is the city on the Tyne, not the Newcastle of County Down
    words = ["Police", "in", "Newcastle", "said", "a", "man", "from", "Gateshead", "was", "held", "in",
             "Sunderland", "."]
    newcastle = resolved(story(nlp, words, [(2, 3, "GPE"), (7, 8, "GPE"), (11, 12, "GPE")]))["Newcastle"]
    assert newcastle is not None and haversine_km(newcastle.latitude, newcastle.longitude, 54.97, -1.61) < 20


def test_towns_none_of_which_leads_alone_stand_together(nlp):
    # invented: Cambridge, England is larger and Somerville, New Jersey close behind, but the Massachusetts
    # pair lie together with a Middlesex County
    words = ["Students", "in", "Cambridge", "and", "Somerville", "marched", ".", "Middlesex", "County",
             "officials", "said", "."]
    found = resolved(story(nlp, words, [(2, 3, "GPE"), (4, 5, "GPE"), (7, 9, "GPE")]))
    cambridge = found["Cambridge"]
    assert cambridge is not None and haversine_km(cambridge.latitude, cambridge.longitude, 42.37, -71.11) < 20


def test_a_township_lies_in_the_articles_town_not_in_a_namesake_far_off(nlp):
    # invented: a New Jersey story; the Washington inside the township's name is not the capital
    words = ["A", "barn", "burned", "in", "Washington", "Township", ".", "Firefighters", "from", "Glassboro",
             "helped", ",", "Gloucester", "County", "officials", "said", "."]
    found = resolved(story(nlp, words, [(4, 6, "GPE"), (9, 10, "GPE"), (12, 14, "GPE")]))
    township = found["Washington Township"]
    assert township is not None and haversine_km(township.latitude, township.longitude, 39.75, -75.07) < 30


def test_a_numbered_road_after_the_lies_where_the_story_is(nlp):
    # invented: British roads, placed at the town they are said to be at, and only after "the"
    words = ["A", "lorry", "overturned", "on", "the", "A417", "at", "Cirencester", ".", "Pupils", "at", "levels",
             "B1", "and", "B2", "were", "late", "."]
    found = resolved(story(nlp, words, [(7, 8, "GPE")]))
    road = found.get("A417")
    assert road is not None and road.name == "Cirencester"
    assert "B1" not in found and "B2" not in found


def test_a_model_number_that_acts_is_no_road(nlp):
    # invented: an aircraft type written like a British road number, as the subject of its clause
    words = ["The", "A350", "landed", "at", "Gloucester", "after", "the", "crew", "took", "the", "A417", "to",
             "Gloucester", "."]
    doc = nlp(story(nlp, words, []))
    doc.ents = [Span(doc, 4, 5, label="GPE"), Span(doc, 12, 13, label="GPE")]
    found = resolved(doc)
    assert "A350" not in found and found.get("A417") is not None
