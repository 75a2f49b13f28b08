"""Speaker resolution, eighth round of issue 11: a bare surname shared by several people of the
article, pinned on sentences of our own (none copied from an article)."""

from __future__ import annotations

from chronicle.extract.speakers import SpeakerResolver
from chronicle.records import Article, article_id_for
from tests.quotes.spans import said


def test_a_shared_surname_is_the_person_the_article_named_first(extract):
    # the actors stage may link "Lindqvist" to the namesake just mentioned; the article's principal is meant
    text = ("Senator Harold Lindqvist said the dam project would flood three villages.\n\n"
            "His sister, Margit Lindqvist, runs a bakery in one of them.\n\n"
            "\"We will fight this in every court,\" Lindqvist said on Tuesday.")
    q = said(extract(text).quotes, "every court")
    assert q.speaker == "Harold Lindqvist"


def test_a_surname_no_one_else_shares_keeps_its_person(extract):
    text = ("Senator Harold Lindqvist said the dam project would flood three villages.\n\n"
            "His sister, Margit Olsen, runs a bakery in one of them.\n\n"
            "\"We will fight this in every court,\" Lindqvist said on Tuesday.")
    q = said(extract(text).quotes, "every court")
    assert q.speaker == "Harold Lindqvist"


def test_the_actors_stage_owner_of_a_shared_surname_stands(pipeline):
    # the actors stage gives a shared surname to the one written in full first (round 9): the resolver
    # no longer overrides its link (an honorific of the other gender still does: round 9 tests)
    text = ("Senator Harold Lindqvist said the dam project would flood three villages. "
            "His sister, Margit Lindqvist, runs a bakery in one of them.")
    article = Article(id=article_id_for(text), input="test", text=text)
    doc = pipeline.nlp(text)
    resolver = SpeakerResolver(doc, pipeline.apply_stages(doc, article), text)
    harold = resolver.actor_at((text.index("Harold"), text.index("Harold") + 6))
    margit = resolver.actor_at((text.index("Margit"), text.index("Margit") + 6))
    assert harold is not None and margit is not None and harold != margit
    assert resolver._principal("Lindqvist", margit) == margit
    assert resolver._principal("Lindqvist", harold) == harold
