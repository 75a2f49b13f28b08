"""Multi-outlet fixtures of our own: articles with their actors and events written straight to a store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from chronicle.records import Actor, Article, ArticleRecords, Event, Tone, article_id_for, child_id
from chronicle.store import Store
from chronicle.stories.consolidate import consolidate


@dataclass
class Report:
    """One article: its outlet, date, text, and the events it reports as (type, source, target, date)."""

    source: str
    published: dt.date
    title: str
    body: str
    actors: list[tuple[str, str, str | None]] = field(default_factory=list)  # (name, kind, country)
    events: list[tuple[str, str, str, dt.date | None]] = field(default_factory=list)


def records(report: Report) -> ArticleRecords:
    text = f"{report.title}\n\n{report.body}"
    aid = article_id_for(text)
    article = Article(id=aid, input=f"{report.source}.txt", title=report.title, text=text, source=report.source,
                      published=report.published, word_count=len(text.split()))
    actors = [Actor(id=child_id(aid, "a", n), article_id=aid, name=name, kind=kind, country=country,  # type: ignore[arg-type]
                    code=country, mention_count=1) for n, (name, kind, country) in enumerate(report.actors)]
    by_name = {a.name: a for a in actors}
    events = []
    for n, (etype, source, target, date) in enumerate(report.events):
        events.append(Event(
            id=child_id(aid, "e", n), article_id=aid, event_type=etype, trigger_start=0, trigger_end=1, trigger="x",
            sentence_start=0, sentence_end=1, sentence="x", source_id=by_name[source].id, source=source,
            target_id=by_name[target].id, target=target, date=date, date_granularity="day" if date else None,
            date_origin="expression" if date else "unknown"))
    tone = Tone(id=child_id(aid, "t", 0), article_id=aid, scope="document", start=0, end=len(text), positive=1.0,
                negative=3.0, polarity=-2.0, activity=4.0, compound=-0.5)
    return ArticleRecords(article=article, actors=actors, events=events, tones=[tone])


@pytest.fixture
def store_with(tmp_path):
    """store_with(reports) -> an open Store holding them, consolidated."""
    opened = []

    def build(reports: list[Report]) -> Store:
        store = Store(tmp_path / f"stories{len(opened)}.duckdb")
        opened.append(store)
        store.write_many([records(r) for r in reports])
        consolidate(store.con)
        return store

    yield build
    for store in opened:
        store.close()
