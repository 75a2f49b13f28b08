"""When an event happened: the date the event's own sentence and context give it.

Owns the choice of an event's date among the article's date records (`records.dates`) and the
labelled fallback to the publication date. Events call `event_date` once per event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from chronicle.records import ArticleRecords

Granularity = Literal["day", "month", "year", "range"]


@dataclass(frozen=True)
class EventTime:
    date: dt.date | None
    granularity: Granularity | None
    origin: Literal["expression", "publication", "unknown"]


def event_date(records: ArticleRecords, sent: Span, trigger: Token, anchor: dt.date | None) -> EventTime:
    """The date expression of the event's sentence nearest its trigger, else the publication date."""
    dates = [d for d in records.dates if sent.start_char <= d.start < sent.end_char and d.value]
    date = min(dates, key=lambda d: abs(d.start - trigger.idx), default=None)
    if date is not None:
        granularity = date.granularity if date.granularity in ("day", "month", "year", "range") else None
        return EventTime(date.value, granularity, "expression")  # type: ignore[arg-type]
    if anchor is not None:
        return EventTime(anchor, "day", "publication")
    return EventTime(None, None, "unknown")
