"""Event sides recovered where the finder's side is no actor: named instances of a class, …
(sentences of our own)."""

from tests.events.sides import named_sides


def test_a_class_with_named_instances_is_those_instances(extract):
    text = "The Varnian mining firm Oreco faced criticism from senators like Marco Diaz and Peter Novak."
    sources = {e[1] for e in named_sides(extract, text) if e[0] == "ACCUSE"}
    assert {"Marco Diaz", "Peter Novak"} <= sources


def test_a_class_without_named_instances_stays_itself(extract):
    text = "Senator Ana Ruiz was criticized by politicians like her."
    for event in named_sides(extract, text):
        assert event[1] != "Ana Ruiz", event


def test_an_act_counted_in_a_set_is_done_by_the_set_verbs_subject(extract):
    text = "Senator Marco Diaz launched a new round of attacks on Peter Novak."
    sides = {(e[1], e[2]) for e in named_sides(extract, text)}
    assert ("Marco Diaz", "Peter Novak") in sides


def test_a_set_that_is_an_act_of_its_own_keeps_its_doer(extract):
    text = "The Varnian police launched an investigation of the attacks on Peter Novak."
    for event in named_sides(extract, text):
        assert not (event[0] == "ASSAULT" and event[1] is not None), event


def test_a_relative_clause_that_makes_the_act_names_its_doer(extract):
    text = "Peter Novak read the lawsuit that Marco Diaz filed against the Varnian ministry."
    sources = {e[1] for e in named_sides(extract, text) if e[0] == "ACCUSE"}
    assert "Marco Diaz" in sources


def test_who_comes_under_an_act_undergoes_it(extract):
    text = "The Varnian ministry came under fierce criticism from Senator Marco Diaz."
    sides = {(e[1], e[4]) for e in named_sides(extract, text) if e[0] == "ACCUSE"}
    assert ("Marco Diaz", "The Varnian ministry") in sides or ("Marco Diaz", "Varnian ministry") in sides


def test_who_is_put_under_an_act_is_the_object(extract):
    text = "Police placed Marco Diaz under arrest on Monday."
    targets = {e[2] for e in named_sides(extract, text) if e[0] == "COERCE"}
    assert targets == {"Marco Diaz"}


def test_an_unresolved_target_coordinated_with_an_actor_is_a_further_target(extract):
    text = "Senator Marco Diaz thanked Peter Novak and the crew who came to help."
    targets = [e[4] for e in named_sides(extract, text) if e[0] == "SUPPORT"]
    assert len(targets) == 2, targets


def test_a_joint_act_between_parties_is_done_by_the_first_to_the_others(extract):
    text = "The summit between Marco Diaz and Peter Novak ended on Monday."
    sides = {(e[1], e[2]) for e in named_sides(extract, text) if e[0] == "CONSULT"}
    assert sides == {("Marco Diaz", "Peter Novak")}


def test_whose_on_an_act_noun_is_the_noun_the_clause_describes(extract):
    text = "Voters were calm, said Senator Marco Diaz, whose criticism of Peter Novak has sharpened since May."
    sides = {(e[1], e[2]) for e in named_sides(extract, text) if e[0] in {"ACCUSE", "DISAPPROVE"}}
    assert ("Marco Diaz", "Peter Novak") in sides, sides
