"""The learned PLOVER type classifier: which type of act a found event trigger says.

The lexicon (`lexicon.yaml`) types the triggers it was written for; the broad sources (the CAMEO
table, nouns of listed verbs, WordNet's kinds of typed acts, VADER valence) type the others by one
entry each, often wrongly for the sense news uses ("pressed" charges, "struck" a deal). This module
owns a type decision that carries to triggers nobody wrote an entry for: a multinomial logistic
regression (`data/events/type_model.json`, written by `scripts/train_event_types.py` from the
annotated real-news training articles; applied here in plain Python) over features of the parse:

- the trigger's lemma (lemmas seen in enough training articles only), part of speech, negation and
  VADER valence band (criticism and praise differ in little else);
- WordNet 3.0 (`data/events/wordnet_types.tsv`, built by `scripts/build_type_wordnet.py`): the lexical
  files of its two commonest senses, the hypernym path of the first ("lambaste" → criticize), the
  synsets of its three commonest senses and the nearest hypernyms of the second and third (shared with
  synonyms: the back-off for a lemma the model has no weight for, `backed_off`), and, for a noun, the
  same of the verb it derives from;
- its object's or complement's head lemma and lexical file ("struck a deal" is no assault), its
  prepositions and particle;
- what its subject and object are: a state, a group, a person, an armed force;
- the type the rules gave it and where that came from (lexicon.yaml, the CAMEO table …), the
  lexicon's and the CAMEO table's own types for the lemma: the model learns when to trust them.

`retyped` is the events stage's hook: a trigger whose sense comes from a broad source takes the
model's type when the model is at least `FILL_MIN` sure of it, a reported clause typed by its tone at
`TONE_MIN`; a lexicon.yaml sense at `ARBITRATE_MIN` when lexicon.yaml gives its lemma senses of more
than one type (`ambiguous`), never otherwise (see docs/events.md for the cross-validated choices). The
constructions that type by their form (reports, namings, quoted accusations, PETRARCH) are not
retyped. Cost: one feature dict and one dot product per candidate, not per token.

`act_sense` proposes candidates the rules miss: a verb WordNet files among deeds (`ACT_VERB_FILES`), with
someone taking part, that the trigger classifier does not rule out, typed by this model.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from spacy.tokens import Token

from chronicle.extract.event_patterns import DATA, Sense, lexicon, wordnet_hints
from chronicle.extract.event_syntax import objects_of, subject_of
from chronicle.extract.event_triggers import (
    NONE,
    SoftmaxModel,
    has_someone,
    kept_opinion,
    model_in_use,
    sense_label,
    trigger_probabilities,
)
from chronicle.extract.tone import word_valence

FILL_MIN = 0.4
"""A broad-source sense takes the model's type at or above this probability (5-fold CV on the training
articles: of 249 gold triggers with such a sense, the rule types 184 right, the hook 210)."""
ARBITRATE_MIN = 0.6
"""A lexicon.yaml sense of an ambiguous lemma takes the model's type at or above this probability (CV on
the 739 training articles: of 268 gold triggers with such a sense the rule types 133 right, the hook 209).
A lemma with senses of one type is never scored: there the model adds little (1413 → 1424 of 1634 at
0.6) and those senses are most of the candidates, whose scoring the events time budget lacks."""
TONE_MIN = 0.5
"""A reported clause typed by its tone takes the model's type of its verb at or above this, when that type
is neither praise nor disapproval (CV: 14 → 17 of 26)."""
FILLED_ORIGINS = frozenset({"cameo", "cameo-material", "cameo-object", "derived-noun", "wordnet-noun",
                            "agent-noun", "valence"})
"""Senses of one broad-source entry for the word."""
ARBITRATED_ORIGINS = frozenset({"lexicon"})
TONED_ORIGINS = frozenset({"report-tone", "report-valence"})
"""Reported clauses typed by their tone ("said the police had rioted"): the clause's verb may say the act."""
TONE_TYPES = frozenset({"ACCUSE:disapprove", "SUPPORT"})
"""What a tone says: between these two the tone decides, not the verb ("said he did a brilliant job")."""
RETYPED_ORIGINS = FILLED_ORIGINS | ARBITRATED_ORIGINS | TONED_ORIGINS
ACT_VERB_FILES = frozenset({"verb.contact", "verb.competition", "verb.social", "verb.possession", "verb.motion"})
"""WordNet lexical files of verbs of deeds done to, with or against others (seize, fight, expel, give,
evacuate), as against saying, thinking, feeling or being: a verb one of whose two commonest senses is
filed here may be an act no table lists (`act_sense`)."""
ACT_PROPOSE_AT = 0.05
"""Such a verb is a candidate when the trigger classifier gives it at least this chance of being a trigger
of any type (1 - P(NONE)); see docs/events.md, round 10."""
OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
OBJECT_HYPERNYMS = 3
"""How many of the object's nearest hypernyms are features (further up they are all "act", "event")."""
SYNSET_FEATURES = ("syn=", "verb_syn=")
"""The trigger's (or its verb's) synsets: used only for a lemma the model does not know (`backed_off`)."""


class Candidate(Protocol):
    """What the hook reads of an events-stage candidate (`events.Found`)."""

    trigger: Token
    sense: Sense


T = TypeVar("T", bound=Candidate)


@dataclass(frozen=True)
class WordNetPath:
    """What `wordnet_types.tsv` says of a word (see its header)."""

    lexfile: str
    second: str
    hypernyms: tuple[str, ...]
    armed: bool
    senses: tuple[str, ...]
    """The synsets of its commonest senses and their nearest hypernyms: what it shares with synonyms."""


@functools.cache
def _wordnet_lines() -> dict[str, str]:
    """`wordnet_types.tsv`'s lines by "pos<TAB>lemma", read once and parsed only when asked for: the
    events stage looks up a few hundred of its 46,000 words an article."""
    lines: dict[str, str] = {}
    for line in (DATA / "wordnet_types.tsv").read_text(encoding="utf-8").splitlines():
        if line and line[0] != "#":
            lines[line[: line.index("\t", 2)]] = line
    return lines


@functools.cache
def wordnet_path(pos: str, lemma: str) -> WordNetPath | None:
    """A word's lexical files, hypernym path and armed flag (pos "v" or "n"), or None if WordNet lacks it."""
    line = _wordnet_lines().get(f"{pos}\t{lemma}")
    if line is None:
        return None
    _pos, _lemma, lexfile, second, chain, flag, synsets = line.split("\t")
    return WordNetPath(lexfile, second, _names(chain), flag == "armed", _names(synsets))


def _names(column: str) -> tuple[str, ...]:
    return tuple(column.split(",")) if column else ()


def _wordnet(prefix: str, pos: str, lemma: str) -> dict[str, float]:
    entry = wordnet_path(pos, lemma)
    if entry is None:
        return {f"{prefix}wn=none": 1.0}
    features = {f"{prefix}wn={entry.lexfile}": 1.0}
    if entry.second:
        features[f"{prefix}wn2={entry.second}"] = 1.0
    for synset in entry.hypernyms:
        features[f"{prefix}hyp={synset}"] = 1.0
    for synset in entry.senses:
        features[f"{prefix}syn={synset}"] = 1.0
    return features


def _sources(lemma: str, pos: str) -> dict[str, float]:
    """What the lexicon, the CAMEO table and the WordNet hints say the lemma's type is."""
    lex = lexicon()
    features: dict[str, float] = {}
    if pos == "VERB":
        senses = lex.verbs.get(lemma)
        if senses:
            features[f"lex={sense_label(senses[0])}"] = 1.0
        if lemma in lex.cameo_verbs:
            features[f"cameo={sense_label(lex.cameo_verbs[lemma])}"] = 1.0
        hint = wordnet_hints().verbs.get(lemma)
        if hint and hint[1]:
            features[f"hint={hint[1]}"] = 1.0
        return features
    if lemma in lex.nouns:
        features[f"lex_noun={sense_label(lex.nouns[lemma])}"] = 1.0
    _lexfile, verb, verb_hint = wordnet_hints().nouns.get(lemma, ("", "", ""))
    if verb and verb in lex.verbs:
        features[f"lex_of_verb={sense_label(lex.verbs[verb][0])}"] = 1.0
    if verb and verb in lex.cameo_verbs:
        features[f"cameo_of_verb={sense_label(lex.cameo_verbs[verb])}"] = 1.0
    if verb_hint:
        features[f"hint={verb_hint}"] = 1.0
    kind = wordnet_hints().classes.get(lemma)
    if kind and kind[1]:
        features[f"class={kind[1]}"] = 1.0
    return features


def _valence_band(value: float) -> str:
    """VADER's -4 … 4 in five bands."""
    return "--" if value <= -1.5 else "-" if value < 0 else "0" if value == 0 else "+" if value < 1.5 else "++"


def _derived_verb(lemma: str) -> str | None:
    return wordnet_hints().nouns.get(lemma, ("", "", ""))[1] or None


def _kind(token: Token) -> str:
    """What a participant is: a state, an armed force, a person, an organisation, a thing."""
    entry = wordnet_path("n", token.lemma_.lower())
    if entry is not None and entry.armed:
        return "military"
    if token.ent_type_ in {"GPE", "NORP"}:
        return "state"
    if token.ent_type_ == "PERSON" or token.lower_ in {"he", "she", "i", "we", "they", "him", "her", "them"}:
        return "person"
    if token.ent_type_ == "ORG":
        return "organisation"
    return entry.lexfile if entry is not None else "other"


def _participants(token: Token) -> tuple[Token | None, Token | None]:
    """The trigger's subject and object as the events stage reads them (`event_syntax.subject_of`,
    `objects_of`: through infinitives, coordination, the passive's agent); for a noun, its
    possessor or "by" agent and its "of"/"against" complement, else the subject of the verb it is the
    object of ("held talks")."""
    if token.pos_ in {"VERB", "AUX"}:
        objects = objects_of(token)
        return subject_of(token), objects[0] if objects else None
    subject = obj = None
    for child in token.children:
        if child.dep_ == "poss" and subject is None:
            subject = child
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            subject = next((o for o in child.children if o.dep_ == "pobj"), subject)
        elif child.dep_ == "prep" and obj is None:
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
    if subject is None and token.dep_ in OBJECT_DEPS and token.head.pos_ == "VERB":
        subject = subject_of(token.head)  # "held talks"
    return subject, obj


def type_features(token: Token, sense: Sense | None) -> dict[str, float]:
    """The named binary features of a trigger and the sense the rules gave it (see the docstring)."""
    lemma = token.lemma_.lower()
    pos = "VERB" if token.pos_ in {"VERB", "AUX"} else "NOUN"
    wn_pos = "v" if pos == "VERB" else "n"
    features: dict[str, float] = {"bias": 1.0, f"lemma={lemma}": 1.0, f"pos={pos}": 1.0,
                                  f"valence={_valence_band(word_valence(token))}": 1.0}
    features |= _wordnet("", wn_pos, lemma)
    verb = _derived_verb(lemma) if pos == "NOUN" else None
    if verb:
        features |= _wordnet("verb_", "v", verb)
    features |= _sources(lemma, pos)
    # a tone's type says nothing of the verb's act
    rule = sense_label(sense) if sense is not None and sense.origin not in TONED_ORIGINS else None
    if rule:
        features[f"rule={rule}"] = 1.0
    if sense is not None:
        features[f"origin={sense.origin}"] = 1.0
    for child in token.children:
        if child.dep_ == "neg":
            features["negated"] = 1.0
        elif child.dep_ == "prt":
            features[f"prt={child.lower_}"] = 1.0
        elif child.dep_ in {"prep", "agent"}:
            features[f"prep={child.lower_}"] = 1.0
    subject, obj = _participants(token)
    if subject is not None:
        features[f"subject={_kind(subject)}"] = 1.0
    if obj is not None:
        head = obj.lemma_.lower()
        features[f"object={head}"] = 1.0
        features[f"object_is={_kind(obj)}"] = 1.0
        entry = wordnet_path("n", head)
        if entry is not None:
            features[f"object_wn={entry.lexfile}"] = 1.0
            for synset in entry.hypernyms[:OBJECT_HYPERNYMS]:  # "a treaty" is an agreement, "compensation" a payment
                features[f"object_hyp={synset}"] = 1.0
    if token.dep_ in OBJECT_DEPS and token.head.pos_ == "VERB":
        features[f"governor={token.head.lemma_.lower()}"] = 1.0
    return features


def backed_off(features: dict[str, float], knows: Callable[[str], bool]) -> dict[str, float]:
    """The features without the trigger's synsets when the model knows its lemma: synsets are the back-off
    for a word the model has no weight for, shared with its synonyms ("castigate" typed as "criticize" was);
    beside a known lemma they would only say the lemma again, louder than its object and prepositions."""
    if any(name.startswith("lemma=") and knows(name) for name in features):
        return {name: value for name, value in features.items() if not name.startswith(SYNSET_FEATURES)}
    return features


def type_model() -> SoftmaxModel:
    return model_in_use("type_model")


TYPE_OPINIONS_KEY = "chronicle.events.type_probabilities"


def type_probabilities(token: Token, sense: Sense | None) -> dict[str, float]:
    """Probability of each type label for a trigger read with a sense (a lemma the model has no weight for
    is read by its synsets, `backed_off`). Kept per document and model by trigger and sense
    (`kept_opinion`): retyping asks it, and the confidence features ask it again."""
    model = type_model()
    return kept_opinion(token.doc, TYPE_OPINIONS_KEY, model, (token.i, sense),
                        lambda: backed_off(type_features(token, sense), model.knows))


def act_sense(token: Token) -> Sense | None:
    """A trigger sense for a verb no rule or proposal claims that WordNet files among deeds
    (`ACT_VERB_FILES`, first or second sense), with someone among its arguments: when the trigger
    classifier's chance of any event there reaches `ACT_PROPOSE_AT`, the type this model gives it with no
    rule sense (a lemma it has no weight for is typed by its synsets, `backed_off`). Origin "wordnet-verb":
    the event model weighs it apart."""
    if token.pos_ != "VERB" or token.dep_ == "prep":
        return None
    entry = wordnet_path("v", token.lemma_.lower())
    if entry is None or not {entry.lexfile, entry.second} & ACT_VERB_FILES or not has_someone(token):
        return None
    if 1.0 - trigger_probabilities(token).get(NONE, 0.0) < ACT_PROPOSE_AT:
        return None
    best, _probability = predict(token, None)
    event_type, _, mode = best.partition(":")
    return Sense(type=event_type, mode=mode or None, preps=lexicon().target_preps, origin="wordnet-verb")


def predict(token: Token, sense: Sense | None) -> tuple[str, float]:
    """The most probable type label of a trigger and its probability."""
    probabilities = type_probabilities(token, sense)
    best = max(sorted(probabilities), key=probabilities.__getitem__)
    return best, probabilities[best]


def retype(sense: Sense, new: str) -> Sense:
    """A sense with the model's type: the mode from its label (ACCUSE's), no CAMEO code (the rule's
    code was of the old type; a code-less event falls back to its type's root)."""
    event_type, _, mode = new.partition(":")
    return replace(sense, type=event_type, mode=mode or None, cameo=None)


def decide(sense: Sense, best: str, probability: float, lemma: str = "") -> Sense:
    """The rule's sense, or the model's type where the hook lets the model decide (module docstring)."""
    if best == sense_label(sense) or (sense.origin in TONED_ORIGINS and best in TONE_TYPES):
        return sense
    return retype(sense, best) if probability >= minimum(sense.origin, lemma) else sense


def ambiguous(lemma: str) -> bool:
    """Whether lexicon.yaml gives the verb senses of more than one type ("strike": ASSAULT, PROTEST …)."""
    return len({sense_label(s) for s in lexicon().verbs.get(lemma, ())}) > 1


def minimum(origin: str, lemma: str) -> float:
    """The probability at which the model's type replaces a sense of this origin for a trigger of this
    lemma (above 1: never)."""
    if origin in FILLED_ORIGINS:
        return FILL_MIN
    if origin in ARBITRATED_ORIGINS:
        return ARBITRATE_MIN if ambiguous(lemma) else math.inf
    return TONE_MIN if origin in TONED_ORIGINS else math.inf


def retyped(found: Iterable[T]) -> list[T]:
    """The candidates, each with the type the model gives it where it may (`decide`); one model call
    per trigger and sense."""
    memo: dict[tuple[int, Sense], Sense] = {}
    out = []
    for item in found:
        lemma = item.trigger.lemma_.lower()
        if minimum(item.sense.origin, lemma) > 1.0:  # nothing the model says could change it: no call
            out.append(item)
            continue
        key = (item.trigger.i, item.sense)
        if key not in memo:
            memo[key] = decide(item.sense, *predict(item.trigger, item.sense), lemma)
        out.append(item if memo[key] is item.sense else replace(item, sense=memo[key]))  # type: ignore[type-var]
    return out
