"""The events stage's cheaper readings (round 10, issue 12 point 5) give what the plain ones gave, on
sentences of our own: the sentence text, an argument's words before it, the classifiers' sums and the
opinions kept per document."""

from chronicle.extract import event_triggers
from chronicle.extract.event_patterns import Sense
from chronicle.extract.event_syntax import subtree_through
from chronicle.extract.event_triggers import SoftmaxModel, models_in_use
from chronicle.extract.event_types import type_features, type_probabilities
from chronicle.nlp.text import span_text


def test_span_text_is_the_spans_own_text(nlp):
    doc = nlp("The mayor  criticised the plan.\n\nShe said it failed, \"badly\".  ")
    spans = [*doc.sents, *doc.ents, doc[1:3], doc[2:2], doc[:]]
    assert all(span_text(span) == span.text for span in spans)


def test_subtree_through_gives_the_words_up_to_the_token_as_its_subtree_does(nlp):
    doc = nlp("The angry mayor of the small northern town that voted twice criticised the governor's plan.")
    for token in doc:
        assert [t.i for t in subtree_through(token) if t.i <= token.i] == \
            [t.i for t in token.subtree if t.i <= token.i]
    mayor = next(t for t in doc if t.text == "mayor")
    # the clause after "mayor" is not walked
    assert max(t.i for t in subtree_through(mayor)) < next(t.i for t in doc if t.text == "voted")


def test_softmax_sums_feature_weights_in_the_features_order():
    # 1e16 + 1 - 1e16 is 0 added in this order and 1 in another: the class scores are the sums taken feature by
    # feature, as the model was applied before it summed in numpy
    model = SoftmaxModel(weights={"A": {"big": 1e16, "one": 1.0, "minus": -1e16}, "B": {}})
    ordered = model.probabilities({"big": 1.0, "one": 1.0, "minus": 1.0})
    assert ordered["A"] == ordered["B"] == 0.5
    regrouped = model.probabilities({"big": 1.0, "minus": 1.0, "one": 1.0})
    assert regrouped["A"] > 0.7
    # a feature's value scales its weights; an unknown feature adds nothing
    doubled = SoftmaxModel(weights={"A": {"one": 2.0}, "B": {}})
    assert model.probabilities({"one": 2.0, "unknown": 1.0}) == doubled.probabilities({"one": 1.0})
    half = SoftmaxModel(weights={"A": {"x": 1.0}, "B": {"x": -1.0}})
    assert half.probabilities({"x": 0.0}) == {"A": 0.5, "B": 0.5}
    assert half.probabilities({}) == {"A": 0.5, "B": 0.5}


def test_type_probabilities_are_kept_per_document_until_another_model_stands_in(nlp):
    doc = nlp("The senator criticised the governor.")
    verb = doc[2]
    sense = Sense(type="ACCUSE", mode="disapprove", origin="lexicon")
    first = type_probabilities(verb, sense)
    assert type_probabilities(verb, sense) is first
    stand_in = SoftmaxModel(weights={"ACCUSE:disapprove": {}, "SUPPORT": {"bias": 1.0}})
    with models_in_use({"type_model": stand_in}):
        assert type_probabilities(verb, sense) == stand_in.probabilities(type_features(verb, sense))
    assert event_triggers.trigger_probabilities(verb) is event_triggers.trigger_probabilities(verb)
