"""Speaker resolution, fourth round of issue 11 (interviews): failure classes found on the silver
training set, pinned on sentences of our own (none copied from an article)."""

from __future__ import annotations

from chronicle.extract.quotes import scored_quotes
from chronicle.extract.speakers import SpeakerResolver
from chronicle.records import Article, article_id_for
from tests.quotes.spans import said


def test_a_pronoun_is_not_the_person_its_own_verb_addresses(extract):
    # "he told Holloway": he is not Holloway, even though Holloway spoke last
    text = ("Radio host Martin Holloway interviewed Governor Peter Lindqvist on Friday. "
            "Holloway asked about the bridge.\n\n"
            "\"It will be finished next spring, and it will cost less than planned,\" he told Holloway.")
    q = said(extract(text).quotes, "finished next spring")
    assert q.speaker == "Peter Lindqvist"


def test_the_person_asked_answers_next(extract):
    text = ("Radio host Martin Holloway spoke with Governor Peter Lindqvist on Friday.\n\n"
            "Holloway asked Lindqvist how long the bridge would take.\n\n"
            "\"About two years, if the weather holds,\" he said.")
    q = said(extract(text).quotes, "About two years")
    assert q.speaker == "Peter Lindqvist"


def test_a_reflexive_object_is_the_pronoun_itself_not_a_co_argument(pipeline):
    text = "Mayor Helen Varga opened the fair. She presented herself as an optimist. Later she thanked Varga."
    article = Article(id=article_id_for(text), input="test", text=text)
    doc = pipeline.nlp(text)
    resolver = SpeakerResolver(doc, pipeline.apply_stages(doc, article), text)
    she, later_she = [t for t in doc if t.lower_ == "she"]
    assert resolver._co_arguments(she) == set()
    varga = resolver.actor_at((text.rindex("Varga"), len(text) - 1))
    assert varga is not None and resolver._co_arguments(later_she) == {varga}


def test_the_confidence_model_reads_whether_the_pronoun_resolvers_agree(pipeline):
    text = ("Governor Peter Lindqvist spoke to reporters on Friday. \"We will build the bridge,\" he said. "
            "Mayor Anna Berg said the town would pay its share.")
    article = Article(id=article_id_for(text), input="test", text=text)
    doc = pipeline.nlp(text)
    features = {q.source: f for q, f in scored_quotes(doc, pipeline.apply_stages(doc, article), one_per_stretch=False)}
    # coreference and the window search both pick the governor (no one spoke before him), no one else
    assert "agree=2" in features["he"] and "agree_dissent" not in features["he"]
    assert not any(f.startswith("agree") for f in features["Mayor Anna Berg"])


def test_an_organisation_or_place_a_person_works_for_is_not_the_speaker(extract):
    text = ("A lawmaker in Norway said on Monday that the tariff was unfair to fishermen.\n\n"
            "The anchor for Nordvisjon, a regional channel, said the debate had been cancelled.")
    records = extract(text)
    assert said(records.quotes, "tariff was unfair").speaker != "Norway"
    assert said(records.quotes, "debate had been cancelled").speaker != "Nordvisjon"
