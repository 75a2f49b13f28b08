"""Coreference (extract.coref): first-name gender, agreement and binding, on sentences of our own."""

from __future__ import annotations

from chronicle.extract.coref import name_gender


def test_first_names_give_a_gender_only_with_a_surname():
    assert name_gender(("Margaret", "Holm")) == "female"
    assert name_gender(("Robert", "Holm")) == "male"
    assert name_gender(("Holm",)) is None


def pronoun_actor(records, word: str, nth: int = 0) -> str | None:
    at = [m for m in records.mentions if m.kind == "pronoun" and m.text.lower() == word]
    if len(at) <= nth:
        return None
    actor = records.actor(at[nth].actor_id)
    return actor.name if actor else None


def test_she_skips_a_man_named_nearer(extract):
    text = "Margaret Holm met Robert Vance in Oslo. Later she signed the treaty."
    assert pronoun_actor(extract(text), "she") == "Margaret Holm"


def test_a_pronoun_is_not_an_argument_of_its_own_verb(extract):
    text = "Anna Berg and Clara Lund met on Monday. Anna Berg thanked her for the help."
    assert pronoun_actor(extract(text), "her") != "Anna Berg"


def test_a_person_in_the_pronouns_own_sentence_beats_a_known_gender_further_back(extract):
    # "Okonkwo" has no first name on the list; Robert Vance (male) is only in the sentence before
    text = ("Robert Vance spoke in Oslo on Monday. "
            "Mayor Tobenna Okonkwo said on Tuesday that he would visit the port.")
    assert pronoun_actor(extract(text), "he") == "Tobenna Okonkwo"


def test_a_main_clause_subject_before_a_subject_inside_its_clause(extract):
    text = "Robert Vance said that Peter Holm would resign in May. On Friday he flew to Oslo."
    assert pronoun_actor(extract(text), "he") == "Robert Vance"


def test_a_pronoun_in_a_clause_put_first_refers_forward_to_the_main_subject(extract):
    text = ("Peter Holm spoke in Oslo on Monday. "
            "While he has drawn large crowds, Robert Vance still needs to win the north.")
    assert pronoun_actor(extract(text), "he") == "Robert Vance"


def test_a_pronoun_in_a_clause_put_first_keeps_a_person_named_before_it_there(extract):
    text = ("Anna Berg spoke in Oslo on Monday. "
            "When Peter Holm said he would resign, Robert Vance called the board.")
    assert pronoun_actor(extract(text), "he") == "Peter Holm"
