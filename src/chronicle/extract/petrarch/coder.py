"""Code a parsed sentence with PETRARCH dictionaries: (source, target, CAMEO code) triples.

PETRARCH2 walks a Treebank constituency parse; this coder walks spaCy's dependency parse instead,
following PETRARCH2's conventions where they can be observed in its unit-test records:

* actors are found by longest match against the actor dictionary; agent phrases add their code
  after the actor's (`Arnor diplomat` → ARNGOV) or before it for `[NGO~]`-style agents, and an
  agent with no actor gets `---` (`officials` → ---GOV); codes already present are not repeated;
* the verb's dictionary block gives the default code; the pattern with the most matched words
  overrides it; patterns see the words before the verb (`* ` preceded by `WILL NOT`) and the words
  after it in its own clause, with gaps allowed except where `_` joins two items;
* the source is the subject (inherited through `to`-clauses and coordinated verbs), or the `by`
  agent of a passive; the target is the object, else an actor inside it, else a prepositional
  object, else the subject of a complement clause that codes no event itself;
* pattern slots move the roles: `+` before the verb makes the subject the target, `$` after it
  takes the source from there, `%` before it codes the coordinated subject with itself;
* `[a:b]` codes a from source to target and b back; `---` codes nothing; both actors are required
  (PETRARCH's `require_dyad`) and an actor does not act on itself; discard phrases drop the sentence.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from chronicle.extract.petrarch.dictionaries import (
    NULL_CODE,
    Actor,
    Agent,
    Dictionaries,
    Element,
    Pattern,
    VerbForm,
    date_key,
)

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "dative", "attr", "oprd", "obj"})
# clauses a subject is inherited through: "X is about to restore", "X met Y and signed …"
INHERIT = frozenset({"xcomp", "conj", "acomp"})
# noun modifiers that belong to the actor phrase ("Gondor's government", "Arnor security officials")
NP_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "npadvmod", "quantmod", "case"})
# prepositions that attach an actor to an agent ("ministers of Arnor", "lawmakers in Gondor");
# `of` also to any noun ("the population of Gondor")
NP_PREPOSITIONS = frozenset({"of", "in", "from"})
# target search does not cross into these clauses; participial modifiers (acl: "the roads leading
# into Mordor", "memos sent by Bree") are searched as PETRARCH2 searches the whole object phrase
CLAUSES = frozenset({"relcl", "advcl", "ccomp", "csubj", "conj", "parataxis"})


@dataclass(frozen=True)
class CodedEvent:
    source_code: str
    target_code: str
    cameo: str
    trigger_start: int
    trigger_end: int
    source_text: str | None
    target_text: str | None


@dataclass(frozen=True)
class CodedActor:
    code: str
    text: str
    tokens: frozenset[int]


@dataclass(frozen=True)
class Mention:
    start: int  # token index within the sentence
    end: int
    payload: Actor | Agent


class SentenceIndex:
    """Upper-case words of a sentence and the actor/agent mentions found in them."""

    def __init__(self, sent: Span, dicts: Dictionaries, date: int | None) -> None:
        self.sent = sent
        self.offset = sent.start
        self.words = [t.text.upper() for t in sent]
        self.word_set = frozenset(self.words)
        self.date = date
        self.actor_at = self._scan(dicts.actors)
        self.agent_at = self._scan(dicts.agents)

    def _scan(self, index) -> dict[int, Mention]:
        """Leftmost-longest matches; every token of a match maps to the mention."""
        at: dict[int, Mention] = {}
        i = 0
        while i < len(self.words):
            hit = index.longest(self.words, i)
            if hit is None:
                i += 1
                continue
            n, payload = hit
            mention = Mention(i, i + n, payload)
            for k in range(i, i + n):
                at[k] = mention
            i += n
        return at

    def local(self, token: Token) -> int:
        return token.i - self.offset


def combine(actor_code: str, agents: list[Agent]) -> str:
    """PETRARCH-style code: prefix agents + actor + suffix agents, without repeating 3-letter parts."""
    code = actor_code
    for agent in agents:
        parts = {code[k : k + 3] for k in range(0, len(code), 3)}
        if all(agent.code[k : k + 3] in parts for k in range(0, len(agent.code), 3)):
            continue
        code = agent.code + code if agent.prefix else code + agent.code
    return code


def expand_codes(code: str) -> list[str]:
    """`FRO/BIL/SAM` names several actors at once."""
    return [c for c in code.split("/") if c]


class Coder:
    def __init__(self, sent: Span, dicts: Dictionaries, date: int | None) -> None:
        self.dicts = dicts
        self.idx = SentenceIndex(sent, dicts, date)
        self.sent = sent

    # --- actors -------------------------------------------------------------------------------

    def _local_tokens(self, head: Token) -> list[Token]:
        """The head noun and its pre-modifiers (with their subtrees), in text order."""
        tokens = [head]
        for child in head.children:
            if child.dep_ in NP_MODIFIERS or (child.dep_ == "compound"):
                tokens.extend(child.subtree)
        return sorted(tokens, key=lambda t: t.i)

    def _mentions(self, tokens: list[Token]) -> tuple[list[Mention], list[Mention]]:
        actors: list[Mention] = []
        agents: list[Mention] = []
        for t in tokens:
            k = self.idx.local(t)
            for table, out in ((self.idx.actor_at, actors), (self.idx.agent_at, agents)):
                m = table.get(k)
                if m is not None and m not in out:
                    out.append(m)
        return actors, agents

    def np_actors(self, head: Token, depth: int = 0) -> list[CodedActor]:
        """Coded actors for the noun phrase headed by `head`, one per coordinated member."""
        out: list[CodedActor] = []
        members = [head] + [c for c in head.conjuncts if c.i > head.i]
        shared: list[CodedActor] = []
        pending: list[tuple[Token, list[Agent]]] = []
        for member in members:
            coded, agents_only = self._member_actors(member, depth)
            if coded:
                out.extend(coded)
                if not shared:
                    shared = coded
            elif agents_only:
                pending.append((member, agents_only))
        for member, agents in pending:
            # "Danish media and government": an agent-only member takes the actor of its siblings
            if shared:
                base = [c for c in shared if c.code[:3] != NULL_CODE] or shared
                for c in base[:1]:
                    out.append(CodedActor(combine(c.code[:3], agents), member.text, frozenset({member.i})))
            else:
                out.append(CodedActor(combine(NULL_CODE, agents), member.text, frozenset({member.i})))
        return out

    def _actor_code(self, mention: Mention) -> str | None:
        actor = mention.payload
        assert isinstance(actor, Actor)
        return actor.code_on(self.idx.date)

    def _member_actors(self, member: Token, depth: int) -> tuple[list[CodedActor], list[Agent]]:
        tokens = self._local_tokens(member)
        actor_mentions, agent_mentions = self._mentions(tokens)
        agents = [m.payload for m in agent_mentions if isinstance(m.payload, Agent)]
        text_tokens = frozenset(t.i for t in tokens)
        text = self.sent.doc[min(text_tokens) : max(text_tokens) + 1].text
        codes = [c for m in actor_mentions if (c := self._actor_code(m))]
        if codes:
            # the actor nearest the head names the group ("Gondor's Prime Minister Falastur"), unless
            # the modifiers are coordinated ("Eriadori and Calenardhon leaders")
            chosen = codes if any(t.dep_ == "cc" for t in tokens) else codes[-1:]
            return [CodedActor(combine(code, agents), text, text_tokens)
                    for group in chosen for code in expand_codes(group)], []
        if depth < 2:
            for child in member.children:
                inner: list[CodedActor] = []
                if child.dep_ == "prep" and (child.lower_ == "of" or (agents and child.lower_ in NP_PREPOSITIONS)):
                    pobjs = [p for p in child.children if p.dep_ == "pobj"]
                    inner = [a for pobj in pobjs for a in self.np_actors(pobj, depth + 1)]
                elif child.dep_ == "appos" and not agents:
                    inner = self.np_actors(child, depth + 1)
                if inner:
                    return [CodedActor(combine(a.code, agents), a.text, a.tokens | text_tokens) for a in inner], []
        return [], agents

    def first_actors(self, root: Token, exclude: frozenset[int]) -> list[CodedActor]:
        """Breadth-first: the first noun phrase under `root` (not crossing clauses) with actors."""
        queue = [root]
        while queue:
            node = queue.pop(0)
            if node.i not in exclude and node.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"):
                found = [a for a in self.np_actors(node) if not (a.tokens & exclude)]
                if found:
                    return found
            queue.extend(c for c in node.children if c.dep_ not in CLAUSES and c.dep_ != "punct")
        return []

    # --- roles --------------------------------------------------------------------------------

    def subject_of(self, verb: Token) -> tuple[Token | None, bool]:
        """The subject token and whether it is the patient of a passive (nsubjpass)."""
        node = verb
        for _ in range(5):
            for child in node.children:
                if child.dep_ in SUBJECTS:
                    if child.pos_ == "PRON" and node.dep_ in ("ccomp", "xcomp") and node.head is not node:
                        # "Ethiopia indicated it would act": the pronoun is the governing subject
                        return self.subject_of(node.head)[0] or child, child.dep_ == "nsubjpass"
                    return child, child.dep_ == "nsubjpass"
            if node.dep_ == "relcl":
                return node.head, False
            if node.dep_ == "xcomp":
                # object control: "urged Eriador to respond" — the object is the subject
                for child in node.head.children:
                    if child.dep_ in OBJECTS:
                        return child, False
            if node.dep_ not in INHERIT or node.head is node:
                break
            node = node.head
        return None, False

    def passive_agent(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        return None

    def targets_of(self, verb: Token, exclude: frozenset[int]) -> list[CodedActor]:
        for child in verb.children:
            if child.dep_ in OBJECTS and (found := self.first_actors(child, exclude)):
                return found
        for child in verb.children:
            if child.dep_ in ("prep", "agent"):
                for pobj in child.children:
                    if pobj.dep_ in ("pobj", "pcomp") and (found := self.first_actors(pobj, exclude)):
                        return found
        for child in verb.children:
            # "vowed to wage war on X": the target of an infinitival complement without its own subject
            if (child.dep_ == "xcomp" and not any(c.dep_ in SUBJECTS for c in child.children)
                    and (found := self.targets_of(child, exclude))):
                return found
        return []

    # --- verbs and patterns -------------------------------------------------------------------

    def verb_forms(self, token: Token) -> list[tuple[VerbForm, int, int]]:
        """Dictionary verbs this token can be, with their token span (local indices)."""
        words = self.idx.words
        k = self.idx.local(token)
        found = []
        for key in dict.fromkeys((words[k], token.lemma_.upper())):
            for form in self.dicts.verbs.get(key, ()):
                nb, na = len(form.before), len(form.after)
                around = (tuple(words[k - nb : k]), tuple(words[k + 1 : k + 1 + na]))
                if k >= nb and around == (form.before, form.after):
                    found.append((form, k - nb, k + 1 + na))
            if found:
                break
        # the longest multi-word verb wins ("broken down" over "broken")
        found.sort(key=lambda f: -(f[2] - f[1]))
        return found

    def _match_at(self, element: Element, i: int) -> int | None:
        """End index if `element` matches the words at `i`."""
        words = self.idx.words
        if i >= len(words):
            return None
        if element.kind == "word":
            return i + 1 if words[i] in element.value.split("/") else None
        if element.kind == "synset":
            for member in self.dicts.synset_starts[element.value].get(words[i], ()):
                if tuple(words[i : i + len(member)]) == member:
                    return i + len(member)
            return None
        if element.kind in ("source", "target", "compound"):
            m = self.idx.actor_at.get(i)
            return m.end if m is not None and m.start == i else None
        return i  # "^" skips nothing by itself; gaps are allowed anyway

    def _match_forward(self, elements: tuple[Element, ...], pos: int, limit: int, adjacent: bool,
                       slots: dict[str, int]) -> bool:
        if not elements:
            return True
        element, rest = elements[0], elements[1:]
        starts = [pos] if adjacent else range(pos, limit)
        for i in starts:
            end = self._match_at(element, i)
            if end is None or end > limit:
                continue
            found = dict(slots)
            if element.kind in ("source", "target", "compound"):
                found[element.kind] = i
            if self._match_forward(rest, end, limit, element.joined, found):
                slots.update(found)
                return True
        return False

    def _match_backward(self, elements: tuple[Element, ...], end: int, adjacent: bool) -> bool:
        """Match `elements` (text order) so that the last one ends at/before `end`."""
        if not elements:
            return True
        element, rest = elements[-1], elements[:-1]
        if element.kind in ("source", "target", "compound", "skip"):
            return self._match_backward(rest, end, False)  # the subject fills these; checked by roles
        candidates = range(end - 1, -1, -1)
        for i in candidates:
            stop = self._match_at(element, i)
            if stop is None or stop > end or (adjacent and stop != end):
                continue
            before_joined = bool(rest) and rest[-1].joined
            if self._match_backward(rest, i, before_joined):
                return True
            if adjacent:
                break
        return False

    def best_pattern(self, form: VerbForm, start: int, end: int, limit: int, n_subjects: int
                     ) -> tuple[Pattern | None, dict[str, int]]:
        """The matching pattern with the most items (earliest on ties), with its slot positions."""
        best: tuple[Pattern | None, dict[str, int]] = (None, {})
        for pattern in form.block.patterns:
            if best[0] is not None and pattern.weight <= best[0].weight:
                continue
            needed = max((2 if e.kind == "compound" else 1 for e in pattern.before if e.kind != "skip"), default=0)
            if n_subjects < needed or not pattern.required_words <= self.idx.word_set:
                continue
            before_adjacent = bool(pattern.before) and pattern.before[-1].joined
            if not self._match_backward(pattern.before, start, before_adjacent):
                continue
            slots: dict[str, int] = {}
            if self._match_forward(pattern.after, end, limit, pattern.verb_joined_after, slots):
                best = (pattern, slots)
        return best

    def clause_limit(self, verb: Token, end: int) -> int:
        """Patterns after the verb stay inside its clause: stop before a coordinated verb."""
        right = [t for t in verb.subtree if t.i > verb.i]
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                cut = {t.i for t in child.subtree} | {t.i for t in verb.children if t.dep_ == "cc" and t.i < child.i}
                right = [t for t in right if t.i not in cut]
        last = max((self.idx.local(t) for t in right), default=end - 1)
        return max(last + 1, end)

    # --- events -------------------------------------------------------------------------------

    def code(self) -> list[CodedEvent]:
        words = self.idx.words
        for index in (self.dicts.sentence_discards, self.dicts.story_discards):
            if any(index.longest(words, i) for i in range(len(words))):
                return []
        events: list[CodedEvent] = []
        deferred: list[tuple[Token, str, list[CodedActor], int, int]] = []
        taken: set[int] = set()
        for token in self.sent:
            if (token.pos_ != "VERB" and not token.tag_.startswith("VB")) or token.i in taken:
                continue
            if token.pos_ == "AUX" and token.dep_ in ("aux", "auxpass"):
                continue
            forms = self.verb_forms(token)
            if not forms:
                continue
            form, start, end = forms[0]
            taken.update(range(start + self.idx.offset, end + self.idx.offset))
            subject, passive = self.subject_of(token)
            subj_actors = self.np_actors(subject) if subject is not None else []
            pattern, slots = self.best_pattern(form, start, end, self.clause_limit(token, end), len(subj_actors))
            cameo = pattern.code if pattern else (form.code or form.block.code)
            if cameo.replace(":", "").strip("-") == "" or cameo == NULL_CODE:
                continue
            trig = (self.sent[start].idx, self.sent[end - 1].idx + len(self.sent[end - 1]))
            sources, targets, reciprocal = self.roles(token, subj_actors, passive, pattern, slots)
            if sources and not targets and pattern is None:
                deferred.append((token, cameo, sources, *trig))
                continue
            events.extend(self.emit(cameo, sources, targets, trig, reciprocal))
        for token, cameo, sources, t0, t1 in deferred:
            events.extend(self.complement_event(token, cameo, sources, (t0, t1), events))
        return list(dict.fromkeys(events))

    def complement_event(self, verb: Token, cameo: str, sources: list[CodedActor], trig: tuple[int, int],
                         events: list[CodedEvent]) -> list[CodedEvent]:
        """`X believes Y can cope`: Y is the target, unless the complement codes an event itself."""
        for child in verb.children:
            # a complement before the verb is reported speech ("…, an official said"): not a target
            if child.dep_ != "ccomp" or child.i < verb.i:
                continue
            span = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
            if any(span[0] <= e.trigger_start < span[1] for e in events):
                return []
            subject, _ = self.subject_of(child)
            if subject is not None:
                exclude = frozenset(i for s in sources for i in s.tokens)
                targets = [a for a in self.np_actors(subject) if not (a.tokens & exclude)]
                return self.emit(cameo, sources, targets, trig, False)
        return []

    def roles(self, verb: Token, subj_actors: list[CodedActor], passive: bool, pattern: Pattern | None,
              slots: dict[str, int]) -> tuple[list[CodedActor], list[CodedActor], bool]:
        used = frozenset(i for a in subj_actors for i in a.tokens)
        before = pattern.before if pattern else ()
        if any(e.kind == "compound" for e in before):
            return subj_actors, subj_actors, True
        slot_actor = {kind: self._slot_actors(i) for kind, i in slots.items()}
        if any(e.kind == "target" for e in before):
            return slot_actor.get("source", []), subj_actors, False
        sources = subj_actors
        agent = self.passive_agent(verb)
        if passive and agent is not None:
            by = self.np_actors(agent)
            if by:
                return by, subj_actors, False
        if "source" in slot_actor:
            sources = slot_actor["source"]
        if "target" in slot_actor:
            return sources, slot_actor["target"], False
        if "compound" in slot_actor:
            return sources, slot_actor["compound"], False
        return sources, self.targets_of(verb, used), False

    def _slot_actors(self, i: int) -> list[CodedActor]:
        token = self.sent[i]
        head = token
        # climb to the head noun of the phrase the actor word belongs to
        while head.dep_ in NP_MODIFIERS and head.head is not head:
            head = head.head
        return self.np_actors(head) or self.np_actors(token)

    def emit(self, cameo: str, sources: list[CodedActor], targets: list[CodedActor], trig: tuple[int, int],
             reciprocal: bool) -> list[CodedEvent]:
        forward, _, backward = cameo.partition(":")
        out = []
        for s, t in itertools.product(sources, targets):
            for sc, tc in itertools.product(expand_codes(s.code), expand_codes(t.code)):
                if sc == tc:
                    continue
                if forward.strip("-"):
                    out.append(CodedEvent(sc, tc, forward, *trig, s.text, t.text))
                if backward.strip("-") and not reciprocal:
                    out.append(CodedEvent(tc, sc, backward, *trig, t.text, s.text))
        return out


def code_sentence(sent: Span, dicts: Dictionaries, *, date: dt.date | int | None = None) -> list[CodedEvent]:
    """Events PETRARCH-style dictionaries code in one sentence; `date` selects dated actor codes."""
    return Coder(sent, dicts, date_key(date)).code()
