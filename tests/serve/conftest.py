"""A small hand-made database: two articles with actors, mentions, quotes, events and places."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from chronicle.records import (
    Actor,
    Article,
    ArticleRecords,
    Event,
    Mention,
    Place,
    Quote,
    article_id_for,
    child_id,
)
from chronicle.serve import create_app
from chronicle.store import Store

SCRIPT = "<script>alert(1)</script>"


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def article_one() -> ArticleRecords:
    text = ("Port workers strike over pay\n\n"
            "Dock workers in Harwick walked out on Monday, union leader Mara Quell said. "
            "\"We will not load a single ship until the offer improves,\" Quell told reporters. "
            "The port authority condemned the strike.")
    aid = article_id_for(text)
    article = Article(id=aid, input="one.txt", title="Port workers strike over pay", text=text,
                      published=dt.date(2025, 3, 3), word_count=len(text.split()))
    quell = Actor(id=child_id(aid, "a", 0), article_id=aid, name="Mara Quell", kind="person", mention_count=2)
    port = Actor(id=child_id(aid, "a", 1), article_id=aid, name="the port authority", kind="organisation")
    workers = Actor(id=child_id(aid, "a", 2), article_id=aid, name="Dock workers", kind="group")
    mentions = []
    # (actor, phrase that locates the mention, length of the mention within it)
    for n, (actor, part, size) in enumerate([(quell, "Mara Quell", 10), (quell, "Quell told", 5),
                                             (port, "port authority", 14), (workers, "Dock workers", 12)]):
        s = text.index(part)
        e = s + size
        mentions.append(Mention(id=child_id(aid, "m", n), article_id=aid, actor_id=actor.id, start=s, end=e,
                                text=text[s:e]))
    qs, qe = _span(text, "We will not load a single ship until the offer improves,")
    quote = Quote(id=child_id(aid, "q", 0), article_id=aid, kind="direct", start=qs, end=qe, text=text[qs:qe],
                  cue="told", speaker_id=quell.id, speaker=quell.name, source="Quell")
    place_s, place_e = _span(text, "Harwick")
    place = Place(id=child_id(aid, "p", 0), article_id=aid, start=place_s, end=place_e, text="Harwick", name="Harwick")
    events = []
    for n, (etype, trig, src, tgt, day) in enumerate([("PROTEST", "walked out", workers, port, 3),
                                                       ("DISAPPROVE", "condemned", port, workers, 4)]):
        ts, te = _span(text, trig)
        events.append(Event(id=child_id(aid, "e", n), article_id=aid, event_type=etype, trigger_start=ts,
                            trigger_end=te, trigger=trig, sentence_start=0, sentence_end=len(text), sentence=trig,
                            source_id=src.id, source=src.name, target_id=tgt.id, target=tgt.name,
                            date=dt.date(2025, 3, day), place_id=place.id))
    return ArticleRecords(article=article, actors=[quell, port, workers], mentions=mentions, quotes=[quote],
                          events=events, places=[place])


def article_script() -> ArticleRecords:
    text = f"Hostile markup test\n\nA reader pasted {SCRIPT} into the comment box, officials said."
    aid = article_id_for(text)
    article = Article(id=aid, input="two.txt", title="Hostile markup test", text=text,
                      published=dt.date(2025, 4, 1), word_count=len(text.split()))
    officials = Actor(id=child_id(aid, "a", 0), article_id=aid, name="officials", kind="group")
    reader = Actor(id=child_id(aid, "a", 1), article_id=aid, name="A reader", kind="person")
    ts, te = _span(text, "pasted")
    event = Event(id=child_id(aid, "e", 0), article_id=aid, event_type="ACCUSE", trigger_start=ts, trigger_end=te,
                  trigger="pasted", sentence_start=0, sentence_end=len(text), sentence=text, source_id=officials.id,
                  source="officials", target_id=reader.id, target="A reader", date=dt.date(2025, 4, 1))
    return ArticleRecords(article=article, actors=[officials, reader], events=[event])


@pytest.fixture(scope="session")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "serve.duckdb"
    with Store(path) as store:
        store.write(article_one())
        store.write(article_script())
    return path


@pytest.fixture(scope="session")
def client(db_path):
    return TestClient(create_app(db_path, max_body=64 * 1024))
