"""Dates: the calendar dates an article gives, each resolved like a careful reader would.

Owns three decisions (GUIDE.md, "dates"): what is a date at all, the span that carries it, and its
value. A date names a calendar day, month, year or named period ("Monday", "Nov. 20", "March 2018",
"last year", "fiscal 2019", "Easter"); ages ("Smith, 47,"), durations ("18 years", "months"), house
numbers, bare numbers, decades, "this week", "now" and "recently" are not (durations and ages become
their own records: chronicle.extract.durations). Candidates come from the
patterns below over the text, not from spaCy's DATE entities (which read ages and durations as
dates); the parse is used to reject names ("Fox News Sunday", "Theresa May") and quantities ("2000
troops") and to read the tense of the clause a date sits in.

Values are resolved against the publication date (the anchor) and that tense: a bare weekday is the
latest such day on or before the anchor unless the clause looks ahead ("will", "scheduled", "next",
a present-tense verb); a month or month-day without a year is the nearest one in the clause's
direction ("was arrested Dec. 28" in January is last year's; "will be sentenced Jan. 10" in December
is next year's). Each date keeps its granularity (a year stays a year) and a confidence calibrated
per rule on the silver training set (data/dates/confidence.json, by scripts/calibrate_dates.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from spacy.tokens import Doc, Token

from chronicle.extract.durations import find_durations_and_ages
from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.nlp.text import doc_text
from chronicle.records import ArticleRecords, DateMention, child_id

DATA = Path(__file__).resolve().parents[1] / "data" / "dates"
Direction = Literal["past", "future"] | None
Tense = Literal["past", "future", "present"] | None
Granularity = Literal["day", "month", "year"]


@functools.cache
def lexicon() -> dict:
    return yaml.safe_load((DATA / "lexicon.yaml").read_text(encoding="utf-8"))


@functools.cache
def confidences() -> dict[str, float]:
    """Calibrated share right per rule key (`family/direction`, then `family`), fitted on silver."""
    return json.loads((DATA / "confidence.json").read_text(encoding="utf-8"))["rules"]


@dataclass(frozen=True)
class Found:
    """One date: its span, value, granularity and the rule (`family/direction: how`)."""

    start: int
    end: int
    value: dt.date
    granularity: Granularity
    family: str
    direction: Direction
    how: str

    @property
    def key(self) -> str:
        return f"{self.family}/{self.direction or 'neutral'}"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _capitalised(words: list[str]) -> str:
    return _alternation([w[:1].upper() + w[1:] for w in words])


@functools.cache
def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The date patterns, each named by its rule family (longest match wins where they overlap)."""
    lex = lexicon()
    full = [m for m in lex["months"] if m not in lex["abbreviations"]]
    mon = rf"(?P<mon>(?:{_capitalised(full)})\b|(?:{_capitalised(lex['abbreviations'])})\b\.?)"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:1[7-9]|20)\d\d)"
    wd = rf"(?P<wd>{_capitalised(list(lex['weekdays']))})\b"
    tens = [w for w, n in lex["numbers"].items() if n in range(20, 100, 10)]
    # "twenty-five years ago" as a whole, never its "five years ago"
    num = rf"(?P<n>\d{{1,3}}|(?:(?:{_alternation(tens)})-)?(?:{_alternation(list(lex['numbers']))}))"
    season = rf"(?P<season>{_alternation(list(lex['seasons']))})"
    holidays = list(lex["holidays"]["fixed"]) + list(lex["holidays"]["computed"])
    rel_unit = (r"(?P<rel>this|last|next|the previous|the following|the same) (?P<unit>year|month)\b")
    table = [
        ("numeric", r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
        ("iso", r"(?<![\d-])(?P<year>\d{4})-(?P<m>\d\d)-(?P<day>\d\d)(?![\d-])"),
        ("day-month", rf"(?<![\w.]){day} (?:of )?{mon}(?:,? {year}\b)?"),
        ("month-day", rf"(?<![\w.]){mon} {day}\b(?![:.,]\d)(?:,? {year}\b)?"),
        ("month-year", rf"(?<![\w.]){mon},? (?:of )?{year}\b"),
        ("month-of-year", rf"(?<![\w.]){mon} (?:of )?(?P<rel>this|last|next) year\b"),
        ("bare-month", rf"(?<![\w.])(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[- ])?"
                       rf"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|this coming) )?{mon}(?![\w-])"),
        ("weekday", rf"(?<![\w.])(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Ss]uper) )?{wd}"),
        ("today", r"(?i)\b(?:(?P<w>today|tonight|yesterday|tomorrow)|this (?:morning|afternoon|evening)"
                  r"|(?P<night>last night))\b"),
        ("relative-unit", rf"(?i)\b(?:(?P<mod>earlier|early|later|late)[- ])?{rel_unit}"),
        ("ago", rf"(?i)\b{num} (?P<unit>day|week|month|year|decade)s? ago\b"),
        ("year", rf"(?<![\w$£€#.,/©]){year}(?![\w%/]|[.,]\d)"),
        ("season", rf"(?i)\b(?:(?P<det>the|this|last|next|past) )?{season}\b(?:,? (?:of )?{year}\b)?"),
        ("holiday", rf"(?<![\w/])(?P<name>{_alternation(holidays)})(?![\w/])"),
    ]
    return [(name, re.compile(rx)) for name, rx in table]


def pattern(family: str) -> re.Pattern[str]:
    return dict(patterns())[family]


# --- resolution helpers -------------------------------------------------------------------------


def _nearest_year(month: int, day: int | None, anchor: dt.date, direction: Direction) -> int:
    """The year of a month (or month-day) without one: the nearest in the clause's direction."""
    def when(y: int) -> dt.date | None:
        try:
            return dt.date(y, month, day or 1)
        except ValueError:
            return None

    here = anchor if day else anchor.replace(day=1)
    years = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if when(y)]
    if direction == "past":
        return max((y for y in years if when(y) <= here), default=anchor.year)  # type: ignore[operator]
    if direction == "future":
        return min((y for y in years if when(y) >= here), default=anchor.year)  # type: ignore[operator]
    # No direction: the anchor's year (most undated months in news are this year's), unless that is
    # over nine months away and another year's is nearer ("the Jan. 10 hearing" in late December).
    def distance(y: int) -> int:
        return abs((when(y) - here).days)  # type: ignore[operator]

    nearest = min(years, key=distance)
    return anchor.year if anchor.year in years and distance(anchor.year) <= 275 else nearest


def _weekday(target: int, anchor: dt.date, direction: Direction, rel: str) -> dt.date:
    """A weekday: 'last' strictly before, 'next' strictly after, else by the clause's direction;
    with no direction the latest such day on or before the anchor (news reports what happened)."""
    back, ahead = (anchor.weekday() - target) % 7, (target - anchor.weekday()) % 7
    if rel == "last":
        return anchor - dt.timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return anchor + dt.timedelta(days=ahead or 7)
    if direction == "future":
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    return dt.date(year, month, (h + el - 7 * m + 114) % 31 + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month (n = -1: the last)."""
    if n < 0:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


HOLIDAY_RULES: dict[str, Callable[[int], dt.date]] = {
    "easter": _easter,
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "memorial": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor": lambda y: _nth_weekday(y, 9, 0, 1),
}


# --- the parse: names, quantities and tense -----------------------------------------------------


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if not t.is_punct] if span is not None else []


def _previous_word(text: str, start: int) -> str:
    words = text[max(0, start - 30):start].split()
    return words[-1].lower() if words else ""


def _in_name(doc: Doc, start: int, end: int) -> bool:
    """Part of a name spaCy recognised ("Fox News Sunday", "Theresa May")."""
    return any(t.ent_type_ in lexicon()["not_date_entities"] for t in _tokens(doc, start, end))


def _tense(verb: Token, depth: int = 0) -> Tense:
    """past / future / present / None (unknown) for the clause a verb heads."""
    lex = lexicon()
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "'ll", "shall", "wo"} or verb.lemma_ in lex["future_lemmas"]:
        return "future"
    if "going" in auxes or (verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.head.children)):
        return "future"
    if "to" in auxes and depth < 3 and verb.head is not verb:
        # an infinitive looks ahead of a present or future verb ("plans to vote Tuesday"); under a past
        # one it may lie on either side of the anchor ("invited him to meet", "threatened to leave")
        return None if _tense(verb.head, depth + 1) == "past" else "future"
    if auxes & {"would", "could", "might", "should", "may", "must", "can"}:
        return None
    if verb.tag_ == "VBD" or auxes & {"was", "were", "had", "did", "has", "have", "'s", "'ve"}:
        return "past"
    if verb.tag_ == "VBN":
        return "past"  # a reduced relative: "the report released Wednesday"
    if verb.tag_ == "VBG" and not auxes and depth < 3 and verb.dep_ in ("pcomp", "advcl", "xcomp", "conj"):
        # a bare gerund under a past or future clause lies on its side ("pleaded guilty to threatening ...",
        # "will air beginning Friday"); under a present one it may be the present's own act ("is taking a
        # testier tone, with X taking on ...")
        head = next((t for t in verb.ancestors if t.pos_ in ("VERB", "AUX")), None)
        tense = None if head is None else _tense(head, depth + 1)
        return tense if tense in ("past", "future") else None
    if verb.tag_ in ("VBZ", "VBP") or auxes & {"is", "are", "am", "'re"}:
        stative = verb.lemma_ in lex["reporting_lemmas"] or verb.lemma_ in ("be", "have")
        return None if stative else "present"
    return None


def _looks_ahead(tok: Token) -> bool:
    future = lexicon()["future_lemmas"]
    return tok.lemma_.lower() in future or any(c.lemma_.lower() in future for c in tok.children if c.dep_ == "amod")


def direction(doc: Doc, start: int, end: int, through_nouns: bool = False) -> Tense:
    """Whether the clause a date sits in looks back or ahead. A date attached to a verb (directly or
    through a preposition) takes that verb's tense, and "since" looks back. A date that describes a
    noun ("the June 7 primary") happens when that noun does: it takes the verb's tense only when the
    verb looks ahead or `through_nouns` (a weekday: "took shots at a Tuesday town hall"), never from
    a verb whose subject it describes ("his address Sunday will be a topic"); forward-looking words
    around the noun count too ("the upcoming July convention", "ahead of Tuesday's vote")."""
    tokens = _tokens(doc, start, end)
    if not tokens:
        return None
    if doc_text(doc)[max(0, start - 6):start].lower().strip() == "since":
        return "past"
    tok = min(tokens, key=lambda t: len(list(t.ancestors)))  # the expression's own head
    noun: Token | None = None
    for _ in range(6):
        if tok.head is tok:
            return None
        child, tok = tok, tok.head
        if _looks_ahead(tok):
            return "future"
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
            tense = _tense(tok)
            if noun is None:
                return tense
            if child.dep_ in ("nsubj", "nsubjpass"):
                return None  # "Monday's decision will shape the race": the decision's time is not the verb's
            return tense if tense == "future" or through_nouns else None
        if tok.pos_ in ("NOUN", "PROPN"):
            noun = tok
        elif tok.pos_ not in ("ADP", "ADV", "ADJ"):
            return None
    return None


# --- what each pattern means --------------------------------------------------------------------


@dataclass
class Reader:
    """Reads the matches of one article: anchor, parse and the article-wide numeric date order."""

    doc: Doc
    text: str
    anchor: dt.date | None
    day_first: bool

    def found(self, family: str, m: re.Match[str]) -> Found | None:
        """What one pattern match means here (None: not a date, or no anchor to resolve it)."""
        handler = getattr(self, "_" + family.replace("-", "_"))
        return handler(m, *m.span())

    def _direction(self, start: int, end: int, present_ahead: bool = False,
                   through_nouns: bool = False) -> Direction:
        """The clause's direction. For weekdays (`present_ahead`) a present tense looks ahead ("the
        Senate votes Tuesday"); a month in a present-tense clause is as often the current or a past
        one. Weekdays, seasons and holidays take the tense through the noun they describe."""
        tense = direction(self.doc, start, end, through_nouns=present_ahead or through_nouns)
        if tense == "present":
            return "future" if present_ahead else None
        if tense is None and _previous_word(self.text, start) in lexicon()["deadline_cues"]:
            return "future"  # a deadline with no tense to say it has passed ("must file by March 1")
        return tense

    def _month_number(self, name: str) -> int:
        return lexicon()["months"][name.rstrip(".").lower()]

    def _numeric(self, m: re.Match[str], start: int, end: int) -> Found | None:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        month, day = (b, a) if self.day_first else (a, b)
        if y < 100:
            y += 2000 if self.anchor is None or y <= self.anchor.year % 100 + 10 else 1900
        return self._calendar_day(start, end, y, month, day, "numeric", None, "day/month/year as written")

    def _iso(self, m: re.Match[str], start: int, end: int) -> Found | None:
        return self._calendar_day(start, end, int(m["year"]), int(m["m"]), int(m["day"]), "iso", None, "YYYY-MM-DD")

    def _calendar_day(self, start: int, end: int, y: int, month: int, day: int, family: str, d: Direction,
                      how: str) -> Found | None:
        try:
            return Found(start, end, dt.date(y, month, day), "day", family, d, how)
        except ValueError:
            return None

    def _month_day(self, m: re.Match[str], start: int, end: int) -> Found | None:
        month, day = self._month_number(m["mon"]), int(m["day"])
        if m["year"]:
            return self._calendar_day(start, end, int(m["year"]), month, day, "month-day-year", None, "as written")
        if self.anchor is None or (m["mon"].rstrip(".").lower() == "may" and _previous_word(self.text, start) in
                                   {"you", "we", "they", "i", "he", "she", "it", "who"}):
            return None
        d = self._direction(start, end)
        y = _nearest_year(month, day, self.anchor, d)
        return self._calendar_day(start, end, y, month, day, "month-day", d,
                                  "the nearest such day in the clause's direction")

    def _day_month(self, m: re.Match[str], start: int, end: int) -> Found | None:
        return self._month_day(m, start, end)

    def _month_year(self, m: re.Match[str], start: int, end: int) -> Found | None:
        return Found(start, end, dt.date(int(m["year"]), self._month_number(m["mon"]), 1), "month", "month-year", None,
                     "month and year as written")

    def _month_of_year(self, m: re.Match[str], start: int, end: int) -> Found | None:
        if self.anchor is None:
            return None
        y = self.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"]]
        return Found(start, end, dt.date(y, self._month_number(m["mon"]), 1), "month", "month-of-year", None,
                     f"month of {m['rel']} year")

    def _bare_month(self, m: re.Match[str], start: int, end: int) -> Found | None:
        lex = lexicon()
        name = m["mon"].rstrip(".").lower()
        if self.anchor is None or (name in lex["abbreviations"] and not m["mon"].endswith(".")):
            return None
        before = _previous_word(self.text, start)
        cued = bool(m["mod"] or m["rel"]) or before in lex["month_cues"] or self.text[end:end + 2] == "'s"
        if name in ("may", "march") and (not cued or before in {"the", "that", "and", "or"}):
            return None  # the verb, the name, the protest march
        if not cued and not any(t.ent_type_ == "DATE" for t in _tokens(self.doc, start, end)):
            return None
        if _in_name(self.doc, start, end):
            return None
        month = self._month_number(m["mon"])
        rel = (m["rel"] or "").lower()
        if rel == "last":
            y = self.anchor.year if month < self.anchor.month else self.anchor.year - 1
            return Found(start, end, dt.date(y, month, 1), "month", "month-last", "past",
                         "the latest such month before")
        if rel in ("next", "coming", "this coming"):
            y = self.anchor.year if month > self.anchor.month else self.anchor.year + 1
            return Found(start, end, dt.date(y, month, 1), "month", "month-next", "future", "the next such month")
        if rel == "this":
            return Found(start, end, dt.date(self.anchor.year, month, 1), "month", "month-this", None,
                         "that month of the anchor's year")
        d = self._direction(start, end)
        y = _nearest_year(month, None, self.anchor, d)
        return Found(start, end, dt.date(y, month, 1), "month", "month", d, "the nearest such month in the direction")

    def _weekday(self, m: re.Match[str], start: int, end: int) -> Found | None:
        if self.anchor is None:
            return None
        rel = (m["rel"] or "").lower()
        before = _previous_word(self.text, m.start())
        if before in {"every", "each", "any"} or (rel != "super" and _in_name(self.doc, start, end)):
            return None  # habitual ("a Sunday talk show") or a name
        d = self._direction(start, end, present_ahead=True) if rel not in ("last", "next", "coming") else None
        target = lexicon()["weekdays"][m["wd"].lower()]
        value = _weekday(target, self.anchor, d, rel)
        family = "weekday-rel" if rel in ("last", "next", "coming") else "weekday"
        return Found(start, end, value, "day", family, d, "on or before the anchor unless the clause looks ahead")

    def _today(self, m: re.Match[str], start: int, end: int) -> Found | None:
        if self.anchor is None or _in_name(self.doc, start, end) or self._titled(start, end):
            return None  # "USA TODAY", "NBC's Today show"
        word = (m["w"] or "").lower()
        if word == "today" and self._nowadays(start, end):
            return None
        shift = -1 if word == "yesterday" or m["night"] else 1 if word == "tomorrow" else 0
        # the clause's tense does not move the day, but tells how sure it is ("said today" is a day;
        # "is today" often the present age or a quoted speaker's own day)
        return Found(start, end, self.anchor + dt.timedelta(days=shift), "day", "today", self._direction(start, end),
                     f"anchor {shift:+d} day")

    def _titled(self, start: int, end: int) -> bool:
        """"Today", "Tonight" written as a title inside a sentence, or in capitals, name a show or paper."""
        word = self.text[start:end]
        tokens = _tokens(self.doc, start, end)
        opening = tokens and (tokens[0].is_sent_start or tokens[0].nbor(-1).is_punct)
        return word.isupper() or (word[:1].isupper() and not opening)

    def _nowadays(self, start: int, end: int) -> bool:
        """"today" for the present age, not a day (the guide skips "now"): after a noun ("Libya today",
        "people today") or in a simple present clause ("the machine today is merely a computer")."""
        tokens = _tokens(self.doc, start, end)
        if not tokens:
            return False
        tok = tokens[0]
        if tok.dep_ in ("npadvmod", "advmod", "appos") and tok.head.pos_ in ("NOUN", "PROPN"):
            return True
        verb = next((t for t in tok.ancestors if t.pos_ in ("VERB", "AUX")), None)
        return verb is not None and verb.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children)

    def _relative_unit(self, m: re.Match[str], start: int, end: int) -> Found | None:
        if self.anchor is None:
            return None
        rel, unit = m["rel"].lower(), m["unit"].lower()
        if rel == "last" and _previous_word(self.text, m.start()) in {"the", "over", "for", "past"}:
            return None  # "in the last year": a duration
        if rel in ("the previous", "the following", "the same"):
            if unit != "year":
                return None
            base = self._last_year_before(start)
            if base is None:
                return None
            y = base + {"the previous": -1, "the following": 1, "the same": 0}[rel]
            return Found(start, end, dt.date(y, 1, 1), "year", "year-after-year", None, f"{rel} year after {base}")
        offset = {"this": 0, "last": -1, "next": 1}[rel]
        if unit == "year":
            return Found(start, end, dt.date(self.anchor.year + offset, 1, 1), "year", "relative-year", None,
                         f"anchor year {offset:+d}")
        index = self.anchor.year * 12 + self.anchor.month - 1 + offset
        return Found(start, end, dt.date(index // 12, index % 12 + 1, 1), "month", "relative-month", None,
                     f"anchor month {offset:+d}")

    def _last_year_before(self, start: int) -> int | None:
        years = [int(y.group("year")) for y in pattern("year").finditer(self.text[:start])]
        return years[-1] if years else None

    def _ago(self, m: re.Match[str], start: int, end: int) -> Found | None:
        if self.anchor is None:
            return None
        if set(self.text[max(0, start - 15):start].lower().split()) & set(lexicon()["imprecise"]):
            return None  # "more than 30 years ago" gives no calendar value
        word = m["n"].lower()
        n = int(word) if word.isdigit() else sum(lexicon()["numbers"][part] for part in word.split("-"))
        unit = m["unit"].lower()
        if unit in ("year", "decade"):
            years = n * (10 if unit == "decade" else 1)
            return Found(start, end, dt.date(self.anchor.year - years, 1, 1), "year", "ago", None,
                         f"anchor year -{years}")
        if unit == "month":
            index = self.anchor.year * 12 + self.anchor.month - 1 - n
            return Found(start, end, dt.date(index // 12, index % 12 + 1, 1), "month", "ago", None,
                         f"anchor month -{n}")
        days = n * (7 if unit == "week" else 1)
        return Found(start, end, self.anchor - dt.timedelta(days=days), "day", "ago", None, f"anchor -{days} days")

    def _year(self, m: re.Match[str], start: int, end: int) -> Found | None:
        after = self.text[end:end + 12].split()
        if after and after[0].lower().strip(".,;") in lexicon()["not_year_units"]:
            return None  # a quantity: "2000 percent", "1900 hours"
        return Found(start, end, dt.date(int(m["year"]), 1, 1), "year", "year", None, "calendar year")

    def _season(self, m: re.Match[str], start: int, end: int) -> Found | None:
        season = m["season"].lower()
        follows = self.text[m.end():m.end() + 6].lower()
        if not m["year"] and (not m["det"] or follows.startswith((" of ", " in ", " from ", " to "))):
            return None  # "the fall of Rome", "a fall in prices", "spring" as a verb or noun
        if m["year"]:
            return Found(start, end, dt.date(int(m["year"]), 1, 1), "year", "season", None,
                         "season of the year written")
        if self.anchor is None:
            return None
        first, last = lexicon()["seasons"][season]
        det = m["det"].lower()
        a = self.anchor
        if det == "last" or det == "past":
            y = a.year if last < a.month else a.year - 1
        elif det == "next":
            y = a.year if first > a.month else a.year + 1
        else:
            d = None if det == "this" else self._direction(start, end, through_nouns=True)
            y = _nearest_year(first, None, a, d)
        return Found(start, end, dt.date(y, 1, 1), "year", "season", None, "the year of the nearest such season")

    def _holiday(self, m: re.Match[str], start: int, end: int) -> Found | None:
        hol = lexicon()["holidays"]
        name = m["name"]
        fixed = hol["fixed"].get(name)
        if fixed and len(fixed) == 10:
            return Found(start, end, dt.date.fromisoformat(fixed), "day", "holiday", None, "a named day in history")
        if self.anchor is None:
            return None
        d = self._direction(start, end)

        def on(y: int) -> dt.date:
            return dt.date(y, *map(int, fixed.split("-"))) if fixed else HOLIDAY_RULES[hol["computed"][name]](y)

        days = [on(y) for y in (self.anchor.year - 1, self.anchor.year, self.anchor.year + 1)]
        if d == "past":
            value = max(x for x in days if x <= self.anchor)
        elif d == "future":
            value = min(x for x in days if x >= self.anchor)
        else:
            value = min(days, key=lambda x: abs((x - self.anchor).days))
        return Found(start, end, value, "day", "holiday", d, "the nearest such day in the clause's direction")


def _matches(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every pattern match, longest first where they overlap (ties: the earlier pattern)."""
    order = {name: i for i, (name, _) in enumerate(patterns())}
    hits = [(name, m) for name, rx in patterns() for m in rx.finditer(text)]
    hits.sort(key=lambda h: (-(h[1].end() - h[1].start()), order[h[0]], h[1].start()))
    taken: list[tuple[int, int]] = []
    out = []
    for name, m in hits:
        if all(m.end() <= s or m.start() >= e for s, e in taken):
            taken.append(m.span())
            out.append((name, m))
    return sorted(out, key=lambda h: h[1].start())


def _day_first(text: str) -> bool:
    """Numeric dates are day/month/year in an article where any of them has a first part over 12."""
    return any(int(m["a"]) > 12 for m in pattern("numeric").finditer(text))


def find_dates(doc: Doc, anchor: dt.date | None) -> list[Found]:
    """The article's dates, in text order."""
    text = doc_text(doc)
    reader = Reader(doc, text, anchor, _day_first(text))
    out = []
    for name, m in _matches(text):
        found = reader.found(name, m)
        if found is not None:
            out.append(found)
    return _weekdays_in_apposition(out, text)


def _weekdays_in_apposition(found: list[Found], text: str) -> list[Found]:
    """"Friday, March 30, 2018": a weekday written right before its calendar day takes that day."""
    out = list(found)
    for i, (f, g) in enumerate(itertools.pairwise(found)):
        apposed = text[f.end:g.start] in (", ", " ", " the ") and g.granularity == "day"
        same_day = g.value.weekday() == f.value.weekday()  # "Saturday, May 18": the weekday that day was
        if f.family == "weekday" and apposed and same_day:
            out[i] = Found(f.start, f.end, g.value, "day", "weekday-apposed", None, "the calendar day written after it")
    return out


def confidence(found: Found) -> float:
    table = confidences()
    return table.get(found.key, table.get(found.family, table["default"]))


@register_stage("dates", fills=("dates", "durations", "ages"))
def extract_dates(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    anchor = records.article.published or context.reference_date
    text = doc_text(doc)
    out = []
    for n, f in enumerate(find_dates(doc, anchor), start=1):
        out.append(DateMention(
            id=child_id(records.article.id, "d", n), article_id=records.article.id, start=f.start, end=f.end,
            text=text[f.start:f.end], value=f.value, value_end=None, granularity=f.granularity,
            rule=f"{f.key}: {f.how}", confidence=confidence(f)))
    durations, ages = find_durations_and_ages(text, records)
    return {"dates": out, "durations": durations, "ages": ages}
