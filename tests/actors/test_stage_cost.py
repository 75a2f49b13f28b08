"""The actors stage's cheaper look-ups (round 10, issue 12 point 5) decide as the full ones did, on words
of our own."""

from chronicle.extract.codes import _phrase_sector, may_end_phrase, notable_person, noun_sector


def test_a_noun_no_role_or_group_phrase_ends_in_is_passed_over():
    assert may_end_phrase("official") and may_end_phrase("soldier")
    assert not may_end_phrase("banana") and not may_end_phrase("tuesday")
    assert may_end_phrase("two words")  # a word with a space is never ruled out
    assert _phrase_sector(["ripe", "banana"], 1) is None
    assert noun_sector(["border", "official"], 1, ["border", "officials"]) is not None


def test_a_listed_person_is_looked_up_once_per_name_with_the_same_answer():
    assert notable_person("Vladimir Putin") == notable_person("Vladimir Putin")
    assert notable_person("Vladimir Putin").country == "RUS"
    assert notable_person("Qzxv Plorbington") is None
