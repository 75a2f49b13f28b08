"""Cue frames beyond "said that": objects, prepositions, infinitives, nouns, colons, passives."""

from __future__ import annotations

import pytest

from chronicle.extract.quotes import find_attributions


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


def test_cue_noun_with_possessive_source(nlp):
    # the lexicon rule; the cue model may still drop it (it scores such nouns low on PolNeAR)
    text = "Senator Paul Okafor spoke in Lagos on Monday. Okafor's call for new elections angered the ruling party."
    attributions, _ = find_attributions(nlp(text), text)
    a = next(a for a in attributions if "new elections" in text[a.start : a.end])
    assert a.cue.lemma_ == "call" and text[a.source[0] : a.source[1]] == "Okafor's"


def test_stance_inside_reported_speech_is_not_a_second_attribution(extract):
    records = extract("Party chairman Jonas Weber said that most delegates would support the merger.")
    assert [q.cue_lemma for q in records.quotes] == ["say"]


def test_colon_headline_label_and_kicker(nlp):
    # the lexicon rule; the cue model may still drop a label it scores low
    text = (
        "Poll: Voters Trust Mayor Over Council On Housing\n\n"
        "Exclusive: Harbour Deal Signed After Long Talks\n\n"
        "A new survey of 1,200 residents was published on Friday."
    )
    attributions, _ = find_attributions(nlp(text), text)
    labelled = next(a for a in attributions if "Voters Trust Mayor" in text[a.start : a.end])
    assert text[labelled.source[0] : labelled.source[1]] == "Poll"
    assert not [a for a in attributions if "Harbour Deal" in text[a.start : a.end]]


def test_quotation_after_a_colon_and_a_name(extract):
    text = 'The delay did not surprise economist Lena Fischer: "Ports have been slow for months and nothing changed."'
    q = quote_with(extract(text), "Ports have been slow")
    assert q.speaker == "Lena Fischer" and q.kind == "direct"


def test_parenthetical_cue_takes_the_whole_clause(extract):
    text = "Economist Lena Fischer spoke at the fair. In the past year, Fischer said, the price of grain has doubled."
    q = quote_with(extract(text), "the price of grain has doubled")
    assert "In the past year" in q.text and q.speaker == "Lena Fischer"


def test_passive_cue_source_is_the_agent_or_none(nlp):
    # the lexicon rule; the cue model may still drop the short passive contents
    text = "The plan was criticized by Senator Ruth Meyer on Monday. The minister was asked about the delays."
    attributions, _ = find_attributions(nlp(text), text)
    by_content = {text[a.start : a.end]: a for a in attributions}
    agent = next(a for c, a in by_content.items() if c.startswith("The plan"))
    assert text[agent.source[0] : agent.source[1]] == "Senator Ruth Meyer"
    assert by_content["the delays"].source is None


def test_clause_hung_on_the_cue_after_its_complement_belongs_to_the_content(extract):
    # the parser attaches "should the party ask her" to "said", not to what she said
    records = extract("Senator Ruth Meyer said she would run for governor should the party ask her.")
    q = quote_with(records, "run for governor")
    assert q.text == "she would run for governor should the party ask her" and q.speaker == "Ruth Meyer"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The harbour authority, Port Lumen, said the quay would reopen in May.", "The harbour authority, Port Lumen"),
        ("Its spokesman, Ivo Brandt, said the talks had stalled.", "Its spokesman, Ivo Brandt"),
    ],
)
def test_source_drops_the_comma_closing_an_apposition(extract, text, source):
    q = quote_with(extract(text), "")
    assert q.source == source


def test_role_with_named_apposition_is_that_person(extract):
    q = quote_with(extract("His Varnese counterpart, Olek Dravin, told reporters that the border would stay open."),
                   "border")
    assert q.speaker == "Olek Dravin"
