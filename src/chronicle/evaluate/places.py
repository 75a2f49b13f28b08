"""`chronicle eval places --geowebnews FILE.xml | --geovirus FILE.xml`: geotagging and geocoding
accuracy on GeoWebNews or GeoVirus.

GeoVirus (Gritta et al. 2018; 229 WikiNews articles on disease outbreaks): every `<location>` is a
locational toponym with `start`/`end` and `lat`/`lon` (from Wikipedia). Its release shifts the
offsets by +1 (the name is `text[start - 1:end - 1]`); the reader checks the shift on each name.

Gold toponyms: the annotated toponyms of a *literal* (locational) type in Gritta et al. (2019)'s
taxonomy — Literal, Mixed, Coercion, Literal_Modifier, Embedded_Literal — and not marked
`nonLocational` (in the file only `*_Expression` annotations, the larger phrases around toponyms,
carry that flag). Associative uses (Metonymic, Non_Literal_Modifier, Demonym, Embedded_Non_Lit,
Language) and names that only contain or resemble a toponym (Non_Toponym, Homonym) are excluded.
A prediction (a `Place` record) matches a gold toponym when their spans
overlap; matching is one-to-one, in text order. A prediction overlapping only an excluded
annotation (an expression or a non-locational toponym) is neither right nor wrong and is not
counted. Texts pass through `normalize_chars` only, so offsets stay valid.

Geocoding is scored on matched toponyms that have gold coordinates: accuracy within 161 km
(100 miles), median and mean error in km, and the AUC of Gritta et al. (2018): the area under the
curve of the sorted errors after scaling each by ln(1 + error) / ln(20039), the greatest distance on
Earth — 0 is perfect, 1 is always on the far side of the planet. A matched toponym we could not
resolve counts as the maximum error. `confidence_bands` gives the accuracy within 161 km by band of
the places' confidence (the reliability table of docs/places.md).
"""

from __future__ import annotations

import itertools
import json
import math
import statistics
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from chronicle.geo import haversine_km

# GeoWebNews types that name a place as a location (Gritta et al. 2019, "literal" toponyms)
LOCATIONAL_TYPES = frozenset({"Literal", "Mixed", "Coercion", "Literal_Modifier", "Embedded_Literal"})
MAX_ERROR_KM = 20039.0
CONFIDENCE_EDGES = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0)


class CorpusError(ValueError):
    """The corpus file cannot be read (message names the file and the reason)."""


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    locational: bool
    latitude: float | None
    longitude: float | None


def auc(errors: list[float]) -> float:
    """Area under the scaled, sorted error curve (trapezoids over unit steps), normalised to 0 … 1."""
    if not errors:
        return 0.0
    scaled = sorted(math.log1p(e) / math.log1p(MAX_ERROR_KM) for e in errors)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in itertools.pairwise(scaled))
    return area / (len(scaled) - 1)


def confidence_bands(confidences: list[float], errors: list[float]) -> list[dict[str, object]]:
    """Accuracy within 161 km of the geocoded matches, by band of the places' confidence."""
    bands = []
    for low, high in itertools.pairwise(CONFIDENCE_EDGES):
        inside = [e for c, e in zip(confidences, errors, strict=True) if low <= c < high or (high == 1.0 and c == 1.0)]
        if inside:
            bands.append({"band": f"{low:.2f}-{high:.2f}", "geocoded": len(inside),
                          "accuracy_161km": round(sum(e <= 161 for e in inside) / len(inside), 4)})
    return bands


def read_corpus(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise CorpusError(f"{path}: cannot read GeoWebNews XML: {exc}") from None
    articles = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for toponym in article.iter("toponym"):
            kind = toponym.findtext("type") or ""
            try:
                start, end = int(toponym.findtext("start") or ""), int(toponym.findtext("end") or "")
            except ValueError:
                raise CorpusError(f"{path}: article {article.get('file')}: toponym without offsets") from None
            lat, lon = toponym.findtext("latitude"), toponym.findtext("longitude")
            locational = kind in LOCATIONAL_TYPES and toponym.findtext("nonLocational") != "Yes"
            gold.append(GoldToponym(start, end, locational, float(lat) if lat else None, float(lon) if lon else None))
        articles.append((text, gold))
    return articles


def read_geovirus(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise CorpusError(f"{path}: cannot read GeoVirus XML: {exc}") from None
    articles = []
    for number, article in enumerate(root.iter("article"), start=1):
        text = article.findtext("text") or ""
        gold = []
        for location in article.iter("location"):
            try:
                start, end = int(location.findtext("start") or "") - 1, int(location.findtext("end") or "") - 1
                lat, lon = float(location.findtext("lat") or ""), float(location.findtext("lon") or "")
            except ValueError:
                raise CorpusError(f"{path}: article {number}: location without offsets or coordinates") from None
            if text[start:end] != (location.findtext("name") or ""):
                raise CorpusError(f"{path}: article {number}: offsets {start + 1}-{end + 1} do not hold the name")
            gold.append(GoldToponym(start, end, True, lat, lon))
        articles.append((text, gold))
    return articles


def evaluate(path: Path, limit: int | None = None, corpus_format: str = "geowebnews",
             min_confidence: float = 0.0) -> dict[str, object]:
    from chronicle.ingest.normalize import normalize_chars
    from chronicle.pipeline import Pipeline, PipelineConfig
    from chronicle.records import Article, article_id_for

    corpus = (read_geovirus(path) if corpus_format == "geovirus" else read_corpus(path))[:limit]
    pipeline = Pipeline(PipelineConfig(stages=("actors", "places")))
    articles = [Article(id=article_id_for(normalize_chars(t)), input=str(path), text=normalize_chars(t))
                for t, _gold in corpus]
    tp = fp = fn = 0
    errors: list[float] = []
    confidences: list[float] = []
    docs = pipeline.nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=16)
    for (doc, article), (_text, gold) in zip(docs, corpus, strict=True):
        places = [p for p in pipeline.apply_stages(doc, article).places if p.confidence >= min_confidence]
        used: set[int] = set()
        for place in places:
            overlapping = [i for i, g in enumerate(gold) if g.start < place.end and place.start < g.end]
            match = next((i for i in overlapping if gold[i].locational and i not in used), None)
            if match is None:
                if not overlapping:
                    fp += 1  # overlapping only excluded annotations: not counted
                continue
            used.add(match)
            tp += 1
            g = gold[match]
            if g.latitude is not None and g.longitude is not None:
                confidences.append(place.confidence)
                if place.latitude is None or place.longitude is None:
                    errors.append(MAX_ERROR_KM)
                else:
                    errors.append(haversine_km(g.latitude, g.longitude, place.latitude, place.longitude))
        fn += sum(1 for i, g in enumerate(gold) if g.locational and i not in used)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "geotagging": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)},
        "accuracy_161km": round(sum(e <= 161 for e in errors) / len(errors), 4) if errors else 0.0,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
        "auc": round(auc(errors), 4),
        "confidence_bands": confidence_bands(confidences, errors),
        "counts": {"articles": len(corpus), "gold": tp + fn, "predicted": tp + fp, "matched": tp,
                   "geocoded": len(errors)},
    }


def command(
    geowebnews: Annotated[Path | None, typer.Option(help="GeoWebNews XML file.")] = None,
    geovirus: Annotated[Path | None, typer.Option(help="GeoVirus XML file.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N articles.")] = None,
) -> None:
    """Score toponym finding and geocoding on GeoWebNews or GeoVirus (JSON on stdout)."""
    if (geowebnews is None) == (geovirus is None):
        print("give one corpus: --geowebnews FILE or --geovirus FILE", file=sys.stderr)
        raise typer.Exit(2)
    try:
        if geovirus is not None:
            result = evaluate(geovirus, limit, corpus_format="geovirus")
        else:
            result = evaluate(geowebnews, limit)  # type: ignore[arg-type]
    except CorpusError as exc:
        print(str(exc), file=sys.stderr)
        raise typer.Exit(2) from None
    print(json.dumps(result, indent=2))
