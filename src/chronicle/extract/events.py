"""Events: who did what to whom, coded to PLOVER, from verb and noun patterns over the parse.

The lexicon (`data/events/plover.yaml`) maps verb lemmas (with optional object and particle
conditions) and event nouns to PLOVER types, modes and CAMEO codes. For a verb, the source is its
subject — or, in the passive, the `by` agent — and the targets are its object (the passive
subject) and the objects of `at`, `on`, `against`, `to`, `into`; coordinated subjects or targets
("Poland, Latvia and Lithuania") give one event each. Negation, modality and future tense are kept
as attributes. Arguments are coded with the actor they mention, or from their own words
("Polish soldiers" → POL MIL, "migrants" → REF).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Token

from chronicle.extract.codes import code_span
from chronicle.extract.quotes import subject_of
from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.records import ArticleRecords, Event, child_id

DATA = Path(__file__).resolve().parents[1] / "data" / "events" / "plover.yaml"
TARGET_PREPS = {"at", "on", "against", "to", "into", "upon"}


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[dict[str, Any]]]
    nouns: dict[str, dict[str, Any]]
    negators: frozenset[str]
    hypothetical: frozenset[str]
    future: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return Lexicon(data["verbs"], data["nouns"], frozenset(data["negators"]), frozenset(data["hypothetical"]),
                   frozenset(data["future"]))


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[c for c in token.conjuncts if c.pos_ in {"NOUN", "PROPN", "PRON"}]]


def _object(verb: Token) -> Token | None:
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return passive or next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)


def _sense(verb: Token) -> dict[str, Any] | None:
    for sense in lexicon().verbs.get(verb.lemma_.lower(), []):
        obj = _object(verb)
        wanted = sense.get("objects")
        if wanted and (obj is None or not any(c.lemma_.lower() in wanted for c in _conjuncts(obj))):
            continue
        particles = sense.get("particles")
        if particles and not any(c.lower_ in particles for c in verb.children if c.dep_ in {"prt", "prep"}):
            continue
        return sense
    return None


def _source(verb: Token) -> Token | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    return subject_of(verb)


def _targets(verb: Token, sense: dict[str, Any]) -> list[Token]:
    found: list[Token] = []
    obj = _object(verb)
    holders = [verb] + ([obj] if obj is not None else [])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ in {"prep", "dative"} and prep.lower_ in TARGET_PREPS:
                found += [c for c in prep.children if c.dep_ == "pobj"]
    # the object is the target unless it is the instrument the pattern named (stones, water cannons)
    if obj is not None and not sense.get("objects"):
        found.insert(0, obj)
    return found


def _flags(verb: Token) -> tuple[bool, bool, bool]:
    lex = lexicon()
    words = {c.lower_ for c in verb.children if c.dep_ in {"neg", "aux", "mark"}}
    head = verb.head if verb.dep_ in {"xcomp", "ccomp"} else verb
    words |= {c.lower_ for c in head.children if c.dep_ in {"neg", "aux", "mark"}}
    return bool(words & lex.negators), bool(words & lex.hypothetical), bool(words & lex.future)


class Coder:
    """Codes event arguments: the actor a token belongs to, else the token's own noun phrase."""

    def __init__(self, doc: Doc, records: ArticleRecords) -> None:
        self.doc = doc
        self.records = records
        self.mentions = sorted((m.start, m.end, m.actor_id) for m in records.mentions)

    def argument(self, token: Token) -> tuple[str | None, str, str | None]:
        """(actor id, text as written, code)."""
        span = self.doc[token.left_edge.i : token.right_edge.i + 1]
        if len(span) > 8:
            span = self.doc[token.i : token.i + 1]
        # the head decides: in "Polish soldiers" the demonym is a modifier, the soldiers are the actor
        actor_id = next((a for s, e, a in self.mentions if s <= token.idx < e), None)
        actor = self.records.actor(actor_id)
        code = actor.code if actor is not None and actor.code else code_span(span).text
        return actor_id, span.text, code


@register_stage("events", fills=("events",))
def extract_events(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    coder = Coder(doc, records)
    article = records.article
    anchor = article.published or context.reference_date
    events: list[Event] = []

    def add(trigger: Token, sense: dict[str, Any], source: Token | None, target: Token | None,
            flags: tuple[bool, bool, bool]) -> None:
        sent = trigger.sent
        src = coder.argument(source) if source is not None else (None, None, None)
        tgt = coder.argument(target) if target is not None else (None, None, None)
        date = next((d for d in records.dates if sent.start_char <= d.start < sent.end_char and d.value), None)
        place = next((p for p in records.places if sent.start_char <= p.start < sent.end_char), None)
        quote = next((q for q in records.quotes if q.start <= trigger.idx < q.end), None)
        events.append(Event(
            id=child_id(article.id, "e", len(events) + 1), article_id=article.id,
            event_type=sense["type"], mode=sense.get("mode"), context=sense.get("context"), cameo=sense.get("cameo"),
            trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger), trigger=trigger.text,
            sentence_start=sent.start_char, sentence_end=sent.end_char, sentence=sent.text.strip(),
            source_id=src[0], source=src[1], source_code=src[2], target_id=tgt[0], target=tgt[1], target_code=tgt[2],
            negated=flags[0], hypothetical=flags[1], future=flags[2],
            date=date.value if date else anchor,
            date_origin="expression" if date else ("publication" if anchor else "unknown"),
            place_id=place.id if place else None, quote_id=quote.id if quote else None,
            confidence=0.8 if src[0] and tgt[0] else 0.6,
        ))

    for token in doc:
        if token.pos_ == "VERB":
            sense = _sense(token)
            if sense is None:
                continue
            source = _source(token)
            targets = _targets(token, sense) or [None]
            flags = _flags(token)
            for s in _conjuncts(source) if source is not None else [None]:
                for t in [c for target in targets if target is not None for c in _conjuncts(target)] or [None]:
                    add(token, sense, s, t, flags)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in lexicon().nouns:
            sense = lexicon().nouns[token.lemma_.lower()]
            source = next((c for c in token.children if c.dep_ in {"poss", "compound", "amod"}
                           and c.pos_ in {"PROPN", "ADJ", "NOUN"} and c.lower_ not in {"mass", "painful"}), None)
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in {"by", "from"}:
                    source = next((c for c in prep.children if c.dep_ == "pobj"), source)
            target = next((c for prep in token.children if prep.dep_ == "prep" and prep.lower_ in {"against", "on"}
                           for c in prep.children if c.dep_ == "pobj"), None)
            add(token, sense, source, target, (False, False, False))
    return {"events": events}
