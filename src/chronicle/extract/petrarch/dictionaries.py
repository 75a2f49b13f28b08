"""Readers for PETRARCH/TABARI dictionaries: actors, agents, verbs (CAMEO), discards, issues.

The formats are plain text read line by line, as PETRARCH's `PETRreader` does; there is no
maintained Python package for them, so they are parsed here. Every line either parses or is
reported in `Dictionaries.errors` as one line naming the file and line number — nothing is skipped
silently. Phrases are upper-cased word tuples: `_` and spaces separate words, and a hyphen between
letters becomes its own word because that is how spaCy tokenises `Barad-dur` or `semi-official`.
See docs/petrarch.md for the formats and what each marker means.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

P = TypeVar("P")

NULL_CODE = "---"
# a hyphen between letters/digits and a letter is split off by spaCy's tokenizer (infix rule)
_HYPHEN = re.compile(r"(?<=[A-Z0-9])-(?=[A-Z])")
_BRACKET = re.compile(r"\[([^\]]*)\]")
_BRACES = re.compile(r"\{([^}]*)\}")
_DATED = re.compile(
    r"^(?P<code>[^\s<>\d][^\s<>]*)?\s*(?:(?P<op>[<>])\s*(?P<date>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))?$"
)
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


class DictionaryError(ValueError):
    """A dictionary folder cannot be used at all (missing verbs/actors, unreadable file)."""


class PhraseIndex(Generic[P]):
    """Phrases keyed by first word, then by length (longest first), for longest-match lookup.

    The first phrase added wins when a phrase occurs twice, as in PETRARCH.
    """

    def __init__(self) -> None:
        self._by_first: dict[str, dict[int, dict[tuple[str, ...], P]]] = defaultdict(dict)
        self._lengths: dict[str, tuple[int, ...]] = {}

    def add(self, words: tuple[str, ...], payload: P) -> None:
        if words:
            self._by_first[words[0]].setdefault(len(words), {}).setdefault(words, payload)

    def freeze(self) -> None:
        self._lengths = {w: tuple(sorted(by_len, reverse=True)) for w, by_len in self._by_first.items()}

    def longest(self, words: list[str], i: int) -> tuple[int, P] | None:
        by_len = self._by_first.get(words[i])
        if by_len is None:
            return None
        for n in self._lengths.get(words[i]) or sorted(by_len, reverse=True):
            payload = by_len[n].get(tuple(words[i : i + n]))
            if payload is not None:
                return n, payload
        return None

    def __len__(self) -> int:
        return sum(len(t) for by_len in self._by_first.values() for t in by_len.values())


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: int | None = None  # YYYYMMDD, inclusive
    end: int | None = None  # YYYYMMDD, inclusive

    def covers(self, date: int) -> bool:
        return (self.start is None or date >= self.start) and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class Actor:
    name: str
    codes: tuple[DatedCode, ...]

    def code_on(self, date: int | None) -> str | None:
        """First dated restriction covering `date`, else the undated code (PETRARCH's order)."""
        if date is not None:
            for c in self.codes:
                if (c.start is not None or c.end is not None) and c.covers(date):
                    return c.code
        undated = [c.code for c in self.codes if c.start is None and c.end is None]
        return undated[0] if undated else None


@dataclass(frozen=True)
class Agent:
    name: str
    code: str
    prefix: bool  # `[NGO~]`: the code goes before the actor's code; `[~GOV]` after it


@dataclass(frozen=True)
class Element:
    """One item of a verb pattern: a word, a synset (`&NAME`) or a slot marker."""

    kind: str  # "word", "synset", "source" ($), "target" (+), "compound" (%), "skip" (^)
    value: str = ""
    joined: bool = False  # `_`: must be immediately followed by the next element (or the verb)


@dataclass(frozen=True, eq=False)
class Pattern:
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str
    verb_joined_after: bool  # `*_X`: X must immediately follow the verb
    line: int

    @functools.cached_property
    def weight(self) -> int:
        return sum(e.kind != "skip" for e in self.before + self.after)

    @functools.cached_property
    def required_words(self) -> frozenset[str]:
        """Plain words that must all occur in a sentence for the pattern to match (a cheap pre-check)."""
        return frozenset(e.value for e in self.before + self.after if e.kind == "word" and "/" not in e.value)


@dataclass
class VerbBlock:
    name: str
    code: str
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class VerbForm:
    """An inflected verb word with the words that must stand right before/after it."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    block: VerbBlock
    code: str | None  # the verb's own default code (`DOWNPLAY [014]`), else the block's


@dataclass(frozen=True)
class Issue:
    category: str
    phrase: str
    code: str
    excluded: bool  # `~phrase`: the phrase does not count for the category


@dataclass
class Dictionaries:
    directory: Path
    actors: PhraseIndex[Actor] = field(default_factory=PhraseIndex)
    agents: PhraseIndex[Agent] = field(default_factory=PhraseIndex)
    verbs: dict[str, list[VerbForm]] = field(default_factory=lambda: defaultdict(list))
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # synset name → first word → members (longest first), so matching looks up one word
    synset_starts: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict)
    sentence_discards: PhraseIndex[str] = field(default_factory=PhraseIndex)
    story_discards: PhraseIndex[str] = field(default_factory=PhraseIndex)
    issues: list[Issue] = field(default_factory=list)
    transformations: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def words_of(phrase: str) -> tuple[str, ...]:
    """`MINAS_TIRITH` / `Minas Tirith` / `BARAD-DUR` → ("MINAS", "TIRITH") / ("BARAD", "-", "DUR")."""
    text = _HYPHEN.sub(" - ", phrase.upper().replace("_", " "))
    return tuple(text.split())


def parse_date(text: str) -> int:
    """YYYYMMDD, or TABARI's YYMMDD (years before 30 are 20xx); raises ValueError."""
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy < 30 else 1900 + yy}{text[2:]}"
    if len(text) != 8:
        raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    return int(text)


def date_key(date: dt.date | int | None) -> int | None:
    if date is None or isinstance(date, int):
        return date
    return date.year * 10000 + date.month * 100 + date.day


def strip_comment(line: str) -> str:
    """Drop a `#` comment, but not a `#` inside a `[code]` (PETRARCH uses `[###]`)."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return line[:i].rstrip()
    return line.rstrip()


def clean_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) without comments; comment-only lines are dropped, blank lines kept as "".

    Blank lines matter (they end a synset); a `#` comment line inside a synset does not.
    """
    out = []
    in_xml_comment = False
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if in_xml_comment:
            in_xml_comment = "-->" not in raw
            continue
        if raw.lstrip().startswith("<!"):
            in_xml_comment = "-->" not in raw
            continue
        text = strip_comment(raw)
        if text.strip() or not raw.strip():
            out.append((n, text))
    return out


def parse_code(text: str, where: str) -> DatedCode:
    """`CODE`, `CODE >YYMMDD`, `CODE <YYMMDD` or `CODE YYYYMMDD-YYYYMMDD`; ValueError names `where`."""
    m = _DATED.match(text.strip())
    if not m or not m.group("code"):
        raise ValueError(f"{where}: cannot read code [{text}]")
    code = m.group("code").upper()
    try:
        if m.group("op") == "<":
            return DatedCode(code, None, parse_date(m.group("date")) - 1)
        if m.group("op") == ">":
            return DatedCode(code, parse_date(m.group("date")), None)
        if m.group("start"):
            return DatedCode(code, parse_date(m.group("start")), parse_date(m.group("end")))
    except ValueError as exc:
        raise ValueError(f"{where}: code [{text}]: {exc}") from None
    return DatedCode(code)


# --- actors -----------------------------------------------------------------------------------


def read_actors(path: Path, dicts: Dictionaries) -> None:
    """`NAME [CODE]`, `+SYNONYM` lines, indented `[CODE >YYMMDD]`/`[CODE <…]`/`[CODE a-b]` lines.

    Names on consecutive lines before any code are synonyms too: they share the codes below them.
    """
    names: list[str] = []
    codes: list[DatedCode] = []
    start = 0

    def flush() -> None:
        if names and not codes:
            dicts.errors.append(f"{path.name}:{start}: actor {names[0]!r} has no code")
        elif names:
            actor = Actor(names[0], tuple(codes))
            for name in names:
                dicts.actors.add(words_of(name), actor)

    for n, line in clean_lines(path):
        text = line.strip()
        if not text:
            continue
        found = _BRACKET.findall(text)
        name = _BRACKET.sub(" ", text).strip()
        if "[" in name or "]" in name:
            dicts.errors.append(f"{path.name}:{n}: unbalanced brackets: {text}")
            continue
        if name.startswith("+"):
            if not names:
                dicts.errors.append(f"{path.name}:{n}: synonym {name} before any actor")
                continue
            names.append(name[1:])
        elif name and names and not codes:
            names.append(name)  # consecutive bare names share the code lines that follow (Phoenix)
        elif name:
            flush()
            names, codes, start = [name], [], n
        elif not names:
            dicts.errors.append(f"{path.name}:{n}: code line before any actor: {text}")
            continue
        for raw in found:
            try:
                codes.append(parse_code(raw, f"{path.name}:{n}"))
            except ValueError as exc:
                dicts.errors.append(str(exc))
    flush()


# --- agents -----------------------------------------------------------------------------------


def plural(word: str) -> str:
    """Regular English plural, which PETRARCH generates for agents without a `{…}` list."""
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


def read_agents(path: Path, dicts: Dictionaries) -> None:
    """`!MACRO! = A, B` substitutions; `NAME {PLURALS} [~CODE]` or `[CODE~]`; `{}` = no plural."""
    macros: dict[str, list[str]] = {}
    for n, line in clean_lines(path):
        text = line.strip()
        if not text:
            continue
        if m := _MACRO.match(text):
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _BRACKET.findall(text)
        braces = _BRACES.search(text)
        name = _BRACES.sub(" ", _BRACKET.sub(" ", text)).strip()
        code = codes[0].replace(" ", "").upper() if len(codes) == 1 else ""
        if not name or "~" not in code or code.strip("~") == "" or code.count("~") != 1:
            dicts.errors.append(f"{path.name}:{n}: cannot read agent line: {text}")
            continue
        agent = Agent(name, code.replace("~", ""), prefix=code.endswith("~"))
        variants = [name]
        for macro, values in macros.items():
            if macro in name:
                variants = [v.replace(macro, value) for v in variants for value in values]
        if "!" in "".join(variants):
            dicts.errors.append(f"{path.name}:{n}: undefined !MACRO! in {name}")
            continue
        forms = set(variants)
        if braces is not None:
            forms.update(w for w in braces.group(1).split())
        elif variants == [name]:
            *head, last = words_of(name)
            forms.add(" ".join([*head, plural(last)]))
        for form in sorted(forms):
            dicts.agents.add(words_of(form), agent)


# --- discards and issues ----------------------------------------------------------------------


def read_discards(path: Path, dicts: Dictionaries) -> None:
    """One phrase a line; `+PHRASE` discards the whole story, a bare phrase the sentence."""
    for _n, line in clean_lines(path):
        text = line.strip()
        if not text:
            continue
        if text.startswith("+"):
            dicts.story_discards.add(words_of(text[1:]), text[1:])
        else:
            dicts.sentence_discards.add(words_of(text), text)


_ISSUE_OPEN = re.compile(r'^<ISSUE\s+CATEGORY="([^"]+)"(?:\s+TYPE="[^"]*")?\s*>$')


def read_issues(path: Path, dicts: Dictionaries) -> None:
    """`<ISSUE CATEGORY=…>` blocks of `phrase [CODE]`, bare `phrase` and `~phrase` exclusion lines."""
    category = None
    for n, line in clean_lines(path):
        text = line.strip()
        if not text:
            continue
        if m := _ISSUE_OPEN.match(text):
            category = m.group(1)
        elif text == "</ISSUE>":
            category = None
        elif category is None:
            dicts.errors.append(f"{path.name}:{n}: issue phrase outside an <ISSUE> block: {text}")
        elif text.startswith("~"):
            dicts.issues.append(Issue(category, text[1:].strip(), "", excluded=True))
        elif len(codes := _BRACKET.findall(text)) == 1:
            dicts.issues.append(Issue(category, _BRACKET.sub("", text).strip(), codes[0].strip(), excluded=False))
        elif not codes and "]" not in text:  # a bare phrase codes as its block's category
            dicts.issues.append(Issue(category, text, category, excluded=False))
        else:
            dicts.errors.append(f"{path.name}:{n}: cannot read issue line: {text}")


# --- verbs ------------------------------------------------------------------------------------

_BLOCK = re.compile(r"^---\s*(?P<name>[^\[]*?)\s*(?P<codes>(?:\[[^\]]*\]\s*)+)(?:-{3}\s*)*$")
_MARKERS = {"$": "source", "+": "target", "%": "compound", "^": "skip"}


def verb_forms(word: str) -> set[str]:
    """Regular inflections PETRARCH generates for a verb: -S, -ED, -ING (with -E / -Y rules)."""
    if word.endswith("E"):
        return {word, word + "S", word + "D", word[:-1] + "ING"}
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return {word, word[:-1] + "IES", word[:-1] + "IED", word + "ING"}
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return {word, word + "ES", word + "ED", word + "ING"}
    return {word, word + "S", word + "ED", word + "ING"}


def split_verb_phrase(phrase: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """`KLM_NOP_+RST` → (("KLM", "NOP"), "RST", ()); without `+` the verb is the first word."""
    chunks = phrase.upper().replace("_", " ").split()
    marked = [i for i, c in enumerate(chunks) if c.startswith("+")]
    at = marked[0] if marked else 0
    before = tuple(w for c in chunks[:at] for w in words_of(c))
    verb_words = words_of(chunks[at].lstrip("+"))
    # `RE-ADMIT`: the verb is the last piece of a hyphenated first chunk
    before += verb_words[:-1]
    after = tuple(w for c in chunks[at + 1 :] for w in words_of(c.lstrip("+")))
    return before, verb_words[-1], after


def add_verb(line: str, block: VerbBlock, dicts: Dictionaries, where: str) -> None:
    codes = _BRACKET.findall(line)
    braces = _BRACES.search(line)
    phrase = _BRACES.sub(" ", _BRACKET.sub(" ", line)).strip()
    if not phrase or len(codes) > 1 or re.search(r"[^A-Za-z0-9_+\-' .]", phrase):
        dicts.errors.append(f"{where}: cannot read verb line: {line.strip()}")
        return
    own = codes[0].strip().upper() if codes else None
    before, verb, after = split_verb_phrase(phrase)
    entries = {(before, form, after) for form in verb_forms(verb)}
    if braces is not None:
        if not braces.group(1).strip():
            entries = {(before, verb, after)}
        for alt in braces.group(1).split():
            if "_" in alt or "+" in alt:
                entries.add(split_verb_phrase(alt))
            else:  # a bare irregular form of the verb word, in the same multi-word frame
                entries.add((before, words_of(alt)[-1], after))
    for b, form, a in entries:
        dicts.verbs[form].append(VerbForm(b, a, block, own))


def parse_pattern(text: str, dicts: Dictionaries, where: str, line: int) -> Pattern | None:
    codes = _BRACKET.findall(text)
    if len(codes) != 1:
        dicts.errors.append(f"{where}: pattern needs exactly one [code]: {text.strip()}")
        return None
    body = _BRACKET.sub(" ", text).strip()[1:]  # drop the leading "-"
    body = re.sub(r"[(){}]", " ", body)
    elements: list[Element] = []
    verb_at = -1
    verb_joined_after = False
    # `*WORD` (no separator) occurs in CAMEO.2.0; read it as `* WORD`
    for chunk in re.sub(r"\*(?=[A-Za-z&(])", "* ", body).split():
        parts = chunk.split("_")
        for k, part in enumerate(parts):
            joined = k < len(parts) - 1 and parts[k + 1] != ""
            if part == "":
                continue
            if part == "*":
                if verb_at >= 0:
                    dicts.errors.append(f"{where}: two verb slots in pattern: {text.strip()}")
                    return None
                verb_at = len(elements)
                verb_joined_after = joined
                if elements and elements[-1].joined is False and k > 0:
                    elements[-1] = Element(elements[-1].kind, elements[-1].value, True)
                continue
            if part in _MARKERS:
                elements.append(Element(_MARKERS[part], part, joined))
            elif part.startswith("&"):
                name = part[1:].rstrip("_")
                if name not in dicts.synsets:
                    dicts.errors.append(f"{where}: unknown synset &{name}: {text.strip()}")
                    return None
                elements.append(Element("synset", name, joined))
            elif "/" in part and re.fullmatch(r"[A-Za-z0-9'.\-]+(/[A-Za-z0-9'.\-]+)+", part):
                # `TO/FOR`: either word
                elements.append(Element("word", part.upper(), joined))
            elif re.fullmatch(r"[A-Za-z0-9'.,\-]+", part):
                pieces = words_of(part)
                for j, piece in enumerate(pieces):
                    elements.append(Element("word", piece, joined or j < len(pieces) - 1))
            else:
                dicts.errors.append(f"{where}: cannot read pattern word {part!r}: {text.strip()}")
                return None
    if verb_at < 0:
        dicts.errors.append(f"{where}: pattern has no verb slot '*': {text.strip()}")
        return None
    return Pattern(tuple(elements[:verb_at]), tuple(elements[verb_at:]), codes[0].strip().upper(),
                   verb_joined_after, line)


def expand_synsets(raw: dict[str, list[str]], dicts: Dictionaries, path: Path) -> None:
    def expand(name: str, seen: frozenset[str]) -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = []
        for member in raw[name]:
            if member.startswith("&"):
                ref = member[1:].rstrip("_")
                if ref in seen or ref not in raw:
                    dicts.errors.append(f"{path.name}: synset &{name} refers to unknown or cyclic &{ref}")
                    continue
                out.extend(expand(ref, seen | {ref}))
            else:
                out.append(words_of(member))
        return out

    for name in raw:
        members = tuple(sorted(set(expand(name, frozenset({name}))), key=lambda w: (-len(w), w)))
        dicts.synsets[name] = members
        starts: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for member in members:
            starts[member[0]].append(member)
        dicts.synset_starts[name] = {k: tuple(v) for k, v in starts.items()}


def read_verbs(path: Path, dicts: Dictionaries) -> None:
    """Synsets (`&NAME` + `+member` lines), blocks (`--- NAME [CODE] ---`), verb lines, patterns."""
    lines = clean_lines(path)
    # synsets first: PETRARCH allows a pattern to use a synset defined further down the file
    raw: dict[str, list[str]] = {}
    current: str | None = None
    for _n, line in lines:
        text = line.strip()
        if text.startswith("&"):
            current = text[1:].split()[0].rstrip("_")
            raw[current] = []
        elif current is not None and text.startswith("+"):
            raw[current].append(text[1:].strip())
        else:
            current = None
    expand_synsets(raw, dicts, path)

    block: VerbBlock | None = None
    in_synset = False
    for n, line in lines:
        text = line.strip()
        where = f"{path.name}:{n}"
        if not text:
            in_synset = False
            continue
        if text.startswith("&"):
            in_synset = True
        elif in_synset and text.startswith("+"):
            continue
        elif text.startswith("~"):
            in_synset = False
            dicts.transformations.append(text)
        elif text.startswith("---"):
            in_synset = False
            m = _BLOCK.match(text)
            if not m:
                dicts.errors.append(f"{where}: cannot read verb block header: {text}")
                block = None
                continue
            first = _BRACKET.findall(m.group("codes"))[0].strip().upper()
            block = VerbBlock(m.group("name").strip(), first)
        elif block is None:
            dicts.errors.append(f"{where}: line outside a verb block: {text}")
        elif text.startswith("-"):
            if (pattern := parse_pattern(text, dicts, where, n)) is not None:
                block.patterns.append(pattern)
        else:
            add_verb(text, block, dicts, where)


# --- folder -----------------------------------------------------------------------------------


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if not name.endswith(".txt"):
        return None
    for kind in ("actors", "agents", "verbs", "discards"):
        if kind in name:
            return kind
    if name.startswith("cameo"):
        return "verbs"
    if "issue" in name:
        return "issues"
    return None


READERS = {"actors": read_actors, "agents": read_agents, "verbs": read_verbs,
           "discards": read_discards, "issues": read_issues}


@functools.cache
def _load(directory: Path) -> Dictionaries:
    if not directory.is_dir():
        raise DictionaryError(f"{directory}: not a folder")
    files = sorted(p for p in directory.iterdir() if _kind(p))
    kinds = {_kind(p) for p in files}
    if "verbs" not in kinds or "actors" not in kinds:
        raise DictionaryError(f"{directory}: needs at least one *actors*.txt and one *verbs*.txt or CAMEO*.txt file")
    dicts = Dictionaries(directory=directory, files=files)
    # verbs before the rest so the synsets exist; actors/agents order is irrelevant
    for path in sorted(files, key=lambda p: _kind(p) != "verbs"):
        try:
            READERS[_kind(path)](path, dicts)
        except OSError as exc:
            raise DictionaryError(f"{path}: cannot read: {exc.strerror or exc}") from None
    for index in (dicts.actors, dicts.agents, dicts.sentence_discards, dicts.story_discards):
        index.freeze()
    dicts.verbs = dict(dicts.verbs)
    return dicts


def load_dictionaries(directory: Path) -> Dictionaries:
    """Read every dictionary in `directory` once (cached per resolved folder)."""
    return _load(Path(directory).resolve())
