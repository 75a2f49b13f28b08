"""A cue-model stance noun or adjective with no holder in the parse is no attribution
(`quotes._holderless_stance`); with a holder it stays a candidate. Sentences of our own."""

from __future__ import annotations

from chronicle.extract.quotes import cue_model, find_attributions


def cues(nlp, text: str) -> list[str]:
    attributions, _ = find_attributions(nlp(text), text, cue_model())
    return [a.cue.text for a in attributions if a.cue is not None]


def test_a_stance_noun_without_a_holder_is_no_quote(nlp):
    assert "opposition" not in cues(nlp, "There was strong opposition to the plan to close the harbour school among parents.")
    assert "statement" not in cues(nlp, "A false statement about the company's debts led to the inquiry into its accounts.")


def test_a_stance_noun_with_a_holder_stays(nlp):
    assert "opposition" in cues(nlp, "The mayor's opposition to the plan to close the harbour school angered parents.")
