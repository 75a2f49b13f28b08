"""Build the places gazetteer (build/places/gazetteer.sqlite) from the installed packages.

Run by `make setup`; chronicle also builds it on first use when it is missing or stale.
Usage: python scripts/build_gazetteer.py [PATH]
       python scripts/build_gazetteer.py --compare-points GEOWEBNEWS.xml [PATH]
The second form builds nothing: it compares the points of the built table (and the packaged
alternatives for countries) with the GeoNames points of the toponyms GeoWebNews annotates with a GeoNames
id, for every country, division and continent the corpus names — how the point rules of
docs/places.md were chosen.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

from chronicle.extract.gazetteer import build, gazetteer_path
from chronicle.geo import haversine_km

Point = tuple[float, float]


def geonames_points(corpus: Path) -> tuple[dict[int, Point], Counter[int]]:
    """GeoNames id → the point the corpus gives it (its most frequent), and how often it is named."""
    seen: dict[int, list[Point]] = defaultdict(list)
    for toponym in ET.parse(corpus).getroot().iter("toponym"):
        gid, lat, lon = (toponym.findtext(tag) for tag in ("geonamesID", "latitude", "longitude"))
        if gid and lat and lon:
            seen[int(gid)].append((float(lat), float(lon)))
    return ({gid: Counter(points).most_common(1)[0][0] for gid, points in seen.items()},
            Counter({gid: len(points) for gid, points in seen.items()}))


def packaged_country_points() -> dict[str, dict[str, Point]]:
    """Alpha-2 → point, for each packaged alternative: countryinfo's own point, countrystatecity's."""
    from countryinfo import all_countries

    raw = {c.iso()["alpha2"]: (float(c.latlng()[0]), float(c.latlng()[1]))
           for c in all_countries() if len(c.latlng()) == 2}
    spec = importlib.util.find_spec("countrystatecity_countries")
    folder = Path(next(iter(spec.submodule_search_locations))) if spec and spec.submodule_search_locations else None
    csc = {}
    if folder is not None:
        for country in json.loads((folder / "data" / "countries.json").read_text(encoding="utf-8")):
            if country.get("latitude") and country.get("longitude"):
                csc[country["iso2"]] = (float(country["latitude"]), float(country["longitude"]))
    return {"countryinfo": raw, "countrystatecity": csc}


def report(label: str, pairs: list[tuple[str, Point, Point, int]]) -> None:
    """One line: places within 1 km and 161 km of GeoNames' point, mentions within 161 km, the far ones."""
    errors = [(name, haversine_km(*gold, *ours), count) for name, gold, ours, count in pairs]
    if not errors:
        return
    near = [e for e in errors if e[1] <= 161]
    far = ", ".join(f"{name} {km:.0f} km" for name, km, _count in sorted(errors, key=lambda e: -e[1]) if km > 161)
    print(f"{label:28} {len(near)}/{len(errors)} within 161 km ({sum(e[1] < 1 for e in errors)} within 1 km), "
          f"mentions {sum(e[2] for e in near)}/{sum(e[2] for e in errors)}, "
          f"median {statistics.median(e[1] for e in errors):.0f} km; far: {far or '-'}")


def compare(corpus: Path, table: Path) -> None:
    gold, counts = geonames_points(corpus)
    with sqlite3.connect(f"file:{table}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT name, feature, country2, latitude, longitude, geonames_id FROM entries "
                          "WHERE feature IN ('country', 'admin1', 'admin2', 'region', 'continent') "
                          "AND geonames_id IS NOT NULL").fetchall()
    by_feature: dict[str, list[tuple[str, Point, Point, int]]] = defaultdict(list)
    countries = {}
    for name, feature, country2, lat, lon, gid in rows:
        if gid in gold:
            by_feature[feature].append((name, gold[gid], (lat, lon), counts[gid]))
            if feature == "country":
                countries[country2] = (name, gid)
    for feature in ("country", "admin1", "admin2", "continent"):
        report(f"{feature} (gazetteer)", by_feature[feature])
    for source, points in packaged_country_points().items():
        report(f"country ({source})", [(name, gold[gid], points[code], counts[gid])
                                        for code, (name, gid) in countries.items() if code in points])


def main(argv: list[str]) -> int:
    if argv[:1] == ["--compare-points"]:
        compare(Path(argv[1]), Path(argv[2]) if len(argv) > 2 else gazetteer_path())
        return 0
    path = Path(argv[0]) if argv else gazetteer_path()
    started = time.perf_counter()
    build(path)
    print(f"gazetteer: {path} ({path.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
