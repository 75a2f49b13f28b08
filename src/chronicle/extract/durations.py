"""Durations and ages: the amounts of time an article gives, kept as their own records, never as dates.

Owns two decisions the date layer leaves aside (issue 13): "18 years", "six months", "a 10-year
sentence" are durations (amount, unit, and the amount in days); "Burt, 32,", "aged 32", "a 32-year-old
woman", "47 years old" are ages, put on the actor whose mention they follow or describe. "N years
ago" is a date (chronicle.extract.dates), "twice a year" a rate, "years" without a number no amount.
Units and rate words are in data/dates/lexicon.yaml (`duration_units`, `frequency_words`).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from chronicle.extract.numbers import parse_number
from chronicle.records import Age, ArticleRecords, Duration, Mention, child_id

LEXICON = Path(__file__).resolve().parents[1] / "data" / "dates" / "lexicon.yaml"
# An age of a living person, as news writes it.
MAX_AGE = 120
_AGE_AFTER_NAME = re.compile(r", (?:aged )?(?P<n>\d{1,3}),(?!\d)")  # "Lena Burt, 32," / "Burt, aged 32,"
_AGED = re.compile(r"\baged (?P<n>\d{1,3})\b")


@functools.cache
def lexicon() -> dict:
    return yaml.safe_load(LEXICON.read_text(encoding="utf-8"))


@functools.cache
def _amount_pattern() -> re.Pattern[str]:
    """Up to two words of number, then a unit: "18 years", "six-month", "two and a half years"."""
    units = "|".join(sorted(lexicon()["duration_units"], key=len, reverse=True))
    return re.compile(rf"(?i)\b(?P<n>(?:[\w.,]+[ -]){{0,1}}[\w.,]+)[ -](?P<unit>{units})s?\b(?P<old>[ -]old)?")


def _number(text: str) -> float | None:
    value = 1.0 if text.lower() in ("a", "an", "one") else parse_number(text)
    return value if value is not None and value > 0 else None


def _amount(words: str) -> tuple[float, int] | None:
    """The number at the end of `words` and how many characters it takes: the last word, or the last
    two when together they say more ("twenty five"; not "a 10", where the article adds nothing)."""
    parts = re.split(r"[ -]", words)
    last = _number(parts[-1])
    both = _number(" ".join(parts[-2:])) if len(parts) == 2 and parts[0].isalpha() else None
    if both is not None and both != last:
        return both, len(words)
    return (last, len(parts[-1])) if last is not None else None


def _mention_before(text: str, mentions: list[Mention], at: int) -> Mention | None:
    """The mention that ends right where an apposed age begins ("Lena Burt" in "Lena Burt, 32,")."""
    return next((m for m in mentions if m.end <= at and not text[m.end:at].strip(", ")), None)


def _mention_around(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The mention whose span holds an age ("a 32-year-old woman")."""
    return next((m for m in mentions if m.start <= start and end <= m.end), None)


def find_durations_and_ages(text: str, records: ArticleRecords) -> tuple[list[Duration], list[Age]]:
    lex = lexicon()
    aid = records.article.id
    mentions = sorted(records.mentions, key=lambda m: m.start)
    durations: list[Duration] = []
    ages: list[Age] = []
    taken: list[tuple[int, int]] = []

    def add_age(start: int, end: int, years: float, actor_id: str | None) -> None:
        if 0 < years <= MAX_AGE and years == int(years):
            ages.append(Age(id=child_id(aid, "g", len(ages) + 1), article_id=aid, start=start, end=end,
                            text=text[start:end], years=int(years), actor_id=actor_id))
            taken.append((start, end))

    for m in _amount_pattern().finditer(text):
        found = _amount(m["n"])
        if found is None:
            continue
        value, width = found
        start, end = m.end("n") - width, m.end()
        unit = m["unit"].lower()
        words_before = text[max(0, start - 12):start].lower().split()
        if text[end:end + 4].lower() == " ago" or (words_before and words_before[-1] in lex["frequency_words"]):
            continue  # a date ("two years ago") or a rate ("twice a year")
        if m["old"]:
            if unit == "year" and text[end:end + 1].lower() != "s":  # not "18-to-34-year-olds": a group
                around = _mention_around(mentions, start, end)
                add_age(start, end, value, around.actor_id if around else None)
            continue
        end = m.end("unit") + (1 if text[m.end("unit"):m.end("unit") + 1].lower() == "s" else 0)
        durations.append(Duration(id=child_id(aid, "u", len(durations) + 1), article_id=aid, start=start,
                                  end=end, text=text[start:end], amount=value, unit=unit,
                                  days=round(value * lex["duration_units"][unit], 2)))
    for rx in (_AGE_AFTER_NAME, _AGED):
        for m in rx.finditer(text):
            start, end = m.span("n")
            if any(s <= start < e for s, e in taken):
                continue
            before = _mention_before(text, mentions, m.start())
            if rx is _AGE_AFTER_NAME and before is None:
                continue  # "in 2019, 45, ..." : a number between commas is an age only after a name
            add_age(start if rx is _AGE_AFTER_NAME else m.start(), end, int(m["n"]),
                    before.actor_id if before else None)
    ages.sort(key=lambda a: a.start)
    return durations, [a.model_copy(update={"id": child_id(aid, "g", n)}) for n, a in enumerate(ages, start=1)]
