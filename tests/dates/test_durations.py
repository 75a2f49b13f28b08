"""Durations and ages are their own records (amount in days; an age on the actor), never dates."""

from __future__ import annotations

import datetime as dt

NOV = dt.date(2019, 11, 20)


def test_durations_in_days(extract):
    records = extract("The strike lasted six months and the talks less than a week; he served 18 years.",
                      published=NOV)
    assert [(d.text, d.unit, d.days) for d in records.durations] == [
        ("six months", "month", 182.64), ("a week", "week", 7.0), ("18 years", "year", 6574.5)]
    assert records.dates == []


def test_a_compound_duration_and_a_rate(extract):
    records = extract("She got a 10-year sentence; the board meets twice a year.", published=NOV)
    assert [(d.text, d.amount) for d in records.durations] == [("10-year", 10.0)]


def test_ago_is_a_date_not_a_duration(extract):
    records = extract("The bridge opened two years ago.", published=NOV)
    assert records.durations == [] and [d.text for d in records.dates] == ["two years ago"]


def test_age_after_a_name_goes_on_the_actor(extract):
    records = extract("Lena Burt, 32, was arrested in Leeds on Monday.", published=NOV)
    (age,) = records.ages
    assert (age.text, age.years, records.actor(age.actor_id).name) == ("32", 32, "Lena Burt")
    assert [d.text for d in records.dates] == ["Monday"]


def test_other_ages(extract):
    records = extract("Tom Ruiz, aged 47, and a 32-year-old woman were hurt.", published=NOV)
    assert [(a.text, a.years) for a in records.ages] == [("47", 47), ("32-year-old", 32)]
    assert records.actor(records.ages[0].actor_id).name == "Tom Ruiz"


def test_a_number_between_commas_without_a_name_is_no_age(extract):
    assert extract("In 2019, 45, then 60, stalls opened.", published=NOV).ages == []


def test_no_age_from_a_thousands_comma_or_an_age_group(extract):
    records = extract("The Vale County Registration Office, 30,290 voters, polled 18-to-34-year-olds.", published=NOV)
    assert records.ages == []
