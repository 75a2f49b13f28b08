"""Actors you can trust, on sentences of our own: no newsroom or markup junk, companies coded as
business, people coded by their own words rather than by where things happened to them, staff by their
employer, one actor per entity, keys shared across articles and a code confidence."""

from chronicle.extract.codes import Code, actor_key, company_country


def by_name(records):
    return {a.name: a for a in records.actors}


def test_bylines_datelines_and_credits_are_not_actors(extract):
    records = extract("By Marta Kowalczyk\n\nWARSAW (AP) — Polish police detained a smuggler on Monday, "
                      "officials said.\n\nPhoto: Piotr Zielinski/AFP\n\nAnna Nowak contributed to this report.")
    names = set(by_name(records))
    assert not names & {"Marta Kowalczyk", "AP", "Piotr Zielinski", "Anna Nowak"}
    assert "Polish police" in names


def test_our_correspondent_is_not_an_actor(extract):
    records = extract("Our correspondent said the border crossing was closed by Hungarian guards.")
    assert not any("correspondent" in a.name.lower() for a in records.actors)


def test_markup_and_case_numbers_are_not_names(extract):
    records = extract('The court in case 19-cv-2231 heard Tomas Varga. datetime="2019 Varga denied it.')
    assert not any("2231" in a.name or "=" in a.name for a in records.actors)


def test_title_case_headline_without_a_title_makes_no_junk_actor(extract):
    text = ("Varga Slams Budget Plans Over Hospital Cuts\n\nOpposition leader Tomas Varga criticised the "
            "government's budget on Monday, saying Varga's party would vote against it.")
    names = set(by_name(extract(text)))
    assert not any("Slams" in n for n in names)


def test_vehicles_are_not_actors(extract):
    records = extract("A helicopter landed near the village as soldiers searched the houses.")
    assert not any("helicopter" in a.name.lower() for a in records.actors)


def test_unspecific_people_make_no_actor(extract):
    records = extract("People gathered in the square while Mayor Ilse Brandt spoke.")
    assert "People" not in by_name(records) and "people" not in by_name(records)


def test_listed_companies_are_business_of_their_country(extract):
    assert company_country("Boeing") == "USA" and company_country("Exxon Mobil Corp.") == "USA"
    actors = by_name(extract("Boeing said on Tuesday that it would cut production."))
    assert actors["Boeing"].code == "USA BUS"


def test_an_organisation_is_coded_from_its_description(extract):
    actors = by_name(extract("Norway's oil company, Fjordgas, said it would stop drilling."))
    assert actors["Fjordgas"].country == "NOR" and actors["Fjordgas"].sector == "BUS"


def test_staff_take_their_employers_sector(extract):
    actors = by_name(extract("Boeing's vice president Karen Holt said the company would appeal."))
    assert actors["Karen Holt"].code == "USA BUS"


def test_an_ambassador_keeps_her_own_country(extract):
    actors = by_name(extract("Chile's ambassador to Peru, Rosa Valdes, criticised the decision in Lima."))
    assert actors["Rosa Valdes"].code == "CHL GOV"


def test_a_foreigner_arrested_abroad_is_not_coded_by_the_place(extract):
    records = extract("Police said Jon Halvorsen was arrested in Madrid on Thursday.")
    halvorsen = next(a for a in records.actors if "Halvorsen" in a.name)
    assert halvorsen.country != "ESP"


def test_a_state_army_is_military_not_rebels(extract):
    actors = by_name(extract("The Kenyan army and the Ogaden National Liberation Army exchanged fire."))
    army = next(a for a in actors.values() if a.name.lower().endswith("kenyan army"))
    assert army.code == "KEN MIL"
    assert all(a.sector != "REB" for a in actors.values() if "Army" in a.name and "Liberation" not in a.name)


def test_a_liberation_army_named_so_is_not_rebels_by_its_name_alone(extract):
    actors = by_name(extract("The People's Liberation Army held drills, the Chinese defence ministry said."))
    assert actors["People's Liberation Army"].sector == "MIL"


def test_one_actor_per_entity(extract):
    records = extract("Senator Ana Ortiz met voters. Ortiz said the plan would fail. Sen. Ortiz left.")
    assert sum("Ortiz" in a.name for a in records.actors) == 1


def test_party_words_give_a_party_sector(extract):
    actors = by_name(extract("Republicans criticised the plan, and the nominee Dale Finch said he agreed."))
    assert actors["Republicans"].sector == "PTY"


def test_actor_keys_are_normalised_across_articles(extract):
    first = by_name(extract("President Ilse Brandt of Austria spoke on Monday."))["Ilse Brandt"]
    second = by_name(extract("Austria's President Ilse M. Brandt spoke on Tuesday."))["Ilse M. Brandt"]
    assert first.actor_key == second.actor_key == "ilse brandt|AUT GOV"
    assert actor_key("U.S.", "state", Code("USA")) == actor_key("the United States", "state", Code("USA"))


def test_code_confidence_is_higher_for_codes_the_text_gives(extract):
    actors = by_name(extract("Estonian MP Maria Tamm spoke. Later, a man named Oskar Pold spoke too."))
    assert 0.0 <= actors["Oskar Pold"].confidence < actors["Maria Tamm"].confidence <= 1.0


def test_a_charged_person_is_a_suspect(extract):
    actors = by_name(extract("Marek Duda was charged with fraud on Friday, prosecutors said."))
    assert actors["Marek Duda"].sector == "CRM"


def test_a_specific_modifier_beats_a_generic_one(extract):
    actors = by_name(extract("Riverton Police Department spokesman Omar Haddad said two cars were stolen."))
    assert actors["Omar Haddad"].sector == "COP"


def test_a_listed_group_keeps_its_sector_beside_a_demonym(extract):
    actors = by_name(extract("The Afghan Taliban said on Monday that talks would resume."))
    assert actors["Afghan Taliban"].code == "AFG REB"


def test_the_company_is_the_company_just_named(extract):
    records = extract("Varnia Steel said on Monday it would close two plants. The company blamed tariffs.")
    steel = by_name(records)["Varnia Steel"]
    assert steel.sector == "BUS" and not any(a.name.lower() == "company" for a in records.actors)


def test_a_definite_role_names_the_person_just_named(extract):
    records = extract("Dale Finch spoke in Ohio on Monday. The Republican nominee said taxes would fall.")
    finch = by_name(records)["Dale Finch"]
    assert finch.sector == "PTY" and not any("nominee" in a.name for a in records.actors)


def test_a_reporter_inside_the_story_is_still_an_actor(extract):
    text = ("Turkish police on Monday detained Lena Brandt, who is a reporter for a Berlin weekly, at her "
            "hotel in Istanbul after she had interviewed opposition figures about the election.")
    assert any("Brandt" in a.name for a in extract(text).actors)
