"""Quotes a user can trust (issue 11), each failure class pinned on sentences of our own:
non-communication cues stay out of the default output, speakers agree with their mentions,
one stretch of text has one speaker, and the structures news pages use are attributed."""

from __future__ import annotations

import pytest

from chronicle.confidence import QUOTES_MIN_CONFIDENCE, keep_confident
from chronicle.extract.quotes import cue_lexicon
from tests.quotes.spans import said


def shown(records):
    """The quotes the default output keeps."""
    return keep_confident(records).quotes



@pytest.mark.parametrize("text", [
    "Police arrested two men on Tuesday after they tried to break into the depot.",
    "The court released the driver on bail after a short hearing.",
    "The decision to close the mine came after months of efforts to find a buyer.",
    "Residents hope the bridge will reopen before the winter, allowing buses to return.",
    "The navy launched a search for the missing trawler off the northern coast.",
])
def test_actions_that_are_not_communication_are_not_shown(extract, text):
    assert shown(extract(text)) == []


def test_a_pronoun_does_not_join_a_person_of_the_other_gender(extract):
    text = ("Councillor Maria Lindqvist received a call from a man last week. He asked about her schedule "
            "and said, \"someone should teach that councillor a lesson.\" Lindqvist reported the call to police.")
    q = said(extract(text).quotes, "teach that councillor")
    assert q.speaker != "Maria Lindqvist"


def test_a_pronoun_outside_quotes_skips_names_inside_them(extract):
    text = ("Senator Helen Marsh spoke in Dayton on Friday. \"Nobody will beat Governor Frank Ortiz by shouting "
            "at him,\" she said.")
    q = said(extract(text).quotes, "Nobody will beat")
    assert q.speaker == "Helen Marsh"


def test_a_plural_source_is_not_one_person(extract):
    text = ("Prosecutors said the defendant lied to investigators about the money. "
            "His lawyer, Tomas Brenner, said the charges were baseless.")
    quotes = extract(text).quotes
    assert said(quotes, "defendant lied").speaker != "Tomas Brenner"
    assert said(quotes, "charges were baseless").speaker == "Tomas Brenner"


def test_the_company_said_is_the_company_named_before(extract):
    text = ("Nordvik Shipping reported a sharp loss on Monday. The company said demand for container freight "
            "had collapsed in the spring.")
    assert said(extract(text).quotes, "demand for container").speaker == "Nordvik Shipping"


def test_it_said_in_a_statement_is_the_organisation(extract):
    text = ("The Ministry of Health published new figures on Friday. In a statement, it said infections had "
            "fallen for a third week.")
    assert said(extract(text).quotes, "infections had fallen").speaker == "Ministry of Health"


def test_his_office_speaks_for_him(extract):
    text = "Senator Paul Okafor has left the race. His office said he would spend more time with his family."
    assert said(extract(text).quotes, "more time with his family").speaker == "Paul Okafor"


def test_a_split_quote_is_one_record_with_one_speaker(extract):
    text = ("\"The river is rising faster than we planned for,\" Mayor Elena Ruiz said, \"so we are moving "
            "the shelters to higher ground.\"")
    quotes = extract(text).quotes
    q = said(quotes, "river is rising")
    assert "higher ground" in q.text and q.source == "Mayor Elena Ruiz"
    assert all(o.source == q.source for o in quotes if o.start < q.end and q.start < o.end)


def no_contradictions(quotes) -> list[tuple[str, str]]:
    """Pairs of records that give one stretch of text (half of the shorter) different speakers,
    other than nested reported speech (one's speech-verb cue inside the other's content)."""
    verbs = cue_lexicon().verbs
    bad = []
    for i, a in enumerate(quotes):
        for b in quotes[i + 1 :]:
            shared = min(a.end, b.end) - max(a.start, b.start)
            if 2 * shared < min(a.end - a.start, b.end - b.start):
                continue
            nested = any(c is not None and o.start <= c < o.end and i.cue_lemma in verbs
                         for c, o, i in ((a.cue_start, b, a), (b.cue_start, a, b)))
            key_a, key_b = (a.speaker_id or (a.source or "").lower()), (b.speaker_id or (b.source or "").lower())
            if key_a != key_b and not nested:
                bad.append((a.text, b.text))
    return bad


def test_contradicting_records_are_not_made(extract):
    text = ("Lithuania is facing \"a hybrid attack on its border,\" Deputy Minister Rasa Jonaitis said, \"and we "
            "are protecting it.\" Belarus denies the charge.")
    assert no_contradictions(extract(text).quotes) == []


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    ("The strike at the port will continue into next week, according to union leader Karl Weiss.",
     "strike at the port", "Karl Weiss"),
    ("Harbour chief Ines Duarte told reporters that the pier would reopen in June.",
     "pier would reopen", "Ines Duarte"),
    ("\"We are not going anywhere,\" the mayor said on Sunday. Mayor Elena Ruiz spoke after the flood.",
     "not going anywhere", "Elena Ruiz"),
])
def test_structures_news_pages_use(extract, text, fragment, speaker):
    q = said(extract(text).quotes, fragment)
    assert q.speaker == speaker


def test_nested_attribution_keeps_both_speakers(extract):
    text = "Police said a witness told them that the driver had shouted at the crowd before the crash."
    quotes = extract(text).quotes
    assert said(quotes, "a witness told them").source == "Police"
    inner = [q for q in quotes if q.text.startswith("that the driver had shouted")]
    assert [q.source for q in inner] == ["a witness"]


def test_confidence_is_a_probability_and_the_threshold_is_precision_first():
    assert 0.5 < QUOTES_MIN_CONFIDENCE < 1


def test_he_said_after_a_speaker_continues_that_speaker(extract):
    # the host's gender is known from "Mr.", the envoy's is not: the pronoun still follows the speaker
    text = ("Envoy Tarek Oduya met Mr. Paulo Brandt in Lisbon on Monday. The talks on fishing quotas will go on "
            "next month, Oduya said. He said both governments wanted an agreement before the summer.")
    q = said(extract(text).quotes, "both governments wanted")
    assert q.speaker == "Tarek Oduya"


def test_an_indefinite_document_is_not_the_last_speaker(extract):
    # "a poll" introduces a new source: it is not the senator who spoke just before
    text = ("Senator Greta Holm said the tax plan would pass in the spring. A new Ridgeway poll found that most "
            "voters oppose the plan.")
    q = said(extract(text).quotes, "most voters oppose")
    assert q.speaker != "Greta Holm"


def test_an_embedded_tweet_is_its_authors_direct_quote(extract):
    text = ("Mayor Lena Okafor answered her critics online on Sunday.\n\n"
            '<tweet id="11" author="@LenaOkafor" datetime="2030-05-02">The new tram line opens in June, '
            "as promised to every neighbourhood.</tweet>.\n\n"
            '<tweet tweet-id="12"><tweet/>.')
    quotes = extract(text).quotes
    q = said(quotes, "tram line opens")
    assert (q.kind, q.source, q.speaker) == ("direct", "@LenaOkafor", "Lena Okafor")
    assert not [x for x in quotes if x.source and "tweet" in x.source]


def test_a_speaker_reported_by_another_is_not_continued_by_a_pronoun(extract):
    # the governor speaks only inside the congressman's words: "he said" after them is the congressman
    text = ("Congressman Omar Field said Governor Luis Tamm told donors the race was close. "
            "The money is vital for the autumn, he said on Friday.")
    q = said(extract(text).quotes, "money is vital")
    assert q.speaker == "Omar Field"
