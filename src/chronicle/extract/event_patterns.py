"""The event lexicon and the PLOVER code tables, loaded once from `data/events/`.

- `lexicon()`: `lexicon.yaml`, verb senses and event nouns with the word lists the events stage uses
  (light verbs, reporting verbs, modality cues …), and `cameo_verbs.yaml`, the broad verb table built
  by `scripts/build_event_verbs.py` from the Phoenix CAMEO dictionary, for verbs lexicon.yaml lacks;
- `cameo_to_plover(code)`: `cameo_plover.yaml`, the CAMEO → PLOVER 2021 table (for events coded
  from PETRARCH/TABARI dictionaries);
- `wordnet_hints()`: `wordnet_events.tsv`, what WordNet says of verbs and nouns (built by
  `scripts/build_event_wordnet.py`), for nominalisations, kinds of typed acts and agent nouns here
  and for the trigger classifier;
- `plover05_type(...)`: `plover05.yaml`, chronicle's types → the PLOVER 0.5 names the gold standard uses;
- `event_model()`: `event_model.json`, the logistic regression that gives each event its calibrated
  confidence (written by `scripts/train_event_model.py`; applied here in plain Python).
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Token

DATA = Path(__file__).resolve().parents[1] / "data" / "events"


@dataclass(frozen=True)
class Sense:
    type: str
    mode: str | None = None
    context: str | None = None
    cameo: str | None = None
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    object_is_target: bool = True
    of: str | None = None
    compounds: tuple[tuple[str, str], ...] = ()
    requires: frozenset[str] = frozenset()
    origin: str = "lexicon"
    """Where the sense comes from: "lexicon" (lexicon.yaml), "cameo" / "cameo-material" (cameo_verbs.yaml's
    verbs), "cameo-object" (its object patterns), or the construction that makes it ("report", "naming",
    "petrarch")."""

    @property
    def has_theme(self) -> bool:
        """The object is what is done (sanctions, stones, supplies), so the target is found elsewhere."""
        return not self.object_is_target


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Sense, ...]]
    cameo_verbs: dict[str, Sense]
    cameo_objects: dict[str, dict[str, Sense]]
    nouns: dict[str, Sense]
    target_preps: frozenset[str]
    light_verbs: frozenset[str]
    suffer_verbs: frozenset[str]
    not_doing_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    deontic: frozenset[str]
    pejoratives: frozenset[str]
    intent_verbs: frozenset[str]
    message_nouns: frozenset[str]
    quantity_nouns: frozenset[str]
    gather_verbs: frozenset[str]
    stative: frozenset[str]
    object_control: frozenset[str]
    instrument_verbs: frozenset[str]
    negators: frozenset[str]
    hypothetical: frozenset[str]
    future: frozenset[str]
    not_participants: frozenset[str]
    furniture_openers: tuple[str, ...]
    clause_taking: frozenset[str]


def _yaml(path: Path) -> Any:
    """A data file read with libyaml's safe loader where PyYAML has it (ten times faster)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def _words(values: Iterable[Any] | None) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _sense(entry: dict[str, Any], default_preps: frozenset[str]) -> Sense:
    compounds = entry.get("compounds") or {}
    return Sense(
        type=entry["type"],
        mode=entry.get("mode"),
        context=entry.get("context"),
        cameo=entry.get("cameo"),
        objects=_words(entry.get("objects")),
        not_objects=_words(entry.get("not_objects")),
        particles=_words(entry.get("particles")),
        preps=_words(entry["preps"]) if "preps" in entry else default_preps,
        object_is_target=entry.get("target", "object" if "objects" not in entry else "theme") == "object",
        of=entry.get("of"),
        compounds=tuple(sorted(compounds.items())),
        requires=_words(entry.get("requires")),
    )


def _object_sense(entry: list[Any], preps: frozenset[str]) -> Sense:
    """A sense of `cameo_verbs.yaml`'s object patterns. A verb with its object says more than the bare
    verb: origin "cameo-object", which the trigger classifier (trained on bare verbs) does not judge."""
    event_type, mode, code = entry
    return Sense(type=event_type, mode=mode, cameo=str(code), preps=preps, origin="cameo-object")


_left_out: frozenset[str] = frozenset()


def lexicon() -> Lexicon:
    """lexicon.yaml and cameo_verbs.yaml, without the lemmas `leaving_out` currently holds back."""
    return _lexicon_without(_left_out)


@contextlib.contextmanager
def leaving_out(lemmas: Iterable[str]) -> Iterator[None]:
    """Code without lexicon.yaml's verb and noun entries for `lemmas` (the CAMEO table stays): how the
    lexicon does on a trigger it was not written for (`chronicle eval events --leave-one-out`)."""
    global _left_out
    before, _left_out = _left_out, frozenset(lemmas)
    try:
        yield
    finally:
        _left_out = before


@functools.cache
def _lexicon_without(lemmas: frozenset[str]) -> Lexicon:
    full = _load_lexicon()
    if not lemmas:
        return full
    return replace(full, verbs={k: v for k, v in full.verbs.items() if k not in lemmas},
                   nouns={k: v for k, v in full.nouns.items() if k not in lemmas})


@functools.cache
def _load_lexicon() -> Lexicon:
    data = _yaml(DATA / "lexicon.yaml")
    preps = _words(data["target_preps"])
    cameo = _yaml(DATA / "cameo_verbs.yaml")
    return Lexicon(
        verbs={lemma: tuple(_sense(e, preps) for e in entries) for lemma, entries in data["verbs"].items()},
        cameo_verbs={lemma: Sense(type=t, mode=mode, cameo=str(code), preps=preps, origin=origin)
                     for table, origin in (("material", "cameo-material"), ("verbs", "cameo"))
                     for lemma, (t, mode, code) in (cameo.get(table) or {}).items()},
        cameo_objects={lemma: {word: _object_sense(entry, preps) for word, entry in objects.items()}
                       for lemma, objects in (cameo.get("objects") or {}).items()},
        nouns={lemma: _sense(entry, preps) for lemma, entry in data["nouns"].items()},
        target_preps=preps,
        light_verbs=_words(data["light_verbs"]),
        suffer_verbs=_words(data["suffer_verbs"]),
        not_doing_verbs=_words(data["not_doing_verbs"]),
        reporting_verbs=_words(data["reporting_verbs"]),
        deontic=_words(data["deontic"]),
        pejoratives=_words(data["pejoratives"]),
        intent_verbs=_words(data["intent_verbs"]),
        message_nouns=_words(data["message_nouns"]),
        quantity_nouns=_words(data["quantity_nouns"]),
        gather_verbs=_words(data["gather_verbs"]),
        stative=_words(data["stative"]),
        object_control=_words(data["object_control"]),
        instrument_verbs=_words(data["instrument_verbs"]),
        negators=_words(data["negators"]),
        hypothetical=_words(data["hypothetical"]),
        future=_words(data["future"]),
        not_participants=_words(data["not_participants"]),
        furniture_openers=tuple(str(w).lower() for w in data["furniture_openers"]),
        clause_taking=frozenset(str(t) for t in data["clause_taking"]),
    )


def verb_sense(verb: Token, obj: Token | None) -> Sense | None:
    """The first sense of the verb's lemma whose object and particle conditions hold (lexicon.yaml's
    senses, else the CAMEO dictionary's: its object pattern, else the verb's own code)."""
    lex = lexicon()
    lemma = verb.lemma_.lower()
    if lemma not in lex.verbs and obj is not None:
        patterned = cameo_object_sense(lemma, obj)
        if patterned is not None:
            return patterned
    senses = lex.verbs.get(lemma) or ((lex.cameo_verbs[lemma],) if lemma in lex.cameo_verbs else ())
    if not senses:
        return None
    objects = {c.lemma_.lower() for c in ([obj, *obj.conjuncts] if obj is not None else [])}
    governed = {c.lower_ for c in verb.children if c.dep_ in {"prt", "prep", "agent", "dative"}}
    # "called for the US to halt …": the parser makes "for" the mark of the clause
    governed |= {m.lower_ for c in verb.children if c.dep_ in {"advcl", "ccomp", "xcomp"} and c.i > verb.i
                 for m in c.children if m.dep_ == "mark" and m.i == verb.i + 1}
    for sense in senses:
        if sense.objects and not objects & sense.objects:
            continue
        if sense.not_objects and objects & sense.not_objects:
            continue
        if sense.particles and not governed & sense.particles:
            continue
        return sense
    return None


def cameo_object_sense(lemma: str, obj: Token) -> Sense | None:
    """The sense the CAMEO dictionary's object pattern gives a verb lexicon.yaml lacks ("eased
    sanctions", "granted asylum", "lifted the curfew"): PETRARCH's coding of verb and object, which
    differs from the verb's own code ("grant" alone is cooperation, granting asylum aid). The object's
    own word is tried before its lemma ("sanctions" and "sanction" are apart in the dictionary). A
    pattern of the same type as its object's event noun is not taken ("reached an agreement")."""
    patterns = lexicon().cameo_objects.get(lemma)
    if not patterns:
        return None
    sense = patterns.get(obj.lower_) or patterns.get(obj.lemma_.lower())
    if sense is None or obj.pos_ != "NOUN":
        return sense
    # "reached an agreement", "opened an investigation": a pattern that only restates its event noun
    # leaves the act to the noun (the verb is its support verb, which gives it its doer)
    act = noun_sense(obj)
    # a WordNet kind of act ("contract" is a kind of agreement) is looser than the verb's own pattern
    return None if act is not None and act.type == sense.type and act.origin != "wordnet-noun" else sense


# types whose undergoer a possessor or an "of" phrase names ("Assange's arrest", "the murder of X"); in
# the others a possessor is the one who acts ("Russia's request", "Trump's support")
UNDERGOER_TYPES = frozenset({"RETREAT", "COERCE", "ASSAULT", "SANCTION", "AID", "CONCEDE"})


def derived_noun_sense(lemma: str) -> Sense | None:
    """The sense of a noun lexicon.yaml lists only as a verb (zero derivation: "a request", "the
    charges", "his support"): the verb's first sense that does not depend on its object, with the
    possessor and the "of" phrase read by type (`UNDERGOER_TYPES`)."""
    for sense in lexicon().verbs.get(lemma, ()):
        if sense.objects or not sense.object_is_target:
            continue
        of = "target" if sense.type in UNDERGOER_TYPES else None
        return replace(sense, particles=frozenset(), of=of, origin="derived-noun")
    return None


def noun_sense(noun: Token) -> Sense | None:
    """The event sense of a noun, with the type a modifier gives it ("air strike" → ASSAULT); a noun
    the lexicon lists only as a verb takes the verb's sense (`derived_noun_sense`)."""
    lemma = noun.lemma_.lower()
    sense = lexicon().nouns.get(lemma)
    if sense is None and noun.tag_ in {"NN", "NNS"}:
        sense = (_derived_noun_sense(lemma, _left_out) or _nominalisation_sense(lemma, _left_out)
                 or _class_sense(lemma, _left_out))
    if sense is None or not (sense.compounds or sense.requires):
        return sense
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod"}}
    if sense.requires and not modifiers & sense.requires:
        return None
    for word, event_type in sense.compounds:
        if word in modifiers:
            return Sense(type=event_type, cameo=None, preps=sense.preps)
    return sense


@functools.cache
def _derived_noun_sense(lemma: str, left_out: frozenset[str]) -> Sense | None:
    return derived_noun_sense(lemma)


# WordNet lexical files of things and people, not acts: "attacker" (noun.person), "building"
# (noun.artifact) derive from event verbs but name no event
NOT_ACT_FILES = frozenset({"noun.person", "noun.artifact", "noun.food", "noun.animal", "noun.plant",
                           "noun.body", "noun.object", "noun.substance", "noun.shape", "noun.location",
                           "noun.time", "noun.quantity", "noun.Tops", "noun.attribute", "noun.feeling"})


# WordNet lexical files of acts: a noun whose first sense is elsewhere ("government", noun.group) names
# no act, whatever the verb it derives from
ACT_FILES = frozenset({"noun.act", "noun.communication", "noun.event"})


@dataclass(frozen=True)
class WordNetHints:
    verbs: dict[str, tuple[str, str, str]]
    """lemma → (lexical file, type hint or "", hypernym depth or "")."""
    nouns: dict[str, tuple[str, str, str]]
    """lemma → (lexical file, the verb it derives from, that verb's type hint or "")."""
    classes: dict[str, tuple[str, str, str]]
    """lemma → (lexical file, the type of the typed act it is a kind of, hypernym depth)."""


@functools.cache
def wordnet_hints() -> WordNetHints:
    """`wordnet_events.tsv`, read once (its format is in its header)."""
    tables: dict[str, dict[str, tuple[str, str, str]]] = {"v": {}, "n": {}, "c": {}}
    for line in (DATA / "wordnet_events.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        pos, lemma, a, b, c = line.split("\t")[:5]
        tables[pos][lemma] = (a, b, c)
    return WordNetHints(tables["v"], tables["n"], tables["c"])


@functools.cache
def _nominalisation_sense(lemma: str, left_out: frozenset[str]) -> Sense | None:
    """The sense of a nominalisation the lexicon lacks, through the lexicon verb WordNet derives it
    from ("negotiation" → negotiate, "meeting" → meet): that verb's `derived_noun_sense`. Only nouns
    whose first WordNet sense is no person or thing (`NOT_ACT_FILES`); the trigger classifier judges
    it as it judges the other derived nouns."""
    lexfile, verb, _hint = wordnet_hints().nouns.get(lemma, ("", "", ""))
    if not verb or verb == lemma or lexfile in NOT_ACT_FILES:
        return None
    return derived_noun_sense(verb) or _verbal_table_noun_sense(verb)


def _verbal_table_noun_sense(verb: str) -> Sense | None:
    """The noun of a verb of the CAMEO table's verbal blocks ("admiration" → admire, "scorn"): the
    verb alone says the act there, so its noun does too; its possessor acts."""
    sense = lexicon().cameo_verbs.get(verb)
    if sense is None or sense.origin != "cameo":
        return None
    return replace(sense, origin="derived-noun")


STANCE_TYPES = frozenset({"SUPPORT", "ACCUSE", "REJECT"})
"""Types an agent noun names as a lasting stance ("supporter", "critic", "opponent"); a "killer" or a
"visitor" names a person by one act, told elsewhere."""


@functools.cache
def agent_noun_sense(lemma: str) -> Sense | None:
    """The stance a person noun names through the verb WordNet derives it from ("supporter" → support,
    "critic" → criticize, "opponent" → oppose), for stance types only (`STANCE_TYPES`); origin
    "agent-noun"."""
    lexfile, verb, _hint = wordnet_hints().nouns.get(lemma, ("", "", ""))
    if lexfile != "noun.person" or not verb or lemma in lexicon().nouns:
        return None
    sense = derived_noun_sense(verb) or _verbal_table_noun_sense(verb)
    if sense is None or sense.type not in STANCE_TYPES or (sense.type == "ACCUSE" and sense.mode == "investigate"):
        return None
    return replace(sense, of=None, origin="agent-noun")


@functools.cache
def _class_sense(lemma: str, left_out: frozenset[str]) -> Sense | None:
    """The sense of a noun that names a kind of act chronicle types ("critique" is a criticism,
    "tribute" a commendation, "tirade" a denunciation): WordNet's hypernyms of its first sense
    (`wordnet_events.tsv`'s classes), for nouns whose first sense is an act (`ACT_FILES`). Origin
    "wordnet-noun": the trigger classifier judges it."""
    lexfile, hint, _depth = wordnet_hints().classes.get(lemma, ("", "", ""))
    if not hint or lexfile not in ACT_FILES:
        return None
    event_type, _, mode = hint.partition(":")
    of = "target" if event_type in UNDERGOER_TYPES else None
    return Sense(type=event_type, mode=mode or None, preps=lexicon().target_preps, of=of, origin="wordnet-noun")


@functools.cache
def _cameo_table() -> tuple[dict[str, str], dict[str, tuple[str, str | None]]]:
    data = yaml.safe_load((DATA / "cameo_plover.yaml").read_text(encoding="utf-8"))
    return data["roots"], {code: (entry[0], entry[1]) for code, entry in data["codes"].items()}


def cameo_to_plover(code: str) -> tuple[str, str | None] | None:
    """(PLOVER type, mode) of a CAMEO event code, or None for codes PLOVER does not code (01, 02)."""
    roots, codes = _cameo_table()
    for length in range(len(code), 2, -1):
        if code[:length] in codes:
            return codes[code[:length]]
    if code[:2] in codes:
        return codes[code[:2]]
    root = roots.get(code[:2])
    return (root, None) if root else None


@functools.cache
def _plover05() -> dict[str, Any]:
    return yaml.safe_load((DATA / "plover05.yaml").read_text(encoding="utf-8"))


def plover05_aliases() -> dict[str, str]:
    """Legacy CAMEO country codes in the gold records → ISO alpha-3."""
    return dict(_plover05()["code_aliases"])


def plover05_type(event_type: str, mode: str | None, *, source_sector: str | None = None,
                  source_country: str | None = None, negated: bool = False, hypothetical: bool = False,
                  future: bool = False) -> str:
    """The PLOVER 0.5 name of one of chronicle's events (see `data/events/plover05.yaml`)."""
    table = _plover05()
    if negated and event_type in table["refusal"]:
        return "REJECT"
    if (future or hypothetical) and not negated and event_type in table["intent"]:
        return "AGREE"
    for rule_type, rule_mode, legacy in table["modes"]:
        if event_type == rule_type and mode == rule_mode:
            return legacy
    if event_type == "ASSAULT":
        fight = table["fight"]
        if mode in fight["modes"] or (source_sector in fight["source_sectors"] and source_country):
            return "FIGHT"
    return table["types"].get(event_type, event_type)


@dataclass(frozen=True)
class EventModel:
    """Weights of named binary features; `probability` is the calibrated chance that an event's type,
    source and target are all right: sigmoid(scale · (weights · features) + shift)."""

    weights: dict[str, float]
    scale: float = 1.0
    shift: float = 0.0

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        z = self.scale * z + self.shift
        return round(1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))), 3)


@functools.cache
def event_model() -> EventModel:
    data = json.loads((DATA / "event_model.json").read_text(encoding="utf-8"))
    return EventModel(weights=data["weights"], scale=data["calibration"]["scale"],
                      shift=data["calibration"]["shift"])
