"""Sides of an act its doer gives and the verb's subject gets, and a word act's possessor (sentences of
our own)."""

from tests.events.sides import named_sides, only


def test_an_act_received_from_someone_is_aimed_at_the_receiver(extract):
    text = "Senator Ana Ruiz picked up an endorsement from Governor Marco Diaz on Friday."
    sides = {(e[1], e[2]) for e in named_sides(extract, text) if e[0] == "SUPPORT"}
    assert ("Marco Diaz", "Ana Ruiz") in sides, sides


def test_a_giver_the_parser_hung_on_the_verb_is_the_doer(extract):
    text = "Governor Peter Novak locked up endorsements from the Varnian Farmers Union."
    sides = {(e[1], e[2]) for e in named_sides(extract, text) if e[0] == "SUPPORT"}
    assert ("Varnian Farmers Union", "Peter Novak") in sides, sides


def test_an_act_won_of_someone_is_aimed_at_the_winner(extract):
    text = "Senator Ana Ruiz won the backing of the Varnian Teachers Union on Monday."
    sides = {(e[1], e[2]) for e in named_sides(extract, text) if e[0] == "SUPPORT"}
    assert ("Varnian Teachers Union", "Ana Ruiz") in sides, sides


def test_an_act_the_subject_does_keeps_the_subject_as_doer(extract):
    text = "Senator Ana Ruiz launched fresh attacks on Governor Marco Diaz from the Senate floor."
    for event in named_sides(extract, text):
        assert event[2] != "Ana Ruiz", event


def test_a_reported_act_is_not_aimed_at_the_reporter(extract):
    text = "The Varnian Times cited criticism from Senator Ana Ruiz."
    for event in named_sides(extract, text):
        assert event[2] is None or "Times" not in event[2], event


def test_a_word_acts_possessor_does_it(extract):
    text = "Senator Ana Ruiz's condemnation came a day after the vote."
    sides = [(e[1], e[2]) for e in named_sides(extract, text) if e[0] == "ACCUSE"]
    assert sides and all(side == ("Ana Ruiz", None) for side in sides), sides


def test_a_material_acts_possessor_undergoes_it(extract):
    text = "Varnian police confirmed Marco Diaz's arrest in Lima."
    targets = {e[2] for e in named_sides(extract, text) if e[0] == "COERCE"}
    assert targets == {"Marco Diaz"}, targets


def test_someones_thing_that_draws_an_act_from_another_makes_them_its_target(extract):
    text = "Senator Ana Ruiz spoke on Monday. Ruiz's assertion later drew rebukes from the Peruvian government."
    events = only(named_sides(extract, text), "ACCUSE")
    assert ("Peruvian government", "Ana Ruiz") in {(e[1], e[2]) for e in events}
