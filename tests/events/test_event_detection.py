"""Event detection (issue 12): a headline's act restated in the body is one event, and the features
that tell the guide's non-events and acts placed elsewhere from reported acts (`event_confidence.setting`,
the article's restatements)."""

import datetime as dt

import pytest

from chronicle.extract.event_confidence import _age, _restatement
from chronicle.extract.events import Candidate, event_candidates, merge_mentions
from chronicle.records import Article, Event, article_id_for


def _event(event_type: str, sentence: int, source: str | None, target: str | None, trigger: int) -> Event:
    return Event.model_construct(event_type=event_type, negated=False, sentence_start=sentence,
                                 sentence_end=sentence + 50, trigger_start=trigger, trigger_end=trigger + 5,
                                 trigger="acted", source_id=source, source=source, source_code=None,
                                 target_id=target, target=target, target_code=None, mentions=[])


def _candidate(event: Event, headline: bool = False) -> Candidate:
    return Candidate(event, {"bias": 1.0, "headline" if headline else "sentence=3": 1.0})


def test_the_headlines_act_takes_its_first_restatement_only():
    # "Republicans ask agency …" (headline) restated by "committees asked the department …": the
    # source differs in name, the target is shared; a second, later demand of the same source stays
    headline = _candidate(_event("REQUEST", 0, "a1", "a2", 5), headline=True)
    body = _candidate(_event("REQUEST", 60, "a3", "a2", 70))
    other = _candidate(_event("REQUEST", 120, "a3", "a2", 130))
    merged = merge_mentions([headline, body, other])
    assert len(merged) == 2
    assert [m.trigger_start for m in merged[0].event.mentions] in ([5], [70])


def test_a_body_sentence_does_not_take_a_restatement_with_another_side():
    first = _candidate(_event("REQUEST", 60, "a1", "a2", 70))
    later = _candidate(_event("REQUEST", 120, "a3", "a2", 130))
    assert len(merge_mentions([first, later])) == 2


def test_a_headline_act_of_another_type_or_target_stays_apart():
    headline = _candidate(_event("ACCUSE", 0, "a1", "a2", 5), headline=True)
    assert len(merge_mentions([headline, _candidate(_event("REQUEST", 60, "a1", "a2", 70))])) == 2
    # the same doer acting on someone else is another act
    assert len(merge_mentions([headline, _candidate(_event("ACCUSE", 60, "a1", "a4", 70))])) == 2


def test_restatements_the_merging_left_apart_are_marked():
    first = _candidate(_event("ACCUSE", 60, "a1", "a2", 70))
    second = _candidate(_event("ACCUSE", 120, "a1", "a9", 130))
    alone = _candidate(_event("ACCUSE", 180, "a5", "a6", 190))
    candidates = [first, second, alone]
    assert _restatement(first.event, candidates) == {"restated": 1.0}
    assert _restatement(second.event, candidates) == {"restates": 1.0}
    assert _restatement(alone.event, candidates) == {}


def test_how_old_the_events_date_is():
    published = dt.date(2016, 5, 25)

    def aged(day: dt.date | None, granularity: str = "day", origin: str = "expression") -> str:
        event = Event.model_construct(date=day, date_granularity=granularity, date_origin=origin)
        return _age(event, published)

    assert aged(dt.date(2016, 5, 23)) == "days"
    assert aged(dt.date(2016, 4, 20)) == "weeks"
    assert aged(dt.date(2008, 1, 1), "year") == "older"
    assert aged(dt.date(2016, 1, 1), "year") == "days"
    assert aged(dt.date(2016, 6, 2)) == "after"
    assert aged(dt.date(2016, 5, 25), origin="publication") == "none"
    assert aged(None) == "none"


@pytest.fixture(scope="module")
def candidates(pipeline):
    def run(text: str, published: dt.date | None = None) -> list[Candidate]:
        article = Article(id=article_id_for(text), input="test", text=text, published=published)
        doc = pipeline.nlp(text)
        records = pipeline.apply_stages(doc, article)
        return event_candidates(doc, records, pipeline.config.context)

    return run


def test_the_headline_is_the_first_line_alone(candidates):
    found = candidates("Senator Jane Miller criticizes Governor Olaf Brandt.\n\nBrandt met the mayor on Friday.")
    assert {c.event.trigger: "headline" in c.features for c in found} == {"criticizes": True, "met": False}
    lead = candidates("Police arrested Marek Novak on Friday. On Saturday police arrested Jana Horak.")
    assert not any("headline" in c.features for c in lead)


def test_an_act_inside_another_acts_trigger_is_marked(candidates):
    found = candidates("Senator Jane Miller urged the police to arrest Marek Novak.")
    [arrest] = [c for c in found if c.event.trigger == "arrest"]
    [urge] = [c for c in found if c.event.trigger == "urged"]
    assert "under_event" in arrest.features and "under_event" not in urge.features
    assert "over_event" in urge.features


def test_a_counted_side_and_a_modal(candidates):
    [killing] = [c for c in candidates("Gunmen killed 14 people in the town.") if c.event.trigger == "killed"]
    assert "target_counted" in killing.features
    [support] = [c for c in candidates("Senator Jane Miller would support Governor Olaf Brandt.")
                 if c.event.trigger == "support"]
    assert "word:aux=would" in support.features and "target_counted" not in support.features
