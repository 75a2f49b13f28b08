"""Who does an infinitive or a judged deed (`event_syntax.subject_of`): the party a verb names before
the infinitive, a request's addressee, the one accused or blamed of the deed; a commitment's maker.
Sentences of our own."""

from chronicle.extract.event_syntax import subject_of
from tests.events.sides import named_sides, only


def doer(nlp, text, word):
    found = subject_of(next(t for t in nlp(text) if t.text == word))
    return found.text if found is not None else None


def test_the_party_a_verb_names_before_an_infinitive_does_it(nlp):
    assert doer(nlp, "The report prompted the parliament to condemn Peru.", "condemn") == "parliament"
    assert doer(nlp, "The leaks led Chile to recall its ambassador.", "recall") in {"Chile", None}


def test_a_thing_before_the_infinitive_leaves_it_to_the_subject(nlp):
    assert doer(nlp, "Chile used the money to build a school.", "build") == "Chile"


def test_a_commitment_is_done_by_its_maker(nlp):
    assert doer(nlp, "Chile promised Peru to withdraw its troops.", "withdraw") == "Chile"


def test_a_request_addressed_through_a_preposition_is_done_by_the_addressee(nlp):
    assert doer(nlp, "Chile called on Peru to withdraw its troops.", "withdraw") == "Peru"


def test_the_one_accused_or_charged_did_the_deed(nlp):
    assert doer(nlp, "Chile accused Peru of attacking Bolivia.", "attacking") == "Peru"
    assert doer(nlp, "Chile charged Peru with attacking Bolivia.", "attacking") == "Peru"
    assert doer(nlp, "Chile criticized Peru for supporting Bolivia.", "supporting") == "Peru"


def test_a_deed_of_the_subject_stays_the_subjects(nlp):
    assert doer(nlp, "Chile took heat for supporting Bolivia.", "supporting") == "Chile"
    assert doer(nlp, "Chile punished Peru after attacking Bolivia.", "attacking") == "Chile"


def test_the_accused_is_the_source_of_the_deed_event(extract):
    events = only(named_sides(extract, "Chile accused Peru of attacking Bolivia on Monday."), "ASSAULT")
    assert {(e[1], e[2]) for e in events} == {("Peru", "Bolivia")}


def test_an_instrument_before_the_infinitive_leaves_it_to_its_user(nlp):
    assert doer(nlp, "Chile used the Varnian rebels to attack Peru.", "attack") == "Chile"


def test_a_participle_on_a_circumstance_is_done_by_the_clauses_subject(nlp):
    assert doer(nlp, "Senator Ana Ruiz is on solid ground attacking Marco Diaz.", "attacking") == "Ruiz"
    assert doer(nlp, "The Varnian Freedom Fund spent $10 million attacking Marco Diaz.", "attacking") == "Fund"


def test_a_participle_on_a_party_or_an_act_is_theirs(nlp):
    assert doer(nlp, "Migrants hurling stones attacked Polish soldiers.", "hurling") == "Migrants"
    assert doer(nlp, "There were protests denouncing Marco Diaz.", "denouncing") == "protests"
