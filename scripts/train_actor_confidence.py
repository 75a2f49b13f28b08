"""Fit the actor code confidence (`src/chronicle/data/actors/code_confidence.json`) on the silver set.

For every actor that takes part in an event or speaks in chronicle's output on the 113 silver training
articles (`../shared/train/realnews-silver/`) and that the gold names, the label is whether its country
and its sector are both right, by the real-news scorer's rule (a state is right as its country alone or
with GOV). Features are `chronicle.extract.actors.code_features`. A logistic regression (scikit-learn,
dev only; chronicle applies the weights in plain Python) is fitted on all of them; 5-fold
cross-validation grouped by article gives the out-of-fold reliability table printed here (docs/actors.md).
Never trained on the realnews dev gold. Deterministic. Run from the project root:
`PYTHONPATH=src python scripts/train_actor_confidence.py [--silver build/train/combined]` (`--silver`:
another folder in the silver format, such as the union with `annotations/` that
`scripts/annotations.py unpack --with-silver build/train/combined` writes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import itertools
import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from chronicle.extract.actors import CONFIDENCE_MODEL, build_actors, code_features
from chronicle.pipeline import Pipeline
from chronicle.records import Article, ArticleRecords

ROOT = Path(__file__).resolve().parents[1]
SILVER = ROOT.parent / "shared" / "train" / "realnews-silver"
SCORER = ROOT.parent / "shared" / "eval" / "realnews" / "score.py"
BANDS = [0.0, 0.2, 0.4, 0.6, 0.8, 1.01]
C = 1.0


def scorer():
    spec = importlib.util.spec_from_file_location("realnews_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def right_code(actor, gold: dict) -> bool:
    """The scorer's rule: country and sector both right; a state by its country alone or as GOV."""
    right_country = actor.code.country == gold.get("country")  # an organisation code is no country
    if gold.get("type") == "state":
        return right_country and actor.code.sector in (None, "GOV") and gold.get("sector") in (None, "GOV")
    return right_country and (actor.code.sector or None) == gold.get("sector")


def samples(silver: Path) -> tuple[list[dict[str, float]], list[int], list[str]]:
    score = scorer()
    pipeline = Pipeline()
    gold = {g["id"]: g for g in map(json.loads, (silver / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
    X, y, groups = [], [], []
    for line in (silver / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        article = Article(id=art["id"], input="silver", text=art["text"],
                          published=dt.date.fromisoformat(art["date"]) if art.get("date") else None)
        doc = pipeline.nlp(article.text)
        records = pipeline.apply_stages(doc, article)
        built = build_actors(doc, ArticleRecords(article=article), pipeline.config.context)
        taking_part = {e.source_id for e in records.events} | {e.target_id for e in records.events} | {
            q.speaker_id for q in records.quotes}
        golds = score.Actors(gold[art["id"]]["actors"])
        for record, actor in zip(records.actors, built, strict=True):
            found = golds.find(record.name) if record.id in taking_part else None
            if found is None:
                continue
            X.append(code_features(actor))
            y.append(int(right_code(actor, found)))
            groups.append(art["id"])
    return X, y, groups


def reliability(p: np.ndarray, y: np.ndarray) -> list[tuple[str, int, float | None]]:
    rows = []
    for lo, hi in itertools.pairwise(BANDS):
        inside = (p >= lo) & (p < hi)
        share = float(y[inside].mean()) if inside.any() else None
        rows.append((f"{lo:.1f}-{min(hi, 1.0):.1f}", int(inside.sum()), share))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--silver", type=Path, default=SILVER,
                        help="folder with articles.jsonl and gold.jsonl (default: realnews-silver; "
                             "`scripts/annotations.py unpack --with-silver` writes the union with annotations/)")
    X, y, groups = samples(parser.parse_args().silver)
    vec = DictVectorizer(sparse=False)
    A, labels = vec.fit_transform(X), np.array(y)
    oof = np.zeros(len(labels))
    for train, test in GroupKFold(n_splits=5).split(A, labels, groups):
        model = LogisticRegression(C=C, max_iter=1000).fit(A[train], labels[train])
        oof[test] = model.predict_proba(A[test])[:, 1]
    print(f"{len(labels)} actors, {labels.mean():.3f} with both codes right")
    print("5-fold CV (grouped by article) reliability: band, actors, share right")
    for band, n, share in reliability(oof, labels):
        print(f"  {band}  {n:4d}  {'' if share is None else f'{share:.3f}'}")
    for threshold in (0.3, 0.4, 0.5, 0.6):
        kept = oof >= threshold
        print(f"  at >= {threshold}: keeps {kept.mean():.3f} of codes, {labels[kept].mean():.3f} of them right")
    model = LogisticRegression(C=C, max_iter=1000).fit(A, labels)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)}
    CONFIDENCE_MODEL.write_text(json.dumps({"bias": round(float(model.intercept_[0]), 4), "weights": weights},
                                           indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"weights -> {CONFIDENCE_MODEL}")


if __name__ == "__main__":
    main()
