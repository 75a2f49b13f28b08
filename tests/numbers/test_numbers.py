"""Numeric claims: number forms, ranges, qualifiers, money, what is counted — on sentences of our own."""

import pytest

from chronicle.extract.numbers import parse_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4,000", (4000, None)),
        ("three million", (3_000_000, None)),
        ("1.5bn", (1.5e9, None)),
        ("a dozen", (12, None)),
        ("twenty-five", (25, None)),
        ("five to seven", (5, 7)),
        ("5-7", (5, 7)),
        ("between 10 and 20", (10, 20)),
        ("$2.5 million", (2_500_000, None)),
        ("40%", (40, None)),
        ("several", None),
    ],
)
def test_parse_value(text, expected):
    assert parse_value(text) == expected


def count_for(records, fragment):
    matches = [c for c in records.counts if fragment in c.text]
    assert matches, [c.text for c in records.counts]
    return matches[0]


def test_count_with_qualifier_and_counted_noun(extract):
    records = extract("More than 200 protesters gathered outside the ministry on Monday.")
    c = count_for(records, "200")
    assert (c.value, c.qualifier, c.counted) == (200, "more than", "protester")


def test_elliptical_count_takes_the_verb(extract):
    records = extract("Gunmen attacked a checkpoint near the river, injuring five.")
    c = count_for(records, "five")
    assert c.value == 5 and c.counted == "injure"


def test_range_of_groups(extract):
    records = extract("Smugglers moved groups of ten to twelve refugees across the valley every night.")
    c = count_for(records, "ten to twelve")
    assert (c.value, c.value_max, c.counted) == (10, 12, "refugee")


def test_money_and_labels(extract):
    records = extract("The bank approved a loan of $3 million under Article 12 of the treaty.")
    money = count_for(records, "3 million")
    assert money.value == 3_000_000 and money.unit == "USD"
    assert not [c for c in records.counts if c.value == 12]


def test_count_inside_a_quote_links_to_it(extract):
    records = extract('"We have lost at least 40 homes," mayor Ruth Okafor said.')
    c = count_for(records, "40")
    assert c.qualifier == "at least" and c.quote_id == records.quotes[0].id


def test_numbered_label_is_not_a_count(extract):
    records = extract("Police stopped the convoy on Route 66 and questioned No. 9 of the crew.")
    assert all(c.value not in (66, 9) for c in records.counts)
