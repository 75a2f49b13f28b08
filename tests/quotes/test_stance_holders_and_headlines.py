"""Ninth round: a cue-model stance noun or adjective with no holder in the parse is no attribution
(`quotes._holderless_stance`), with a holder it stays a candidate; only a headline-sized first
paragraph is a headline (`quotes._in_headline`). Sentences of our own."""

from __future__ import annotations

from chronicle.extract.quotes import _in_headline, cue_model, find_attributions


def cues(nlp, text: str) -> list[str]:
    attributions, _ = find_attributions(nlp(text), text, cue_model())
    return [a.cue.text for a in attributions if a.cue is not None]


def test_a_stance_noun_without_a_holder_is_no_quote(nlp):
    text = "There was strong opposition to the plan to close the harbour school among parents."
    assert "opposition" not in cues(nlp, text)
    text = "A false statement about the company's debts led to the inquiry into its accounts."
    assert "statement" not in cues(nlp, text)


def test_a_stance_noun_with_a_holder_stays(nlp):
    assert "opposition" in cues(nlp, "The mayor's opposition to the plan to close the harbour school angered parents.")


def test_only_a_headline_sized_first_paragraph_is_a_headline():
    lead = "Harbour school to close, says council"
    body = "The council said on Monday that the harbour school would close in June."
    assert _in_headline(f"{lead}\n\n{body}", 0)
    assert not _in_headline(f"{lead}\n\n{body}", len(lead) + 2)
    # one block of text: no headline to be read in it
    assert not _in_headline(f"{lead}. {body}", len(lead) + 2)
    long_lead = " ".join(["The council met for hours on Monday night to weigh the future of the school."] * 3)
    assert not _in_headline(f"{long_lead}\n\n{body}", 0)
