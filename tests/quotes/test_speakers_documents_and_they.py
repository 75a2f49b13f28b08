"""Speaker resolution, eleventh round of issue 11 (helper round 8): who issues a document, and
which plural a "they" continues. Sentences of our own; each pins one mechanism found among the
training set's wrong speakers."""

from __future__ import annotations

from tests.quotes.spans import said


def test_a_poll_is_not_the_person_who_spoke_last(extract):
    text = ("Senator Mara Quill said on Monday that the fuel tax was unfair.\n\n"
            "The poll found that most voters in the county agreed with her.")
    q = said(extract(text).quotes, "most voters in the county agreed")
    assert q.speaker is None and q.source == "The poll"


def test_a_statement_is_still_the_person_who_spoke_last(extract):
    text = ("Senator Mara Quill said on Monday that the fuel tax was unfair.\n\n"
            "The statement said that the senator would vote against the bill.")
    q = said(extract(text).quotes, "would vote against the bill")
    assert q.speaker == "Mara Quill"


def test_they_with_no_group_actor_is_the_plural_subject_before_it_as_written(extract):
    text = ("The union's members voted against the deal on Friday. "
            "They said the pay offer was an insult to nurses.")
    q = said(extract(text).quotes, "pay offer was an insult")
    assert q.speaker is None and q.source == "The union's members"


def test_a_relative_pronoun_is_the_person_its_clause_describes(extract):
    text = "The mayor thanked Anna Pike, who runs the ferry and who said the bridge would close in May."
    (q,) = [q for q in extract(text).quotes if q.text == "the bridge would close in May"]
    assert q.speaker == "Anna Pike"


def test_he_after_a_name_no_actor_holds_continues_that_speaker_as_written(extract):
    text = "Senator Tomas Berg spoke at the rally. The plan was never funded, Law said. He said the city would appeal."
    q = said(extract(text).quotes, "the city would appeal")
    assert q.speaker is None and q.source == "Law"


def test_a_continuation_paragraph_keeps_a_speaker_kept_as_written(extract):
    text = ('"The bridge plan will fail and everyone knows it," the organizers said on Monday.\n\n'
            '"We will march again in May, and we will not stop until the council listens to us."')
    q = said(extract(text).quotes, "We will march again in May")
    assert q.speaker is None and q.source == "the organizers"
