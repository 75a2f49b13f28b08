"""Event groups: the events of different articles that report one act, counted once.

Events are blocked by (type, source entity, target entity), so only events that could be one act are
ever compared. Taken in date order, an event joins the first group of its block whose act is
compatible with it, else it starts one:
- dates: two dates the text states to the day must be equal; a month or year date must contain the
  other; a date taken from publication is only known to within `DATE_SLACK_DAYS`, and an event with
  such a date joins only a group of its own story (the date alone cannot tell two acts apart);
- places: two resolved places in different countries are two acts;
- events with neither source nor target known group only within one story.
Only asserted acts are counted: negated, hypothetical and future events, and events below the
events confidence threshold, are left out. Events of near-duplicate articles are listed as members
but not counted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from chronicle.stories.goldstein import cameo_code, goldstein, quad_class
from chronicle.stories.records import EventGroup, EventGroupMember

DATE_SLACK_DAYS = 2


@dataclass
class EventRow:
    id: str
    article_id: str
    event_type: str
    cameo: str | None
    source_key: str | None
    target_key: str | None
    date: dt.date | None
    granularity: str | None
    stated: bool
    place_key: str | None
    place_country: str | None


@dataclass
class ArticleInfo:
    published: dt.date | None
    source: str
    story_id: str | None
    duplicate: bool
    tone: float | None


@dataclass
class _Group:
    members: list[EventRow] = field(default_factory=list)
    day: dt.date | None = None
    approx: dt.date | None = None
    granularity: str | None = None
    stated: bool = False  # the approximate date is one a member's text gives (else a publication day)
    story_id: str | None = None
    country: str | None = None


def _contains(coarse: dt.date, granularity: str | None, day: dt.date) -> bool:
    if granularity == "year":
        return coarse.year == day.year
    return (coarse.year, coarse.month) == (day.year, day.month)


def _compatible(group: _Group, event: EventRow, when: dt.date | None, story_id: str | None) -> bool:
    if event.place_country and group.country and event.place_country != group.country:
        return False
    if event.source_key is None and event.target_key is None and story_id != group.story_id:
        return False  # with neither party known, only the story ties two reports to one act
    exact = event.stated and event.granularity == "day" and event.date is not None
    if exact and group.day is not None:
        return event.date == group.day
    if event.stated and event.granularity in ("month", "year") and event.date and group.day:
        return _contains(event.date, event.granularity, group.day)
    if exact and group.granularity in ("month", "year") and group.approx:
        return _contains(group.approx, group.granularity, event.date)  # type: ignore[arg-type]
    if not exact and story_id != group.story_id:
        return False
    anchor = group.day or group.approx
    return when is None or anchor is None or abs((when - anchor).days) <= DATE_SLACK_DAYS


def group_events(events: list[EventRow], articles: dict[str, ArticleInfo]) -> tuple[list[EventGroup],
                                                                                     list[EventGroupMember]]:
    """Group the events (already filtered to asserted, confident ones) and count each group."""
    def when(e: EventRow) -> dt.date | None:
        return e.date or articles[e.article_id].published

    ordered = sorted(events, key=lambda e: (when(e) or dt.date.max, articles[e.article_id].published or dt.date.max,
                                            e.article_id, e.id))
    blocks: dict[tuple, list[_Group]] = defaultdict(list)
    for event in ordered:
        info = articles[event.article_id]
        block = blocks[(event.event_type, event.source_key, event.target_key)]
        group = next((g for g in reversed(block) if _compatible(g, event, when(event), info.story_id)), None)
        if group is None:
            group = _Group(story_id=info.story_id, approx=when(event), granularity=event.granularity,
                           stated=event.stated and event.date is not None)
            block.append(group)
        if event.stated and event.granularity == "day" and event.date and group.day is None:
            group.day = event.date
        group.country = group.country or event.place_country
        group.members.append(event)
    rows, members = [], []
    for block in blocks.values():
        for group in block:
            row, links = _count(group, articles)
            rows.append(row)
            members += links
    rows.sort(key=lambda g: g.id)
    return rows, members


def _count(group: _Group, articles: dict[str, ArticleInfo]) -> tuple[EventGroup, list[EventGroupMember]]:
    first = group.members[0]
    counted = [e for e in group.members if not articles[e.article_id].duplicate] or group.members
    article_ids = sorted({e.article_id for e in counted})
    infos = [articles[a] for a in article_ids]
    published = [i.published for i in infos if i.published]
    tones = [i.tone for i in infos if i.tone is not None]
    code = cameo_code(first.cameo, first.event_type)
    group_id = f"g:{first.id}"
    row = EventGroup(
        id=group_id, event_type=first.event_type, cameo=code, source_key=first.source_key,
        target_key=first.target_key, story_id=group.story_id, date=group.day or group.approx,
        date_granularity="day" if group.day else (group.granularity or "day") if group.approx else None,
        date_origin="expression" if group.day or group.stated else "publication" if group.approx else "unknown",
        place_key=next((e.place_key for e in group.members if e.place_key), None),
        first_seen=min(published) if published else None, last_seen=max(published) if published else None,
        num_mentions=len(counted), num_articles=len(article_ids), num_sources=len({i.source for i in infos}),
        avg_tone=round(sum(tones) / len(tones), 4) if tones else None, goldstein=goldstein(code),
        quad_class=quad_class(code))
    links = [EventGroupMember(group_id=group_id, event_id=e.id, article_id=e.article_id,
                              duplicate=articles[e.article_id].duplicate) for e in group.members]
    return row, links
