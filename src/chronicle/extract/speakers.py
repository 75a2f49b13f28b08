"""Resolving a quote's source ("Šakalienė", "she", "the MP", "a Lithuanian MP") to an actor.

Evidence comes from the article itself:
- names: a source that overlaps an actor mention is that actor, up to the source's head: a person
  named in a phrase after it or under it ("Ann Roe, director for the ACLU", "lawyers for Roe") is
  where the speaker works or whom they act for, not the speaker;
- descriptions: every person is described somewhere ("Lithuanian MP Dovilė Šakalienė",
  "Lukashenko, a former Soviet farm boss"); a nominal source matches the actors described by a
  noun of the same role class (`data/quotes/roles.yaml`) and, when it has one, the same demonym;
- pronouns: he/she match the most recent speaker or person of that gender (gender from role nouns,
  honorifics and the pronouns used right after the person's mentions), unless someone was
  introduced after that speaker; they/we match groups or the last speaker; "I" outside quotation
  marks is the author who signs the piece (op-eds, letters);
- names inside a nominal: "the IRENA report", "HuffPost Pollster" are that organisation's (by
  mention, name word or initials), or stay as written;
- organisation nouns: "the company" is the organisation named just before, "the paper" the news
  organisation named last; a bare share ("32 percent said") the group of the last share named
  with its group ("45 percent of registered voters");
- documents: "the statement" is its possessor's, else the last speaker's; published research ("the
  poll") only an organisation's that spoke, else it stays as written;
- pronouns coreference left unlinked: a relative pronoun is the noun its clause modifies, "they" the
  plural subject before it, and a phrase naming no actor is the source as written ("Sanders
  supporters", not "they"); a he/she right after a bare name no actor holds ("…, Law said. He said")
  continues that name as written;
- ties go to the nearest actor before the quote, then the nearest after (cataphora in leads).
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

from chronicle.extract.coref import ARGUMENT_DEPS, REFLEXIVES, SUBJECT_DEPS, namesake, person_like
from chronicle.extract.quotations import quotation_spans, wholly_quoted
from chronicle.nlp.text import doc_text
from chronicle.records import ArticleRecords

DATA = Path(__file__).resolve().parents[1] / "data" / "quotes"
PRONOUN_GENDER = {"she": "female", "her": "female", "he": "male", "him": "male", "his": "male"}
PLURAL_PRONOUNS = {"they", "we", "them"}
RELATIVE_PRONOUNS = frozenset({"who", "whom", "that", "which"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})
HONORIFIC_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"}
DESCRIPTOR_DEPS = {"compound", "amod", "nmod", "appos", "poss", "attr"}


@dataclass(frozen=True)
class RoleLexicon:
    classes: dict[str, str]  # role noun → role class
    genders: dict[str, str]  # role noun → gender
    proxies: frozenset[str]  # "his office", "Trump's campaign": the possessor speaks
    organisation_nouns: frozenset[str]  # "the company said": the organisation named before
    document_nouns: frozenset[str]  # "the statement said": its author
    state_nouns: frozenset[str]  # organisation nouns that may stand for a state ("the ministry")
    media_nouns: frozenset[str] = frozenset()  # "the paper": a news organisation, never another kind
    bodies: frozenset[str] = frozenset()  # proxies that speak as a body of their own: "his campaign"
    research_nouns: frozenset[str] = frozenset()  # documents only an organisation issues: "the poll"


@dataclass(frozen=True)
class Resolution:
    """A source resolved (or not) to an actor, how, and how sure the rule is."""

    actor: str | None
    confidence: float
    route: str
    # for a he/she source: how many of the three pronoun resolvers (coreference's link, the previous
    # speaker, the window search) pick this actor, and whether one picks someone else
    support: tuple[int, bool] | None = None
    # a pronoun standing for a noun phrase that names no actor ("Sanders supporters … they said"):
    # the (start, end) of that phrase, which is the source as written in the pronoun's place
    written: tuple[int, int] | None = None


@functools.cache
def role_lexicon(path: Path = DATA / "roles.yaml") -> RoleLexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return RoleLexicon(
        classes={noun: cls for cls, nouns in data["classes"].items() for noun in nouns},
        genders={noun: gender for gender, nouns in data["gender"].items() for noun in nouns},
        proxies=frozenset(data["proxies"]),
        organisation_nouns=frozenset(data["organisation_nouns"]),
        document_nouns=frozenset(data["document_nouns"]),
        state_nouns=frozenset(data["state_nouns"]),
        media_nouns=frozenset(data.get("media_nouns", ())),
        bodies=frozenset(data.get("bodies", ())),
        research_nouns=frozenset(data.get("research_nouns", ())),
    )


def _compound_of(token: Token, head: Token) -> bool:
    """Whether the token reaches the head through compound (or nmod) links only."""
    while token.i != head.i and token.dep_ in {"compound", "nmod"} and token.head.i != token.i:
        token = token.head
    return token.i == head.i


def _abbreviates(word: str, words: list[str]) -> bool:
    """"IRENA" for "International Renewable Energy Agency": the initials of the name's capitalised
    words, in order, among the acronym's letters, and the acronym's letters, in order, in the name."""
    capitalised = [w for w in words if w[:1].isupper()]
    if len(capitalised) < 2 or word[0] != capitalised[0][0]:
        return False
    letters = iter(word)
    if not all(any(c == w[0] for c in letters) for w in capitalised):
        return False
    rest = iter("".join(words).upper())
    return all(c in rest for c in word)


def _affiliation(tokens: list[Token]) -> set[str]:
    """The nationality or party words modifying a nominal's head ("the Lithuanian lawmaker"), not
    those of a clause or phrase inside it ("the lawmaker, who represents a district in Albay")."""
    head = _head(tokens)
    return {t.lower_ for t in tokens if t.dep_ in {"amod", "compound", "nmod"} and t.ent_type_ in {"NORP", "GPE"}
            and _compound_of(t.head, head)}


SHARE_WORDS = frozenset({"percent", "%", "most", "majority", "minority", "half", "third", "quarter", "fifth",
                         "two-thirds", "three-quarters", "plurality"})


def _proportion(token: Token) -> bool:
    """A share of a group: "32 percent", "49%", "most", "a third", "nine out of 10", "one in five"."""
    if token.lower_ in SHARE_WORDS or token.lemma_.lower() in SHARE_WORDS:
        return True
    if token.pos_ == "NUM":
        return any(c.lower_ in {"percent", "%", "out", "in"} for c in token.children) or any(
            c.lower_ in {"percent", "%"} for c in token.head.children if c.i == token.i + 1)
    return False


def _in_phrase_of(token: Token, head: Token) -> bool:
    """Whether the token lies in a prepositional phrase or clause under the head ("the wife of Ann Roe",
    "lawyers for Roe", "a group of experts, including Roe"): someone the phrase relates the head to,
    not the head's own name ("Foreign Minister Wang Yi")."""
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ in {"prep", "pobj", "relcl", "acl"}:
            return True
        token = token.head
    return False


def _indefinite(head: Token) -> bool:
    """A noun phrase opened by "a"/"an": someone or something new, not one named before."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children)


def _head(tokens: list[Token]) -> Token:
    """The token of a span whose head lies outside it."""
    inside = {u.i for u in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])


class SpeakerResolver:
    def __init__(self, doc: Doc, records: ArticleRecords, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc) if text is None else text
        self.records = records
        # an actor whose name is a person's is one here, whatever the tagger made of it ("Carly Fiorina")
        self.kinds = {a.id: "person" if person_like(a.kind, tuple(a.name.split())) else a.kind for a in records.actors}
        # "Wang" left apart from "Wang Yi" is that person too
        fuller = [tuple(a.name.split()) for a in records.actors if self.kinds[a.id] == "person"]
        for a in records.actors:
            if a.kind in {"organisation", "group"} and namesake(tuple(a.name.split()), fuller) is not None:
                self.kinds[a.id] = "person"
        self.mentions = sorted((m.start, m.end, m.actor_id) for m in records.mentions)
        self.named_at = {(m.start, m.actor_id) for m in records.mentions if m.kind == "name"}
        self.starts = [m[0] for m in self.mentions]
        self.token_actors = self._token_actors()
        self.mention_kinds = self._mention_kinds(records)
        self.actor_gender = {a.id: a.gender for a in records.actors if a.gender}
        self.quoted = quotation_spans(self.text)
        sents = list(doc.sents)
        self.sentence_starts = [s.start_char for s in sents] or [0]
        # sentences of a quotation do not count towards a window: the speaker stays in reach
        self.sentence_quoted = [wholly_quoted(s, self.quoted) for s in sents] or [False]
        lexicon = role_lexicon()
        self.classes, self.genders = lexicon.classes, lexicon.genders
        self.proxies, self.organisation_nouns, self.document_nouns, self.state_nouns = (
            lexicon.proxies, lexicon.organisation_nouns, lexicon.document_nouns, lexicon.state_nouns)
        self.descriptions = self._describe()
        # nationality and party words of the article ("chinese", "republican"), to compare descriptions by
        self.affiliations = {t.lower_ for t in doc if t.ent_type_ in {"NORP", "GPE"}}
        self.gender = self._genders()
        self.speakers: list[tuple[int, str]] = []  # (offset, actor) of sources resolved so far
        # sources that are names the actors stage missed ("Nefzi said"): a he/she right after one
        # continues that speaker, as written
        self.unnamed: list[tuple[int, int]] = []

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

    def _mention_kinds(self, records: ArticleRecords) -> dict[int, str]:
        """Token index → how the actors stage linked it (name, nominal, pronoun, demonym)."""
        kinds: dict[int, str] = {}
        for m in records.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            for token in span or []:
                kinds.setdefault(token.i, m.kind)
        return kinds

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
        for t in self.doc:
            if t.lower_.rstrip(".") in HONORIFIC_GENDER and t.i + 1 < len(self.doc):
                # "Mr. Obama": the honorific before a person's own name (not one anywhere in the sentence)
                actor = self._token_actor(t.nbor())
                if actor is not None and self.kinds.get(actor) == "person":
                    votes[actor][HONORIFIC_GENDER[t.lower_.rstrip(".")]] += 2
        for sent in self.doc.sents:
            named = [self._token_actor(t) for t in sent if t.ent_type_ == "PERSON"]
            persons = {a for a in named if a and self.kinds.get(a) == "person"}
            if len(persons) != 1:
                continue
            actor = next(iter(persons))
            for t in sent:
                # a nominative he/she outside quotation marks, in a sentence naming one person only
                if t.lower_ in {"he", "she"} and t.dep_ in SUBJECT_DEPS and not self._quoted(t.idx):
                    votes[actor][PRONOUN_GENDER[t.lower_]] += 1
        return {a: c.most_common(1)[0][0] for a, c in votes.items() if c}

    # --- resolution ---------------------------------------------------------------------------

    def resolve(self, source: tuple[int, int], quote_at: int, reported: bool = False,
                cue: Token | None = None) -> Resolution:
        """`reported`: the cue lies inside another attribution's content ("Collins said strategists
        plan …"); its source is not a speaker of the narrative a later pronoun could continue."""
        found = self._resolve(source)
        if found.actor is not None:
            found = replace(found, support=self._support(source, found.actor))
        elif not reported and self._unnamed_person(source):
            self.unnamed.append(source)
        if found.actor is not None and not reported:
            self.speakers.append((source[0], found.actor))
            answering = self._asked(cue) if cue is not None else None
            if answering is not None and answering != found.actor:
                # "Hannity asked Trump how high … "…," he said": the one asked answers next
                self.speakers.append((source[0], answering))
        return found

    def _support(self, source: tuple[int, int], actor: str) -> tuple[int, bool] | None:
        """Independent resolvers agreeing on a pronoun's actor make it likelier right (for the
        confidence model); None when the source is not a he/she."""
        tokens = [t for t in self.doc.char_span(*source, alignment_mode="expand") or [] if not t.is_punct]
        head = _head(tokens) if tokens else None
        if head is None or head.pos_ != "PRON" or head.lower_ not in PRONOUN_GENDER:
            return None
        previous = self._previous_speaker(head, source[0])
        picks = [self._token_actor(head), previous[1] if previous else None, self._pronoun(head, source[0]).actor]
        return sum(p == actor for p in picks), any(p is not None and p != actor for p in picks)

    def _asked(self, cue: Token) -> str | None:
        """The person a question is put to ("X asked Trump how …"), if the cue asks one."""
        if cue.lemma_.lower() != "ask":
            return None
        return next((a for c in cue.children if c.dep_ in {"dobj", "dative"}
                     and (a := self._token_actor(c)) is not None and self.kinds.get(a) == "person"), None)

    def _resolve(self, source: tuple[int, int]) -> Resolution:
        tokens = [t for t in self.doc.char_span(*source, alignment_mode="expand") or [] if not t.is_punct]
        if not tokens:
            return Resolution(None, 0.0, "empty")
        head = _head(tokens)
        # the head decides: in "the Belarussian dictator" the demonym is a modifier, not the speaker
        named = self._token_actor(head)
        route = self.mention_kinds.get(head.i, "name")
        if named is None and head.pos_ == "PROPN":
            # the name up to its head: an actor named in a phrase after it ("Ann Roe, director for the
            # ACLU") says where the person works, not who speaks
            named, route = self.actor_at((source[0], head.idx + len(head))), "name"
        if named is None:
            # "His counterpart, Mirela Santov": a named apposition says who the role is
            named = next((a for t in tokens if t.dep_ == "appos" and t.head.i == head.i
                          and (a := self._token_actor(t)) is not None), None)
            route = "apposition"
        if named is None or route == "nominal":
            # the same past the source's end ("Harare Mayor, Bernard Manyenyeni confirmed"): a person
            person = next((a for t in head.children if t.dep_ == "appos" and t.ent_type_ == "PERSON"
                           and (a := self._token_actor(t) or self._named(t.text, {"person"})) is not None
                           and a != named and self.kinds.get(a) == "person"), None)
            if person is not None:
                named, route = person, "apposition"
        last = self._token_actor(tokens[-1])
        if (last is not None and last != named and tokens[-1].ent_type_ == "PERSON" and self.kinds.get(last) == "person"
                and (named is None or self._role_only(named)) and not _in_phrase_of(tokens[-1], head)):
            # "Chinese State Councilor and Foreign Minister Wang Yi": titles (an actor made of a title
            # alone), then the name that says who
            named, route = last, "name"
        role = self._role_class(tokens)
        plural = head.tag_ in {"NNS", "NNPS"}
        if named is None and (head.pos_ == "PROPN" or role is None):
            owner = self._compounded_name(tokens, head)
            if owner is not None:
                return owner
        if (named is not None and self.kinds.get(named) != "person" and role is not None and not plural
                and head.ent_type_ != "ORG"):
            # "Union Leader" tagged as an organisation is still a description of a person (but not
            # where the tagger reads the whole phrase as an organisation's name: "HuffPost Pollster")
            person = self._nominal(tokens, role, source[0])
            if person.actor is not None:
                return person
        if named is not None and route == "nominal" and not (head.pos_ == "NOUN" and plural):
            # "HuffPost Pollster", "a Gallup poll": a name in the phrase that is not the actor's says who,
            # when it is part of the head's own name (a compound); in "a lawmaker in the Philippines",
            # "the department's inspector general" it only says where the person works, and "Obama
            # aides", "Clinton campaign officials" (people of a plural common noun) are not that name
            other = next((t for t in tokens if t.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"}
                          and self._token_actor(t) != named and _compound_of(t, head)), None)
            if other is not None:
                named, route = self._token_actor(other), "name"
        lemma = head.lemma_.lower()
        if (named is not None and route == "nominal" and _indefinite(head) and self.kinds.get(named) == "person"
                and not self._bare(named, head) and not self._describes(head, named)
                and any(s < source[0] and a == named for s, a in self.named_at)):
            # "a Democratic senator said" after Senator Lind was named: an indefinite introduces someone
            # new, so not a person already named (the guide keeps it as written); one named after it is
            # the lead's cataphora ("A Lithuanian MP has told …" before her name) and stays
            return Resolution(None, 0.2, "indefinite")
        if named is not None and self._named_proxy(head, named):
            # "the Sanders campaign", "Ryan's office": the campaign or office speaks, not the person
            return Resolution(None, 0.5, "proxy-as-written")
        if named is not None and route == "nominal" and self._bare(named, head):
            # "the company", "his office" made an actor of their own: the organisation or person meant wins
            meant = self._meant(head, lemma, source[0])
            if meant.actor is None and role is not None and not plural:
                meant = self._nominal(tokens, role, source[0])  # "the envoy": who was described so, or spoke last
            if meant.actor is not None:
                return meant
        if (named is not None and route == "nominal" and lemma in role_lexicon().media_nouns and not plural
                and getattr(self.records.actor(named), "sector", None) != "MED"):
            # the actors stage linked "the tabloid" to an organisation that is no news organisation
            return self._news_organisation(source[0])
        bound = self._co_arguments(head) if head.pos_ == "PRON" else set()
        if named is not None and route == "pronoun" and (not self._agrees(head, named) or named in bound):
            named = None  # the actors stage linked the pronoun to someone it cannot mean
        if head.pos_ == "PRON" and head.lower_ in PRONOUN_GENDER and named not in bound:
            unnamed = self._previous_unnamed(source[0])
            if unnamed is not None and (named is None or not self._named_since(named, unnamed[0], source[0])):
                return Resolution(None, 0.4, "pronoun-continues-as-written", written=unnamed)
        if named is not None and route == "pronoun" and head.lower_ in PRONOUN_GENDER:
            # "Wang said …. He said …": a he/she speaking right after someone of that gender spoke
            # continues that speaker (newswire convention), even where coreference chose a person
            # whose gender is better known — but not one its own verb addresses ("he told Hannity")
            previous = self._previous_speaker(head, source[0])
            if (previous is not None and previous[1] != named and previous[1] not in bound
                    and not self._named_since(named, previous[0], source[0])):
                return Resolution(previous[1], 0.75, "pronoun-continues")
        if named is not None and plural and route == "nominal" and self.kinds.get(named) == "person":
            named = None  # "prosecutors" are not one person
        if named is not None and route == "nominal" and role is not None and self._conflicts(tokens, role, named):
            # the actors stage linked "the Republican candidate" to someone described otherwise
            return self._nominal(tokens, role, source[0])
        titled = [t for t in tokens if t.lower_.rstrip(".") not in HONORIFICS]
        if named is not None and route == "name" and titled == [head] and head.pos_ == "PROPN":
            # "Murphy", "Mr. Khan": a surname, with the gender its honorific gives
            gender = next((self.genders.get(t.lower_.rstrip(".")) for t in tokens if t.i != head.i), None)
            named = self._principal(head.text, named, gender)
        if named is not None:
            return Resolution(named, 0.95 if route == "name" else 0.8, route)
        if head.pos_ == "PRON":
            return self._pronoun(head, source[0])
        if _proportion(head) and not any(c.dep_ == "prep" and c.lower_ in {"of", "among"} for c in head.children):
            # "32 percent said", "Most believe": the share speaks as written (the training
            # annotations keep the share, not the group surveyed, 11 times in 13)
            return Resolution(None, 0.4, "proportion")
        if role is not None and not plural:
            return self._nominal(tokens, role, source[0])
        return self._meant(head, lemma, source[0])

    def passage(self, at: int) -> Resolution:
        """A quote with no source of its own (", adding that …", a quoted sentence standing alone)
        continues the passage it sits in: the speaker resolved last in its paragraph or the one
        before (on the training articles such a quote is that speaker's about as often as not,
        and nobody's far less often)."""
        start = self._paragraph_start(self._paragraph_start(at) - 1)
        earlier = [(pos, actor) for pos, actor in self.speakers if start <= pos < at]
        if earlier:
            return Resolution(max(earlier)[1], 0.5, "passage")
        return Resolution(None, 0.3, "no-source")

    def _paragraph_start(self, at: int) -> int:
        """Offset where the paragraph holding `at` starts (blank lines between paragraphs skipped)."""
        at = max(at, 0)
        while at > 0 and self.text[at - 1] == "\n" and self.text[at] == "\n":
            at -= 1
        return self.text.rfind("\n", 0, at) + 1

    def _describes(self, head: Token, actor: str) -> bool:
        """Whether a nominal is an apposition to the actor's own mention ("said Bob Lane, a
        superdelegate and Clinton supporter"), through conjuncts: it describes that person."""
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        return head.dep_ == "appos" and self._token_actor(head.head) == actor

    def _principal(self, surname: str, actor: str, gender: str | None = None) -> str:
        """"Mr. Khan said" where the actors stage joined the surname to a namesake of the other
        gender: the namesake the honorific allows that the article first named in full. Otherwise the
        actors stage's link stands: it already gives a bare surname shared by several people to the
        one the text wrote in full first (`actors._Builder._surname_owner`, names the tagger split
        included), as news introduces its principal first and a relative or namesake by first name."""
        if self.kinds.get(actor) != "person" or gender is None or self._gender(actor) in (gender, None):
            return actor
        namesakes = {a.id for a in self.records.actors if self.kinds.get(a.id) == "person"
                     and len(words := a.name.split()) > 1 and words[-1] == surname
                     and self._gender(a.id) in (gender, None)}
        # by full names only: the actors stage's own links of the bare surname are what is in doubt
        full = sorted((m.start, m.actor_id) for m in self.records.mentions if m.actor_id in namesakes
                      and m.kind == "name" and len(self.text[m.start : m.end].split()) > 1)
        return full[0][1] if full else actor

    def _compounded_name(self, tokens: list[Token], head: Token) -> Resolution | None:
        """"HuffPost Pollster", "the IRENA report", "a Monmouth poll": an organisation's name
        compounded into a source that is itself a name or a thing (not a role: "the Gawker
        employee" is a person) says whose it is: that organisation's actor, found by the name's
        mention, a word of its name or its initials; else the phrase stays as written."""
        for t in tokens:
            if (t.i == head.i or t.pos_ != "PROPN" or t.ent_type_ in {"NORP", "PERSON"}
                    or not _compound_of(t, head) or t.lower_ in self.classes):
                continue
            # a place name only as part of an organisation's name ("the Monmouth poll")
            actor = (self._token_actor(t) if t.ent_type_ != "GPE" else None) or self._named(
                t.text, {"organisation", "group"})
            if actor is not None and self.kinds.get(actor) != "person":
                return Resolution(actor, 0.8, "name")
            if actor is None and t.ent_type_ == "ORG":
                return Resolution(None, 0.5, "named-as-written")
        return None

    def _named(self, word: str, kinds: set[str]) -> str | None:
        """The one actor of these kinds whose name has this word (a mention the actors stage
        missed), or whose initials it is ("IRENA")."""
        found = set()
        for actor in self.records.actors:
            if self.kinds.get(actor.id) not in kinds:
                continue
            words = actor.name.split()
            if word in words or (len(word) > 2 and word.isupper() and _abbreviates(word, words)):
                found.add(actor.id)
        return found.pop() if len(found) == 1 else None

    def _salient(self, tokens: list[Token], role: str, at: int) -> Resolution:
        """"…," the lawmaker said': a definite role nominal no description matches refers back to
        the person who spoke last, or else the person last named outside quotation marks, in the
        sentence and the two before, unless described otherwise (`_conflicts`)."""
        definite = any(t.dep_ == "det" and t.lower_ in {"the", "this", "that"} for t in tokens)
        if definite:
            window = self._window_start(at, 2)
            for _pos, actor in reversed([s for s in self.speakers if window <= s[0] < at]):
                if self.kinds.get(actor) == "person":
                    if not self._conflicts(tokens, role, actor):
                        return Resolution(actor, 0.6, "nominal-speaker")
                    break
            for _s, _e, actor in reversed([m for m in self.mentions if window <= m[0] < at
                                           and not any(q0 <= m[0] < q1 for q0, q1 in self.quoted)]):
                if self.kinds.get(actor) == "person":
                    if not self._conflicts(tokens, role, actor):
                        return Resolution(actor, 0.5, "nominal-mention")
                    break
        return Resolution(None, 0.2, "nominal-unresolved")

    def _conflicts(self, tokens: list[Token], role: str, actor: str) -> bool:
        """A role nominal against an actor's description: the actor is described by roles of other
        classes only ("the diplomat" is not the one described as "president"), or by a nationality
        or party the nominal does not share ("the Republican candidate" is not "the Democrat")."""
        words = self.descriptions.get(actor, set())
        roles = {self.classes[w] for w in words if w in self.classes}
        if roles and role not in roles:
            return True
        proper = _affiliation(tokens)
        return bool(proper) and bool(words & self.affiliations) and not proper & words

    def _role_only(self, actor: str) -> bool:
        """An actor whose name is nothing but a role noun ("Councilor", "the Minister")."""
        found = self.records.actor(actor)
        if found is None:
            return False
        words = [w for w in found.name.lower().split() if w not in DETERMINERS]
        return " ".join(words) in self.classes

    def _named_proxy(self, head: Token, actor: str) -> bool:
        """A proxy noun ("campaign", "office") whose person is named in a modifier: a speaker of its
        own, as the guide keeps it, unless the actor is that proxy itself ("Sanders campaign" for
        "Sanders's campaign"). "his campaign" (a pronoun possessor) is left to `_meant`."""
        if head.pos_ != "NOUN" or head.lemma_.lower() not in self.proxies:
            return False
        owners = [c for c in head.children if c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN"]
        if not owners or self.kinds.get(actor) == "person":
            return bool(owners)
        # an organisation the actors stage joined "Trump's campaign" to that is not the named
        # person's own ("Clinton campaign", "presidential campaign"): the phrase stays as written
        found = self.records.actor(actor)
        return found is not None and not any(o.text in found.name.split() for o in owners)

    def _bare(self, actor: str, head: Token) -> bool:
        """An actor that is nothing but this common noun ("company" from "the company")."""
        found = self.records.actor(actor)
        if found is None:
            return False
        words = [w for w in found.name.lower().split() if w not in DETERMINERS]
        return len(words) == 1 and words[0] in {head.lower_, head.lemma_.lower()}

    def _meant(self, head: Token, lemma: str, at: int) -> Resolution:
        """Who a source that names no one stands for: the person behind "his office", the
        organisation named before "the company", the author of "the statement"."""
        plural = head.tag_ in {"NNS", "NNPS"}
        if lemma in self.proxies:
            owner = self._owner(head, pronoun_only=True)
            if owner is not None and lemma in role_lexicon().bodies:
                return Resolution(None, 0.5, "proxy-as-written")  # "his campaign" speaks as itself
            if owner is not None:
                return Resolution(owner, 0.7, "proxy")
        if _indefinite(head):
            # "a recent poll", "a company": an indefinite introduces someone new, not one named before
            return Resolution(None, 0.2, "indefinite")
        if (lemma in self.organisation_nouns or lemma in role_lexicon().media_nouns) and not plural:
            return self._organisation(lemma, at)
        if lemma in self.document_nouns and not plural:
            return self._document_author(head, at)
        return Resolution(None, 0.2, "as-written")

    def rivals(self, actor: str, at: int) -> int:
        """Other people mentioned outside quotation marks in the two sentences before `at` whose
        gender does not rule them out: how ambiguous a pronoun or nominal speaker was."""
        if self.kinds.get(actor) != "person":
            return 0
        gender = self._gender(actor)
        window = self._window_start(at, 2)
        nearby = self.mentions[bisect.bisect_left(self.starts, window) : bisect.bisect_left(self.starts, at)]
        others = {a for s, _e, a in nearby
                  if a != actor and self.kinds.get(a) == "person" and self._gender(a) in (gender, None)
                  and not any(q0 <= s < q1 for q0, q1 in self.quoted)}
        return len(others)

    def _agrees(self, pronoun: Token, actor: str) -> bool:
        """Gender, number and animacy of a pronoun against the actor it would join."""
        word = pronoun.lower_
        kind = self.kinds.get(actor)
        if word in PRONOUN_GENDER:
            return kind == "person" and self._gender(actor) in (PRONOUN_GENDER[word], None)
        if word in {"it", "its"}:
            return kind in {"organisation", "state"}
        if word in PLURAL_PRONOUNS:
            return kind != "person"
        return True

    def _co_arguments(self, pronoun: Token) -> set[str]:
        """Binding: the actors of the pronoun's verb's other arguments, which the pronoun cannot
        mean ("he told Hannity", "she said to Hannity", "he thanked her"); a reflexive is the pronoun
        itself ("she presented herself")."""
        verb = pronoun.head
        tokens = [c for c in verb.children if c.i != pronoun.i and c.dep_ in ARGUMENT_DEPS]
        tokens += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "with"}
                   for g in c.children if g.dep_ == "pobj"]
        return {a for t in tokens if t.lower_ not in REFLEXIVES and (a := self._token_actor(t)) is not None}

    def _gender(self, actor: str) -> str | None:
        return self.actor_gender.get(actor) or self.gender.get(actor)

    def _pronoun(self, pronoun: Token, at: int) -> Resolution:
        word = pronoun.lower_
        if word in {"it", "its"}:
            return self._recent(at, {"organisation", "state"}, "pronoun-it", sentences=1)
        if word in {"i", "me", "my"} and not self._quoted(at):
            author = self._signed(at)
            if author is not None:
                return Resolution(author, 0.6, "first-person-author")
        if word in FIRST_PERSON:
            # "I think", "we want" inside a passage of quotation: the passage's speaker, who says it
            found = self.passage(at)
            if found.actor is not None:
                return Resolution(found.actor, 0.5, "first-person-passage")
        antecedent = self._phrase_antecedent(pronoun)
        if antecedent is not None:
            return self._antecedent(antecedent)
        if word not in PRONOUN_GENDER:
            # they/we/I/you, "some", "both", "another": no person's gender to go by
            return Resolution(None, 0.2, "pronoun-unresolved")
        gender = PRONOUN_GENDER.get(word)
        bound = self._co_arguments(pronoun)
        window = self._window_start(at, 3)
        candidates = [(pos, a) for pos, a in self.speakers if window <= pos < at]
        for _pos, actor in reversed(candidates):
            if self.kinds.get(actor) == "person" and self._gender(actor) in (gender, None) and actor not in bound:
                return Resolution(actor, 0.75, "pronoun-speaker")
        for _start, _end, actor in reversed([m for m in self.mentions if window <= m[0] < at
                                             and not any(s <= m[0] < e for s, e in self.quoted)]):
            if self.kinds.get(actor) == "person" and self._gender(actor) in (gender, None) and actor not in bound:
                return Resolution(actor, 0.6, "pronoun-mention")
        # beyond the window: the one person of that gender the article has named so far
        named = {actor for s, _e, actor in self.mentions[: bisect.bisect_left(self.starts, at)]
                 if self.kinds.get(actor) == "person" and self._gender(actor) == gender
                 and not any(q0 <= s < q1 for q0, q1 in self.quoted)}
        if gender is not None and len(named) == 1:
            return Resolution(named.pop(), 0.5, "pronoun-unique")
        return Resolution(None, 0.2, "pronoun-unresolved")

    def _phrase_antecedent(self, pronoun: Token) -> Token | None:
        """The noun a pronoun coreference left unlinked stands for: a relative pronoun's is the noun
        its clause modifies ("Eric Kingson, who said …"); a "they"'s the nearest plural subject
        outside quotation marks before it in its sentence, else the main clause's (or the nearest)
        plural subject of the sentence before ("Sanders supporters are crying fraud. They said …"),
        not another argument of its own verb."""
        if pronoun.lower_ in RELATIVE_PRONOUNS:
            clause = pronoun.head
            while clause.dep_ == "conj" and clause.head.i != clause.i:  # "Pike, who left and who said …"
                clause = clause.head
            noun = clause.head
            return noun if clause.dep_ == "relcl" and noun.pos_ in {"NOUN", "PROPN"} else None
        if pronoun.lower_ not in {"they", "them"}:
            return None
        bound = {c.i for c in pronoun.head.children if c.dep_ in ARGUMENT_DEPS}

        def plural_subjects(tokens) -> list[Token]:
            return [t for t in tokens if t.tag_ in {"NNS", "NNPS"} and t.dep_ in {"nsubj", "nsubjpass"}
                    and t.i not in bound and not self._quoted(t.idx)]

        own = plural_subjects(t for t in pronoun.sent if t.i < pronoun.i)
        if own:
            return own[-1]
        i = bisect.bisect_right(self.sentence_starts, pronoun.sent.start_char) - 1
        while i > 0:
            i -= 1
            if not self.sentence_quoted[i]:
                break
        else:
            return None
        sent = self.doc.char_span(self.sentence_starts[i], pronoun.sent.start_char, alignment_mode="contract")
        before = plural_subjects(sent or [])
        main = [t for t in before if t.head.dep_ == "ROOT"]
        return (main or before or [None])[-1]

    def _antecedent(self, noun: Token) -> Resolution:
        """A pronoun resolved through the noun phrase it stands for: that phrase's actor, else the
        phrase as written (its words up to the head: "Sanders supporters", "the organizers")."""
        phrase = (noun.left_edge.idx, noun.idx + len(noun))
        found = self._resolve(phrase)
        if found.actor is not None:
            return replace(found, route="antecedent")
        return Resolution(None, 0.3, "antecedent-as-written", written=phrase)

    def _unnamed_person(self, source: tuple[int, int]) -> bool:
        """A source that is one bare name, outside quotation marks, that no actor resolved and the
        tagger read as no place, organisation or group, nor the name of any organisation, group or
        state of the article ("Nefzi said"): a person's surname the actors stage missed."""
        tokens = [t for t in self.doc.char_span(*source, alignment_mode="expand") or [] if not t.is_punct]
        if len(tokens) != 1 or self._quoted(tokens[0].idx):
            return False
        word = tokens[0]
        return (word.pos_ == "PROPN" and word.ent_type_ in {"", "PERSON"}
                and not any(word.text in a.name.split() for a in self.records.actors
                            if self.kinds.get(a.id) != "person"))

    def _previous_unnamed(self, at: int) -> tuple[int, int] | None:
        """The source of an unnamed person (`_unnamed_person`) who spoke in this sentence or the one
        before, after any speaker resolved there."""
        window = self._window_start(at, 1)
        unnamed = [source for source in self.unnamed if window <= source[0] < at]
        if not unnamed:
            return None
        return None if any(unnamed[-1][0] < pos < at for pos, _a in self.speakers) else unnamed[-1]

    def _previous_speaker(self, pronoun: Token, at: int) -> tuple[int, str] | None:
        """(source offset, actor) of the latest person resolved as a source in this sentence or the
        one before, if the pronoun's gender fits them."""
        window = self._window_start(at, 1)
        gender = PRONOUN_GENDER.get(pronoun.lower_)
        for pos, actor in reversed([s for s in self.speakers if window <= s[0] < at]):
            if self.kinds.get(actor) == "person":
                return (pos, actor) if self._gender(actor) in (gender, None) else None
        return None

    def _named_since(self, actor: str, start: int, end: int) -> bool:
        """Whether the actor is named as an argument (not a modifier such as "Trump aides"),
        outside quotation marks, in a sentence after the one of the speaker's source at `start`
        and before `end`: someone introduced after the last speaker spoke is the newer centre of
        attention ("Trump said …. That left Cruz center stage, so he accused …"); a name inside
        that speaker's own sentence is usually what they spoke about."""
        following = bisect.bisect_right(self.sentence_starts, start)
        if following == len(self.sentence_starts):
            return False
        first = bisect.bisect_left(self.starts, self.sentence_starts[following])
        for s, e, a in self.mentions[first : bisect.bisect_left(self.starts, end)]:
            if a != actor or (s, a) not in self.named_at or any(q0 <= s < q1 for q0, q1 in self.quoted):
                continue
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is not None and span.root.dep_ not in {"compound", "poss"}:
                return True
        return False

    def _window_start(self, at: int, sentences: int) -> int:
        """Character offset where the sentence `sentences` before the one at `at` starts, not
        counting sentences wholly inside quotation marks."""
        i = bisect.bisect_right(self.sentence_starts, at) - 1
        while i > 0 and sentences > 0:
            i -= 1
            if not self.sentence_quoted[i]:
                sentences -= 1
        return self.sentence_starts[max(0, i)]

    def _organisation(self, noun: str, at: int) -> Resolution:
        """"the court said": an organisation (or, for nouns of government, a state) named before
        it, outside quotation marks, within three sentences, whose own name has the noun ("the
        court" is "the Supreme Court", even with another organisation named since), else the only
        organisation named there; else none."""
        if noun in role_lexicon().media_nouns:
            return self._news_organisation(at)
        window = self._window_start(at, 3)
        kinds = {"organisation", "state"} if noun in self.state_nouns else {"organisation"}
        mentions = self.mentions[bisect.bisect_left(self.starts, window) : bisect.bisect_left(self.starts, at)]
        inside = self._quoted(at)
        nearby = [a for s, _e, a in mentions if self.kinds.get(a) in kinds and (inside or not self._quoted(s))]
        for actor in reversed(nearby):
            found = self.records.actor(actor)
            if found is not None and noun in found.name.lower().split():
                return Resolution(actor, 0.6, "organisation-noun")
        if len(set(nearby)) == 1:
            return Resolution(nearby[-1], 0.6, "organisation-noun")
        # several organisations nearby, none named by the noun: the nearest is a guess, wrong more
        # often than right on the training articles (as written: 14 of 23 right, the nearest 7)
        return Resolution(None, 0.2, "organisation-noun-unresolved")

    def _news_organisation(self, at: int) -> Resolution:
        """"the paper said": the news organisation (sector MED) named last before it, outside
        quotation marks, however far back: the school or party named since is not a paper."""
        mentions = self.mentions[: bisect.bisect_left(self.starts, at)]
        inside = self._quoted(at)
        for start, _end, actor in reversed(mentions):
            found = self.records.actor(actor)
            if (found is not None and found.sector == "MED" and self.kinds.get(actor) == "organisation"
                    and (inside or not self._quoted(start))):
                return Resolution(actor, 0.6, "organisation-noun")
        return Resolution(None, 0.2, "organisation-noun-unresolved")

    def _signed(self, at: int) -> str | None:
        """The author of an opinion piece or letter in which "I" speaks outside quotation marks:
        the person whose name opens the first signature paragraph after it — the name alone
        ("Jane Roe.") or a short line about them ("Jane Roe is the governor of …")."""
        start = self.text.find("\n", at)
        while start >= 0:
            end = self.text.find("\n", start + 1)
            end = len(self.text) if end < 0 else end
            line = self.text[start:end].strip()
            if line and '"' not in line and len(line.split()) <= 20:
                offset = self.text.index(line, start)
                first = bisect.bisect_left(self.starts, offset)
                if first < len(self.mentions) and self.mentions[first][0] == offset:
                    _s, e, actor = self.mentions[first]
                    rest = self.text[e : offset + len(line)].strip()
                    if self.kinds.get(actor) == "person" and (rest in {"", "."} or rest.startswith(("is ", ", "))):
                        return actor
            start = end if end < len(self.text) else -1
        return None

    def _quoted(self, at: int) -> bool:
        return any(q0 <= at < q1 for q0, q1 in self.quoted)

    def _recent(self, at: int, kinds: set[str], route: str, sentences: int = 3) -> Resolution:
        """"the company said", "it said": the nearest organisation or state named before, nearby."""
        window = self._window_start(at, sentences)
        for _start, _end, actor in reversed([m for m in self.mentions if window <= m[0] < at]):
            if self.kinds.get(actor) in kinds:
                return Resolution(actor, 0.6, route)
        return Resolution(None, 0.2, route + "-unresolved")

    def _owner(self, head: Token, pronoun_only: bool = False) -> str | None:
        """"his office": the possessor speaks through it. A named possessor ("Trump's campaign")
        makes the phrase a speaker of its own, so `pronoun_only` leaves it as written."""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None or (pronoun_only and owner.pos_ != "PRON"):
            return None
        return self._token_actor(owner)

    def _document_author(self, head: Token, at: int) -> Resolution:
        """"the statement said": the owner of the document ("the ministry's statement"), else the
        speaker or organisation last named before it. Published research ("the poll found") has
        an organisation for its author, so only an organisation named before: the person who spoke
        last is more often a candidate polled or an analyst quoted (on the training articles, the
        unowned polls, surveys, studies and reports resolved to a person or a state were all wrong)."""
        owner = self._owner(head)
        if owner is not None:
            return Resolution(owner, 0.7, "document")
        research = head.lemma_.lower() in role_lexicon().research_nouns
        window = self._window_start(at, 2)
        recent = [(pos, a) for pos, a in self.speakers if window <= pos < at
                  and not (research and self.kinds.get(a) != "organisation")]
        if recent:
            return Resolution(recent[-1][1], 0.55, "document")
        if research:
            return Resolution(None, 0.2, "document-unresolved")
        return self._recent(at, {"organisation", "state"}, "document", sentences=2)

    def _role_class(self, tokens: list[Token]) -> str | None:
        words = [t.lemma_.lower() for t in tokens]
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i : i + n])
                if phrase in self.classes:
                    return self.classes[phrase]
        return None

    def _nominal(self, tokens: list[Token], role: str, at: int) -> Resolution:
        # a nationality ("the Lithuanian lawmaker") must agree with the actor's description
        proper = _affiliation(tokens)
        gender = next((self.genders[t.lower_] for t in tokens if t.lower_ in self.genders), None)
        candidates = []
        for actor, words in self.descriptions.items():
            if not any(self.classes.get(w) == role for w in words):
                continue
            if proper and words & self.affiliations and not proper & words:
                continue
            if gender is not None and self._gender(actor) not in (gender, None):
                continue
            candidates.append(actor)
        if not candidates:
            return self._salient(tokens, role, at)
        before = [(s, a) for s, _e, a in self.mentions if a in candidates and s < at]
        if _indefinite(_head(tokens)):
            # "a Democratic senator": someone new, so only a person first named after it (a lead's cataphora)
            seen = {a for _s, a in before}
            after = [(s, a) for s, _e, a in self.mentions if a in candidates and a not in seen]
            return Resolution(min(after)[1], 0.7, "nominal-after") if after else Resolution(None, 0.2, "indefinite")
        if before:
            return Resolution(max(before)[1], 0.8, "nominal")
        after = [(s, a) for s, _e, a in self.mentions if a in candidates]
        return Resolution(min(after)[1], 0.7, "nominal-after") if after else Resolution(None, 0.2, "nominal-unresolved")
