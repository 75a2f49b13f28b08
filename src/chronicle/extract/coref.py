"""Coreference within an article: which actor a pronoun refers to, and a person's gender.

The actors stage calls `resolve_pronouns` after it has collected names and nominals; each pronoun
it resolves becomes a `Mention` (kind "pronoun") of its actor, which the quotes stage (speakers) and
the events stage (pronoun sources) both read. The rules, in order of strength:

- persons by name: an actor the named-entity tagger took for an organisation or a group but whose
  name is a person's (two or three capitalised words, the first a known first name, none a noun
  of organisations: "Carly Fiorina", not "Williams College") is a person for coreference and
  speakers, with the gender its first name implies; so is a one-word name that is part of
  exactly one person's longer name ("Wang" beside "Wang Yi"), with that person's gender;
- agreement: he/she only join a person whose gender is unknown or the same; they/them join
  groups (or the first of coordinated people, "Reyl and Berg … they said", by the real-news
  guide's convention) and, only where no group fits, states; it/its join states and
  organisations. A person's gender comes from, in order: an honorific or gendered title (set by
  the actors stage), the first name (`data/quotes/name_genders.json`, built by
  `scripts/build_name_genders.py` from the US Census first-name lists; for names those lists lack,
  `data/quotes/birth_name_genders.json`, built by `scripts/build_birth_name_genders.py` from the US
  Social Security birth counts: `person_gender`), then votes from the
  pronouns that could only mean that person (a vote from inside quotation marks counts only
  where none from outside them does: the quoted "she" is often someone the speaker mentions);
- binding: a pronoun does not refer to another argument of its own verb ("he warned her");
- cataphora: a he/she in a clause or phrase put before its main clause's subject refers forward to
  that subject when it fits and no fitting person is named before it in that clause ("While he has
  drawn crowds, Christie …", "In his response, Coll said …"; "When Holm said he …" stays Holm);
- salience: the nearest fitting mention in the pronoun's sentence and the two before, subjects
  (and a subject's possessor: "Trump's plan is …, while he …") first, for they/them as for
  he/she, and in a sentence before the pronoun's the main clause's subject before one of a
  clause inside it ("Vance said Holm would resign. He …" is Vance); the nearest sentence holding
  a fitting person wins, and within it a person whose gender is known to agree beats one whose
  gender is unknown (a known gender further back does not beat an unknown one in the pronoun's
  own sentence: "Khan said he …", unless that sentence names people of unknown gender only in a
  phrase, none a subject: "On Twitter, she wrote …" is the woman named before) — after the subject
  preference for a subject pronoun ("Obama
  said he …" is Obama whatever "Mr. Trump" before him), before it for another; a pronoun
  outside quotation marks skips the names inside them ("'… beat Clinton,' she said" is not
  Clinton speaking), and for it the sentences wholly inside quotation marks do not count towards
  the window (a five-sentence quotation does not push its speaker out of reach).

`coreferee` (the maintained spaCy coreference library) was checked and not used: its English model
is not published on a package registry (it is fetched from the project's repository at install
time), which the project's no-download rule excludes; see docs/quotes.md.
"""

from __future__ import annotations

import bisect
import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import yaml
from spacy.tokens import Doc, Span, Token

from chronicle.extract.quotations import quotation_spans, wholly_quoted
from chronicle.folding import ascii_fold
from chronicle.nlp.text import doc_text

NAME_GENDERS = Path(__file__).resolve().parents[1] / "data" / "quotes" / "name_genders.json"
BIRTH_NAME_GENDERS = Path(__file__).resolve().parents[1] / "data" / "quotes" / "birth_name_genders.json"
ROLES = Path(__file__).resolve().parents[1] / "data" / "quotes" / "roles.yaml"
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "iobj"}
REFLEXIVES = {"himself", "herself", "themselves", "itself"}
# what a clause puts before its subject: a subordinate clause ("While he …, Christie …") or a phrase
FRONTED_DEPS = {"advcl", "prep"}


class Referent(Protocol):
    """What coreference needs of an actor under construction (`actors._Actor`)."""

    kind: str
    name: str
    parts: tuple[str, ...]
    gender: str | None
    mentions: list[tuple[Span, str]]


class Lexicon(Protocol):
    """The pronoun lexicon (`data/actors/pronouns.yaml`, read by `actors.pronoun_lexicon`)."""

    person: dict[str, str | None]
    plural: frozenset[str]
    neuter: frozenset[str]
    dummy_verbs: frozenset[str]


@functools.cache
def name_genders() -> dict[str, str]:
    """Lower-case first name → "female" / "male" (names used for both are left out)."""
    if not NAME_GENDERS.exists():
        return {}
    return json.loads(NAME_GENDERS.read_text(encoding="utf-8"))["genders"]


def name_gender(parts: tuple[str, ...]) -> str | None:
    """The gender a person's first name implies, when the name has a first name and a surname."""
    if len(parts) < 2:
        return None
    return name_genders().get(parts[0].lower().strip("."))


@functools.cache
def birth_name_genders() -> dict[str, str]:
    """Lower-case ASCII first name → gender, for names the census lists lack ("barack", "sadiq")."""
    if not BIRTH_NAME_GENDERS.exists():
        return {}
    return json.loads(BIRTH_NAME_GENDERS.read_text(encoding="utf-8"))["genders"]


def person_gender(parts: tuple[str, ...]) -> str | None:
    """The gender the first name of someone already taken for a person implies: the census lists',
    else the birth lists' (`data/quotes/birth_name_genders.json`), the name folded to ASCII
    ("François" → "francois"). Only for a person: whether a word is a given name at all, which types
    an actor as one, stays the census lists' (`name_gender`), as the birth lists hold many words."""
    if len(parts) < 2:
        return None
    word = ascii_fold(parts[0].lower().strip("."))
    return name_genders().get(word) or birth_name_genders().get(word)


def person_like(kind: str, parts: tuple[str, ...]) -> bool:
    """A person, or an actor typed otherwise whose name is a person's (see the module docstring)."""
    if kind == "person":
        return True
    if kind not in {"organisation", "group"} or not 2 <= len(parts) <= 3 or name_gender(parts) is None:
        return False
    return all(p[:1].isupper() and p.replace(".", "").replace("-", "").isalpha()
               and p.lower() not in institution_nouns() for p in parts)


@functools.cache
def institution_nouns() -> frozenset[str]:
    """The organisation and proxy nouns of `data/quotes/roles.yaml` ("company", "college", "office")."""
    data = yaml.safe_load(ROLES.read_text(encoding="utf-8"))
    return frozenset(data["organisation_nouns"]) | frozenset(data["proxies"])


def referring_it(token: Token, lex: Lexicon) -> bool:
    """"it"/"its" that can stand for an actor: not the dummy subject of "it is difficult to …"."""
    if token.lower_ not in lex.neuter or token.dep_ == "expl":
        return False
    if token.dep_ in SUBJECT_DEPS:
        return token.head.lemma_.lower() not in lex.dummy_verbs
    return token.dep_ in {"poss", "dobj", "pobj"}


def resolve_pronouns(
    doc: Doc, actors: list[Referent], add: Callable[[Referent, Span, str], None], lex: Lexicon
) -> dict[int, Referent]:
    """Link every resolvable pronoun to its actor (through `add`); returns token index → actor.

    Two passes: the first gives each person without a gender the one its first name implies or,
    failing that, the one voted by the pronouns that could only mean that person; the second
    resolves knowing those genders."""
    pronouns = [t for t in doc if (t.pos_ == "PRON" or t.tag_ == "PRP$")
                and (t.lower_ in lex.person or t.lower_ in lex.plural or referring_it(t, lex))]
    persons = {id(a) for a in actors if person_like(a.kind, a.parts)}
    fuller = [a.parts for a in actors if id(a) in persons]
    persons |= {id(a) for a in actors if a.kind in {"organisation", "group"} and namesake(a.parts, fuller) is not None}
    for actor in actors:
        if id(actor) in persons and actor.gender is None:
            actor.gender = person_gender(actor.parts)
    named = [a for a in actors if id(a) in persons]
    for actor in actors:
        if id(actor) in persons and actor.gender is None:
            found = namesake(actor.parts, [a.parts for a in named])
            actor.gender = named[found].gender if found is not None else None
    index = _Index(doc, actors, quotation_spans(doc_text(doc)))
    # votes by pronoun: (inside quotation marks, gender) → count; a pronoun inside quotation marks is the
    # speaker's word for someone else as often as not ("'When my minister was here, she …,' he said"), so
    # such votes count only for a person no pronoun outside them voted for
    votes: dict[int, dict[tuple[bool, str], int]] = {}
    for token in pronouns:
        gender = lex.person.get(token.lower_)
        if gender:
            # vote only where one person could be meant: "she said" after a quote
            candidates = index.candidates(token, lambda a, g=gender: id(a) in persons and a.gender in {None, g})
            if len(candidates) == 1:
                tally = votes.setdefault(id(candidates[0]), {})
                key = (index.inside(token.idx), gender)
                tally[key] = tally.get(key, 0) + 1
    for actor in actors:
        tally = votes.get(id(actor))
        if id(actor) in persons and actor.gender is None and tally:
            actor.gender = max(tally, key=lambda k: (not k[0], tally[k]))[1]
    resolved: dict[int, Referent] = {}
    for token in pronouns:
        if token.lower_ in lex.person:
            gender = lex.person[token.lower_]
            # the nearest sentence with a fitting person wins; within it, a person known to agree
            # before one merely not known to disagree ("Khan said he …" is not a Donald two sentences back)
            fits = lambda a, g=gender: id(a) in persons and a.gender in {None, g}  # noqa: E731
            found = index.cataphor(token, fits) or index.antecedent(
                token, fits, prefer=lambda a, g=gender: g is not None and a.gender == g)
        elif token.lower_ in lex.neuter:
            found = index.antecedent(token, lambda a: a.kind in {"state", "organisation"} and id(a) not in persons,
                                     sentences=1)
        else:
            # "they" is a group's far more often than a state's ("Iraq … Republicans … they said")
            # or the first of coordinated people, whom news names as the pair's speaker ("Reyl and Berg
            # … they said" is Reyl's statement by the real-news guide's convention)
            found = index.antecedent(token, lambda a: a.kind == "group" and id(a) not in persons, sentences=1,
                                     mention_fits=lambda span: _coordinated_person(span, persons, index)) \
                or index.antecedent(token, lambda a: a.kind == "state" and id(a) not in persons, sentences=1)
        if found is not None:
            resolved[token.i] = found
            span = doc[token.i : token.i + 1]
            add(found, span, "pronoun")
            index.insert(span, found)
    return resolved


def namesake(parts: tuple[str, ...], names: list[tuple[str, ...]]) -> int | None:
    """"Wang" left apart from "Wang Yi": the index of the one longer name among `names` that has
    this one-word name as one of its words (None if no name or several do)."""
    if len(parts) != 1:
        return None
    word = parts[0].lower()
    found = [i for i, name in enumerate(names) if len(name) > 1 and word in (p.lower() for p in name)]
    return found[0] if len(found) == 1 else None


def _co_argument(span: Span, token: Token) -> bool:
    """"He warned her": a non-reflexive pronoun is not another argument of its own verb."""
    if token.lower_ in REFLEXIVES or token.dep_ not in ARGUMENT_DEPS:
        return False
    root = span.root
    return root.dep_ in ARGUMENT_DEPS and root.head.i == token.head.i


class _Index:
    """The article's mentions by token position and its sentence starts, so that each pronoun
    looks only at the mentions of its window (looking through every actor is quadratic)."""

    def __init__(self, doc: Doc, actors: list[Referent], quoted: list[tuple[int, int]]) -> None:
        sents = list(doc.sents)
        self.sent_starts = [s.start for s in sents]
        self.quoted = quoted
        self.sent_quoted = [wholly_quoted(s, quoted) for s in sents]
        self.mentions: list[tuple[int, int, Span, Referent]] = []
        for n, actor in enumerate(actors):
            for span, _kind in actor.mentions:
                self.mentions.append((span.start, n, span, actor))
        self.mentions.sort(key=lambda m: (m[0], m[1]))
        self.starts = [m[0] for m in self.mentions]
        self.order = {id(a): n for n, a in enumerate(actors)}

    def inside(self, at: int) -> bool:
        """Whether character `at` is inside quotation marks."""
        return _inside(at, self.quoted)

    def insert(self, span: Span, actor: Referent) -> None:
        at = bisect.bisect_right(self.starts, span.start)
        self.starts.insert(at, span.start)
        self.mentions.insert(at, (span.start, self.order[id(actor)], span, actor))

    def sentence_bounds(self, token: Token, before: int) -> list[tuple[int, int]]:
        """(start, end) token bounds of the pronoun's sentence and up to `before` sentences before it;
        for a pronoun outside quotation marks, sentences wholly inside them are passed over
        without counting (they hold no mention such a pronoun may refer to)."""
        n = bisect.bisect_right(self.sent_starts, token.i) - 1
        skip_quoted = not _inside(token.idx, self.quoted)
        bounds = []
        k = n
        while k >= 0 and before >= 0:
            end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(token.doc)
            bounds.append((self.sent_starts[k], end))
            if not (skip_quoted and k != n and self.sent_quoted[k]):
                before -= 1
            k -= 1
        return bounds

    def between(self, start: int, end: int) -> list[tuple[int, int, Span, Referent]]:
        return self.mentions[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]

    def candidates(self, token: Token, fits, sentences: int = 3) -> list[Referent]:
        """Distinct fitting actors mentioned before the pronoun in its sentence and `sentences` before."""
        start = self.sentence_bounds(token, sentences)[-1][0]
        found: dict[int, Referent] = {}
        for _s, _n, _span, actor in self.between(start, token.i):
            if fits(actor):
                found.setdefault(id(actor), actor)
        return list(found.values())

    def cataphor(self, token: Token, fits) -> Referent | None:
        """"While he has drawn crowds, Christie needs …": a he/she in a clause or phrase put before its
        main clause's subject refers forward to that subject when it is a fitting person and nobody
        fitting is named before the pronoun inside that clause ("When Trump said he …" stays Trump)."""
        fronted = next((a for a in token.ancestors if a.dep_ in FRONTED_DEPS
                        and a.head.dep_ == "ROOT" and a.i < a.head.i), None)
        if fronted is None:
            return None
        subject = next((c for c in fronted.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.i < fronted.right_edge.i:
            return None
        if any(fits(m[3]) for m in self.between(fronted.left_edge.i, token.i)):
            return None
        named = [m[3] for m in self.between(subject.left_edge.i, subject.i + 1) if m[2].root.i == subject.i]
        return named[0] if named and fits(named[0]) else None

    def antecedent(self, token: Token, fits, sentences: int = 2, subjects_first: bool = True,
                   prefer=None, mention_fits=None) -> Referent | None:
        """Nearest fitting mention before the pronoun within its sentence and the `sentences` before;
        subjects first within each sentence (the usual centre of attention). A pronoun outside
        quotation marks does not refer to a name inside them ("'… beat Clinton,' she said"). A mention
        `mention_fits` accepts fits whatever its actor."""
        outside = not _inside(token.idx, self.quoted)
        windows = self.sentence_bounds(token, sentences)
        # binding holds for the actor, not just its mention there: "Berg thanked her" is never Berg
        bound = {id(m[3]) for m in self.between(*windows[0]) if _co_argument(m[2], token)}
        deferred = None
        for start, end in windows:
            found = [(span, actor) for _s, _n, span, actor in self.between(start, min(end, token.i))
                     if id(actor) not in bound and (fits(actor) or (mention_fits is not None and mention_fits(span)))
                     and not (outside and _inside(span.start_char, self.quoted))]
            if not found:
                continue
            if deferred is not None:
                found = [f for f in found if prefer(f[1])]
                if not found:
                    continue
            elif (prefer is not None and start == windows[0][0] and len(windows) > 1
                  and not any(prefer(f[1]) or _subject_like(f[0]) for f in found)):
                # "On Twitter, he wrote": in its own sentence, only people of unknown gender named in a
                # phrase (no subject) — a person known to agree in the sentences before comes first
                deferred = max(found, key=lambda f: f[0].start)[1]
                continue
            # a subject pronoun takes a subject before a person known to agree ("Obama said he …" is Obama
            # whatever his first name tells, not a Mr. Trump named before); another pronoun the other way
            # round ("Reyl praised Mr. Berg and thanked him")
            if prefer is not None and token.dep_ not in SUBJECT_DEPS:
                found = [f for f in found if prefer(f[1])] or found
            if subjects_first:
                # a subject's possessor counts as the subject ("Trump's plan is …, while he …")
                found = [f for f in found if _subject_like(f[0])] or found
                # in a sentence before the pronoun's, the main clause's subject before one of a clause
                # inside it ("Collins said Trump's strategists plan …. He said …" is Collins)
                if start != windows[0][0]:
                    found = [f for f in found if _main_clause(f[0])] or found
            if prefer is not None and token.dep_ in SUBJECT_DEPS:
                found = [f for f in found if prefer(f[1])] or found
            return max(found, key=lambda f: f[0].start)[1]
        return deferred


def _coordinated_person(span: Span, persons: set[int], index: _Index) -> bool:
    """The mention is the first of two or more people joined by "and" ("Reyl and Berg")."""
    root = span.root
    if root.dep_ == "conj" or not any(c.lower_ == "and" for c in root.children):
        return False
    return any(c.dep_ == "conj" and id(actor) in persons
               for c in root.children for _s, _n, _span, actor in index.between(c.left_edge.i, c.i + 1))


def _subject_like(span: Span) -> bool:
    root = span.root
    return root.dep_ in SUBJECT_DEPS or (root.dep_ == "poss" and root.head.dep_ in SUBJECT_DEPS)


def _main_clause(span: Span) -> bool:
    """The mention's verb is its sentence's main verb, or one joined to it ("… and said")."""
    root = span.root
    verb = root.head.head if root.dep_ == "poss" else root.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    """Whether character `at` is inside one of `spans` (sorted and non-overlapping)."""
    i = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]

