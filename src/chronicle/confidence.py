"""Confidence thresholds: which records the default output keeps.

Every quote, event, place, date and actor code carries a `confidence`, calibrated on annotated
data so that of the records at confidence >= c, about c are right (docs/confidence.md has the
reliability tables). Extraction keeps every record and the store holds them all; what a user sees
by default is filtered here: a record below its kind's threshold is left out (an actor below the
threshold keeps its name but loses its country and sector). `min_confidence=0` keeps everything.
"""

from __future__ import annotations

from chronicle.records import ArticleRecords

# Each threshold is chosen on the training annotations (realnews-silver and annotations/) where precision meets
# the project's bar; the figures behind each are in docs/confidence.md.

QUOTES_MIN_CONFIDENCE = 0.65  # CV on 739 training articles: precision 0.892, recall 0.689 (docs/quotes.md)

EVENTS_MIN_CONFIDENCE = 0.275  # nested CV on 739 training articles: type 0.71, right 0.50, recall 0.16 (docs/events.md)

PLACES_MIN_CONFIDENCE = 0.5

DATES_MIN_CONFIDENCE = 0.5  # CV on 739 training articles: precision 0.935, 4784 dates kept (docs/dates.md)

ACTOR_CODES_MIN_CONFIDENCE = 0.0  # chosen on silver: a stripped code is almost never right (docs/events.md)

DEFAULT_MIN_CONFIDENCE: dict[str, float] = {
    "quotes": QUOTES_MIN_CONFIDENCE,
    "events": EVENTS_MIN_CONFIDENCE,
    "places": PLACES_MIN_CONFIDENCE,
    "dates": DATES_MIN_CONFIDENCE,
    "actors": ACTOR_CODES_MIN_CONFIDENCE,
}


def threshold(kind: str, min_confidence: float | None) -> float:
    """The threshold for records of `kind` (a table name): the caller's, else the documented default."""
    return DEFAULT_MIN_CONFIDENCE.get(kind, 0.0) if min_confidence is None else min_confidence


def keep_confident(records: ArticleRecords, min_confidence: float | None = None) -> ArticleRecords:
    """The records a user sees: those at or above the threshold (`None`: each kind's default)."""
    if min_confidence is not None and min_confidence <= 0:
        return records
    quotes = [q for q in records.quotes if q.confidence >= threshold("quotes", min_confidence)]
    kept_quotes = {q.id for q in quotes}
    places = [p for p in records.places if p.confidence >= threshold("places", min_confidence)]
    kept_places = {p.id for p in places}
    events = []
    for e in records.events:
        if e.confidence < threshold("events", min_confidence):
            continue
        update = {}
        if e.place_id is not None and e.place_id not in kept_places:
            update["place_id"] = None
        if e.quote_id is not None and e.quote_id not in kept_quotes:
            update["quote_id"] = None
        events.append(e.model_copy(update=update) if update else e)
    kept_events = {e.id for e in events}
    counts = [
        c.model_copy(update={
            "event_id": c.event_id if c.event_id in kept_events else None,
            "quote_id": c.quote_id if c.quote_id in kept_quotes else None,
        })
        for c in records.counts
    ]
    actor_floor = threshold("actors", min_confidence)
    actors = [
        a if a.confidence >= actor_floor else a.model_copy(update={"country": None, "sector": None, "code": None})
        for a in records.actors
    ]
    dates = [d for d in records.dates if d.confidence >= threshold("dates", min_confidence)]
    return records.model_copy(update={
        "actors": actors, "quotes": quotes, "events": events, "places": places, "dates": dates, "counts": counts,
    })
