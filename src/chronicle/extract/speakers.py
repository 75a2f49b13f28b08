"""Resolving a quote's source ("Šakalienė", "she", "the MP", "a Lithuanian MP") to an actor.

Evidence comes from the article itself:
- names: a source that overlaps an actor mention is that actor;
- descriptions: every person is described somewhere ("Lithuanian MP Dovilė Šakalienė",
  "Lukashenko, a former Soviet farm boss"); a nominal source matches the actors described by a
  noun of the same role class (`data/quotes/roles.yaml`) and, when it has one, the same demonym;
- pronouns: he/she match the most recent speaker or person of that gender (gender from role nouns,
  honorifics and the pronouns used right after the person's mentions); they/we match groups or the
  last speaker;
- ties go to the nearest actor before the quote, then the nearest after (cataphora in leads).
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter, defaultdict
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

from chronicle.extract.quotations import quotation_spans
from chronicle.records import ArticleRecords

DATA = Path(__file__).resolve().parents[1] / "data" / "quotes"
PRONOUN_GENDER = {"she": "female", "her": "female", "he": "male", "him": "male", "his": "male"}
PLURAL_PRONOUNS = {"they", "we", "them"}
DESCRIPTOR_DEPS = {"compound", "amod", "nmod", "appos", "poss", "attr"}


@functools.cache
def role_lexicon(path: Path = DATA / "roles.yaml") -> tuple[dict[str, str], dict[str, str]]:
    """(noun → role class, noun → gender)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    classes = {noun: cls for cls, nouns in data["classes"].items() for noun in nouns}
    genders = {noun: gender for gender, nouns in data["gender"].items() for noun in nouns}
    return classes, genders


class SpeakerResolver:
    def __init__(self, doc: Doc, records: ArticleRecords, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.records = records
        self.kinds = {a.id: a.kind for a in records.actors}
        self.mentions = sorted((m.start, m.end, m.actor_id) for m in records.mentions)
        self.starts = [m[0] for m in self.mentions]
        self.token_actors = self._token_actors()
        self.classes, self.genders = role_lexicon()
        self.descriptions = self._describe()
        self.gender = self._genders()
        self.speakers: list[tuple[int, str]] = []  # (offset, actor) of sources resolved so far

    # --- evidence ---------------------------------------------------------------------------

    def actor_at(self, span: tuple[int, int]) -> str | None:
        """The actor with a mention overlapping the span (people preferred, then the longest)."""
        i = bisect.bisect_left(self.starts, span[1])
        hits = [m for m in self.mentions[:i] if m[1] > span[0]]
        if not hits:
            return None
        hits.sort(key=lambda m: (self.kinds.get(m[2]) != "person", -(m[1] - m[0])))
        return hits[0][2]

    def _token_actors(self) -> list[str | None]:
        """The actor of each token, by the same preference as `actor_at`, computed once per article
        (looking each token up separately is quadratic in long articles)."""
        actors: list[str | None] = [None] * len(self.doc)
        token_starts = [t.idx for t in self.doc]
        ranked = sorted(self.mentions, key=lambda m: (self.kinds.get(m[2]) != "person", -(m[1] - m[0])))
        for start, end, actor in reversed(ranked):  # the most preferred mention is written last
            first = max(bisect.bisect_right(token_starts, start) - 1, 0)
            for i in range(first, bisect.bisect_left(token_starts, end)):
                token = self.doc[i]
                if token.idx < end and token.idx + len(token) > start:
                    actors[i] = actor
        return actors

    def _token_actor(self, token: Token) -> str | None:
        return self.token_actors[token.i]

    def _describe(self) -> dict[str, set[str]]:
        """Words describing each person actor: titles, appositions, demonyms, copular nouns."""
        words: dict[str, set[str]] = defaultdict(set)
        for token in self.doc:
            actor = self._token_actor(token)
            if actor is None or self.kinds.get(actor) != "person" or token.ent_iob_ == "I":
                continue
            head = token
            while head.dep_ == "compound" and head.head.i != head.i and self._token_actor(head.head) == actor:
                head = head.head
            for child in head.children:
                other = self._token_actor(child)
                # titles NER mistook for organisations ("Union leader") still describe the person
                if child.dep_ in DESCRIPTOR_DEPS and other != actor and self.kinds.get(other) != "person":
                    words[actor].update(self._noun_words(child))
            if head.dep_ == "nsubj" and head.head.lemma_ == "be":
                for child in head.head.children:
                    if child.dep_ == "attr":
                        words[actor].update(self._noun_words(child))
            if head.dep_ == "appos" and self._token_actor(head.head) is None:
                words[actor].update(self._noun_words(head.head))
        return words

    def _noun_words(self, token: Token) -> set[str]:
        """Lower-cased lemmas of a description's head and its modifiers (without names)."""
        found = {token.lemma_.lower(), token.lower_}
        for t in token.subtree:
            if t.dep_ in {"compound", "amod", "nmod", "poss"} or t.i == token.i:
                found.add(t.lower_)
                found.add(t.lemma_.lower())
        return {w.strip(".'") for w in found if w.isalpha() or w.strip(".'").isalpha()}

    def _genders(self) -> dict[str, str]:
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for actor, words in self.descriptions.items():
            for w in words:
                if w in self.genders:
                    votes[actor][self.genders[w]] += 2
        quoted = quotation_spans(self.text)
        for sent in self.doc.sents:
            named = [self._token_actor(t) for t in sent if t.ent_type_ == "PERSON"]
            persons = {a for a in named if a and self.kinds.get(a) == "person"}
            if len(persons) != 1:
                continue
            actor = next(iter(persons))
            for t in sent:
                # a nominative he/she outside quotation marks, in a sentence naming one person only
                if t.lower_ in {"he", "she"} and t.dep_ in {"nsubj", "nsubjpass"} and not any(
                    s <= t.idx < e for s, e in quoted
                ):
                    votes[actor][PRONOUN_GENDER[t.lower_]] += 1
                elif t.lower_ in {"mr", "mr."}:
                    votes[actor]["male"] += 2
                elif t.lower_ in {"mrs", "ms", "mrs.", "ms."}:
                    votes[actor]["female"] += 2
        return {a: c.most_common(1)[0][0] for a, c in votes.items() if c}

    # --- resolution ---------------------------------------------------------------------------

    def resolve(self, source: tuple[int, int], quote_at: int) -> tuple[str | None, float]:
        actor, confidence = self._resolve(source)
        if actor is not None:
            self.speakers.append((source[0], actor))
        return actor, confidence

    def _resolve(self, source: tuple[int, int]) -> tuple[str | None, float]:
        tokens = [t for t in self.doc.char_span(*source, alignment_mode="expand") or [] if not t.is_punct]
        if not tokens:
            return None, 0.0
        inside = {u.i for u in tokens}
        head = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
        # the head decides: in "the Belarussian dictator" the demonym is a modifier, not the speaker
        named = self._token_actor(head)
        if named is None and head.pos_ == "PROPN":
            named = self.actor_at(source)
        if named is None:
            # "His counterpart, Mirela Santov": a named apposition says who the role is
            named = next((a for t in tokens if t.dep_ == "appos" and t.head.i == head.i
                          and (a := self._token_actor(t)) is not None), None)
        role = self._role_class(tokens)
        if named is not None and self.kinds.get(named) != "person" and role is not None:
            # "Union Leader" tagged as an organisation is still a description of a person
            person, confidence = self._nominal(tokens, role, source[0])
            if person is not None:
                return person, confidence
        if named is not None:
            return named, 0.95
        if head.pos_ == "PRON":
            return self._pronoun(head, source[0])
        if role is not None:
            return self._nominal(tokens, role, source[0])
        return None, 0.2

    def _pronoun(self, pronoun: Token, at: int) -> tuple[str | None, float]:
        word = pronoun.lower_
        if word in PLURAL_PRONOUNS or word in {"i", "you", "it"}:
            return None, 0.2
        gender = PRONOUN_GENDER.get(word)
        candidates = [(pos, a) for pos, a in self.speakers if pos < at]
        for _pos, actor in reversed(candidates):
            if self.kinds.get(actor) == "person" and self.gender.get(actor) in (gender, None):
                return actor, 0.85
        for _start, _end, actor in reversed([m for m in self.mentions if m[0] < at]):
            if self.kinds.get(actor) == "person" and self.gender.get(actor) in (gender, None):
                return actor, 0.75
        return None, 0.2

    def _role_class(self, tokens: list[Token]) -> str | None:
        words = [t.lemma_.lower() for t in tokens]
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i : i + n])
                if phrase in self.classes:
                    return self.classes[phrase]
        return None

    def _nominal(self, tokens: list[Token], role: str, at: int) -> tuple[str | None, float]:
        # a nationality ("the Lithuanian lawmaker") must agree with the actor's description
        proper = {t.lower_ for t in tokens if t.dep_ in {"amod", "compound", "nmod"} and t.ent_type_ in {"NORP", "GPE"}}
        candidates = []
        for actor, words in self.descriptions.items():
            if not any(self.classes.get(w) == role for w in words):
                continue
            if proper and not proper & words:
                continue
            candidates.append(actor)
        if not candidates:
            return None, 0.2
        before = [(s, a) for s, _e, a in self.mentions if a in candidates and s < at]
        if before:
            return max(before)[1], 0.8
        after = [(s, a) for s, _e, a in self.mentions if a in candidates]
        return (min(after)[1], 0.7) if after else (None, 0.2)
