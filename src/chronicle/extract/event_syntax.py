"""Who does what to whom, read from the parse: the syntax the events stage, the event type classifier
(`event_types.py`) and the event confidence features (`event_confidence.py`) share — sentences, conjuncts,
the passive, a verb's subject (inherited through infinitives, participles and coordination) and objects,
the passive's agent, prepositional targets, antecedents of relatives, a noun's predicating verb, and a
trigger's negation, modality and tense (`attributes`). A module of its own so that those two modules can
import it at load time (events.py imports them)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from chronicle.extract.codes import code_tokens
from chronicle.extract.event_patterns import lexicon, noun_sense

SUBJECT_DEPS = {"nsubj", "csubj"}
OBJECT_DEPS = {"dobj", "obj"}
NOT_ACTORS = {"there", "which", "that", "this", "what", "these", "those"}
DUMMY_VERBS = {"be", "seem", "appear", "become", "take", "make"}  # "it is difficult to negotiate"
RELATIVES = {"which", "that", "who", "whom", "whose"}
PERSONAL_PRONOUNS = {"he", "she", "they", "him", "her", "them", "we", "us", "you", "i", "me"}
FINITE = {"VBD", "VBZ", "VBP"}
NAMED = {"GPE", "ORG", "NORP", "PERSON", "LOC"}
SCAN_WINDOW = 25
# prepositions by which a verb that judges someone names the deed they did ("accused X of …", "blamed X for
# …", "charged X with …"): its object is the deed's doer
JUDGED_DOER_PREPS = {"of", "for", "with"}
# prepositions naming whom a request asks to act ("called on Peru to withdraw", "appealed to Chile to …")
ADDRESSEE_PREPS = {"on", "upon", "to"}
# event types of commitments, whose infinitive their maker does even after an object ("promised Peru to …")
SUBJECT_CONTROL_TYPES = {"AGREE", "THREATEN"}
# prepositions whose gerund is done by the subject of the clause they attach to ("since signing a pledge")
ADJUNCT_PREPS = {"by", "in", "after", "before", "while", "without", "of", "since", "upon", "on", "through",
                 "despite", "to"}


def is_someone(token: Token) -> bool:
    """A named person, organisation or state, or a personal pronoun: who can be judged or acted on."""
    return token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or token.lower_ in PERSONAL_PRONOUNS


# --- syntax ------------------------------------------------------------------------------

SENTENCES_KEY = "chronicle.events.sentences"


def sent_of(token: Token) -> Span:
    """The token's sentence. spaCy's `Token.sent` walks the document's sentences on every call, so the
    events stage maps tokens to sentences once per document (kept in `doc.user_data`)."""
    return sentences(token.doc)[token.i]


def sentences(doc: Doc) -> list[Span]:
    """Each token's sentence, by token index; built once per document from the sentence starts."""
    table = doc.user_data.get(SENTENCES_KEY)
    if table is None or len(table) != len(doc):
        # one Span per sentence, shared by its tokens (a Span per token cost a tenth of the stage)
        spans = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        table = [span for span in spans for _ in range(len(span))]
        doc.user_data[SENTENCES_KEY] = table
    return table


def subtree_through(token: Token) -> Iterator[Token]:
    """The words of the token's subtree up to it and maybe some after, in `Token.subtree`'s order: its left
    children's subtrees, itself, and only those right children's subtrees that reach back before it (a
    non-projective parse). The subtree of an argument runs on through its clauses; callers that keep the
    words before it (`t.i <= token.i`) need not walk them."""
    for child in token.lefts:
        yield from child.subtree
    yield token
    for child in token.rights:
        if child.left_edge.i < token.i:
            yield from child.subtree


def conjuncts(token: Token) -> list[Token]:
    # "Donald Ruiz and Senator Ana Diaz" parsed with the first name as a modifier of the title: a name
    # inside the phrase that has its own "and" is a participant of its own (only a name's phrase is walked:
    # most arguments are none, and their subtrees are long)
    named = {"PERSON", "ORG", "GPE"}
    hidden = [t for t in subtree_through(token) if t.i < token.i and t.dep_ == "nmod" and t.ent_type_ in named
              and any(c.dep_ == "cc" for c in t.children)] if token.ent_type_ in named else []
    return [token, *hidden, *(c for c in token.conjuncts if c.pos_ in {"NOUN", "PROPN", "PRON", "NUM"})]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


def pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def object_of_prep(holder: Token, words: set[str] | frozenset[str]) -> Token | None:
    """The object of `holder`'s first preposition among `words` that has one ("the murder of X" → X for
    {"of"})."""
    return next((o for c in holder.children if c.dep_ == "prep" and c.lower_ in words for o in pobjs(c)), None)


def prep_object(prep: Token) -> Token | None:
    """The object of a preposition, or — when the parser hung it elsewhere ("granted asylum to five
    officers holed up …" parsed with "officers" as the subject of "holed") — the next noun head."""
    found = pobjs(prep)
    if found:
        return found[0]
    for token in prep.doc[prep.i + 1 : min(prep.i + 7, sent_of(prep).end)]:
        if token.pos_ in {"VERB", "AUX", "ADP", "PUNCT"}:
            return None
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ not in {"compound", "amod", "nmod"}:
            return token
    return None


def agent_of(verb: Token) -> Token | None:
    """The `by` phrase of a passive, on the verb or on its infinitive ("forced to land … by a jet")."""
    for holder in [verb, *(c for c in verb.children if c.dep_ == "xcomp")]:
        for child in holder.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                found = pobjs(child)
                if found:
                    return found[0]
    return None


def subject_of(verb: Token) -> Token | None:
    """Who does what the verb says, following the clause structure upwards."""
    current, from_xcomp = verb, False
    for _ in range(6):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if not subjects and current is not verb:
            # a clause reached from below is done by its subject even where that clause is passive: "Roof
            # is accused of killing nine", "was suspended after slamming X", "was asked to resign"
            subjects = [c for c in current.children if c.dep_ == "nsubjpass"]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in {"who", "that", "which"} and current.dep_ == "relcl":
                return predicated(current.head)
            if subject.lower_ in NOT_ACTORS or (subject.lower_ == "it" and current.lemma_ in DUMMY_VERBS):
                return None
            return subject
        if is_passive(current) and current is verb:
            agent = agent_of(current)
            stative = current.lemma_.lower() in lexicon().stative and agent is None
            if not stative:
                return agent
            subjects = [c for c in current.children if c.dep_ == "nsubjpass"]  # "Israel is opposed to …"
            return subjects[0] if subjects else None
        dep, head = current.dep_, current.head
        if dep == "xcomp":
            controller = _controller(head, current)
            if controller is not None:
                return controller
            current, from_xcomp = head, True
        elif dep == "conj":
            current, from_xcomp = _conjoined_with(current), False
        elif dep == "advcl" and (current.tag_ == "VBG" or is_infinitive(current)):
            current, from_xcomp = head, False  # "…, injuring seven"; "sent personnel to investigate"
        elif dep == "acomp":
            current, from_xcomp = head, False  # "France is ready to contribute", "are guilty of violating"
        elif dep == "pcomp" and head.lower_ in JUDGED_DOER_PREPS and (doer := _judged_doer(head)) is not None:
            return doer  # "accused Peru of attacking X", "ridiculed Ana for criticizing X"
        elif dep == "pcomp" and head.lower_ in ADJUNCT_PREPS:
            # "put pressure on X by attempting to push …"; "Beijing has cut … since signing a pledge";
            # "in remarks after meeting with the council, Obama said": the gerund's own possessor, else
            # the subject of the clause its phrase belongs to
            own = next((c for c in current.children if c.dep_ == "poss"), None)
            if own is not None:
                return own
            current, from_xcomp = _clause_of(head.head), False
        elif dep == "pcomp" and head.lower_ == "for" and head.head.pos_ in {"VERB", "AUX"}:
            current, from_xcomp = head.head, False  # "took heat for not condemning X": no one blamed, the subject
        elif dep == "acl":
            if current.tag_ == "VBN":
                return head if from_xcomp else None  # "migrants seen hurling": the seen are the hurlers
            if is_infinitive(current) and head.head.pos_ in {"VERB", "AUX"}:
                current, from_xcomp = head.head, False  # "led efforts to send": who led
            elif head.lemma_.lower() in lexicon().message_nouns and head.head.pos_ in {"VERB", "AUX"}:
                current, from_xcomp = head.head, False  # "issued a declaration demanding …": who issued it
            elif _is_circumstance(head):
                # "is on solid ground attacking X", "spent $10 million attacking X": a participle on a
                # circumstance of the clause says what the clause's subject did
                current, from_xcomp = _governing_verb(head), False
            else:
                return head  # "migrants hurling stones"
        else:
            return None
    return None


def _is_party(token: Token) -> bool:
    """Someone (`is_someone`) or a body coded by its words ("the parliament", "police"): who can act."""
    return is_someone(token) or bool(code_tokens([token]).sector)


def _controller(verb: Token, infinitive: Token) -> Token | None:
    """Who does the infinitive a verb takes after a party ("prompted the parliament to condemn X",
    "forced Ana Ruiz to resign", "called on Peru to withdraw"): the verb's object — for the lexicon's
    object-control verbs whatever it is, for any other verb when it is a party named before the
    infinitive — or a request's addressee named by "on"/"upon"/"to"; else (None) the verb's subject does it. A
    commitment is done by its maker ("promised Peru to withdraw": the promiser withdraws), and an
    instrument's use by its user ("used drones to strike X")."""
    lex = lexicon()
    lemma = verb.lemma_.lower()
    types = {sense.type for sense in lex.verbs.get(lemma, ())}
    if types & SUBJECT_CONTROL_TYPES or lemma in lex.instrument_verbs:
        return None
    obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
    if obj is not None and (lemma in lex.object_control or (
            is_infinitive(infinitive) and obj.i < infinitive.i and _is_party(obj))):
        return obj
    if obj is None and (lemma in lex.object_control or "REQUEST" in types):
        return next((o for c in verb.children if c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPS
                     and c.i < infinitive.i for o in pobjs(c) if _is_party(o)), None)
    return None


def _judged_doer(prep: Token) -> Token | None:
    """The party a verb judges for, of or with a deed is its doer ("accused Peru of attacking X",
    "charged him with leaking …", "ridiculed Ana for criticizing X"): the verb's object when it is a
    party; else None ("took heat for not condemning X")."""
    verb = prep.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
    return obj if obj is not None and _is_party(obj) else None


def _is_circumstance(noun: Token) -> bool:
    """A noun a participle describes that can do nothing itself: no party (`_is_party`), no act of the
    lexicon ("protests denouncing X" are the protesters'), named by no entity, and the object of its verb
    or of a preposition — a circumstance of the clause ("on solid ground", "a strong moment", "$10
    million"), not what the clause is about."""
    return (noun.dep_ in OBJECT_DEPS | {"pobj", "attr"} and noun.ent_type_ not in NAMED and not _is_party(noun)
            and noun_sense(noun) is None and _governing_verb(noun).pos_ in {"VERB", "AUX"})


def _governing_verb(noun: Token) -> Token:
    """The verb whose object or attribute the noun is, or whose prepositional phrases it is in (`_clause_of`)."""
    return noun.head if noun.dep_ in OBJECT_DEPS | {"attr"} else _clause_of(noun)


def _clause_of(token: Token) -> Token:
    """The verb a phrase belongs to: the token, or for a noun inside prepositional phrases ("in remarks
    after …") the verb those phrases hang on (up to three phrases up); else the token."""
    current = token
    for _ in range(3):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.dep_ not in {"pobj", "prep"}:
            break
        current = current.head.head if current.dep_ == "pobj" else current.head
    return current if current.pos_ in {"VERB", "AUX"} else token


def predicated(noun: Token) -> Token:
    """Whom a description stands for, when a relative clause on it says what they did: the subject of
    a copula it is the predicate of ("Ana Ruiz is a lawyer who sued …"), the name it is in apposition to
    ("Ana Ruiz, a former chair who backs …"), or whom a verb describes "as" it ("was identified as the
    man who shot …"); else the noun itself."""
    current = noun
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head  # "a liar and xenophobe who …"
    if current.pos_ not in {"NOUN", "PRON"} or current.ent_type_ in NAMED:
        return noun
    head = current.head
    if current.dep_ == "appos" and (head.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or head.pos_ == "PROPN"):
        return head
    if current.dep_ == "attr" and head.pos_ in {"AUX", "VERB"} and head.lemma_ in {"be", "become", "remain"}:
        subject = subject_of(head)  # also through coordination: "Ruiz incites … and is a liar who …"
        return subject if subject is not None else noun
    if current.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB":
        verb = head.head
        described = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None) or next(
            (c for c in verb.children if c.dep_ in {"nsubjpass"}), None)
        return described if described is not None and described.lower_ not in NOT_ACTORS else noun
    return noun


def _conjoined_with(verb: Token) -> Token:
    """The verb a coordinated verb shares its subject with. A finite verb the parser attached to an
    infinitive or to a verb of another tense ("told them that they have a right to enter … and
    promised to aid them") belongs with the nearest verb above of its own tense."""
    head = verb.head
    if verb.tag_ not in FINITE or head.tag_ == verb.tag_:
        return head
    match = next((a for a in verb.ancestors if a.tag_ == verb.tag_ and a.pos_ in {"VERB", "AUX"}), None)
    return match if match is not None else head


def semantic_head(token: Token) -> Token:
    """"thousands of refugees", "a group of migrants": the counted noun is what the phrase is about."""
    if token.pos_ == "NUM" or token.lemma_.lower() in lexicon().quantity_nouns:
        inner = object_of_prep(token, {"of"})
        if inner is not None:
            # "one of the journalists, Ana Ruiz,": the name in apposition is the one counted
            named = next((c for h in (inner, token) for c in h.children
                          if c.dep_ == "appos" and c.ent_type_ in {"PERSON", "ORG", "GPE"}), None)
            return named if named is not None else inner
    return token


def is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def objects_of(verb: Token) -> list[Token]:
    if is_passive(verb) and not (verb.lemma_.lower() in lexicon().stative and agent_of(verb) is None):
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None:
            return [antecedent(subject)]
        return [verb.head] if verb.dep_ == "acl" else []
    return [semantic_head(antecedent(c)) for c in verb.children if c.dep_ in OBJECT_DEPS]


def antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause describes: "the pact which Trump criticized",
    "five delegates, two of whom pledged …"."""
    if token.lower_ not in RELATIVES:
        return token
    clause = token.head
    while clause.dep_ in {"prep", "pobj"} and clause.head.i != clause.i:  # "two of whom"
        clause = clause.head
    while clause.dep_ in {"conj", "nsubj", "dobj"} and clause.head.i != clause.i:
        clause = clause.head  # "which the group opposed and which Ana backed"; "two (of whom) pledged"
    if clause.dep_ == "relcl" and clause.head.pos_ in {"NOUN", "PROPN"}:
        return clause.head
    return token


def prep_targets(holder: Token, preps: frozenset[str]) -> list[Token]:
    found = []
    for child in holder.children:
        if child.dep_ not in {"prep", "dative", "prt"} or child.lower_ not in preps:
            continue
        # a particle with an object is a preposition the parser took for one ("calling on attendees to …")
        obj = next(iter(pobjs(child)), None) if child.dep_ == "prt" else prep_object(child)
        if obj is not None:
            found.append(semantic_head(obj))
    return found


def scan_target(doc: Doc, start: int, end: int, preps: frozenset[str]) -> Token | None:
    """Parsers attach a preposition after a long object to the wrong word ("hurling stones and even stun
    grenades at Polish soldiers"): the first target preposition to the right, before the next clause."""
    for token in doc[start + 1 : min(end, start + SCAN_WINDOW)]:
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "compound"}:
            return None
        if token.pos_ == "ADP" and token.lower_ in preps:
            return prep_object(token)
    return None


# --- attributes ----------------------------------------------------------------------------------

CHAIN_DEPS = {"xcomp", "ccomp", "advcl", "conj", "acl", "pcomp", "pobj", "prep", "dobj", "nsubjpass", "nsubj", "attr"}


def attributes(trigger: Token) -> tuple[bool, bool, bool]:
    """(negated, hypothetical, future) of a trigger. Negation and tense are the trigger's own (or, for
    an event noun, its verb's: "will hold talks"), also through infinitives ("will continue to send");
    a modal or a condition anywhere above, or a verb of intention or obligation above it ("promised to
    aid", "need to be imposed"), makes it hypothetical."""
    lex = lexicon()
    negated = hypothetical = future = False
    current, own = trigger, True
    for n in range(6):
        words = {c.lower_ for c in current.children if c.dep_ in {"neg", "aux", "auxpass", "mark", "det", "advmod"}}
        if own:
            negated = negated or bool(words & lex.negators)
            future = future or bool(words & lex.future) or (current.lemma_ == "go" and current.tag_ == "VBG")
        hypothetical = hypothetical or bool(words & lex.hypothetical)
        if n > 0 and current.lemma_.lower() in lex.intent_verbs | lex.deontic:
            hypothetical = True
        if current.dep_ not in CHAIN_DEPS or current.head.i == current.i:
            break
        # still the trigger's own clause: a noun's verb, or the verb an infinitive completes
        own = own and (current.dep_ == "xcomp" or current.pos_ in {"NOUN", "PROPN", "ADP"})
        current = current.head
    return negated, hypothetical, future
