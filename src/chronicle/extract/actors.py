"""Actors: one canonical actor per entity, coded country + sector, with every mention of it.

Actors come from three kinds of mention, in one pass over the parse:
- names (NER): people grouped by name parts ("Šakalienė" joins "Dovilė Šakalienė"); organisations
  by name and acronym ("EU" ~ "European Union"); countries by their ISO code, whatever the label
  NER gave them ("Belarus'" tagged ORG is still Belarus). A capital city is an actor (the country's
  government) only where it acts or is acted on ("Moscow demanded …"); other cities are places.
  A demonym heading its phrase is a people ("the Poles" → POL); a demonym modifying a noun
  ("Belarussian dictator") only describes that noun's actor.
- nominals: phrases headed by a role or group noun from `data/actors/agents.yaml`. A singular role
  ("the MP", "the Belarussian dictator") refers back (or, for a lead-in "a Lithuanian MP has told …",
  forward) to the person whose role, sector and country fit; a group ("Polish soldiers", "the
  Lithuanian parliament", "migrants") is its own actor, and a later bare "the soldiers" joins it.
- pronouns: he/she/him/her/his to the nearest fitting person, subjects first; they/them/their to
  the nearest plural group in the same or the previous sentence. Honorifics (Mr, Ms) and resolved
  pronouns give a person's gender, so "she" skips "Mr Lukashenko".

A title-case headline ("Wildfire Forces Evacuation of Coastal Resort Towns") defeats the tagger: every
word looks like a name, so NER runs names across verbs ("Minister Warns") and a verb can pass for a
group noun ("Forces"). There a name stands only as far as the body confirms it — its words written
as names in the body, cut back to the last confirmed name word, and not a bare title — and a role or
group noun only if the body uses it as a noun. News bodies name again whoever their headline names.

People are coded from the words around their names — titles, nationalities, possessives and
appositions ("Belarus' President Alexander Lukashenko" → BLR GOV; "Lithuanian MP Dovilė Šakalienė"
→ LTU LEG); a past role ("a former Soviet farm boss") does not count. Named actors the article leaves
without a country are then looked up in our list of well-known people and organisations
(`data/actors/notables.yaml`), and any actor still without one takes the one country its sentence
names, if it names only one (counterparts such as "sanctions against X" left out).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from chronicle.extract.codes import (
    NOT_LOCAL_SECTORS,
    Code,
    agents,
    capital_of,
    city_country,
    code_tokens,
    country_in,
    country_of,
    is_demonym,
    is_role,
    is_stale,
    name_sector,
    notable_group,
    notable_person,
    noun_sector,
    organisation_of,
    subdivision_country,
)
from chronicle.extract.coref import resolve_pronouns
from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.records import Actor, ArticleRecords, Mention, child_id

PRONOUNS = Path(__file__).resolve().parents[1] / "data" / "actors" / "pronouns.yaml"
ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "group"}
_POSSESSIVE = re.compile(r"(?:'s|')$")
# dependency labels of a phrase's modifiers (left of the head) and of its argument positions
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod", "case", "predet"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "dative", "conj", "appos", "attr"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
ETHNIC = {"ethnic"}
PLACE_LABELS = {"GPE", "LOC", "NORP", "FAC", "ORG"}
LOCATIVE = {"in", "near", "of", "from", "outside", "inside", "around"}
# a country named after these is the other party of an act, not the actor's own ("sanctions against X")
COUNTERPART_PREPS = {"against", "with", "between", "to", "toward", "towards", "on", "upon", "into", "at"}
# entity labels whose words the body writes as names (a headline name is confirmed by them)
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
# a headline is in title case when at least this share of its words of this length or more is capitalised
TITLE_CASE_SHARE = 0.8
TITLE_CASE_WORD_LENGTH = 4
TITLE_CASE_MIN_WORDS = 3


@dataclass(frozen=True)
class PronounLexicon:
    person: dict[str, str | None]
    plural: frozenset[str]
    neuter: frozenset[str]
    dummy_verbs: frozenset[str]
    honorifics: dict[str, str]
    country_nouns: frozenset[str]


@functools.cache
def pronoun_lexicon() -> PronounLexicon:
    data = yaml.safe_load(PRONOUNS.read_text(encoding="utf-8"))
    return PronounLexicon(data["person"], frozenset(data["plural"]), frozenset(data["neuter"]),
                          frozenset(data["dummy_verbs"]), data["honorifics"], frozenset(data["country_nouns"]))


@dataclass
class _Actor:
    kind: str
    name: str
    parts: tuple[str, ...] = ()
    code: Code = field(default_factory=Code)
    role: str | None = None
    roles: set[str] = field(default_factory=set)
    gender: str | None = None
    head: str | None = None
    """Head lemma of a group nominal ("soldier"), so a later bare "the soldiers" can join it."""
    owner: Token | None = None
    """A possessive pronoun the group belongs to ("his own forces"): its country once resolved."""
    mentions: list[tuple[Span, str]] = field(default_factory=list)

    def first(self) -> int:
        return min(s.start for s, _kind in self.mentions)


def name_parts(text: str) -> tuple[str, ...]:
    """Lower-cased name words without honorifics, leading 'the' or a possessive ending."""
    words = _POSSESSIVE.sub("", text.strip()).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    honorifics = pronoun_lexicon().honorifics
    return tuple(w.lower().strip(".,") for w in words if w.lower().strip(".") not in honorifics)


def display_name(span: Span) -> str:
    words = _POSSESSIVE.sub("", span.text.strip()).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def acronym(parts: tuple[str, ...]) -> str:
    return "".join(p[0] for p in parts if p not in {"of", "and", "for", "the"})


def _absorbs(actor: _Actor, kind: str, parts: tuple[str, ...], code: Code) -> bool:
    if actor.kind == "person":
        if kind == "person":
            return set(parts) <= set(actor.parts)
        return len(parts) == 1 and parts[0] == actor.parts[-1]  # a lone surname NER mislabelled
    if kind == "person":
        return False
    if actor.kind == "state" and kind == "state":
        return code.country is not None and code.country == actor.code.country and code.sector == actor.code.sector
    if code.org and code.org == actor.code.org and code.sector == actor.code.sector:
        return True
    joined = " ".join(parts)
    return joined == " ".join(actor.parts) or joined == acronym(actor.parts) or (
        len(parts) > 1 and acronym(parts) == " ".join(actor.parts)
    )


def _title_word(token: Token) -> bool:
    """A title, honorific or nationality ("Minister", "MP", "Mr", "Estonian"): part of a name's phrase,
    never a name by itself."""
    return is_role(token) or token.lower_.strip(".") in pronoun_lexicon().honorifics or is_demonym(token.text)


@dataclass(frozen=True)
class Headline:
    """A title-case headline opening the document, with what the body after it confirms."""

    end: int
    """Index of the first token after the headline."""
    names: frozenset[str]
    """Lower-cased words the body writes as names: inside a named entity, or capitalised mid-sentence,
    plus the acronyms of the organisations it names."""
    nouns: dict[str, str]
    """The body's nouns: lower-cased form or lemma → lemma ("forces" → "force")."""
    words: frozenset[str]
    """Lower-cased forms and lemmas of the body's nouns, adjectives and numbers: what may modify a noun."""

    def confirmed_name(self, ent: Span) -> Span | None:
        """The part of a headline entity the body confirms: up to its last confirmed name word, with
        only titles ("Minister", "Estonian MP") and lower-case words unconfirmed before it; None when
        no name word is confirmed ("Minister Warns", "Wildfire Forces Evacuation of …"). Countries,
        capitals and organisations we know need no confirming."""
        if country_of(ent.text) or organisation_of(ent.text) or capital_of(ent.text):
            return ent
        end = None
        for token in ent.doc[ent.start : min(ent.end, self.end)]:
            if not token.text[:1].isupper():
                continue  # "of", "de", punctuation: neither confirm nor break a name
            if _title_word(token):
                continue
            if token.lower_ not in self.names and not (country_of(token.text) or capital_of(token.text)):
                break  # a verb or common noun NER ran the name into ("Putin Warns")
            end = token.i + 1
        if end is None:
            return None
        return ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_)

    def confirms_noun(self, token: Token) -> bool:
        """A headline role or group word the body uses as a noun ("Forces" in "Wildfire Forces
        Evacuation …" is a verb unless the body speaks of forces)."""
        return token.lower_ in self.nouns or token.lemma_.lower() in self.nouns

    def lemma(self, token: Token) -> str:
        """A headline noun's lemma as the body has it (the tagger takes "Forces" for a name: no lemma)."""
        return self.nouns.get(token.lower_) or self.nouns.get(token.lemma_.lower()) or token.lemma_.lower()

    def phrase_start(self, doc: Doc, start: int, head: int) -> int:
        """Where a headline noun phrase `start`…`head` really starts: after the last capitalised
        modifier that is neither a title nor a word or name of the body ("Protest Forces Minister")."""
        for token in reversed(doc[start:head]):
            if token.text[:1].isupper() and not (_title_word(token) or token.lower_ in self.names
                                                 or token.lower_ in self.words):
                return token.i + 1
        return start


def title_case_headline(doc: Doc, has_title: bool) -> Headline | None:
    """The document's headline (its first paragraph, when the article has a title) if it is written in
    title case and a body follows; None otherwise (sentence-case headlines parse like any sentence)."""
    cut = doc.text.find("\n\n") if has_title else -1
    if cut < 0:
        return None
    end = next((t.i for t in doc if t.idx >= cut), len(doc))
    long_words = [t for t in doc[:end] if t.is_alpha and len(t) >= TITLE_CASE_WORD_LENGTH]
    capitalised = sum(t.text[:1].isupper() for t in long_words)
    if (len(long_words) < TITLE_CASE_MIN_WORDS or capitalised < TITLE_CASE_SHARE * len(long_words)
            or end == len(doc)):
        return None
    names: set[str] = set()
    nouns: dict[str, str] = {}
    words: set[str] = set()
    for token in doc[end:]:
        if token.ent_type_ in NAME_LABELS or (token.text[:1].isupper() and not token.is_sent_start):
            names.add(token.lower_)
        if token.pos_ == "NOUN":
            nouns[token.lower_] = nouns[token.lemma_.lower()] = token.lemma_.lower()
        elif token.pos_ == "PROPN":  # "the MP told …": a name's form is its lemma, a noun's wins
            nouns.setdefault(token.lower_, token.lower_)
        if token.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}:
            words.update((token.lower_, token.lemma_.lower()))
    for ent in doc.ents:
        parts = name_parts(ent.text)
        if ent.start >= end and ent.label_ == "ORG" and len(parts) > 1:
            names.add(acronym(parts))  # "EU" in the headline, "the European Union" in the body
    return Headline(end, frozenset(names), nouns, frozenset(words))


def in_argument_position(span: Span) -> bool:
    """A city name standing for its government: subject, object or possessor ("Moscow demanded")."""
    root = span.root
    if root.dep_ == "pobj":
        return root.head.lower_ in {"by", "with", "against", "to", "on", "from"}
    return root.dep_ in {"nsubj", "nsubjpass", "dobj", "poss", "dative"}


def entity_actor(span: Span) -> tuple[str, Code] | None:
    """Kind and code of a named entity as an actor, or None when it is not one (a city, a modifier)."""
    kind = ENTITY_KINDS.get(span.label_)
    if kind is None:
        return None
    text = span.text
    country = country_of(text)
    if country is not None and kind in {"person", "state"} and span.root.tag_ != "NNPS":
        return "state", Code(country)  # NER sometimes takes a country for a person ("Benin said")
    if kind == "person":
        if span.root.tag_ == "NNPS":  # "Slavs", "Bosnian Serbs": a people NER took for a person
            return "group", Code(country or country_in(list(span)))
        return kind, Code()
    if kind == "group":
        if span.root.dep_ in {"amod", "compound", "nmod"} or span.root.pos_ == "ADJ":
            return None  # "Belarussian dictator": the demonym describes the dictator
        if country is None and span.root.tag_ == "NNP" and city_country(text):
            return None  # a town NER took for a people ("outside the town of Tikrit"): a place
        if span.start > 0 and span.doc[span.start - 1].lower_ in ETHNIC:
            return kind, Code()  # "ethnic Albanians" names an ethnicity, not a nationality
        return kind, Code(country or country_in(list(span)))
    org = organisation_of(text)
    if org is not None:
        return "organisation", Code(sector=org[1], org=org[0])
    if country is not None:
        return "state", Code(country)
    if kind == "state":
        capital = capital_of(text)
        if capital is not None and in_argument_position(span):
            return "state", Code(capital, "GOV")
        return None
    return "organisation", code_tokens(list(span)).merged(Code(sector=name_sector(list(span))))


def _left_modifiers(head: Token, stop: int | None = None) -> list[Token]:
    """Tokens of the head's left modifiers (a title, a nationality, a possessor), in order."""
    tokens: list[Token] = []
    for child in head.lefts:
        if child.dep_ in MODIFIER_DEPS and (stop is None or child.i < stop):
            tokens.extend(t for t in child.subtree if not t.is_punct and t.i < head.i)
    return sorted(set(tokens), key=lambda t: t.i)


def describe_person(span: Span) -> tuple[Code, str | None]:
    """Code and role of a person from the words around one name mention: a title before the name,
    an apposition after it, or the phrase the name is in apposition to."""
    root = span.root
    phrases: list[list[Token]] = []
    before = [t for t in _left_modifiers(root) if t.i < span.start]
    if before:
        phrases.append(before)
    for child in root.rights:
        if child.dep_ == "appos":
            phrases.append([t for t in child.subtree if t.dep_ not in {"relcl", "punct"}
                            and not any(a.dep_ == "relcl" for a in t.ancestors if a.i >= child.i)])
    if root.dep_ == "appos" and root.head.pos_ in {"NOUN", "PROPN"}:
        head = root.head
        phrases.append([*_left_modifiers(head), head])
    code, role = Code(), None
    for phrase in phrases:
        if not phrase or is_stale(phrase):
            continue
        found = code_tokens(phrase)
        code = code.merged(found)
        if role is None and found.sector is not None:
            role = next((t.text for t in reversed(phrase) if is_role(t)), None)
    return code, role


class _Builder:
    """Collects actors and their mentions for one document."""

    def __init__(self, doc: Doc, headline: Headline | None = None) -> None:
        self.doc = doc
        self.headline = headline
        self.actors: list[_Actor] = []
        self.by_token: dict[int, _Actor] = {}
        self.covered: set[int] = set()
        self.resolved: dict[int, _Actor] = {}
        """Pronoun token index → the actor it was resolved to."""

    def add(self, actor: _Actor, span: Span, kind: str) -> None:
        actor.mentions.append((span, kind))
        for i in range(span.start, span.end):
            self.by_token.setdefault(i, actor)

    # --- names ---------------------------------------------------------------------------
    def names(self) -> None:
        candidates = []
        for ent in self.doc.ents:
            if self.headline is not None and ent.start < self.headline.end:
                ent = self.headline.confirmed_name(ent)
                if ent is None:
                    continue
            found = entity_actor(ent)
            if found is None:
                continue
            kind, code = found
            parts = name_parts(ent.text)
            if parts:
                candidates.append((ent, kind, code, parts))
        # people and longer names first, so short forms join the full name
        for ent, kind, code, parts in sorted(candidates, key=lambda c: (c[1] != "person", -len(c[3]), c[0].start)):
            home = next((a for a in self.actors if _absorbs(a, kind, parts, code)), None)
            if home is None:
                home = _Actor(kind, display_name(ent), parts, code)
                self.actors.append(home)
            elif len(parts) > len(home.parts):
                home.parts, home.name = parts, display_name(ent)
            self.add(home, ent, "name")
            self.covered.update(range(ent.start, ent.end))
        self._surnames()
        for actor in self.actors:
            if actor.kind == "person":
                self._describe(actor)
            elif actor.kind == "group":
                # "the Albanians of southern Serbia": where a people lives codes it (CAMEO's convention)
                place = next((c for span, _k in actor.mentions if (c := self._of_code(span.root).country)), None)
                if place:
                    actor.code = Code(place, actor.code.sector)

    def _surnames(self) -> None:
        """Give people the mentions NER missed: a surname standing alone ("Lukashenko apparatchiks")."""
        surnames = {a.parts[-1]: a for a in self.actors if a.kind == "person" and len(a.parts) > 1}
        for token in self.doc:
            if token.i not in self.covered and token.text[:1].isupper():
                actor = surnames.get(_POSSESSIVE.sub("", token.lower_))
                if actor is not None:
                    self.add(actor, self.doc[token.i : token.i + 1], "name")
                    self.covered.add(token.i)

    def _describe(self, actor: _Actor) -> None:
        for span, _kind in sorted(actor.mentions, key=lambda m: m[0].start):
            code, role = describe_person(span)
            actor.code = actor.code.merged(code)
            if role:
                actor.roles.add(role.lower())
                actor.role = actor.role or role
            previous = span.start - 1
            if previous >= 0:
                gender = pronoun_lexicon().honorifics.get(self.doc[previous].lower_.strip("."))
                actor.gender = actor.gender or gender
            # the title words before a name are part of the name's phrase, not other actors
            for token in _left_modifiers(span.root):
                if token.i < span.start:
                    self.covered.add(token.i)

    # --- nominals ------------------------------------------------------------------------
    def _lemma(self, token: Token) -> str:
        if self.headline is not None and token.i < self.headline.end:
            return self.headline.lemma(token)
        return token.lemma_.lower()

    def nominals(self) -> None:
        doc = self.doc
        for token in doc:
            if token.i in self.covered or token.pos_ not in {"NOUN", "PROPN"}:
                continue
            if token.dep_ == "compound" and token.head.pos_ in {"NOUN", "PROPN"}:
                continue  # "border" in "border officials", "police" in "police custody"
            if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i in self.by_token:
                continue  # "state" in "head of state": part of the phrase it hangs from
            if self.headline is not None and token.i < self.headline.end and not self.headline.confirms_noun(token):
                continue
            words = [t.lemma_.lower() if t.pos_ == "NOUN" else t.lower_ for t in doc[max(0, token.i - 3) : token.i + 1]]
            sector = noun_sector(words, len(words) - 1)
            lemma = token.lemma_.lower()
            if sector is None and lemma not in pronoun_lexicon().country_nouns:
                continue
            modifiers = [t for t in _left_modifiers(token) if not (t.dep_ == "det" and t.i == token.left_edge.i)]
            start = min([token.i, *(t.i for t in modifiers)])
            if self.headline is not None and token.i < self.headline.end:
                start = self.headline.phrase_start(doc, start, token.i)
                modifiers = [t for t in modifiers if t.i >= start]
            span = doc[start : token.i + 1]
            if span[0].lower_ in {"the", "a", "an"} and len(span) > 1:
                span = span[1:]
            self._nominal(token, span, modifiers)

    def _nominal(self, head: Token, span: Span, modifiers: list[Token]) -> None:
        code = code_tokens([*modifiers, head]).merged(self._possessor_code(head)).merged(self._of_code(head))
        if head.dep_ == "conj" and code.country is None:
            # "Polish soldiers and border officials": the nationality is shared by the conjuncts
            first = head
            while first.dep_ == "conj":
                first = first.head
            code = code.merged(Code(code_tokens(_left_modifiers(first)).country))
        lemma = self._lemma(head)
        if lemma in pronoun_lexicon().country_nouns:
            if head.tag_ in {"NN", "NNP"} and any(c.lower_ == "the" for c in head.children):
                state = self._nearest(head, lambda a: a.kind == "state" and a.code.country is not None)
                if state is not None:
                    self.add(state, span, "nominal")
            return
        plural = head.tag_ in {"NNS", "NNPS"}
        if head.dep_ == "attr" and not plural:
            # "Lukashenko is an illegitimate leader": a predicate describes its subject
            subject = next((self.by_token.get(c.i) for c in head.head.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None:
                self.add(subject, span, "nominal")
            return
        owner = next((c for c in head.lefts if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if owner is not None:  # "his own forces": whose, the pronoun decides once resolved
            actor = _Actor("group" if plural else "organisation", span.text, code=code, head=None, owner=owner)
            self.actors.append(actor)
            self.add(actor, span, "nominal")
            return
        if is_role(head) and not plural:
            person = self._apposed_person(head) or self._person_for(head, code)
            if person is not None:
                self.add(person, span, "nominal")
                return
            actor = _Actor("person", span.text, code=code, role=head.text, roles={lemma}, head=lemma)
            self.actors.append(actor)
            self.add(actor, span, "nominal")
            return
        # a group joins an earlier one with the same head ("the soldiers" after "Polish soldiers")
        # unless its own modifiers set it apart ("the other Baltic states", "Latvian soldiers")
        distinct = any(t.lower_ in {"other", "another"} or (t.text[:1].isupper() and t.i > span.start)
                       for t in modifiers)
        same = [a for a in self.actors if a.head == lemma and a.kind != "person"
                and (code.country is None or a.code.country == code.country)
                and (code.org is None or a.code.org == code.org)]
        home = same[-1] if same and not distinct else None
        if home is None:
            kind = "group" if plural else "organisation"
            home = _Actor(kind, span.text, code=code, head=lemma)
            self.actors.append(home)
        self.add(home, span, "nominal")
        self.covered.update(range(span.start, span.end))

    def _possessor_code(self, head: Token) -> Code:
        """"Lukashenko's regime", "the Lukashenko regime": the possessor's country."""
        for child in head.lefts:
            if child.dep_ in {"poss", "compound"}:
                owner = self.by_token.get(child.i)
                if owner is not None:
                    return Code(owner.code.country, org=owner.code.org)
        return Code()

    def _of_code(self, head: Token) -> Code:
        """"the president of Armenia", "police in Jericho": a country named in a following phrase."""
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "in", "from"}:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        owner = self.by_token.get(obj.i)
                        if owner is not None and owner.kind == "state":
                            return Code(owner.code.country)
                        country = country_of(obj.text) or capital_of(obj.text)
                        if country:
                            return Code(country)
        return Code()

    def _apposed_person(self, head: Token) -> _Actor | None:
        """The person named in apposition to a role ("Varnia's prime minister, Tomas Reyl, said"):
        the role is theirs, whoever else held a like role before."""
        for child in head.rights:
            actor = self.by_token.get(child.i) if child.dep_ == "appos" else None
            if actor is not None and actor.kind == "person":
                return actor
        return None

    def _person_for(self, head: Token, code: Code) -> _Actor | None:
        """The named person a singular role noun refers to: same role (or, after "the", the same
        sector for a specific role) and no conflicting country; nearest before, else first after."""
        lemma = self._lemma(head)
        definite = any(c.lower_ in {"the", "this", "that"} for c in head.children) or head.dep_ == "poss"
        generic = lemma in agents().generic

        def fits(actor: _Actor) -> bool:
            if actor.kind != "person" or not actor.parts:
                return False
            if code.country and actor.code.country and code.country != actor.code.country:
                return False
            if lemma in actor.roles or head.lower_ in actor.roles:
                return True
            return definite and not generic and code.sector is not None and code.sector == actor.code.sector

        before = self._nearest(head, fits)
        if before is not None:
            return before
        after = [a for a in self.actors if fits(a) and a.first() > head.i]
        return min(after, key=lambda a: a.first()) if after else None

    def _nearest(self, token: Token, fits) -> _Actor | None:
        best, best_at = None, -1
        for actor in self.actors:
            if not fits(actor):
                continue
            at = max((s.start for s, _k in actor.mentions if s.start < token.i), default=-1)
            if at > best_at:
                best, best_at = actor, at
        return best

    # --- pronouns ------------------------------------------------------------------------
    def pronouns(self) -> None:
        """Pronouns join the actors they refer to (`extract.coref`); a group's possessive owner
        ("his own forces") then lends it its country."""
        self.resolved = resolve_pronouns(self.doc, self.actors, self.add, pronoun_lexicon())  # type: ignore[arg-type]
        for actor in self.actors:
            if actor.owner is not None:
                owner = self.resolved.get(actor.owner.i)
                if owner is not None:
                    actor.code = actor.code.merged(Code(owner.code.country, org=owner.code.org))


def cameo_code(code: str) -> Code:
    """A CAMEO actor code as a chronicle code: "RUSGOV" → RUS GOV, "IGOUNO" → UNO IGO."""
    parts = [code[i : i + 3] for i in range(0, len(code), 3) if code[i : i + 3].strip("-")]
    if not parts:
        return Code()
    if parts[0] in {"IGO", "NGO", "IMG", "MNC"}:
        return Code(sector=parts[0], org=parts[1] if len(parts) > 1 else None)
    return Code(parts[0], parts[1] if len(parts) > 1 else None)


def dictionary_codes(actors: list[_Actor], context: ExtractContext, records: ArticleRecords) -> None:
    """With `--dictionaries`, code the named actors our own data leaves without a country from the
    PETRARCH/TABARI actor dictionaries ("Putin" → RUS GOV on the article's date)."""
    if context.dictionaries is None:
        return
    from chronicle.extract.petrarch import load_dictionaries
    from chronicle.extract.petrarch.dictionaries import date_key

    index = load_dictionaries(context.dictionaries).actors
    date = date_key(records.article.published or context.reference_date)
    for actor in actors:
        if actor.code.country or actor.code.org or not actor.parts:
            continue
        words = [w.upper() for w in actor.name.split()]
        for i in range(len(words)):
            hit = index.longest(words, i)
            code = hit[1].code_on(date) if hit else None
            if code:
                actor.code = actor.code.merged(cameo_code(code))
                break


def notable_codes(actors: list[_Actor]) -> None:
    """Code the named actors the article leaves without a country from our list of well-known people and
    organisations (`data/actors/notables.yaml`: "Putin" → RUS GOV, "Hezbollah" → LBN REB); the article's
    own sector wins."""
    for actor in actors:
        if actor.code.country or actor.code.org or not actor.parts:
            continue
        found = notable_person(actor.name) if actor.kind == "person" else None
        names = [span for span, kind in actor.mentions if kind == "name"]
        found = found or next((code for span in names if (code := notable_group(list(span)))), None)
        if found is not None:
            actor.code = actor.code.merged(found)


def _counterpart(token: Token, by_token: dict[int, _Actor]) -> bool:
    """A word in a phrase naming the other party of an act ("sanctions against X", "talks with X")."""
    while token.dep_ in {"compound", "amod", "poss", "nmod"} and token.head is not token:
        token = token.head
    prep = token.head
    if token.dep_ in {"dobj", "dative"}:
        return token.i in by_token  # "visited Russia", "attacked Israeli troops"; not "contest Peru's elections"
    return token.dep_ == "pobj" and prep.lower_ in COUNTERPART_PREPS and prep.head.lower_ != "according"


def _sentence_countries(sent: Span, ents: list[Span], by_token: dict[int, _Actor]) -> list[tuple[int, str]]:
    """(token, country) for every country a sentence names outside counterpart phrases: coded actors
    mentioned in it, and country names, demonyms, capitals and cities among its entities ("a rally in
    Karachi", "Pakistani officials")."""
    found: list[tuple[int, str]] = []
    for token in sent:
        actor = by_token.get(token.i)
        if actor is not None and actor.code.country and not _counterpart(token, by_token):
            found.append((token.i, actor.code.country))
        elif token.pos_ == "ADJ" and token.text[:1].isupper() and (country := country_of(token.text)) \
                and not _counterpart(token, by_token):
            found.append((token.i, country))
    for ent in ents:
        if ent.label_ not in PLACE_LABELS or _counterpart(ent.root, by_token):
            continue
        country = country_in(list(ent))
        if country is None and ent.label_ in {"GPE", "LOC"}:
            country = capital_of(ent.text) or subdivision_country(ent.text)  # "Sindh", "Virginia"
        if country is None and (ent.root.dep_ == "compound"
                                or (ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE)):
            # "a rally in Karachi", "Karachi police"; not a name NER took for a town; a state before a
            # town of the same name ("Virginia", a town in South Africa)
            country = subdivision_country(ent.text) or city_country(ent.text)
        if country:
            found.append((ent.start, country))
    return found


def context_codes(doc: Doc, actors: list[_Actor], by_token: dict[int, _Actor]) -> None:
    """An actor still without a country in a sentence that names one country only (besides the actor's
    own words) is that country's ("Opposition leaders postponed their march in Lusaka", a senator
    speaking "at a rally in Santiago"): news names a domestic actor's country once, if at all. The
    PLOVER gold standard infers actor codes from such locations too. Refugees and international bodies
    keep no country."""
    sentences = list(doc.sents)
    starts = [s.start for s in sentences]
    ents: dict[int, list[Span]] = {}
    for ent in doc.ents:  # Span.ents scans the whole document: bucket the entities once
        ents.setdefault(bisect.bisect_right(starts, ent.start) - 1, []).append(ent)
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for actor in actors:
        if actor.code.country or actor.code.org or actor.code.sector in NOT_LOCAL_SECTORS or not actor.mentions:
            continue
        n = bisect.bisect_right(starts, min(span.start for span, _kind in actor.mentions)) - 1
        if n not in by_sentence:
            by_sentence[n] = _sentence_countries(sentences[n], ents.get(n, []), by_token)
        own = {i for span, _kind in actor.mentions for i in range(span.start, span.end)}
        countries = {country for i, country in by_sentence[n] if i not in own}
        if len(countries) == 1:
            actor.code = actor.code.merged(Code(countries.pop()))


@register_stage("actors", fills=("actors", "mentions"))
def extract_actors(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    builder = _Builder(doc, title_case_headline(doc, records.article.title is not None))
    builder.names()
    builder.nominals()
    builder.pronouns()
    dictionary_codes(builder.actors, context, records)
    notable_codes(builder.actors)
    context_codes(doc, builder.actors, builder.by_token)
    article_id = records.article.id
    actors: list[Actor] = []
    spans: list[tuple[int, int, str, str, str]] = []
    for n, actor in enumerate(sorted(builder.actors, key=_Actor.first), start=1):
        actor_id = child_id(article_id, "a", n)
        actors.append(Actor(
            id=actor_id, article_id=article_id, name=actor.name, kind=actor.kind,  # type: ignore[arg-type]
            country=actor.code.country, sector=actor.code.sector, code=actor.code.text, role=actor.role,
            gender=actor.gender,  # type: ignore[arg-type]
            mention_count=len(actor.mentions),
        ))
        spans.extend((span.start_char, span.end_char, span.text, kind, actor_id) for span, kind in actor.mentions)
    mentions = [
        Mention(id=child_id(article_id, "m", n), article_id=article_id, actor_id=actor_id, start=start, end=end,
                text=text, kind=kind)  # type: ignore[arg-type]
        for n, (start, end, text, kind, actor_id) in enumerate(sorted(set(spans)), start=1)
    ]
    return {"actors": actors, "mentions": mentions}
