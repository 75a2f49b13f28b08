"""Entities across articles: one key per real actor or place, article-level records linked to it.

A named actor's key is its `actor_key` when the actors stage gives one, else `fallback_key`
(normalised name | country, the one place that computes it); a described actor ('officials') is an
entity of its own article only, and a state actor is its country (`country:USA`). Person keys are
then merged across articles: within one country, a surname alone ("Trump") and a titled name
("President Trump") join the full name that ends in that surname ("Donald Trump") when it is the
dominant bearer of the surname, else the full name its own article uses; otherwise it stays apart.
Places are keyed by GeoNames id.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from chronicle.folding import ascii_fold
from chronicle.stories.records import Entity, EntityLink

# Titles and honorifics that precede a name without being part of it.
TITLES = frozenset({
    "president", "vice", "prime", "minister", "secretary", "senator", "sen", "rep", "representative",
    "governor", "gov", "mayor", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "king",
    "queen", "prince", "princess", "pope", "general", "gen", "colonel", "col", "chancellor", "speaker",
    "judge", "justice", "attorney", "former", "the", "chairman", "chairwoman", "ceo", "leader", "sheikh",
    "rev", "reverend", "professor", "prof", "ambassador", "commissioner", "chief", "director", "foreign",
    "defense", "defence", "interior", "finance", "state", "opposition", "us", "u.s", "first",
})
# A bare surname stands for the full name that bears it this often among the full names seen.
DOMINANT_SHARE = 0.6
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_TOKEN = re.compile(r"[a-z0-9]+(?:['.-][a-z0-9]+)*")


@functools.lru_cache(maxsize=200_000)
def normalise(name: str) -> str:
    """Lower case, accents and punctuation dropped, possessive dropped, spaces collapsed."""
    plain = ascii_fold(name).lower()
    plain = re.sub(r"'s\b", "", plain.replace("’", "'"))
    return " ".join(_TOKEN.findall(plain.replace(".", " ")))


def fallback_key(name: str, country: str | None) -> str:
    """The key of an actor the actors stage left without one: normalised name | country."""
    return f"{normalise(name)}|{country or ''}"


def is_named(name: str, kind: str) -> bool:
    """A proper name ('Oren Vasquez', 'Telos'), not a description ('the port authority', 'Dock workers').

    Only named actors are the same entity across articles; 'officials' in two articles are not.
    """
    tokens = name.split()
    if all(t in TITLES for t in normalise(name).split()):
        return False  # a title alone ('CEO', 'the President') describes, it does not name
    if any(t[:1].isupper() for t in tokens[1:]):
        return True
    return len(tokens) == 1 and tokens[0][:1].isupper() and kind in ("person", "organisation", "state")


def article_key(article_id: str, name: str, country: str | None) -> str:
    """The key of a described (unnamed) actor: its own article's."""
    return f"{article_id}/{fallback_key(name, country)}"


@functools.lru_cache(maxsize=200_000)
def name_tokens(name: str) -> tuple[str, ...]:
    """The name less leading titles and trailing suffixes ('President Donald J. Trump Jr.' → donald j trump)."""
    tokens = normalise(name).split()
    while len(tokens) > 1 and tokens[0] in TITLES:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens = tokens[:-1]
    return tuple(tokens)


@dataclass
class ActorRow:
    id: str
    article_id: str
    name: str
    kind: str
    country: str | None
    code: str | None
    actor_key: str | None
    mention_count: int


@dataclass
class PlaceRow:
    id: str
    article_id: str
    name: str
    country: str | None
    geonames_id: int


def _full_name(tokens: tuple[str, ...]) -> str:
    """First and last token: 'donald j trump' and 'donald trump' are one full name."""
    return f"{tokens[0]} {tokens[-1]}"


def _base_key(actor: ActorRow) -> str:
    """Before aliases are merged: a state is its country ('U.S.', 'United States', 'America' → country:USA)."""
    if actor.kind == "state" and actor.country:
        return f"country:{actor.country}"
    if is_named(actor.name, actor.kind):
        return actor.actor_key or fallback_key(actor.name, actor.country)
    return article_key(actor.article_id, actor.name, actor.country)


def _bearer(names: Counter[str], own: str | None) -> str | None:
    """The full name a bare surname stands for: the dominant bearer, else the one its article names."""
    name, count = max(names.items(), key=lambda item: (item[1], item[0]))
    if count >= DOMINANT_SHARE * sum(names.values()):
        return name
    return own


def actor_keys(actors: list[ActorRow]) -> dict[str, str]:
    """Entity key per actor id, with person aliases merged across articles."""
    keys = {a.id: _base_key(a) for a in actors}
    # full names per (country, surname), counted over articles
    full: dict[tuple[str | None, str], Counter[str]] = defaultdict(Counter)
    in_article: dict[tuple[str, str | None, str], str] = {}
    for a in actors:
        tokens = name_tokens(a.name)
        if a.kind == "person" and len(tokens) >= 2 and is_named(a.name, a.kind):
            country = a.country
            name = _full_name(tokens)
            full[(country, tokens[-1])][name] += 1
            in_article[(a.article_id, country, tokens[-1])] = name
    surnames: dict[str, set[str | None]] = defaultdict(set)
    for country, surname in full:
        surnames[surname].add(country)
    for a in actors:
        tokens = name_tokens(a.name)
        if a.kind != "person" or not tokens or not is_named(a.name, a.kind):
            continue
        country = a.country
        if country is None and len(surnames.get(tokens[-1], ())) == 1:
            # a bare name without a country takes the one country its surname is known in
            (country,) = surnames[tokens[-1]]
        names = full.get((country, tokens[-1]))
        if not names:
            continue
        if len(tokens) >= 2:
            name = _full_name(tokens)
        else:
            name = _bearer(names, in_article.get((a.article_id, country, tokens[-1])))
            if name is None:
                continue
        keys[a.id] = f"{name}|{country or ''}"
    return keys


def _most_common(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return max(counts, key=lambda v: (counts[v], v)) if counts else None


def build_entities(actors: list[ActorRow], places: list[PlaceRow]) -> tuple[list[Entity], list[EntityLink]]:
    """One entity per key, its fullest name and most frequent code, and a link per actor and place."""
    keys = actor_keys(actors)
    members: dict[str, list[ActorRow]] = defaultdict(list)
    for a in actors:
        members[keys[a.id]].append(a)
    entities, links = [], []
    for key in sorted(members):
        rows = members[key]
        names = Counter(a.name for a in rows)
        name = max(names, key=lambda n: (len(name_tokens(n)), names[n], n))
        kinds = Counter(a.kind for a in rows)
        entities.append(Entity(
            key=key, kind=max(kinds, key=lambda k: (kinds[k], k)), name=name,
            country=_most_common([a.country for a in rows]),
            code=_most_common([a.code for a in rows]),
            aliases=" | ".join(sorted(names)), num_articles=len({a.article_id for a in rows}),
            num_mentions=sum(a.mention_count for a in rows)))
        links += [EntityLink(entity_key=key, record_id=a.id, record_table="actors", article_id=a.article_id,
                             name=a.name) for a in rows]
    by_place: dict[int, list[PlaceRow]] = defaultdict(list)
    for p in places:
        by_place[p.geonames_id].append(p)
    for geonames_id in sorted(by_place):
        rows = by_place[geonames_id]
        key = f"geonames:{geonames_id}"
        names = Counter(p.name for p in rows)
        entities.append(Entity(key=key, kind="place", name=max(names, key=lambda n: (names[n], n)),
                               country=rows[0].country, aliases=" | ".join(sorted(names)),
                               num_articles=len({p.article_id for p in rows}), num_mentions=len(rows)))
        links += [EntityLink(entity_key=key, record_id=p.id, record_table="places", article_id=p.article_id,
                             name=p.name) for p in rows]
    return entities, links


def event_actor_keys(actors: list[ActorRow], links: list[EntityLink]) -> dict[str, str]:
    """The key events are grouped by: a named actor's entity, a described actor's code (or its words).

    'Police' in two reports of one arrest are one party to the act though not one named entity.
    """
    entity_of = {link.record_id: link.entity_key for link in links if link.record_table == "actors"}
    keys = {}
    for a in actors:
        if is_named(a.name, a.kind) or entity_of[a.id].startswith("country:"):
            keys[a.id] = entity_of[a.id]
        else:
            keys[a.id] = f"code:{a.code}" if a.code else fallback_key(a.name, a.country)
    return keys
