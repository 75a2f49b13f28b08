"""The learned event-trigger classifier: is a verb or noun an event trigger, and of which type?

The lexicon (`lexicon.yaml`, `cameo_verbs.yaml`) names the words it knows; news says criticism, praise
and demands in many more ("lambasted", "a broadside", "solicited"). This module scores any verb or
noun with a multinomial logistic regression (`data/events/trigger_model.json`, written by
`scripts/train_event_triggers.py` from the silver training annotations; applied here in plain Python)
over features that carry beyond the words it was trained on:

- what the lexicon and the CAMEO table say of the lemma (its type, or a verb's noun form's);
- what WordNet says (`data/events/wordnet_events.tsv`, built by `scripts/build_event_wordnet.py`):
  the lexical file of its first sense (verb.communication, noun.act …) and the type of a known event
  verb among its synonyms or hypernyms, or, for a noun, of the verb it derives from and of the typed
  act its first sense is a kind of;
- its VADER valence (criticism and praise are strongly valenced);
- its syntax: part of speech, dependency, whether someone (a name, a pronoun) is its subject, object
  or possessor, whether a reporting verb reports it;
- its lemma, for lemmas seen in enough training articles.

The events stage asks it for a second opinion on the words its rules make triggers of (`second_opinion`)
on the words the broad sources make triggers of (the CAMEO table, nouns of listed verbs, WordNet's kinds
of typed acts, VADER valence; lexicon.yaml's curated senses are not judged: silver has too few material
acts to judge them by): a word the classifier gives less than `REJECT_BELOW` chance of being a trigger
of the rule's type is dropped ("led the polls", "the campaign's support"). It does not retype rule
triggers (on silver CV it would change one).

It also proposes triggers of its own (`proposed_sense`, origin "classifier"): a verb or noun no rule
makes a trigger of, with someone among its own arguments (a name, a personal pronoun, a role or group
noun as its subject, object, possessor, agent or prepositional object: an event needs a participant),
is a trigger of the classifier's likeliest event type when that type's probability reaches
`PROPOSE_AT`. The events stage reads its sides as it reads a rule trigger's; the confidence model
weighs the origin apart.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from chronicle.extract.codes import agents
from chronicle.extract.event_patterns import UNDERGOER_TYPES, Sense, lexicon, wordnet_hints
from chronicle.extract.event_syntax import subject_of
from chronicle.extract.tone import STRONG_VALENCE, word_valence

DATA = Path(__file__).resolve().parents[1] / "data" / "events"
REJECT_BELOW = 0.01
"""A judged rule trigger whose chance of being a trigger of the rule's type is below this is dropped
(silver CV, scripts/train_event_triggers.py: keeps 341 of 1,259 such words and 33 of their 41 gold
triggers of the rule's type)."""
PROPOSE_AT = 0.2
"""A verb or noun no rule makes a trigger of is proposed as one when its likeliest event type has at least
this probability (CV, scripts/train_event_triggers.py, docs/events.md)."""
NONE = "NONE"
SOMEONE = {"PERSON", "ORG", "GPE", "NORP"}
PRONOUNS = {"he", "she", "they", "him", "her", "them", "we", "us", "i", "me", "you"}
CLASSES = ("VERB", "NOUN")
"""Parts of speech the classifier scores."""


def _someone(token: Token) -> bool:
    return token.ent_type_ in SOMEONE or token.lower_ in PRONOUNS


def _valence_band(token: Token) -> str:
    value = word_valence(token)
    if value <= -STRONG_VALENCE:
        return "strong-"
    if value >= STRONG_VALENCE:
        return "strong+"
    return "weak-" if value < 0 else "weak+" if value > 0 else "none"


def _lexicon_features(lemma: str, pos: str) -> dict[str, float]:
    lex = lexicon()
    features: dict[str, float] = {}
    senses = lex.verbs.get(lemma)
    if senses:
        features[f"lex_verb={senses[0].type}:{senses[0].mode or ''}"] = 1.0
        if senses[0].objects or senses[0].particles:
            features["lex_verb_conditional"] = 1.0
    if lemma in lex.cameo_verbs:
        sense = lex.cameo_verbs[lemma]
        features[f"{sense.origin}={sense.type}:{sense.mode or ''}"] = 1.0
    if pos == "NOUN" and lemma in lex.nouns:
        features[f"lex_noun={lex.nouns[lemma].type}:{lex.nouns[lemma].mode or ''}"] = 1.0
    for name, words in (("reporting", lex.reporting_verbs), ("intent", lex.intent_verbs),
                        ("light", lex.light_verbs), ("message", lex.message_nouns),
                        ("pejorative", lex.pejoratives)):
        if lemma in words:
            features[f"list={name}"] = 1.0
    return features


def _wordnet_features(lemma: str, pos: str) -> dict[str, float]:
    hints = wordnet_hints()
    features: dict[str, float] = {}
    if pos == "VERB" and lemma in hints.verbs:
        lexfile, hint, depth = hints.verbs[lemma]
        features[f"wn={lexfile}"] = 1.0
        if hint:
            features[f"wn_hint={hint}"] = 1.0
            features[f"wn_hint={hint}@{depth}"] = 1.0
    elif pos == "NOUN" and lemma in hints.nouns:
        lexfile, verb, hint = hints.nouns[lemma]
        features[f"wn={lexfile}"] = 1.0
        if hint:
            features[f"wn_hint={hint}"] = 1.0
            features[f"wn_hint={hint}:{lexfile}"] = 1.0
        features |= {f"from_{k}": v for k, v in _lexicon_features(verb, "VERB").items()}
    elif pos == "NOUN":
        features["wn=no-verb"] = 1.0
    if pos == "NOUN" and lemma in hints.classes:
        _lexfile, kind, depth = hints.classes[lemma]
        features[f"wn_class={kind}"] = 1.0
        features[f"wn_class={kind}@{depth}"] = 1.0
    return features


def _syntax_features(token: Token) -> dict[str, float]:
    features = {f"pos={token.pos_}": 1.0, f"tag={token.tag_}": 1.0, f"dep={token.dep_}": 1.0,
                f"head_pos={token.head.pos_}": 1.0}
    for child in token.children:
        dep = child.dep_
        if dep in {"nsubj", "nsubjpass", "dobj", "poss", "dative", "agent"}:
            features[f"has_{dep}"] = 1.0
            if _someone(child):
                features[f"someone_{dep}"] = 1.0
        elif dep == "prep":
            features[f"prep={child.lower_}"] = 1.0
            if any(_someone(o) for o in child.children if o.dep_ == "pobj"):
                features[f"someone_prep={child.lower_}"] = 1.0
        elif dep == "neg":
            features["negated"] = 1.0
        elif dep in {"ccomp", "xcomp"}:
            features[f"has_{dep}"] = 1.0
    if token.dep_ in {"ccomp", "parataxis"} and token.head.lemma_.lower() in lexicon().reporting_verbs:
        features["reported"] = 1.0
    if token.dep_ in {"dobj", "pobj"}:
        features[f"governor={token.head.lemma_.lower()}"] = 1.0
    doer = clause_doer(token)
    if doer is not None:
        # the doer the clause gives a word without a subject of its own ("vowed to punish", "launched a tirade")
        features["clause_doer"] = 1.0
        if _person_like(doer):
            features["someone_clause_doer"] = 1.0
    return features


@functools.lru_cache(maxsize=50_000)
def _lemma_features(lemma: str, pos: str, lexicon_id: int) -> dict[str, float]:
    """What the tables say of a lemma, once per lemma and lexicon (`lexicon_id`: leave-one-out evaluation
    swaps the lexicon); the stage scores every unclaimed verb and noun, mostly of recurring lemmas."""
    return {**_lexicon_features(lemma, pos), **_wordnet_features(lemma, pos)}


def trigger_features(token: Token) -> dict[str, float]:
    """The named binary features of a verb or noun (see the module docstring)."""
    lemma = token.lemma_.lower()
    pos = "VERB" if token.pos_ == "VERB" else "NOUN"
    return {"bias": 1.0, f"lemma={lemma}": 1.0, f"valence={_valence_band(token)}": 1.0,
            **_lemma_features(lemma, pos, id(lexicon())), **_syntax_features(token)}


@dataclass(frozen=True)
class SoftmaxModel:
    """A multinomial logistic regression applied in plain Python: per class (the trigger classifier's NONE
    and event types, or the type classifier's event types), weights of named features; softmax over them."""

    weights: dict[str, dict[str, float]]

    @functools.cached_property
    def _matrix(self) -> tuple[tuple[str, ...], dict[str, int], np.ndarray]:
        """The classes, each feature's row, and the weights as a feature × class matrix: the stage scores
        every verb and noun, so a word's class scores are the sum of its features' rows, taken in one
        numpy reduction rather than feature by feature in Python."""
        labels = tuple(self.weights)
        names = sorted({name for w in self.weights.values() for name in w})
        matrix = np.array([[self.weights[label].get(name, 0.0) for label in labels] for name in names],
                          dtype=np.float64).reshape(len(names), len(labels))
        return labels, {name: row for row, name in enumerate(names)}, matrix

    def knows(self, name: str) -> bool:
        """Whether any class has a weight for the feature."""
        return name in self._matrix[1]

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        labels, rows, matrix = self._matrix
        known = [(rows[name], value) for name, value in features.items() if name in rows]
        if known:
            picked = matrix.take([row for row, _value in known], axis=0)
            if any(value != 1.0 for _row, value in known):
                picked = picked * np.array([value for _row, value in known])[:, None]
            # summed down the rows, one after another in the features' order (numpy reduces over the
            # non-contiguous axis so), the same floats as adding feature by feature; with a single class
            # the order differs, but its probability is 1 whatever the score
            scores = np.add.reduce(picked, axis=0).tolist()
        else:
            scores = [0.0] * len(labels)
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return {label: value / total for label, value in zip(labels, exps, strict=True)}


# models standing in for packaged ones, by file stem ("trigger_model", "type_model"): training the event
# model reads each article with classifiers fitted without it (`models_in_use`), as the stage reads new text
_STAND_INS: dict[str, SoftmaxModel] = {}


@functools.cache
def _packaged_model(stem: str) -> SoftmaxModel:
    data = json.loads((DATA / f"{stem}.json").read_text(encoding="utf-8"))
    return SoftmaxModel(weights=data["weights"])


def model_in_use(stem: str) -> SoftmaxModel:
    """The classifier `data/events/<stem>.json` holds, or the model standing in for it."""
    return _STAND_INS.get(stem) or _packaged_model(stem)


@contextmanager
def models_in_use(models: dict[str, SoftmaxModel]) -> Iterator[None]:
    """Within the block, these models (by file stem) stand in for the packaged ones: the event model's
    training (scripts/train_event_model.py) cross-fits the classifiers' opinions this way."""
    _STAND_INS.update(models)
    try:
        yield
    finally:
        for stem in models:
            del _STAND_INS[stem]


def trigger_model() -> SoftmaxModel:
    return model_in_use("trigger_model")


def sense_label(sense: Sense) -> str:
    """The classifier's name for a sense's type: chronicle's type, with the mode where it decides the
    PLOVER 0.5 name (ACCUSE:investigate is INVESTIGATE, every other ACCUSE a DISAPPROVE)."""
    if sense.type == "ACCUSE":
        return "ACCUSE:investigate" if sense.mode == "investigate" else "ACCUSE:disapprove"
    return sense.type


OPINIONS_KEY = "chronicle.events.trigger_probabilities"


def kept_opinion(doc: Doc, name: str, model: SoftmaxModel, key: Hashable,
                 features: Callable[[], dict[str, float]]) -> dict[str, float]:
    """A classifier's probabilities for `key`, kept with the document (`doc.user_data[name]`) for as long as
    `model` is the one in use (a stand-in model starts afresh); `features` are read only when not kept."""
    cache = doc.user_data.get(name)
    if cache is None or cache[0] is not model:
        cache = (model, {})
        doc.user_data[name] = cache
    found = cache[1].get(key)
    if found is None:
        found = cache[1][key] = model.probabilities(features())
    return found


def trigger_probabilities(token: Token) -> dict[str, float]:
    """Probability of each class (NONE or an event type) for a verb or noun. Kept per document and model
    (`kept_opinion`): the stage asks for a trigger's opinion when it judges or proposes it and again
    when it weighs the event's confidence."""
    return kept_opinion(token.doc, OPINIONS_KEY, trigger_model(), token.i, lambda: trigger_features(token))


def second_opinion(sense: Sense, probabilities: dict[str, float]) -> bool:
    """Whether the classifier keeps a rule trigger: its chance of being a trigger of the rule's type."""
    return probabilities.get(sense_label(sense), 0.0) >= REJECT_BELOW


ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "poss", "dative", "agent", "pobj"}


def _person_like(token: Token) -> bool:
    """A name, a personal pronoun or a role or group noun (agents.yaml): who can take part in an act."""
    people = agents()
    return _someone(token) or token.lemma_.lower() in people.roles or token.lemma_.lower() in people.groups


def has_someone(token: Token) -> bool:
    """Someone takes part in the word's act: one of its own arguments (its subject, object, possessor or
    agent, or the object of one of its prepositions) or the doer the clause gives it (`clause_doer`) is
    a name, a personal pronoun or a role or group noun."""
    for child in token.children:
        heads = [o for o in child.children if o.dep_ == "pobj"] if child.dep_ in {"prep", "agent"} else [child]
        if any(h.dep_ in ARGUMENT_DEPS and _person_like(h) for h in heads):
            return True
    doer = clause_doer(token)
    return doer is not None and _person_like(doer)


def clause_doer(token: Token) -> Token | None:
    """The doer a word gets from its clause rather than from a subject of its own: a verb's subject
    inherited through an infinitive, a coordinated verb, a participle or a relative clause ("vowed to
    punish them", "criticized and mocked"); for a noun that is a verb's object or in its `with` phrase,
    that verb's subject ("launched a tirade", "responded with a broadside"). None for a verb with its
    own subject, a passive, or a noun in any other place."""
    if token.pos_ == "VERB":
        if token.dep_ in {"ROOT", "ccomp"} or any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in token.children):
            return None
        return subject_of(token)
    if token.dep_ == "dobj" and token.head.pos_ == "VERB":
        return subject_of(token.head)
    if token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.pos_ == "VERB":
        return subject_of(token.head.head)
    return None


def proposed_sense(token: Token) -> Sense | None:
    """The classifier's own trigger sense for a verb or noun no rule makes a trigger of: its likeliest
    event type, when that reaches `PROPOSE_AT` and someone is among the word's arguments."""
    if token.pos_ not in CLASSES or token.dep_ == "prep" or not has_someone(token):
        return None
    probabilities = trigger_probabilities(token)
    label = max((k for k in probabilities if k != NONE), key=probabilities.__getitem__)
    if probabilities[label] < PROPOSE_AT:
        return None
    event_type, _, mode = label.partition(":")
    of = "target" if token.pos_ == "NOUN" and event_type in UNDERGOER_TYPES else None
    return Sense(type=event_type, mode=mode or None, preps=lexicon().target_preps, of=of, origin="classifier")
