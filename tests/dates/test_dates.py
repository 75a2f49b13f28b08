"""Date forms resolved against a publication date (2021-11-19, a Friday)."""

import datetime as dt

import pytest

from chronicle.extract.dates import resolve

ANCHOR = dt.date(2021, 11, 19)


@pytest.mark.parametrize(
    ("text", "value", "value_end", "granularity"),
    [
        ("on Friday", dt.date(2021, 11, 19), None, "day"),
        ("Tuesday", dt.date(2021, 11, 16), None, "day"),
        ("last year", dt.date(2020, 1, 1), dt.date(2020, 12, 31), "year"),
        ("next month", dt.date(2021, 12, 1), dt.date(2021, 12, 31), "month"),
        ("earlier this year", dt.date(2021, 1, 1), ANCHOR, "range"),
        ("two weeks ago", dt.date(2021, 11, 5), None, "day"),
        ("in 2019", dt.date(2019, 1, 1), dt.date(2019, 12, 31), "year"),
        ("the past month", dt.date(2021, 10, 20), ANCHOR, "range"),
        ("May 9, 2020", dt.date(2020, 5, 9), None, "day"),
        ("yesterday", dt.date(2021, 11, 18), None, "day"),
    ],
)
def test_forms(text, value, value_end, granularity):
    assert resolve(text, ANCHOR)[:3] == (value, value_end, granularity)


def test_relative_date_without_anchor_stays_unresolved():
    assert resolve("last year", None)[0] is None
    assert resolve("May 9, 2020", None)[0] == dt.date(2020, 5, 9)


def test_stage_on_text(extract):
    records = extract("The council has run the city since 1994. On Friday it met again.", published=ANCHOR)
    by_text = {d.text: d for d in records.dates}
    since = next(d for t, d in by_text.items() if t.startswith("since"))
    assert since.value == dt.date(1994, 1, 1) and since.granularity == "range"
    friday = next(d for t, d in by_text.items() if "Friday" in t)
    assert friday.value == ANCHOR and "on or before" in friday.rule
