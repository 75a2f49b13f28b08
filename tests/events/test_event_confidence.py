"""The features of an event candidate (`event_confidence.py`): the trigger and type classifiers' own
opinions, the clause the trigger heads, how each side is attached, and what the article's other events
say of an event."""

import pytest

from chronicle.extract.event_confidence import _clause, _opinions, with_article_features
from chronicle.extract.event_patterns import Sense
from chronicle.extract.events import Candidate, Found, event_candidates
from chronicle.records import Article, Event, article_id_for


@pytest.fixture(scope="module")
def candidates(pipeline):
    def run(text: str) -> list[Candidate]:
        article = Article(id=article_id_for(text), input="test", text=text)
        doc = pipeline.nlp(text)
        records = pipeline.apply_stages(doc, article)
        return event_candidates(doc, records, pipeline.config.context)

    return run


def _band(features: dict[str, float], name: str) -> int:
    return next(int(k.split("=")[1]) for k in features if k.startswith(f"{name}="))


def test_the_clause_the_trigger_heads(nlp):
    doc = nlp("The senator criticized the governor and praised the mayor. The senator said rebels attacked "
              "the village. The senator, who visited the town, resigned over the criticism.")
    clauses = {t.lower_: next(iter(_clause(t))) for t in doc
               if t.lower_ in {"criticized", "praised", "attacked", "visited", "criticism"}}
    assert clauses == {"criticized": "clause=main", "praised": "clause=main", "attacked": "clause=reported",
                       "visited": "clause=subordinate", "criticism": "clause=nominal"}


def test_the_classifiers_rate_the_events_own_type_above_another(nlp):
    doc = nlp("Senator Jane Miller criticized Governor Olaf Brandt on Monday.")
    trigger = next(t for t in doc if t.lower_ == "criticized")
    accuse = _opinions(Found(trigger, Sense(type="ACCUSE", mode="disapprove"), None, None))
    aid = _opinions(Found(trigger, Sense(type="AID"), None, None))
    assert _band(accuse, "trigger_p") > _band(aid, "trigger_p")
    assert _band(accuse, "type_p") > _band(aid, "type_p")
    assert _band(accuse, "trigger_none") < 2  # a plain criticism is a trigger


def test_sides_that_are_the_triggers_own_dependents(candidates):
    [event] = [c for c in candidates("Senator Jane Miller criticized Governor Olaf Brandt on Monday.")
               if c.event.trigger == "criticized"]
    assert {"source_own=True", "target_own=True", "clause=main"} <= set(event.features)


def test_what_the_articles_other_events_say():
    def candidate(event_type: str, trigger_start: int) -> Candidate:
        event = Event.model_construct(event_type=event_type, trigger_start=trigger_start, sentence_start=trigger_start,
                                      source_id=None, target_id=None)
        return Candidate(event, {"bias": 1.0})

    # one word read two ways ("struck" an assault and a deal); three accusations in the article
    found = with_article_features([candidate("ASSAULT", 10), candidate("AGREE", 10), candidate("ACCUSE", 40),
                                   candidate("ACCUSE", 80), candidate("ACCUSE", 120)])
    assert ["shared_trigger" in c.features for c in found] == [True, True, False, False, False]
    assert [next(k for k in c.features if k.startswith("type_count=")) for c in found] == \
        ["type_count=1", "type_count=1", "type_count=3", "type_count=3", "type_count=3"]
    assert all(c.features["bias"] == 1.0 for c in found)
