"""Actor codes that generalise, on sentences of our own: the sector valid on the article's date, corporate
roles at firms the article does not code, titles read with their "of" phrase, party-state tags, wire
agencies that are no actors."""

import datetime as dt

from chronicle.extract.codes import notable_person


def actors_by_name(records):
    return {a.name: a for a in records.actors}


def test_dated_notable_takes_the_sector_held_on_the_article_date(extract):
    text = "Donald Trump attacked the plan at a rally in Ohio on Tuesday."
    assert actors_by_name(extract(text, published=dt.date(2016, 3, 1)))["Donald Trump"].code == "USA PTY"
    assert actors_by_name(extract(text, published=dt.date(2019, 3, 1)))["Donald Trump"].code == "USA GOV"


def test_dated_notable_wins_over_an_outdated_description(extract):
    # a candidate in 2016, whatever the article calls him: the guide's PTY
    records = extract("New York businessman Donald Trump criticised the senators.", published=dt.date(2016, 4, 2))
    assert actors_by_name(records)["Donald Trump"].code == "USA PTY"


def test_dated_notable_before_every_period_keeps_only_the_country():
    assert notable_person("Marco Rubio", dt.date(2016, 1, 5)).text == "USA LEG"
    assert notable_person("Hillary Clinton", dt.date(2012, 6, 1)).text == "USA GOV"
    assert notable_person("Hillary Clinton", dt.date(1995, 6, 1)).text == "USA"
    assert notable_person("Hillary Clinton", dt.date(2019, 6, 1)).text == "USA PTY"  # out of office since
    assert notable_person("Hillary Clinton").text == "USA GOV"  # no date: the undated entry


def test_corporate_role_makes_an_uncoded_organisation_a_company(extract):
    records = extract("Ann Reyl, the chief economist at Quorvatech, said orders had slowed.")
    actors = actors_by_name(records)
    assert actors["Ann Reyl"].sector == "BUS"


def test_corporate_role_after_an_untagged_firm_name(extract):
    records = extract("The layoffs were confirmed by a Varnitex spokesperson when contacted by reporters.")
    assert actors_by_name(records)["Varnitex spokesperson"].sector == "BUS"


def test_past_office_joined_to_a_present_one_still_codes(extract):
    records = extract("Prosecutors asked whether Quorvatech's founder and former chief executive, Tom Berg, "
                      "enriched himself.")
    assert actors_by_name(records)["Tom Berg"].sector == "BUS"


def test_title_reads_with_its_of_phrase(extract):
    records = extract("Norway's deputy director of public prosecutions, Kari Berg, said on Tuesday that the case "
                      "was closed.")
    assert actors_by_name(records)["Kari Berg"].code == "NOR JUD"  # not LEG for "deputy"


def test_unspecific_noun_in_apposition_gives_no_sector(extract):
    records = extract("The man who robbed the store, Paul Dorn, was sentenced to ten years in prison.")
    assert actors_by_name(records)["Paul Dorn"].sector == "CRM"  # a convict, not a civilian "man"


def test_party_state_tag_marks_a_member_of_congress(extract):
    actors = actors_by_name(extract("Ann Reyl (D-Ohio) criticized the plan on Monday."))
    assert actors["Ann Reyl"].code == "USA LEG"


def test_organisation_name_words_before_its_nouns(extract):
    records = extract("John Fenn, the president of the Federal Reserve Bank of Chicago, warned of slower growth.")
    assert actors_by_name(records)["John Fenn"].sector == "GOV"  # a central bank, not a company


def test_wire_agencies_are_no_actors(extract):
    records = extract("The ministry will cut 300 jobs, Reuters reported, citing two officials. "
                      "The Associated Press said the plan was delayed.")
    names = {a.name for a in records.actors}
    assert "Reuters" not in names and "Associated Press" not in names


def test_employer_country_passes_to_its_staff(extract):
    actors = actors_by_name(extract("Boeing CEO Tom Varn said in a call with analysts that orders rose."))
    assert actors["Tom Varn"].code == "USA BUS"


def test_generic_title_at_a_firm_is_the_firms(extract):
    records = extract("The dollar may weaken, said Ana Lund, senior trader and strategist at Quorva Inc.")
    assert actors_by_name(records)["Ana Lund"].sector == "BUS"  # not a campaign strategist (PTY)


def test_company_lends_no_country_to_its_sentence(extract):
    records = extract("Varnitex, a subsidiary of SoftBank, will cut jobs, chairman Leo Marz said.")
    assert actors_by_name(records)["Leo Marz"].country is None  # SoftBank is Japanese, Varnitex need not be


def test_business_story_takes_its_country_from_companies_and_cities(extract):
    records = extract("Boeing and Exxon Mobil led gains in Chicago on Tuesday. Boeing shares rose 3% after the "
                      "Boeing order, while Exxon Mobil climbed in Houston. Carla Wendt, a trader at Quorva, said "
                      "investors were relieved.")
    assert actors_by_name(records)["Carla Wendt"].country == "USA"


def test_given_name_makes_an_org_entity_a_person(nlp):
    from spacy.tokens import Span

    from chronicle.extract.actors import _person_name

    doc = nlp("Carla Wendt and Morgan Stanley and Ruby Ministry met.")
    assert _person_name(Span(doc, 0, 2, label="ORG"))  # a census given name, no organisation word
    assert not _person_name(Span(doc, 3, 5, label="ORG"))  # a listed company
    assert not _person_name(Span(doc, 6, 8, label="ORG"))  # a body noun ("ministry")


def test_media_and_civil_service_roles(extract):
    actors = actors_by_name(extract("Ann Reyl, a staff writer, and Tom Berg, the undersecretary for management, "
                                    "disagreed on Monday."))
    assert actors["Ann Reyl"].sector == "MED" and actors["Tom Berg"].sector == "GOV"


def test_an_organisation_used_as_a_news_source_is_media(extract):
    actors = actors_by_name(extract("The minister will resign, according to Varnipost. Officials told Varnipost "
                                    "that the deal was off."))
    assert actors["Varnipost"].sector == "MED"


def test_wire_agency_staff_are_no_actors(extract):
    records = extract("An Associated Press journalist saw three bodies at the scene, and a Reuters reporter "
                      "counted ten trucks.")
    assert not [a for a in records.actors if a.sector == "MED"]


def test_unnamed_business_people_keep_no_country(extract):
    records = extract("Banks sold French bonds on Monday, analysts said.")
    groups = [a for a in records.actors if a.kind == "group" and a.sector == "BUS"]
    assert groups and all(a.country is None for a in groups)  # markets, not the country around them


def test_news_outlet_takes_no_country_from_what_it_reports(extract):
    records = extract("The Varnville Courier reported that the mood in Beijing was gloomy.")
    actors = actors_by_name(records)
    assert actors["Varnville Courier"].code == "MED"  # not CHN


def test_party_state_tag_of_a_former_member_gives_no_office(extract):
    actors = actors_by_name(extract("The plan will fail, according to former Sen. Tom Berg, R-Texas."))
    assert actors["Tom Berg"].sector != "LEG"
