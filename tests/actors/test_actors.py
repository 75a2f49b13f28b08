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
    # a past office codes a person only when nothing present does (annotators code former officials so)
    assert actors["Ivan Petrov"].sector == "MIL"


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


def test_well_known_people_and_groups_are_coded_from_our_list(extract):
    actors = actors_by_name(extract("Putin and Chancellor Merkel discussed the attack Hezbollah carried out."))
    assert actors["Putin"].code == "RUS GOV"
    assert actors["Merkel"].code == "DEU GOV"
    assert actors["Hezbollah"].code == "LBN REB"


def test_the_article_beats_the_list_and_common_surnames_stay_uncoded(extract):
    actors = actors_by_name(extract("Tony Blair, a Labour lawmaker, met reporters at a hotel."))
    assert actors["Tony Blair"].code == "GBR LEG"  # the article's sector wins, the list gives the country
    actors = actors_by_name(extract("Brown said the talks would continue."))
    assert actors["Brown"].country is None  # too common a surname to code alone


def test_transnational_armed_groups_are_rebels(extract):
    # CAMEO's IMG names the kind of group (in the organisation's place); the guide's sector is REB
    actors = actors_by_name(extract("Al-Qaeda claimed responsibility for the bombing."))
    assert actors["Al-Qaeda"].code == "AQ REB"


def test_an_actor_takes_the_one_country_its_sentence_names(extract):
    records = extract("Opposition leaders postponed their march in Lusaka until next week.")
    leaders = next(a for a in records.actors if a.name.lower().startswith("opposition leaders"))
    assert leaders.code == "ZMB OPP"


def test_a_counterpart_country_does_not_code_the_actor(extract):
    records = extract("Senator Alvarez called for sanctions against Chile.")
    assert actors_by_name(records)["Alvarez"].country is None
    records = extract("Senator Alvarez called for sanctions at a rally in Santiago.")
    assert actors_by_name(records)["Alvarez"].code == "CHL LEG"


def test_a_capital_names_its_current_country(extract):
    actors = actors_by_name(extract("Belgrade rejected the proposal on Monday."))
    assert actors["Belgrade"].code == "SRB GOV"


def test_notable_names_match_on_words_and_surname():
    from chronicle.extract.codes import notable_person

    assert notable_person("Bashar al-Assad").text == "SYR GOV"
    assert notable_person("Assad").text == "SYR GOV"  # particles are left out
    assert notable_person("King Abdullah II") is None  # "Abdullah" is a common surname
    assert notable_person("Kim Jong Il").text == "PRK GOV"  # hyphenated or not
    assert notable_person("Vladimir Bush") is None  # every word must be in one listed name
    assert notable_person("Solana") is None  # namesakes (ESP, EU, NATO) disagree


def test_a_visited_country_does_not_code_the_visitor(extract):
    records = extract("Senator Alvarez visited Peru on Monday.")
    assert actors_by_name(records)["Alvarez"].country is None


def test_a_province_names_its_country(extract):
    records = extract("Officials in Sindh ordered the schools closed.")
    assert actors_by_name(records)["Officials"].code == "PAK GOV"  # a province of pycountry's ISO 3166-2


def test_a_role_with_a_name_in_apposition_is_that_persons(extract):
    records = extract("Interior Minister Anna Berg spoke first. Later Latvia's prime minister, Janis Ozols, "
                      "said he would resign.")
    ozols = actors_by_name(records)["Janis Ozols"]
    assert "Latvia's prime minister" in mentions_of(records, ozols)  # not the earlier minister's
