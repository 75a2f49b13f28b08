"""Actors on sentences of our own: codes from titles, possessives and appositions, nominal and
pronoun mentions, demonyms as modifiers, cities as places."""


def actors_by_name(records):
    return {a.name: a for a in records.actors}


def mentions_of(records, actor):
    return [m.text for m in records.mentions if m.actor_id == actor.id]


def test_codes_from_titles(extract):
    actors = actors_by_name(extract("Estonian MP Maria Tamm met Latvian President Janis Berzins in Riga."))
    assert actors["Maria Tamm"].code == "EST LEG" and actors["Maria Tamm"].role == "MP"
    assert actors["Janis Berzins"].code == "LVA GOV"
    assert "Riga" not in actors  # a city is a place, not an actor


def test_codes_from_possessives_and_appositions(extract):
    actors = actors_by_name(extract("Hungary's Prime Minister Ferenc Nagy met Karel Novak, the Czech defence "
                                    "minister, and Ivan Petrov, a former army general."))
    assert actors["Ferenc Nagy"].code == "HUN GOV"
    assert actors["Karel Novak"].code == "CZE GOV"
    assert actors["Ivan Petrov"].sector is None  # a past role is not a current sector


def test_demonym_modifier_is_not_an_actor(extract):
    records = extract("Slovak police arrested two men near the border.")
    actors = actors_by_name(records)
    assert "Slovak" not in actors
    assert actors["Slovak police"].code == "SVK COP"


def test_group_nominals_join_later_bare_mentions(extract):
    records = extract("Croatian soldiers fired warning shots. Later the soldiers withdrew.")
    soldiers = [a for a in records.actors if a.code == "HRV MIL"]
    assert len(soldiers) == 1 and len(mentions_of(records, soldiers[0])) == 2


def test_role_nominals_and_pronouns_link_to_the_person(extract):
    records = extract("Estonian MP Maria Tamm spoke on Monday. The MP said she would resign.")
    tamm = actors_by_name(records)["Maria Tamm"]
    mentions = {m.text: m.kind for m in records.mentions if m.actor_id == tamm.id}
    assert mentions.get("MP") == "nominal" and mentions.get("she") == "pronoun"
    assert tamm.gender == "female"


def test_honorific_gender_keeps_pronouns_apart(extract):
    records = extract("Mr Kowalski met Anna Nowak in Warsaw. She said the meeting went well.")
    nowak = actors_by_name(records)["Anna Nowak"]
    assert any(m.text == "She" and m.actor_id == nowak.id for m in records.mentions)


def test_capital_acting_is_its_government_and_organisations_are_igos(extract):
    actors = actors_by_name(extract("Moscow rejected the proposal by the European Union and NATO."))
    assert actors["Moscow"].code == "RUS GOV" and actors["Moscow"].kind == "state"
    assert actors["European Union"].code == "EU IGO" and actors["NATO"].code == "NATO IGO"


def test_state_named_by_ner_as_a_person_is_still_a_state(extract):
    records = extract("Benin refused entry to the traders.")
    assert any(a.code == "BEN" and a.kind == "state" for a in records.actors)
