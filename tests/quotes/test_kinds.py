"""Each kind of attribution, on sentences of our own."""

from __future__ import annotations

import pytest

from chronicle.extract.quotations import quotation_spans


def quotes_of(extract, text):
    return extract(text).quotes


def one(quotes, fragment):
    matches = [q for q in quotes if fragment in q.text]
    assert matches, [q.text for q in quotes]
    return matches[0]


def test_direct_quote_with_named_speaker(extract):
    q = one(quotes_of(extract, 'Harbour master Ilse Brandt said: "The channel will stay closed until Friday."'),
            "channel will stay closed")
    assert q.kind == "direct" and q.speaker == "Ilse Brandt" and q.cue_lemma == "say"


def test_split_quote_is_one_attribution(extract):
    text = ('Finance minister Paolo Renzi spoke to reporters. "We will not raise taxes," Renzi said, '
            '"but we will cut the deficit by half."')
    q = one(quotes_of(extract, text), "raise taxes")
    assert "cut the deficit" in q.text and q.speaker == "Paolo Renzi" and q.kind == "direct"


def test_indirect_speech_with_that_clause_and_addressee(extract):
    q = one(quotes_of(extract, "Mayor Carla Diaz told reporters that the bridge would reopen next week."),
            "bridge would reopen")
    assert q.kind == "indirect" and q.speaker == "Carla Diaz" and q.addressee == "reporters"


def test_according_to(extract):
    q = one(quotes_of(extract, "According to police chief Omar Haddad, the crowd dispersed peacefully after midnight."),
            "crowd dispersed")
    assert q.speaker == "Omar Haddad" and q.kind == "indirect"


def test_mixed_quote(extract):
    q = one(quotes_of(extract, 'Senator Maria Lopez warned that the plan was "a recipe for disaster" for farmers.'),
            "recipe for disaster")
    assert q.kind == "mixed" and q.speaker == "Maria Lopez"


def test_went_on_to_say(extract):
    text = "Union leader Tomas Berg went on to say that the strike would continue until wages rose."
    q = one(quotes_of(extract, text), "strike would continue")
    assert q.speaker == "Tomas Berg"


@pytest.mark.parametrize("pronoun", ["she", "the minister"])
def test_pronoun_and_nominal_speakers(extract, pronoun):
    text = (
        "Health minister Anna Kovac visited the hospital on Monday. Kovac said that she had approved new funding.\n\n"
        f'"We will hire 200 nurses this year," {pronoun} said.'
    )
    q = one(quotes_of(extract, text), "hire 200 nurses")
    assert q.speaker == "Anna Kovac" and q.kind == "direct"


def test_uncued_quote_paragraph_continues_the_previous_speaker(extract):
    text = (
        'Fire chief Daniel Osei said the blaze was under control. "Crews stayed all night," Osei said.\n\n'
        '"Nobody was hurt, and the school will open on Monday as planned."'
    )
    q = one(quotes_of(extract, text), "Nobody was hurt")
    assert q.speaker == "Daniel Osei" and q.cue is None and q.kind == "direct"


def test_headline_says_attribution(extract):
    text = (
        "Port Workers Will Strike Until Pay Rises, Says Union Leader\n\n"
        "Union leader Marta Sousa said the strike was legal."
    )
    q = one(quotes_of(extract, text), "Port Workers Will Strike")
    assert q.speaker == "Marta Sousa"


def test_quotation_spans_pair_within_paragraphs():
    text = 'He said "one two three" and "four".\n\n"An unclosed quote runs on'
    spans = [text[s:e] for s, e in quotation_spans(text)]
    assert spans == ["one two three", "four", "An unclosed quote runs on"]
