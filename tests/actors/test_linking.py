"""Nominal mentions linked to the right actor: a role noun joins a person only when what the article
or our list of well-known people says of them agrees with it."""

import datetime as dt


def mentions_by_actor(records):
    names = {a.id: a.name for a in records.actors}
    found: dict[str, list[str]] = {}
    for m in records.mentions:
        found.setdefault(names[m.actor_id], []).append(m.text)
    return found


def test_role_noun_skips_a_listed_person_of_another_office(extract):
    # the list knows Trump as a candidate (PTY) and Rubio as a senator (LEG) in 2016: "the senator" is
    # Rubio, though Trump was named last
    records = extract("Marco Rubio answered that Donald Trump had mocked everyone for months, and the senator "
                      "said he would hit back.", published=dt.date(2016, 3, 4))
    found = mentions_by_actor(records)
    assert "senator" in found["Marco Rubio"]
    assert "senator" not in found.get("Donald Trump", [])
