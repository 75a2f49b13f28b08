"""Speaker resolution, ninth round of issue 11: a quote with no source of its own continues the
passage it sits in, pinned on sentences of our own (none copied from an article)."""

from __future__ import annotations

from chronicle.extract.speakers import SpeakerResolver
from chronicle.records import Article, article_id_for
from tests.quotes.spans import said


def _resolver(pipeline, text: str) -> SpeakerResolver:
    article = Article(id=article_id_for(text), input="test", text=text)
    doc = pipeline.nlp(text)
    return SpeakerResolver(doc, pipeline.apply_stages(doc, article), text)


TEXT = ("Mayor Tomas Berg said the council had misled voters.\n\n"
        "The stadium, he added, would cost twice what was promised.\n\n"
        "The town has three bridges.\n\n"
        "Two of them were built in 1950.\n\n"
        "The cost of the stadium was hidden for two years.")


def test_a_quote_without_a_source_takes_the_speaker_of_its_paragraph_or_the_one_before(pipeline):
    resolver = _resolver(pipeline, TEXT)
    source = (TEXT.index("Mayor"), TEXT.index(" said"))
    berg = resolver.resolve(source, source[1]).actor
    assert berg is not None
    found = resolver.passage(TEXT.index("would cost"))
    assert (found.actor, found.route) == (berg, "passage")


def test_a_quote_two_paragraphs_of_narration_away_from_any_speaker_stays_without_one(pipeline):
    resolver = _resolver(pipeline, TEXT)
    source = (TEXT.index("Mayor"), TEXT.index(" said"))
    assert resolver.resolve(source, source[1]).actor is not None
    found = resolver.passage(TEXT.index("was hidden"))
    assert (found.actor, found.route) == (None, "no-source")


def test_an_indefinite_role_stays_as_written_though_a_person_of_that_role_was_named(extract):
    text = ("Senator Omar Lind, a Democrat, attended the hearing. "
            "\"We will not retreat,\" a Democratic senator said.")
    q = said(extract(text).quotes, "not retreat")
    assert q.speaker is None and q.source == "a Democratic senator"


def test_aides_named_after_their_principal_are_not_the_principal(extract):
    text = "Governor Lena Marsh vetoed the bill on Friday. Marsh aides said the veto was expected."
    q = said(extract(text).quotes, "veto was expected")
    assert q.speaker != "Lena Marsh" and "aides" in (q.speaker or q.source or "")


def test_an_honorific_leaves_out_the_namesake_of_the_other_gender(pipeline):
    text = ("Amina Hassan, a nurse, spoke first at the rally. She said she had lost her son in the war. "
            "Her husband, Yusuf Hassan, stood beside her.")
    resolver = _resolver(pipeline, text)
    amina = resolver.actor_at((text.index("Amina"), text.index("Amina") + 5))
    yusuf = resolver.actor_at((text.index("Yusuf"), text.index("Yusuf") + 5))
    assert amina is not None and yusuf is not None and amina != yusuf
    assert resolver._principal("Hassan", amina, "male") == yusuf
    assert resolver._principal("Hassan", amina, "female") == amina
    assert resolver._principal("Hassan", yusuf, "male") == yusuf


def test_a_first_person_source_in_a_passage_is_the_passage_speaker(pipeline):
    text = ("Mayor Tomas Berg said the stadium was a mistake.\n\n"
            "I told the council in March that the stadium would cost too much, he recalled.")
    resolver = _resolver(pipeline, text)
    mayor = (text.index("Mayor"), text.index(" said"))
    berg = resolver.resolve(mayor, mayor[1]).actor
    assert berg is not None
    found = resolver.resolve((text.index("I told"), text.index("I told") + 1), text.index("I told") + 7)
    assert (found.actor, found.route) == (berg, "first-person-passage")


def test_a_first_person_source_with_no_speaker_before_stays_unresolved(pipeline):
    text = "I told the council in March that the stadium would cost too much."
    found = _resolver(pipeline, text).resolve((0, 1), 7)
    assert found.actor is None


def test_a_named_persons_campaign_is_not_another_campaign(extract):
    # the actors stage may join "Ruiz's campaign" to the campaign named before it
    text = ("Senator Ana Ruiz and Governor Tom Hale are running for president. "
            "The Hale campaign said the poll was wrong. Ruiz's campaign said it would not comment.")
    q = said(extract(text).quotes, "would not comment")
    assert q.speaker != "Hale campaign" and "Ruiz" in (q.speaker or q.source or "")


def test_an_indefinite_apposition_to_a_name_is_that_person(pipeline):
    text = ("Bob Lane spoke at the convention on Monday.\n\n"
            "\"Nobody reads the polls,\" said Bob Lane, a Nevada delegate and union organiser.")
    resolver = _resolver(pipeline, text)
    lane = resolver.actor_at((text.index("Bob"), text.index("Bob") + 3))
    organiser = next(t for t in resolver.doc if t.lower_ == "organiser")  # the apposition's head
    convention = next(t for t in resolver.doc if t.lower_ == "convention")
    assert lane is not None
    assert resolver._describes(organiser, lane)
    assert not resolver._describes(convention, lane)
