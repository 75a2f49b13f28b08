"""What is a date, and its value, on sentences of our own: each failure class of issue 13 pinned."""

from __future__ import annotations

import datetime as dt

import pytest

NOV = dt.date(2019, 11, 20)  # a Wednesday


def dates(extract, text: str, published: dt.date = NOV) -> dict[str, tuple[str, str]]:
    """text of each date -> (value cut to its granularity, granularity)."""
    cut = {"day": 10, "month": 7, "year": 4}
    return {d.text.rstrip("."): (d.value.isoformat()[:cut[d.granularity]], d.granularity)
            for d in extract(text, published=published).dates}


@pytest.mark.parametrize("text", [
    "Maren Ostrow, 47, was charged with fraud.",                     # an age after a name
    "Ostrow, aged 32, and her partner, 55, were held.",              # ages
    "He served 18 years in the legislature and nine years abroad.",  # durations
    "The talks took months; the strike lasted less than a week.",    # durations
    "The shop at 1119 North Vale Street was raided.",                # a house number
    "Councillor Weeks voted against the plan.",                      # a surname
    "The annual fair drew 55 stalls.",                               # bare numbers, "annual"
    "Prices were last this high in the 1990s.",                      # a decade
    "The board meets this week and again next week; it is busy now.",  # not annotated by the guide
    "It has not been this cold in 40 years.",                        # a duration, not a year
    "Turnout rose 2019 percent.",                                    # a quantity
    "Jonas K. Ferrow, 32, was arrested in Leeds.",                   # an age after a name with an initial
    "The estate has belonged to the family for 175 years.",          # a long duration
    "Crowds gathered on launch day at the harbour.",                 # "launch day" names no calendar day
])
def test_not_dates(extract, text):
    assert dates(extract, text) == {}


@pytest.mark.parametrize(("text", "expected"), [
    ("The council met last Thursday.", {"last Thursday": ("2019-11-14", "day")}),
    ("The council meets next Tuesday.", {"next Tuesday": ("2019-11-26", "day")}),
    ("Sales fell last February.", {"last February": ("2019-02", "month")}),
    ("The vote was held last November.", {"last November": ("2018-11", "month")}),
    ("The firm was founded in March 2018.", {"March 2018": ("2018-03", "month")}),
    ("The plant reopened early this year.", {"early this year": ("2019", "year")}),
    ("The mine will close by the end of 2025.", {"2025": ("2025", "year")}),
    ("Revenue grew in fiscal 2019.", {"2019": ("2019", "year")}),
    ("Profits fell in Nov. after the strike.", {"Nov": ("2019-11", "month")}),
    ("The bridge opened two years ago.", {"two years ago": ("2017", "year")}),
    ("The flood came a week ago.", {"a week ago": ("2019-11-13", "day")}),
    ("Twenty-five years ago, the party won a vote here.", {"Twenty-five years ago": ("1994", "year")}),
    ("Shops close on Christmas Day.", {"Christmas Day": ("2019-12-25", "day")}),
    ("The results came out yesterday.", {"yesterday": ("2019-11-19", "day")}),
])
def test_real_dates_found_and_resolved(extract, text, expected):
    assert dates(extract, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The firm was sold last year.", {"last year": ("2018", "year")}),
    ("In 1938 the town was flooded.", {"1938": ("1938", "year")}),
    ("Wages rose in May 2016 and again in June.", {"May 2016": ("2016-05", "month"), "June": ("2019-06", "month")}),
])
def test_granularity_kept(extract, text, expected):
    assert dates(extract, text) == expected


def test_future_context_goes_ahead(extract):
    found = dates(extract, "Sentencing is scheduled for Feb. 14. The deadline is Dec. 15.")
    assert found == {"Feb. 14": ("2020-02-14", "day"), "Dec. 15": ("2019-12-15", "day")}


def test_bare_weekday_in_past_news_is_on_or_before_the_anchor(extract):
    assert dates(extract, "Police arrested the man on Friday.") == {"Friday": ("2019-11-15", "day")}
    assert dates(extract, "The mayor spoke Wednesday.") == {"Wednesday": ("2019-11-20", "day")}


def test_weekday_ahead_when_the_clause_looks_ahead(extract):
    assert dates(extract, "The committee will vote on Friday.") == {"Friday": ("2019-11-22", "day")}


def test_year_boundary_future_article(extract):
    found = dates(extract, "Dana Holt pleaded guilty and will be sentenced on Jan. 10.", dt.date(2019, 12, 20))
    assert found == {"Jan. 10": ("2020-01-10", "day")}


def test_year_boundary_past_article(extract):
    found = dates(extract, "The suspect was arrested on Dec. 28 in a raid.", dt.date(2020, 1, 3))
    assert found == {"Dec. 28": ("2019-12-28", "day")}


def test_names_are_not_dates(extract):
    found = dates(extract, "Theresa May spoke to the press on Monday.")
    assert found == {"Monday": ("2019-11-18", "day")}


def test_ranges_give_both_ends(extract):
    found = dates(extract, "The study ran between 1991 and 1994.")
    assert found == {"1991": ("1991", "year"), "1994": ("1994", "year")}


def test_weekday_written_with_its_day(extract):
    found = dates(extract, "The final was played on Friday, Nov. 29, 2019, in Leeds.", dt.date(2019, 12, 1))
    assert found == {"Friday": ("2019-11-29", "day"), "Nov. 29, 2019": ("2019-11-29", "day")}


def test_no_anchor_keeps_only_absolute_dates(extract):
    records = extract("The plant opened on May 9, 2020 and closed last year.")
    assert [(d.text, d.value) for d in records.dates] == [("May 9, 2020", dt.date(2020, 5, 9))]


def test_confidence_and_rule(extract):
    (date,) = extract("The council met on Friday.", published=NOV).dates
    assert 0.5 <= date.confidence <= 1.0
    assert date.rule.startswith("weekday/past")


def test_a_deadline_lies_ahead_unless_the_tense_says_it_passed(extract):
    assert dates(extract, "The firm must file its accounts by March 1.") == {"March 1": ("2020-03-01", "day")}
    assert dates(extract, "The firm had filed its accounts by March 1.") == {"March 1": ("2019-03-01", "day")}


def test_year_boundary_weekdays_by_tense(extract):
    past = dates(extract, "The council voted on Monday to close the baths.", dt.date(2020, 1, 3))
    future = dates(extract, "The council will vote on Thursday to close the baths.", dt.date(2019, 12, 30))
    assert (past, future) == ({"Monday": ("2019-12-30", "day")}, {"Thursday": ("2020-01-02", "day")})


def test_year_boundary_months_by_tense(extract):
    past = dates(extract, "Investigators said the fire started in December.", dt.date(2020, 1, 6))
    future = dates(extract, "The new law will take effect in January.", dt.date(2019, 12, 18))
    assert (past, future) == ({"December": ("2019-12", "month")}, {"January": ("2020-01", "month")})


def test_an_old_weekday_written_with_its_day_takes_that_day(extract):
    found = dates(extract, "Court papers say the boy was seized on Saturday, May 18.")
    assert found == {"Saturday": ("2019-05-18", "day"), "May 18": ("2019-05-18", "day")}


def test_a_day_of_the_subject_takes_no_tense_from_a_future_verb(extract):
    # the ruling happened; what will happen is its effect
    found = dates(extract, "Monday's ruling will shape the race. The results of Tuesday's vote will force a recount.")
    assert found == {"Monday": ("2019-11-18", "day"), "Tuesday": ("2019-11-19", "day")}
    assert dates(extract, "The council will vote on the plan Friday.") == {"Friday": ("2019-11-22", "day")}


def test_a_bare_gerund_takes_a_future_clause_s_direction(extract):
    text = "The party will tour the north, holding rallies in Leeds on Friday."
    assert dates(extract, text) == {"Friday": ("2019-11-22", "day")}
    text = "The party toured the north, holding rallies in Leeds on Friday."
    assert dates(extract, text) == {"Friday": ("2019-11-15", "day")}


@pytest.mark.parametrize("text", [
    "Libya today is completely chaotic.",                       # the present age, after a noun
    "The voting machine today is merely a computer.",           # a simple present clause
    "The anchor joins NBC's Today show next month.",            # a title inside a sentence
    "Source: USA TODAY/Vale University poll.",                  # capitals: a paper's name
])
def test_today_for_the_present_age_or_a_name_is_no_date(extract, text):
    assert "today" not in {k.lower() for k in dates(extract, text)}


def test_today_as_a_day_stays(extract):
    assert dates(extract, "The minister resigned today.") == {"today": ("2019-11-20", "day")}
    assert dates(extract, "Today, the council voted to close the pool.") == {"Today": ("2019-11-20", "day")}
