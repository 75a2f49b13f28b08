"""Layouts that mark speech whatever the verb, and source spans that stop at the name."""

from __future__ import annotations

from chronicle.extract.quotes import find_attributions
from tests.quotes.spans import said


def _attributions(nlp, text):
    found, _quotes = find_attributions(nlp(text), text)
    return [(text[a.start : a.end], a.cue.text if a.cue is not None else None,
             text[a.source[0] : a.source[1]] if a.source else None, a.origin) for a in found]


def test_quotation_then_subject_and_any_verb_is_speech(nlp):
    text = 'The harbour master spoke for an hour.\n\n"Get those boats out of my harbour," Olsen barked at the crew.'
    assert ("Get those boats out of my harbour", "barked", "Olsen", "inverted") in _attributions(nlp, text)


def test_one_word_reply_standing_as_a_sentence_is_a_quote(nlp):
    text = 'The minister asked who would pay.\n\n"Farmers!" the audience shouted.'
    assert ("Farmers!", "shouted", "the audience", "inverted") in _attributions(nlp, text)


def test_scare_quote_inside_a_sentence_is_not_a_quote(nlp):
    text = 'He called the plan a "fair deal," the report noted.'
    assert not [a for a in _attributions(nlp, text) if a[3] == "inverted"]


def test_verb_with_its_own_complement_does_not_take_the_quotation(nlp):
    text = 'The bridge was closed.\n\n"It is over," the engineers knew that the river had won.'
    assert not [a for a in _attributions(nlp, text) if a[3] == "inverted"]


def test_source_stops_before_a_relative_clause(extract):
    records = extract("Nadia Okafor, who founded the clinic in 1998, said the ward would reopen in May.")
    q = said(records.quotes, "the ward would reopen")
    assert q.source == "Nadia Okafor" and q.speaker == "Nadia Okafor"


def test_source_keeps_a_named_apposition(extract):
    records = extract("The port operator, Meridian Terminals, said the strike was over.")
    assert said(records.quotes, "the strike was over").source == "The port operator, Meridian Terminals"


def test_speech_infinitive_after_an_object_is_the_objects(nlp):
    text = "The audit prompted the council, which runs the depot, to state that the fleet was unsafe."
    assert ("that the fleet was unsafe", "state", "the council", "verb") in _attributions(nlp, text)


def test_cue_inside_a_relative_clause_reports_the_rest_of_it(nlp):
    text = "The council passed a levy which critics said was unfair to tenants."
    assert ("was unfair to tenants", "said", "critics", "verb") in _attributions(nlp, text)


def test_relative_which_stands_for_the_noun_it_modifies(nlp):
    text = "Sales fell by a third, according to the survey by Norland Research, which added that prices rose."
    assert ("that prices rose", "added", "Norland Research", "verb") in _attributions(nlp, text)


def test_inverted_layout_with_the_verb_before_its_subject(nlp):
    text = 'The band rested.\n\n"We play until the hall is empty," laughed the conductor.'
    assert ("We play until the hall is empty", "laughed", "the conductor", "inverted") in _attributions(nlp, text)
