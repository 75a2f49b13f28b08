"""The learned trigger classifier (`extract/event_triggers.py`) and the WordNet table it reads, on
sentences of our own."""

from chronicle.extract import event_triggers
from chronicle.extract.event_patterns import Sense, wordnet_hints
from chronicle.extract.event_triggers import (
    NONE,
    SoftmaxModel,
    second_opinion,
    trigger_features,
    trigger_probabilities,
)


def token(nlp, text, word):
    return next(t for t in nlp(text) if t.text == word)


def test_wordnet_table_types_a_verb_through_its_synonyms_and_a_noun_through_its_verb():
    hints = wordnet_hints()
    lexfile, hint, depth = hints.verbs["lambaste"]
    assert (lexfile, hint.split(":")[0]) == ("verb.contact", "ACCUSE")
    assert depth == "0"
    assert hints.nouns["endorsement"][1:] == ("endorse", "SUPPORT")


def test_wordnet_table_types_a_noun_that_is_a_kind_of_a_typed_act(nlp):
    lexfile, kind, depth = wordnet_hints().classes["critique"]
    assert (lexfile, kind, depth) == ("noun.communication", "ACCUSE:disapprove", "1")
    features = trigger_features(token(nlp, "Her critique of the plan was sharp.", "critique"))
    assert "wn_class=ACCUSE:disapprove" in features and "wn_class=ACCUSE:disapprove@1" in features
    assert not any(n.startswith("wn_class") for n in trigger_features(token(nlp, "The river was cold.", "river")))


def test_features_carry_lexicon_wordnet_valence_and_syntax(nlp):
    features = trigger_features(token(nlp, "The mayor lambasted the council on Tuesday.", "lambasted"))
    assert "wn=verb.contact" in features
    assert any(name.startswith("wn_hint=ACCUSE") for name in features)
    assert features.get("someone_nsubj") is None  # "the mayor" is no named entity here
    named = trigger_features(token(nlp, "Smith criticized Jones.", "criticized"))
    assert "someone_nsubj" in named and "someone_dobj" in named
    assert any(name.startswith("lex_verb=ACCUSE") for name in named)
    assert "valence=strong-" in trigger_features(token(nlp, "Smith hates Jones.", "hates"))


def test_probabilities_are_a_distribution(nlp):
    probabilities = trigger_probabilities(token(nlp, "Smith criticized Jones.", "criticized"))
    assert NONE in probabilities
    assert abs(sum(probabilities.values()) - 1.0) < 1e-9


def test_second_opinion_needs_the_rules_own_type_to_be_likely_enough():
    praise = Sense(type="SUPPORT")
    assert second_opinion(praise, {NONE: 0.5, "SUPPORT": 0.5})
    assert not second_opinion(praise, {NONE: 0.5, "SUPPORT": 0.001, "COERCE": 0.499})
    criticism = Sense(type="ACCUSE", mode="disapprove")
    assert second_opinion(criticism, {NONE: 0.5, "ACCUSE:disapprove": 0.5})
    assert not second_opinion(criticism, {NONE: 0.5, "ACCUSE:investigate": 0.5})


def test_the_stage_drops_table_triggers_the_classifier_rejects_but_not_lexicon_ones(extract, monkeypatch):
    table = "Poland belittled Russia."  # "belittle": CAMEO table, not lexicon.yaml
    curated = "Poland condemned Russia."
    assert any(e.event_type == "ACCUSE" for e in extract(table).events)
    sure_none = SoftmaxModel(weights={NONE: {"bias": 50.0}, "ACCUSE:disapprove": {"bias": 0.0}})
    monkeypatch.setattr(event_triggers, "trigger_model", lambda: sure_none)
    assert not any(e.event_type == "ACCUSE" for e in extract(table).events)
    assert any(e.event_type == "ACCUSE" for e in extract(curated).events)


def test_clear_criticism_and_praise_survive_the_second_opinion(extract):
    events = extract("Germany criticized Hungary on Monday. France praised Italy for its courage.").events
    assert {("ACCUSE", "DEU", "HUN"), ("SUPPORT", "FRA", "ITA")} <= {
        (e.event_type, e.source_code, e.target_code) for e in events}


def test_the_classifier_proposes_a_trigger_no_rule_knows_when_someone_takes_part(nlp, monkeypatch):
    # an invented verb no table lists: only the classifier (here a stub sure of a praise) can type it
    sure_praise = SoftmaxModel(weights={NONE: {"bias": 0.0}, "SUPPORT": {"bias": 5.0}})
    monkeypatch.setattr(event_triggers, "trigger_model", lambda: sure_praise)
    with_someone = token(nlp, "Smith glorped Jones on Monday.", "glorped")
    sense = event_triggers.proposed_sense(with_someone)
    assert sense is not None and (sense.type, sense.origin) == ("SUPPORT", "classifier")
    assert event_triggers.proposed_sense(token(nlp, "The river glorped the rocks.", "glorped")) is None


def test_no_proposal_below_the_threshold(nlp, monkeypatch):
    unsure = SoftmaxModel(weights={NONE: {"bias": 5.0}, "SUPPORT": {"bias": 0.0}})
    monkeypatch.setattr(event_triggers, "trigger_model", lambda: unsure)
    assert event_triggers.proposed_sense(token(nlp, "Smith glorped Jones on Monday.", "glorped")) is None


def test_the_stage_reads_a_proposed_triggers_sides_as_a_rule_triggers(extract, monkeypatch):
    sure_praise = SoftmaxModel(weights={NONE: {"bias": 0.0}, "SUPPORT": {"bias": 5.0}})
    monkeypatch.setattr(event_triggers, "trigger_model", lambda: sure_praise)
    events = extract("Germany glorped Hungary on Monday.").events
    assert ("SUPPORT", "DEU", "HUN") in {(e.event_type, e.source_code, e.target_code) for e in events}


def test_stand_in_models_are_used_within_the_block_and_the_packaged_ones_after_it(nlp):
    from chronicle.extract.event_types import type_model

    packaged_trigger, packaged_type = event_triggers.trigger_model(), type_model()
    sure_praise = SoftmaxModel(weights={NONE: {"bias": -5.0}, "SUPPORT": {"bias": 5.0}})
    sure_assault = SoftmaxModel(weights={"ASSAULT": {"bias": 5.0}, "SUPPORT": {"bias": -5.0}})
    word = token(nlp, "Smith criticized Jones.", "criticized")
    with event_triggers.models_in_use({"trigger_model": sure_praise, "type_model": sure_assault}):
        assert event_triggers.trigger_model() is sure_praise and type_model() is sure_assault
        assert trigger_probabilities(word)["SUPPORT"] > 0.99  # not the opinion the packaged model gave
    assert event_triggers.trigger_model() is packaged_trigger and type_model() is packaged_type
    assert trigger_probabilities(word)["SUPPORT"] < 0.5
