"""The typed records chronicle produces, defined once and used everywhere.

Every stage of the pipeline reads and writes these models; the DuckDB schema, the JSON output,
the HTTP API and the Parquet export are all derived from them. Offsets (`start`, `end`) are
character offsets into `Article.text`, the cleaned article text, end-exclusive.

Record ids are global strings: an article's id is a content hash of its cleaned text, and every
child record's id is `<article_id>:<prefix><n>` (see `child_id`), so the same article always
yields the same ids and storing it twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

ARTICLE_ID_LENGTH = 20


def article_id_for(text: str) -> str:
    """Content hash of the cleaned text: identical cleaned articles share one id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ARTICLE_ID_LENGTH]


def child_id(article_id: str, prefix: str, index: int) -> str:
    return f"{article_id}:{prefix}{index}"


# How much of a date's ISO text each granularity gives: the JSON output never shows a day (or month)
# the text did not give ("in 2019" is "2019", not "2019-01-01"). Other granularities keep the day.
ISO_LENGTH = {"year": 4, "month": 7}


def iso_as_given(value: dt.date | None, granularity: str | None) -> str | None:
    """A date's ISO text cut to its granularity: "2019", "2019-06", "2019-06-14"."""
    return None if value is None else value.isoformat()[:ISO_LENGTH.get(granularity or "", 10)]


class Record(BaseModel):
    """Base of every stored record. `table` names its DuckDB table."""

    model_config = ConfigDict(extra="forbid")
    table: ClassVar[str]


class Article(Record):
    """One cleaned article; its id is the content hash of its text."""

    table: ClassVar[str] = "articles"

    id: str = Field(description="content hash of the cleaned text")
    input: str = Field(description="where the article came from: path, path#line, path#record, or '-'")
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: dt.date | None = Field(None, description="publication date, when known")
    source: str | None = Field(None, description="publisher or site name")
    language: str = "en"
    text: str = Field(description="cleaned article text: the headline as its first paragraph, then the body")
    word_count: int = 0


class Actor(Record):
    """One canonical actor per entity within an article."""

    table: ClassVar[str] = "actors"

    id: str
    article_id: str
    name: str = Field(description="canonical name, the fullest form used in the article")
    kind: Literal["person", "organisation", "state", "group", "other"] = "other"
    country: str | None = Field(None, description="ISO 3166 alpha-3 country the actor belongs to")
    sector: str | None = Field(None, description="CAMEO-style sector/agent: GOV, LEG, MIL, REF, IGO …")
    code: str | None = Field(None, description="actor code, country + sector, e.g. 'LTU LEG'")
    role: str | None = Field(None, description="title or role as stated in the article, e.g. 'MP'")
    gender: Literal["female", "male"] | None = None
    mention_count: int = 0
    actor_key: str | None = Field(
        None, description="canonical key shared across articles by the same real entity (normalised name + code)")
    confidence: float = Field(1.0, description="calibrated probability that country and sector are right")


class Mention(Record):
    """One place in the text that refers to an actor (name, title, description or pronoun)."""

    table: ClassVar[str] = "mentions"

    id: str
    article_id: str
    actor_id: str
    start: int
    end: int
    text: str
    kind: Literal["name", "nominal", "pronoun", "demonym"] = "name"


class Quote(Record):
    """A direct, indirect or mixed attribution: content, cue and speaker."""

    table: ClassVar[str] = "quotes"

    id: str
    article_id: str
    kind: Literal["direct", "indirect", "mixed"]
    start: int = Field(description="content span start")
    end: int
    text: str = Field(description="content as written")
    cue_start: int | None = None
    cue_end: int | None = None
    cue: str | None = Field(None, description="cue as written, e.g. 'has told'")
    cue_lemma: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    source: str | None = Field(None, description="speaker mention as written, e.g. 'the MP'")
    speaker_id: str | None = Field(None, description="actor the speaker resolves to")
    speaker: str | None = Field(None, description="canonical name of that actor")
    addressee: str | None = None
    addressee_id: str | None = None
    confidence: float = Field(1.0, description="calibrated probability that the quote and its speaker are right")


class EventMention(BaseModel):
    """A further place in the article that reports the same act as its event (headline, lead, recap)."""

    model_config = ConfigDict(extra="forbid")

    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger: str


class Event(Record):
    """Who did what to whom, coded to PLOVER, with the sentence that supports it."""

    table: ClassVar[str] = "events"

    id: str
    article_id: str
    event_type: str = Field(description="PLOVER event type, e.g. SANCTION")
    mode: str | None = Field(None, description="PLOVER mode, e.g. 'water cannon' under COERCE")
    context: str | None = None
    cameo: str | None = Field(None, description="CAMEO code where the conversion table gives one")
    trigger_start: int
    trigger_end: int
    trigger: str
    sentence_start: int
    sentence_end: int
    sentence: str
    source_id: str | None = None
    source: str | None = Field(None, description="source actor as written")
    source_code: str | None = None
    target_id: str | None = None
    target: str | None = None
    target_code: str | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    date: dt.date | None = Field(
        None, description="stored as a day; JSON output writes it cut to `date_granularity` ('2019', '2019-06')")
    date_granularity: Literal["day", "month", "year", "range"] | None = Field(
        None, description="how much of `date` the text gives: a 'year' date is only its year")
    date_origin: Literal["expression", "publication", "unknown"] = "unknown"
    place_id: str | None = None
    quote_id: str | None = Field(None, description="set when the event is reported inside a quote")
    mentions: list[EventMention] = Field(
        default_factory=list, description="further mentions of the same act in the article")
    confidence: float = Field(1.0, description="calibrated probability that type, source and target are right")

    @field_serializer("date", when_used="json")
    def _date_as_given(self, value: dt.date | None) -> str | None:
        # a publication-day fallback is kept in the store (event groups place the act by it) but the
        # JSON output never gives it as the event's day: the text gave none (`date_origin` says so)
        return None if self.date_origin == "publication" else iso_as_given(value, self.date_granularity)

    @field_serializer("date_granularity", when_used="json")
    def _granularity_as_given(self, value: str | None) -> str | None:
        return None if self.date_origin == "publication" else value


class Count(Record):
    """A numeric claim: a number together with what it counts."""

    table: ClassVar[str] = "counts"

    id: str
    article_id: str
    start: int
    end: int
    text: str
    value: float
    value_max: float | None = Field(None, description="upper bound of a range ('five to seven')")
    qualifier: str | None = Field(None, description="over, nearly, at least, up to, less than …")
    unit: str | None = Field(None, description="currency or unit, when it is money or a measure")
    counted: str | None = Field(None, description="what is counted, e.g. 'migrants'")
    event_id: str | None = None
    quote_id: str | None = None


class Place(Record):
    """A toponym in the text and the gazetteer place it resolves to."""

    table: ClassVar[str] = "places"

    id: str
    article_id: str
    start: int
    end: int
    text: str
    name: str | None = None
    feature: str | None = Field(None, description="country, admin1, city, region, feature …")
    country: str | None = Field(None, description="ISO 3166 alpha-3")
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    reason: str | None = Field(None, description="why the place is left unresolved, when it is")
    confidence: float = Field(0.0, description="calibrated probability that the coordinates are within 161 km")


class DateMention(Record):
    """A date expression normalised against the publication date."""

    table: ClassVar[str] = "dates"

    id: str
    article_id: str
    start: int
    end: int
    text: str
    value: dt.date | None = Field(
        None, description="resolved date, or the start of a range; JSON output writes it cut to `granularity`")
    value_end: dt.date | None = None
    granularity: Literal["day", "week", "month", "year", "decade", "range", "unknown"] = "unknown"
    rule: str | None = Field(None, description="how it was resolved, e.g. 'weekday: on or before anchor'")
    confidence: float = Field(1.0, description="calibrated probability that span and value are right")

    @field_serializer("value", when_used="json")
    def _value_as_given(self, value: dt.date | None) -> str | None:
        return iso_as_given(value, self.granularity)


class Duration(Record):
    """An amount of time the text gives ("18 years", "six months"): never a calendar date."""

    table: ClassVar[str] = "durations"

    id: str
    article_id: str
    start: int
    end: int
    text: str
    amount: float = Field(description="the number as written (18 in '18 years')")
    unit: Literal["hour", "day", "week", "month", "year", "decade", "century"]
    days: float = Field(description="the amount in days (a month is 30.44 days, a year 365.25)")


class Age(Record):
    """A person's age the text gives ("Burt, 32,", "aged 32", "a 32-year-old"): never a calendar date."""

    table: ClassVar[str] = "ages"

    id: str
    article_id: str
    start: int
    end: int
    text: str
    years: int
    actor_id: str | None = Field(None, description="the actor whose age it is, when a mention gives it")


class Tone(Record):
    """GDELT-style tone of the document or of one sentence."""

    table: ClassVar[str] = "tones"

    id: str
    article_id: str
    scope: Literal["document", "sentence"]
    start: int
    end: int
    positive: float = Field(description="percentage of words with positive valence")
    negative: float = Field(description="percentage of words with negative valence")
    polarity: float = Field(description="positive minus negative")
    activity: float = Field(description="percentage of words with any valence")
    compound: float = Field(description="VADER compound score, -1 … 1")


class Failure(Record):
    """An input that could not be processed, or was skipped (e.g. not English), or a stored article's warning."""

    table: ClassVar[str] = "failures"

    input: str
    reason: str
    status: Literal["failed", "skipped", "warning"] = Field(
        "failed",
        description="failed: not stored; skipped: left out on purpose; warning: stored, with the problem named",
    )
    article_id: str | None = None
    at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def message(self) -> str:
        return f"{self.input}: {self.reason}"


class ArticleRecords(BaseModel):
    """Everything extracted from one article. The pipeline fills it stage by stage."""

    model_config = ConfigDict(extra="forbid")

    article: Article
    actors: list[Actor] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    counts: list[Count] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    durations: list[Duration] = Field(default_factory=list)
    ages: list[Age] = Field(default_factory=list)
    tones: list[Tone] = Field(default_factory=list)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


# Child record types in the order their tables are written; `ArticleRecords` has one list field each.
CHILD_RECORDS: dict[str, type[Record]] = {
    "actors": Actor,
    "mentions": Mention,
    "quotes": Quote,
    "events": Event,
    "counts": Count,
    "places": Place,
    "dates": DateMention,
    "durations": Duration,
    "ages": Age,
    "tones": Tone,
}
