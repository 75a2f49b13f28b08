"""The learned cue model (data/quotes/cue_model.json) on top of the lexicon, `''` quotation marks,
and prepositions YAML would misread; sentences of our own."""

from __future__ import annotations

from chronicle.extract.quotations import quotation_spans
from chronicle.extract.quotes import CueModel, cue_lexicon, cue_model, find_attributions


def contents(nlp, text, model):
    attributions, _ = find_attributions(nlp(text), text, model)
    return [(text[a.start : a.end], a.cue.lemma_ if a.cue is not None else None) for a in attributions]


def test_shipped_model_loads_with_thresholds():
    model = cue_model()
    assert model is not None and 0 < model.threshold < 1 and 0 <= model.lexicon_threshold < 1
    assert model.weights["kind=lexicon"] > 0


def test_stance_verb_outside_the_lexicon(extract):
    records = extract("Mayor Ines Duarte sees the new tunnel as a waste of money.")
    q = next(q for q in records.quotes if q.cue_lemma == "see")
    assert q.text == "the new tunnel as a waste of money" and q.speaker == "Ines Duarte" and q.kind == "indirect"


def test_infinitive_of_a_verb_outside_the_lexicon(extract):
    records = extract("Senator Paul Okafor appeared to favour a merger of the two agencies.")
    q = next(q for q in records.quotes if q.cue_lemma == "appear")
    assert q.text == "to favour a merger of the two agencies" and q.speaker == "Paul Okafor"


def test_without_a_model_only_lexicon_cues(nlp):
    assert contents(nlp, "Mayor Ines Duarte sees the new tunnel as a waste of money.", None) == []


def test_model_thresholds_decide(nlp):
    text = "Union leader Marta Sousa attacked the minister over the strike."
    keep_all = CueModel(weights={}, bias=10.0, threshold=0.5, lexicon_threshold=0.5)
    drop_lexicon = CueModel(weights={"kind=lexicon": -20.0}, bias=10.0, threshold=0.5, lexicon_threshold=0.5)
    assert ("the minister", "attack") in contents(nlp, text, keep_all)
    assert ("the minister", "attack") not in contents(nlp, text, drop_lexicon)
    assert contents(nlp, text, CueModel(weights={}, bias=-10.0, threshold=0.5, lexicon_threshold=0.0)) == [
        ("the minister", "attack")
    ]


def test_two_apostrophes_are_a_quotation_mark(extract):
    text = "''We will appeal the verdict,'' lawyer Tom Becker said."
    assert quotation_spans(text) == [(2, 29)]
    q = next(q for q in extract(text).quotes if "appeal" in q.text)
    assert q.kind == "direct" and q.speaker == "Tom Becker" and q.text == "We will appeal the verdict"


def test_on_is_read_as_a_preposition():
    # YAML 1.1 reads a bare `on` as true; the lexicon writes it quoted
    assert "on" in cue_lexicon().prep_frame["focus"] and "on" in cue_lexicon().nouns["attack"]
