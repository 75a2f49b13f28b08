"""The features of an event candidate and its calibrated confidence.

`event_features` describes a candidate event to the confidence model (`data/events/event_model.json`,
applied by `event_patterns.event_model`, trained by scripts/train_event_model.py): how it was found
(sense origin, trigger lemma, part of speech and dependency), what its sides are (an actor, a coded
phrase, a pronoun …), where it stands (headline, paragraph, in a quote or a reported clause), its
modality, and whether the trigger's packaged valence and CAMEO coding agree with its type.
`salience` adds how much the article is about each side's actor, `setting` what frames the act (another
act's trigger governing it, its modal and adverbs, a counted side, how old its date is) and
`with_article_features` what the article's other events say of it (restatements of one act). The
features are binary indicators by name; the model's summed weights over them, Platt-scaled, are the
event's `confidence`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from chronicle.extract.event_patterns import lexicon
from chronicle.extract.event_syntax import NAMED, is_passive, semantic_head
from chronicle.extract.event_triggers import NONE, sense_label, trigger_probabilities
from chronicle.extract.event_types import type_probabilities
from chronicle.extract.tone import word_valence
from chronicle.records import Event

if TYPE_CHECKING:
    from chronicle.extract.events import Argument, Candidate, Coder, Found

# probability bands of the trigger and type classifiers' opinions
BANDS = (0.1, 0.25, 0.5, 0.75)


def salience(side: str, argument: Argument | None, coder: Coder) -> dict[str, float]:
    """How much the article is about the side's actor: its mentions, and whether it is quoted."""
    actor = coder.actors.get(argument.actor_id) if argument is not None and argument.actor_id else None
    if actor is None:
        return {}
    features = {f"{side}_mentions={min(actor.mention_count, 4)}": 1.0}
    # the article's protagonists are who its annotated acts are about; the rank is by mentions
    rank = 1 + sum(1 for other in coder.actors.values() if other.mention_count > actor.mention_count)
    features[f"{side}_rank={min(rank, 4)}"] = 1.0
    if actor.id in coder.speakers:
        features[f"{side}_speaks"] = 1.0
    return features


def _side_features(side: str, argument: Argument | None) -> dict[str, float]:
    if argument is None:
        return {f"{side}=none": 1.0}
    state = "actor" if argument.actor_id else ("code" if argument.code.text else "bare")
    features = {f"{side}={state}": 1.0}
    if argument.kind:
        features[f"{side}_kind={argument.kind}"] = 1.0
    if argument.token.pos_ == "PRON":
        features[f"{side}_pronoun"] = 1.0
        if argument.actor_id:  # a pronoun linked to an actor: right only when the linking is
            features[f"{side}_pronoun_actor"] = 1.0
    # how the side is attached: a possessor ("his attacks") or a compound is a weaker reading than a
    # subject or an object
    features[f"{side}_dep={argument.token.dep_}"] = 1.0
    if argument.token.ent_type_ in NAMED:
        features[f"{side}_named"] = 1.0
    if argument.code.sector:
        features[f"{side}_sector={argument.code.sector}"] = 1.0
    if argument.token.ent_type_:
        features[f"{side}_ent={argument.token.ent_type_}"] = 1.0
    if not argument.actor_id:  # what the side is when it is no actor ("a statement", "the stage")
        features[f"word:{side}_head={semantic_head(argument.token).lemma_.lower()}"] = 1.0
    return features


def event_features(item: Found, source: Argument | None, target: Argument | None, event: Event,
                   sentence: int, in_sentence: int, text: str) -> dict[str, float]:
    """What the event's confidence is learned from: how it was found (sense origin, trigger lemma and
    part of speech, dependency), what its arguments are (an actor, a coded phrase, a pronoun …), where
    it stands (headline, paragraph, in a quote) and its modality. Binary indicators, by name."""
    trigger = item.trigger
    paragraph = text.count("\n\n", 0, event.sentence_start)
    features: dict[str, float] = {
        "bias": 1.0,
        f"type={event.event_type}": 1.0,
        f"mode={event.event_type}:{event.mode}": 1.0,
        f"origin={item.sense.origin}": 1.0,
        f"type_origin={event.event_type}:{item.sense.origin}": 1.0,
        f"pos={trigger.pos_}": 1.0,
        f"lemma={trigger.lemma_.lower()}": 1.0,
        f"word:lemma_type={trigger.lemma_.lower()}:{event.event_type}": 1.0,
        f"word:lemma_dep={trigger.lemma_.lower()}:{trigger.dep_}": 1.0,
        f"dep={trigger.dep_}": 1.0,
        f"tag={trigger.tag_}": 1.0,
        f"head_dep={trigger.head.dep_ if trigger.head.i != trigger.i else 'none'}": 1.0,
        f"paragraph={min(paragraph, 4)}": 1.0,
        f"sentence={min(sentence, 6)}": 1.0,
        f"in_sentence={min(in_sentence, 4)}": 1.0,
        **_side_features("source", source),
        **_side_features("target", target),
    }
    if source is not None and target is not None:
        features[f"roles={'actor' if source.actor_id else 'other'}:{'actor' if target.actor_id else 'other'}"] = 1.0
        if source.code.country and source.code.country == target.code.country:
            features["same_country"] = 1.0
    for flag in ("negated", "hypothetical", "future"):
        if getattr(event, flag):
            features[flag] = 1.0
    if event.quote_id is not None:
        features["in_quote"] = 1.0
    # how reliable a type is differs in quotes and in modal statements ("we will support" is often
    # rhetoric the annotators leave out, a reported "support" less so)
    features[f"type_quote={event.event_type}:{event.quote_id is not None}"] = 1.0
    features[f"type_hypothetical={event.event_type}:{event.hypothetical}"] = 1.0
    # the trigger's packaged valence agrees with a judging type or not ("attacked" rated -2.1 is an
    # accusation; a neutral "attack" is more often violence or a misparse)
    tone = _tone(trigger)
    features.update(_agreement(trigger.lemma_.lower(), event.event_type))
    features[f"valence={tone}"] = 1.0
    features[f"type_valence={event.event_type}:{tone}"] = 1.0
    if trigger.pos_ == "VERB" and is_passive(trigger):
        features["passive"] = 1.0
    if _reported_clause(trigger):
        features["reported"] = 1.0
    if event.sentence.rstrip().endswith("?"):
        features["question"] = 1.0
    if sentence == 0 and 0 < text.find("\n") <= event.sentence_end:
        features["headline"] = 1.0  # the first line, a sentence of its own
    features |= _opinions(item) | _clause(trigger) | _layout(item, source, target, event)
    return features


def setting(item: Found, source: Argument | None, target: Argument | None, event: Event,
            triggers: dict[int, str], anchor: dt.date | None) -> dict[str, float]:
    """What frames the act, for the guide's non-events and acts the annotators place elsewhere: the
    trigger governed by another candidate's trigger ("called on the government to block the visit": the
    act is the demand, the visit is its content), its auxiliaries and adverbs ("would", "often": a
    possibility or a habit, not an act), a side counted by a number ("14 people were killed": a
    statistic or a recap), and how far the event's date lies from the article's (background)."""
    features: dict[str, float] = {}
    outer = _governing_trigger(item.trigger, triggers)
    if outer is not None:
        features["under_event"] = 1.0
        features[f"under_event={outer}:{event.event_type}"] = 1.0
    if any(t.i in triggers for t in item.trigger.children if t.dep_ in {"xcomp", "ccomp", "dobj", "pobj", "advcl"}):
        features["over_event"] = 1.0
    for child in item.trigger.children:
        if child.dep_ in {"aux", "advmod", "neg"} and child.pos_ in {"AUX", "ADV", "PART"}:
            # learned per word: "often", "would", "still" (kept only when frequent, as lemma features)
            features[f"word:{child.dep_}={child.lemma_.lower()}"] = 1.0
    for side, argument in (("source", source), ("target", target)):
        if argument is not None and _counted(argument.token):
            features[f"{side}_counted"] = 1.0
    features[f"date_age={_age(event, anchor)}"] = 1.0
    return features


def _governing_trigger(trigger: Token, triggers: dict[int, str]) -> str | None:
    """The type of the nearest other candidate trigger above this one in its sentence's tree (at most
    three steps up), if any."""
    current = trigger
    for _ in range(3):
        if current.head.i == current.i:
            return None
        current = current.head
        if current.i != trigger.i and current.i in triggers:
            return triggers[current.i]
    return None


def _counted(token: Token) -> bool:
    """The side is a number of people or things ("14 people", "one person", "thousands")."""
    head = semantic_head(token)
    return head.ent_type_ == "CARDINAL" or head.pos_ == "NUM" or any(
        c.dep_ == "nummod" for c in head.children)


def _age(event: Event, anchor: dt.date | None) -> str:
    """How far before the article's date the event's date lies: "none" (no date, or only the
    publication date by default), "days" (within a week), "weeks" (within two months), "older"
    (background: "in 2008"), "after" (still to come)."""
    if event.date is None or anchor is None or event.date_origin == "publication":
        return "none"
    days = (anchor - event.date).days
    if event.date_granularity == "year":  # a year is old only when it is an earlier one
        days = 366 if event.date.year < anchor.year else 0
    if days < 0:
        return "after"
    return "days" if days <= 7 else ("weeks" if days <= 60 else "older")


def _band(value: float) -> int:
    return sum(value >= b for b in BANDS)


def _opinions(item: Found) -> dict[str, float]:
    """What the learned trigger and type classifiers say of the trigger and the event's type: their
    probability of the type, and the trigger classifier's probability that the word is no trigger."""
    label = sense_label(item.sense)
    features: dict[str, float] = {}
    if item.trigger.pos_ in {"VERB", "NOUN"}:
        triggers = trigger_probabilities(item.trigger)
        features[f"trigger_p={_band(triggers.get(label, 0.0))}"] = 1.0
        features[f"trigger_none={_band(triggers.get(NONE, 0.0))}"] = 1.0
    types = type_probabilities(item.trigger, item.sense)
    features[f"type_p={_band(types.get(label, 0.0))}"] = 1.0
    return features


def _clause(trigger: Token) -> dict[str, float]:
    """Which clause the trigger heads: the sentence's main clause (or one coordinated with it), a clause
    a reporting verb reports, a subordinate clause, or none (a noun)."""
    if trigger.pos_ not in {"VERB", "AUX"}:
        return {"clause=nominal": 1.0}
    current = trigger
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    if current.dep_ == "ROOT":
        kind = "main"
    elif _reported_clause(trigger):
        kind = "reported"
    else:
        kind = "subordinate"
    return {f"clause={kind}": 1.0}


def _state(argument: Argument | None) -> str:
    if argument is None:
        return "none"
    return "actor" if argument.actor_id else ("code" if argument.code.text else "bare")


def _layout(item: Found, source: Argument | None, target: Argument | None, event: Event) -> dict[str, float]:
    """Each side's state for the event's type (an ACCUSE without a target is rarely annotated), how far
    it stands from the trigger and whether it is the trigger's own dependent (its subject, object or
    the object of its preposition) or was found further away (inherited, coordinated, scanned)."""
    features = {f"type_target={event.event_type}:{_state(target)}": 1.0,
                f"type_source={event.event_type}:{_state(source)}": 1.0}
    trigger = item.trigger
    for side, argument in (("source", source), ("target", target)):
        if argument is None or argument.token.doc is not trigger.doc:
            continue
        token = argument.token
        features[f"{side}_distance={min(abs(token.i - trigger.i) // 4, 3)}"] = 1.0
        own = token.head.i == trigger.i or (token.head.head.i == trigger.i and token.head.dep_ in {"prep", "agent"})
        features[f"{side}_own={own}"] = 1.0
    return features


def with_article_features(candidates: list[Candidate]) -> list[Candidate]:
    """Each event's features with what the article's other events say of it: how many events of its
    type the article states (a report about a protest states many) and whether its trigger gives
    another event too (one word, several readings or sides)."""
    types: dict[str, int] = {}
    triggers: dict[int, int] = {}
    for c in candidates:
        types[c.event.event_type] = types.get(c.event.event_type, 0) + 1
        triggers[c.event.trigger_start] = triggers.get(c.event.trigger_start, 0) + 1
    out = []
    for c in candidates:
        extra = {f"type_count={min(types[c.event.event_type], 5)}": 1.0}
        if triggers[c.event.trigger_start] > 1:
            extra["shared_trigger"] = 1.0
        extra |= _restatement(c.event, candidates)
        out.append(replace(c, features={**c.features, **extra}))
    return out


def _restatement(event: Event, candidates: list[Candidate]) -> dict[str, float]:
    """Whether another sentence states an act of the same type with one of this event's actors: a
    restatement the merging could not join (the other side differs), earlier ("restates") or later
    ("restated")."""
    features: dict[str, float] = {}
    actors = {event.source_id, event.target_id} - {None}
    for c in candidates:
        other = c.event
        if other.event_type != event.event_type or other.sentence_start == event.sentence_start:
            continue
        if actors & ({other.source_id, other.target_id} - {None}):
            features["restates" if other.sentence_start < event.sentence_start else "restated"] = 1.0
    return features


def _agreement(lemma: str, event_type: str) -> dict[str, float]:
    """Whether the packaged CAMEO verb table codes the trigger's lemma to the same type ("agrees"),
    another ("differs") or not at all, and how many senses the lexicon gives it: an ambiguous
    trigger is more often mistyped."""
    lex = lexicon()
    cameo = lex.cameo_verbs.get(lemma)
    verdict = "none" if cameo is None else ("agrees" if cameo.type == event_type else "differs")
    return {f"cameo={verdict}": 1.0, f"senses={min(len(lex.verbs.get(lemma, ())), 3)}": 1.0}


def _tone(trigger: Token) -> str:
    """The trigger's VADER valence as a sign: "neg", "pos" or "none" (unrated or weak)."""
    value = word_valence(trigger)
    return "neg" if value <= -1.0 else ("pos" if value >= 1.0 else "none")


def _reported_clause(trigger: Token) -> bool:
    """The trigger stands in the clause a reporting verb reports ("X said Y attacked Z")."""
    reporting = lexicon().reporting_verbs
    current = trigger
    for _ in range(4):
        if current.head.i == current.i:
            return False
        if current.dep_ in {"ccomp", "parataxis"} and current.head.lemma_.lower() in reporting:
            return True
        current = current.head
    return False
