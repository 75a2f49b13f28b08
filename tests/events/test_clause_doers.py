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


def test_a_rated_adjective_about_someone_in_its_phrase_is_the_subjects_judgement(nlp):
    from chronicle.extract.events import predicate_judgements

    critical = token(nlp, "Senator Vance was critical of Governor Diaz on Monday.", "critical")
    [found] = predicate_judgements(critical)
    assert (found.sense.type, found.sense.origin, found.source.text, found.target.text) == (
        "ACCUSE", "judgement", "Vance", "Diaz")
    [loyal] = predicate_judgements(token(nlp, "Senator Vance has always been loyal to Governor Diaz.", "loyal"))
    assert loyal.sense.type == "SUPPORT"
    # no one named in the phrase, or a word VADER does not rate: no judgement
    assert predicate_judgements(token(nlp, "Senator Vance was critical of the weather.", "critical")) == []
    assert predicate_judgements(token(nlp, "Senator Vance was silent about Governor Diaz.", "silent")) == []


def test_a_weakly_rated_adjective_in_a_quote_is_the_speakers_judgement(nlp):
    from chronicle.extract.events import _quoted_judgement

    doc = nlp('"Governor Diaz is careless," Senator Vance said.')
    clause = next(t for t in doc if t.lemma_ == "be")
    speaker = next(t for t in doc if t.text == "Vance")
    [found] = _quoted_judgement(clause, speaker)
    assert (found.trigger.text, found.sense.type, found.source.text, found.target.text) == (
        "careless", "ACCUSE", "Vance", "Diaz")
    assert _quoted_judgement(clause, None) == []  # no known speaker, no judge
    weather = nlp('"The weather is careless," Senator Vance said.')
    assert _quoted_judgement(next(t for t in weather if t.lemma_ == "be"), speaker) == []
