"""Whose staff an actor is, read from more of the article (round 9), on sentences of our own: staff owned by
a pronoun, staff of a campaigning politician, and listed politicians out of office."""

import datetime as dt

from chronicle.extract.codes import notable_person


def actors_by_name(records):
    return {a.name: a for a in records.actors}


def test_staff_owned_by_a_pronoun_take_the_code_of_the_person_it_resolves_to(extract):
    # Trump is a candidate on this date (PTY by the dated list): "his advisers" are his campaign's, not GOV
    records = extract("Donald Trump spoke in Ohio on Monday. His advisers said he would win the state.",
                      published=dt.date(2016, 4, 20))
    assert actors_by_name(records)["His advisers"].code == "USA PTY"


def test_staff_of_a_campaigning_legislator_work_for_the_candidacy(extract):
    text = ("Senator Ann Reyl of Ohio criticised the bill. The Reyl campaign raised money in Iowa. "
            "\"This is a bad law,\" Reyl spokesman Tom Berg said on Monday.")
    actors = actors_by_name(extract(text))
    assert actors["Ann Reyl"].sector == "LEG"  # a senator running keeps the office's sector
    assert actors["Tom Berg"].sector == "PTY"


def test_staff_of_a_legislator_with_no_campaign_stay_legislative(extract):
    text = "Senator Ann Reyl of Ohio criticised the bill. \"This is a bad law,\" Reyl spokesman Tom Berg said."
    assert actors_by_name(extract(text))["Tom Berg"].sector == "LEG"


def test_a_listed_politician_out_of_office_is_a_party_figure():
    # after his campaign ended (2016-02-20) and before any later office: the latest period, a candidacy
    assert notable_person("Jeb Bush", dt.date(2016, 5, 1)).text == "USA PTY"
    # a former legislator is read as a party figure, as `past_codes` reads one
    assert notable_person("John Kasich", dt.date(2005, 1, 1)).text == "USA PTY"
    # a former executive keeps the executive's sector
    assert notable_person("Hillary Clinton", dt.date(2014, 1, 1)).text == "USA GOV"
    # before any period: the country alone
    assert notable_person("Jeb Bush", dt.date(1990, 1, 1)).text == "USA"
