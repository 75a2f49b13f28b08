"""The learned event type classifier (`extract/event_types.py`), its WordNet table and the events
stage's hook, on sentences of our own."""

from dataclasses import dataclass

from spacy.tokens import Token

from chronicle.extract import event_types
from chronicle.extract.event_patterns import Sense
from chronicle.extract.event_triggers import SoftmaxModel, sense_label
from chronicle.extract.event_types import (
    FILL_MIN,
    decide,
    predict,
    retyped,
    type_features,
    wordnet_path,
)


def token(nlp, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


@dataclass(frozen=True)
class Item:
    trigger: Token
    sense: Sense


def test_wordnet_table_gives_lexical_files_and_hypernym_paths():
    shell = wordnet_path("v", "shell")
    assert shell.lexfile == "verb.competition"
    assert [h.split(".")[0] for h in shell.hypernyms[:2]] == ["bombard", "attack"]
    skirmish = wordnet_path("n", "skirmish")
    assert skirmish.lexfile == "noun.act" and any(h.startswith("conflict.") for h in skirmish.hypernyms)
    soldier = wordnet_path("n", "soldier")
    assert soldier.hypernyms == () and soldier.armed  # a person: its lexical file, and that it bears arms
    assert not wordnet_path("n", "teacher").armed
    assert wordnet_path("n", "tulip") is None  # plants are neither acts nor participants


def test_wordnet_table_gives_the_synsets_of_the_commonest_senses():
    capture = wordnet_path("v", "capture")
    assert capture.lexfile == "verb.creation"  # the first sense is a picture's
    assert any(s.startswith("seize.") for s in capture.senses)  # a later one is news's
    # synonyms share a synset: a lemma the model never saw backs off to one it did
    assert set(wordnet_path("v", "lambaste").senses) & set(wordnet_path("v", "criticize").senses)
    assert wordnet_path("n", "soldier").senses == ()  # a participant, not an act


def test_synsets_back_off_only_for_a_lemma_the_model_does_not_know():
    features = {"lemma=castigate": 1.0, "syn=chastise.824310": 1.0, "verb_syn=x.1": 1.0, "hyp=knock.826527": 1.0}
    assert event_types.backed_off(features, {"lemma=castigate"}.__contains__) == {"lemma=castigate": 1.0,
                                                                                   "hyp=knock.826527": 1.0}
    assert event_types.backed_off(features, {"lemma=criticize"}.__contains__) == features


def test_label_splits_accuse_by_mode():
    assert sense_label(Sense(type="ACCUSE", mode="investigate")) == "ACCUSE:investigate"
    assert sense_label(Sense(type="ACCUSE", mode="allege")) == "ACCUSE:disapprove"
    assert sense_label(Sense(type="COERCE", mode="arrest")) == "COERCE"


def test_features_read_wordnet_the_object_and_the_participants(nlp):
    trigger = token(nlp, "Government troops shelled the rebel camp near the border.", "shelled")
    features = type_features(trigger, Sense(type="ASSAULT", origin="cameo"))
    assert features["wn=verb.competition"] == 1.0
    assert any(name.startswith("hyp=attack.") for name in features)
    assert any(name.startswith("syn=shell.") for name in features)
    assert {"object=camp", "object_wn=noun.artifact", "rule=ASSAULT", "origin=cameo"} <= set(features)
    assert features["subject=military"] == 1.0
    noun = type_features(token(nlp, "The skirmish lasted an hour.", "skirmish"), None)
    assert "wn=noun.act" in noun and not any(name.startswith("rule=") for name in noun)


def test_participants_are_read_as_the_events_stage_reads_roles(nlp):
    subject, obj = event_types._participants(token(nlp, "The rebels vowed to shell the town.", "shell"))
    assert subject.text == "rebels" and obj.text == "town"  # the infinitive's doer is the vower
    burned = token(nlp, "The rebels shelled the town and burned its granaries.", "burned")
    assert event_types._participants(burned)[0].text == "rebels"  # and the coordinated verb's
    passive = nlp("The village was shelled by government troops.")
    subject, obj = event_types._participants(passive[3])
    assert subject.text == "troops" and obj.text == "village"


def test_the_objects_hypernyms_are_features(nlp):
    trigger = token(nlp, "The two governments signed a treaty on Monday.", "signed")
    features = type_features(trigger, None)
    assert any(name.startswith("object_hyp=written_agreement.") for name in features)
    assert any(name.startswith("object_hyp=agreement.") for name in features)


def test_a_tone_typed_clause_does_not_show_its_tone_type_as_the_rule(nlp):
    trigger = token(nlp, "She said the workers had rioted.", "rioted")
    features = type_features(trigger, Sense(type="ACCUSE", mode="disapprove", origin="report-tone"))
    assert "origin=report-tone" in features and not any(name.startswith("rule=") for name in features)


def test_model_probabilities_are_a_distribution():
    model = SoftmaxModel(weights={"ASSAULT": {"bias": 1.0, "x": 2.0}, "SUPPORT": {"bias": 0.5}})
    probabilities = model.probabilities({"bias": 1.0, "x": 1.0})
    assert abs(sum(probabilities.values()) - 1.0) < 1e-9
    assert probabilities["ASSAULT"] > 0.9


def test_the_trained_model_types_violence_it_reads_through_wordnet(nlp):
    best, probability = predict(token(nlp, "Militiamen bombarded the village with mortars.", "bombarded"),
                                Sense(type="ASSAULT", origin="cameo"))
    assert best == "ASSAULT" and probability > 0.5
    best, _ = predict(token(nlp, "The senator lambasted the governor over the budget.", "lambasted"), None)
    assert best == "ACCUSE:disapprove"


def test_decide_fills_broad_sources_and_arbitrates_the_lexicon_only_when_sure():
    cameo = Sense(type="ASSAULT", cameo="190", origin="cameo")
    assert decide(cameo, "ACCUSE:disapprove", FILL_MIN) == Sense(type="ACCUSE", mode="disapprove", origin="cameo")
    assert decide(cameo, "ACCUSE:disapprove", FILL_MIN - 0.01) is cameo
    written = Sense(type="ASSAULT", origin="lexicon")
    assert event_types.ambiguous("strike") and not event_types.ambiguous("denounce")
    assert decide(written, "SUPPORT", event_types.ARBITRATE_MIN - 0.01, "strike") is written
    assert decide(written, "SUPPORT", event_types.ARBITRATE_MIN, "strike").type == "SUPPORT"
    assert decide(written, "SUPPORT", 0.99, "denounce") is written  # one type in lexicon.yaml: never retyped
    assert decide(written, "ASSAULT", 0.99, "strike") is written
    report = Sense(type="REQUEST", origin="report")
    assert decide(report, "SUPPORT", 0.99) is report  # typed by its construction, not its verb


def test_retyped_leaves_constructions_alone_and_asks_once_per_trigger(nlp, monkeypatch):
    doc = nlp("The minister said the police must act.")
    calls = []

    def fake(trigger, sense):
        calls.append(trigger.i)
        return "SUPPORT", 0.99

    monkeypatch.setattr(event_types, "predict", fake)
    said, act = doc[2], doc[6]
    construction = Item(act, Sense(type="REQUEST", origin="report"))
    broad = Item(said, Sense(type="ACCUSE", mode="disapprove", origin="cameo"))
    out = retyped([construction, broad, broad])
    assert out[0] is construction
    assert out[1].sense.type == "SUPPORT" and out[2].sense.type == "SUPPORT"
    assert calls == [said.i]


def test_the_events_stage_takes_the_models_type_through_the_hook(extract, monkeypatch):
    text = "Governor Ana Ruiz scolded Mayor Tom Bell over the budget."  # "scold": a CAMEO-table verb
    assert [e.event_type for e in extract(text).events if e.trigger == "scolded"] == ["ACCUSE"]
    monkeypatch.setattr(event_types, "predict", lambda trigger, sense: ("PROTEST", 1.0))
    assert [e.event_type for e in extract(text).events if e.trigger == "scolded"] == ["PROTEST"]


def test_only_ambiguous_lexicon_senses_are_scored(extract, monkeypatch):
    calls = []

    def fake(trigger, sense):
        calls.append(trigger.lemma_)
        return "PROTEST", 1.0

    monkeypatch.setattr(event_types, "predict", fake)
    text = "Syrian rebels denounced the Iraqi army on Tuesday."  # "denounce": lexicon.yaml, one type
    assert [e.event_type for e in extract(text).events if e.trigger == "denounced"] == ["ACCUSE"]
    assert "denounce" not in calls


def test_a_tone_decides_between_praise_and_disapproval_the_model_only_names_another_act():
    tone = Sense(type="SUPPORT", origin="report-tone")
    assert decide(tone, "ACCUSE:disapprove", 0.99) is tone  # "said he did a brilliant job"
    assert decide(tone, "PROTEST", event_types.TONE_MIN).type == "PROTEST"  # "said the workers had rioted"
