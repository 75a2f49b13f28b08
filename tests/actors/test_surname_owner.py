"""A bare surname shared by several people names the one whose full name the text wrote first, in the
order of the text (not of the actors' list), whether the name tagger caught that full name or not."""

from chronicle.extract.actors import _Actor, _Builder
from tests.actors.test_linking import mentions_by_actor


def test_the_first_full_name_in_the_text_owns_the_surname_even_untagged(nlp):
    doc = nlp("BRANTFORD - Marcus Delane opened the plant on Monday. His daughter, Leona Delane, spoke first. "
              "Delane said the plant would hire.")
    builder = _Builder(doc)
    leona_at = next(t.i for t in doc if t.text == "Leona")
    # the tagger missed his full name: she is first in the actors' list and the only one with a mention
    leona = _Actor("person", "Leona Delane", ("leona", "delane"), mentions=[(doc[leona_at : leona_at + 2], "name")])
    marcus = _Actor("person", "Marcus Delane", ("marcus", "delane"))
    assert builder._surname_owner([leona, marcus]) is marcus


def test_one_namesake_or_none(nlp):
    doc = nlp("Delane said so.")
    builder = _Builder(doc)
    alone = _Actor("person", "Leona Delane", ("leona", "delane"))
    assert builder._surname_owner([alone]) is alone
    assert builder._surname_owner([]) is None


def test_a_man_and_a_woman_of_one_surname(extract):
    # her longer name puts her first in the actors' list (longest names first): the text says he is the principal
    records = extract("Marcus Delane opened the plant in Ohio on Monday. Delane said he would hire 200 workers. "
                      "His daughter, Anne Marie Delane, runs the firm's finances. She said the loans were paid. "
                      "Delane said he was proud of the town.")
    found = mentions_by_actor(records)
    assert found["Marcus Delane"].count("Delane") == 2
    assert "Delane" not in found.get("Anne Marie Delane", [])
    genders = {a.name: a.gender for a in records.actors}
    assert genders["Anne Marie Delane"] == "female"
