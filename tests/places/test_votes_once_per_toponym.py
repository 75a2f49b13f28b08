"""Round 9 of issue 14: the ranking's work done once per toponym and per article instead of once per
candidate and per mention; the votes must not change with it."""

from chronicle.extract import places
from chronicle.extract.gazetteer import fold, gazetteer


def state(name: str) -> places.Anchor:
    entry = next(c.entry for c in gazetteer().lookup(fold(name)) if c.entry.feature == "admin1")
    return places.Anchor(fold(name), entry)


def test_repeated_anchors_vote_as_one():
    springfield = places.Toponym(None, "springfield", list(gazetteer().lookup("springfield")))  # type: ignore[arg-type]
    once = [state("Illinois"), state("Missouri")]
    again = once + once + [state("Illinois")]
    assert places.rank(springfield, again) == places.rank(springfield, once)
    assert places.rank(springfield, once) != places.rank(springfield, [])  # the anchors do vote


def test_the_anchors_of_an_article_hold_each_name_and_place_once():
    illinois = state("Illinois")
    found = [places.Toponym(None, "illinois", [places.Candidate(illinois.entry, "name")]) for _ in range(3)]  # type: ignore[arg-type]
    assert places.anchors_of(found, [illinois]) == [illinois]


def test_a_toponym_gathers_its_surroundings_without_its_own_name():
    around = places.surroundings(places.Toponym(None, "illinois", []), [state("Illinois"), state("Ohio")])  # type: ignore[arg-type]
    assert around.names == 1 and around.divisions == {"US": {"ohio"}}
