"""Proposals for words whose doer comes from their clause (`event_triggers.clause_doer`): an infinitive,
a coordinated verb, an event noun a verb takes as its object or in its `with` phrase. Sentences of our own."""

from chronicle.extract import event_triggers
from chronicle.extract.event_triggers import NONE, SoftmaxModel, clause_doer, has_someone, trigger_features


def token(nlp, text, word):
    return next(t for t in nlp(text) if t.text == word)


def test_the_clause_gives_an_infinitive_and_a_coordinated_verb_their_doer(nlp):
    assert clause_doer(token(nlp, "Senator Vance vowed to glorp the treaty.", "glorp")).text == "Vance"
    assert clause_doer(token(nlp, "Senator Vance resigned and glorped the treaty.", "glorped")).text == "Vance"


def test_a_noun_gets_the_subject_of_the_verb_that_takes_it(nlp):
    assert clause_doer(token(nlp, "Senator Vance launched a glorpage on Monday.", "glorpage")).text == "Vance"
    assert clause_doer(token(nlp, "Senator Vance answered with a glorpage.", "glorpage")).text == "Vance"
    assert clause_doer(token(nlp, "The glorpage was long.", "glorpage")) is None


def test_a_verb_with_its_own_subject_has_no_clause_doer(nlp):
    assert clause_doer(token(nlp, "Senator Vance glorped the treaty.", "glorped")) is None


def test_someone_as_the_clause_doer_makes_a_word_proposable_and_is_a_feature(nlp):
    word = token(nlp, "Senator Vance vowed to glorp the treaty.", "glorp")
    assert has_someone(word)
    assert "someone_clause_doer" in trigger_features(word)
    thing = token(nlp, "The storm threatened to glorp the harbour.", "glorp")
    assert not has_someone(thing)
    assert "someone_clause_doer" not in trigger_features(thing)


def test_the_stage_reads_the_clause_doer_of_a_proposed_infinitive(extract, monkeypatch):
    # a stub sure that the invented verb, and only it, is a praise
    glorp_praise = SoftmaxModel(weights={NONE: {"bias": 0.0}, "SUPPORT": {"bias": -5.0, "lemma=glorp": 10.0}})
    monkeypatch.setattr(event_triggers, "trigger_model", lambda: glorp_praise)
    events = extract("Germany decided to glorp the old treaty on Monday.").events
    assert any((e.event_type, e.source_code, e.trigger) == ("SUPPORT", "DEU", "glorp") for e in events)
