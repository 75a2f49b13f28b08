"""An event's date: its own clause, then the story's current day, then the publication date (labelled)."""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.extract.event_time import EventTime, event_date

ANCHOR = dt.date(2019, 11, 20)  # a Wednesday


def when(nlp, extract, text: str, trigger: str, anchor: dt.date | None = ANCHOR) -> EventTime:
    records = extract(text, published=anchor)
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return event_date(records, token.sent, token, anchor)


def test_own_clause_date(nlp, extract):
    assert when(nlp, extract, "Police arrested the driver on Monday.", "arrested") == EventTime(
        dt.date(2019, 11, 18), "day", "expression")


def test_the_dates_read_follow_the_records_not_the_document(nlp, extract):
    text = "Police arrested the driver on Monday."
    records = extract(text, published=ANCHOR)
    token = next(t for t in nlp(text) if t.text == "arrested")
    assert event_date(records, token.sent, token, ANCHOR).date == dt.date(2019, 11, 18)
    # the same document read with other records (no dates): what the document keeps is not reused
    undated = records.model_copy(update={"dates": []})
    assert event_date(undated, token.sent, token, ANCHOR) == EventTime(ANCHOR, "day", "publication")


def test_a_year_stays_a_year(nlp, extract):
    got = when(nlp, extract, "The company closed the plant last year.", "closed")
    assert (got.date.year, got.granularity, got.origin) == (2018, "year", "expression")


def test_date_of_another_clause_is_not_the_events(nlp, extract):
    text = "Ilse Brandt, who founded the institute in 1979, endorsed the mayor on Tuesday."
    assert when(nlp, extract, text, "endorsed").date == dt.date(2019, 11, 19)


def test_containing_clause_dates_the_event(nlp, extract):
    got = when(nlp, extract, "On Monday, the minister said she would support the bill.", "support")
    assert got.date == dt.date(2019, 11, 18)


def test_story_day_carries_to_later_sentences(nlp, extract):
    text = "The rivals debated on Tuesday night in Leeds. Rowe accused the host of bias."
    assert when(nlp, extract, text, "accused") == EventTime(dt.date(2019, 11, 19), "day", "expression")


def test_old_background_day_does_not_carry(nlp, extract):
    # an older day carries only to the rest of its paragraph and the sentence right after it (its episode)
    text = "The dam failed on Sept. 3.\n\nThe region is rebuilding.\n\nResidents criticised the builder."
    assert when(nlp, extract, text, "criticised") == EventTime(ANCHOR, "day", "publication")


def test_ages_and_durations_never_date_an_event(nlp, extract):
    text = "Lena Burt, 32, was arrested after 18 years on the run."
    assert when(nlp, extract, text, "arrested") == EventTime(ANCHOR, "day", "publication")


def test_no_anchor_no_date(nlp, extract):
    assert when(nlp, extract, "Police arrested the driver.", "arrested", None) == EventTime(None, None, "unknown")


def test_a_coming_act_takes_no_past_story_day(nlp, extract):
    text = "The rivals debated on Tuesday night in Leeds. Rowe will sue the broadcaster."
    assert when(nlp, extract, text, "sue") == EventTime(ANCHOR, "day", "publication")


def test_a_coming_act_keeps_its_own_date(nlp, extract):
    got = when(nlp, extract, "The council will vote on the plan next Tuesday.", "vote")
    assert (got.date, got.granularity, got.origin) == (dt.date(2019, 11, 26), "day", "expression")


def test_weekday_apposed_to_an_old_day_dates_the_event(nlp, extract):
    text = "Court papers say Hale seized the boy at 6 p.m. on Saturday, May 18."
    assert when(nlp, extract, text, "seized").date == dt.date(2019, 5, 18)


def test_infinitive_under_a_past_gerund_stays_in_the_anchor_year(nlp, extract):
    text = "A Texas man pleaded guilty Monday to threatening to kill a senator in March."
    records = extract(text, published=ANCHOR)
    assert {d.text: d.value for d in records.dates}["March"] == dt.date(2019, 3, 1)


def test_an_amount_of_years_after_places_the_act_at_that_year(nlp, extract):
    got = when(nlp, extract, "Ten years after founding the club, Rossi is again seeking a buyer.", "founding")
    assert (got.date.year, got.granularity, got.origin) == (2009, "year", "expression")


def test_days_count_from_a_day_the_sentence_names(nlp, extract):
    got = when(nlp, extract, "The ruling came on Monday, six days after she sued the council.", "sued")
    assert (got.date, got.granularity) == (dt.date(2019, 11, 12), "day")
    loose = when(nlp, extract, "The crash comes a day after rebels swapped two hostages.", "swapped")
    assert loose.origin == "publication"


def test_months_from_a_year_only_date_give_no_year(nlp, extract):
    text = "The riot broke out in 2018, two months after the mayor banned the march."
    got = when(nlp, extract, text, "banned")  # no month of 2017 or 2018 is given: the clause's year stays
    assert (got.date, got.granularity) == (dt.date(2018, 1, 1), "year")


def test_an_imprecise_amount_gives_no_shift(nlp, extract):
    got = when(nlp, extract, "The mine reopened in 2017, more than 20 years after regulators banned it.", "banned")
    assert got.date != dt.date(1997, 1, 1)


def test_a_lead_without_a_day_takes_the_day_named_after_it(nlp, extract):
    text = "The union has endorsed Ilse Brandt for mayor. Its letter, sent out on Monday, praised her record."
    assert when(nlp, extract, text, "endorsed") == EventTime(dt.date(2019, 11, 18), "day", "expression")


def test_last_week_dates_the_act_to_its_month_not_a_day(nlp, extract):
    text = "The rivals debated on Tuesday night in Leeds. Rowe sued the broadcaster last week."
    assert when(nlp, extract, text, "sued") == EventTime(dt.date(2019, 11, 1), "month", "expression")


def test_a_week_across_two_months_gives_the_year(nlp, extract):
    # the seven days before Tuesday 3 December 2019 run from 26 November
    got = when(nlp, extract, "Rowe sued the broadcaster last week.", "sued", dt.date(2019, 12, 3))
    assert got == EventTime(dt.date(2019, 1, 1), "year", "expression")


def test_a_week_phrase_of_another_clause_does_not_date_the_act(nlp, extract):
    text = "Rowe, who sued the broadcaster last week, criticised the mayor on Tuesday."
    assert when(nlp, extract, text, "criticised") == EventTime(dt.date(2019, 11, 19), "day", "expression")
    assert when(nlp, extract, text, "sued").granularity == "month"


def test_the_day_a_party_was_scheduled_for_is_not_the_acts(nlp, extract):
    text = "The vote, scheduled for Thursday, was postponed after the opposition walked out."
    assert when(nlp, extract, text, "postponed") == EventTime(ANCHOR, "day", "publication")


def test_the_day_of_the_acts_vehicle_dates_it(nlp, extract):
    text = "In a statement released on Monday, the ministry condemned the raid."
    assert when(nlp, extract, text, "condemned") == EventTime(dt.date(2019, 11, 18), "day", "expression")


def test_a_later_sentence_that_places_the_act_dates_it(nlp, extract):
    text = "Protesters marched through the capital. Police said the march began on Nov. 2."
    assert when(nlp, extract, text, "marched") == EventTime(dt.date(2019, 11, 2), "day", "expression")


def test_an_indefinite_noun_is_another_act(nlp, extract):
    # "a strike" is a new act, not the one told before: its day is not the walkout's
    text = "Dockers struck in Hull. A strike began on Nov. 2 in Leith."
    assert when(nlp, extract, text, "struck").date != dt.date(2019, 11, 2)


# Around a year boundary: published Friday 3 January 2020.
NEW_YEAR = dt.date(2020, 1, 3)


def test_past_acts_across_the_new_year(nlp, extract):
    def at(text: str, trigger: str) -> EventTime:
        return when(nlp, extract, text, trigger, NEW_YEAR)

    assert at("The court convicted the smugglers on Monday.", "convicted").date == dt.date(2019, 12, 30)
    assert at("Police arrested the driver on Dec. 28.", "arrested").date == dt.date(2019, 12, 28)
    got = at("The union struck in December.", "struck")
    assert (got.date.year, got.date.month, got.granularity) == (2019, 12, "month")


def test_a_past_infinitive_takes_a_yearless_month_before_the_new_year(nlp, extract):
    # "to" carries no tense: the act is told in the past through "appeared", so "October" is 2019's
    got = when(nlp, extract, "The mayor appeared to dismiss the complaint in October.", "dismiss", NEW_YEAR)
    assert (got.date, got.granularity) == (dt.date(2019, 10, 1), "month")


def test_future_acts_across_the_new_year(nlp, extract):
    def at(text: str, trigger: str) -> EventTime:
        return when(nlp, extract, text, trigger, NEW_YEAR)

    assert at("The senate will vote on Monday.", "vote").date == dt.date(2020, 1, 6)
    assert at("The court will sentence the smugglers on Dec. 28.", "sentence").date == dt.date(2020, 12, 28)
    got = at("The union will strike next year.", "strike")
    assert (got.date.year, got.granularity) == (2021, "year")


def test_a_lead_takes_the_later_day_of_a_sentence_about_its_subject(nlp, extract):
    text = ("Ann Kerr has criticised the harbour board. Lund praised the board on Monday. "
            "Kerr spoke to dockers on Tuesday.")
    assert when(nlp, extract, text, "criticised").date == dt.date(2019, 11, 19)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Police last week arrested two men in Leeds.", "arrested"),
    ("Two men were arrested last week, police said on Tuesday.", "arrested"),
    ("Last week's arrests sparked protests.", "arrests"),
    ("Police said they had arrested two men last week.", "arrested"),
    ("The minister criticised the unions during a visit to Leeds last week.", "criticised"),
])
def test_a_past_week_anywhere_in_the_clause_dates_the_act(nlp, extract, text, trigger):
    # never the publication day (a day the text did not give) nor a day of another clause
    assert when(nlp, extract, text, trigger) == EventTime(dt.date(2019, 11, 1), "month", "expression")


def test_a_past_year_in_a_modifier_dates_the_act(nlp, extract):
    assert when(nlp, extract, "In a speech in 2015, the minister criticised the unions.", "criticised") == EventTime(
        dt.date(2015, 1, 1), "year", "expression")


def test_a_year_before_another_noun_dates_that_noun(nlp, extract):
    # "the 2012 nominee", "the 1994 bill": the year is the noun's, the criticism is the story's
    text = "The rivals met in Leeds on Tuesday. Rowe criticised Kerr for backing the 1994 harbour bill."
    assert when(nlp, extract, text, "criticised").date == dt.date(2019, 11, 19)


def test_a_year_before_the_act_or_its_time_still_dates_it(nlp, extract):
    assert when(nlp, extract, "Rowe led the 2012 strike at the port.", "strike").date.year == 2012
    text = "In the run-up to the 2014 elections, Rowe attacked the mayor."
    assert when(nlp, extract, text, "attacked").date.year == 2014


def test_a_reduced_relative_inside_a_party_keeps_its_date(nlp, extract):
    text = "The parents of two sailors killed in the 2012 storm have sued the shipowner."
    assert when(nlp, extract, text, "sued") == EventTime(ANCHOR, "day", "publication")


def test_an_act_some_days_earlier_than_the_story_day(nlp, extract):
    text = "Dockers marched to the port on Tuesday. A day earlier, six dockers were arrested at the gate."
    assert when(nlp, extract, text, "arrested") == EventTime(dt.date(2019, 11, 18), "day", "expression")


def test_days_after_an_act_named_by_a_noun(nlp, extract):
    # a noun act inside "four days after" is that far before its governing clause's day
    text = "The minister arrived on Tuesday, four days after the deadliest shooting in the city."
    assert when(nlp, extract, text, "shooting").date == dt.date(2019, 11, 15)


def test_that_month_points_back_to_the_story_s_earlier_month(nlp, extract):
    text = "Rowe campaigned in Leeds in May. Kerr canvassed for him later that month."
    assert when(nlp, extract, text, "canvassed") == EventTime(dt.date(2019, 5, 1), "month", "expression")
    # "that day" after a bare year keeps only the year: no day the text did not give
    text = "The union was founded in 2012. The owner sued it that day."
    assert when(nlp, extract, text, "sued") == EventTime(dt.date(2012, 1, 1), "year", "expression")


def test_a_narrated_yesterday_dates_the_act_a_quoted_one_does_not(nlp, extract):
    told = when(nlp, extract, "Rowe attacked the council yesterday in a long speech.", "attacked")
    assert told == EventTime(dt.date(2019, 11, 19), "day", "expression")
    quoted = when(nlp, extract, '"I spoke to the council yesterday," Rowe said in March.', "spoke")
    assert quoted.date != dt.date(2019, 11, 19)


def test_an_act_set_at_an_occasion_an_earlier_sentence_dated(nlp, extract):
    text = ("Monday's debate in Leeds drew a large crowd. The mayor resigned on Tuesday. "
            "At the debate, Rowe accused the host of bias.")
    assert when(nlp, extract, text, "accused").date == dt.date(2019, 11, 18)


def test_a_past_act_takes_a_yearless_month_from_before_the_report(nlp, extract):
    anchor = dt.date(2020, 1, 8)
    text = "In Leeds, for instance, a judge in October sentenced the driver to probation."
    assert when(nlp, extract, text, "sentenced", anchor) == EventTime(dt.date(2019, 10, 1), "month", "expression")


def test_a_coming_clause_keeps_its_month_ahead(nlp, extract):
    anchor = dt.date(2020, 1, 8)
    text = "Rowe said the council must back the plan in October."
    assert when(nlp, extract, text, "back", anchor).date == dt.date(2020, 10, 1)


def test_the_following_day_counts_from_the_day_named_before(nlp, extract):
    text = "On March 2, the mayor resigned, and the following day, the council sued the builder."
    assert when(nlp, extract, text, "sued") == EventTime(dt.date(2019, 3, 3), "day", "expression")


def test_the_day_before_an_occasion_is_not_a_relative_day(nlp, extract):
    text = ("The mayor resigned on March 2.\n\nThe town is divided.\n\n"
            "The council sued the builder the day before the vote.")
    assert when(nlp, extract, text, "sued") == EventTime(ANCHOR, "day", "publication")


def test_a_coordinated_act_shares_its_partner_s_when_clause(nlp, extract):
    text = "When the army began the raids in 2010, the minister resigned and the police chief was dismissed."
    got = when(nlp, extract, text, "dismissed")
    assert (got.date.year, got.granularity, got.origin) == (2010, "year", "expression")


def test_a_participle_shares_the_date_under_the_clause_it_hangs_from(nlp, extract):
    text = "A van ploughed into a crowd celebrating the festival in Leeds on Friday night, killing four people."
    assert when(nlp, extract, text, "killing") == EventTime(dt.date(2019, 11, 15), "day", "expression")


def test_a_text_speaking_in_the_present_speaks_from_its_release(nlp, extract):
    text = "A campaign leaflet released Monday accuses the mayor of lying about the budget."
    assert when(nlp, extract, text, "accuses") == EventTime(dt.date(2019, 11, 18), "day", "expression")


def test_a_day_paragraphs_back_gives_way_to_the_lead_s_day(nlp, extract):
    # ANCHOR is Wednesday 20 November: the lead's Tuesday is the story's day; the Monday of a side episode two
    # paragraphs back does not carry to an act told in a new paragraph
    text = ("The council voted on Tuesday to close the harbour.\n\nThe fishermen's union had sued the council on "
            "Monday.\n\nThe union's lawyer said so.\n\nThe mayor thanked the council.")
    assert when(nlp, extract, text, "thanked").date == dt.date(2019, 11, 19)


def test_a_day_of_the_same_paragraph_carries(nlp, extract):
    text = ("The council voted on Tuesday to close the harbour.\n\nThe fishermen's union sued the council on "
            "Monday. Its lawyer accused the mayor of bad faith.")
    assert when(nlp, extract, text, "accused").date == dt.date(2019, 11, 18)


def test_a_day_told_ahead_does_not_set_the_story_day(nlp, extract):
    text = ("The council voted on Tuesday to close the harbour. The mayor said she would sign the order on "
            "Wednesday. The union accused the council of haste.")
    assert when(nlp, extract, text, "accused").date == dt.date(2019, 11, 19)


def test_an_act_continuing_an_older_episode_takes_its_date(nlp, extract):
    text = ("The council voted on Tuesday to close the harbour.\n\nThe union first sued the council in March "
            "2015. The mayor thanked the union's lawyer.")
    got = when(nlp, extract, text, "thanked")
    assert (got.date, got.granularity) == (dt.date(2015, 3, 1), "month")


def test_a_present_act_does_not_continue_an_older_episode(nlp, extract):
    text = ("The council voted on Tuesday to close the harbour.\n\nThe union first sued the council in March "
            "2015. The mayor accuses the union of delay.")
    assert when(nlp, extract, text, "accuses").date == dt.date(2019, 11, 19)


def test_a_dateline_s_day_is_not_the_lead_s(nlp, extract):
    text = ("LEEDS, Nov. 20 (Wire) -\n\nThe council voted on Tuesday to close the harbour.\n\nIts lawyer spoke.\n\n"
            "The mayor thanked the council.")
    assert when(nlp, extract, text, "thanked").date == dt.date(2019, 11, 19)


def test_a_past_act_does_not_take_the_date_of_a_clause_put_ahead(nlp, extract):
    # "must back the bill in November" lies ahead; the criticism, told in the past, is Monday's
    text = ("On Monday, Rowe said voters must back the harbour bill in November to defeat the governor, "
            "whom she criticised as reckless.")
    got = when(nlp, extract, text, "criticised", dt.date(2019, 7, 24))
    assert got == EventTime(dt.date(2019, 7, 22), "day", "expression")


def test_a_written_year_of_a_clause_told_ahead_still_dates_a_past_act(nlp, extract):
    # only a date after the report is ahead: the film is to come, the siege stays in 2012
    text = "The film will retell the 2012 siege in which the embassy was attacked."
    got = when(nlp, extract, text, "attacked")
    assert (got.date.year, got.granularity) == (2012, "year")


def test_report_circumstance_dates_what_was_said(nlp, extract):
    # the adverbial clause of the report sets when its content was said
    text = 'While she was speaking to reporters in Leeds on Monday, Rowe said, "The council has betrayed us."'
    assert when(nlp, extract, text, "betrayed") == EventTime(dt.date(2019, 11, 18), "day", "expression")


def test_report_circumstance_in_a_statement(nlp, extract):
    text = "In a statement released Monday, the union said the minister had insulted nurses."
    assert when(nlp, extract, text, "insulted").date == dt.date(2019, 11, 18)


def test_coordinated_clause_does_not_frame_the_report(nlp, extract):
    # "in March" belongs to the clause coordinated with the one holding the act, not to its circumstance
    text = ("The grant was vital in helping the town convince investors to build a plant, but it was cut "
            "in March when the board reviewed it.")
    assert when(nlp, extract, text, "build").date != dt.date(2019, 3, 1)


def test_a_past_act_does_not_take_the_deadline_of_an_infinitive_under_it(nlp, extract):
    # "by March 31" is read ahead (2020): it is the deadline of the plan ("to publish"), not the day of the urging,
    # which continues the lead's Tuesday; an act told in the present keeps the infinitive's date
    lead = "The council voted on Tuesday to close the harbour. "
    past = when(nlp, extract, lead + "The union had urged the council to publish the accounts by March 31.", "urged")
    assert past == EventTime(dt.date(2019, 11, 19), "day", "expression")
    present = when(nlp, extract, lead + "The union urges the council to publish the accounts by March 31.", "urges")
    assert present.date == dt.date(2020, 3, 31)


def test_a_year_in_an_aside_is_not_an_older_episode(nlp, extract):
    # "who first ran in 1988" dates a side fact about Moss; the thanks are told on the lead's Tuesday
    text = ("The council voted on Tuesday to close the harbour.\n\nMoss, who first ran for the council in 1988, "
            "called the vote a sham. The mayor thanked the union's lawyer.")
    assert when(nlp, extract, text, "thanked") == EventTime(dt.date(2019, 11, 19), "day", "expression")
    # nor one inside a party's phrase ("the mayor since 1988": the apposition on the subject)
    party = text.replace("who first ran for the council in 1988", "the mayor since 1988")
    assert when(nlp, extract, party, "thanked") == EventTime(dt.date(2019, 11, 19), "day", "expression")
    # a year the sentence tells still sets the episode
    told = text.replace("Moss, who first ran for the council in 1988, called", "In 1988, Moss called")
    got = when(nlp, extract, told, "thanked")
    assert (got.date, got.granularity) == (dt.date(1988, 1, 1), "year")
