"""The features of an event candidate and its calibrated confidence.

`event_features` describes a candidate event to the confidence model (`data/events/event_model.json`,
applied by `event_patterns.event_model`, trained by scripts/train_event_model.py): how it was found
(sense origin, trigger lemma, part of speech and dependency), what its sides are (an actor, a coded
phrase, a pronoun …), where it stands (headline, paragraph, in a quote or a reported clause), its
modality, and whether the trigger's packaged valence and CAMEO coding agree with its type.
`salience` adds how much the article is about each side's actor. The features are binary indicators
by name; the model's summed weights over them, Platt-scaled, are the event's `confidence`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from chronicle.extract.event_patterns import lexicon
from chronicle.extract.tone import word_valence
from chronicle.records import Event

if TYPE_CHECKING:
    from chronicle.extract.events import Argument, Coder, Found


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
    # the events stage imports this module, so its syntax helpers are imported when first called
    from chronicle.extract.events import NAMED, semantic_head

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
    from chronicle.extract.events import is_passive  # see _side_features

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
