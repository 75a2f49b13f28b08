"""Codes from a listed person's country, from writing for an outlet, from serving a body, from being a
delegate, a member of Congress or a reverend, and from an office held "as" (round 10), on sentences of our
own."""

import datetime as dt

import pytest


def actors_by_name(records):
    return {a.name: a for a in records.actors}


def test_a_listed_persons_country_beats_a_country_misread_around_the_name(extract):
    # "Britain's" belongs to the vote, not to Clinton; the dated list knows her (a candidate in 2016)
    text = ("For Hillary Clinton, Britain's vote to leave the union is a warning. Clinton said voters "
            "were angry.")
    clinton = actors_by_name(extract(text, published=dt.date(2016, 6, 27)))["Hillary Clinton"]
    assert (clinton.country, clinton.sector) == ("USA", "PTY")


# (text, person, sector): one reading of the sentence around a name per case
SECTOR_CASES = {
    "a person who writes in a newspaper is media": (
        "\"The plan will fail,\" wrote Tom Berg in The Washington Times. Senator Ann Reyl criticized "
        "the plan on Monday.", "Tom Berg", "MED"),
    "an adviser to an association is its staff": (
        "\"Prevention is cheaper,\" said Tom Berg, technical adviser to the American Beekeeping "
        "Association, on Monday.", "Tom Berg", "NGO"),
    # an envoy is accredited to a body, not its staff
    "an envoy to an association stays his government's": (
        "Tom Berg, the U.S. envoy to the Beekeeping Association, condemned the plan on Monday.", "Tom Berg", "GOV"),
    "a delegate is a party figure": (
        "Ann Reyl, a delegate from Ohio, said she would vote against the platform at the convention.",
        "Ann Reyl", "PTY"),
    "a member of Congress called by party is a legislator": (
        "Democrat Ann Reyl (D-Ohio) criticized the plan on Monday. Reyl said it would fail.", "Ann Reyl", "LEG"),
    "the abbreviated reverend is religious": (
        "Senator Tom Berg met the Rev. Ann Reyl on Monday. Reyl said the talks went well.", "Ann Reyl", "REL"),
    "an office a relative clause says is held as": (
        "\"It was hard,\" said Jo Fenn, who works as a strategist for the party. Fenn left in May.",
        "Jo Fenn", "PTY"),
    "a name given an age as a noun is an ordinary person": (
        "\"I never trusted her,\" said Ann Reyl, a 59-year-old from Dayton. Reyl voted early.", "Ann Reyl", "CVL"),
}


@pytest.mark.parametrize(("text", "name", "sector"), list(SECTOR_CASES.values()), ids=list(SECTOR_CASES))
def test_the_sentence_around_a_name_gives_its_sector(extract, text, name, sector):
    assert actors_by_name(extract(text))[name].sector == sector
