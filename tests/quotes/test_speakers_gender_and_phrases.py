"""Speakers and coreference, round 10 of the helpers (issue 11): first names the census lists lack,
people named in a phrase of the source, and a he/she whose own sentence names only people of
unknown gender in a phrase, honorifics as gender evidence; sentences of our own (none copied from an
article)."""

from __future__ import annotations

from chronicle.extract.coref import name_gender, person_gender
from chronicle.extract.speakers import SpeakerResolver
from chronicle.records import Article, article_id_for
from tests.quotes.spans import said
from tests.quotes.test_coref import pronoun_actor


def test_a_first_name_the_census_lists_lack_gives_a_person_a_gender():
    # the birth lists add names the 1990 census lists lack; accents are folded for the look-up
    assert person_gender(("Barack", "Vance")) == "male"
    assert person_gender(("François", "Holm")) == "male"
    assert person_gender(("Margaret", "Holm")) == "female"
    assert person_gender(("Vance",)) is None


def test_a_name_the_census_found_shared_stays_without_a_gender():
    # where the census lists have a name for both sexes, the birth lists do not decide it
    assert person_gender(("Lindsey", "Vance")) is None
    assert person_gender(("Bernie", "Vance")) is None


def test_the_birth_lists_do_not_make_a_word_a_given_name():
    # whether an actor is typed a person by its first name stays the census lists' call
    assert name_gender(("Barack", "Vance")) is None


def test_a_person_in_a_phrase_of_the_source_is_not_the_speaker(extract):
    text = ("Senator Harold Lindqvist has kept his email account private for years.\n\n"
            "Lawyers for Harold Lindqvist said the account had never held classified material.")
    q = said(extract(text).quotes, "never held classified")
    assert q.speaker != "Harold Lindqvist"
    assert q.source is not None and q.source.startswith("Lawyers")


def test_a_he_or_she_skips_a_person_of_unknown_gender_named_only_in_a_phrase(extract):
    # "Oluwaseun" is on no list of first names and Adeyemi is no subject: Anna Berg, named before, is meant
    text = ("Governor Anna Berg spoke to reporters in Oslo on Monday. "
            "In a letter to Oluwaseun Adeyemi, she said the harbour plan would fail.")
    assert pronoun_actor(extract(text), "she") == "Anna Berg"


def test_an_honorific_gives_a_gender_only_to_the_person_it_stands_before(pipeline):
    # "Mrs." stands before "Chairman Obi", no actor here: it says nothing of the one person the sentence names
    text = "The letter to Oluwaseun Adeyola was signed by Mrs. Chairman Obi."
    article = Article(id=article_id_for(text), input="test", text=text)
    doc = pipeline.nlp(text)
    resolver = SpeakerResolver(doc, pipeline.apply_stages(doc, article), text)
    person = resolver.actor_at((text.index("Oluwaseun"), text.index("Oluwaseun") + 9))
    assert person is not None and resolver._gender(person) is None
