"""Verbs WordNet files among deeds proposed as event candidates (`event_types.act_sense`), and broad-source
words the trigger classifier judged away left free for a proposal, on sentences of our own."""

from spacy.tokens import Token

from chronicle.extract import event_triggers, event_types
from chronicle.extract.event_triggers import NONE, SoftmaxModel
from chronicle.extract.event_types import act_sense


def token(nlp, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


def unsure_of_any_event(monkeypatch, none_bias: float) -> None:
    """A trigger classifier that gives every word the same chance of no event (a stand-in)."""
    model = SoftmaxModel(weights={NONE: {"bias": none_bias}, "ASSAULT": {"bias": 0.0}})
    monkeypatch.setattr(event_triggers, "trigger_model", lambda: model)


def test_a_deed_verb_with_someone_is_proposed_with_the_type_models_type(nlp, monkeypatch):
    unsure_of_any_event(monkeypatch, 2.0)  # 1 - P(NONE) = 0.12: far below the classifier's own PROPOSE_AT
    monkeypatch.setattr(event_types, "predict", lambda trigger, sense: ("COERCE", 0.6))
    sense = act_sense(token(nlp, "The guards shoved the protesters out of the square.", "shoved"))  # verb.motion
    assert sense is not None and (sense.type, sense.origin) == ("COERCE", "wordnet-verb")


def test_the_type_model_is_asked_without_a_rule_sense(nlp, monkeypatch):
    unsure_of_any_event(monkeypatch, 2.0)
    asked = []
    monkeypatch.setattr(event_types, "predict",
                        lambda trigger, sense: asked.append(sense) or ("ACCUSE:disapprove", 0.5))
    sense = act_sense(token(nlp, "Smith shoved Jones aside.", "shoved"))
    assert asked == [None] and sense is not None and (sense.type, sense.mode) == ("ACCUSE", "disapprove")


def test_no_proposal_for_a_verb_of_thinking_without_someone_or_below_the_bar(nlp, monkeypatch):
    unsure_of_any_event(monkeypatch, 2.0)
    monkeypatch.setattr(event_types, "predict", lambda trigger, sense: ("COERCE", 0.6))
    assert act_sense(token(nlp, "Smith pondered Jones for a while.", "pondered")) is None  # verb.cognition
    assert act_sense(token(nlp, "The wind shoved the boxes off the truck.", "shoved")) is None  # no one takes part
    unsure_of_any_event(monkeypatch, 5.0)  # 1 - P(NONE) about 0.007, below ACT_PROPOSE_AT
    assert act_sense(token(nlp, "Smith shoved Jones aside.", "shoved")) is None


def test_the_stage_reads_a_proposed_deeds_sides(extract, monkeypatch):
    unsure_of_any_event(monkeypatch, 2.0)
    monkeypatch.setattr(event_types, "predict", lambda trigger, sense: ("ASSAULT", 0.6))
    events = extract("Polish soldiers shoved Belarusian guards at the border on Monday.").events
    assert ("ASSAULT", "shoved") in {(e.event_type, e.trigger) for e in events}


def test_a_table_verb_judged_away_is_free_for_a_proposal_of_another_type(extract, monkeypatch):
    # "belittle": a CAMEO-table disapproval; a classifier sure it is a praise drops the table's sense and
    # proposes its own
    sure_praise = SoftmaxModel(weights={NONE: {"bias": 0.0}, "SUPPORT": {"bias": 5.0},
                                        "ACCUSE:disapprove": {"bias": -5.0}})
    monkeypatch.setattr(event_triggers, "trigger_model", lambda: sure_praise)
    events = extract("Poland belittled Russia.").events
    assert [(e.event_type, e.source_code, e.target_code) for e in events if e.trigger == "belittled"] == [
        ("SUPPORT", "POL", "RUS")]
