"""Codes from a listed person's country, from writing for an outlet, from serving a body, from being a
delegate, a member of Congress or a reverend, and from an office held "as" (round 10), on sentences of our
own."""

import datetime as dt


def actors_by_name(records):
    return {a.name: a for a in records.actors}


def test_a_listed_persons_country_beats_a_country_misread_around_the_name(extract):
    # "Britain's" belongs to the vote, not to Clinton; the dated list knows her (a candidate in 2016)
    text = ("For Hillary Clinton, Britain's vote to leave the union is a warning. Clinton said voters "
            "were angry.")
    clinton = actors_by_name(extract(text, published=dt.date(2016, 6, 27)))["Hillary Clinton"]
    assert (clinton.country, clinton.sector) == ("USA", "PTY")


def test_a_person_who_writes_in_a_newspaper_is_media(extract):
    text = ("\"The plan will fail,\" wrote Tom Berg in The Washington Times. Senator Ann Reyl criticized "
            "the plan on Monday.")
    assert actors_by_name(extract(text))["Tom Berg"].sector == "MED"


def test_an_adviser_to_an_association_is_its_staff(extract):
    text = ("\"Prevention is cheaper,\" said Tom Berg, technical adviser to the American Beekeeping "
            "Association, on Monday.")
    assert actors_by_name(extract(text))["Tom Berg"].sector == "NGO"


def test_an_envoy_to_an_association_stays_his_governments(extract):
    # an envoy is accredited to a body, not its staff
    text = "Tom Berg, the U.S. envoy to the Beekeeping Association, condemned the plan on Monday."
    assert actors_by_name(extract(text))["Tom Berg"].sector == "GOV"


def test_a_delegate_is_a_party_figure(extract):
    text = "Ann Reyl, a delegate from Ohio, said she would vote against the platform at the convention."
    assert actors_by_name(extract(text))["Ann Reyl"].sector == "PTY"


def test_a_member_of_congress_called_by_party_is_a_legislator(extract):
    text = "Democrat Ann Reyl (D-Ohio) criticized the plan on Monday. Reyl said it would fail."
    assert actors_by_name(extract(text))["Ann Reyl"].sector == "LEG"


def test_the_abbreviated_reverend_is_religious(extract):
    text = "Senator Tom Berg met the Rev. Ann Reyl on Monday. Reyl said the talks went well."
    assert actors_by_name(extract(text))["Ann Reyl"].sector == "REL"


def test_an_office_a_relative_clause_says_is_held_as(extract):
    text = "\"It was hard,\" said Jo Fenn, who works as a strategist for the party. Fenn left in May."
    assert actors_by_name(extract(text))["Jo Fenn"].sector == "PTY"


def test_a_name_given_an_age_as_a_noun_is_an_ordinary_person(extract):
    text = "\"I never trusted her,\" said Ann Reyl, a 59-year-old from Dayton. Reyl voted early."
    assert actors_by_name(extract(text))["Ann Reyl"].sector == "CVL"
