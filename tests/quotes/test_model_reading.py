"""Seventh round: what the confidence model reads of a quote's cue, source and passage, and which
sources speak as written. Sentences of our own."""

from __future__ import annotations

from chronicle.extract.quotes import cue_class, cue_lexicon, scored_quotes, source_noun_class
from chronicle.records import Article
from tests.quotes.spans import said


def test_his_campaign_speaks_as_written(extract):
    text = "Senator Paul Okafor spoke in Ames on Monday. His campaign said he would stay in the race until June."
    q = said(extract(text).quotes, "stay in the race")
    assert (q.speaker or q.source) == "His campaign"


def test_his_office_still_speaks_for_him(extract):
    text = "Senator Paul Okafor spoke in Ames on Monday. His office said he would stay in the race until June."
    assert said(extract(text).quotes, "stay in the race").speaker == "Paul Okafor"


def test_cue_classes_follow_the_lexicon():
    lexicon = cue_lexicon()
    needs = sorted(lexicon.needs_content)[0]
    assert cue_class(needs, "verb") == "needs_content"
    assert cue_class("zzzquux", "verb") == "unlisted"
    assert cue_class("accord", "phrase") == "phrase"
    assert cue_class(sorted(lexicon.object_frame - lexicon.needs_content)[0], "verb") == "object"


def test_source_nouns_are_classed_by_the_role_lexicon():
    assert source_noun_class("company") == "organisation"
    assert source_noun_class("statement") == "document"
    assert source_noun_class("ruling") == "other"


def test_a_passage_with_one_speaker_is_read_as_agreeing(pipeline):
    text = ("Mayor Elena Ruiz said the shelters would open on Friday. Ruiz added that the buses would run all "
            "night.\n\nThe council met later.")
    article = Article(id="round7", input="test", text=text)
    doc = pipeline.nlp(text)
    records = pipeline.apply_stages(doc, article)
    features = {q.text[:12]: f for q, f in scored_quotes(doc, records)}
    assert "passage=same" in features["the shelters"]
    assert any(f.startswith("cover=") for f in features["the shelters"])


def test_the_group_among_several_organisations_none_named_so_stays_as_written(extract):
    text = ("Nordvik Shipping and the Baltic Freight Union met in Riga on Monday. The group said demand for "
            "container freight had collapsed in the spring.")
    q = said(extract(text).quotes, "demand for container")
    assert q.speaker not in {"Nordvik Shipping", "Baltic Freight Union"}
