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
- pronouns (`extract.coref`): he/she/him/her/his to the nearest fitting person, subjects first;
  they/them/their to the nearest plural group (or first of coordinated people) in the same or the
  previous sentence, a state only where no group fits. Honorifics (Mr, Ms) and resolved
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
import datetime as dt
import functools
import json
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from chronicle.extract.codes import (
    NOT_LOCAL_SECTORS,
    Code,
    actor_key,
    agents,
    capital_of,
    city_country,
    code_tokens,
    company_country,
    country_in,
    country_of,
    description_sector,
    fold,
    is_demonym,
    is_role,
    is_stale,
    may_end_phrase,
    name_sector,
    notable_courtesy,
    notable_dated,
    notable_group,
    notable_person,
    noun_sector,
    organisation_of,
    sector_of,
    state_namesakes,
    subdivision_country,
)
from chronicle.extract.coref import name_gender, name_genders, resolve_pronouns
from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.nlp.text import doc_text, span_text
from chronicle.records import Actor, ArticleRecords, Mention, child_id

PRONOUNS = Path(__file__).resolve().parents[1] / "data" / "actors" / "pronouns.yaml"
ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "group"}
_POSSESSIVE = re.compile(r"(?:'s|')$")
# dependency labels of a phrase's modifiers (left of the head) and of its argument positions
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod", "case", "predet"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "dative", "conj", "appos", "attr"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# sectors of people a party label can describe: legislators, the executive, party figures
POLITICIANS = {"LEG", "GOV", "PTY"}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp"}
ETHNIC = {"ethnic"}
# words an acronym may leave out ("UNHCR": United Nations High Commissioner for Refugees)
ACRONYM_SKIPS = frozenset({"of", "and", "for", "the"})
# the first word of an international body's name
INTERNATIONAL = {"international", "intergovernmental", "world", "global"}
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
# without a separate title, a first paragraph this short or shorter may be the headline
HEADLINE_MAX_TOKENS = 25
# not a name: markup, handles, paths, case and file numbers ("datetime=\"2016", "--DeltaTrak", "18-cr-457")
NOT_A_NAME = re.compile(r"[=<>\[\]{}|@#\\/_*\"]|^\W|\d{3,}|\d+-\w*\d")
# a line that credits the story or a picture: its names are the newsroom's, not actors
CREDIT_LINE = re.compile(r"^\W*(?:by|photo|photograph|image|picture|credit|video|graphic|reporting|written|edited|"
                         r"compiled|source|copyright)\b", re.IGNORECASE)
CREDIT_WORDS = re.compile(
    r"\b(?:contributed(?: reporting)? to this (?:report|story|article)|additional reporting|reporting by|"
    r"writing by|editing by|follow (?:him|her|them|us) on|photo(?:graph)? by|getty images|ap photo|"
    r"is an? (?:staff |senior |freelance |political |foreign )?(?:writer|reporter|correspondent|columnist|"
    r"editor|journalist|contributor)\b)|/(?:ap|afp|reuters|getty)\b", re.IGNORECASE)
CREDIT_LINE_MAX_WORDS = 8
CREDIT_SENTENCE_MAX_TOKENS = 20
# a title-case line of the body this short is a heading or a link
FURNITURE_MAX_WORDS = 14
# sectors whose members take no country from their article: refugees, international bodies. NGOs do
# (32 of 35 on the training annotations have one): the real-news guide gives a domestic NGO its country;
# but not from their sentence, which often names where an NGO works, not its home (NOT_LOCAL_SECTORS)
NOT_LOCAL = frozenset({"REF", "IGO"})
# the country an article is about has at least this share of its coded mentions, and this many
DOMINANT_SHARE = 0.5
DOMINANT_MIN = 3
# a story of this many sentences or more whose places and coded actors name one country only, even
# once ("police in Slidell"), is that country's: local news names no country at all. A shorter text's one
# place is as often the other party's ("troops withdrew from Sierra Leone").
LOCAL_MIN_SENTENCES = 5
# a US member of Congress's party and state after the name: "Ann Reyl (D-Ohio)", "Tom Berg, R-Texas,"
AGE_AFTER = re.compile(r"^,\s*(?:\d{1,3}\s*[,.;]|an?\s+\d{1,3}[- ]year[- ]old\b)")
"""", 32," or ", a 32-year-old" after a name: the age news gives ordinary people it quotes or reports on."""
AGE_BEFORE = re.compile(r"\b\d{1,3}[- ]year[- ]old\s*$")
PARTY_STATE = re.compile(r"^\s*[(,]\s*(?:[RDI]|Rep|Dem|Ind)\.?\s?-\s?[A-Z][A-Za-z. ]{1,14}\)?")
# verbs of holding an office "as" ("who served as chief of staff", "who works as a strategist")
OFFICE_VERBS = frozenset({"serve", "work"})
# the prepositions before the body a title is held at ("a spokesman for Exxon", "president of Varnair")
EMPLOYER_PREPS = frozenset({"for", "of", "at", "with"})
# what a news outlet does ("CNBC reported", "Politico reveals")
MEDIA_VERBS = {"report", "publish", "broadcast", "air", "reveal"}
# the newsroom speaking of itself ("our correspondent", "this reporter")
SELF_REFERENCE = {"our", "my", "this"}


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
    past: str | None = None
    """The sector of a past office ("former Gov. Reyl"): theirs only if nothing else codes them."""
    principal: _Actor | None = None
    """The person whose staff this actor is ("Reyl's aides", "Reyl spokesman Tom Berg"): coded like them."""
    basis: dict[str, str] = field(default_factory=dict)
    """Which step gave the country and the sector ("text", "list", "sentence", "document")."""

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
    return "".join(p[0] for p in parts if p not in ACRONYM_SKIPS)


def _short_given_name(parts: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"Jeff Feltman" for "Jeffrey D. Feltman": the same surname, and each given name the beginning (three
    letters or more) of one of the full name's."""
    return 1 < len(parts) <= len(full) and parts[-1] == full[-1] and all(
        len(p) >= 3 and any(q.startswith(p) for q in full[:-1]) for p in parts[:-1])


def _initials(word: str, parts: tuple[str, ...]) -> bool:
    """Whether `word` abbreviates the name `parts` by a beginning of each of its words, in order ("irena":
    International Renewable ENergy Agency); small words may give none ("of", "and")."""
    if not parts:
        return not word
    first, rest = parts[0], parts[1:]
    least = 0 if first in ACRONYM_SKIPS else 1
    return any(word[:n] == first[:n] and _initials(word[n:], rest)
               for n in range(least, min(len(word), len(first)) + 1))


def _absorbs(actor: _Actor, kind: str, parts: tuple[str, ...], code: Code) -> bool:
    if actor.kind == "person":
        if kind == "person":
            return set(parts) <= set(actor.parts) or _short_given_name(parts, actor.parts)
        # a lone name NER mislabelled: a surname, or any part of a name written surname first ("Wang" of
        # "Wang Yi")
        return len(parts) == 1 and (parts[0] == actor.parts[-1] or (kind != "state" and parts[0] in actor.parts))
    if kind == "person":
        return False
    if actor.kind == "state" and kind == "state":
        return code.country is not None and code.country == actor.code.country and code.sector == actor.code.sector
    if code.org and code.org == actor.code.org and code.sector == actor.code.sector:
        return True
    joined = " ".join(parts)
    if kind == "organisation" and actor.kind == "organisation" and len(parts) == 1 and 2 <= len(actor.parts) <= 3 \
            and parts[0] == actor.parts[-1] and not actor.code.sector and not code.sector:
        return True  # "Ann Reyl" … "Reyl", both taken for organisations: a person's surname
    return joined == " ".join(actor.parts) or joined == acronym(actor.parts) or (
        len(parts) > 1 and acronym(parts) == " ".join(actor.parts)
    )


def role_name(token: Token) -> str:
    """The office a role noun names: the longest role phrase of the lexicon ending at it ("vice
    president", "press secretary": not the president, not the secretary), else its lemma."""
    roles = agents().roles
    for n in (3, 2):
        if token.i - n + 1 >= 0:
            before = " ".join(t.lower_ for t in token.doc[token.i - n + 1 : token.i])
            for last in (token.lower_, token.lemma_.lower()):
                if f"{before} {last}" in roles:
                    return f"{before} {last}"
    return token.lemma_.lower()


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
    """The document's headline (its first paragraph, when the article has a title or the paragraph is
    short) if it is written in title case and a body follows; None otherwise (sentence-case headlines
    parse like any sentence)."""
    cut = doc_text(doc).find("\n\n")
    if cut < 0:
        return None
    # the first token after the cut, by bisection over the tokens' offsets: a first paragraph that is no
    # headline can be long, and walking it built a Token per word
    end = bisect.bisect_left(doc, cut, key=operator.attrgetter("idx"))
    if not has_title and end > HEADLINE_MAX_TOKENS:
        return None  # a first paragraph this long is the lead, not a headline
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


def _line(span: Span, text: str) -> tuple[int, str]:
    """Start offset and text of the line (paragraph) a span is in; `text` is the document's (Doc.text
    is rebuilt on every call, so callers read it once)."""
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    return start, text[start : end if end >= 0 else len(text)]


def is_credit(span: Span, text: str) -> bool:
    """A name in a byline, a dateline's agency, a picture credit or a contributor line ("By Ann Reyl",
    "WARSAW (AP) —", "Photo: Ann Reyl/AFP", "Ann Reyl contributed to this report"): the newsroom's
    people and agencies, not actors of the story."""
    start, line = _line(span, text)
    # a contributor or bio line is short; a long sentence that mentions a reporter is the story's
    sentence = span.sent
    if CREDIT_LINE.match(line) or (len(sentence) <= CREDIT_SENTENCE_MAX_TOKENS
                                   and CREDIT_WORDS.search(span_text(sentence))):
        return True
    before = text[start : span.start_char].rstrip()
    if before.endswith("(") and before[:-1].strip() and not any(c.islower() for c in before):
        return True  # a dateline: "WARSAW (AP) —"
    if span.label_ != "PERSON" or len(line.split()) > CREDIT_LINE_MAX_WORDS:
        return False
    # a short line with a name and no verb: a byline or a caption credit ("Ann Reyl | Staff writer")
    tokens = span.doc.char_span(start, start + len(line), alignment_mode="expand") or span
    return not any(t.pos_ in {"VERB", "AUX"} for t in tokens)


def _before_colon(span: Span) -> Span | None:
    """A name NER ran across a colon ("Ann Reyl: Dealing With …") ends at the colon."""
    for token in span:
        if token.text in {":", "|"}:
            return span.doc[span.start : token.i] if token.i > span.start else None
    return span


def is_furniture(span: Span, text: str) -> bool:
    """A name in a short title-case line of the body (a link, a section heading: "Help Shape the Future
    of Public Transit"): page furniture, not the story. The headline is judged apart (`Headline`)."""
    start, line = _line(span, text)
    if start == 0 or line.rstrip().endswith((".", "?", "!", '"', "\u201d")):
        return False
    words = [w for w in line.split() if len(w) >= TITLE_CASE_WORD_LENGTH and w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in words)
    return len(line.split()) <= FURNITURE_MAX_WORDS and len(words) >= TITLE_CASE_MIN_WORDS \
        and capitalised >= TITLE_CASE_SHARE * len(words)


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
        if _body_name(span):
            return "organisation", Code(sector=name_sector(list(span)) or sector_of([span[-1]]))
        return kind, Code()
    if kind == "group":
        if span.root.dep_ in {"amod", "compound", "nmod"} or span.root.pos_ == "ADJ":
            return None  # "Belarussian dictator": the demonym describes the dictator
        if country is None and span.root.tag_ == "NNP" and city_country(text):
            return None  # a town NER took for a people ("outside the town of Tikrit"): a place
        if span.start > 0 and span.doc[span.start - 1].lower_ in ETHNIC:
            return kind, Code()  # "ethnic Albanians" names an ethnicity, not a nationality
        if span.root.tag_ in {"NN", "NNP"} and is_role(span.root) and any(c.dep_ == "det" for c in span.root.children):
            return None  # "the South Carolina Republican": one person, a role noun (nominals find whose)
        # "Republicans", "Muslims": a party's or a faith's followers
        return kind, Code(country or country_in(list(span)), name_sector(list(span)))
    org = organisation_of(text)
    if org is not None:
        return "organisation", Code(sector=org[1], org=org[0])
    if kind == "organisation" and _person_name(span):
        return "person", Code()
    if country is not None:
        return "state", Code(country)
    company = company_country(text)
    if company is not None and not capital_of(text):  # NER often takes a company for a place
        return "organisation", Code(company, "BUS")
    branch = _branch_country(span)
    if branch is not None:
        return "organisation", Code(branch, "BUS")
    if kind == "state":
        capital = capital_of(text)
        if capital is not None and in_argument_position(span):
            return "state", Code(capital, "GOV")
        return None
    # the words of its name first ("Federal Reserve Bank" is GOV, not a bank), then its nouns
    code = Code(sector=name_sector(list(span))).merged(code_tokens(list(span)))
    if _international_body(span, code):
        return "organisation", Code(sector="IGO")
    return "organisation", code


def _international_body(span: Span, code: Code) -> bool:
    """A public body named as international ("International Renewable Energy Agency", "World Tourism
    Organization"): an intergovernmental organisation, of no country. Not an NGO ("International Rescue
    Committee", "World Wildlife Fund"): only a government body's word or "organization" makes one."""
    words = [t.lower_ for t in span if t.lower_ != "the"]
    return len(words) > 2 and words[0] in INTERNATIONAL and not code.country and not code.org \
        and (code.sector == "GOV" or words[-1] in {"organization", "organisation"})


def _branch_country(span: Span) -> str | None:
    """A listed company's national branch, named by the company and a country or city ("HSBC Malta",
    "Toyota Canada"): that place's country."""
    words = [t for t in span if t.lower_ != "the"]
    if len(words) < 2 or company_country(" ".join(t.text for t in words[:-1])) is None:
        return None
    return country_of(words[-1].text) or city_country(words[-1].text)


def _body_word(token: Token) -> bool:
    """A word (as written or by its lemma) for a body or group of people ("Foundation", "soldiers")."""
    return token.lower_ in agents().groups or token.lemma_.lower() in agents().groups


def _body_name(span: Span) -> bool:
    """A name NER took for a person's that ends in a word for a body ("Reyl Foundation", "the Ann Reyl
    Campaign", "Varnia State University", "the Reyl White House"): an organisation named after a person or a
    place. A possessive ending is not the last word ("the Ann Reyl Foundation's gifts")."""
    words = [t for t in span if t.tag_ != "POS"]
    last = words[-1] if words else span[-1]
    if len(words) < 2 or not last.text[:1].isupper() or last.lower_ in name_genders():
        return False
    # a body's name may be two words ("the Obama White House")
    two = " ".join(t.lower_ for t in words[-2:])
    return _body_word(last) or two in agents().groups or name_sector([last]) is not None


def _person_name(span: Span) -> bool:
    """A name NER took for an organisation that is a person's ("Carly Fiorina said"): two or three
    capitalised words, the first a given name of the census lists (`coref.name_genders`), none a word
    that names or codes an organisation, a place or a listed company."""
    words = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
    if not 2 <= len(words) <= 3 or not all(t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in words):
        return False
    text = " ".join(t.text for t in words)
    if words[0].lower_ not in name_genders() or name_sector(words) or company_country(text) or country_in(words) \
            or subdivision_country(text) or city_country(text) or any(_title_word(t) for t in words):
        return False
    return not any(_body_word(t) for t in words)


def _person_noun(head: Token) -> bool:
    """A noun for one person's office or trade ("senator", "chairman"), not a body's."""
    return (is_role(head) or head.lemma_.lower() in agents().corporate) and head.lemma_.lower() not in agents().groups


def _surname_like(actor: _Actor) -> bool:
    """An organisation named only as a person could be: one to three capitalised words, no listed
    organisation, no word that names or codes a body, no title or nationality ("American Crossroads"),
    not an acronym ("Priebus", "Adel Nefzi")."""
    names = [span for span, kind in actor.mentions if kind == "name"]
    if actor.code.org or not names or not 1 <= len(actor.parts) <= 3:
        return False
    words = [t for t in names[0] if t.tag_ != "POS" and t.lower_ != "the"]
    return bool(words) and all(t.text[:1].isupper() and not t.is_upper and t.is_alpha for t in words) \
        and name_sector(words) is None and company_country(" ".join(t.text for t in words)) is None \
        and not any(_body_word(t) or _title_word(t) for t in words)


def _named_by_surname(actor: _Actor) -> bool:
    """An organisation-tagged name of two or three words that could be a person's, also named by its last
    word alone ("Adel Nefzi" … "Nefzi said"): news names people so, organisations hardly ever."""
    if not 2 <= len(actor.parts) <= 3 or not _surname_like(actor):
        return False
    return any(kind == "name" and name_parts(span.text) == actor.parts[-1:] for span, kind in actor.mentions)


def _media_outlet(actor: _Actor) -> bool:
    """An organisation the article uses as a news source: it reports, publishes or airs something, is
    told something, or is what a claim is "according to" ("CNBC reported", "told Politico", "according
    to ThinkProgress"): a media organisation, by the guide's MED, when nothing else codes it."""
    for span, kind in actor.mentions:
        root = span.root
        if kind != "name" or root.head is root:
            continue
        verb = root.head.lemma_.lower()
        if (root.dep_ == "nsubj" and verb in MEDIA_VERBS) or (root.dep_ in {"dobj", "dative"} and verb == "tell") \
                or (root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"):
            return True
    return False


def _candidate_background(code: Code, stale: bool, known: Code) -> bool:
    """A description a candidate (PTY) goes by that is not their sector: a past office ("the former
    secretary of state") or a business career ("the New York businessman"): news describes candidates by
    what they did before running."""
    return known.sector == "PTY" and code.sector is not None and (stale or code.sector == "BUS")


def _lower(token: Token) -> str:
    return token.lower_


def _left_modifiers(head: Token, stop: int | None = None) -> list[Token]:
    """Tokens of the head's left modifiers (a title, a nationality, a possessor), in order."""
    tokens: list[Token] = []
    for child in head.lefts:
        if child.dep_ in MODIFIER_DEPS and (stop is None or child.i < stop):
            tokens.extend(t for t in child.subtree if not t.is_punct and t.i < head.i)
    return sorted(set(tokens), key=lambda t: t.i)


def _subject_of_own_verb(actor: _Actor, head: Token) -> bool:
    """Whether the actor is the subject of the verb whose object is the role noun `head`: "Ann Reyl asked
    the frontrunner" is about someone else (a clause's subject and object are two people)."""
    verb = head.head.head if head.dep_ == "pobj" else head.head
    if head.dep_ not in {"dobj", "dative", "pobj"} or verb.pos_ not in {"VERB", "AUX"}:
        return False
    return any(span.root.head == verb and span.root.dep_ in SUBJECT_DEPS for span, _kind in actor.mentions)


def _unknown_firm(head: Token, modifiers: list[Token], by_token: dict[int, _Actor]) -> bool:
    """"a Varnitex spokesperson": a corporate role (agents.yaml `corporate`) after a name that is no actor,
    country, capital, known organisation or role word — a firm the tagger did not name."""
    if head.lemma_.lower() not in agents().corporate and head.lower_ not in agents().corporate:
        return False
    return any(t.dep_ == "compound" and t.pos_ == "PROPN" and t.text[:1].isupper() and t.i not in by_token
               and not (country_of(t.text) or capital_of(t.text) or organisation_of(t.text) or _title_word(t)
                        or agents().groups.get(t.lower_))
               for t in modifiers)


def _corporate_default(sector: str | None, roles: set[str], employer: _Actor) -> bool:
    """A corporate post's BUS is only a default: at an organisation of another sector the post is that
    sector's ("Fox News chief executive" → MED, "executive director of an advocacy group" → NGO)."""
    corporate = agents().corporate
    return sector == "BUS" and employer.code.sector not in {None, "BUS"} \
        and any(r in corporate or r.split()[-1] in corporate for r in roles)


def _person_phrases(span: Span) -> list[list[Token]]:
    """The phrases that describe a person at one name mention: a title before the name, an apposition
    after it, or the phrase the name is in apposition to."""
    root = span.root
    phrases: list[list[Token]] = []
    before = [t for t in _left_modifiers(root) if t.i < span.start]
    # a title ends in a role ("Police Chief"); a body noun right before a name is a misparse ("told police
    # Reyl threatened them": "police" is the verb's object, not Reyl's title)
    if before and not (before[-1].lower_ in agents().groups and not is_role(before[-1])):
        phrases.append(before)
    for child in root.rights:
        if child.dep_ == "appos":
            # not the clauses inside it ("a spokesman for the coalition fighting Islamic State"), nor a past
            # office joined to a present one ("the company's founder and former chief executive")
            past = {t.i for c in child.children if c.dep_ == "conj" and is_stale(list(c.lefts)) for t in c.subtree}
            # nor the words of an organisation's name: the employer decides what they say ("the president
            # of the Federal Reserve Bank" is no banker)
            phrases.append([t for t in child.subtree if t.dep_ not in CLAUSE_DEPS | {"punct", "cc"}
                            and t.i not in past and t.ent_type_ != "ORG" and not _of_another(child, t)
                            and not any(a.dep_ in CLAUSE_DEPS for a in t.ancestors if a.i >= child.i)])
    if root.dep_ == "appos" and root.head.pos_ in {"NOUN", "PROPN"} \
            and root.head.lemma_.lower() not in agents().unspecific:
        # "the man who kidnapped the child, Reyl,": an unspecific noun tells nothing of Reyl's sector
        phrases.append(_role_phrase(root.head))
    phrases.extend(phrase for phrase, past in _relative_roles(root) if not past)
    return phrases


def _of_another(head: Token, token: Token) -> bool:
    """Whether `token`, in the phrase headed by `head`, describes another person: it follows a relation
    noun ("son of the Republican front-runner", "a supporter of Senator Reyl"; agents.yaml `relations`)."""
    return token.i > head.i and head.lemma_.lower() in agents().relations


def _role_phrase(head: Token) -> list[Token]:
    """A role noun with its modifiers and its "of" phrase last, so "director of public prosecutions"
    reads as prosecution (JUD) and "governor of Florida" names its state; a relation noun ("son of …")
    without it."""
    of = [t for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"
          for o in c.children if o.dep_ == "pobj" for t in o.subtree if not t.is_punct]
    return [*_left_modifiers(head), head, *(t for t in of if not _of_another(head, t))]


def _relative_roles(root: Token) -> list[tuple[list[Token], bool]]:
    """The role a relative clause gives a name ("Ann Reyl, who is the party's treasurer,"; "who was
    undersecretary of state in 2013"), with whether it is a past one (the verb's past tense)."""
    # "Ann Reyl, who is …", and "Ann Reyl, the activist who founded X and is …": a clause on the name or
    # on its apposition, or a "be" joined to such a clause
    relatives = [c for h in [root, *(a for a in root.rights if a.dep_ == "appos")] for c in h.rights
                 if c.dep_ == "relcl" and any(k.dep_ == "nsubj" and k.lower_ == "who" for k in c.children)]
    clauses = [c for r in relatives for c in (r, *(k for k in r.children if k.dep_ == "conj")) if c.lemma_ == "be"]
    if root.dep_ == "nsubj" and root.head.lemma_ == "be" and root.head.pos_ == "AUX":
        # the name as the subject of a copula: "Ann Reyl is the Republican governor of Varnia."
        clauses.append(root.head)
    found = []
    for clause in clauses:
        for attr in (c for c in clause.children if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"}):
            found.append((_role_phrase(attr), clause.tag_ == "VBD"))
    # "Ann Reyl, who served as the senator's chief of staff": an office held "as" is one held
    for clause in (c for r in relatives for c in (r, *(k for k in r.children if k.dep_ == "conj"))
                   if c.lemma_ in OFFICE_VERBS):
        for role in (o for p in clause.children if p.dep_ == "prep" and p.lower_ == "as"
                     for o in p.children if o.dep_ == "pobj" and o.pos_ in {"NOUN", "PROPN"}):
            found.append((_role_phrase(role), clause.tag_ == "VBD"))
    return found


def describe_person(span: Span) -> tuple[Code, str | None]:
    """Code and role of a person from the words around one name mention: a title before the name,
    an apposition after it, or the phrase the name is in apposition to; past offices left out."""
    code, role = Code(), None
    for phrase in _person_phrases(span):
        if not phrase or is_stale(phrase):
            continue
        found = code_tokens(phrase)
        if found.sector is None and not found.org:
            found = Code(found.country, description_sector(phrase))
        code = code.merged(found)
        if role is None and found.sector is not None:
            token = next((t for t in reversed(phrase) if is_role(t)), None)
            if token is not None:  # "Vice President", not "President"
                words = len(role_name(token).split())
                role = token.doc[max(token.i - words + 1, 0) : token.i + 1].text
    return code, role


def past_sector(span: Span) -> str | None:
    """The sector of a past office around a name ("Former Gov. Ann Reyl", "Ann Reyl, a former army
    general", "Ann Reyl, who was the mayor"): annotators, like CAMEO, code a former official with no
    present role by that office."""
    phrases = [phrase for phrase in _person_phrases(span) if phrase and is_stale(phrase)]
    phrases.extend(phrase for phrase, past in _relative_roles(span.root) if past)
    return next((sector for phrase in phrases if (sector := code_tokens(phrase).sector)), None)


class _Builder:
    """Collects actors and their mentions for one document."""

    def __init__(self, doc: Doc, headline: Headline | None = None, on: dt.date | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.headline = headline
        self.on = on
        self._home: str | None = None
        self._home_read = False
        """The article's date: which office a listed person held then (`known_code`)."""
        self.actors: list[_Actor] = []
        self.by_token: dict[int, _Actor] = {}
        self.covered: set[int] = set()
        self.resolved: dict[int, _Actor] = {}
        """Pronoun token index → the actor it was resolved to."""
        self._word_starts: dict[str, list[int]] | None = None
        """Lower-cased word → where it stands in the text, built on first use (`_written_in_full`)."""

    def add(self, actor: _Actor, span: Span, kind: str) -> None:
        actor.mentions.append((span, kind))
        for i in range(span.start, span.end):
            self.by_token.setdefault(i, actor)

    # --- names ---------------------------------------------------------------------------
    def names(self) -> None:
        candidates = []
        text = self.text
        for ent in self.doc.ents:
            if self.headline is not None and ent.start < self.headline.end:
                ent = self.headline.confirmed_name(ent)
                if ent is None:
                    continue
            ent = _before_colon(ent)
            if ent is not None and fold(ent.text) in agents().newsrooms:
                self.covered.update(range(ent.start, ent.end))  # nor its words a group ("Press")
                continue
            if ent is None or NOT_A_NAME.search(ent.text.strip()) or is_credit(ent, text) or is_furniture(ent, text) \
                    or ent[-1].lower_ in agents().documents:
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
            home = self._namesake([a for a in self.actors if _absorbs(a, kind, parts, code)], ent)
            if home is None:
                home = _Actor(kind, display_name(ent), parts, code)
                self.actors.append(home)
            elif len(parts) > len(home.parts):
                home.parts, home.name = parts, display_name(ent)
            self.add(home, ent, "name")
            self.covered.update(range(ent.start, ent.end))
        for actor in self.actors:
            if actor.kind == "organisation" and not actor.code.sector and _named_by_surname(actor):
                actor.kind = "person"  # "Adel Nefzi … Nefzi said": a body is not named by its last word
        self._surnames()
        # organisations our list knows code their staff ("Taliban spokesman …"): look them up first
        notable_codes([a for a in self.actors if a.kind != "person"])
        for actor in self.actors:
            if actor.kind == "organisation":
                self._describe_organisation(actor)
                if actor.code.sector is None and not actor.code.org and _media_outlet(actor):
                    actor.code = actor.code.merged(Code(sector="MED"))
        for actor in self.actors:
            if actor.kind == "person":
                self._describe(actor)
            elif actor.kind == "group":
                # "the Albanians of southern Serbia": where a people lives codes it (CAMEO's convention)
                place = next((c for span, _k in actor.mentions if (c := self._of_code(span.root).country)), None)
                if place:
                    actor.code = Code(place, actor.code.sector)

    def _namesake(self, homes: list[_Actor], ent: Span) -> _Actor | None:
        """Which of the actors a short name fits it names: with two people of one surname ("Hillary
        Clinton", "Bill Clinton"), the one an honorific's gender agrees with ("Mrs. Clinton"); of those,
        the one written in full first (`_surname_owner`, as for the surnames the tagger missed). None
        (a person of their own) when the one namesake's first name contradicts the honorific."""
        honorifics = pronoun_lexicon().honorifics
        # the honorific before the name, or the first word of the name when the tagger took it in ("Mr. Clinton")
        previous = self.doc[ent.start - 1].lower_.strip(".") if ent.start > 0 else ""
        first = ent[0].lower_.strip(".")
        gender = honorifics.get(first) if first in honorifics else honorifics.get(previous)
        if gender is not None and len(homes) > 1:
            homes = [a for a in homes if a.kind == "person" and name_gender(a.parts) in {None, gender}] or homes
        elif gender is not None and homes and homes[0].kind == "person" \
                and name_gender(homes[0].parts) not in {None, gender}:
            return None  # "Mr. Clinton" in an article naming only Hillary Clinton: her husband, another person
        return self._surname_owner(homes)

    def _surname_owner(self, namesakes: list[_Actor]) -> _Actor | None:
        """Which of several people a short name names: the one whose full name the text wrote first
        (`_written_in_full`), as news introduces its principal first and gives a relative or namesake
        a first name after ("Donald Trump … his daughter Ivanka Trump … Trump said"). Text order, not
        the actors' order (longest names first), and with names the tagger split; the nearest full
        name before the mention did no better on the training set. Actors never written in full
        (other kinds) keep the list's order after them."""
        if len(namesakes) < 2:
            return namesakes[0] if namesakes else None
        first = {id(a): min(self._written_in_full(a), default=len(self.doc)) for a in namesakes}
        return min(namesakes, key=lambda a: first[id(a)])

    def _written_in_full(self, actor: _Actor) -> list[int]:
        """Where a person's full name starts in the text: their mentions of two words or more, and
        their whole name or first name and surname anywhere else ("CLEVELAND - Donald Trump", which
        the tagger split; "Alan Grayson" of Alan Mark Grayson)."""
        if not _named_in_full(actor):
            return []
        if self._word_starts is None:
            # indexed once per document: the owner of a shared surname is asked for at every mention
            self._word_starts = {}
            for token in self.doc:
                self._word_starts.setdefault(token.lower_, []).append(token.i)
        forms = {actor.parts, (actor.parts[0], actor.parts[-1])}
        found = [i for form in forms for i in self._word_starts.get(form[0], ())
                 if tuple(t.lower_ for t in self.doc[i : i + len(form)]) == form]
        return found + [span.start for span, kind in actor.mentions
                        if kind == "name" and len(name_parts(span.text)) > 1]

    def _surnames(self) -> None:
        """Give people the mentions NER missed: a surname standing alone ("Lukashenko apparatchiks"); and
        organisations theirs: an acronym of their name in capitals ("IRENA Director-General …")."""
        surnames: dict[str, list[_Actor]] = {}
        for person in self.actors:
            if _named_in_full(person):
                surnames.setdefault(person.parts[-1], []).append(person)
        bodies = [a for a in self.actors if a.kind == "organisation" and len(a.parts) > 2]
        for token in self.doc:
            if token.i not in self.covered and token.text[:1].isupper():
                actor = self._surname_owner(surnames.get(_POSSESSIVE.sub("", token.lower_), []))
                if actor is None and token.is_upper and token.is_alpha and len(token) > 2:
                    named = [a for a in bodies if _initials(token.lower_, a.parts)]
                    actor = named[0] if len(named) == 1 else None
                if actor is not None:
                    self.add(actor, self.doc[token.i : token.i + 1], "name")
                    self.covered.add(token.i)

    def _describe(self, actor: _Actor) -> None:
        for span, kind in sorted(actor.mentions, key=lambda m: m[0].start):
            code, role = describe_person(span)
            actor.code = actor.code.merged(code)
            actor.past = actor.past or past_sector(span)
            if role:
                actor.roles.add(role.lower())
                actor.role = actor.role or role
            if kind == "name":  # a title inside the name ("Crown Prince Reyl") is a role of theirs too
                actor.roles.update(role_name(t) for t in span if is_role(t) and t.i < span.root.i)
            previous = span.start - 1
            if previous >= 0:
                gender = pronoun_lexicon().honorifics.get(self.doc[previous].lower_.strip("."))
                actor.gender = actor.gender or gender
            # the title words before a name are part of the name's phrase, not other actors
            for token in _left_modifiers(span.root):
                if token.i < span.start:
                    self.covered.add(token.i)
        text = self.text
        if any(kind == "name" and PARTY_STATE.match(text[span.end_char : span.end_char + 24])
               and not is_stale(_left_modifiers(span.root)) for span, kind in actor.mentions):
            # "(D-Nev.)" marks a member of Congress: USA, a legislator unless the words said otherwise; a party
            # label does not ("Democrat Ann Reyl (D-Ohio)": the office held wins, as the guide says)
            sector = "LEG" if actor.code.sector in {None, "PTY"} else actor.code.sector
            actor.code = Code(actor.code.country or "USA", sector, actor.code.org)
        actor.principal = next((boss for span, kind in actor.mentions if kind == "name"
                                and (boss := self._principal(span.root)) is not None and boss is not actor), None)
        if not self._employ(actor) and actor.code.sector is None and self._suspect(actor):
            actor.code = actor.code.merged(Code(sector="CRM"))

    def _employ(self, actor: _Actor) -> bool:
        """Code a person by the organisation their name's words say they work for (`_employer`); whether
        there is one."""
        employer = next((org for span, kind in actor.mentions if kind == "name"
                         and (org := self._employer(span.root)) is not None), None)
        if employer is None:
            return False
        generic = (actor.role or "").lower() in agents().generic
        if actor.code.sector in {None, "GOV"} or generic \
                or _corporate_default(actor.code.sector, actor.roles, employer):
            # "Exxon's vice president Ann Reyl", "CNN anchor Ann Reyl": the office is the company's
            actor.code = Code(actor.code.country or employer.code.country, employer.code.sector, employer.code.org)
        elif not actor.code.org:
            actor.code = actor.code.merged(Code(employer.code.country))  # "Boeing CEO Ann Reyl": USA too
        return True

    def employers(self) -> None:
        """Code people again by their employer once the nominals have coded it: "Ann Reyl, president of
        Varnair, the Dubai-based airline" — the airline is a company only once "airline" joined it."""
        for actor in self.actors:
            if actor.kind == "person" and actor.parts and not actor.code.org:
                self._employ(actor)

    def _employer(self, root: Token) -> _Actor | None:
        """The organisation a name or role works for, by the words around it: a possessor or compound
        ("Exxon's spokesman", "CNN anchor"), or "for/of/at X" after its title or apposition ("a
        spokesman for Exxon"), when that organisation's sector passes to its staff (agents.yaml
        `affiliates`: companies, media, NGOs, universities, unions, churches, parties, IGOs)."""
        heads = [root, *(c for c in root.children if c.dep_ == "appos")]
        if root.dep_ == "appos":
            heads.append(root.head)
        lex = agents()
        for head in heads:
            modifiers = _left_modifiers(head)
            tokens = [t for t in modifiers if t.dep_ in {"poss", "compound"}]
            # staff serve the body they are "to" ("an adviser to the Reyl Institute"); an envoy to a body
            # is accredited there, not its staff
            preps = EMPLOYER_PREPS | ({"to"} if self._staff_title(head, modifiers) else set())
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    objects = [t for t in child.children if t.dep_ == "pobj"]
                    # "of the advocacy group Clean Rivers": the name in apposition to the description
                    tokens.extend([*objects, *(a for t in objects for a in t.children if a.dep_ == "appos")])
            titles = [head, *modifiers, *(c for c in head.children if c.dep_ == "conj")]
            # "executive director" is no company post: a title whose own sector is another's is not
            corporate = any(t.lemma_.lower() in lex.corporate or t.lower_ in lex.corporate for t in titles) \
                and sector_of([*modifiers, head]) in {None, "BUS"}
            for token in tokens:
                actor = self.by_token.get(token.i)
                if actor is None or actor.kind not in {"organisation", "group"} or not actor.parts:
                    continue
                if actor.code.sector in lex.affiliates or (actor.code.sector == "GOV" and actor.kind == "organisation"):
                    return actor
                if corporate and actor.kind == "organisation" and actor.code.sector is None and not actor.code.org:
                    # "Flexport's chief economist", "a WeWork spokesperson": a firm the article does not code
                    actor.code = actor.code.merged(Code(sector="BUS"))
                    actor.basis.setdefault("sector", "text")
                    return actor
        return None

    def _principal(self, root: Token) -> _Actor | None:
        """The named person a staff role works for (agents.yaml `staff`), by the words around it: a
        possessor or compound ("Reyl's aides", "Reyl spokesman Tom Berg") or "for/to X" ("an adviser to
        Reyl"), in the name's own phrase or its apposition."""
        heads = [root, *(c for c in root.children if c.dep_ == "appos")]
        if root.dep_ == "appos":
            heads.append(root.head)
        for head in heads:
            modifiers = _left_modifiers(head)
            if not self._staff_title(head, modifiers):
                continue
            owners = [t for t in modifiers if t.dep_ in {"poss", "compound"}]
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in {"for", "to"}:
                    owners.extend(t for t in child.children if t.dep_ == "pobj")
            for token in owners:
                boss = self.by_token.get(token.i)
                if boss is not None and boss.kind == "person" and boss.parts:
                    return boss
        return None

    def _staff_title(self, head: Token, modifiers: list[Token]) -> bool:
        """Whether a role phrase names a post held for one person (agents.yaml `staff`: "aides", "chief
        strategist"): the lemmas for the head ("aides"), the words as written for a plural modifier
        ("communications director")."""
        titles = [" " + " ".join(form(t) for t in [*modifiers, head]) + " " for form in (self._lemma, _lower)]
        return any(f" {role} " in title for role in agents().staff for title in titles)

    def _suspect(self, actor: _Actor) -> bool:
        """A named person arrested, charged or convicted ("Reyl was charged", "police arrested Reyl"), or
        who pleads: a suspect, by the guide's CRM."""
        verbs = agents().suspect_verbs
        for span, kind in actor.mentions:
            # "Reyl, who has been arrested on suspicion of …"
            if kind == "name" and any(c.dep_ == "relcl" and c.lemma_.lower() in verbs and any(
                    k.dep_ == "nsubjpass" and k.lower_ == "who" for k in c.children) for c in span.root.rights):
                return True
            root = span.root
            # "police arrested Reyl and Berg"; "the man who robbed the store, Reyl, was sentenced"
            while root.dep_ in {"conj", "appos"} and root.head is not root:
                root = root.head
            if kind != "name" or root.head is root:
                continue
            verb = root.head.lemma_.lower()
            if verb in verbs and (root.dep_ == "nsubjpass" or (root.dep_ == "dobj" and verb != "plead")
                                  or (root.dep_ == "nsubj" and verb == "plead")):
                return True
        return False

    def _describe_organisation(self, actor: _Actor) -> None:
        """Code an organisation from the words the article puts around its name, where its name does
        not code it ("the Chinese e-commerce giant Alibaba" → CHN BUS)."""
        if actor.code.sector == "IGO":
            return  # an international body by its name: no word around it makes it a country's
        for span, kind in actor.mentions:
            if kind != "name":
                continue
            code, _role = describe_person(span)
            if code.sector and not actor.code.org and company_country(actor.name) is None:
                # "the gay rights group Human Rights Campaign": what the article calls it beats a word of
                # its name ("campaign"); our lists of organisations and companies are surer than both
                actor.code = Code(actor.code.country, code.sector)
            if code.country or code.sector:
                actor.code = actor.code.merged(Code(code.country, code.sector))
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
            if token.lemma_.lower() in agents().countable_only and token.tag_ == "NN" and not any(
                    c.dep_ in {"det", "poss", "compound"} or c.pos_ == "PROPN" for c in token.children):
                continue  # "excessive force", "show business": the abstract sense
            lemma = token.lemma_.lower()
            if not may_end_phrase(lemma if token.pos_ == "NOUN" else token.lower_) \
                    and lemma not in pronoun_lexicon().country_nouns:
                continue  # no role or group phrase ends in this noun (`noun_sector` would find none)
            phrase = doc[max(0, token.i - 3) : token.i + 1]
            words = [t.lemma_.lower() if t.pos_ == "NOUN" else t.lower_ for t in phrase]
            sector = noun_sector(words, len(words) - 1, [t.lower_ for t in phrase])
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
        if any(c.lower_ in SELF_REFERENCE and c.dep_ in {"poss", "det"} for c in head.lefts) and code.sector == "MED":
            return  # "our correspondent", "this reporter": the newsroom itself
        if code.sector == "MED" and any(fold(" ".join(t.text for t in c.subtree)) in agents().newsrooms
                                        for c in head.lefts if c.dep_ in {"compound", "poss"}):
            return  # "an Associated Press journalist": the wire agency's own staff, credited like it
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
        named = self._apposed_name(head) or (None if plural else self._apposed_person(head))
        if named is not None and not plural and named.kind == "organisation" and _person_noun(head) \
                and _surname_like(named):
            # "Priebus, the party chairman,": NER took a person for an organisation; the role says who
            named.kind, named.code, named.role = "person", code, head.text
            named.roles.add(lemma)
        if named is not None:  # "the e-commerce giant, Alibaba,": a description of the named actor
            self.add(named, span, "nominal")
            self.covered.update(range(span.start, span.end))
            return
        owner = next((c for c in head.lefts if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if owner is not None:  # "his own forces": whose, the pronoun decides once resolved
            actor = _Actor("group" if plural else "organisation", span.text, code=code, head=None, owner=owner)
            self.actors.append(actor)
            self.add(actor, span, "nominal")
            return
        employer = self._employer(head)
        if employer is not None and lemma not in agents().unspecific \
                and (code.sector in {None, "GOV"} or lemma in agents().generic
                     or _corporate_default(code.sector, {lemma}, employer)):
            # "a WeWork spokesperson", "Taliban representative": the office is the organisation's, as for a
            # named person (`_employ`): a generic office (representative, commander) takes its sector
            code = Code(code.country or employer.code.country, employer.code.sector, employer.code.org)
        elif employer is None and code.sector in {None, "GOV"} and _unknown_firm(head, modifiers, self.by_token):
            code = Code(code.country, "BUS")
        elif employer is None and plural and lemma in agents().commentators:
            code = Code(code.country, None, code.org)  # "analysts expect …": of no sector
        if is_role(head) and not plural:
            person = self._apposed_person(head) or self._person_for(head, code)
            if person is not None:
                self.add(person, span, "nominal")
                if not is_stale(list(span)) and code.sector != "CVL" \
                        and not _candidate_background(code, False, self.known_code(person)):
                    # "the Texas senator" gives the person a sector they lack; "the man" tells nothing
                    person.code = person.code.merged(code)
                    office = role_name(head)
                    person.roles.add(office if " " in office else lemma)
                return
            if lemma in agents().unspecific:
                return  # "a woman", "the candidate" with no one named: no particular actor
            same = next((a for a in self.actors if a.kind == "person" and not a.parts
                         and a.name.lower() == span.text.lower() and a.code == code), None)
            if same is not None:  # "the late opposition leader" said twice is one person
                self.add(same, span, "nominal")
                return
            actor = _Actor("person", span.text, code=code, role=head.text, roles={lemma}, head=lemma,
                           principal=self._principal(head))
            self.actors.append(actor)
            self.add(actor, span, "nominal")
            return
        # a group joins an earlier one with the same head ("the soldiers" after "Polish soldiers")
        # unless its own modifiers set it apart ("the other Baltic states", "Latvian soldiers")
        distinct = any(t.lower_ in {"other", "another"} or (t.text[:1].isupper() and t.i > span.start)
                       for t in modifiers)
        named = None if plural or distinct else self._salient_organisation(head, code)
        if named is not None:  # "the company" after "Varnia Steel said …"
            self.add(named, span, "nominal")
            named.code = named.code.merged(code)
            self.covered.update(range(span.start, span.end))
            return
        # nor does "coal companies" join "drug companies": its own describing words must be the earlier's
        kinds = {t.lower_ for t in modifiers if t.dep_ in {"compound", "amod", "nmod"} and not t.is_stop
                 and t.pos_ in {"NOUN", "PROPN", "ADJ"}}
        same = [a for a in self.actors if a.head == lemma and a.kind != "person"
                and (code.country is None or a.code.country == code.country)
                and (code.org is None or a.code.org == code.org)
                and kinds <= set(a.name.lower().split())]
        home = same[-1] if same and not distinct else None
        if home is None:
            if lemma in agents().unspecific:
                return  # "people", "two women": no particular group
            kind = "group" if plural else "organisation"
            home = _Actor(kind, span.text, code=code, head=lemma, principal=self._principal(head))
            self.actors.append(home)
        self.add(home, span, "nominal")
        self.covered.update(range(span.start, span.end))

    def _possessor_code(self, head: Token) -> Code:
        """"Lukashenko's regime", "the Lukashenko regime": the possessor's country; "Senator Reyl's
        office", "her staff": the person's whole code (their office acts for them)."""
        for child in head.lefts:
            if child.dep_ in {"poss", "compound"}:
                owner = self.by_token.get(child.i)
                if owner is not None:
                    if owner.kind == "person" and self._lemma(head) in agents().personal_bodies:
                        return Code(owner.code.country, owner.code.sector, owner.code.org)
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

    def _apposed_name(self, head: Token) -> _Actor | None:
        """A named organisation or group a description stands in apposition with, either way round."""
        tokens = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            tokens.append(head.head)
        for token in tokens:
            actor = self.by_token.get(token.i)
            if actor is not None and actor.kind in {"organisation", "group"} and actor.parts:
                return actor
        return None

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
        # the office as the article names it: "the vice president" is not the president
        office = role_name(head)
        title = office if " " in office else lemma
        definite = any(c.lower_ in {"the", "this", "that"} for c in head.children) or head.dep_ == "poss"
        generic = lemma in agents().generic
        stale = is_stale(_left_modifiers(head))
        # a person of no known country is taken for one of the country the article is about
        home = self.home_country()

        def titled(actor: _Actor) -> bool:
            if actor.kind != "person" or not actor.parts or _subject_of_own_verb(actor, head):
                return False
            known = self.known_code(actor)
            if code.country and code.country != (known.country or home):
                return False
            # "the former minister" is not the minister in office, titled so for their present post
            return (title in actor.roles or (title == lemma and head.lower_ in actor.roles)) \
                and (not stale or actor.past is not None)

        def fits(actor: _Actor) -> bool:
            if titled(actor):
                return True
            if actor.kind != "person" or not actor.parts or _subject_of_own_verb(actor, head):
                return False
            known = self.known_code(actor)
            if code.country and code.country != (known.country or home):
                return False
            # "the former secretary" held that office once: a present office of the same sector is no match
            sector = actor.past if stale else known.sector
            # a party label fits any politician ("the South Carolina Republican" after "Rep. Reyl"), and a
            # candidate goes by a past office or a business career ("the former governor", "the real
            # estate tycoon", "the former CEO of Varnitex")
            return definite and not generic and code.sector is not None and (
                code.sector == sector or (code.sector == "PTY" and sector in POLITICIANS)
                or _candidate_background(code, stale, known))

        # the person the article gave this very title beats one who merely shares its sector ("the crown
        # prince" is "Crown Prince Reyl", not the president named since)
        before = self._nearest(head, titled) or self._nearest(head, fits)
        if before is not None:
            return before
        after = [a for a in self.actors if fits(a) and a.first() > head.i]
        if after:
            return min(after, key=lambda a: a.first())
        if definite and not generic and code.sector is not None:
            return self._salient_uncoded(head, code)
        return None

    def _salient_organisation(self, head: Token, code: Code) -> _Actor | None:
        """"the company", "the newspaper": a definite singular body noun names the organisation last named
        in its sentence or the one before whose code does not clash."""
        if not any(c.lower_ in {"the", "this", "that"} for c in head.children) or code.sector is None:
            return None
        start = head.sent.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        named = [(span.start, actor) for actor in self.actors if actor.kind == "organisation" and actor.parts
                 and not actor.code.org and actor.code.sector in {None, code.sector}
                 # "the British government" is Britain's own body, not one of no known country
                 and not (code.country and (actor.code.country or code.sector == "GOV")
                          and actor.code.country != code.country)
                 for span, kind in actor.mentions if kind == "name" and start <= span.start < head.i]
        return max(named, key=lambda n: n[0])[1] if named else None

    def _salient_uncoded(self, head: Token, code: Code) -> _Actor | None:
        """"the Texas senator" after "Ted Reyl said …": a definite, specific role names the person last
        named in its sentence or the one before whose own words gave no sector and no other country."""
        start = head.sent.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        named = [(span.start, actor) for actor in self.actors if actor.kind == "person" and actor.parts
                 and self.known_code(actor).sector is None and not _subject_of_own_verb(actor, head)
                 and not (code.country and (known := self.known_code(actor).country) and code.country != known)
                 for span, kind in actor.mentions if kind == "name" and start <= span.start < head.i]
        return max(named, key=lambda n: n[0])[1] if named else None

    def home_country(self) -> str | None:
        """The country the article is about by its names (`document_country`), read once the names are in."""
        if not self._home_read:
            self._home, self._home_read = document_country(self.doc, self.actors), True
        return self._home

    def known_code(self, actor: _Actor) -> Code:
        """A person's code as the article's words give it, else as our list of well-known people gives it
        on the article's date: "the senator" is not the candidate the list knows as PTY, though the
        article never calls him one (the list codes actors only after the nominals are linked)."""
        if actor.code.sector is not None or actor.kind != "person" or not actor.parts:
            return actor.code
        found = (notable_dated(actor.name, self.on) if self.on is not None else None) \
            or notable_person(actor.name, self.on)
        return actor.code.merged(found) if found is not None else actor.code

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
                    head = actor.owner.head
                    if owner.kind == "person" and self._staff_title(head, _left_modifiers(head)):
                        actor.principal = owner  # "her advisers": staff, coded like her (`staff_codes`)


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


def notable_codes(actors: list[_Actor], on: dt.date | None = None) -> None:
    """Code the named actors the article leaves without a country from our list of well-known people and
    organisations (`data/actors/notables.yaml`: "Putin" → RUS GOV, "Hezbollah" → LBN REB); the article's
    own sector wins, except over a person's dated office on the article's date `on` (a 2016 story's
    "businessman Donald Trump" was a candidate then: PTY), and its country, except over a listed person
    named in full (`_named_in_full`)."""
    for actor in actors:
        if actor.kind == "person" and actor.parts and on is not None and not actor.code.org \
                and (dated := notable_dated(actor.name, on)) is not None \
                and (actor.code.country in {None, dated.country} or _named_in_full(actor)):
            actor.code = Code(dated.country, dated.sector or actor.code.sector)
            actor.basis["sector"] = actor.basis["country"] = "list"
            continue
        if actor.kind == "person" and actor.parts and on is not None and actor.code.sector is not None \
                and (courtesy := notable_courtesy(actor.name, actor.code.sector, on)) is not None:
            # "Governor Romney" years after he left office: what he has been since is the list's latest
            actor.code = Code(actor.code.country, courtesy, actor.code.org)
            actor.basis["sector"] = "list"
        if (actor.code.country and actor.code.sector) or actor.code.org or not actor.parts:
            continue
        found = notable_person(actor.name, on) if actor.kind == "person" else None
        names = [span for span, kind in actor.mentions if kind == "name"]
        found = found or next((code for span in names if (code := notable_group(list(span)))), None)
        # the article's country wins, but over a listed person named in full (`_named_in_full`); the list only
        # fills a sector for the same country ("the Afghan Taliban")
        if found is not None and (actor.code.country is None or found.country in {None, actor.code.country}):
            actor.code = actor.code.merged(found)
        elif found is not None and found.country and _named_in_full(actor):
            actor.code = Code(found.country, actor.code.sector or found.sector)
            actor.basis["country"] = "list"


def _named_in_full(actor: _Actor) -> bool:
    """A person named by first name and surname: the list's country for them is surer than a country read
    around the name ("For Hillary Clinton, Britain's vote …" parses "Britain's" onto her); a lone surname
    may be a namesake's."""
    return actor.kind == "person" and len(actor.parts) > 1


def _aged(span: Span, text: str) -> bool:
    """A name given with an age ("Ann Reyl, 32, of Dayton", "Ann Reyl, a 32-year-old nurse", "81-year-old
    Ann Reyl"); `text` is the span's document text."""
    return bool(AGE_AFTER.match(text[span.end_char : span.end_char + 20])
                or AGE_BEFORE.search(text[max(0, span.start_char - 16) : span.start_char]))


def ordinary_codes(actors: list[_Actor], text: str) -> None:
    """A named person given an age and no office, trade or affiliation by the article or our lists is an
    ordinary person (CVL): news ages the voters, residents and victims it quotes, rarely office holders
    (and then with their title, which codes them first)."""
    for actor in actors:
        if actor.kind == "person" and actor.code.sector is None and not actor.code.org \
                and any(kind == "name" and _aged(span, text) for span, kind in actor.mentions):
            actor.code = actor.code.merged(Code(sector="CVL"))


def _credits(root: Token, verb: Token | None = None) -> list[Token]:
    """The words a name is credited to: "NBC's Ann Reyl", "Ann Reyl of The Nation", "on Hot Air", and
    "in The Daily Reyl" after the verb it does (`verb`, else the one it is the subject of)."""
    tokens = [c for c in root.children if c.dep_ in {"poss", "compound"}]
    verb = verb if verb is not None else root.head if root.dep_ == "nsubj" else None
    for child in [*root.children, *(verb.children if verb is not None else ())]:
        if child.dep_ == "prep" and child.lower_ in {"of", "on", "at", "for", "in"}:
            tokens.extend(t for t in child.children if t.dep_ == "pobj")
    return tokens


def _outlet_of(root: Token, by_token: dict[int, _Actor], verb: Token | None = None) -> _Actor | None:
    """The organisation that a name is credited to (`_credits`) and that the article codes as media or
    not at all ("wrote in The Washington Times", "of Gawker")."""
    return next((a for t in _credits(root, verb) if (a := by_token.get(t.i)) is not None
                 and a.kind == "organisation" and a.code.sector in {None, "MED"} and not a.code.org), None)


def _unnamed_outlet(root: Token, by_token: dict[int, _Actor]) -> bool:
    """A proper name NER left untagged after "of/at" ("Ann Reyl of The Intercept asked"): the tagger
    misses many titles of outlets, and it tags the places and firms people are "of"."""
    return any(t.pos_ == "PROPN" and not t.ent_type_ and t.i not in by_token and t.head.lower_ in {"of", "at"}
               for t in _credits(root))


def _is_verb(token: Token, lemmas: frozenset[str]) -> bool:
    """Whether a verb is one of `lemmas`, also where the tagger's lemma is off ("blogged" → "blogge"): a
    regular form of a lemma of four letters or more."""
    forms = ("s", "ed", "ing")
    return token.lemma_.lower() in lemmas or any(
        len(v) > 3 and token.lower_ in {*(v + f for f in forms), *(v + v[-1] + f for f in forms[1:])} for v in lemmas)


def _owns_press_work(root: Token) -> bool:
    """A possessor of a show, program or column ("Ann Reyl's show", "her Fox News show viewers"):
    agents.yaml `press_works`, the head or a compound of it."""
    if root.dep_ != "poss":
        return False
    head = root.head
    works = agents().press_works
    return head.lemma_.lower() in works or any(c.dep_ == "compound" and c.lemma_.lower() in works
                                               for c in head.children)


def _press_verb(root: Token, lemmas: frozenset[str]) -> Token | None:
    """The press verb a name does: the one it is the subject of ("Ann Reyl wrote"), or a participle on
    the name ("Ann Reyl, writing in The Nation,")."""
    if root.dep_ == "nsubj" and _is_verb(root.head, lemmas):
        return root.head
    return next((c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBG" and _is_verb(c, lemmas)), None)


def press_codes(actors: list[_Actor], by_token: dict[int, _Actor]) -> None:
    """Journalists by what they do: a person with no sector who reports or blogs, or who writes, asks or
    interviews for an organisation the article codes as media or not at all ("Ann Reyl of The Nation
    wrote", "NBC's Ann Reyl asked", "wrote Ann Reyl in The Daily Reyl", "Ann Reyl, writing on Varnia
    Today,"), is media (MED), and so is that organisation (agents.yaml `press_verbs`)."""
    lex = agents()
    for actor in actors:
        if actor.kind != "person" or actor.code.sector is not None or actor.code.org:
            continue
        if any(_owns_press_work(span.root) for span, _kind in actor.mentions):
            actor.code = actor.code.merged(Code(sector="MED"))  # "Ann Reyl's show", "her radio program"
            continue
        for span, kind in actor.mentions:
            root = span.root
            verb = _press_verb(root, lex.press_verbs)
            if verb is None:
                continue
            if kind != "name":  # "… when he blogged": what the person does, whatever names them
                if kind == "pronoun" and _is_verb(verb, lex.reporting_verbs):
                    actor.code = actor.code.merged(Code(sector="MED"))
                    break
                continue
            outlet = _outlet_of(root, by_token, verb)
            if outlet is None and not _is_verb(verb, lex.reporting_verbs) \
                    and not _unnamed_outlet(root, by_token):
                continue
            actor.code = actor.code.merged(Code(sector="MED"))
            if outlet is not None:
                outlet.code = outlet.code.merged(Code(sector="MED"))
            break


def past_codes(actors: list[_Actor]) -> None:
    """A person nothing else codes takes the sector of a past office ("Former Gov. Ann Reyl" → GOV), but
    a former legislator is a party figure (PTY): a former member of a parliament still in the news is
    one far more often than a legislator (on the training annotations)."""
    for actor in actors:
        if actor.kind == "person" and actor.code.sector is None and actor.past is not None:
            actor.code = actor.code.merged(Code(sector="PTY" if actor.past == "LEG" else actor.past))


def _legislature(token: Token, by_token: dict[int, _Actor]) -> bool:
    """A token naming a legislature: a coded actor ("the Missouri Senate") or a legislature noun."""
    actor = by_token.get(token.i)
    return (actor is not None and actor.code.sector == "LEG") or sector_of([token]) == "LEG"


def _seated(root: Token, by_token: dict[int, _Actor]) -> bool:
    """Whether a party's members are placed in a legislature: by a chamber before them ("House
    Republicans", "congressional Democrats") or a legislature after them ("Democrats in the Missouri
    Senate", "Republican leaders of the state House and Senate", "Democrats on the Judiciary Committee")."""
    if any(c.dep_ in {"compound", "amod"} and c.lower_ in agents().chambers for c in root.lefts):
        return True
    places = [o for p in root.children if p.dep_ == "prep" and p.lower_ in {"in", "of", "on", "from"}
              for o in p.children if o.dep_ == "pobj"]
    return any(_legislature(t, by_token) for o in places for t in (o, *o.conjuncts))


def caucus_codes(actors: list[_Actor], by_token: dict[int, _Actor]) -> None:
    """A party's members seated in a legislature are legislators (`_seated`): the guide's LEG, not the
    party's PTY."""
    for actor in actors:
        if actor.kind != "group" or actor.code.sector != "PTY":
            continue
        for span, _kind in actor.mentions:
            if _seated(span.root, by_token):
                actor.code = Code(actor.code.country, "LEG", actor.code.org)
                break


def _campaigning(actor: _Actor) -> bool:
    """Whether the article gives a person a campaign or a candidacy (agents.yaml `candidacies`): "the Reyl
    campaign", "Reyl's candidacy", "his campaign" once the pronoun is resolved."""
    return any(span.root.dep_ in {"poss", "compound"} and span.root.head.lemma_.lower() in agents().candidacies
               for span, _kind in actor.mentions)


def staff_codes(actors: list[_Actor]) -> None:
    """Staff take the code of the person they work for, once that person is coded by the article and our
    lists: a candidate's spokesman is PTY, a president's GOV, where "spokesman" alone would say GOV. A
    politician running a campaign has staff that work for the candidacy: PTY, though a senator running
    keeps LEG (`_campaigning`)."""
    for actor in actors:
        boss = actor.principal
        if boss is None or boss.code.sector is None or actor.code.sector not in {None, "GOV"}:
            continue
        sector = "PTY" if boss.code.sector in POLITICIANS and _campaigning(boss) else boss.code.sector
        actor.code = Code(actor.code.country or boss.code.country, sector, boss.code.org)
        actor.basis.setdefault("sector", boss.basis.get("sector", "text"))


def _counterpart(token: Token, by_token: dict[int, _Actor]) -> bool:
    """A word in a phrase naming the other party of an act ("sanctions against X", "talks with X")."""
    while token.dep_ in {"compound", "amod", "poss", "nmod"} and token.head is not token:
        token = token.head
    prep = token.head
    if token.dep_ in {"dobj", "dative"}:
        return token.i in by_token  # "visited Russia", "attacked Israeli troops"; not "contest Peru's elections"
    return token.dep_ == "pobj" and prep.lower_ in COUNTERPART_PREPS and prep.head.lower_ != "according"


def _sentence_countries(sent: Span, ents: list[Span], by_token: dict[int, _Actor]) -> list[tuple[int, str, bool]]:
    """(token, country, locative) for every country a sentence names outside counterpart phrases: coded
    actors mentioned in it, and country names, demonyms, capitals and cities among its entities ("a rally
    in Karachi", "Pakistani officials"); `locative` when it only says where ("in Karachi")."""
    found: list[tuple[int, str, bool]] = []
    for token in sent:
        actor = by_token.get(token.i)
        if actor is not None and actor.code.country and not _counterpart(token, by_token):
            if actor.kind == "organisation" and actor.code.sector == "BUS":
                continue  # a company works across borders: "a subsidiary of SoftBank" says nothing of its staff
            found.append((token.i, actor.code.country, _locative(token)))
        elif token.pos_ == "ADJ" and token.text[:1].isupper() and (country := country_of(token.text)) \
                and not _counterpart(token, by_token):
            found.append((token.i, country, False))
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
            found.append((ent.start, country, _locative(ent.root)))
    return found


def _locative(token: Token) -> bool:
    """A place word inside "in/near/outside … X": where something happened, not whose it is."""
    while token.dep_ in {"compound", "amod", "poss", "nmod"} and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE - {"of", "from"}


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
        if actor.code.country or actor.code.org or actor.code.sector in NOT_LOCAL_SECTORS or not actor.mentions \
                or _faith_group(actor) or _markets(actor) \
                or (actor.kind == "organisation" and actor.code.sector == "MED"):
            continue  # a news outlet's sentence names what it reports on, not where it is
        n = bisect.bisect_right(starts, min(span.start for span, _kind in actor.mentions)) - 1
        if n not in by_sentence:
            by_sentence[n] = _sentence_countries(sentences[n], ents.get(n, []), by_token)
        own = {i for span, _kind in actor.mentions for i in range(span.start, span.end)}
        # a named person is not of the place where something was done to them ("Reyl was arrested in
        # London"), though one acting somewhere is likely at home there ("spoke at a rally in Santiago")
        undergoes = actor.kind == "person" and bool(actor.parts) and any(
            span.root.dep_ in {"nsubjpass", "dobj"} for span, kind in actor.mentions if kind == "name")
        countries = {country for i, country, locative in by_sentence[n]
                     if i not in own and not (locative and undergoes)}
        if len(countries) == 1:
            actor.code = actor.code.merged(Code(countries.pop()))


def _markets(actor: _Actor) -> bool:
    """"investors", "analysts", "executives across the world": business people and commentators unnamed and
    in the plural belong to markets, not to the country around them."""
    return actor.kind == "group" and not actor.parts \
        and (actor.code.sector == "BUS" or actor.head in agents().commentators)


def _faith_group(actor: _Actor) -> bool:
    """"Muslims", "Catholics": believers anywhere, not of the country around them."""
    return actor.kind == "group" and actor.code.sector == "REL" and bool(actor.parts)


def document_country(doc: Doc, actors: list[_Actor]) -> str | None:
    """The country an article is about: the one that most of its coded mentions and its provinces and
    states name ("the senator from Ohio" → USA), if it has at least DOMINANT_SHARE of them. A story that
    names too few (a business story) is read again with its companies and its cities counted too."""
    places = _places_within(doc)  # read once for both counts
    wide = _country_counts(places, actors, wide=True)
    return _dominant(_country_counts(places, actors, wide=False)) or _dominant(wide) \
        or (next(iter(wide)) if len(wide) == 1 and len(list(doc.sents)) >= LOCAL_MIN_SENTENCES else None)


def _places_within(doc: Doc) -> list[str]:
    """The texts of the places NER found that are not countries (a state, a province, a city)."""
    return [text for ent in doc.ents if ent.label_ == "GPE" and not country_of(text := span_text(ent))]


def _country_counts(places: list[str], actors: list[_Actor], wide: bool) -> Counter[str]:
    """Mentions of each country: the actors' coded mentions (with `wide`, companies' too) and the country
    of each of `places` (`_places_within`) that is a state or province (with `wide`, a city too)."""
    counts: Counter[str] = Counter()
    for actor in actors:
        # a foreign company in a story says little about where the story is (SoftBank in a US story)
        if actor.code.country and actor.code.sector not in NOT_LOCAL \
                and (wide or not (actor.kind == "organisation" and actor.code.sector == "BUS")):
            counts[actor.code.country] += sum(kind != "pronoun" for _span, kind in actor.mentions)
    for text in places:
        place = subdivision_country(text) or (city_country(text) if wide else None)
        if place:
            counts[place] += 1
    return counts


def _dominant(counts: Counter[str]) -> str | None:
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n >= DOMINANT_SHARE * sum(counts.values()) and n >= DOMINANT_MIN else None


def namesake_codes(doc: Doc, actors: list[_Actor]) -> None:
    """A country named like a state of the country the article is about is that state ("Georgia" in a US
    story, "the Georgia Institute of Technology"): the article's country, counted without the namesake."""
    namesakes = state_namesakes()
    if not any(actor.code.country in namesakes for actor in actors):
        return
    counts = _country_counts(_places_within(doc), actors, wide=False)
    home = _dominant(Counter({c: n for c, n in counts.items() if c not in namesakes}))
    for actor in actors:
        if home is not None and home in namesakes.get(actor.code.country or "", ()):
            actor.code = Code(home, actor.code.sector, actor.code.org)


def document_codes(doc: Doc, actors: list[_Actor]) -> None:
    """Actors still without a country after their own words, our lists and their sentence belong to the
    country the article is about: news leaves the home country unsaid ("the senator", "prosecutors")."""
    country = document_country(doc, actors)
    if country is None:
        return
    for actor in actors:
        if actor.kind != "state" and not (actor.code.country or actor.code.org) \
                and actor.code.sector not in NOT_LOCAL and not _faith_group(actor) and not _markets(actor):
            actor.code = actor.code.merged(Code(country))


def _note_basis(actors: list[_Actor], basis: str) -> None:
    """Record which step gave each actor its country and its sector (the first step that did)."""
    for actor in actors:
        if actor.code.country or actor.code.org:
            actor.basis.setdefault("country", basis)
        if actor.code.sector:
            actor.basis.setdefault("sector", basis)


def build_actors(doc: Doc, records: ArticleRecords, context: ExtractContext) -> list[_Actor]:
    """The article's actors, coded, in order of first mention: the article's own words first, then our
    lists, then the sentence's and the article's country."""
    builder = _Builder(doc, title_case_headline(doc, records.article.title is not None),
                       records.article.published or context.reference_date)
    builder.names()
    builder.nominals()
    builder.employers()
    builder.pronouns()
    _note_basis(builder.actors, "text")
    dictionary_codes(builder.actors, context, records)
    notable_codes(builder.actors, records.article.published or context.reference_date)
    caucus_codes(builder.actors, builder.by_token)
    staff_codes(builder.actors)
    ordinary_codes(builder.actors, builder.text)
    press_codes(builder.actors, builder.by_token)
    past_codes(builder.actors)
    _note_basis(builder.actors, "list")
    context_codes(doc, builder.actors, builder.by_token)
    _note_basis(builder.actors, "sentence")
    namesake_codes(doc, builder.actors)
    document_codes(doc, builder.actors)
    _note_basis(builder.actors, "document")
    return sorted(builder.actors, key=_Actor.first)


# --- code confidence ---------------------------------------------------------------------
CONFIDENCE_MODEL = Path(__file__).resolve().parents[1] / "data" / "actors" / "code_confidence.json"


def code_features(actor: _Actor) -> dict[str, float]:
    """What the chance that an actor's country and sector are right depends on: where each came from
    (its own words, our lists, its sentence, the article's country, nowhere), its kind, whether it is
    named, whether its sector is one a state's government shares, and how often it is mentioned."""
    features = {
        f"country:{actor.basis.get('country', 'none')}": 1.0,
        f"sector:{actor.basis.get('sector', 'none')}": 1.0,
        f"kind:{actor.kind}": 1.0,
        f"sector={actor.code.sector or 'none'}": 1.0,
        "named": float(bool(actor.parts)),
        "log_mentions": math.log1p(len(actor.mentions)),
    }
    return features


@functools.cache
def _confidence_model() -> tuple[float, dict[str, float]]:
    data = json.loads(CONFIDENCE_MODEL.read_text(encoding="utf-8"))
    return data["bias"], data["weights"]


def code_confidence(actor: _Actor) -> float:
    """Calibrated probability that the actor's country and sector are both right (logistic regression
    fitted on the training annotations by scripts/train_actor_confidence.py)."""
    bias, weights = _confidence_model()
    z = bias + sum(weights.get(name, 0.0) * value for name, value in code_features(actor).items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)


@register_stage("actors", fills=("actors", "mentions"))
def extract_actors(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    article_id = records.article.id
    actors: list[Actor] = []
    spans: list[tuple[int, int, str, str, str]] = []
    for n, actor in enumerate(build_actors(doc, records, context), start=1):
        actor_id = child_id(article_id, "a", n)
        actors.append(Actor(
            id=actor_id, article_id=article_id, name=actor.name, kind=actor.kind,  # type: ignore[arg-type]
            country=actor.code.country, sector=actor.code.sector, code=actor.code.text, role=actor.role,
            gender=actor.gender,  # type: ignore[arg-type]
            mention_count=len(actor.mentions),
            actor_key=actor_key(actor.name, actor.kind, actor.code),
            confidence=code_confidence(actor),
        ))
        spans.extend((span.start_char, span.end_char, span_text(span), kind, actor_id) for span, kind in actor.mentions)
    mentions = [
        Mention(id=child_id(article_id, "m", n), article_id=article_id, actor_id=actor_id, start=start, end=end,
                text=text, kind=kind)  # type: ignore[arg-type]
        for n, (start, end, text, kind, actor_id) in enumerate(sorted(set(spans)), start=1)
    ]
    return {"actors": actors, "mentions": mentions}
