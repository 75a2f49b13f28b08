"""Candidate spans (round 10): the complement after the cue, reports inside a quotation, a cue
closing its sentence, and nouns of communication with a that-clause. Sentences of our own."""

from __future__ import annotations

from chronicle.extract.quotes import _trailing_content, find_attributions


def _attributions(nlp, text):
    found, _quotes = find_attributions(nlp(text), text)
    return [(text[a.start : a.end], a.cue.text if a.cue is not None else None,
             text[a.source[0] : a.source[1]] if a.source else None, a.origin) for a in found]


def _contents(nlp, text, cue):
    return [content for content, c, _source, _origin in _attributions(nlp, text) if c == cue]


def test_second_of_two_reports_in_one_sentence_takes_what_follows_it(nlp):
    text = ("Most of the tenants say the rent is fair; 30 percent of the tenants say "
            "they cannot pay the new rent, compared with 12 percent last year.")
    contents = _contents(nlp, text, "say")
    assert any(c.startswith("they cannot pay the new rent") for c in contents)


def test_quoted_clause_before_the_cue_keeps_its_place(nlp):
    text = '"The bridge will open in May," Mayor Ruth Cole said, adding that the budget is tight.'
    assert any(c.startswith("The bridge will open in May") for c in _contents(nlp, text, "said"))


def test_third_party_reported_inside_a_quotation(nlp):
    text = ('"The weather turns every week. Last month the mayor told me that Ruth Ames said '
            'the dam would be finished by June," the engineer said.')
    found = _attributions(nlp, text)
    assert ("the dam would be finished by June", "said", "Ruth Ames", "quoted") in found
    # the quotation itself is still the engineer's
    assert any(source == "the engineer" and content.startswith("The weather turns every week")
               for content, _cue, source, _origin in found)


def test_quoted_speakers_own_earlier_words_are_no_second_report(nlp):
    text = '"I said we would win, and we won," the coach said after the final whistle.'
    assert not [a for a in _attributions(nlp, text) if a[3] == "quoted"]


def test_generic_talk_inside_a_quotation_is_no_report(nlp):
    text = '"No one is going to say the dam is safe, and a law that says so would change nothing," Ames said.'
    assert not [a for a in _attributions(nlp, text) if a[3] == "quoted"]


def test_cue_closing_its_sentence_reports_what_precedes_the_subject(nlp):
    # whatever clause the parser hangs the report on (often an adverbial clause of the cue)
    text = ("As the band finished its set at the harbour festival, a young steward near the stage "
            "was pepper-sprayed by a drunk visitor, police said.")
    doc = nlp(text)
    cue = next(t for t in doc if t.text == "said")
    subject = next(t for t in doc if t.text == "police")
    start, end = _trailing_content(cue, subject)
    assert text[start:end] == text[: text.index(", police")]


def test_noun_of_communication_with_a_that_clause(nlp):
    text = "The protestations by the union that the depot was unsafe angered the mayor."
    found = _attributions(nlp, text)
    assert ("the depot was unsafe", "protestations", "the union", "noun") in found


def test_noun_without_an_author_in_its_phrase_has_no_source_from_the_verb(nlp):
    text = "The mayor dismissed the protestations that the depot was unsafe."
    assert not [a for a in _attributions(nlp, text) if a[1] == "protestations" and a[2] == "The mayor"]


def test_relative_clause_after_a_noun_is_no_content(nlp):
    text = "The mayor repeated the statement that her office released on Monday."
    assert not [a for a in _attributions(nlp, text) if a[3] == "noun"]
