"""A town named by the last word of a longer name after a name of its own is a word of that name, not where
the toponym lies ("the Soviet Union" is not in Union, New Jersey); after a direction, a kind of place or a
people it still places it ("North Dallas", "Old Town Manassas", "the British Embassy Tokyo")."""

from tests.places.test_round7 import inner_text


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
