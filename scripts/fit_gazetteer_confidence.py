"""Fit the places confidence (logistic regression on the resolution's features) on one geoparsing corpus.

Each resolved toponym that matches a gold toponym with coordinates is an example: its features
(`chronicle.extract.places.features`) and whether the place lies within 161 km of the gold point.
Writes `src/chronicle/data/places/confidence.json`; the weights are applied at run time in plain
Python. Deterministic (liblinear, fixed data order). Fit on GeoWebNews, report on GeoVirus (and
the reverse with --corpus geovirus) with `chronicle eval places`'s `confidence_bands`.

Usage: python scripts/fit_gazetteer_confidence.py --corpus geowebnews PATH [--out FILE]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from chronicle.evaluate.places import confidence_bands, read_corpus, read_geovirus
from chronicle.extract import places
from chronicle.geo import haversine_km
from chronicle.ingest.normalize import normalize_chars
from chronicle.pipeline import Pipeline, PipelineConfig
from chronicle.records import Article, article_id_for

OUT = Path(__file__).resolve().parents[1] / "src" / "chronicle" / "data" / "places" / "confidence.json"
WITHIN_KM = 161.0


def examples(corpus_format: str, path: Path) -> tuple[list[dict[str, float]], list[int]]:
    """(features, right) of every resolved toponym matching a gold toponym with coordinates."""
    corpus = read_geovirus(path) if corpus_format == "geovirus" else read_corpus(path)
    pipeline = Pipeline(PipelineConfig(stages=("actors",)))
    xs, ys = [], []
    for text, gold in corpus:
        text = normalize_chars(text)
        doc = pipeline.nlp(text)
        records = pipeline.apply_stages(doc, Article(id=article_id_for(text), input=str(path), text=text))
        used: set[int] = set()
        for resolution in places.resolve_article(doc, records):
            span, entry = resolution.toponym.span, resolution.entry
            overlapping = [i for i, g in enumerate(gold) if g.start < span.end_char and span.start_char < g.end]
            match = next((i for i in overlapping if gold[i].locational and i not in used), None)
            if match is None:
                continue
            used.add(match)
            g = gold[match]
            if entry is None or resolution.features is None or g.latitude is None or g.longitude is None:
                continue
            xs.append(resolution.features)
            ys.append(int(haversine_km(g.latitude, g.longitude, entry.latitude, entry.longitude) <= WITHIN_KM))
    return xs, ys


def cross_validated_bands(matrix: list[list[float]], ys: list[int]) -> list[dict[str, object]]:
    """Share within 161 km by band of out-of-fold confidence (5 folds in corpus order, so the folds
    mostly split articles apart)."""
    probabilities = [0.0] * len(ys)
    for train, test in KFold(n_splits=5).split(matrix):
        model = LogisticRegression(C=1.0, solver="liblinear", random_state=0)
        model.fit([matrix[i] for i in train], [ys[i] for i in train])
        for i, p in zip(test, model.predict_proba([matrix[i] for i in test])[:, 1], strict=True):
            probabilities[i] = float(p)
    return confidence_bands(probabilities, [0.0 if y else 1000.0 for y in ys])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("geowebnews", "geovirus"), required=True)
    parser.add_argument("path", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    xs, ys = examples(args.corpus, args.path)
    names = [n for n in xs[0] if n != "bias"]
    matrix = [[x[n] for n in names] for x in xs]
    print(json.dumps({"cv5_confidence_bands": cross_validated_bands(matrix, ys)}))
    model = LogisticRegression(C=1.0, solver="liblinear", random_state=0)
    model.fit(matrix, ys)
    weights = {"bias": round(float(model.intercept_[0]), 4)}
    weights |= {n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)}
    args.out.write_text(json.dumps({"fitted_on": f"{args.corpus} ({len(ys)} resolved matched toponyms, "
                                                 f"{sum(ys)} within {WITHIN_KM:.0f} km)",
                                    "weights": weights}, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(weights))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
