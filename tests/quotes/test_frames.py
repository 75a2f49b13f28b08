"""Cue frames beyond "said that": objects, prepositions, infinitives, nouns, colons, passives."""

from __future__ import annotations

import pytest


def quote_with(records, fragment):
    matches = [q for q in records.quotes if fragment in q.text]
    assert matches, [(q.cue, q.text) for q in records.quotes]
    return matches[0]


@pytest.mark.parametrize(
    ("text", "fragment", "lemma", "speaker"),
    [
        ("Opposition leader Ruth Meyer criticized the new fuel tax on Tuesday.", "the new fuel tax", "criticize",
         "Ruth Meyer"),
        ("Governor Alan Reyes called for an independent inquiry into the flooding.", "an independent inquiry",
         "call", "Alan Reyes"),
        ("Governor Alan Reyes vowed to rebuild every damaged home before winter.", "to rebuild every damaged home",
         "vow", "Alan Reyes"),
        ("Union leader Marta Sousa talked about the pension reform for an hour.", "the pension reform", "talk",
         "Marta Sousa"),
    ],
)
def test_framed_content(extract, text, fragment, lemma, speaker):
    q = quote_with(extract(text), fragment)
    assert q.cue_lemma == lemma and q.speaker == speaker and q.kind == "indirect"


def test_object_content_keeps_its_as_phrase(extract):
    q = quote_with(extract("Ruth Meyer described the budget as a gift to landlords."), "the budget")
    assert q.text == "the budget as a gift to landlords"


def test_call_for_someone_to_act(extract):
    q = quote_with(extract("Mayor Ines Duarte called for the army to help with the evacuation."), "army")
    assert q.text.startswith("the army to help") and q.speaker == "Ines Duarte"


def test_cue_noun_with_possessive_source(extract):
    text = "Senator Paul Okafor spoke in Lagos on Monday. Okafor's call for new elections angered the ruling party."
    q = quote_with(extract(text), "new elections")
    assert q.cue_lemma == "call" and q.speaker == "Paul Okafor"


def test_stance_inside_reported_speech_is_not_a_second_attribution(extract):
    records = extract("Party chairman Jonas Weber said that most delegates would support the merger.")
    assert [q.cue_lemma for q in records.quotes] == ["say"]


def test_colon_headline_label_and_kicker(extract):
    records = extract(
        "Poll: Voters Trust Mayor Over Council On Housing\n\n"
        "Exclusive: Harbour Deal Signed After Long Talks\n\n"
        "A new survey of 1,200 residents was published on Friday."
    )
    labelled = quote_with(records, "Voters Trust Mayor")
    assert labelled.source == "Poll"
    assert not [q for q in records.quotes if "Harbour Deal" in q.text]


def test_quotation_after_a_colon_and_a_name(extract):
    text = 'The delay did not surprise economist Lena Fischer: "Ports have been slow for months and nothing changed."'
    q = quote_with(extract(text), "Ports have been slow")
    assert q.speaker == "Lena Fischer" and q.kind == "direct"


def test_parenthetical_cue_takes_the_whole_clause(extract):
    text = "Economist Lena Fischer spoke at the fair. In the past year, Fischer said, the price of grain has doubled."
    q = quote_with(extract(text), "the price of grain has doubled")
    assert "In the past year" in q.text and q.speaker == "Lena Fischer"


def test_passive_cue_source_is_the_agent_or_none(extract):
    records = extract(
        "The plan was criticized by Senator Ruth Meyer on Monday. The minister was asked about the delays."
    )
    assert quote_with(records, "The plan").speaker == "Ruth Meyer"
    unsourced = quote_with(records, "the delays")
    assert unsourced.source is None and unsourced.speaker is None
