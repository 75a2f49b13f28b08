"""Dates: every date expression, normalised against the article's publication date.

Candidates are spaCy's DATE entities (plus "since <year>", whose preposition the entity leaves
out). Expressions relative to the publication date ("on Friday", "last year", "next month",
"two weeks ago", "earlier this year") are resolved by the small rules below — dateparser resolves
weekdays to the *coming* day and has no notion of ranges such as "last year" — and everything else
("May 9, 2020", "March 3") by dateparser with the publication date as its base. Each result keeps
the text, the date (and end of a range), the granularity and the rule used.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

import dateparser
from spacy.tokens import Doc

from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.records import ArticleRecords, DateMention, child_id

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3}
_AGO = re.compile(r"^(\w+) (day|week|month|year)s? ago$")
_YEAR = re.compile(r"^(?:in |the year )?((?:1[89]|20)\d\d)$")
_SINCE = re.compile(r"\bsince ((?:1[89]|20)\d\d)\b", re.IGNORECASE)
_LAST_NEXT = re.compile(r"^(last|next|previous|coming) (year|month|week)$")
OFFSETS = {"last": -1, "previous": -1, "next": 1, "coming": 1}
_DECADE = re.compile(r"^the ((?:1[89]|20)\d0)s$")

Resolved = tuple[dt.date | None, dt.date | None, str, str]


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(anchor: dt.date, months: int) -> tuple[int, int]:
    index = anchor.year * 12 + anchor.month - 1 + months
    return index // 12, index % 12 + 1


def resolve_relative(text: str, anchor: dt.date) -> Resolved | None:
    """The relative forms, resolved by rule; None when the text is not one of them."""
    t = re.sub(r"^(on|this|the|by|until|since|from)\s+", "", text.lower().strip()).strip(" .,")
    t = t.removesuffix("'s").removesuffix("'")
    if t in WEEKDAYS or t.rstrip("s") in WEEKDAYS:
        back = (anchor.weekday() - WEEKDAYS[t.rstrip("s") if t not in WEEKDAYS else t]) % 7
        return anchor - dt.timedelta(days=back), None, "day", "weekday: the latest such day on or before the anchor"
    if t in {"today", "tonight"}:
        return anchor, None, "day", "anchor day"
    if t == "yesterday":
        return anchor - dt.timedelta(days=1), None, "day", "anchor - 1 day"
    if t == "tomorrow":
        return anchor + dt.timedelta(days=1), None, "day", "anchor + 1 day"
    match = _LAST_NEXT.match(t)
    if match:
        return _unit_range(match.group(2), OFFSETS[match.group(1)], anchor)
    if t in {"year", "month", "week"}:  # "this year" once the leading "this" is stripped
        return _unit_range(t, 0, anchor)
    if t in {"earlier this year", "this year", "so far this year"}:
        return dt.date(anchor.year, 1, 1), anchor, "range", "start of the anchor's year to the anchor"
    if t in {"past month", "the past month", "last month or so"}:
        return anchor - dt.timedelta(days=30), anchor, "range", "30 days up to the anchor"
    if t in {"past week", "the past week"}:
        return anchor - dt.timedelta(days=7), anchor, "range", "7 days up to the anchor"
    if t in {"past year", "the past year"}:
        return anchor - dt.timedelta(days=365), anchor, "range", "365 days up to the anchor"
    match = _AGO.match(t)
    if match and match.group(1) in NUMBER_WORDS | {str(n): n for n in range(1, 100)}:
        count = NUMBER_WORDS.get(match.group(1)) or int(match.group(1))
        unit = match.group(2)
        gran = unit if unit != "week" else "day"
        return anchor - dt.timedelta(days=count * UNITS[unit]), None, gran, f"anchor - {count} {unit}(s)"
    return None


def _unit_range(unit: str, offset: int, anchor: dt.date) -> Resolved:
    if unit == "year":
        year = anchor.year + offset
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", f"anchor year {offset:+d}"
    if unit == "month":
        start, end = _month_range(*_shift_month(anchor, offset))
        return start, end, "month", f"anchor month {offset:+d}"
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6), "week", f"anchor week {offset:+d}"


def resolve_absolute(text: str, anchor: dt.date | None) -> Resolved | None:
    t = text.lower().strip()
    match = _YEAR.match(t)
    if match:
        year = int(match.group(1))
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "calendar year"
    match = _DECADE.match(t)
    if match:
        start = int(match.group(1))
        return dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade", "decade"
    return _dateparser(text, anchor)


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, anchor: dt.date | None) -> Resolved | None:
    if not any(ch.isdigit() for ch in text) and not any(m.lower() in text.lower() for m in calendar.month_name[1:]):
        return None  # dateparser is slow; what has neither a digit nor a month name is not an absolute date
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["year"]}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(anchor, dt.time())
        settings.pop("REQUIRE_PARTS")
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", text)))
    if has_day:
        return parsed.date(), None, "day", "absolute date" if anchor is None else "absolute date (year from anchor)"
    start, end = _month_range(parsed.year, parsed.month)
    return start, end, "month", "month"


def resolve(text: str, anchor: dt.date | None) -> Resolved:
    relative = resolve_relative(text, anchor) if anchor is not None else None
    found = relative or resolve_absolute(text, anchor)
    return found or (None, None, "unknown", "unresolved" if anchor else "relative; no publication date")


@register_stage("dates", fills=("dates",))
def extract_dates(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    anchor = records.article.published or context.reference_date
    text_all = doc.text  # Doc.text re-joins every token on each access: read it once
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    for match in _SINCE.finditer(text_all):
        inside = [s for s in spans if s[0] <= match.start(1) < s[1]]
        spans = [s for s in spans if s not in inside]
        spans.append((match.start(), max([match.end(), *(s[1] for s in inside)])))
    out = []
    for n, (start, end) in enumerate(sorted(spans), start=1):
        text = text_all[start:end]
        since = _SINCE.match(text)
        if since:
            year = int(since.group(1))
            value, value_end, granularity = dt.date(year, 1, 1), anchor, "range"
            rule = "since: from the year to the anchor"
        else:
            value, value_end, granularity, rule = resolve(text, anchor)
        out.append(DateMention(id=child_id(records.article.id, "d", n), article_id=records.article.id, start=start,
                               end=end, text=text, value=value, value_end=value_end,
                               granularity=granularity, rule=rule))  # type: ignore[arg-type]
    return {"dates": out}
