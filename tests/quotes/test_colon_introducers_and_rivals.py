"""Tenth round: a quotation a colon introduces is the subject's of the clause the colon ends, whatever
the verb (`quotes._colon_introducer`); an unclaimed second half joins reported speech, never a stance
candidate or cue noun; the rival features tell a stance piece inside a quote's words from a rival claim
(`quotes._held_in`). Sentences of our own."""

from __future__ import annotations

from chronicle.extract.quotes import Attribution, _held_in, cue_model, find_attributions


def attributions(nlp, text: str) -> list[Attribution]:
    found, _ = find_attributions(nlp(text), text, cue_model())
    return found


def source_of(text: str, found: list[Attribution], fragment: str) -> str | None:
    at = text.index(fragment)
    a = next(a for a in found if a.start <= at < a.end)
    return text[a.source[0] : a.source[1]] if a.source is not None else None


def test_a_colon_hands_the_next_paragraph_to_the_clause_subject(nlp):
    text = ("The harbour board met on Monday.\n\nThe board's chairwoman, Edda Marsh, then released a long "
            "statement of her own:\n\n\"We have waited far too long for the dredging to begin, and the "
            "fishermen have paid for our patience.\"")
    found = attributions(nlp, text)
    assert source_of(text, found, "We have waited") == "The board's chairwoman, Edda Marsh"
    assert next(a for a in found if a.start <= text.index("We have waited") < a.end).origin == "introduced"


def test_a_colon_on_the_object_still_hands_over_to_the_subject(nlp):
    text = ("When the old pier burned down in 2004, Governor Edda Marsh released the following statement:\n\n"
            "\"Our town has lost a landmark that three generations of fishermen built with their own hands.\"")
    found = attributions(nlp, text)
    assert source_of(text, found, "Our town has lost") == "Governor Edda Marsh"


def test_a_colon_inside_a_quotation_introduces_nothing(nlp):
    text = ("\"There is one thing the board forgot: the fishermen,\" the mayor said.\n\n"
            "\"They were never asked about the dredging plan, not once in two years of meetings.\"")
    found = attributions(nlp, text)
    assert all(a.origin != "introduced" for a in found)


def test_a_second_half_does_not_join_a_stance(nlp):
    text = ("\"The port has lost half its boats,\" Marsh told the council, and the harbour master's decision "
            "to retire early worried the fishermen. \"We need the money before the storms come back in October.\"")
    found = attributions(nlp, text)
    assert source_of(text, found, "We need the money") == "Marsh"


def test_a_stance_piece_inside_reported_words_is_held_not_a_rival():
    outer = Attribution(0, 60, None, None, (0, 5))
    inner = Attribution(20, 50, None, None, (20, 25), origin="model")
    assert _held_in(inner, outer) is None  # no cue: nothing to place
    from types import SimpleNamespace
    inner.cue = SimpleNamespace(idx=30)  # type: ignore[assignment]
    assert _held_in(inner, outer) == "piece"
    speech = Attribution(20, 50, SimpleNamespace(idx=30), 34, (20, 25))  # type: ignore[arg-type]
    assert _held_in(speech, outer) == "reported"
    outside = Attribution(70, 90, SimpleNamespace(idx=75), 79, (70, 74), origin="model")  # type: ignore[arg-type]
    assert _held_in(outside, outer) is None
    assert _held_in(outer, inner) is None  # a stance candidate's words hold nothing
