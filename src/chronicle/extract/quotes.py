"""Quotes: every direct, indirect and mixed attribution, with its cue and its speaker.

Rules over spaCy's dependency parse, in four passes over an article:
1. quotation spans: paired double quotes (`"` or `''`) inside a paragraph (an unclosed quote runs to the end of
   its paragraph, the newswire convention for multi-paragraph quotes);
2. cues: reporting verbs and phrases from `data/quotes/cues.yaml` that stand outside quotation
   spans; each gives a source (its subject, inherited through `conj`/`advcl`/`xcomp` chains, or the
   object of "according to") and a content (its clausal complement, the quotation beside it, or the
   clause an inverted cue follows: "…, says X");
   then the cue model (`data/quotes/cue_model.json`, trained by `scripts/train_quote_cues.py`)
   drops the lexicon attributions it scores low and adds verbs, nouns and adjectives outside the
   lexicon it scores as cues ("seemed to …", "sees X as Y", "attacks on X"), with their subject as
   source and their complement, infinitive, object or prepositional object as content (a noun or
   adjective only with a holder: a possessor or the subject of its verb);
3. quotation spans no cue claimed: a quotation right after a split quote's cue completes it, one a
   colon introduces is the subject's of the clause the colon ends, another second half goes to the
   reported speech of its paragraph; a paragraph that is only a quotation continues the
   previous paragraph's speaker; an embedded tweet with an author is the author's direct quote, and
   so is a letter or reader comment signed on a paragraph of its own; a source coordinating names
   with "and" ("China and Russia said") gives one record per conjunct;
4. speakers: `extract.speakers` resolves each source to an actor (pronouns through the coreference
   mentions of the actors stage, `extract.coref`);
5. confidence: the quote model (`data/quotes/quote_model.json`, trained by
   `scripts/train_quote_confidence.py` on realnews-silver) gives each quote the calibrated
   probability that it and its speaker are right; where two records give one stretch of text
   different speakers, only the more confident stays.

The kind follows from how much of the content lies inside quotation marks: all of it → direct,
some → mixed, none → indirect.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import yaml
from spacy.tokens import Doc, Span, Token

from chronicle.extract.coref import name_genders
from chronicle.extract.event_patterns import wordnet_hints
from chronicle.extract.quotations import paragraph_bounds, quotation_spans
from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.extract.speakers import Resolution, SpeakerResolver, role_lexicon
from chronicle.nlp.text import doc_text
from chronicle.records import ArticleRecords, Quote, child_id

DATA = Path(__file__).resolve().parents[1] / "data" / "quotes"
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
CONTENT_DEPS = {"ccomp", "parataxis"}
TAIL_DEPS = {"advcl", "ccomp"}
SPAN_EDGE_PUNCT = {",", ";", "—", "–", "-", "--"}  # separators, never the last token of a name
NON_SOURCES = {"which", "that", "it", "this", "what", "there"}
INHERIT_DEPS = {"conj", "advcl", "xcomp", "ccomp", "relcl", "acl"}
ADDRESSEE_DEPS = {"dobj", "dative", "iobj"}
CLAUSE_MODIFIERS = {"relcl", "acl", "advcl"}  # "X, who …", "X, speaking to …": not part of a source's name
MIN_DIRECT_WORDS = 3  # shorter quoted fragments are scare quotes inside reported speech
_SCARE_QUOTE = re.compile(r"(?<![\w'])'[^'\n]{1,60}?'(?![\w])")


@dataclass(frozen=True)
class CueLexicon:
    verbs: frozenset[str]
    object_frame: frozenset[str]
    xcomp_frame: frozenset[str]
    prep_frame: dict[str, frozenset[str]]
    rest_frame: frozenset[str]
    needs_content: frozenset[str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]
    completing_preps: frozenset[str]
    nouns: dict[str, frozenset[str]]
    kickers: frozenset[str]
    generic_completing_preps: frozenset[str]


@functools.cache
def cue_lexicon(path: Path = DATA / "cues.yaml") -> CueLexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    frames = data["frames"]
    framed = {*frames["object"], *frames["xcomp"], *frames["prep"], *frames["rest"]}
    return CueLexicon(
        verbs=frozenset(data["verbs"]) | frozenset(framed),
        object_frame=frozenset(data["frames"]["object"]),
        xcomp_frame=frozenset(data["frames"]["xcomp"]),
        prep_frame={verb: frozenset(preps) for verb, preps in data["frames"]["prep"].items()},
        rest_frame=frozenset(data["frames"]["rest"]),
        needs_content=frozenset(data["needs_content"]),
        phrases=tuple((tuple(p["words"]), p["source"]) for p in data["phrases"]),
        completing_preps=frozenset(frames["completing_preps"]),
        nouns={noun: frozenset(links) for noun, links in data["nouns"].items()},
        kickers=frozenset(data["kickers"]),
        generic_completing_preps=frozenset(data["generic_completing_preps"]),
    )


@dataclass(frozen=True)
class CueModel:
    """A logistic model over parse features: which verbs, nouns and adjectives outside the lexicon
    are cues, and which lexicon attributions to drop (`scripts/train_quote_cues.py` trains it on
    the PolNeAR training split; see its header and docs/quotes.md)."""

    weights: dict[str, float]
    bias: float
    threshold: float  # a candidate verb, noun or adjective outside the lexicon scoring this is a cue
    lexicon_threshold: float  # a lexicon attribution scoring below this is dropped

    def score(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))  # clamped: exp() overflows past ~700


@functools.cache
def cue_model(path: Path = DATA / "cue_model.json") -> CueModel | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return CueModel(weights=data["weights"], bias=data["bias"], threshold=data["threshold"],
                    lexicon_threshold=data["lexicon_threshold"])


@dataclass
class Attribution:
    """A quote under construction: spans as character offsets."""

    start: int
    end: int
    cue: Token | None
    cue_end: int | None
    source: tuple[int, int] | None
    addressee: tuple[int, int] | None = None
    speaker_from: Attribution | None = None  # continuation of an earlier attribution's speaker
    direct_parts: bool = False  # a split quote whose parts are both wholly quoted
    framed: bool = False  # content taken from the verb's object, infinitive or prepositional frame
    origin: str = "verb"  # which rule found it: verb, quoted (a report inside a quotation), phrase, noun, colon,
    # model, split, continuation, tweet, signature
    cue_score: float | None = None  # the cue model's score of its cue, where the model scored it
    coordinated: bool = False  # one of several records for a coordinated source ("China and Russia said")


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace, quote marks and edge punctuation from a character span."""
    while start < end and (text[start].isspace() or text[start] in "\"',;:—-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"',;:—-"):
        end -= 1
    return start, end


def speaker_subject_of(verb: Token) -> Token | None:
    """The verb's subject as a quote's source (events read `event_syntax.subject_of`, which keeps a passive
    clause's subject): inherited from the verbs it hangs off ("…, saying that …").

    An inverted subject ("…, says Lithuanian MP") wins over an earlier one; a relative "who" stands
    for the noun it modifies; "it"/"which"/"that" are not sources, so the search goes on upwards.
    A passive cue's source is its agent ("was criticised by X"), or none.
    """
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        # a passive cue's subject is what is said or who is addressed; the speaker is the agent
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS
                    and (c.lower_ not in NON_SOURCES or _speaking_it(c, current))]
        if subjects:
            after = [c for c in subjects if c.i > current.i]
            subject = after[0] if after else subjects[-1]
            if subject.lower_ == "who" and current.dep_ == "relcl":
                return current.head
            return subject
        if any(c.dep_ in SUBJECT_DEPS and c.lower_ in {"which", "that"} for c in current.children):
            # "GTM Research, which added …": the relative stands for the noun it modifies
            return current.head if current.dep_ == "relcl" and current.head.pos_ in {"PROPN", "NOUN"} else None
        inverted = _inverted_subject(current)
        if inverted is not None:
            return inverted
        controller = _object_controller(current)
        if controller is not None:
            return controller
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.head.pos_ in {"VERB", "AUX"}:
            # "Trump responded by saying …", "after saying …": the verb the preposition hangs on
            current = current.head.head
            continue
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ == "NOUN":
            # "a statement saying …", "a report from Reuters saying …": who issued it
            return _issuer(current.head)
        if current.dep_ not in INHERIT_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None


def _object_controller(verb: Token) -> Token | None:
    """"The record prompted the atlas to state …", "urged his colleagues to say …": a speech verb's
    infinitive after the object of the verb it hangs on is spoken by that object, not by the verb's
    subject (other infinitives are no speech of either: "asked her to call him")."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" or verb.lemma_.lower() not in cue_lexicon().verbs:
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is None or obj.lower_ in NON_SOURCES or obj.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return None
    return obj


def _speaking_it(subject: Token, verb: Token) -> bool:
    """"In a statement, it said …": "it" is a source as the active subject of a speech verb
    (an organisation or a state), not as a dummy ("it seems", "it is said")."""
    return (subject.lower_ == "it" and subject.dep_ == "nsubj"
            and verb.lemma_.lower() in cue_lexicon().verbs and verb.pos_ == "VERB")


def _author(noun: Token) -> Token | None:
    """Whose statement, report or complaint it is, as the noun phrase says: its possessor or its
    "from"/"by" object."""
    owner = _possessor(noun)
    if owner is not None:
        return owner
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    return None


def _issuer(noun: Token) -> Token | None:
    """Who issued a statement, report or cover: its author, or the subject of the verb it is the
    object of ("released a statement saying …")."""
    owner = _author(noun)
    if owner is not None:
        return owner
    if noun.dep_ in {"dobj", "attr"} and noun.head.pos_ in {"VERB", "AUX"}:
        return speaker_subject_of(noun.head)
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """", says Union Leader": after a comma, a noun the parser left unlabelled is the speaker. A
    participle after a comma ("…, telling ABC that …", "…, mocking his rival") is an adjunct of the
    clause before it: its object is who is addressed or what is said, never the speaker."""
    if verb.i == 0 or verb.doc[verb.i - 1].text != "," or verb.tag_ == "VBG":
        return None
    return next(
        (c for c in verb.children
         if c.i > verb.i and c.dep_ in {"dep", "attr", "npadvmod", "dobj"} and c.pos_ in {"PROPN", "NOUN"}),
        None,
    )


def _possessor(token: Token) -> Token | None:
    """A noun's possessor that can be a source ("Trump's call for …"; not "its")."""
    return next((c for c in token.children if c.dep_ == "poss" and c.lower_ not in NON_SOURCES), None)


def _np_span(token: Token) -> tuple[int, int]:
    """A noun phrase's character span, cut before a clause that modifies it ("JJ, who started piano
    at four, explains", "Trump, speaking to veterans, said": the clause says more about the speaker
    but is no part of the name); an apposition set off by commas stays inside ("the port operator,
    Meridian Terminals, said"), for it may be the name."""
    keep = [t for t in token.subtree if not any(a.dep_ in {"relcl", "appos", "acl"} for a in _path(t, token))]
    keep = sorted(t for t in keep if t.i >= token.left_edge.i)
    clause = next((c for c in token.children if c.i > token.i and c.dep_ in CLAUSE_MODIFIERS), None)
    if clause is not None:
        keep = [t for t in keep if t.i < clause.left_edge.i] or keep
    # line breaks (a headline's "Says Lithuanian MP\n\n") are not part of the name
    while len(keep) > 1 and keep[-1].is_space:
        keep.pop()
    # nor is the comma or dash that closes an apposition ("the port operator, Meridian Terminals, said")
    last = keep[-1]
    while last.i > keep[0].i and (last.text in SPAN_EDGE_PUNCT or last.is_space):
        last = last.doc[last.i - 1]
    return keep[0].idx, last.idx + len(last)


def _path(token: Token, root: Token) -> list[Token]:
    """Tokens from `token` up to (not including) `root`."""
    path = []
    while token.i != root.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path


def _clause_span(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


def _is_cue(token: Token, lexicon: CueLexicon) -> bool:
    return token.lemma_.lower() in lexicon.verbs and token.pos_ in {"VERB", "AUX"}


REPORTED_TAGS = {"VBD", "VBZ", "VBN"}  # "said", "says", "had said": not "to say", "they say", "saying"


def _quoted_report(token: Token, subject: Token | None, quotation: tuple[int, int], lexicon: CueLexicon) -> bool:
    """Whether a cue inside a quotation reports a third party's words within it ("'… I read that
    Ruth Ames said the dam would hold,' the engineer said"): a speech verb with no second sense, in a
    finite past or third-person form and not negated, whose subject is a name inside the same
    quotation before it. Talk inside speech is otherwise mostly generic or hypothetical ("a rule
    that says …", "nobody would say …"): of such candidates on the training articles about one in
    five was annotated. A pronoun there points into the quoted speaker's own
    story, which the speaker resolver reads from the narration around it: "I"/"we"/"you" are the
    quoted speaker's own earlier words, and a "he" or "she" was resolved to the wrong person more
    often than not."""
    if token.lemma_.lower() in lexicon.needs_content or token.tag_ not in REPORTED_TAGS:
        return False
    if any(c.dep_ == "neg" for c in token.children) or subject is None or subject.i > token.i:
        return False
    return quotation[0] <= subject.idx and subject.pos_ == "PROPN"


def _complements(verb: Token, quotes: list[tuple[int, int]]) -> list[Token]:
    """The verb's clausal complements in the order they are tried as its content. An unquoted
    clause before the verb goes after any that follows it: in "Most tenants say X; a third say Y"
    and "At his meetings he warns of A and cites B: he says Y" the parser hangs the neighbouring
    attribution or the narrative on the verb too, and what is said is what follows. A quoted one
    before it keeps its place ("'…,' she said")."""
    complements = [c for c in verb.children if c.dep_ in CONTENT_DEPS]
    if not any(c.i > verb.i for c in complements):
        return complements

    def narrative(clause: Token) -> bool:
        return clause.i < verb.i and not any(_overlap(_clause_span(clause), q) for q in quotes)

    return sorted(complements, key=narrative)


def _content_for(
    verb: Token, sent: Span, text: str, lexicon: CueLexicon, quotes: list[tuple[int, int]]
) -> tuple[tuple[int, int], bool] | None:
    """Content span for a cue verb: its clausal complement, its object (for verbs framed so), or a
    quotation in the same sentence. Verbs with other common senses ("show", "find") need a finite
    clause with a subject of its own, a "that" clause or quotes."""
    lemma = verb.lemma_.lower()
    strict = lemma in lexicon.needs_content
    for child in _complements(verb, quotes):
        span = _clause_span(child)
        quoted = any(_overlap(span, q) for q in quotes)
        has_that = any(t.dep_ == "mark" and t.lower_ in {"that", "whether", "if"} for t in child.children)
        finite = any(t.dep_ in SUBJECT_DEPS for t in child.children) and child.tag_ != "VBG"
        if not strict or quoted or has_that or finite:
            rest = (span[1], sent.end_char)
            if span[0] > verb.idx and any(_overlap(rest, q) for q in quotes):
                # a quotation later in the sentence belongs to it ("says that A, but B "C"")
                span = (span[0], sent.end_char)
            elif span[0] > verb.idx:
                # clauses the parser hung on the cue after its complement belong to what is said
                # ("said he would serve should the party ask")
                tail = [c for c in verb.children if c.i > child.i and c.dep_ in TAIL_DEPS]
                if tail:
                    span = (span[0], max(span[1], _clause_span(tail[-1])[1]))
            span = _cover_quotations(span, quotes)
            return _cut_at_next_cue(verb, text, span, lexicon, quotes), False
    framed = _framed_content(verb, lemma, lexicon)
    if framed is not None:
        return _cover_quotations(framed, quotes), True
    sent_span = (sent.start_char, sent.end_char)
    beside = [q for q in quotes if _overlap(q, sent_span) and not (q[0] <= verb.idx < q[1])]
    if beside:
        return (min(q[0] for q in beside), max(q[1] for q in beside)), False
    before = _quotation_before(verb, sent, text, quotes)
    if before is not None:
        return before, False
    introduced = _quotation_introduced(sent, text, quotes)
    if introduced is not None:
        return introduced, False
    if lemma in lexicon.rest_frame:
        rest = [t for t in sent if t.i > verb.i and not (t.dep_ in ADDRESSEE_DEPS and t.head.i == verb.i
                                                              and lemma == "tell")]
        has_verb = any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"aux", "auxpass"} for t in rest)
        if rest and has_verb and rest[0].idx > verb.idx:
            return _cover_quotations((rest[0].idx, sent.end_char), quotes), False
    return None


_CLOSING = re.compile(r'[\s"\',.!?]*')


def _quotation_before(verb: Token, sent: Span, text: str, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """'"… Will be such fun!" Trump tweeted.': the parser ends the sentence with the quotation, so
    the cue's sentence is only its subject and the cue; the quotation just before it, in the same
    paragraph, is what was said."""
    if any(t.i < verb.i and not _in_subject(t, verb) for t in sent if not (t.is_punct or t.is_space)):
        return None
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and not _inverted_subject(verb):
        return None
    previous = [q for q in quotes if q[1] <= sent.start_char]
    if not previous:
        return None
    q = previous[-1]
    gap = text[q[1] : sent.start_char]
    return q if "\n" not in gap and _CLOSING.fullmatch(gap) else None


def _quotation_introduced(sent: Span, text: str, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """'Voter Jane Roe echoed:' ending a paragraph: the quotation that opens the next one."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != ":":
        return None
    after = last.idx + 1
    following = next((q for q in quotes if q[0] >= after), None)
    if following is None or text[after : following[0]].strip(' \n"'):
        return None
    return following


def _in_subject(token: Token, verb: Token) -> bool:
    """A token of the verb's subject, or one of its auxiliaries."""
    while token.head.i != token.i and token.head.i != verb.i:
        token = token.head
    return token.head.i == verb.i and token.dep_ in SUBJECT_DEPS | {"aux", "neg", "advmod"}


def _framed_content(verb: Token, lemma: str, lexicon: CueLexicon) -> tuple[int, int] | None:
    """Content of a verb that takes it as an object ("criticized the plan", "called him a liar",
    "urged voters to stay home"), an infinitive ("vowed to fight") or a prepositional object
    ("talked about the economy", "called for a recount")."""
    after = [c for c in verb.children if c.i > verb.i]
    if lemma in lexicon.object_frame:
        obj = next((c for c in after if c.dep_ == "dobj"), None)
        if obj is not None:
            # the object's own complement belongs to it: "called him a liar", "asked them to leave"
            tail = [c for c in after if c.i > obj.i and c.dep_ in {"oprd", "xcomp", "ccomp"}]
            last = tail[-1] if tail else obj
            return obj.left_edge.idx, _tail_end(verb, last, lexicon)
    if lemma in lexicon.xcomp_frame:
        comp = next((c for c in after if c.dep_ == "xcomp"), None)
        if comp is not None:
            return _clause_span(comp)
    preps = lexicon.prep_frame.get(lemma)
    if preps:
        for prep in (c for c in after if c.dep_ == "prep" and c.lower_ in preps):
            obj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
            if obj is not None:
                return obj.left_edge.idx, _tail_end(verb, obj, lexicon)
        # "called for the state to act": the parser makes "for" the mark of an infinitive clause
        for clause in (c for c in after if c.dep_ in {"advcl", "ccomp", "xcomp"}):
            mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ in preps), None)
            if mark is not None and mark.i + 1 < len(verb.doc):
                first = verb.doc[mark.i + 1]
                return first.idx, clause.right_edge.idx + len(clause.right_edge)
    return None


def _tail_end(verb: Token, last: Token, lexicon: CueLexicon, preps: frozenset[str] | None = None) -> int:
    """End of a framed content, taking in a following "as …" / "of …" that completes it
    ("described the plan as reckless", "accused him of lying", "referred to her as a friend")."""
    preps = lexicon.completing_preps if preps is None else preps
    for child in verb.children:
        if child.i > last.i and child.dep_ == "prep" and child.lower_ in preps:
            last = child
    return last.right_edge.idx + len(last.right_edge)


def _cut_at_next_cue(
    verb: Token, text: str, span: tuple[int, int], lexicon: CueLexicon, quotes: list[tuple[int, int]]
) -> tuple[int, int]:
    """End the content before a second cue that is not part of it: one of the same speaker
    ("…, adding that …") or a clause set off by punctuation ("…, referring to …"). Clauses joined
    by a conjunction stay: annotators mostly keep them in the content."""
    doc = verb.doc
    first = doc.char_span(*span, alignment_mode="expand")
    if first is None:
        return span
    for token in first:
        if token.i == verb.i or token.dep_ not in {"advcl", "conj"} or token.lemma_.lower() not in lexicon.verbs:
            continue
        if token.pos_ != "VERB" or _inside((token.idx, token.idx + 1), quotes):
            continue
        edge = token.left_edge
        before = doc[edge.i - 1] if edge.i > first.start else None
        set_off = before is not None and before.text in {",", ";", "—", "--", "-"}
        if token.head.i == verb.i or set_off:
            start = edge.idx
            while start > span[0] and text[start - 1] in " ,;—-":
                start -= 1
            if start > span[0]:
                return span[0], start
    return span


def _cover_quotations(span: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Widen a content span to the whole of every quotation it overlaps (multi-sentence quotes)."""
    start, end = span
    for q in quotes:
        if _overlap(span, q):
            start, end = min(start, q[0]), max(end, q[1])
    return start, end


def _parenthetical_content(verb: Token, subject: Token, content: tuple[int, int]) -> tuple[int, int] | None:
    """"In three years, Barden says, far too many lives were lost": a cue set off by commas inside
    the clause it reports has that whole clause, around the cue, as its content."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ == "parataxis" and head.i < verb.i and subject.i < verb.i and head.pos_ in {"VERB", "AUX"}:
        if head.right_edge.i > verb.right_edge.i:
            return head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
        return None
    first = subject.left_edge
    set_off = first.i > verb.sent.start and doc[first.i - 1].text == "," and verb.i + 1 < len(doc)
    if set_off and doc[verb.i + 1].text == "," and content[0] > verb.idx:
        return verb.sent.start_char, content[1]
    return None


TRAILING_DEPS = {"prep", "advmod", "npadvmod", "punct", "dative", "agent"}  # "…, police said in a statement."


def _trailing_content(verb: Token, subject: Token) -> tuple[int, int] | None:
    """"…, police said." / "…, the agency wrote in a memo.": a cue that closes its sentence, after
    a subject set off by a comma, reports everything before that comma, whatever clause the parser
    hung it on (often an adverbial clause of the cue, no complement). Only for cues without a second
    sense: "…, many parents think" and "…, the figures indicate" were mostly no attribution."""
    doc = verb.doc
    sent = verb.sent
    first = subject.left_edge
    if subject.i > verb.i or first.i <= sent.start or doc[first.i - 1].text != ",":
        return None
    if any(c.i > verb.i and c.dep_ not in TRAILING_DEPS for c in verb.children):
        return None
    if any(t.i < first.i - 1 and t.head.i == verb.i and t.dep_ in SUBJECT_DEPS for t in sent):
        return None  # a subject of its own before the comma: the cue's clause runs from there
    comma = doc[first.i - 1]
    if comma.i - sent.start < MIN_DIRECT_WORDS:
        return None
    return sent.start_char, comma.idx


def _relative_start(doc: Doc, start: int, cue: Token) -> bool:
    """A content that opens with the relative pronoun of the clause the cue stands in ("a bill
    which critics said was unfair", "Kelly, who he claims has been unfair"): the pronoun is what is
    said to be so, and the cue and its subject sit between it and the rest."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    return (first is not None and len(first) > 0 and first[0].tag_ in {"WDT", "WP"} and first[0].i < cue.i
            and cue.dep_ == "relcl")


def _inverted_content(verb: Token, sent: Span, subject: Token | None) -> tuple[int, int] | None:
    """"…, says X" / "…, X said": the clause before the comma that precedes the cue."""
    left = [t for t in sent if t.i < verb.i]
    if subject is not None and subject.i < verb.i:
        left = [t for t in left if t.i < subject.left_edge.i]
    while left and (left[-1].is_punct or left[-1].is_space):
        left.pop()
    if len(left) < MIN_DIRECT_WORDS:
        return None
    return left[0].idx, left[-1].idx + len(left[-1])


def _phrase_attributions(doc: Doc, text: str, lexicon: CueLexicon, quotes: list[tuple[int, int]]) -> list[Attribution]:
    """"according to X, …": the phrase's object is the source, the rest of the sentence the content."""
    found = []
    lowered = [t.lower_ for t in doc]
    for words, _source in lexicon.phrases:
        n = len(words)
        for i in range(len(doc) - n + 1):
            if tuple(lowered[i : i + n]) != words:
                continue
            last = doc[i + n - 1]
            if _inside((doc[i].idx, last.idx + len(last)), quotes):
                continue
            objects = [c for c in last.children if c.dep_ == "pobj"] or [c for c in last.children if c.dep_ == "dobj"]
            if not objects:
                continue
            source = _np_span(objects[0])
            # the content starts after the whole object, relative clauses and all
            right = objects[0].right_edge
            phrase_start, phrase_end = doc[i].idx, right.idx + len(right)
            sent = doc[i].sent
            before = (sent.start_char, phrase_start)
            after = (phrase_end, sent.end_char)
            content = after if after[1] - after[0] >= before[1] - before[0] else before
            start, end = _trim(text, *content)
            if end - start > 10:
                found.append(Attribution(start, end, doc[i], last.idx + len(last), source, origin="phrase"))
    return found


def _that_complement(noun: Token) -> Token | None:
    """The mark "that" of the noun's content clause ("the claim that taxes will rise"): the next
    "that" conjunction of the sentence after the noun's own phrase (its dependents, an appositive
    name), opening a clause with a subject of its own. The parser often hangs that clause on the
    verb or on the last name instead of the noun; a relative clause ("the claim that he made") has
    "that" as its subject or object, not as its mark."""
    phrase = {t.i for t in noun.subtree}
    for token in noun.doc[noun.i + 1 : noun.sent.end]:
        if token.dep_ == "mark" and token.lower_ == "that":
            clause = token.head
            if clause.i > token.i and any(c.dep_ in SUBJECT_DEPS and c.lower_ != "that" for c in clause.children):
                return token
            return None
        if token.i not in phrase and not (token.pos_ == "PROPN" or token.is_punct):
            return None
    return None


def _communication_noun(lemma: str) -> bool:
    """A noun whose first WordNet sense names a message ("assertion", "complaint", "protestation"):
    with a that-clause of its own, its content is what was said (WordNet's lexical files, packaged in
    `events/wordnet_events.tsv` by `scripts/build_event_wordnet.py`)."""
    entry = wordnet_hints().nouns.get(lemma)
    return entry is not None and entry[0] == "noun.communication"


def _noun_attributions(doc: Doc, lexicon: CueLexicon, quotes: list[tuple[int, int]]) -> list[Attribution]:
    """"Trump's call for a ban", "her claim that …": a cue noun with a possessive source and a
    complement (a prepositional object or a that/to clause) listed for it in the lexicon; and any
    noun of communication with its author (possessor, "by"/"from" object) and a that-clause
    ("complaints by the secretary that …", "the senator's assertion that …")."""
    found = []
    for token in doc:
        if token.pos_ != "NOUN" or _inside((token.idx, token.idx + 1), quotes):
            continue
        lemma = token.lemma_.lower()
        links = lexicon.nouns.get(lemma)
        owner = _possessor(token) if links else None
        content = None
        for child in token.children if owner is not None else ():
            if child.i < token.i:
                continue
            if child.dep_ == "prep" and child.lower_ in links:
                obj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
                if obj is not None:
                    content = _clause_span(obj)
                    break
            if child.dep_ in {"acl", "ccomp", "relcl"} and child.pos_ in {"VERB", "AUX"}:
                mark = next((c.lower_ for c in child.children if c.dep_ in {"mark", "aux"} and c.i < child.i), None)
                if mark in links and mark is not None:
                    content = _clause_span(child)
                    if mark == "that":
                        content = (next(c for c in child.children if c.lower_ == "that").idx + 5, content[1])
                    break
        if content is None and (links or _communication_noun(lemma)):
            that = _that_complement(token)
            # the author as the phrase names it: the subject of "dismissed the claim that …" is not
            owner = _author(token) if that is not None else None
            if owner is not None and that is not None:
                content = (that.idx + len(that) + 1, _clause_span(that.head)[1])
        if owner is None or content is None or content[1] - content[0] < 3:
            continue
        found.append(Attribution(*_cover_quotations(content, quotes), token, token.idx + len(token),
                                 _np_span(owner), framed=True, origin="noun"))
    return found


COLON_SOURCE_MAX_TOKENS = 6
COLON_LABEL_MAX_TOKENS = 3  # "Poll:", "News Guide:" — longer title-case openings are headlines


def _colon_attributions(doc: Doc, text: str, lexicon: CueLexicon, quotes: list[tuple[int, int]]) -> list[Attribution]:
    """Headline style "Source: what they say" (a short name or title-case label opening a paragraph,
    then a colon), and a quotation introduced by a colon right after a named source
    ("… surprised pollster Daron Shaw: "Historically, …"")."""
    found = []
    for q in quotes:
        colon_at = text.rfind(":", 0, q[0])
        if colon_at < 0 or text[colon_at + 1 : q[0]].strip(' "'):
            continue
        colon = doc.char_span(colon_at, colon_at + 1)
        if colon is None or colon.start == 0:
            continue
        name = doc[colon.start - 1]
        if name.ent_type_ not in {"PERSON", "ORG"}:
            continue
        first = name
        while first.i > 0 and first.ent_iob_ == "I":
            first = doc[first.i - 1]
        found.append(Attribution(q[0], q[1], colon[0], colon_at + 1, (first.idx, name.idx + len(name)), origin="colon"))
    for start, end in paragraph_bounds(text):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            continue
        colon = next((t for t in span[: COLON_SOURCE_MAX_TOKENS + 1] if t.text == ":"), None)
        if colon is None or colon.i == span.start:
            continue
        source_tokens = doc[span.start : colon.i]
        named = any(t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} for t in source_tokens)
        label = len(source_tokens) <= COLON_LABEL_MAX_TOKENS and all(t.is_title or t.is_upper for t in source_tokens)
        if source_tokens.text.lower() in lexicon.kickers:
            continue
        if not (named or label):
            continue
        sent_end = colon.sent.end_char if colon.sent.end_char > colon.idx + 1 else end
        c_start, c_end = _trim(text, colon.idx + 1, min(sent_end, end))
        if len(text[c_start:c_end].split()) < MIN_DIRECT_WORDS:
            continue
        source = (source_tokens[0].idx, source_tokens[-1].idx + len(source_tokens[-1]))
        found.append(Attribution(c_start, c_end, colon, colon.idx + 1, source, origin="colon"))
    return found


def find_attributions(
    doc: Doc, text: str | None = None, model: CueModel | None = None
) -> tuple[list[Attribution], list[tuple[int, int]]]:
    """Every attribution in the article, and its quotation spans. Without `model`, the lexicon's
    cues; with it, the lexicon attributions it scores at least `lexicon_threshold` and the
    candidates outside the lexicon it scores at least `threshold`."""
    if text is None:
        text = doc_text(doc)
    quotes = quotation_spans(text)
    long_quotes = [q for q in quotes if len(text[q[0] : q[1]].split()) >= MIN_DIRECT_WORDS]
    found = lexicon_attributions(doc, text, long_quotes)
    if model is not None:
        candidates = model_candidates(doc, text, found, long_quotes)
        scored = [(a, None if features is None else model.score(features))
                  for a, features in lexicon_features(doc, found, long_quotes)]
        scored += [(a, model.score(features)) for a, features in candidates]
        found = []
        for a, score in scored:
            a.cue_score = score
            if _holderless_stance(a):
                continue
            if score is None or score >= (model.threshold if a.origin == "model" else model.lexicon_threshold):
                found.append(a)
    _claim_following_quotations(text, found, long_quotes)
    found.extend(_inverted_quotations(doc, text, found, quotes))
    found.extend(_unclaimed_quotations(doc, text, found, long_quotes))
    found.extend(signed_contributions(doc, text))
    tweets, markup = embedded_tweets(text)
    # a "source" the parser found inside a tweet's tag attributes is markup, not a speaker
    found = [a for a in found if a.source is None or not any(_overlap(a.source, m) for m in markup)]
    return _split_coordinated(doc, _merge_split_quotes(text, found, quotes)) + tweets, quotes


def _holderless_stance(a: Attribution) -> bool:
    """A cue-model candidate noun or adjective with no holder in the parse: no possessor, no
    subject of the verb it is the object of ("the conviction of …", "a false statement related to
    …"). A stance or evaluation is someone's; without one it names a thing, not an attribution (the
    guide asks for a source unless the text gives none): right about once in a hundred on the
    training articles. Verbs without a subject stay: PolNeAR annotates passive and impersonal
    stances ("it is expected that …")."""
    return a.origin == "model" and a.source is None and a.cue is not None and a.cue.pos_ in {"NOUN", "ADJ"}


COORDINATORS = {"and", "&"}
NOMINAL_POS = {"NOUN", "PROPN", "PRON"}


def _conjuncts(head: Token) -> list[Token]:
    """The heads of a coordination of nouns joined by "and" ("Britain, France and Germany"), in
    order; just `head` when it coordinates nothing, or with "or" (one of them, not both)."""
    found, stack = [], [head]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if c.dep_ == "conj" and c.pos_ in NOMINAL_POS)
    if not any(c.dep_ == "cc" and c.lower_ in COORDINATORS for t in found for c in t.children):
        return [head]
    return sorted(found, key=lambda t: t.i)


def _conjunct_span(token: Token) -> tuple[int, int]:
    """One conjunct's span: its noun phrase up to the comma, "and" or next conjunct after it."""
    start, end = _np_span(token)
    stop = [c.left_edge.idx for c in token.children if c.i > token.i
            and (c.dep_ in {"cc", "conj"} or (c.dep_ == "punct" and c.text == ","))]
    if stop:
        end = min(end, min(stop))
    cut = token.doc.char_span(start, end, alignment_mode="contract")
    while cut is not None and len(cut) > 1 and (cut[-1].is_punct or cut[-1].is_space):
        cut = cut[:-1]
    return (cut.start_char, cut.end_char) if cut is not None and len(cut) else (start, end)


def _names_someone(head: Token) -> bool:
    """A conjunct that stands for a speaker of its own: a name, a plural ("officials"), a pronoun;
    not a singular title, which in "Vice President and Managing Editor Bill Sammon" is one person's."""
    return head.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or head.tag_ in {"NNS", "NNPS"} or head.pos_ == "PRON"


def _split_coordinated(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """"China and Russia said …", "Rep. Todd Rokita and Speaker Brain Bosma have stated …": each
    conjunct is a speaker of its own (the guide records one quote per source), so the attribution
    becomes one record per conjunct, the same words with each conjunct as source."""
    out: list[Attribution] = []
    for a in found:
        span = doc.char_span(*a.source, alignment_mode="expand") if a.source is not None else None
        heads = _conjuncts(span.root) if span is not None and len(span) and span.root.pos_ in NOMINAL_POS else []
        heads = [h for h in heads if span is not None and span.start <= h.i < span.end]
        if len(heads) < 2 or not all(_names_someone(h) for h in heads):
            out.append(a)
            continue
        spans = [_conjunct_span(h) for h in heads]
        persons = [any(t.ent_type_ == "PERSON" or t.pos_ == "PRON"
                       for t in doc.char_span(*sp, alignment_mode="expand") or []) for sp in spans]
        titles = [h.tag_ in {"NN", "NNP"} and h.lower_ in role_lexicon().classes for h in heads[:-1]]
        if (any(persons) and not all(persons)) or any(titles):
            # "State Councilor and Foreign Minister Tao Ren": titles of the one person named
            out.append(a)
            continue
        # the first conjunct keeps the attribution itself (a continuation may point to it)
        copies = [replace(a, source=sp, coordinated=True) for sp in spans[1:]]
        a.source, a.coordinated = spans[0], True
        out += [a, *copies]
    return out


HANDLE = re.compile(r"@\w{2,}")
SIGNED_MAX_PARAGRAPHS = 3  # a letter or comment runs back at most this far from its signature
LABEL_MAX_WORDS = 3  # "LETTERS.", "FACEBOOK.", "Gainesville, Fla.": section labels and places, not text


def _signature(doc: Doc, text: str, start: int, end: int) -> tuple[int, int] | None:
    """A paragraph that is only a signature: a person's name or a social-media handle, with an
    optional closing period ("Jane Roe.", "@janeroe."); its span without the period. A name is two
    to four words tagged as a person's, the first a given name."""
    line = text[start:end].rstrip()
    stop = start + len(line) - (1 if line.endswith(".") else 0)
    words = text[start:stop].split()
    if not words or len(words) > 4:
        return None
    if len(words) == 1 and HANDLE.fullmatch(words[0]):
        return start, stop
    span = doc.char_span(start, stop, alignment_mode="expand")
    if span is None or len(words) < 2 or not all(t.ent_type_ == "PERSON" for t in span if not t.is_punct):
        return None
    # a given name first (the census lists coreference reads): not a section heading the tagger
    # took for a name ("Gender Equality.")
    return (start, stop) if words[0].lower() in name_genders() else None


def signed_contributions(doc: Doc, text: str) -> list[Attribution]:
    """Letters and reader comments, each signed on a paragraph of its own after it ("… the
    election may be rigged.\n\nJane Roe.\n\nGainesville, Fla."): the paragraphs before the
    signature, back to the previous signature, a short label or place line, or the headline, are
    the signer's own words (origin `signature`; at most `SIGNED_MAX_PARAGRAPHS`)."""
    paragraphs = paragraph_bounds(text)
    signatures = {i: sig for i, (s, e) in enumerate(paragraphs) if i > 1 and (sig := _signature(doc, text, s, e))}
    found = []
    for i, source in signatures.items():
        first = i
        while (first - 1 > 0 and i - first < SIGNED_MAX_PARAGRAPHS and first - 1 not in signatures
               and len(text[slice(*paragraphs[first - 1])].split()) > LABEL_MAX_WORDS):
            first -= 1
        if first == i:
            continue
        start, end = _trim(text, paragraphs[first][0], paragraphs[i - 1][1])
        found.append(Attribution(start, end, None, None, source, origin="signature"))
    return found


# An embedded post as news pages keep it: `<tweet … author="@handle" …>text</tweet>` (or `<tweet/>`
# as the closing tag; `tweet-author=` in some archives). Its text is the author's own words.
TWEET = re.compile(r'<tweet\b([^>\n]*)>([^<\n]*)(?:</tweet>|<tweet/>)')
TWEET_AUTHOR = re.compile(r'\bauthor="([^"]+)"')


def _handle_owner(handle: str, records: ArticleRecords) -> str | None:
    """The actor whose whole name, run together, is in the handle ("@realDonaldTrump" → Donald
    Trump); the longest such name, and none when no name of five letters or more fits."""
    folded = handle.lower()
    fits = [(len(key), a.id) for a in records.actors
            if len(key := "".join(ch for ch in a.name.lower() if ch.isalnum())) >= 5 and key in folded]
    return max(fits)[1] if fits else None


def embedded_tweets(text: str) -> tuple[list[Attribution], list[tuple[int, int]]]:
    """A direct quote per embedded tweet with an author (the source is the author's handle as
    written), and the spans of every tweet tag's attributes."""
    found: list[Attribution] = []
    markup: list[tuple[int, int]] = []
    for m in TWEET.finditer(text):
        markup.append((m.start(), m.start(2)))
        author = TWEET_AUTHOR.search(m.group(1))
        start, end = _trim(text, m.start(2), m.end(2))
        if author is None or len(text[start:end].split()) < 2:
            continue
        handle = (m.start(1) + author.start(1), m.start(1) + author.end(1))
        found.append(Attribution(start, end, None, None, handle, origin="tweet"))
    return found, markup


def lexicon_attributions(doc: Doc, text: str, long_quotes: list[tuple[int, int]]) -> list[Attribution]:
    """Attributions whose cue is in the lexicon: verbs, phrases, colons and cue nouns."""
    lexicon = cue_lexicon()
    found: list[Attribution] = []
    for sent in doc.sents:
        for token in sent:
            if not _is_cue(token, lexicon):
                continue
            subject = speaker_subject_of(token)
            second_sense = token.lemma_.lower() in lexicon.needs_content  # "show", "think"
            quotation = next((q for q in long_quotes if q[0] <= token.idx < q[1]), None)
            if quotation is not None and not _quoted_report(token, subject, quotation, lexicon):
                continue
            # a report inside a quotation takes its content from within that quotation only
            quotes_here = long_quotes if quotation is None else [q for q in long_quotes if q != quotation]
            found_content = _content_for(token, sent, text, lexicon, quotes_here)
            content, framed = found_content if found_content is not None else (None, False)
            if quotation is not None and content is not None:
                content = None if framed else (max(content[0], token.idx), min(content[1], quotation[1]))
            if content is None and subject is not None and subject.i > token.i:
                content = _inverted_content(token, sent, subject)
            if content is None and subject is not None and subject.i < token.i:
                # "A wall would stop X, she said, but also Y": the clause around a parenthetical cue
                content = _parenthetical_content(token, subject, (token.idx + len(token), token.idx + len(token)))
            if content is None and subject is not None and quotation is None and not second_sense:
                content = _trailing_content(token, subject)
            if content is None:
                continue
            start, end = _trim(text, *content)
            if end - start < 3:
                continue
            if subject is None:
                if any(c.dep_ == "nsubjpass" for c in token.children):
                    # "Clinton was asked about the loan": an attribution whose source is not stated
                    found.append(Attribution(start, end, token, token.idx + len(token), None, framed=framed))
                continue  # otherwise no source, no attribution (a quotation beside it may still be claimed)
            source = _np_span(subject)
            around = _parenthetical_content(token, subject, (start, end))
            if around is not None:
                start, end = _trim(text, *_cover_quotations(around, quotes_here))
            elif start <= source[0] < end and _relative_start(doc, start, token):
                # "moves that he said improved the economy": what is said is the clause after the cue
                start, end = _trim(text, token.idx + len(token), end)
            elif start <= source[0] < end:
                # the subject sits inside the content span only for inverted cues; cut content there
                end = _trim(text, start, source[0])[1]
            addressee = next((_np_span(c) for c in token.children if c.dep_ in ADDRESSEE_DEPS
                              and c.lemma_.lower() not in {"that", "it", "this"}
                              and token.lemma_.lower() == "tell"), None)
            found.append(Attribution(start, end, token, token.idx + len(token), source, addressee, framed=framed,
                                     origin="verb" if quotation is None else "quoted"))
    found.extend(_phrase_attributions(doc, text, lexicon, long_quotes))
    found.extend(_colon_attributions(doc, text, lexicon, long_quotes))
    found.extend(_noun_attributions(doc, lexicon, long_quotes))
    return _drop_nested(found)


GENERIC_POS = {"VERB", "NOUN", "ADJ"}  # "backed X", "attacks on X", "critical of X"
AGENT_ENTS = {"PERSON", "ORG", "NORP", "GPE"}  # named subjects that can hold a stance


def model_candidates(
    doc: Doc, text: str, found: list[Attribution], long_quotes: list[tuple[int, int]]
) -> list[tuple[Attribution, list[str]]]:
    """Verbs, nouns and adjectives that are not cues of `found`, each with the attribution it would
    make (source from `_candidate_source`, content from `_generic_content`) and the
    features `CueModel` scores it on. PolNeAR annotates stances and evaluations ("seemed to",
    "backed", "sees X as") far beyond the lexicon's reporting verbs; the model learns which."""
    lexicon = cue_lexicon()
    cues = {a.cue.i for a in found if a.cue is not None}
    contents = [(a.start, a.end) for a in found]
    out = []
    for token in doc:
        if token.pos_ not in GENERIC_POS or token.i in cues or _inside((token.idx, token.idx + 1), long_quotes):
            continue
        generic = _generic_content(token, lexicon)
        if generic is None:
            continue
        (start, end), kind = generic
        subject = _candidate_source(token)
        source = _np_span(subject) if subject is not None else None
        if source is not None and start <= source[0] < end:
            end = source[0]
        start, end = _trim(text, *_cover_quotations((start, end), long_quotes))
        if end - start < 3:
            continue
        features = _candidate_features(token, kind, subject, (start, end), contents, long_quotes)
        out.append((Attribution(start, end, token, token.idx + len(token), source, framed=True, origin="model"),
                    features))
    return out


def lexicon_features(
    doc: Doc, found: list[Attribution], long_quotes: list[tuple[int, int]]
) -> list[tuple[Attribution, list[str] | None]]:
    """Each lexicon attribution with the features `CueModel` scores it on (the same as a
    candidate's, marked `kind=lexicon`); None for one without a cue token, which always stays."""
    contents = [(a.start, a.end) for a in found]
    out: list[tuple[Attribution, list[str] | None]] = []
    for a in found:
        if a.cue is None:
            out.append((a, None))
            continue
        source = doc.char_span(*a.source, alignment_mode="expand") if a.source is not None else None
        subject = source.root if source is not None and len(source) else None
        others = [c for c in contents if c != (a.start, a.end)]
        out.append((a, _candidate_features(a.cue, "lexicon", subject, (a.start, a.end), others, long_quotes)))
    return out


def _candidate_source(token: Token) -> Token | None:
    """A verb's subject; a noun's possessor ("Trump's attacks on …") or else the subject of the verb
    it is the object of ("Trump launched attacks on …"); a predicative adjective's subject ("she
    was critical of …")."""
    if token.pos_ == "VERB":
        return speaker_subject_of(token)
    if token.pos_ == "NOUN":
        owner = _possessor(token)
        if owner is not None:
            return owner
        head = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ in {"dobj", "pobj", "attr"} and head.pos_ in {"VERB", "AUX"}:
            return speaker_subject_of(head)
        return None
    if token.dep_ in {"acomp", "oprd"} and token.head.pos_ in {"VERB", "AUX"}:
        return speaker_subject_of(token.head)
    return None


def _generic_content(verb: Token, lexicon: CueLexicon) -> tuple[tuple[int, int], str] | None:
    """The content a verb, noun or adjective outside the lexicon would report, and which frame
    gave it (a noun's or adjective's only through a clause or a preposition)."""
    after = [c for c in verb.children if c.i > verb.i]
    for dep in ("ccomp", "parataxis", "xcomp", "acl"):
        clause = next((c for c in after if c.dep_ == dep), None)
        if clause is not None:
            return _clause_span(clause), dep
    obj = next((c for c in after if c.dep_ == "dobj"), None)
    if obj is not None:
        tail = [c for c in after if c.i > obj.i and c.dep_ in {"oprd", "xcomp", "ccomp"}]
        last = tail[-1] if tail else obj
        return (obj.left_edge.idx, _tail_end(verb, last, lexicon, lexicon.generic_completing_preps)), "dobj"
    for prep in (c for c in after if c.dep_ == "prep"):
        pobj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
        if pobj is not None:
            return (pobj.left_edge.idx, _tail_end(verb, pobj, lexicon)), f"prep:{prep.lower_}"
    return None


def _candidate_features(
    verb: Token, kind: str, subject: Token | None, content: tuple[int, int],
    contents: list[tuple[int, int]], long_quotes: list[tuple[int, int]],
) -> list[str]:
    """Parse features of a candidate cue: lemmas, dependency labels and coarse shape, no text."""
    lemma = f"{verb.lemma_.lower()}/{verb.pos_}"
    features = [f"lemma={lemma}", f"kind={kind}", f"lemma|kind={lemma}|{kind}", f"dep={verb.dep_}",
                f"tag={verb.tag_}", f"head={verb.head.lemma_.lower()}|{verb.dep_}"]
    for child in verb.children:
        if child.dep_ in {"aux", "neg", "auxpass", "advmod", "agent", "nsubjpass"}:
            features.append(f"{child.dep_}={child.lemma_.lower()}")
    if subject is None:
        features.append("subj=none")
    elif subject.pos_ == "PRON":
        features.append(f"subj=pron:{subject.lower_}")
    else:
        features += [f"subj_ent={subject.ent_type_ or 'none'}", f"subj_lemma={subject.lemma_.lower()}"]
    if subject is not None and subject.i > verb.i:
        features.append("subj_after")
    agentive = subject is not None and (subject.pos_ == "PRON" or subject.ent_type_ in AGENT_ENTS)
    features.append(f"lemma|agentive={lemma}|{agentive}")
    span = verb.doc.char_span(*content, alignment_mode="expand")
    if span is not None and len(span):
        features += [f"len={min(6, len(span).bit_length())}", f"content_pos={span.root.pos_}"]
    if any(_overlap(content, q) for q in long_quotes):
        features.append("quoted")
    if any(s <= verb.idx < e for s, e in contents):
        features.append("inside_content")
    if any(2 * _overlap(content, c) >= max(c[1] - c[0], content[1] - content[0]) for c in contents):
        features.append("same_content")
    return features


def _merge_split_quotes(text: str, found: list[Attribution], quotes: list[tuple[int, int]]) -> list[Attribution]:
    """'"A," she said, "B."' is one attribution whose content runs from A to B around the cue."""
    found.sort(key=lambda a: a.start)
    merged: list[Attribution] = []
    for a in found:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and a.cue is not None
            and prev.cue is not None
            and a.cue.i == prev.cue.i
            and prev.end <= a.cue.idx < a.start
            and "\n\n" not in text[prev.start : a.end]
        ):
            prev.direct_parts = all(
                quote_kind(text, (x.start, x.end), quotes) == "direct" for x in (prev, a)
            )
            prev.end = a.end
            continue
        merged.append(a)
    return merged


_SPLIT_GAP = re.compile(r'[\s,;:"]*')


def _claim_following_quotation(text: str, a: Attribution, quotes: list[tuple[int, int]]) -> None:
    """'"A …," she said, "B …"': a quotation that opens right after a cue (and its inverted source)
    which itself follows the first half is the rest of the same statement."""
    if a.cue is None or a.cue_end is None or a.end > a.cue.idx or a.origin in {"model", "quoted"}:
        return
    after = max(a.cue_end, a.source[1] if a.source is not None and a.source[0] > a.cue.idx else a.cue_end)
    following = next((q for q in quotes if q[0] >= after), None)
    if following is None or "\n" in text[after : following[0]]:
        return
    if _SPLIT_GAP.fullmatch(text[after : following[0]]):
        a.direct_parts = quote_kind(text, (a.start, a.end), quotes) == "direct"
        a.end = _trim(text, *following)[1]


def _claim_following_quotations(text: str, found: list[Attribution], quotes: list[tuple[int, int]]) -> None:
    for a in found:
        _claim_following_quotation(text, a, quotes)


def _drop_nested(found: list[Attribution]) -> list[Attribution]:
    """Exact duplicates go, and so does a framed attribution ("support X", "vote for X") whose cue
    lies inside another attribution's content: "she said he would support X" reports her claim,
    not his stance. Embedded reported speech ("she said he told her that …") is kept."""
    outer = [(a.start, a.end) for a in found if not a.framed]
    seen: set[tuple[int, int]] = set()
    kept = []
    for a in sorted(found, key=lambda a: (a.start, -(a.end - a.start))):
        if (a.start, a.end) in seen:
            continue
        if a.framed and a.cue is not None and any(s <= a.cue.idx < e for s, e in outer):
            continue
        seen.add((a.start, a.end))
        kept.append(a)
    return kept


def _unclaimed_quotations(
    doc: Doc, text: str, found: list[Attribution], quotes: list[tuple[int, int]]
) -> list[Attribution]:
    """Quotations no cue claimed: split quotes and quote-only paragraphs."""
    paragraphs = paragraph_bounds(text)
    # a report inside a quotation is part of it: it neither claims the quotation nor lends its speaker
    found = [a for a in found if a.origin != "quoted"]
    claimed = [(a.start, a.end) for a in found]
    extra: list[Attribution] = []
    for q in quotes:
        start, end = _trim(text, *q)
        if any(_overlap((start, end), c) > 0.5 * (end - start) for c in claimed):
            continue
        para = next(((s, e) for s, e in paragraphs if s <= start < e), None)
        if para is None:
            continue
        introducer = _colon_introducer(doc, text, q)
        if introducer is not None:
            verb, subject = introducer
            extra.append(Attribution(start, end, verb, verb.idx + len(verb), _np_span(subject), origin="introduced"))
            continue
        # a second half completes reported speech, not a stance's clause ("…, and the harbour
        # master's decision to retire …"): stance candidates and cue nouns name no speech of their own
        same_paragraph = [a for a in found + extra if para[0] <= (a.cue.idx if a.cue is not None else a.start) < para[1]
                          and a.source is not None and a.origin not in STANCE_ORIGINS]
        if same_paragraph:
            nearest = min(same_paragraph, key=lambda a: abs(a.start - start))
            extra.append(Attribution(start, end, nearest.cue, nearest.cue_end, nearest.source, origin="split"))
            continue
        outside = text[para[0] : para[1]]
        quoted_chars = sum(_overlap(q2, para) for q2 in quotes)
        if quoted_chars < 0.8 * len(outside.strip()):
            continue
        previous = [a for a in found + extra if a.start < para[0]]
        if not previous:
            continue
        # the speaker of the last reported speech before it, not a stance candidate's subject: with
        # none, the quotation stays without a speaker
        reported = [a for a in previous if a.origin != "model" and (a.source is not None or a.speaker_from is not None)]
        last = max(reported, key=lambda a: a.start) if reported else None
        extra.append(Attribution(start, end, None, None, None, speaker_from=last, origin="continuation"))
    return extra


SOURCE_POS = {"PROPN", "NOUN", "PRON"}  # a colon introducer's subject: a name, a noun or a pronoun


def _colon_introducer(doc: Doc, text: str, quote: tuple[int, int]) -> tuple[Token, Token] | None:
    """'Clinton released the following statement:', 'She went on:', 'Hoff's letter makes the case:'
    right before a quotation (in its paragraph or opening the next): the colon hands the words to
    the subject of the clause it ends, whatever its verb. The verb and that subject, if the
    quotation is so introduced."""
    colon_at = text.rfind(":", 0, quote[0])
    if colon_at < 0 or text[colon_at + 1 : quote[0]].strip(' \n"') or text.count("\n\n", colon_at, quote[0]) > 1:
        return None
    colon = doc.char_span(colon_at, colon_at + 1)
    if colon is None:
        return None
    verb = colon[0].head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i and verb.head.i < colon.start:
        verb = verb.head  # the colon hangs on the object ("released the following statement:")
    if verb.pos_ not in {"VERB", "AUX"} or verb.i > colon.start:
        return None
    subject = speaker_subject_of(verb)
    if subject is None or subject.i > verb.i or subject.lower_ in NON_SOURCES or subject.pos_ not in SOURCE_POS:
        return None
    return verb, subject

_CLOSING_MARK = re.compile(r"(?:\"|'')[ \t]*")
INVERTED_VERB_TAGS = {"VBD", "VBZ", "VBP"}
INVERTED_SUBJECT_DEPS = {"nsubj", "dobj", "attr", "dep", "npadvmod"}
INVERTED_MAX_SUBJECT = 6  # tokens from the closing mark to the verb: "Notre Dame coach Muffet McGraw"


def _inverted_quotations(
    doc: Doc, text: str, found: list[Attribution], quotes: list[tuple[int, int]]
) -> list[Attribution]:
    """'"Go back to Univision," Trump barked.', '"Out!" the crowd yelled.': a quotation that opens a
    sentence and ends on a comma, "!" or "?" inside its marks, followed at once by a subject and a
    finite verb with no complement of its own, is that subject's direct quote whatever the verb
    (barked, laughed, shot back): the layout itself marks speech. Short quotations count here (a
    one-word reply is no scare quote when it stands as a sentence of its own)."""
    claimed = [(a.start, a.end) for a in found]
    out: list[Attribution] = []
    for q in quotes:
        start, end = _trim(text, *q)
        if end <= start or any(_overlap((start, end), c) > 0.5 * (end - start) for c in claimed):
            continue
        inner = text[q[0] : q[1]].rstrip()
        opening = text[: q[0]].rstrip("\"' \t")
        if not inner or inner[-1] not in ",!?" or (opening and opening[-1] not in ".!?:\n"):
            continue
        mark = _CLOSING_MARK.match(text, q[1])
        if mark is None:
            continue
        verb, subject = _inverted_clause(doc, mark.end())
        if verb is None or subject is None:
            continue
        particle = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), None)
        cue_end = (particle or verb).idx + len(particle or verb)
        out.append(Attribution(start, end, verb, cue_end, _np_span(subject), origin="inverted"))
    return out


def _inverted_clause(doc: Doc, at: int) -> tuple[Token | None, Token | None]:
    """The finite verb and its subject of a clause that starts at character `at` with the subject
    ("the crowd yelled", "Trump barked at the reporter") or with the verb ("laughed the conductor");
    none when the verb has a complement of
    its own ("the crowd knew that …") or the clause is no such subject + verb."""
    first = doc.char_span(at, at + 1, alignment_mode="expand")
    if first is None or not len(first):
        return None, None
    token = first[0]
    if token.pos_ == "VERB" and token.tag_ in INVERTED_VERB_TAGS:
        # '"…," laughed the conductor': the verb first, the quotation hanging on it, and its subject
        # after it (which the parser often labels an object)
        after = [c for c in token.children if c.i > token.i]
        named = after and after[0].dep_ in INVERTED_SUBJECT_DEPS and after[0].pos_ in {"PROPN", "NOUN"}
        subject = after[0] if named else None
        hangs = any(c.i < token.i and c.dep_ != "punct" for c in token.children)
        complement = any(c.dep_ in {"ccomp", "xcomp"} for c in after)
        return (token, subject) if subject is not None and hangs and not complement else (None, None)
    for verb in doc[token.i : min(len(doc), token.i + INVERTED_MAX_SUBJECT + 1)]:
        if verb.pos_ != "VERB" or verb.tag_ not in INVERTED_VERB_TAGS:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.left_edge.i == token.i), None)
        if subject is None or subject.lower_ in NON_SOURCES:
            return None, None
        if any(c.dep_ in {"ccomp", "xcomp", "dobj"} and c.i > verb.i for c in verb.children):
            return None, None
        return verb, subject
    return None, None


def quote_kind(text: str, span: tuple[int, int], quotes: list[tuple[int, int]]) -> str:
    length = span[1] - span[0]
    inside = sum(_overlap(span, q) for q in quotes)
    if inside >= 0.9 * length:
        return "direct"
    if inside > 0 or _SCARE_QUOTE.search(text[span[0] : span[1]]):
        return "mixed"
    return "indirect"


# A regression tree over binary features as a flat list of nodes, the root first: a split is
# [feature, index of the node where the feature is present, index where it is absent], a leaf is
# [log-odds it adds].
Tree = list[list]


@dataclass(frozen=True)
class TreeEnsemble:
    """Boosted regression trees laid out as one set of node arrays, so a quote walks all trees a
    level at a time (numpy) instead of node by node in Python: the node-by-node walk of 500 trees
    took more than a third of the quote stage. Leaves test a column that is never present and point
    to themselves, so walking `depth` levels lands every tree on its leaf."""

    columns: dict[str, int]  # split feature -> its column in the presence mask
    feature: np.ndarray  # per node: the column it tests (len(columns), never present, at leaves)
    present: np.ndarray  # per node: the next node where the feature is present (itself at a leaf)
    absent: np.ndarray  # per node: the next node where it is absent (itself at a leaf)
    value: np.ndarray  # per node: the log-odds a leaf adds (0 at splits)
    roots: np.ndarray
    depth: int

    @classmethod
    def compile(cls, trees: tuple[Tree, ...]) -> TreeEnsemble:
        columns: dict[str, int] = {}
        for tree in trees:
            for node in tree:
                if len(node) == 3:
                    columns.setdefault(node[0], len(columns))
        feature, present, absent, value, roots = [], [], [], [], []
        depth = 0
        for tree in trees:
            offset = len(feature)
            roots.append(offset)
            for at, node in enumerate(tree):
                split = len(node) == 3
                feature.append(columns[node[0]] if split else len(columns))
                present.append(offset + node[1] if split else offset + at)
                absent.append(offset + node[2] if split else offset + at)
                value.append(0.0 if split else float(node[0]))
            depth = max(depth, _tree_depth(tree))
        return cls(columns, np.array(feature, dtype=np.intp), np.array(present, dtype=np.intp),
                   np.array(absent, dtype=np.intp), np.array(value), np.array(roots, dtype=np.intp), depth)

    def log_odds(self, features: list[str]) -> float:
        """The sum of every tree's leaf for a quote with these features (in tree order, as the
        training script's check against scikit-learn sums them)."""
        mask = np.zeros(len(self.columns) + 1, dtype=bool)
        mask[[self.columns[f] for f in features if f in self.columns]] = True
        nodes = self.roots
        for _ in range(self.depth):
            nodes = np.where(mask[self.feature[nodes]], self.present[nodes], self.absent[nodes])
        return sum(self.value[nodes].tolist())


def _tree_depth(tree: Tree, at: int = 0) -> int:
    node = tree[at]
    return 0 if len(node) == 1 else 1 + max(_tree_depth(tree, node[1]), _tree_depth(tree, node[2]))


@dataclass(frozen=True)
class QuoteModel:
    """A logistic model over a finished quote's features (how it was found, its cue, how its
    speaker was resolved) and boosted trees on top of it, which read the combinations of features
    the sum of weights cannot ("this cue with this route"): the calibrated probability that the
    quote and its speaker are right. `scripts/train_quote_confidence.py` fits both on the
    realnews-silver training annotations."""

    weights: dict[str, float]
    bias: float
    trees: tuple[Tree, ...] = ()

    @functools.cached_property
    def ensemble(self) -> TreeEnsemble | None:
        return TreeEnsemble.compile(self.trees) if self.trees else None

    def score(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        if self.ensemble is not None:
            z += self.ensemble.log_odds(features)
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@functools.cache
def quote_model(path: Path = DATA / "quote_model.json") -> QuoteModel | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return QuoteModel(weights=data["weights"], bias=data["bias"], trees=tuple(data.get("trees", ())))


MODALS = {"will", "would", "could", "may", "might", "should", "can", "must"}


def _bucket(n: int) -> int:
    return min(6, n.bit_length())


def quote_features(a: Attribution, kind: str, found: Resolution, speaker_kind: str, doc: Doc, text: str,
                   others: list[Attribution], quotes: list[tuple[int, int]]) -> list[str]:
    """What the confidence model reads of a quote: lemmas, labels and coarse shape, no text."""
    cue = a.cue
    lemma = ":" if cue is not None and cue.text == ":" else (cue.lemma_.lower() if cue is not None else "none")
    features = [f"origin={a.origin}", f"cue={lemma}", f"origin|cue={a.origin}|{lemma}", f"kind={kind}",
                f"route={found.route}", f"origin|kind={a.origin}|{kind}", f"route|kind={found.route}|{kind}",
                f"len={_bucket(len(text[a.start : a.end].split()))}"]
    if a.framed:
        features.append("framed")
    if a.coordinated:
        features.append("coordinated")
    shape = content_shape(doc, (a.start, a.end))
    features += [f"shape={shape}", f"cue|shape={lemma}|{shape}", f"origin|shape={a.origin}|{shape}"]
    if _in_headline(text, a.start):
        features.append("headline")  # a headline's words are not a quote
    words = [w for w in text[a.start : a.end].split() if w[:1].isalpha()]
    if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
        features.append("title_case")  # "Says He Never Pledged To …": a headline wherever it stands
    if cue is not None and _inside((cue.idx, cue.idx + 1), quotes):
        features.append("cue_quoted")
    if a.cue_score is not None:
        features.append(f"cue_score={int(a.cue_score * 5)}")
        features.append(f"cue_score10={int(a.cue_score * 10)}")
    if cue is not None and cue.text != ":":
        features += [f"cue_dep={cue.dep_}", f"cue_tag={cue.tag_}"]
        aux = {c.lower_ for c in cue.children if c.dep_ in {"aux", "neg"}}
        if aux & MODALS:
            features.append("modal")
        if any(c.dep_ == "neg" for c in cue.children):
            features.append("negated")
        if any(o is not a and o.start <= cue.idx < o.end for o in others):
            # a stance candidate inside someone's reported words is mostly that speaker's claim
            features += ["cue_in_content", f"origin|cue_in_content={a.origin}"]
    features.append(f"speaker_kind={speaker_kind}")
    klass = cue_class(lemma, a.origin)
    features += [f"cue_class={klass}", f"cue_class|shape={klass}|{shape}", f"route|origin={found.route}|{a.origin}",
                 f"route|shape={found.route}|{shape}"]
    features += _sentence_features(doc, a)
    if a.source is not None:
        span = doc.char_span(*a.source, alignment_mode="expand")
        if span is not None and len(span):
            head = span.root
            features += [f"src_pos={head.pos_}", f"src_ent={head.ent_type_ or 'none'}",
                         f"src_tag={head.tag_}", f"src_len={_bucket(len(span))}"]
            if head.pos_ == "PRON":
                features.append(f"src_pron={head.lower_}")
            elif head.pos_ == "NOUN":
                features += [f"src_lemma={head.lemma_.lower()}", f"src_noun={source_noun_class(head.lemma_.lower())}"]
            if cue is not None and head.i > cue.i:
                features.append("src_after")
    else:
        features.append("src=none")
    return features


HEADLINE_MAX_WORDS = 30  # 692 of the 723 multi-paragraph training articles open with a shorter paragraph


def _in_headline(text: str, start: int) -> bool:
    """Whether a quote starts in the article's headline: its first paragraph, when more follow and
    it is headline-sized. An article that came as one block of text has no headline the text
    shows; reading all of it as one would mark every quote in it as a headline's words."""
    first = text.find("\n\n")
    return 0 <= start < first and len(text[:first].split()) <= HEADLINE_MAX_WORDS


def cue_class(lemma: str, origin: str) -> str:
    """How strongly the lexicon marks a cue as speech: a plain speech verb ("said", "told"), one
    that needs a that-clause or a quotation ("show", "believe"), one read through a frame (object,
    infinitive, preposition, rest of the sentence), or a verb the lexicon does not list (the cue
    model's candidates). Rare lemmas share their class's weight."""
    if origin not in {"verb", "split", "inverted"}:
        return origin
    lexicon = cue_lexicon()
    if lemma in lexicon.needs_content:
        return "needs_content"
    for name, verbs in (("object", lexicon.object_frame), ("xcomp", lexicon.xcomp_frame),
                        ("prep", lexicon.prep_frame), ("rest", lexicon.rest_frame)):
        if lemma in verbs:
            return name
    return "speech" if lemma in lexicon.verbs else "unlisted"


def source_noun_class(lemma: str) -> str:
    """What a common-noun source is by the role lexicon: a role that names a person ("the
    senator"), an organisation, a document, the press, a proxy ("her campaign"), or none of these
    ("the ruling", "the town"): a source that is no speaker at all. Rare nouns share their class's
    weight."""
    roles = role_lexicon()
    for name, nouns in (("role", roles.classes), ("organisation", roles.organisation_nouns),
                        ("document", roles.document_nouns), ("media", roles.media_nouns),
                        ("proxy", roles.proxies)):
        if lemma in nouns:
            return name
    return "other"


def _sentence_features(doc: Doc, a: Attribution) -> list[str]:
    """How much of its sentence a quote's content covers: reported speech mostly fills its clause
    beside the cue, a stance candidate's object is a short piece of a longer sentence."""
    tokens = doc.char_span(a.start, a.end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return []
    sent = tokens[0].sent
    share = len(tokens) / max(1, len(sent))
    return [f"cover={min(4, int(share * 5))}"]


def content_shape(doc: Doc, span: tuple[int, int]) -> str:
    """The grammatical shape of what a quote says: a clause with its own subject ("said he would
    go"), a that/whether clause, an infinitive ("wants to be president"), a gerund, a noun phrase
    ("criticised the plan"), or another part of speech. Reported speech is mostly a clause; a
    stance verb's infinitive or noun phrase is often an action or a wish, not an attribution."""
    tokens = doc.char_span(*span, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return "empty"
    first, root = tokens[0], tokens.root
    if first.lower_ in {"that", "whether", "if"} and first.dep_ == "mark":
        return "that"
    if first.lower_ == "to" and first.tag_ == "TO" and first.i + 1 < len(doc) and doc[first.i + 1].tag_ == "VB":
        return "infinitive"
    if root.pos_ in {"VERB", "AUX"}:
        if any(c.dep_ in SUBJECT_DEPS and c.i >= tokens.start for c in root.children):
            return "clause"
        return "gerund" if root.tag_ == "VBG" else "verb"
    if root.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
        return "np"
    return f"other:{root.pos_}"


def context_features(a: Attribution, found: Resolution, mentions: int, others: list[Attribution],
                     resolved: dict[int, Resolution], paragraphs: list[tuple[int, int]]) -> list[str]:
    """What the rest of the article says about a quote: how often its speaker is quoted and named,
    whether other attributions claim the same words (with the same speaker or another), and how far
    into the article it stands."""
    features = []
    if found.actor is not None:
        same = sum(1 for o in others if o is not a and resolved[id(o)].actor == found.actor)
        features += [f"speaker_quotes={min(3, same)}", f"speaker_mentions={_bucket(mentions)}"]
    rivals = [o for o in others if o is not a
              and 2 * _overlap((a.start, a.end), (o.start, o.end)) >= min(a.end - a.start, o.end - o.start)]
    features.append(f"overlaps={min(2, len(rivals))}")
    if any(resolved[id(o)].actor is not None and resolved[id(o)].actor == found.actor for o in rivals):
        features.append("overlap_same_speaker")
    # a stance candidate whose cue lies inside this quote's words is a piece of what this speaker
    # said, not a second claim on the stretch; this quote's own cue inside another's reported words
    # makes it such a piece
    other = [o for o in rivals if resolved[id(o)].actor != found.actor]
    held = [(o, _held_in(o, a)) for o in other]
    if any(how is None for _o, how in held):
        features.append("overlap_other_speaker")
    features += sorted({f"holds_other_{how}" for _o, how in held if how is not None})
    features += sorted({f"{how}_of_other" for how in (_held_in(a, o) for o in other) if how is not None})
    if a.cue is not None and a.cue.text != ":" and a.end <= a.cue.idx:
        features.append("content_before_cue")
    paragraph = next((i for i, (s, e) in enumerate(paragraphs) if s <= a.start < e + 2), 0)
    # one block of text (no paragraph breaks) says nothing about where in the story a quote stands
    features.append(f"paragraph={_bucket(paragraph)}" if len(paragraphs) > 1 else "paragraph=single")
    features += _passage_features(a, found, others, resolved, paragraphs[paragraph] if paragraphs else (0, 0))
    return features


STANCE_ORIGINS = frozenset({"model", "noun"})  # stance candidates and cue nouns: no reported speech of their own


def _held_in(inner: Attribution, outer: Attribution) -> str | None:
    """How `inner` lies inside `outer`'s reported words, if its cue does: a stance candidate there
    is a piece of what the outer speaker said ("she said Obama wants to …"), reported speech with a
    source inside those words is speech the outer speaker reports ("police said a witness told
    them …"); neither is a rival claim on the stretch."""
    if outer.origin in STANCE_ORIGINS or inner.cue is None or not outer.start <= inner.cue.idx < outer.end:
        return None
    if inner.origin in STANCE_ORIGINS:
        return "piece"
    if inner.source is not None and outer.start <= inner.source[0] < outer.end:
        return "reported"
    return None


def _passage_features(a: Attribution, found: Resolution, others: list[Attribution],
                      resolved: dict[int, Resolution], paragraph: tuple[int, int]) -> list[str]:
    """Whether the other attributions of the quote's paragraph (apart from those claiming the same
    words) give the same speaker: a passage mostly reports one speaker, so a quote whose speaker
    no neighbour shares is more often a misread source."""
    start, end = paragraph
    neighbours = [resolved[id(o)].actor for o in others if o is not a and start <= o.start < end + 2
                  and _overlap((a.start, a.end), (o.start, o.end)) == 0]
    if not neighbours:
        return ["passage=alone"]
    same = found.actor is not None and found.actor in neighbours
    other = any(n is not None and n != found.actor for n in neighbours)
    return [f"passage={'same' if same else 'none'}{'+other' if other else ''}"]


def scored_quotes(doc: Doc, records: ArticleRecords, one_per_stretch: bool = True) -> list[tuple[Quote, list[str]]]:
    """Every quote of the article with the features its confidence is computed from; where two
    give one stretch of text different speakers, only the more confident stays (unless
    `one_per_stretch` is off: the confidence model is trained on them all)."""
    text = doc_text(doc)
    attributions, quotes = find_attributions(doc, text, cue_model())
    resolver = SpeakerResolver(doc, records, text)
    model = quote_model()
    article_id = records.article.id
    out: list[tuple[Quote, list[str]]] = []
    resolved: dict[int, Resolution] = {}
    for a in attributions:
        if a.speaker_from is not None:
            earlier = resolved.get(id(a.speaker_from), Resolution(None, 0.0, "none"))
            # a speaker kept as written ("the organizers") goes on as written
            written = (earlier.written or a.speaker_from.source) if earlier.actor is None else None
            found = Resolution(earlier.actor, earlier.confidence * 0.8, "continuation", written=written)
        elif a.origin == "tweet" and a.source is not None:
            found = Resolution(_handle_owner(text[a.source[0] : a.source[1]], records), 0.9, "tweet")
        elif a.source is not None:
            reported = a.cue is not None and any(o is not a and o.start <= a.cue.idx < o.end for o in attributions)
            found = resolver.resolve(a.source, a.start, reported, a.cue)
        else:
            found = resolver.passage(a.start)
        resolved[id(a)] = found
    attributions = [a for a in attributions if not _relayed(a, attributions, resolved, resolver)]
    paragraphs = paragraph_bounds(text)
    for n, a in enumerate(attributions, start=1):
        found = resolved[id(a)]
        actor = records.actor(found.actor)
        own_words = a.direct_parts or a.origin in {"tweet", "signature"}
        kind = "direct" if own_words else quote_kind(text, (a.start, a.end), quotes)
        features = quote_features(a, kind, found, actor.kind if actor else "none", doc, text, attributions, quotes)
        features += context_features(a, found, actor.mention_count if actor else 0, attributions, resolved, paragraphs)
        if found.actor is not None and found.route not in {"name", "apposition"} and a.source is not None:
            features.append(f"rivals={min(2, resolver.rivals(found.actor, a.source[0]))}")
        if found.actor is not None and found.support is not None:
            agree, dissent = found.support
            features += [f"agree={agree}", f"route|agree={found.route}|{agree}"]
            if dissent:
                features.append("agree_dissent")
        confidence = model.score(features) if model is not None else found.confidence
        cue = a.cue
        cue_text = None
        if cue is not None and a.cue_end is not None:
            aux_start = min([c.idx for c in cue.children if c.dep_ in {"aux", "neg"} and c.i < cue.i] + [cue.idx])
            cue_text = text[aux_start : a.cue_end]
        addressee = text[a.addressee[0] : a.addressee[1]] if a.addressee else None
        # a pronoun standing for a phrase that names no actor is that phrase as written ("they" → "Sanders supporters")
        source = found.written or a.source
        quote = Quote(
            id=child_id(article_id, "q", n),
            article_id=article_id,
            kind=kind,  # type: ignore[arg-type]
            start=a.start,
            end=a.end,
            text=text[a.start : a.end],
            cue_start=(a.cue_end - len(cue_text)) if cue_text and a.cue_end else None,
            cue_end=a.cue_end if cue_text else None,
            cue=cue_text,
            cue_lemma=cue.lemma_.lower() if cue is not None else None,
            source_start=source[0] if source else None,
            source_end=source[1] if source else None,
            source=text[source[0] : source[1]] if source else None,
            speaker_id=found.actor,
            speaker=actor.name if actor else None,
            addressee=addressee,
            addressee_id=resolver.actor_at(a.addressee) if a.addressee else None,
            confidence=round(confidence, 2),
        )
        out.append((quote, features))
    return one_speaker_per_stretch(out) if one_per_stretch else out


def _relayed(a: Attribution, attributions: list[Attribution], resolved: dict[int, Resolution],
             resolver: SpeakerResolver) -> bool:
    """"According to the Star, Salceda said …": an "according to" that hangs on a speech verb
    whose own source is a person only says where the person's words were read; the words are the
    person's (the verb's own attribution), not the outlet's."""
    if a.origin != "phrase" or a.cue is None:
        return False
    verb = a.cue.head
    return any(o.cue is not None and o.cue.i == verb.i and o.origin == "verb"
               and resolver.kinds.get(resolved[id(o)].actor or "") == "person" for o in attributions)


def _speaker_key(q: Quote) -> str:
    return q.speaker_id or " ".join((q.source or "").lower().split())


# The rules that find reported speech itself (a cue verb or phrase and the words beside it), as the
# confidence features name them: not the cue model's stance candidates, cue nouns or continuations.
REPORTED_ORIGINS = frozenset({"origin=verb", "origin=quoted", "origin=phrase", "origin=inverted", "origin=split",
                              "origin=colon"})


def _reports_inside(inner: Quote, inner_features: list[str], outer: Quote) -> bool:
    """Whether `inner` is speech reported inside `outer`'s content ("police said a witness told them
    …"): its cue lies in that content, is a speech verb of the lexicon, was found as reported speech
    and has a source of its own. A stance candidate ("said the council plans to …", "urged X to
    focus on …") or a sourceless cue ("he said he is being asked about …") inside another's words
    is part of what the outer speaker said, not a second speaker of the same stretch."""
    return (
        inner.cue_start is not None
        and outer.start <= inner.cue_start < outer.end
        and inner.cue_lemma in cue_lexicon().verbs
        and not REPORTED_ORIGINS.isdisjoint(inner_features)
        and "src=none" not in inner_features
    )


def _co_speakers(q: Quote, q_features: list[str], k: Quote, k_features: list[str]) -> bool:
    """Two records of one attribution with a coordinated source: the same words, cue and rule."""
    return ("coordinated" in q_features and "coordinated" in k_features
            and (q.start, q.end, q.cue_start) == (k.start, k.end, k.cue_start))


def one_speaker_per_stretch(quotes: list[tuple[Quote, list[str]]]) -> list[tuple[Quote, list[str]]]:
    """One stretch of text, one speaker: a quote that covers at least half of a more confident
    one (or is half covered by it) goes, unless one reports speech inside the other's content
    (`_reports_inside`)."""
    def clash(q: Quote, features: list[str], k: Quote, k_features: list[str]) -> bool:
        shared = _overlap((q.start, q.end), (k.start, k.end))
        if 2 * shared < min(q.end - q.start, k.end - k.start):
            return False
        if _speaker_key(q) == _speaker_key(k):
            return False  # the same speaker twice is no contradiction
        if _co_speakers(q, features, k, k_features):
            return False  # "China and Russia said": both say it
        return not (_reports_inside(q, features, k) or _reports_inside(k, k_features, q))

    # a record whose source and cue both lie inside the words of one it clashes with is part of
    # what that one's speaker said ("The MP said that X has likely realised that …"): it yields,
    # however confident
    nested = {id(q) for q, features in quotes for k, k_features in quotes
              if q.cue_start is not None and q.source_start is not None and k.start <= q.cue_start < k.end
              and k.start <= q.source_start < k.end and clash(q, features, k, k_features)}
    kept: list[tuple[Quote, list[str]]] = []
    for q, features in sorted(quotes, key=lambda x: (id(x[0]) in nested, -x[0].confidence, x[0].start)):
        if not any(clash(q, features, k, k_features) for k, k_features in kept):
            kept.append((q, features))
    kept.sort(key=lambda x: x[0].start)
    return kept


@register_stage("quotes", fills=("quotes",))
def extract_quotes(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    return {"quotes": [q for q, _features in scored_quotes(doc, records)]}
