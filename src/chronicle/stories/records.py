"""The consolidated tables: stories, cross-article entities and event groups, with their link tables.

They are derived from the per-article records (`chronicle.records`) by `chronicle.stories.consolidate`
and stored beside them; `chronicle.store.schema` creates and documents them like every other record.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import Field

from chronicle.records import Record


class Story(Record):
    """One news event as reported by any number of articles and outlets (a row per story)."""

    table: ClassVar[str] = "stories"

    id: str = Field(description="'s:' + the id of the article that started the story")
    title: str | None = Field(None, description="title of the story's first article")
    first_seen: dt.date | None = Field(None, description="earliest publication date of its articles")
    last_seen: dt.date | None = Field(None, description="latest publication date of its articles")
    num_articles: int = Field(0, description="articles in the story, near-duplicates counted once")
    num_sources: int = Field(0, description="distinct outlets among those articles")


class StoryArticle(Record):
    """Which story an article belongs to, and which earlier article it copies, if any."""

    table: ClassVar[str] = "story_articles"

    article_id: str
    story_id: str
    duplicate_of: str | None = Field(None, description="the earlier article this one republishes (near-duplicate)")
    similarity: float = Field(0.0, description="similarity to the closest article of the story when it joined")


class Entity(Record):
    """One real actor or place across articles, keyed by a canonical key (aliases merged)."""

    table: ClassVar[str] = "entities"

    key: str = Field(description="canonical key: 'normalised name|country' for actors, 'geonames:<id>' for places")
    kind: str = Field(description="person, organisation, state, group, other, or place")
    name: str = Field(description="the fullest name used for it")
    country: str | None = Field(None, description="ISO 3166 alpha-3")
    code: str | None = Field(None, description="its most frequent actor code across articles")
    aliases: str = Field("", description="every name it appears under, joined by ' | '")
    num_articles: int = 0
    num_mentions: int = Field(0, description="mentions summed over its article-level actors (1 per place)")


class EntityLink(Record):
    """An article-level actor or place and the entity it is."""

    table: ClassVar[str] = "entity_links"

    entity_key: str
    record_id: str = Field(description="id of the row in `actors` or `places`")
    record_table: str = Field(description="'actors' or 'places'")
    article_id: str
    name: str = Field(description="the name in that article")


class EventGroup(Record):
    """One real-world act reported by one or more events in one or more articles."""

    table: ClassVar[str] = "event_groups"

    id: str = Field(description="'g:' + the id of its first member event")
    event_type: str
    cameo: str | None = None
    source_key: str | None = Field(None, description="entity key of the source actor")
    target_key: str | None = Field(None, description="entity key of the target actor")
    story_id: str | None = Field(None, description="story of its first member")
    date: dt.date | None = Field(None, description="date of the act: the most precise member date")
    date_granularity: str | None = Field(None, description="how much of `date` is known: day, month or year")
    date_origin: str = Field("unknown", description="'expression' (a member's text gives it), 'publication' "
                             "(a member article's publication day: the day of a report, not of the act), 'unknown'")
    place_key: str | None = None
    first_seen: dt.date | None = Field(None, description="earliest publication date of a member article")
    last_seen: dt.date | None = Field(None, description="latest publication date of a member article")
    num_mentions: int = Field(0, description="member events, near-duplicate articles left out")
    num_articles: int = Field(0, description="distinct member articles, near-duplicates left out")
    num_sources: int = Field(0, description="distinct outlets of those articles")
    avg_tone: float | None = Field(None, description="mean document tone (VADER compound) of those articles")
    goldstein: float | None = Field(
        None, description="Goldstein (1992) value of its CAMEO code (data/events/goldstein.tsv)")
    quad_class: int | None = Field(
        None, description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")


class EventGroupMember(Record):
    """An event counted in a group (one row per member event)."""

    table: ClassVar[str] = "event_group_members"

    group_id: str
    event_id: str
    article_id: str
    duplicate: bool = Field(False, description="its article is a near-duplicate, so it is not counted")


# In the order they are written; `chronicle.store.schema` creates and documents them after the records.
CONSOLIDATED_RECORDS: dict[str, type[Record]] = {
    model.table: model for model in (Story, StoryArticle, Entity, EntityLink, EventGroup, EventGroupMember)
}
