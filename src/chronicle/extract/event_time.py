"""When an event happened: the date the event's own clause and the story around it give it.

Owns the choice of an event's date among the article's date records (`records.dates`) and the
labelled fallback to the publication date. Events call `event_date` once per event.

Order, as a reader would date an act:
1. a date in the event's own sentence: in a noun trigger's own phrase, else one whose clause governs
   the trigger ("On Thursday, Ryan said he would support ..."), not one inside another clause
   ("Blackwell, who founded the institute in 1979, endorsed ..."), nor, for an act told in the past, one after
   the report that a clause holding it puts ahead ("must support her in November to defeat Trump, whom he
   blasted"); a phrase for a week just past ("last week", "this week": no date, the guide skips them) dates
   it to that week's month, or its year when the week runs across two months; "the following day", "that
   month" count from the latest date named before them; a yearless date the dates stage put after the report,
   for an act told in the past (itself or through the clause an infinitive hangs from: "appeared to dismiss"),
   is the one a period earlier ("a judge in October sentenced him", read in January);
2. else the date another sentence gives the act by naming it and placing it in time ("Protesters
   marched through the capital. ... Police said the march began on Nov. 2"), or to the occasion the
   act's clause sets it at ("Monday's debate ... At the debate, Cruz attacked Trump": Monday);
3. else, for an act not told in the present, the date of an older episode the text just before it narrates:
   the last date of the latest sentence of its paragraph so far (or the sentence just before) that names
   one, when that sentence names no news day ("Cuba released Gross in December 2014. The administration
   insisted ...": December 2014); a bare year that sentence gives a party as an aside ("Moss, who first ran in
   1988, ...", "Moss, the mayor since 1988, ...") is not the episode's;
4. else the story's current date, from the day-level dates of earlier sentences within a few days before
   the anchor (news runs on from the day its lead names: "The debate on Thursday ... Cruz accused ...";
   an older day is background, not the story's day): the latest of the paragraph so far or of the
   sentence just before, else the lead's (the first such day of the article); a lead before any such
   day takes the first one the story names after it ("Blackwell has endorsed Cruz. ... in an email
   sent out Friday"), in a sentence naming the act's subject when one does;
5. else the publication date, labelled `origin="publication"`: the day of the report, not a day the
   text gave (views show it as such).
An act the text says will happen ("Rowe will sue the council") never takes the story's past day;
without a date of its own sentence it falls back to the (labelled) publication day.
Dates under DATES_MIN_CONFIDENCE are not used, except a day word the narration tells outside a quote
("Trump attacked Carson last night"). The granularity travels with the date: an event in
"last year" is dated to the year, never to 1 January.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from chronicle.confidence import DATES_MIN_CONFIDENCE
from chronicle.extract.dates import lexicon
from chronicle.nlp.text import doc_text, span_text
from chronicle.records import ArticleRecords, DateMention, iso_as_given

Granularity = Literal["day", "month", "year", "range"]


@dataclass(frozen=True)
class EventTime:
    date: dt.date | None
    granularity: Granularity | None
    origin: Literal["expression", "publication", "unknown"]


# How far back the story's current day may lie: a day named earlier carries on to later sentences
# only when it is news (within these days of the anchor), not background ("the March 4 poisoning").
NEWS_WINDOW = dt.timedelta(days=3)
NOT_CLAUSE_HEADS = ("amod", "nsubj", "nsubjpass", "dobj", "pobj", "compound", "poss")
# Clauses that carry their own time: reported content and relative clauses.
OWN_TIME = ("ccomp", "relcl", "parataxis")
# The parties of an act, and the links that keep a noun inside one's phrase ("the parents of two men").
PARTIES = ("nsubj", "nsubjpass", "dobj")
NOUN_PHRASE_LINKS = ("pobj", "prep", "compound", "appos", "conj", "amod", "nmod", "poss")
# How a year stands before the noun it dates ("the 2012 attacks", "2016 GOP frontrunner").
PREMODIFIERS = ("nummod", "compound", "amod", "nmod", "npadvmod")
# Words that place a clause an amount of time from its governing one: "six years after she sued".
OFFSET_WORDS = {"after": -1, "before": 1}
# Granularities from the finest.
GRAINS: tuple[Granularity, ...] = ("day", "month", "year")
# Words that place a clause an amount of time from the story's day: "A day earlier, ...".
SHIFT_WORDS = {"earlier": -1, "later": 1}
# The shortest stem that ties a noun to the act it names ("meet" and "meeting"), and the words that make
# such a noun point back to an act already told ("the march", "this attack", "their protest").
MIN_STEM = 4
DEFINITE = ("the", "this", "that", "its", "their", "his", "her")
# The floor for a day word under DATES_MIN_CONFIDENCE that the narration tells ("yesterday", "last night"):
# the dates stage keeps them out of its default output (the guide resolves quoted ones against the day the
# words were said), but outside a quote they count from the report's day and date the story's acts.
NARRATED_DAY_MIN = 0.3
# Auxiliaries that put a clause ahead of the story ("will sue", "'ll meet").
FUTURE_AUX = ("will", "'ll", "shall", "wo")
# Date forms written without their year or week, which the dates stage places by the tense of the clause that
# governs them (`rule` family -> how far back the same form lies in the period before): "in October", "Dec. 4",
# "Thursday". A clause that does not govern the act may send them ahead of the report while the act is past.
UNPLACED = {"weekday": "week", "month": "year", "month-day": "year"}
# Non-finite clauses that take their tense from the clause they hang from ("appeared to dismiss", "killing").
TENSELESS_LINKS = ("xcomp", "advcl", "conj")


def _clause_verb(token: Token) -> Token:
    """The verb heading the clause a token sits in (the token itself when it is one)."""
    for tok in [token, *token.ancestors]:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in NOT_CLAUSE_HEADS:
            return tok
    return token.sent.root


def _describes(date: Token, trigger: Token) -> bool:
    """A date inside a noun trigger's own phrase ("a verdict handed down in November 2017",
    "speeches she made in 2014") dates that noun."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    path = [date, *date.ancestors]
    return trigger in path and not any(t.dep_ == "ccomp" for t in path[:path.index(trigger)])


def _describes_party(clause: Token) -> bool:
    """A reduced relative on a party of the act, or on a noun inside one, has its own time ("The vote,
    scheduled for Tuesday, was postponed"; "the parents of two men killed in 2012 have sued"); one on the
    act's circumstance does not ("in a statement released Wednesday"), nor a participle on the subject of a
    simple present ("An ad released Thursday accuses Trump": a text speaks from when it came out)."""
    if clause.dep_ != "acl":
        return False
    for tok in [clause.head, *clause.head.ancestors]:
        if tok.dep_ in PARTIES:
            # a text that speaks in the present speaks from when it came out ("An ad released Thursday
            # accuses Trump of ...")
            return not (tok == clause.head and tok.dep_ == "nsubj" and tok.head.tag_ in ("VBZ", "VBP")
                        and clause.tag_ == "VBN")
        if tok.dep_ not in NOUN_PHRASE_LINKS:
            return False
    return False


def _places_in_time(noun: Token) -> bool:
    """The noun is the object of a preposition of time, itself or through the phrase it completes ("during
    the 2012 campaign", "in the run-up to the 2014 elections")."""
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        if noun.head.lower_ in lexicon()["time_prepositions"]:
            return True
        noun = noun.head.head
    return False


def _names_other(date: Token, trigger: Token) -> bool:
    """A year written before a noun names that noun's time, not the act's ("the 2012 nominee",
    "supporting the 1994 crime bill"), unless the noun is the act or holds it ("the 2011 decision to
    intervene", "the 2012 crisis in which the compound was attacked") or places it in time ("during the
    2012 campaign")."""
    if date.i > date.head.i or date.dep_ not in PREMODIFIERS or date.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = date.head
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun not in (trigger, *trigger.ancestors) and not _places_in_time(noun)


DATE_SPANS_KEY = "chronicle.events.date_spans"


def _date_span(date: DateMention, doc: Doc) -> Span | None:
    """The tokens a date mention covers (widened to whole tokens); None if its offsets fall outside them.
    Kept per document by offsets (`doc.user_data`; a span depends on nothing else): every event's date is
    chosen by reading the spans of the same dates again."""
    spans = doc.user_data.setdefault(DATE_SPANS_KEY, {})
    key = (date.start, date.end)
    if key not in spans:
        spans[key] = doc.char_span(date.start, date.end, alignment_mode="expand")
    return spans[key]


DATE_READINGS_KEY = "chronicle.events.date_readings"


def _date_reading(date: DateMention, doc: Doc, reading: Callable[[Span | None], bool]) -> bool:
    """What `reading` says of a date's span, kept per document by reading and offsets like the span itself
    (`_date_span`): the story-day search asks it of every earlier date for each event."""
    readings = doc.user_data.setdefault(DATE_READINGS_KEY, {})
    key = (reading.__name__, date.start, date.end)
    if key not in readings:
        readings[key] = reading(_date_span(date, doc))
    return readings[key]


def _rank(date: DateMention, sent: Span, trigger: Token) -> int | None:
    span = _date_span(date, sent.doc)
    if span is None or (date.granularity == "year" and _names_other(span.root, trigger)):
        return None
    return _rank_at(span.root, trigger)


def _rank_at(date: Token, trigger: Token) -> int | None:
    """How closely a date of the sentence dates the trigger: 0 in a noun trigger's own phrase, 1 in
    its clause, 2 in a clause that contains it ("On Thursday, Ryan said he would support ..."), 3 in
    an adverbial or infinitive clause under it ("hailed the vote, telling reporters on Friday ..."), 4 in
    an adverbial clause of a report that holds it ("While speaking on Monday, she said ...": `_frames_report`)
    or in such a clause under the clause it is coordinated with or hangs from without a time of its own ("When
    the junta began reforms in 2010, Kyi was released and prisoners were freed"); None in a clause with its own
    time ("Blackwell, who founded the institute in 1979, endorsed ...")."""
    if _describes(date, trigger):
        return 0
    verb, own = _clause_verb(date), _clause_verb(trigger)
    if verb == own:
        return 1
    if verb in own.ancestors:
        return 2
    if _under(verb, own):
        return 3
    if _frames_report(verb, own):
        return 4
    partner = _partner(own)
    # only an adverbial clause that places the partner ("When the junta began reforms in 2010"), not its own
    # dates (a coordinated clause has its own time), an infinitive's (ahead of it) or a noun's ("last year's deal")
    if partner is None or verb == partner or date.dep_ == "poss" or not _under(verb, partner):
        return None
    path = [verb, *verb.ancestors]
    return None if any(_infinitive(t) for t in path[:path.index(partner)]) else 4


def _infinitive(verb: Token) -> bool:
    """An infinitive or open clause, which lies ahead of the clause it hangs from ("urged them to vote")."""
    return verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _frames_report(verb: Token, own: Token) -> bool:
    """The date's clause is an adverbial one of a clause that holds the act's (through reported content: "While
    she was speaking to reporters on Monday, Rowe said, 'The council has betrayed us'"; "In a statement released
    Monday, the union said the minister had insulted nurses"): the circumstance of the report sets when its
    content was said. Not a clause coordinated with it ("..., but it was shelved in February"), an infinitive
    (ahead of it) or one a modal puts ahead or in doubt ("If the mayor would meet them on May 4, she wrote ...")."""
    holder = next((h for h in own.ancestors if h.pos_ in ("VERB", "AUX") and h != verb and _under(verb, h)), None)
    if holder is None or _modal_verb(verb):
        return False
    path = [verb, *verb.ancestors]
    return not any(t.dep_ == "conj" or _infinitive(t) for t in path[:path.index(holder)])


def _under(verb: Token, own: Token) -> bool:
    """The clause of `verb` is an adverbial or infinitive one under `own`, with no time of its own on the way."""
    path = [verb, *verb.ancestors]
    return own in path and not any(t.dep_ in OWN_TIME or _describes_party(t) for t in path[:path.index(own)])


def _partner(verb: Token) -> Token | None:
    """The clause a clause shares its time with: the one it is coordinated with ("was released and prisoners
    were freed"), or the one a participle or infinitive without a subject hangs from ("rammed into the crowd,
    killing 80")."""
    if verb.dep_ == "conj":
        return _clause_verb(verb.head)
    bare = not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children)
    if verb.dep_ in ("advcl", "xcomp") and bare and verb.tag_ in ("VBG", "VBN", "VB"):
        return _clause_verb(verb.head)
    return None


def _period(first: dt.date, last: dt.date) -> EventTime | None:
    """The finest calendar period holding both days: their month, else their year."""
    if (first.year, first.month) == (last.year, last.month):
        return EventTime(first.replace(day=1), "month", "expression")
    if first.year == last.year:
        return EventTime(first.replace(month=1, day=1), "year", "expression")
    return None


def _week(phrase: str, anchor: dt.date) -> EventTime | None:
    """The period a phrase of `past_weeks` ("last week", "this week") covers before the anchor."""
    days = lexicon()["past_weeks"][phrase]
    if days == "week":
        return _period(anchor - dt.timedelta(days=anchor.weekday()), anchor)
    if days == "weekend":
        sunday = anchor - dt.timedelta(days=anchor.weekday() + 1)
        return _period(sunday - dt.timedelta(days=1), sunday)
    return _period(anchor + dt.timedelta(days=days[0]), anchor + dt.timedelta(days=days[1]))


@functools.cache
def _weeks_pattern() -> re.Pattern[str]:
    phrases = sorted(lexicon()["past_weeks"], key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


def _weeks(sent: Span, trigger: Token, anchor: dt.date | None) -> list[tuple[int, int, EventTime]]:
    """(rank, distance, period) of each week phrase of the sentence that dates the trigger's clause
    ("Fallin signed the bill last week": the month of last week, never a day the text did not give)."""
    if anchor is None:
        return []
    found = []
    for m in _weeks_pattern().finditer(span_text(sent)):
        span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        rank = None if span is None else _rank_at(span.root, trigger)
        when = _week(m.group(1).lower(), anchor)
        if rank is not None and when is not None:
            found.append((rank, abs(span.start_char - trigger.idx), when))  # type: ignore[union-attr]
    return found


@functools.cache
def _anaphor_pattern() -> re.Pattern[str]:
    phrases = sorted([*lexicon()["anaphoric_periods"], *lexicon()["relative_days"]], key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


def _pointed(phrase: str, last: DateMention) -> EventTime:
    """The period a phrase of `anaphoric_periods` or `relative_days` points to from the latest earlier date: cut
    to the phrase's granularity or the date's, whichever is coarser ("in May ... later that month": May), or
    moved by the phrase's days from a day ("On March 2 ... the following day": March 3)."""
    days = lexicon()["relative_days"].get(phrase)
    grain = max("day" if days is not None else lexicon()["anaphoric_periods"][phrase], last.granularity,
                key=GRAINS.index)
    when = {"day": last.value + dt.timedelta(days=days or 0), "month": last.value.replace(day=1),
            "year": last.value.replace(month=1, day=1)}
    return EventTime(when[grain], grain, "expression")  # type: ignore[arg-type]


def _names_own_point(span: Span) -> bool:
    """ "the day before" or "the day after" followed by what it counts from ("the day before the vote", "the
    day after a man shot ..."), not standing alone ("the day before, at a rally"; "endorsed the day before by
    ...")."""
    if span[-1].lower_ not in ("before", "after") or span.end >= span.sent.end:
        return False
    following = span.doc[span.end]
    return not following.is_punct and following.pos_ not in ("ADP", "ADV", "CCONJ", "SCONJ", "PART")


def _anaphors(dates: list[DateMention], sent: Span, trigger: Token) -> list[tuple[int, int, EventTime]]:
    """(rank, distance, period) of each phrase of the sentence that points back to a period or a day the story
    named before ("Sanders campaigned there in May. Clinton campaigned later that month": May; "the next
    morning"), from the latest earlier date; not "the day before the vote" or "the day after a man shot ...",
    which name their own point."""
    found = []
    for m in _anaphor_pattern().finditer(span_text(sent)):
        start = sent.start_char + m.start()
        span = sent.doc.char_span(start, sent.start_char + m.end(), alignment_mode="expand")
        rank = None if span is None else _rank_at(span.root, trigger)
        before = [d for d in dates if d.end <= start]
        if rank is None or not before or _names_own_point(span):  # type: ignore[arg-type]
            continue
        last = max(before, key=lambda d: d.start)
        found.append((rank, abs(start - trigger.idx), _pointed(m.group(1).lower(), last)))
    return found


def _ahead(trigger: Token) -> bool:
    """The trigger's clause says the act will happen ("will sue", "'ll meet")."""
    verb = _clause_verb(trigger)
    return any(c.lower_ in FUTURE_AUX for c in verb.children if c.dep_ in ("aux", "auxpass"))


def _narrated_day(d: DateMention, doc: Doc) -> bool:
    """A day word below the dates threshold ("yesterday", "last night") told by the narration, not inside a
    direct quote (where it counts from the day the words were said, not the report's)."""
    if d.value is None or d.granularity != "day" or d.confidence < NARRATED_DAY_MIN:
        return False
    span = _date_span(d, doc)
    if span is None:
        return False
    sent = span.sent
    before = span_text(sent)[: d.start - sent.start_char]
    return before.count('"') % 2 == 0 and before.count("\u201c") <= before.count("\u201d")


def _usable(d: DateMention) -> bool:
    return d.value is not None and d.granularity in ("day", "month", "year") and d.confidence >= DATES_MIN_CONFIDENCE


def _time(date: DateMention) -> EventTime:
    return EventTime(date.value, date.granularity, "expression")  # type: ignore[arg-type]


def _told_past(trigger: Token) -> bool:
    """The trigger's clause tells the act in a past tense or a perfect ("sentenced", "had urged", "has been
    charged"), itself or through the clause a non-finite one hangs from ("appeared to dismiss", "acquiesced,
    providing support")."""
    verb = _clause_verb(trigger)
    while True:
        # an infinitive's "to" is tagged an auxiliary but carries no tense ("appeared to dismiss")
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
        if _modal_verb(verb):
            return False
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or (a.lemma_ == "have" and verb.tag_ == "VBN") for a in auxes):
            return True
        if auxes or verb.tag_ in ("VBZ", "VBP") or verb.dep_ not in TENSELESS_LINKS or verb.head == verb:
            return False
        verb = verb.head


def _modal(date: DateMention, doc: Doc) -> bool:
    """The clause of a date is put ahead or in doubt by a modal or "will" ("must back her in November")."""
    return _date_reading(date, doc, _modal_clause)


def _modal_clause(span: Span | None) -> bool:
    return span is not None and _modal_verb(_clause_verb(span.root))


def _modal_verb(verb: Token) -> bool:
    """A modal or "will" on the clause's verb puts the clause ahead or in doubt ("must back her", "will sue")."""
    return any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.lower_ in FUTURE_AUX) for c in verb.children)


def _before(date: DateMention, anchor: dt.date) -> dt.date | None:
    """The same yearless form one period earlier, when it lies after the report ("a judge in October sentenced
    him", read in January: the October before); None when it does not or the form carries its own year."""
    period = UNPLACED.get((date.rule or "").split("/")[0])
    cut = {"day": 10, "month": 7}.get(date.granularity, 0)
    if period is None or not cut or date.value is None or date.value.isoformat()[:cut] <= anchor.isoformat()[:cut]:
        return None
    if period == "week":
        return date.value - dt.timedelta(days=7)
    return date.value.replace(year=date.value.year - 1, day=min(date.value.day, 28 if date.value.month == 2 else 31))


def _ahead_of_past_act(date: DateMention, rank: int, trigger: Token, anchor: dt.date | None) -> bool:
    """A date after the report does not date an act told in the past when the text puts it ahead: in a clause
    holding the act (rank 2) by a modal or "will" or as the dates stage read it ("the party must support her in
    November to defeat Trump, whom he blasted": the blasting is not November's; "will cover the 2012 crisis in
    which the compound was attacked" keeps 2012), or as an infinitive under the act (rank 3), which lies ahead of
    it ("had urged the agency to release the files by July 31", read in December: the deadline is the plan's)."""
    if anchor is None or rank not in (2, 3) or not _after(date, anchor) or not _told_past(trigger):
        return False
    return _told_ahead(date, trigger.doc) if rank == 2 else _in_infinitive_under(date, trigger)


def _in_infinitive_under(date: DateMention, trigger: Token) -> bool:
    """The date's clause is an infinitive under the trigger's clause, or lies inside one ("urged them to vote in
    November": "to vote")."""
    span = _date_span(date, trigger.doc)
    verb, own = _clause_verb(span.root), _clause_verb(trigger)  # type: ignore[union-attr]
    path = [verb, *verb.ancestors]
    return own in path and any(_infinitive(t) for t in path[:path.index(own)])


def _after(date: DateMention, anchor: dt.date) -> bool:
    """The date lies after the report's day, at its own granularity."""
    return iso_as_given(date.value, date.granularity) > iso_as_given(anchor, date.granularity)  # type: ignore[operator]


def _sentence_time(date: DateMention, rank: int, trigger: Token, anchor: dt.date | None) -> EventTime:
    """A date of the act's sentence as the act's. An act told in the past takes a yearless date the dates stage
    resolved with no direction of its own ("a judge in October sentenced him", read in January) in the period
    before the report, when the date stands in the act's clause, one holding it (rank 1, 2: their tense is the
    act's; one a modal or "will" puts ahead is not ranked for a past act, `_ahead_of_past_act`) or a noun act's
    phrase (rank 0); a clause under the act (rank 3: "urged them to vote in November") has its own time, and a
    date its clause reads ahead ("the Nov. 8 election") stays ahead."""
    ahead = _read_ahead(date)
    earlier = None if anchor is None or rank > 2 or ahead or not _told_past(trigger) else _before(date, anchor)
    return _time(date) if earlier is None else EventTime(earlier, date.granularity, "expression")  # type: ignore[arg-type]


def _offset_clause(trigger: Token) -> tuple[Token, Token, int] | None:
    """(the governing verb, the amount's noun, -1 after / +1 before) when the trigger's clause is placed
    by an amount of time from another: "six years after she sued the council" (mark), "Ten years after
    founding the club, ..." (preposition)."""
    if trigger.dep_ in ("pcomp", "pobj") and trigger.head.lower_ in OFFSET_WORDS:
        link, governor = trigger.head, trigger.head.head
    else:
        link = next((c for c in trigger.children if c.dep_ == "mark" and c.lower_ in OFFSET_WORDS), None)
        governor = trigger.head
    if link is None or governor == trigger:
        return None
    amount = next((c for c in [*link.children, *trigger.children] if c.dep_ == "npadvmod"), None)
    return (governor, amount, OFFSET_WORDS[link.lower_]) if amount is not None else None


def _shifted(records: ArticleRecords, sent: Span, trigger: Token, anchor: dt.date | None) -> EventTime | None:
    """The date of an act placed by an amount of time from its governing clause, at the amount's
    granularity ("Ten years after founding the club, Rossi is again seeking a buyer" in 2019: 2009)."""
    found = _offset_clause(trigger)
    if found is None and trigger.pos_ in ("NOUN", "PROPN"):
        found = _offset_clause(_clause_verb(trigger))  # "a day after he drew criticism": the noun's clause
    if found is None:
        return None
    governor, amount, sign = found
    duration = next((d for d in records.durations if d.start <= amount.idx < d.end), None)
    if duration is None or duration.amount != int(duration.amount):
        return None
    before = doc_text(sent.doc)[max(0, duration.start - 15):duration.start]
    if set(before.lower().split()) & set(lexicon()["imprecise"]):
        return None  # "more than 20 years after the ban": no calendar value
    base = event_date(records, sent, governor, anchor)
    if base.date is None:
        return None
    n = sign * int(duration.amount)
    if duration.unit in ("year", "decade", "century"):
        years = n * {"year": 1, "decade": 10, "century": 100}[duration.unit]
        return EventTime(dt.date(base.date.year + years, 1, 1), "year", "expression")
    if duration.unit == "month":
        if base.granularity == "year":
            return None  # "in 2018, two months after ...": either year
        index = base.date.year * 12 + base.date.month - 1 + n
        return EventTime(dt.date(index // 12, index % 12 + 1, 1), "month", "expression")
    # days count from a day this sentence names ("on Monday, two days after ..."); a story day carried
    # from earlier or the publication day is too loose a base for them
    named = {d.value for d in records.dates if d.granularity == "day" and sent.start_char <= d.start < sent.end_char}
    if base.granularity != "day" or base.date not in named:
        return None
    return EventTime(base.date + dt.timedelta(days=sign * duration.days), "day", "expression")


def _story_shift(records: ArticleRecords, trigger: Token) -> dt.timedelta:
    """How far the trigger's clause stands from the story's day by an amount of days before "earlier" or
    "later" ("A day earlier, six protesters were arrested"); nothing without one."""
    verb = _clause_verb(trigger)
    for word in (c for c in verb.children if c.dep_ == "advmod" and c.lower_ in SHIFT_WORDS):
        amount = next((c for c in word.children if c.dep_ == "npadvmod"), None)
        duration = None if amount is None else next(
            (d for d in records.durations if d.start <= amount.idx < d.end and d.unit == "day"), None)
        if duration is not None and duration.amount == int(duration.amount):
            return dt.timedelta(days=SHIFT_WORDS[word.lower_] * int(duration.amount))
    return dt.timedelta(0)


def _same_act_word(noun: Token, trigger: Token) -> bool:
    """A noun names the trigger's kind of act: one lemma, or one lemma the stem of the other ("march" and
    "marched", "meet" and "meeting", "threaten" and "threat")."""
    x, y = sorted((noun.lemma_.lower(), trigger.lemma_.lower()), key=len)
    # a lower-case word the tagger calls a proper noun is still a common one ("the march")
    common = noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and noun.is_lower)
    return common and trigger.pos_ in ("VERB", "NOUN") and len(x) >= MIN_STEM and y.startswith(x)


# Where each document's happening subjects are kept (token indices), like event_syntax's sentence table.
HAPPENING_SUBJECTS_KEY = "chronicle.event_time.happening_subjects"


def _happening_subjects(doc: Doc) -> list[int]:
    """The definite nouns that are the subject of a bare happening ("The march began on Nov. 2": "march"),
    by token index in text order; found once per document (kept in `doc.user_data`) because every
    event's look-up of a restating sentence reads them."""
    found = doc.user_data.get(HAPPENING_SUBJECTS_KEY)
    if found is None:
        happening = lexicon()["happening_lemmas"]
        found = [t.i for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ in happening
                 and any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in t.children)]
        doc.user_data[HAPPENING_SUBJECTS_KEY] = found
    return found


def _dated_sentences(dates: list[DateMention], doc: Doc) -> list[tuple[Span, list[DateMention]]]:
    """The sentences that hold dates, in text order, each with its dates (found through the token at each
    date's start rather than by scanning every sentence: this runs once per event)."""
    groups: dict[int, tuple[Span, list[DateMention]]] = {}
    for date in dates:
        span = _date_span(date, doc)
        if span is not None and len(span):
            sentence = span[0].sent
            groups.setdefault(sentence.start, (sentence, []))[1].append(date)
    return [groups[start] for start in sorted(groups)]


def _restated(dates: list[DateMention], sent: Span, trigger: Token) -> EventTime | None:
    """The date another sentence of the story gives the act by naming it and placing it in time
    ("Protesters marched through the capital. ... Police said the march began on Nov. 2"); the nearest
    such sentence wins."""
    doc = sent.doc
    subjects = [doc[i] for i in _happening_subjects(doc) if _same_act_word(doc[i], trigger)]
    found = []
    for other, in_other in _dated_sentences(dates, doc) if subjects else []:
        if other.start == sent.start:
            continue
        for verb in (tok.head for tok in subjects if other.start <= tok.i < other.end):
            ranked = [(rank, abs(d.start - verb.idx), d) for d in in_other
                      if (rank := _rank(d, other, verb)) is not None and rank <= 1]
            if ranked:
                found.append((abs(other.start - sent.start), min(ranked, key=lambda r: r[:2])[2]))
    return _time(min(found, key=lambda f: f[0])[1]) if found else None


# Prepositions that set an act at an occasion ("At the debate, Cruz attacked Trump", "during the rally").
SETTING_PREPOSITIONS = ("at", "during", "in", "after")


def _settings(trigger: Token) -> list[Token]:
    """The definite nouns the trigger's clause sets the act at ("At the debate, Cruz attacked Trump":
    "debate")."""
    verb = _clause_verb(trigger)
    found = []
    preps = [c for c in [*verb.children, *trigger.children] if c.dep_ == "prep" and c.lower_ in SETTING_PREPOSITIONS]
    for prep in preps:
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
            if any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in noun.children):
                found.append(noun)
    return found


def _set_at(dates: list[DateMention], sent: Span, trigger: Token) -> EventTime | None:
    """The date an earlier sentence gives the occasion the act is set at ("Monday's debate was heated.
    ... At the debate, Cruz attacked Trump": Monday); the nearest such mention wins."""
    lemmas = {noun.lemma_.lower() for noun in _settings(trigger)}
    if not lemmas:
        return None
    found = []
    for d in dates:
        if d.end > sent.start_char:
            continue
        span = _date_span(d, sent.doc)
        if span is None:
            continue
        for noun in (t for t in [span.root, *span.root.ancestors] if t.pos_ == "NOUN"):
            if noun.lemma_.lower() in lemmas and _describes(span.root, noun):
                found.append(d)
                break
    return _time(max(found, key=lambda d: d.start)) if found else None


def _names_subject(date: DateMention, doc: Doc, trigger: Token) -> bool:
    """The sentence of a date names a proper noun of the trigger's subject ("Kerr" of "Ann Kerr has ...")."""
    verb = _clause_verb(trigger)
    names = {t.text for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree if t.pos_ == "PROPN"}
    span = _date_span(date, doc)
    return span is not None and bool(names & {t.text for t in span.sent})


def _latest_day(dates: list[DateMention], doc: Doc) -> dt.date:
    """Of the latest sentence that names one of the days, its latest day ("continued campaigning Friday with
    Fiorina, whom he named Wednesday as his running mate": the story is at Friday)."""
    last = max(dates, key=lambda d: d.start)
    begins = _date_span(last, doc).sent.start_char
    return max((d for d in dates if d.start >= begins), key=lambda d: (d.value, d.start)).value


def _told_ahead(date: DateMention, doc: Doc) -> bool:
    """The dates stage read the date ahead, or its clause puts it ahead ("he would release it Friday")."""
    return _read_ahead(date) or _modal(date, doc)


def _read_ahead(date: DateMention) -> bool:
    """The dates stage resolved the date ahead of the report (its rule's direction is "future")."""
    return (date.rule or "").split(":")[0].endswith("/future")


def _near_start(sent: Span) -> int:
    """Where the text the sentence continues begins: its paragraph, or the sentence just before when it opens one."""
    doc = sent.doc
    paragraph = doc_text(doc).rfind("\n\n", 0, sent.start_char)
    return min(0 if paragraph < 0 else paragraph + 2, doc[sent.start - 1].sent.start_char if sent.start else 0)


def _story_day(earlier: list[DateMention], sent: Span) -> dt.date:
    """The story's current day for a sentence that names none, from the news days named before it: the latest
    of its paragraph so far or of the sentence just before (the episode being narrated: "His campaign sued the
    DNC on Friday, seeking an injunction."), else the lead's day, the first one a sentence that tells names (the day its
    story is about: a day named paragraphs back tells a side episode, "His campaign sued the DNC on Friday" in
    a story of Saturday's debate). A day the text puts ahead ("he would release it Friday") is not the story's."""
    doc = sent.doc
    told = [d for d in earlier if not _told_ahead(d, doc)] or earlier
    begins = _near_start(sent)
    near = [d for d in told if d.start >= begins]
    if near:
        return _latest_day(near, doc)
    # a dateline ("PURCHASE, N.Y., April 1 (UPI) -") gives the report's day; the lead's is in a sentence that tells
    told = [d for d in told if _date_reading(d, doc, _tells)] or told
    return min(told, key=lambda d: d.start).value


def _tells(span: Span | None) -> bool:
    """The sentence of a span has a verb, so it tells something (not a dateline or a bare heading)."""
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span.sent)


def _told_present(trigger: Token) -> bool:
    """The trigger's clause is in the simple present ("Trump is a bigot", "the letter accuses"): it speaks
    from the report's time, not from an episode the story told before."""
    verb = _clause_verb(trigger)
    return verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in verb.children
                                              if c.dep_ in ("aux", "auxpass"))


def _aside(date: Token) -> bool:
    """The date stands in a clause of its sentence with a time of its own (a relative clause, reported content:
    "Moss, who first ran for the council in 1988, called the vote a sham") or inside the phrase of a party of its
    clause (its subject, object or an apposition: "Moss, the mayor since 1988, called the vote a sham"), not in
    the clause the sentence tells; a year there dates a side fact about a party, not an episode the story narrates."""
    if _rank_at(date, date.sent.root) is None:
        return True
    path = [date, *date.ancestors]
    return any(t.dep_ in (*PARTIES, "appos") for t in path[1:path.index(_clause_verb(date))])


def _episode(dates: list[DateMention], sent: Span, trigger: Token, anchor: dt.date | None) -> EventTime | None:
    """The date of an older episode the story is narrating: the last date of the latest sentence that names a
    date in the act's paragraph so far or just before it, when that sentence names no news day and the date is
    not after the report ("Cuba released Gross in December 2014. ... The administration insisted ...": December
    2014), and, for a bare year, not an aside of its sentence (`_aside`); None when the latest such sentence is at
    the story's day, or none names a date."""
    if anchor is None:
        return None
    doc = sent.doc
    begins = _near_start(sent)
    near = []
    for d in dates:
        if d.start < begins or d.end > sent.start_char or _told_ahead(d, doc):
            continue
        span = _date_span(d, doc)
        if _after(d, anchor) or span is None or (
                d.granularity == "year" and (_names_other(span.root, trigger) or _aside(span.root))):
            continue  # a date ahead of the report, or a year that names another noun ("the 2012 nominee") or an aside
        near.append((span.sent.start, d))
    if not near:
        return None
    latest = max(start for start, _ in near)
    told = [d for start, d in near if start == latest]
    if any(d.granularity == "day" and anchor - d.value <= NEWS_WINDOW for d in told):
        return None
    return _time(max(told, key=lambda d: d.start))


READABLE_DATES_KEY = "chronicle.events.readable_dates"


def _readable_dates(records: ArticleRecords, doc: Doc) -> list[DateMention]:
    """The date records event time reads: the usable ones and the narrated days. The same for every event of
    the document, so kept with it (`doc.user_data`) for as long as the records' date list is the same object."""
    kept = doc.user_data.get(READABLE_DATES_KEY)
    if kept is None or kept[0] is not records.dates:
        kept = doc.user_data[READABLE_DATES_KEY] = (
            records.dates, [d for d in records.dates if _usable(d) or _narrated_day(d, doc)])
    return kept[1]


def event_date(records: ArticleRecords, sent: Span, trigger: Token, anchor: dt.date | None) -> EventTime:
    """The event's date: its own clause's, else one an amount of time from its governing clause's,
    else (for an act not still to come) the story's current day, else the publication date."""
    dates = _readable_dates(records, sent.doc)
    ranked = [(rank, abs(d.start - trigger.idx), _sentence_time(d, rank, trigger, anchor)) for d in dates
              if sent.start_char <= d.start < sent.end_char and (rank := _rank(d, sent, trigger)) is not None
              and not _ahead_of_past_act(d, rank, trigger, anchor)]
    ranked += _weeks(sent, trigger, anchor) + _anaphors(dates, sent, trigger)
    best = min(ranked, key=lambda r: r[:2]) if ranked else None
    shifted = _shifted(records, sent, trigger, anchor)
    # a noun act placed from its governing clause ("arrived on Tuesday, four days after the shooting") shares
    # that clause's dates, which are not its own
    if best is not None and best[0] <= 1 and (shifted is None or trigger.pos_ not in ("NOUN", "PROPN")):
        return best[2]
    if shifted is not None:
        return shifted
    if best is not None:
        return best[2]
    restated = _restated(dates, sent, trigger)
    if restated is not None:
        return restated
    set_at = _set_at(dates, sent, trigger)
    if set_at is not None:
        return set_at
    episode = None if _ahead(trigger) or _told_present(trigger) else _episode(dates, sent, trigger, anchor)
    if episode is not None:
        return episode
    news = [] if _ahead(trigger) else [d for d in dates if d.granularity == "day" and (
        anchor is None or dt.timedelta(0) <= anchor - d.value <= NEWS_WINDOW)]
    earlier = [d for d in news if d.end <= sent.start_char]
    if earlier:
        day = _story_day(earlier, sent)
        return EventTime(day + _story_shift(records, trigger), "day", "expression")
    later = [d for d in news if d.start >= sent.end_char]
    if later:
        # a lead that names no day takes the first news day the story names after it ("Blackwell has
        # endorsed Cruz. ... the letter, sent out Friday, ..."), in a sentence that names its subject
        # when one does ("Kerr has taken a swipe at Lund. ... Lund spoke on Friday. ... Kerr said Sunday")
        about = [d for d in later if _names_subject(d, sent.doc, trigger)]
        return _time(min(about or later, key=lambda d: d.start))
    if anchor is not None:
        return EventTime(anchor, "day", "publication")
    return EventTime(None, None, "unknown")
