"""Events: who did what to whom, coded to PLOVER, from verb and noun patterns over the parse.

Triggers come from the lexicon (`data/events/lexicon.yaml`, see `event_patterns.py`):
- a verb sense: the source is the verb's subject — inherited through infinitives, participles and
  coordinated verbs ("migrants seen hurling stones", "promised to aid them") — or, in the passive,
  its `by` agent ("sanctions imposed by the EU"); the targets are its object (the passive subject),
  its indirect object and the objects of its target prepositions. When the sense names the object
  ("impose sanctions", "hurl stones", "use water cannons") the object is what is done, and the
  target is the object of a preposition ("on", "at", "to" …) or of the purpose clause ("to push the
  migrants back");
- an event noun ("protests", "talks", "sanctions"): the source is its possessor, nationality,
  `by`/`from` phrase, or the subject of the light verb it is the object of ("held talks") or the
  complement of ("are in talks"); the subject of a verb like "suffer" is its target;
- two constructions over reports: a report of what someone must do is a REQUEST by the reporter
  ("The MP said there need to be sanctions imposed on Lukashenko's inner circle"), and calling an
  actor a dictator, a criminal, illegitimate … is an ACCUSE (disapprove).
Coordinated sources and targets give one event each ("Poland, Latvia and Lithuania are in talks").
Negation, modality and tense are kept as attributes: `negated`, `hypothetical` (a modal, a
condition, or a verb of intention above the trigger: "promised to aid" makes the aid hypothetical),
`future` (will, shall, going to).

Arguments are coded with the actor they mention (`records.mentions`), else from their own words
("Polish soldiers" → POL MIL), a possessor ("Lukashenko's inner circle" → BLR) or the place
(`records.places`) they name, or the actor in their complement ("the return of U.N. inspectors").
"I"/"we" inside a quote are its speaker. An agent without a country acting in a named country takes
that country ("forced to land in Belarus by a fighter jet"). See docs/events.md.
Each event takes the date expression of its sentence (else the publication date), its nearest place
and the quote it is reported in. When `context.dictionaries` is set, events coded by the PETRARCH
dictionaries are added (`petrarch_events`).

Verbs the lexicon lacks come from the CAMEO table (`cameo_verbs.yaml`) or, for strongly valenced verbs
done to someone, from VADER (`valence_events`). Triggers from those broad sources and nouns of listed
verbs must pass the learned trigger classifier (`event_triggers.py`, `_judged`). The learned type classifier
(`event_types.retyped`) then decides the type of those broad-source senses, and of a lexicon sense only
when it is very sure. Not events:
that-clauses of non-clausal senses, market moves, link furniture, acts with no participant.
Statements of one act (same type, agreeing sides; the headline's act and its first restatement with
its target) are merged into one event with `mentions` (`merge_mentions`). Each event's `confidence` is
the learned, calibrated model of `event_model.json` over `event_features` (`event_confidence.py`,
scripts/train_event_model.py).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from chronicle.extract.codes import NOT_LOCAL_SECTORS, Code, agents, capital_of, city_country, code_tokens, country_of
from chronicle.extract.event_confidence import event_features, salience, setting, with_article_features
from chronicle.extract.event_patterns import (
    Sense,
    agent_noun_sense,
    cameo_to_plover,
    event_model,
    lexicon,
    noun_sense,
    verb_sense,
    wordnet_hints,
)
from chronicle.extract.event_syntax import (
    FINITE,
    NAMED,
    NOT_ACTORS,
    OBJECT_DEPS,
    SUBJECT_DEPS,
    antecedent,
    attributes,
    conjuncts,
    is_infinitive,
    is_passive,
    is_someone,
    object_of_prep,
    objects_of,
    pobjs,
    prep_targets,
    scan_target,
    semantic_head,
    sent_of,
    sentences,
    subject_of,
    subtree_through,
)
from chronicle.extract.event_time import event_date
from chronicle.extract.event_triggers import CLASSES as TRIGGER_CLASSES
from chronicle.extract.event_triggers import proposed_sense, second_opinion, trigger_probabilities
from chronicle.extract.event_types import act_sense, retyped
from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.extract.tone import STRONG_VALENCE, analyzer, word_valence
from chronicle.nlp.text import doc_text, span_text
from chronicle.records import Actor, ArticleRecords, Event, EventMention, Quote, child_id

FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
# entity types that are never participants ("on Friday" is not a target)
NOT_PARTICIPANTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
# event types whose place is what they are aimed at ("protests in Serbia", "on alert in the West Bank")
LOCATED_TYPES = {"PROTEST", "MOBILIZE", "COERCE"}
REPORTED_TONE = (-0.3, 0.6)
"""A reported clause about someone whose VADER compound is at most the first is a disapproval, at
least the second a praise (silver, everything: 24 such events of which 5 right at -0.3; -0.2 and -0.45
alike; praise is rarer and less sure)."""
JUDGING_PREPS = frozenset({"of", "to", "toward", "towards", "about", "with", "in"})
"""Prepositions by which a judging adjective names whom it is about ("critical of", "loyal to",
"disappointed in", "furious with")."""
# rule senses the trigger classifier judges: the word itself says the act (not a report or a naming)
JUDGED_ORIGINS = {"cameo", "cameo-material", "derived-noun", "wordnet-noun", "valence"}
# senses of a bare verb of a deed, which say an act only when a resolved actor does it (`_has_participants`)
BARE_DEED_ORIGINS = {"cameo-material", "wordnet-verb"}
# verbs whose object event noun their subject would do: "proposed a ban on X", "vowed a crackdown"
PROPOSING = {"propose", "plan", "promise", "pledge", "vow", "threaten", "consider", "prepare", "intend", "mull",
             "announce", "order"}
# verbs of making a message public: their subject is the author of what they publish
PUBLISHING = {"release", "publish", "issue", "post", "air", "run", "send", "write", "produce", "unveil", "launch",
              "tweet", "broadcast", "circulate", "distribute", "file", "submit", "deliver", "sign", "pen"}
# subordinators of clauses that say when or why, not to whom ("after the candidate suggested …")
CIRCUMSTANCE = {"after", "before", "because", "since", "while", "when", "although", "though", "until", "once",
                "as", "whereas", "whenever"}
# acts coordinated parties do with each other: "Seoul and Tokyo met" is Seoul meeting Tokyo
RECIPROCAL_TYPES = {"CONSULT", "COOPERATE", "AGREE", "FIGHT"}
# types of material acts: done to someone, not said ("released a statement" is no release)
MATERIAL_TYPES = {"RETREAT", "AID", "COOPERATE", "CONCEDE", "COERCE", "ASSAULT", "SANCTION", "MOBILIZE"}
# prepositions through which a thing names the actor it stands for ("a meeting with Trump", "a letter
# from Exxon", "the handling of the crisis by the governor")
ACTOR_PREPS = {"with", "from", "by", "of", "to", "against", "for"}
# and, for a target, through what an act is aimed at ("tariffs on imports from China", "an inquiry into
# the group's finances", "a campaign aimed at Ruiz")
AIM_PREPS = {"on", "into", "at", "toward", "towards", "over", "about", "upon"}
LOCATIVE = {"in", "near", "of", "at", "from", "outside", "inside", "around"}
DESCEND_PREPS = {"of", "in", "from", "by", "for", "against", "with", "on", "at", "near", "inside", "to", "into",
                 "among", "between"}


@dataclass(frozen=True)
class Argument:
    token: Token
    actor_id: str | None
    text: str
    code: Code
    kind: str | None = None


@dataclass(frozen=True)
class Found:
    """An event before it becomes a record: trigger, sense, arguments and attributes."""

    trigger: Token
    sense: Sense
    source: Token | None
    target: Token | None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    locations: tuple[Token, ...] = ()
    """Where it happened, as written ("in Hong Kong", "at a jail in Dili"), in order of attachment."""
    outer_source: Token | None = None
    """The subject one clause up, for when the parser coordinated the trigger with the wrong verb
    and `source` turns out to be the target itself ("they have a right … and promised to aid them")."""


# --- finding events ------------------------------------------------------------------------------

def verb_events(verb: Token, proposed: Sense | None = None) -> list[Found]:
    """The verb's events under its lexicon sense, or under the sense the trigger classifier proposes."""
    if verb.dep_ == "prep":
        return []  # a participle used as a preposition: "according to", "following", "including"
    objects = objects_of(verb)
    sense = proposed or verb_sense(verb, objects[0] if objects else None)
    if sense is None:
        return []
    lex = lexicon()
    if not objects and sense.type not in lex.clause_taking and _says_that(verb):
        return []  # "recognized that …", "agreed that …": knowing or saying, not an act
    targets: list[Token] = []
    source = subject_of(verb)  # the `by` agent of a passive
    theme = objects[0] if objects and (sense.has_theme or not sense.object_is_target) else None
    if objects and theme is None:
        targets.append(objects[0])
    targets += [c for c in verb.children if c.dep_ == "dative" and c.pos_ in {"NOUN", "PROPN", "PRON"}]
    holders = [verb] + ([theme] if theme is not None else [])
    if objects and theme is None and is_someone(objects[0]) and objects[0].lower_ != "you":
        # one done to, named as the object (or passive subject): the verb's prepositions say where, with
        # what or for what ("arrested Ana at a school", "charged him with fraud", "were attacked with a
        # nerve agent"), not to whom else
        holders = []
    for holder in holders:
        targets += prep_targets(holder, sense.preps)
    if not targets and sense.type == "THREATEN":
        # "threatened to … unless Baghdad accepted": whoever must give in is the target
        targets += [c for clause in [verb, *(x for x in verb.children if x.dep_ == "xcomp")]
                    for cond in clause.children if cond.dep_ == "advcl"
                    and any(m.lower_ in {"unless", "if"} for m in cond.children if m.dep_ == "mark")
                    for c in cond.children if c.dep_ in SUBJECT_DEPS][:1]
    if not targets and theme is not None and lex.nouns.get(theme.lemma_.lower()):
        # "mounted its invasion of South Lebanon": the event noun's own target
        noun = lex.nouns[theme.lemma_.lower()]
        targets += prep_targets(theme, noun.preps | ({"of"} if noun.of == "target" else frozenset()))
    if not targets and sense.type == "REQUEST":
        # "demanded that the US cancel …", "called for the US to halt …": the one who is to act
        targets += [c for clause in verb.children if clause.dep_ in {"ccomp", "advcl"} for c in clause.children
                    if c.dep_ in SUBJECT_DEPS | {"nsubjpass"} and c.lower_ not in NOT_ACTORS]
    if not targets and sense.type == "ACCUSE" and sense.mode != "investigate":
        # "charged that Ana Ruiz hid the files", "complained that the committee had limited …": the one the
        # clause blames, when it names someone
        targets += [c for clause in verb.children if clause.dep_ == "ccomp" for c in clause.children
                    if c.dep_ in SUBJECT_DEPS and is_someone(c) and c.lower_ not in FIRST_PERSON][:1]
    if not targets and not objects and sense.object_is_target:
        # "willing to back Trump" parsed with the name as a modifier of "willing": a name right after a
        # verb that lacks its object is the object
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        while after is not None and after.dep_ == "compound" and after.head.i > after.i:
            after = after.head
        if (after is not None and after.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} and after.pos_ == "PROPN"
                and after.dep_ in {"npadvmod", "advmod", "dep", "oprd"}):
            targets.append(after)
    if not targets and sense.type == "REQUEST":
        # "called for the resignation of X": whom the act demanded concerns
        targets += [t for c in verb.children if c.dep_ in {"prep", "prt"} and c.lower_ == "for"
                    for o in pobjs(c) if not is_someone(o) for t in _attached(o, aimed=True) if is_someone(t)][:1]
    if not targets:
        # an intention's infinitive or an instrument's purpose clause carries the target
        for clause in (c for c in verb.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and is_infinitive(c))):
            inner = objects_of(clause) + prep_targets(clause, lex.target_preps)
            named = [t for t in inner if t.ent_type_ in NAMED]
            if inner:
                targets.append((named or inner)[0])
                break
    if not targets and (objects or theme is not None):
        start = (theme if theme is not None else objects[0]).i
        found = scan_target(verb.doc, start, sent_of(verb).end, sense.preps)
        if found is not None:
            targets.append(found)
    if not targets and theme is not None and any(t.ent_type_ in NAMED for t in theme.subtree):
        targets.append(theme)  # "blocked the Europe Bridge … from France to Germany": what was blocked
    targets = [t for t in targets if t.ent_type_ not in NOT_PARTICIPANTS and t.lower_ not in NOT_ACTORS]
    negated, hypothetical, future = attributes(verb)
    locations = tuple(o for h in [verb, *(c for c in verb.children if c.dep_ in {"xcomp", "dobj"})]
                      for c in h.children if c.dep_ == "prep" and c.lower_ in {"in", "inside", "at"} for o in pobjs(c)
                      if o not in targets)
    outer = None
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp":
        outer = subject_of(verb.head.head)
    return [Found(verb, sense, s, t, negated, hypothetical, future, locations, outer)
            for s in (participants(source, sense) if source is not None else [None])
            for t in ([c for target in targets for c in participants(target, sense)] or [None])]


def _says_that(verb: Token) -> bool:
    """The verb takes a finite clause as its complement ("recognized that Austrians were …")."""
    return any(c.dep_ == "ccomp" and (any(m.dep_ == "mark" for m in c.children) or c.tag_ in FINITE | {"MD"}
                                       or any(a.dep_ == "aux" and a.tag_ in FINITE | {"MD"} for a in c.children))
               for c in verb.children)


def participants(token: Token, sense: Sense) -> list[Token]:
    """The token and its conjuncts, without what the sense names as the thing done ("migrants hurling
    stones and stun grenades" misparsed as "migrants … and stun grenades")."""
    token = antecedent(semantic_head(token))
    return [c for c in conjuncts(token) if c.lemma_.lower() not in sense.objects or c is token]


def noun_events(noun: Token, used: set[int], proposed: Sense | None = None) -> list[Found]:
    """The noun's events under its lexicon sense, or under the sense the trigger classifier proposes."""
    sense = proposed or noun_sense(noun)
    if sense is None or noun.i in used:
        return []
    lex = lexicon()
    source: Token | None = None
    undergoer: Token | None = None
    targets: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" and sense.of == "target" and sense.type in MATERIAL_TYPES:
            # "the hostages' release", "following Assange's arrest"; a word act's possessor does it
            # ("its investigation into …", "her criticism of …")
            undergoer = antecedent(child)
        elif child.dep_ == "poss" or (child.dep_ in {"compound", "amod", "nmod"} and child.text[:1].isupper()):
            source = source or antecedent(child)  # "Vance, whose criticism of …": Vance
        elif child.dep_ == "prep":
            objs = pobjs(child)
            if child.lower_ in {"by", "from"} and objs:
                source = objs[0]
            elif child.lower_ == "of" and objs and sense.of in {"source", "target"}:
                if sense.of == "source":
                    source = objs[0]
                else:
                    targets.append(objs[0])
            elif child.lower_ in sense.preps and objs:
                targets.append(semantic_head(objs[0]))
    source = source or _stray_agent(noun)
    pair = _hyphen_pair(noun) if sense.type in RECIPROCAL_TYPES and not targets else None
    if pair is not None:  # "the Varnia-Peru summit": the first meets the second
        source, targets = pair[0], [pair[1]]
    if undergoer is not None:  # with its undergoer named elsewhere, the possessor is the doer ("Trump's ban on X")
        if targets:
            source = source or undergoer
        else:
            targets.append(undergoer)
    if noun.dep_ == "compound" and not targets:
        targets += prep_targets(noun.head, sense.preps)  # "a mediation mission between Syria and …"
    if not targets:
        # "a suspension of air links with Serbia"
        targets += [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                    for o in pobjs(c) for t in prep_targets(o, sense.preps)]
    head = noun.head if noun.dep_ == "compound" else noun  # "launched a mediation effort"
    head = _container(head)
    source = source or _relative_doer(noun)
    governor, clause = head.head, head
    if head.dep_ == "pobj":
        clause, governor = head.head, head.head.head  # "in talks", "under sanctions"
    lemma = governor.lemma_.lower()
    received = _received(head, governor, source, sense) if not targets else None
    if received is not None:  # "Cruz picked up an endorsement from Pence": Pence endorses Cruz
        source, recipient = received
        targets.append(recipient)
    undergone = _undergone(clause, governor) if not targets else None
    if undergone is not None:
        targets.append(undergone)
    if governor.pos_ in {"VERB", "AUX"}:
        sufferer = subject_of(governor) if lemma in lex.suffer_verbs and not targets else None
        if sufferer is not None:
            targets.append(sufferer)
        if source is None and (sufferer is not None or undergone is not None):
            # "received strong backing from the US", "came under criticism from Democrats": the parser
            # hangs the doer on the verb the undergoer is the subject of
            source = next((o for c in governor.children if c.dep_ in {"prep", "agent"}
                           and c.lower_ in {"from", "by"} for o in pobjs(c)), None)
        elif (source is None or _bound_possessive(source)) and (
            (head.dep_ in OBJECT_DEPS and (_light(governor, head) or lemma in PROPOSING))
            or (clause.dep_ == "prep" and clause.lower_ in {"in", "into", "on"}
                and lemma in {"be", "engage", "join", "take", "remain", "stay", "go", "participate"})
            or (clause.dep_ == "prep" and clause.lower_ == "for" and lemma in lex.gather_verbs)
            or (clause.dep_ == "prep" and clause.lower_ == "with" and not is_passive(governor))
        ):  # "responded with sharp criticism of …": the responder criticises
            # a possessive pronoun on the noun is the doer's own ("groups that threw their support to
            # her"): the verb's subject says who, whatever coreference made of the pronoun
            source = subject_of(governor) or source
    if not targets and governor.pos_ == "VERB" and (
            (noun.dep_ in OBJECT_DEPS and (lemma in lex.light_verbs or _light(governor, noun)))
            or noun.dep_ == "nsubjpass"):
        # "imposed sanctions on X", "threw their support to X"; "sanctions are expected to be implemented
        # against X"
        for holder in [governor, *(c for c in governor.children if c.dep_ == "xcomp")]:
            targets += prep_targets(holder, sense.preps)
        if noun.dep_ == "nsubjpass":
            targets = [t for t in targets if t.pos_ != "NOUN" or t.lemma_.lower() not in {"border", "area"}]
    location = None
    if sense.type in LOCATED_TYPES and not targets:
        holders = [noun, governor] if governor.pos_ in {"VERB", "AUX"} else [noun]
        location = next((o for h in holders for c in h.children
                         if c.dep_ == "prep" and c.lower_ in {"in", "throughout", "across"} for o in pobjs(c)), None)
        if location is not None:
            targets.append(location)
    targets = [t for t in targets if t.ent_type_ not in NOT_PARTICIPANTS and t.lower_ not in NOT_ACTORS]
    if source is None and not targets:
        return []  # "the tactics of attack": an event word with no one doing it to anyone
    negated, hypothetical, future = attributes(noun)
    negated = negated or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    return [Found(noun, sense, s, t, negated, hypothetical, future, (location,) if location is not None else ())
            for s in (conjuncts(source) if source is not None else [None])
            for t in ([c for target in targets for c in conjuncts(target)] or [None])]


def _hyphen_pair(noun: Token) -> tuple[Token, Token] | None:
    """The two parties a joint act's noun names before it, joined by a hyphen ("the Varnia-Peru summit",
    "DPRK-South Korea talks"): the names on either side of the hyphen."""
    before = [t for t in noun.lefts if t.dep_ in {"compound", "nmod", "amod"}]
    words = [t for c in before for t in c.subtree]
    hyphen = next((t for t in words if t.text in {"-", "–"}), None)
    if hyphen is None or hyphen.i == 0 or noun.i - hyphen.i < 2:
        return None
    left, right = noun.doc[hyphen.i - 1], noun.doc[noun.i - 1]
    named = {"GPE", "ORG", "NORP", "PERSON"}
    return (left, right) if left.ent_type_ in named and right.ent_type_ in named else None


def _bound_possessive(token: Token) -> bool:
    """A possessive pronoun ("their support", "his attacks"): bound to the subject of the verb the noun
    is the object of."""
    return token.dep_ == "poss" and token.pos_ == "PRON"


def _stray_agent(noun: Token) -> Token | None:
    """The `by` phrase of an event noun that the parser hung elsewhere: on its `of` object ("the murder
    of Ana Ruiz by a police officer") or on the copula the noun is the subject of ("an investigation of
    X is underway by the FBI")."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in pobjs(prep):
            agent = object_of_prep(obj, {"by"})
            if agent is not None:
                return agent
    subject = noun.head if noun.dep_ == "appos" else noun  # "Complicating matters, an investigation … is"
    if subject.dep_ not in SUBJECT_DEPS or subject.head.lemma_ != "be":
        return None
    copula = subject.head
    holders = [copula, *(c for c in copula.children if c.dep_ in {"acomp", "advmod"})]
    return next((o for h in holders if (o := object_of_prep(h, {"by"})) is not None), None)


def agent_noun_events(noun: Token) -> list[Found]:
    """"Schlafly was a strong supporter of Trump", "Reyl, a critic of the mayor,": a person named by a
    stance toward someone (a noun.person noun WordNet derives from a verb of a stance type,
    `agent_noun_sense`) holds that stance toward its "of" object, as a predicate or an apposition."""
    sense = agent_noun_sense(noun.lemma_.lower())
    if sense is None or noun.dep_ not in {"attr", "appos"}:
        return []
    holder = noun.head if noun.dep_ == "appos" else subject_of(noun.head)
    target = object_of_prep(noun, {"of"})
    if holder is None or target is None or holder.lower_ in NOT_ACTORS:
        return []
    negated, hypothetical, future = attributes(noun.head if noun.dep_ == "attr" else noun)
    return [Found(noun, sense, s, t, negated, hypothetical, future)
            for s in participants(holder, sense) for t in participants(target, sense)]


def _received(noun: Token, governor: Token, source: Token | None, sense: Sense) -> tuple[Token, Token] | None:
    """(giver, recipient) of an event noun its verb's subject gets from someone else ("Clinton locked up
    endorsements from unions", "Cruz picked up an endorsement from Pence", "won the backing of the
    union", "the chancellery rejected a push by Hendricks"): with the doer named by a `from`/`by`
    phrase — on the noun, or on the verb where the parser hung it — or by the `of` phrase of a noun
    whose `of` names no undergoer, the verb's subject is not the doer but whom the act is aimed at. Not
    for a verb that does the act (light, proposing), reports or perceives it ("cited criticism from
    X"), nor for a passive."""
    lex = lexicon()
    lemma = governor.lemma_.lower()
    if (noun.dep_ not in OBJECT_DEPS or governor.pos_ != "VERB" or is_passive(governor)
            or lemma in lex.light_verbs | lex.reporting_verbs | lex.not_doing_verbs | PROPOSING):
        return None
    giver = source if source is not None and source.dep_ == "pobj" and source.head.lower_ in {"from", "by"} else None
    if source is None:
        giver = next((o for c in governor.children if c.dep_ == "prep" and c.lower_ == "from"
                      for o in pobjs(c) if _judgeable(o)), None)
    if giver is None and source is None and sense.of is None:
        of = object_of_prep(noun, {"of"})
        giver = of if of is not None and _judgeable(of) else None
    if giver is None:
        return None
    recipient = subject_of(governor)
    if recipient is None or recipient.i == giver.i or not _about_someone(recipient):
        # "his remarks buttress the contention of X": a thing gets nothing; someone's thing gets it for them
        # ("Ruiz's assertion drew rebukes from X", whose target side then stands for Ruiz: `_actor_side`)
        return None
    return giver, recipient


def _undergone(clause: Token, governor: Token) -> Token | None:
    """Who an act is done to when the clause says someone is under it or subject to it ("the ministry
    came under criticism from …", "the company was subject to criticism", "is under investigation"):
    the subject, or the object of a verb that puts someone under it ("placed him under arrest")."""
    if clause.dep_ != "prep":
        return None
    if clause.lower_ == "under" and governor.pos_ in {"VERB", "AUX"}:
        # "placed him under arrest": the one put under it is the object
        obj = next((c for c in governor.children if c.dep_ in OBJECT_DEPS), None)
        return obj if obj is not None else subject_of(governor)
    if clause.lower_ == "to" and governor.lemma_.lower() == "subject" and governor.pos_ == "ADJ":
        return subject_of(governor.head) if governor.dep_ == "acomp" else None
    return None


def _container(noun: Token) -> Token:
    """The event noun as one of a set a light verb's object counts ("launched a new round of attacks",
    "carried out a series of raids"): the set noun, whose verb then gives the doer; else the noun."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ != "NOUN":
        return noun
    holder = prep.head
    # a set noun is no act of its own: none in the lexicon (a noun only derived from a phrasal verb,
    # "round" from "round up", does not count)
    sense = noun_sense(holder)
    if sense is not None and sense.origin != "derived-noun":
        return noun
    if holder.dep_ in OBJECT_DEPS and holder.head.lemma_.lower() in lexicon().light_verbs:
        return holder
    return noun


def _relative_doer(noun: Token) -> Token | None:
    """The doer named by a relative clause that makes the act ("a lawsuit that the group brought",
    "the raids police carried out"): the clause's subject, when the noun is the clause's object and
    the clause's verb only does it (a light verb)."""
    for clause in (c for c in noun.children if c.dep_ == "relcl" and c.pos_ == "VERB"):
        objects = [c for c in clause.children if c.dep_ in OBJECT_DEPS]
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in NOT_ACTORS | {"who"} or not _light(clause, noun):
            continue
        if all(o.lower_ in {"that", "which"} for o in objects):
            return subject
    return None


def _light(verb: Token, noun: Token) -> bool:
    """The verb adds only its doer to the event noun it takes as object: a light verb ("held talks",
    "imposed sanctions"), or one with no event sense of its own that neither reports, perceives nor
    undergoes ("lobbed criticisms", "voiced displeasure", "expressed disdain")."""
    lex = lexicon()
    lemma = verb.lemma_.lower()
    if lemma in lex.light_verbs:
        return True
    if lemma in lex.reporting_verbs | lex.suffer_verbs | lex.intent_verbs | lex.not_doing_verbs:
        return False
    return verb_sense(verb, noun) is None and lemma not in lex.cameo_verbs


def report_events(verb: Token) -> list[Found]:
    """Demands and accusations made by reporting: "X said Y must …", "X said Y is a dictator"."""
    lex = lexicon()
    if verb.lemma_.lower() not in lex.reporting_verbs:
        return []
    reporter = subject_of(verb)
    if reporter is None:
        return []
    found: list[Found] = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for part in [clause, *clause.conjuncts]:
            found += _reported(part, reporter)
    return found


def _reported(clause: Token, reporter: Token) -> list[Found]:
    lex = lexicon()
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS | {"expl"}), None)
    aux = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    deontic = bool(aux & lex.deontic) or clause.lemma_.lower() in lex.deontic
    negated, _hypothetical, future = attributes(clause)
    if deontic:
        target = subject if subject is not None and subject.lower_ not in NOT_ACTORS | FIRST_PERSON else None
        sense = Sense(type="REQUEST", cameo="100", origin="report")
        return [Found(clause, sense, reporter, target, negated, False, future)]
    if clause.lemma_ == "be" and subject is not None and subject.lower_ not in NOT_ACTORS:
        predicate = [t for c in clause.children if c.dep_ in {"attr", "acomp"} for t in c.subtree]
        if subject.lower_ in FIRST_PERSON:
            # "I am sick of the committee lying": the speaker blames what they are sick of, not themselves
            blamed = next((o for c in clause.children if c.dep_ == "acomp"
                           if (o := object_of_prep(c, {"of", "with"})) is not None), None)
            if blamed is None or not (lex.pejoratives & {t.lemma_.lower() for t in predicate}
                                      or _judgement(predicate) is not None) or negated:
                return []
            return [Found(clause, Sense(type="ACCUSE", mode="disapprove", cameo="111", origin="report"),
                          subject, blamed)]
        words = {t.lemma_.lower() for t in predicate}
        if words & lex.pejoratives and not negated:
            sense = Sense(type="ACCUSE", mode="disapprove", cameo="111", origin="report")
            return [Found(clause, sense, reporter, subject)]
        judged = _judgement(predicate)
        if judged is not None and not negated and is_someone(subject):
            return [Found(clause, replace(judged, origin="report-valence"), reporter, subject)]
    if subject is not None and subject.lower_ not in FIRST_PERSON and _about_someone(subject):
        # "said Obama failed to address …", "tweeted that the president's strategy will not destroy …":
        # a report whose clause speaks badly of someone is the reporter's disapproval of them
        tone = analyzer().polarity_scores(_text(clause))["compound"]
        if tone <= REPORTED_TONE[0]:
            sense = Sense(type="ACCUSE", mode="disapprove", cameo="111", origin="report-tone")
            return [Found(clause, sense, reporter, subject, negated, False, future)]
        if tone >= REPORTED_TONE[1]:
            sense = Sense(type="SUPPORT", cameo="051", origin="report-tone")
            return [Found(clause, sense, reporter, subject, negated, False, future)]
    return []


def _about_someone(subject: Token) -> bool:
    """The clause's subject is someone or someone's ("the president's strategy")."""
    return _judgeable(subject) or any(is_someone(c) for c in subject.children if c.dep_ == "poss")


def _text(clause: Token) -> str:
    return clause.doc[clause.left_edge.i : clause.right_edge.i + 1].text


def _judgement(words: list[Token]) -> Sense | None:
    """Calling someone strongly bad (VADER ≤ -STRONG_VALENCE: "a disaster", "incompetent") is a
    disapproval; strongly good, with nothing bad, a praise ("a great leader")."""
    values = [word_valence(t) for t in words]
    if any(v <= -STRONG_VALENCE for v in values):
        return Sense(type="ACCUSE", mode="disapprove", cameo="111")
    if any(v >= STRONG_VALENCE for v in values) and not any(v < 0 for v in values):
        return Sense(type="SUPPORT", cameo="051")
    return None


def _phrase_judgement(words: list[Token]) -> Sense | None:
    """A name whose words together are bad or good enough by VADER's compound score (`REPORTED_TONE`,
    as for a reported clause: "inaccurate and deliberately misleading", "significant and disturbing"),
    though no word of it is strong alone."""
    words = sorted(words, key=lambda t: t.i)
    text = words[0].doc[words[0].i : words[-1].i + 1].text
    compound = analyzer().polarity_scores(text)["compound"]
    if compound <= REPORTED_TONE[0]:
        return Sense(type="ACCUSE", mode="disapprove", cameo="111")
    if compound >= REPORTED_TONE[1]:
        return Sense(type="SUPPORT", cameo="051")
    return None



def _judgeable(token: Token) -> bool:
    """Someone (`is_someone`), or a noun naming people by office, trade or group (agents.yaml's roles
    and groups: "voters", "the senators", "the media"), whom a strong word can judge."""
    lemma = token.lemma_.lower()
    return is_someone(token) or (token.pos_ == "NOUN" and (lemma in agents().roles or lemma in agents().groups))


def valence_events(verb: Token) -> list[Found]:
    """A verb no lexicon lists whose packaged valence is strong, done by someone to someone ("mocked
    Clinton", "thanked the senators"): a disapproval or a praise (VADER, as the tone stage reads it)."""
    lex = lexicon()
    lemma = verb.lemma_.lower()
    if lemma in lex.verbs or lemma in lex.cameo_verbs or lemma in lex.reporting_verbs | lex.intent_verbs:
        return []
    value = word_valence(verb)
    if abs(value) < STRONG_VALENCE:
        return []
    target = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and _judgeable(c)), None)
    source = subject_of(verb)
    if target is None or source is None or is_passive(verb):
        return []
    sense = (Sense(type="ACCUSE", mode="disapprove", cameo="111", origin="valence") if value < 0
             else Sense(type="SUPPORT", cameo="051", origin="valence"))
    negated, hypothetical, future = attributes(verb)
    return [Found(verb, sense, s, t, negated, hypothetical, future)
            for s in participants(source, sense) for t in participants(target, sense)]


def naming_events(verb: Token) -> list[Found]:
    """"called him an illegitimate leader", "described them as terrorists": a pejorative name, or a
    name strongly bad or good in the packaged VADER lexicon ("called her a disaster", "described him as
    a great friend"; a word strong alone, or the phrase's compound score) — a disapproval or a praise of
    someone or of what is someone's ("called Ruiz's claim misleading")."""
    lex = lexicon()
    if verb.lemma_.lower() not in {"call", "describe", "brand", "label", "dub", "denounce"}:
        return []
    obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS | {"nsubj"} and c.i > verb.i), None)
    if obj is None:
        # "called Diaz's plan misleading" parsed as a small clause: the subject of the name
        obj = next((s for c in verb.children if c.dep_ in {"oprd", "ccomp"} for s in c.children
                    if s.dep_ == "nsubj" and s.i > verb.i), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if obj is not None and obj.lower_ == "it" and clause is not None:
        # "called it shameful that Ruiz …": the dummy "it" stands for the clause, whose subject is named
        naming = [t for c in verb.children if c.dep_ in {"oprd", "xcomp", "attr"} for t in c.subtree]
        obj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS and is_someone(c)), None)
    else:
        naming = [t for c in verb.children if c.dep_ in {"oprd", "xcomp", "ccomp", "attr", "prep"} for t in c.subtree]
    if obj is None or not naming:
        return []
    if {t.lemma_.lower() for t in naming} & lex.pejoratives:
        sense = Sense(type="ACCUSE", mode="disapprove", cameo="111", origin="naming")
    elif (judged := _judgement(naming) or _phrase_judgement(naming)) is not None and _about_someone(obj):
        sense = replace(judged, origin="naming-valence")
    else:
        return []
    negated, hypothetical, future = attributes(verb)
    return [Found(verb, sense, subject_of(verb), obj, negated, hypothetical, future)]


def _rated(word: Token, origin: str) -> Sense | None:
    """A disapproval or a praise by the word's VADER valence, of any size; None for a word VADER does not rate."""
    value = word_valence(word)
    if value == 0:
        return None
    if value < 0:
        return Sense(type="ACCUSE", mode="disapprove", cameo="111", origin=origin)
    return Sense(type="SUPPORT", cameo="051", origin=origin)


def _judged_in_phrase(adjective: Token) -> Token | None:
    """Whom a predicate adjective's prepositional phrase names ("critical of Obama's leadership" → the
    leadership, which the sides read as Obama's), when that is someone or someone's."""
    return next((o for c in adjective.children if c.dep_ == "prep" and c.lower_ in JUDGING_PREPS
                 for o in pobjs(c) if _about_someone(o)), None)


def predicate_judgements(adjective: Token) -> list[Found]:
    """A rated adjective predicated of its subject, about someone its phrase names ("Trump was critical
    of Obama's leadership", "I am very disappointed in the committee", "nobody is more loyal to Israel"):
    the subject's disapproval or praise of them, by the adjective's VADER valence (origin `judgement`;
    the confidence model weighs it apart)."""
    if adjective.dep_ != "acomp" or (sense := _rated(adjective, "judgement")) is None:
        return []
    source, target = subject_of(adjective), _judged_in_phrase(adjective)
    if source is None or target is None:
        return []
    negated, hypothetical, future = attributes(adjective.head)
    return [Found(adjective, sense, s, t, negated, hypothetical, future)
            for s in participants(source, sense) for t in participants(target, sense)]


def _quoted_judgement(clause: Token, speaker: Token | None) -> list[Found]:
    """In a quote, a rated adjective predicated of someone or someone's ("Grayson is careless", "his
    plan is wrong") is the speaker's disapproval or praise of them, however weakly VADER rates it
    (`_reported` takes only strong words, and only disapprovals, as accusations; origin
    `quoted-judgement`, which the confidence model weighs apart)."""
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    adjective = next((c for c in clause.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    if (speaker is None or subject is None or adjective is None or subject.lower_ in FIRST_PERSON | NOT_ACTORS
            or not _about_someone(subject) or _judged_in_phrase(adjective) is not None):
        return []  # a judgement about someone its phrase names is the subject's (`predicate_judgements`)
    sense = _rated(adjective, "quoted-judgement")
    if sense is None:
        return []
    negated, hypothetical, future = attributes(clause)
    return [Found(adjective, sense, speaker, subject, negated, hypothetical, future)]


def quoted_accusations(doc: Doc, quotes: list[Quote]) -> list[Found]:
    """Inside a quote with a known speaker: "he is a self-assumed dictator"; "he is careless" (`_quoted_judgement`)."""
    found: list[Found] = []
    for quote in quotes:
        if quote.speaker_id is None:
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            continue
        speaker = _speaker_token(doc, quote)
        for token in span:
            if token.lemma_ == "be" and token.dep_ in {"ROOT", "conj"}:
                accusations = [e for e in _reported(token, token) if e.sense.type == "ACCUSE"]
                for event in accusations:
                    # the speaker accuses, or "I" does ("I am sick of …", which the coder links to the speaker)
                    source = event.source if event.source is not token else speaker
                    found.append(Found(token, event.sense, source, event.target))
                if not accusations:
                    found += _quoted_judgement(token, speaker)
    return found


def _speaker_token(doc: Doc, quote: Quote) -> Token | None:
    """The head word of the quote's speaker mention as written, which the coder links to its actor."""
    if quote.source_start is None or quote.source_end is None:
        return None
    span = doc.char_span(quote.source_start, quote.source_end, alignment_mode="expand")
    return span.root if span is not None else None


def find_events(doc: Doc, quotes: list[Quote], *, second_opinion: bool = True) -> list[Found]:
    """Every event the rules find in the document, judged by the learned trigger classifier
    (`_judged`), with the triggers it proposes (`_proposed`); `second_opinion=False` leaves the
    classifier out, as its training does."""
    found: list[Found] = []
    for token in doc:
        if token.pos_ == "VERB":
            named = naming_events(token)  # "called him a liar" is the naming, not a call for anything
            found += named or verb_events(token) or valence_events(token)
            found += report_events(token)
        elif token.pos_ == "AUX" and token.dep_ in {"ROOT", "ccomp", "conj"}:
            found += report_events(token)
        elif token.pos_ == "ADJ":
            found += predicate_judgements(token)
    used = _claimed(found)
    for token in doc:
        if token.pos_ in {"NOUN", "PROPN"}:
            found += noun_events(token, used) or agent_noun_events(token)
    found += quoted_accusations(doc, quotes)
    if second_opinion:
        # a broad-source word the classifier judged away is free for a proposal of another type
        kept = _judged(found)
        found = kept + _proposed(doc, _claimed(kept))
    found = [f for f in found if not _furniture(sent_of(f.trigger)) and not _market_move(f)]
    return [_demand_target(f, found) for f in found]


def _claimed(found: list[Found]) -> set[int]:
    """The tokens events already stand on: their triggers, and the objects a verb's sense names as what is
    done ("imposed sanctions": no sanctions event of its own)."""
    return {f.trigger.i for f in found} | {o.i for f in found if f.trigger.pos_ == "VERB" and f.sense.has_theme
                                           for o in objects_of(f.trigger)}


def _proposed(doc: Doc, used: set[int]) -> list[Found]:
    """The events of the triggers proposed among the verbs and nouns no kept rule event stands on: the
    learned classifier's (`event_triggers.proposed_sense`), else a verb WordNet files among deeds
    (`event_types.act_sense`); their sides read as a rule trigger's."""
    found: list[Found] = []
    for token in doc:
        if token.i in used or token.pos_ not in TRIGGER_CLASSES:
            continue
        sense = proposed_sense(token) or act_sense(token)
        if sense is not None:
            found += verb_events(token, sense) if token.pos_ == "VERB" else noun_events(token, set(), sense)
    return found


def _judged(found: list[Found]) -> list[Found]:
    """The rule triggers the learned trigger classifier keeps (`event_triggers.second_opinion`). Verbs
    and nouns of word senses only: report and naming constructions are judged by their own rules."""
    opinions: dict[int, dict[str, float]] = {}
    kept = []
    for item in found:
        trigger = item.trigger
        if trigger.pos_ in TRIGGER_CLASSES and item.sense.origin in JUDGED_ORIGINS:
            if trigger.i not in opinions:
                opinions[trigger.i] = trigger_probabilities(trigger)
            if not second_opinion(item.sense, opinions[trigger.i]):
                continue
        kept.append(item)
    return kept


def _actor_side(side: Argument | None, coder: Coder, other: Argument | None = None,
                pronouns: bool = False, aimed: bool = False) -> Argument | None:
    """A side that is no actor but a thing an actor owns, made or takes part in stands for that actor:
    "criticized the governor's handling of the crisis", "denounced GOP efforts", "requested a meeting
    with Trump", "a letter from Exxon accuses …", "mocked his hand size". The first actor among its
    possessor, a name in apposition or before it and the objects of its prepositions, read outwards,
    then, for a target (`pronouns`), a possessive pronoun ("censured his report"; a source's "her
    opponents" are not her) — but never the actor on the other side: "its partners", "withdrew his
    bid" are the act's own, not someone it is done to. A target (`aimed`) is also read through what
    the thing is aimed at, two phrases deep and through coordination ("voiced displeasure with some of
    Ruiz's plans", "expressed disdain for the vote and Ruiz", "threatened tariffs on imports from Peru")."""
    if side is None or side.actor_id or side.token.ent_type_ in NAMED:
        return side
    for token in _attached(side.token, pronouns=pronouns, aimed=aimed):
        argument = coder.argument(token)
        if argument.actor_id and (other is None or argument.actor_id != other.actor_id):
            return argument
    return side


def _attached(token: Token, depth: int = 0, pronouns: bool = False, aimed: bool = False) -> list[Token]:
    # a possessor, or a name beside the head ("GOP efforts", "the Kremlin's plan", "her cousin Ana Ruiz")
    named = {"ORG", "GPE", "NORP", "PERSON"}
    found = [c for c in token.children if c.dep_ == "appos" and c.ent_type_ in named]  # the thing is it
    found += [c for c in token.children if (c.dep_ == "poss" and c.pos_ != "PRON")
              or (c.dep_ == "compound" and c.ent_type_ in named)]
    preps = ACTOR_PREPS | AIM_PREPS if aimed else ACTOR_PREPS
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in preps):
        for obj in pobjs(prep):
            for part in (conjuncts(semantic_head(obj)) if aimed else [obj]):
                found.append(part)
                if depth < (2 if aimed else 1):
                    found += _attached(part, depth + 1, aimed=aimed)
    if depth == 0:  # "a deal to sell Germany four drones": whom the thing's purpose is done to
        for acl in (c for c in token.children if c.dep_ == "acl" and is_infinitive(c)):
            objects = [c for c in acl.children if c.dep_ in {"dative", "dobj"}]
            for obj in sorted(objects, key=lambda c: c.dep_ != "dative"):
                found += [obj, *_attached(obj, depth + 1)]
    if pronouns and depth == 0:  # a possessive pronoun last: "their demands" is more often the act's own
        found += [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"]
    return found


def _thing_source(source: Argument | None, item: Found, coder: Coder) -> Argument | None:
    """A source that is a thing, not an actor, stands for whoever is behind it. An event noun ("a
    shooting that killed three", "the attack wounded …") is done by its own perpetrator — its
    possessor or `by` phrase, else its country ("US drone strikes killed …", "a bombing near Samarra")
    — else by no one named. A message ("a video that accuses X", "the letter
    accuses X") is its author's act: the subject of the verb that made it ("Ruiz released a video
    that …"), or, said again with "the", the author of its earlier mention ("a letter from Exxon")."""
    if source is None or source.actor_id or source.token.pos_ != "NOUN" or source.token.ent_type_ in NAMED:
        return source
    if _event_noun(source.token) and not _message_noun(source.token):
        # its possessive pronoun last: "his call to deport …", "their refusal to support …"
        perpetrator = next((a for t in _attached(source.token, pronouns=True) if (a := coder.argument(t)).actor_id),
                           None)
        if perpetrator is not None:
            return perpetrator
        # a coded one stays: whose it is ("US drone strikes") or, as event data code it, where it
        # struck ("a bombing near Samarra" → IRQ)
        return source if source.code.country or source.code.org else None
    # a material act is a thing's only as its purpose: "his plan to deport …" is its author's
    purpose = item.trigger.dep_ == "acl" and item.trigger.head.i == source.token.i
    if not (_thing(source) or _coded_thing(source)) or (item.sense.type in MATERIAL_TYPES and not purpose):
        return source
    own = purpose or _message_noun(source.token) or _event_noun(source.token)
    for mention in _earlier_mentions(source.token):
        author = _author(mention, coder, own)
        if author is not None:
            return author
    return source


def _message_noun(token: Token) -> bool:
    """A noun that names a message (the lexicon's message nouns, or a noun whose first WordNet sense is
    noun.communication: "a radio ad", "the statement"): when it does something it is its author's
    act, even where WordNet also makes it a kind of act (an ad is a kind of promotion)."""
    lemma = token.lemma_.lower()
    hints = wordnet_hints()
    lexfile = (hints.nouns.get(lemma) or hints.classes.get(lemma) or ("",))[0]
    return lemma in lexicon().message_nouns or lexfile == "noun.communication"


def _event_noun(token: Token) -> bool:
    """A noun that names an act: the lexicon's, or the gerund of an event verb ("a shooting", "the
    stabbing")."""
    if noun_sense(token) is not None:
        return True
    lemma = token.lemma_.lower()
    stems = (lemma[:-3], lemma[:-4], lemma[:-3] + "e") if lemma.endswith("ing") else ()
    return any(stem in lexicon().verbs for stem in stems)


def _thing(argument: Argument) -> bool:
    """A common noun that names no actor, no coded group and no one in particular ("a video", "the
    letter", "a shooting"; not "a woman", "protesters", "the ministry")."""
    token = argument.token
    return (token.pos_ == "NOUN" and not argument.actor_id and not argument.code.text
            and token.ent_type_ not in NAMED and token.lemma_.lower() not in agents().unspecific)


def _coded_thing(argument: Argument) -> bool:
    """A thing whose modifier alone gave it a code ("a new radio ad": MED from "radio"): its head noun
    is neither a role nor a body, so its author, when one is found, is who acts."""
    token = argument.token
    lemma = token.lemma_.lower()
    return (token.pos_ == "NOUN" and not argument.actor_id and token.ent_type_ not in NAMED
            and lemma not in agents().roles and lemma not in agents().groups and lemma not in agents().unspecific)


def _earlier_mentions(token: Token) -> list[Token]:
    """The token, then — for a definite "the letter" — the nearest earlier noun of the same lemma."""
    found = [token]
    if any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children):
        lemma = token.lemma_.lower()
        found += [t for t in reversed(token.doc[: token.i]) if t.pos_ == "NOUN" and t.lemma_.lower() == lemma][:1]
    return found


def _author(thing: Token, coder: Coder, own: bool = False) -> Argument | None:
    """Who a thing comes from: its possessor, a name beside it, its `from`/`by` phrase, else the
    subject of the verb of publishing it is the object of ("released a video"; not "have five
    delegates, two of whom …"); with `own` (a message, an act or a thing whose purpose the event is:
    "his letter", "her decision to block …"; not "his rivals"), last its possessive pronoun."""
    makers = [c for c in thing.children if (c.dep_ == "poss" and c.pos_ != "PRON")
              or (c.dep_ in {"compound", "appos"} and c.ent_type_ in NAMED)]
    makers += [o for c in thing.children if c.dep_ == "prep" and c.lower_ in {"from", "by"} for o in pobjs(c)]
    if thing.dep_ in OBJECT_DEPS and thing.head.lemma_.lower() in PUBLISHING:
        maker = subject_of(thing.head)
        makers += [maker] if maker is not None else []
    if own:
        makers += [c for c in thing.children if c.dep_ == "poss" and c.pos_ == "PRON"]
    return next((a for t in makers if (a := coder.argument(t)).actor_id), None)


# sectors of bodies that fight in words only: a party, a legislature, the press, a campaign group, a company
TALKING_SECTORS = {"PTY", "LEG", "MED", "NGO", "BUS"}


def _verbal_attack(item: Found, source: Argument | None) -> Found:
    """A person who "attacks" or "targets" with no weapon named (an ASSAULT sense with no mode) and no
    armed sector attacks in words: a disapproval ("Trump attacked Clinton", "her attacks on him"); so
    does a body or phrase coded with a talking sector (`TALKING_SECTORS`: "the Club for Growth attacked X") and
    a message ("an ad that attacked X", "the article attacked X")."""
    if item.sense.type != "ASSAULT" or item.sense.mode is not None or source is None:
        return item
    person = source.kind == "person" or source.token.ent_type_ == "PERSON" or source.token.lower_ in {"he", "she"}
    talking = (source.kind != "state" and source.code.sector in TALKING_SECTORS) or (
        not source.actor_id and source.token.pos_ == "NOUN" and _message_noun(source.token))
    if not (person or talking) or source.code.sector in {"MIL", "REB", "CRM", "COP"}:
        return item
    return replace(item, sense=replace(item.sense, type="ACCUSE", mode="disapprove", cameo="111"))


def _furniture(sent: Span) -> bool:
    """A related-link line ("Also on …", "READ MORE: …") is page furniture, not news."""
    return span_text(sent).strip().lower().startswith(lexicon().furniture_openers)


def _market_move(item: Found) -> bool:
    """"Shares fell", "cut prices": markets and figures are not participants."""
    words = lexicon().not_participants
    return any(t is not None and semantic_head(t).lemma_.lower() in words for t in (item.source, item.target))


def _demand_target(item: Found, found: list[Found]) -> Found:
    """A demand with no addressee ("there need to be sanctions imposed on X") is aimed at the target
    of the event it demands."""
    if item.sense.type != "REQUEST" or item.target is not None or item.trigger.pos_ not in {"VERB", "AUX"}:
        return item
    inside = range(item.trigger.left_edge.i, item.trigger.right_edge.i + 1)
    demanded = next((f.target for f in found if f is not item and f.trigger.i in inside and f.target is not None), None)
    return item if demanded is None else replace(item, target=demanded)


# --- coding arguments ----------------------------------------------------------------------------

class Coder:
    """Codes event arguments: the actor a token is mentioned as, else the token's own phrase."""

    def __init__(self, doc: Doc, records: ArticleRecords) -> None:
        self.doc = doc
        self.actors: dict[str, Actor] = {a.id: a for a in records.actors}
        self.quotes = sorted(records.quotes, key=lambda q: q.start)
        self.speakers = {q.speaker_id for q in records.quotes if q.speaker_id}
        self.token_actor: dict[int, tuple[int, str]] = {}
        starts = [t.idx for t in doc]
        for mention in records.mentions:
            first = bisect.bisect_right(starts, mention.start) - 1
            last = bisect.bisect_left(starts, mention.end)
            size = mention.end - mention.start
            for i in range(max(first, 0), last):
                current = self.token_actor.get(i)
                if current is None or size < current[0]:
                    self.token_actor[i] = (size, mention.actor_id)
        self.places = sorted((p.start, p.end, p.country) for p in records.places if p.country)

    def actor_of(self, token: Token) -> Actor | None:
        entry = self.token_actor.get(token.i)
        return self.actors.get(entry[1]) if entry else None

    def quote_at(self, offset: int) -> Quote | None:
        return next((q for q in self.quotes if q.start <= offset < q.end), None)

    def place_country(self, token: Token) -> str | None:
        """The country of a place the token (or the name before it: "Sindh province") names: a country or
        territory by name, else the places stage's, else a city after a locative preposition ("near the
        town of Samarra") even where NER missed it."""
        for name in [token, *(c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN")]:
            found = country_of(name.text) if name.pos_ == "PROPN" else None
            found = found or next((c for s, e, c in self.places if s <= name.idx < e), None)
            if found is None and name.pos_ == "PROPN" and (
                    name.ent_type_ in {"GPE", "LOC"} or (name.dep_ == "pobj" and name.head.lower_ in LOCATIVE)):
                found = capital_of(name.text) or city_country(name.text)
            if found:
                return found
        return None

    def argument(self, token: Token, depth: int = 0) -> Argument:
        if token.lower_ in FIRST_PERSON and token.pos_ == "PRON":
            quote = self.quote_at(token.idx)
            speaker = self.actors.get(quote.speaker_id) if quote and quote.speaker_id else None
            if speaker is not None:
                return Argument(token, speaker.id, token.text, _actor_code(speaker))
        phrase = self.phrase(token)
        actor = self.actor_of(token) or self._cataphor(token) or self._former_or_latter(token)
        if actor is not None:
            code = _actor_code(actor)
        else:
            modifiers = [t for t in subtree_through(token) if t.i <= token.i and not t.is_punct
                         and t.lower_ not in {"the", "a", "an"}]
            code = code_tokens(modifiers)
        if code.country is None and code.org is None:
            code = code.merged(self._owner_code(token))
        appos = next((c for c in token.rights if c.dep_ == "appos"), None)
        if appos is not None and code.country is None and code.org is None and depth < 2:
            # "Kenzo Oshima, the United Nations Emergency Relief Coordinator"
            described = self.argument(appos, depth + 1).code
            code = described.merged(code) if described.text else code
        if code.country is None and code.org is None and (actor is None or actor.kind != "person"):
            country = self.place_country(token)
            code = code.merged(Code(country)) if country else code
        if code.country is None and code.org is None and depth < 2:
            code = self._descend(token, code, depth)
        return Argument(token, actor.id if actor else None, phrase.text, code, actor.kind if actor else None)

    def _cataphor(self, token: Token) -> Actor | None:
        """"On his visit to Rome, President Ana Ruiz met …": a he/she/his/her left unresolved in a
        phrase put before its clause's subject refers forward to that subject, when it is a person."""
        if token.lower_ not in {"he", "she", "his", "her", "him"}:
            return None
        clause = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"} and a.dep_ in {"ROOT", "conj"}), None)
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None) if clause is not None else None
        if subject is None or subject.i < token.i or any(a.i == subject.i for a in token.ancestors):
            return None
        actor = self.actor_of(subject)
        return actor if actor is not None and actor.kind == "person" else None

    def _former_or_latter(self, token: Token) -> Actor | None:
        """"between Ruiz and Diaz, he would support the former": the first or the last of the nearest
        two actors coordinated before it, in its sentence or the one before."""
        if token.lower_ not in {"former", "latter"} or not any(c.lower_ == "the" for c in token.children):
            return None
        sent = sent_of(token)
        start = sentences(token.doc)[sent.start - 1].start if sent.start > 0 else sent.start
        for other in reversed(token.doc[start : token.i]):
            pair = sorted(conjuncts(other), key=lambda t: t.i) if other.dep_ != "conj" else []
            actors = [a for t in pair if (a := self.actor_of(t)) is not None]
            if len(pair) >= 2 and len(actors) == len(pair):
                return actors[0] if token.lower_ == "former" else actors[-1]
        return None

    def _descend(self, token: Token, code: Code, depth: int) -> Code:
        """"the return of U.N. inspectors", "a curfew in Algiers", "calls by Belarus's rulers", "a newspaper
        based in Beirut": a phrase whose head is no actor takes the code of the actor in its complement."""
        holders = [token, *(c for c in token.rights if c.dep_ == "acl")]
        for holder in holders:
            for prep in holder.rights:
                if prep.dep_ != "prep" or prep.lower_ not in DESCEND_PREPS:
                    continue
                for obj in pobjs(prep):
                    inner = self.argument(obj, depth + 1).code
                    if inner.country or inner.org:
                        return Code(inner.country, code.sector or inner.sector, inner.org)
                    if code.text is None and inner.sector:
                        return inner  # "members of the Association of African Jurists"
        return code

    def _owner_code(self, token: Token) -> Code:
        """"Lukashenko's inner circle": the possessor's country."""
        for child in token.children:
            if child.dep_ in {"poss", "compound"} and child.pos_ != "PRON":
                owner = self.actor_of(child)
                if owner is not None:
                    return Code(owner.country, org=_actor_code(owner).org)
        return Code()

    def phrase(self, token: Token) -> Span:
        """The argument as written: the token's phrase without relative clauses, at most 8 words."""
        left = token.left_edge.i
        right = token.i
        for child in token.rights:
            if child.dep_ in {"prep", "compound", "appos"} and child.right_edge.i - left < 8:
                right = child.right_edge.i
            else:
                break
        span = self.doc[left : right + 1]
        return span if len(span) <= 8 else self.doc[token.i : token.i + 1]


def _actor_code(actor: Actor) -> Code:
    org = actor.code.split()[0] if actor.code and actor.country is None and actor.sector != actor.code else None
    return Code(actor.country, actor.sector, org)


# --- records -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    """An event record with the features its confidence is computed from."""

    event: Event
    features: dict[str, float]


def build_events(doc: Doc, records: ArticleRecords, found: list[Found], anchor: dt.date | None,
                 coder: Coder) -> list[Candidate]:
    article = records.article
    seen: set[tuple] = set()
    candidates: list[Candidate] = []
    per_sentence: dict[int, int] = {}
    for item in found:
        per_sentence[sent_of(item.trigger).start] = per_sentence.get(sent_of(item.trigger).start, 0) + 1
    starts = sorted({sent.start for sent in sentences(doc)})
    sentence_index = {start: n for n, start in enumerate(starts)}
    text = doc_text(doc)
    types_before: set[str] = set()
    resolved: list[tuple[Resolution, Resolution]] = []
    triggers = {f.trigger.i: f.sense.type for f in found}
    for item in sorted(_reciprocal(_exemplified(found)), key=lambda f: f.trigger.i):
        if item.target is not None and _circumstantial(item.target, item.trigger):
            item = replace(item, target=None)
        if item.source is not None and _bare_quantifier(item.source):
            item = replace(item, source=None)  # "Some have urged …": no one in particular
        source = coder.argument(item.source) if item.source is not None else None
        target = coder.argument(item.target) if item.target is not None else None
        if source is not None and target is not None and source.actor_id and source.actor_id == target.actor_id:
            # one actor both sides: the parser's coordination was wrong, or it is reflexive ("portray himself")
            source = coder.argument(item.outer_source) if item.outer_source is not None else source
            if source.actor_id == target.actor_id:
                target = None
        if source is None and target is None:
            continue  # an act with no one doing it and no one undergoing it is not an event record
        item = _verbal_attack(item, source)
        source = _actor_side(_thing_source(source, item, coder), coder, target)
        # a possessive pronoun is weighed against the source only when that is an actor ("pledged their
        # support" is the pledgers' own, whatever coreference made of "their")
        pronouns = source is not None and source.actor_id is not None
        target = _visited_state(_actor_side(target, coder, source, pronouns=pronouns, aimed=True), item, coder)
        source = _with_location(source, item.locations, coder)
        if not _has_participants(item, source, target):
            continue
        if target is not None and _abstract(target):
            target = None  # "blasted the delegate system", "vetoed a bill": no one is the target
        key = (item.trigger.i, item.sense.type, source and (source.actor_id, source.code),
               target and (target.actor_id, target.code))
        if key in seen:
            continue
        seen.add(key)
        sent = sent_of(item.trigger)
        event = _record(article.id, len(candidates) + 1, item, sent, source, target, records, anchor, coder)
        features = event_features(item, source, target, event, sentence_index[sent.start],
                                  per_sentence[sent.start], text)
        features |= salience("source", source, coder) | salience("target", target, coder)
        features |= setting(item, source, target, event, triggers, anchor)
        if item.sense.type in types_before:
            features["type_before"] = 1.0  # the article stated an act of this type earlier
        types_before.add(item.sense.type)
        candidates.append(Candidate(event, features))
        resolved.append((_resolution(source), _resolution(target)))
    return _best_sides(candidates, resolved)


# WordNet lexical files of nouns that name no one: acts, messages, ideas, states, things
ABSTRACT_FILES = frozenset({"noun.act", "noun.communication", "noun.cognition", "noun.state", "noun.attribute",
                            "noun.artifact", "noun.possession", "noun.event", "noun.phenomenon", "noun.process",
                            "noun.feeling", "noun.relation", "noun.time", "noun.quantity", "noun.substance"})


def _abstract(argument: Argument) -> bool:
    """A side that is a thing no actor stands for, by the guide no participant ("the deal", "the
    investigation"): a common noun with no actor, code or name behind it that names an act, a message,
    a document or — in WordNet's lexical files — an idea, a state or an artefact. Nouns WordNet's
    table does not know stay ("attendees", "other businesses" may be whom the gold names)."""
    if not _thing(argument):
        return False
    lemma = semantic_head(argument.token).lemma_.lower()
    lexfile = wordnet_hints().nouns.get(lemma, ("",))[0]
    if lexfile in {"noun.person", "noun.group"} or lemma in agents().roles or lemma in agents().groups:
        return False  # "the committee" (which WordNet derives from "commit") is someone
    return (lexfile in ABSTRACT_FILES or _event_noun(argument.token) or lemma in lexicon().message_nouns
            or lemma in agents().documents)


def _circumstantial(side: Token, trigger: Token) -> bool:
    """The side stands in a clause of time, cause or concession below the trigger ("called for X to
    be banned after the candidate suggested …"): a participant of that clause, not of the act."""
    current = side
    for _ in range(8):
        if current.i == trigger.i or current.head.i == current.i:
            return False
        if current.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE for c in current.children):
            return any(a.i == trigger.i for a in current.ancestors)
        current = current.head
    return False


def _bare_quantifier(token: Token) -> bool:
    """"Some", "many", "others" standing alone: a count of no one named."""
    lemma = token.lemma_.lower()
    return ((token.pos_ in {"PRON", "DET"} and lemma in lexicon().quantity_nouns) or lemma == "other") and not any(
        c.dep_ in {"prep", "amod", "compound", "poss"} for c in token.children)


def _reciprocal(found: list[Found]) -> list[Found]:
    """"Trump and Ryan met", "Seoul and Tokyo agreed to work together": a meeting, an agreement or a
    joint act of coordinated parties with no one else named is done by the first to the others, once
    (not once by each with no target)."""
    def alone(f: Found) -> tuple | None:
        return (f.trigger.i, f.sense, f.source.i) if f.target is None and f.source is not None else None

    lone = {alone(f) for f in found} - {None}
    paired: set[tuple] = set()
    out: list[Found] = []
    for item in found:
        first = item.source
        while first is not None and first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        first = min(conjuncts(first), key=lambda t: t.i) if first is not None else None
        key = (item.trigger.i, item.sense, first.i) if first is not None else None
        if (item.sense.type in RECIPROCAL_TYPES and alone(item) is not None and first.i != item.source.i
                and key in lone):
            out.append(replace(item, source=first, target=item.source))
            paired.add(key)
        else:
            out.append(item)
    return _between(f for f in out if alone(f) not in paired)


def _between(found: Iterable[Found]) -> list[Found]:
    """"The summit between Diaz and Novak", "talks between Varnia and Peru": a joint act whose
    parties are all named after "between" or "among" and no one else is done by the first to the
    others (not by no one to each)."""
    out: list[Found] = []
    for item in found:
        first = item.target
        while first is not None and first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        joint = (item.sense.type in RECIPROCAL_TYPES and item.source is None and first is not None
                 and first.dep_ == "pobj" and first.head.lower_ in {"between", "among"})
        if not joint:
            out.append(item)
        elif first.i != item.target.i:
            out.append(replace(item, source=first))
    return out


def examples(token: Token) -> list[Token]:
    """The named instances a common noun lists ("politicians like Kerry and Clinton", "groups such as
    Amnesty", "countries including France and Germany"): the acting ones, when the text names them."""
    if token.pos_ != "NOUN" or token.ent_type_ in NAMED:
        return []
    named: list[Token] = []
    for prep in token.children:
        listing = prep.dep_ == "prep" and (prep.lower_ in {"like", "including"} or (
            prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)))
        if listing:
            named += [c for obj in pobjs(prep) for c in conjuncts(obj) if c.ent_type_ in NAMED or c.pos_ == "PROPN"]
    return named


def _exemplified(found: list[Found]) -> list[Found]:
    """A side that is a class with named instances is those instances, one event each: "criticism
    from politicians like Kerry and Clinton" is Kerry's and Clinton's (the class itself is no actor)."""
    out: list[Found] = []
    for item in found:
        sources = (examples(item.source) if item.source is not None else []) or [item.source]
        targets = (examples(item.target) if item.target is not None else []) or [item.target]
        out += [replace(item, source=s, target=t) for s in sources for t in targets]
    return out


def _visited_state(target: Argument | None, item: Found, coder: Coder) -> Argument | None:
    """A visit to a place ("visited Cusco", "a trip to Riyadh", "a visit to production sites in the
    UK") is a visit to its state, when the article names that state: a city, even a capital taken for
    its government, is where one goes."""
    if target is None or item.sense.type != "CONSULT":
        return target
    place = coder.actors.get(target.actor_id) if target.actor_id else None
    if target.actor_id and (place is None or place.kind != "state"):
        return target
    country = target.code.country
    thing = not target.actor_id and target.token.pos_ == "NOUN" and target.code.sector is None
    if thing and country is None:  # "visited several mines in Peru": where the visit was
        country = next((c for loc in item.locations if (c := _country_at(loc, coder))), None)
    somewhere = target.token.ent_type_ in {"GPE", "LOC"} or (thing and country is not None)
    state = next((a for a in coder.actors.values()
                  if a.kind == "state" and country and country_of(a.name) == country), None)
    if not somewhere or state is None:
        return target
    return Argument(target.token, state.id, target.text, _actor_code(state), state.kind)


def _country_at(location: Token, coder: Coder) -> str | None:
    where = coder.actor_of(location)
    return where.country if where is not None and where.kind == "state" else coder.place_country(location)


def _best_sides(candidates: list[Candidate], resolved: list[tuple[Resolution, Resolution]]) -> list[Candidate]:
    """One act, one entry per participant: where a trigger's sense has a resolved source (or target),
    its readings with an unresolved one on that side ("praised Pence" beside "praised … a news
    conference") are parse alternatives, not further participants; so are readings with a merely
    coded phrase beside one with an actor ("charged him with resisting authorities"), unless the two
    are coordinated ("arrested Diaz and two Varnian smugglers")."""
    groups: dict[tuple[int, str], list[int]] = {}
    for n, candidate in enumerate(candidates):
        groups.setdefault((candidate.event.trigger_start, candidate.event.event_type), []).append(n)
    keep = []
    for n, candidate in enumerate(candidates):
        group = groups[(candidate.event.trigger_start, candidate.event.event_type)]
        if all(_holds(resolved[n][side], [resolved[m][side] for m in group]) for side in (0, 1)):
            keep.append(candidate)
    return keep


Resolution = tuple[int, frozenset[int]]
"""How well a side is resolved (0 not, 1 a coded phrase or a name, 2 an actor) and the token indices
of it and its conjuncts."""


def _resolution(argument: Argument | None) -> Resolution:
    if argument is None:
        return 0, frozenset()
    level = 2 if argument.actor_id else int(_resolved(argument))
    return level, frozenset(t.i for t in conjuncts(argument.token))


def _holds(side: Resolution, rivals: list[Resolution]) -> bool:
    level, coordinated = side
    if level == 0:  # an unresolved side stays beside a resolved one it is coordinated with
        return not any(r[0] and not r[1] & coordinated for r in rivals)
    return all(r[0] <= level or r[1] & coordinated for r in rivals)


def _resolved(argument: Argument | None) -> bool:
    """The side is an actor of the article, a phrase coded with a country or sector ("Polish soldiers")
    or a name ("Marek Novak's arrest", where the name itself does nothing else)."""
    head = semantic_head(argument.token) if argument is not None else None
    return argument is not None and bool(argument.actor_id or argument.code.text or head.ent_type_ in NAMED
                                         or (head.pos_ == "PROPN" and not head.ent_type_))


def _has_participants(item: Found, source: Argument | None, target: Argument | None) -> bool:
    """An event record needs at least one resolved side. A bare verb from the CAMEO dictionary's
    material blocks ("go", "leave", "face", "serve") needs a resolved source: the dictionary codes
    those acts by their object patterns, so the verb alone says an act only when an actor does it; so
    does a verb proposed only because WordNet files it among deeds (`event_types.act_sense`). A material
    act whose object is a message ("released a statement", "provided a report") is publishing, not the
    act."""
    if not (_resolved(source) or _resolved(target)):
        return False
    if item.sense.origin in BARE_DEED_ORIGINS and not _resolved(source):
        return False
    if item.sense.type in MATERIAL_TYPES and target is not None and not target.actor_id:
        return semantic_head(target.token).lemma_.lower() not in lexicon().message_nouns
    return True


def merge_mentions(candidates: list[Candidate]) -> list[Candidate]:
    """One event per act: a later statement of the same act (a headline, a lead, a recap) — the same
    type, the same source and target, or one of them left unsaid — becomes a mention of the event,
    which is the statement with the most participants (the first of those outside the headline). The
    headline's act also takes the first later statement of its type with its target (`_restates_headline`)."""
    groups: list[list[Candidate]] = []
    for candidate in candidates:
        group = next((g for g in groups if _same_act(g[0].event, candidate.event)), None)
        if group is None:  # the headline's act, restated in the body with a side it named otherwise
            group = next((g for g in groups if len(g) == 1 and _headline(g[0])
                          and _restates_headline(g[0].event, candidate.event)), None)
        if group is None:
            groups.append([candidate])
        else:
            group.append(candidate)
    merged = []
    for group in groups:
        main = max(group, key=lambda c: (_fullness(c.event), -c.features.get("paragraph=0", 0.0),
                                         -c.event.trigger_start))
        others = sorted((c.event for c in group if c is not main), key=lambda e: e.trigger_start)
        mentions = [EventMention(sentence_start=e.sentence_start, sentence_end=e.sentence_end,
                                 trigger_start=e.trigger_start, trigger_end=e.trigger_end, trigger=e.trigger)
                    for e in others]
        features = {**main.features, f"mentions={min(len(group), 3)}": 1.0}
        merged.append(Candidate(main.event.model_copy(update={"mentions": mentions}), features))
    return sorted(merged, key=lambda c: c.event.trigger_start)


Side = tuple[str | None, str | None, str | None]
"""An event side as merging compares it: (actor id, code, words)."""


def _headline(candidate: Candidate) -> bool:
    """The candidate stands in the article's headline: its first line, a sentence of its own."""
    return candidate.features.get("headline", 0.0) == 1.0


def _restates_headline(headline: Event, later: Event) -> bool:
    """A later statement of the headline's act: the same type and polarity and the same target actor in
    another sentence. Headlines shorten the doer ("Republicans ask DOJ to …" for "two House committees
    asked the Justice Department …"), so the source may differ; a different target is another act
    (the guide's one entry per target)."""
    if headline.event_type != later.event_type or headline.negated != later.negated:
        return False
    if headline.sentence_start == later.sentence_start:
        return False
    return headline.target_id is not None and headline.target_id == later.target_id


def _sides(event: Event) -> tuple[Side, Side]:
    return ((event.source_id, event.source_code, event.source), (event.target_id, event.target_code, event.target))


def _fullness(event: Event) -> int:
    return 2 * bool(event.source_id) + 2 * bool(event.target_id) + bool(event.source) + bool(event.target)


def _agree(a: Side, b: Side) -> bool | None:
    """Whether two sides name the same participant: True, False, or None when one is left unsaid. The
    same actor, else codes of which one contains the other ("the police": COP, "police in Ostrava":
    CZE COP), else the same words."""
    if not (a[0] or a[1] or a[2]) or not (b[0] or b[1] or b[2]):
        return None
    if a[0] and b[0] and a[0] == b[0]:
        return True
    if a[0] and b[0]:  # two actors for one name ("Marek Novak" twice) are one participant
        one, other = _words(a[2]), _words(b[2])
        return bool(one and other) and (one <= other or other <= one)
    if a[1] and b[1]:
        one, other = set(a[1].split()), set(b[1].split())
        return one <= other or other <= one
    return (a[2] or "").lower().removeprefix("the ") == (b[2] or "").lower().removeprefix("the ")


def _words(text: str | None) -> set[str]:
    return {w for w in (text or "").lower().split() if w not in {"the", "a", "an"}}


def _same_act(a: Event, b: Event) -> bool:
    """Same type and polarity, no side that disagrees, and at least one side that agrees."""
    if a.event_type != b.event_type or a.negated != b.negated:
        return False
    verdicts = [_agree(x, y) for x, y in zip(_sides(a), _sides(b), strict=True)]
    return False not in verdicts and True in verdicts


def _with_location(source: Argument | None, locations: tuple[Token, ...], coder: Coder) -> Argument | None:
    """An agent with no country (police, a fighter jet, protesters) acting in a named country is that
    country's: the first location that names a country or a place, else one whose phrase does
    ("at a jail in East Timor's capital")."""
    if source is None or not locations or source.code.country or source.code.org:
        return source
    if source.code.sector in NOT_LOCAL_SECTORS or (source.code.sector is None and source.kind != "group"):
        return source
    country = None
    for location in locations:
        where = coder.actor_of(location)
        country = where.country if where is not None and where.kind == "state" else coder.place_country(location)
        if country:
            break
    if country is None:
        country = next((c for loc in locations if (c := coder.argument(loc).code.country)), None)
    if country is None:
        return source
    return Argument(source.token, source.actor_id, source.text, source.code.merged(Code(country)), source.kind)


def _record(article_id: str, n: int, item: Found, sent: Span, source: Argument | None, target: Argument | None,
            records: ArticleRecords, anchor: dt.date | None, coder: Coder) -> Event:
    trigger = item.trigger
    when = event_date(records, sent, trigger, anchor)
    places = [p for p in records.places if sent.start_char <= p.start < sent.end_char]
    place = min(places, key=lambda p: abs(p.start - trigger.idx), default=None)
    quote = coder.quote_at(trigger.idx)
    return Event(
        id=child_id(article_id, "e", n), article_id=article_id,
        event_type=item.sense.type, mode=item.sense.mode, context=item.sense.context, cameo=item.sense.cameo,
        trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger), trigger=trigger.text,
        sentence_start=sent.start_char, sentence_end=sent.end_char, sentence=span_text(sent).strip(),
        source_id=source.actor_id if source else None, source=source.text if source else None,
        source_code=source.code.text if source else None,
        target_id=target.actor_id if target else None, target=target.text if target else None,
        target_code=target.code.text if target else None,
        negated=item.negated, hypothetical=item.hypothetical, future=item.future,
        date=when.date, date_granularity=when.granularity, date_origin=when.origin,
        place_id=place.id if place else None, quote_id=quote.id if quote else None,
    )


def cameo_actor_code(code: str) -> str | None:
    """A CAMEO actor code in chronicle's spacing: "USAGOV" → "USA GOV", "IGOUNO" → "IGO UNO"."""
    parts = [code[i : i + 3] for i in range(0, len(code), 3) if code[i : i + 3].strip("-")]
    return " ".join(parts) or None


def petrarch_events(doc: Doc, records: ArticleRecords, context: ExtractContext, coder: Coder,
                    anchor: dt.date | None, first: int) -> list[Candidate]:
    """Events coded by PETRARCH/TABARI dictionaries (`--dictionaries DIR`) with the sentence coder of
    `chronicle.extract.petrarch`, their CAMEO codes converted to PLOVER by `cameo_to_plover`."""
    if context.dictionaries is None:
        return []
    from chronicle.extract.petrarch import code_sentence, load_dictionaries

    dictionaries = load_dictionaries(context.dictionaries)
    events: list[Candidate] = []
    sentence_index = {sent.start: n for n, sent in enumerate(doc.sents)}
    text = doc_text(doc)
    for sent in doc.sents:
        for coded in code_sentence(sent, dictionaries, date=anchor):
            plover = cameo_to_plover(coded.cameo)
            span = doc.char_span(coded.trigger_start, coded.trigger_end, alignment_mode="expand")
            if plover is None or span is None:
                continue
            sense = Sense(type=plover[0], mode=plover[1], cameo=coded.cameo, origin="petrarch")
            item = Found(span.root, sense, None, None, *attributes(span.root))
            source = _coded_argument(sent, coded.source_text, coded.source_code, coder)
            target = _coded_argument(sent, coded.target_text, coded.target_code, coder)
            event = _record(records.article.id, first + len(events), item, sent, source, target, records,
                            anchor, coder)
            features = event_features(item, source, target, event, sentence_index[sent.start], 1, text)
            events.append(Candidate(event, features))
    return events


def _coded_argument(sent: Span, text: str | None, code: str, coder: Coder) -> Argument | None:
    """A dictionary-coded actor, linked to the chronicle actor whose mention its text covers."""
    if not text:
        return None
    at = sent.text.find(text)
    span = sent.doc.char_span(sent.start_char + at, sent.start_char + at + len(text), alignment_mode="expand") \
        if at >= 0 else None
    actor = coder.actor_of(span.root) if span is not None else None
    cameo = cameo_actor_code(code)
    parts = (cameo or "").split()
    return Argument(span.root if span is not None else sent.root, actor.id if actor else None, text,
                    Code(parts[0] if parts else None, parts[1] if len(parts) > 1 else None))


def event_candidates(doc: Doc, records: ArticleRecords, context: ExtractContext) -> list[Candidate]:
    """The article's events, one per act with its further mentions, each with its features."""
    anchor = records.article.published or context.reference_date
    coder = Coder(doc, records)
    candidates = build_events(doc, records, retyped(find_events(doc, records.quotes)), anchor, coder)
    candidates += petrarch_events(doc, records, context, coder, anchor, len(candidates) + 1)
    return with_article_features(merge_mentions(candidates))


@register_stage("events", fills=("events",))
def extract_events(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    model = event_model()
    article_id = records.article.id
    return {"events": [c.event.model_copy(update={"id": child_id(article_id, "e", n),
                                                  "confidence": model.probability(c.features)})
                       for n, c in enumerate(event_candidates(doc, records, context), start=1)]}
