"""Pairwise precision, recall and F1 of same-event story clustering on a labelled set of articles.

    .venv/bin/python scripts/eval_stories.py polnear   # PolNeAR train articles, our own labels (dev set)
    .venv/bin/python scripts/eval_stories.py realnews  # the realnews dev pages (measurement only)
    add --sweep to print the figures over a range of thresholds

Labels are tests/stories/data/*-stories.tsv (story label, article); unlisted articles are singletons.
A pair of articles counts as predicted when both land in one story, as gold when both share a label.
Clustering uses the text features only (headline and lead), as `chronicle stories` does before
entities are known; the threshold is `chronicle.stories.clustering.THRESHOLD` unless swept.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
from pathlib import Path

from chronicle.stories.clustering import THRESHOLD, StoryDoc, Vocabulary, assign_stories
from chronicle.stories.text import terms

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "tests" / "stories" / "data"


def polnear() -> list[tuple[str, dt.date, str, str]]:
    meta = {r["filename"]: r for r in csv.DictReader((SHARED / "eval/polnear/metadata.tsv").open(), delimiter="\t")}
    docs = []
    for path in sorted((SHARED / "eval/polnear/train/text").glob("*.txt")):
        row = meta.get(path.stem, {})
        docs.append((path.stem, dt.date.fromisoformat(path.stem.split("_")[1]), row.get("title", ""),
                     path.read_text(encoding="utf-8")))
    return docs


def realnews() -> list[tuple[str, dt.date, str, str]]:
    rows = [json.loads(line) for line in (SHARED / "eval/realnews/dev/articles.jsonl").open(encoding="utf-8")]
    return [(r["id"], dt.date.fromisoformat(r["date"]), r["title"], r["text"]) for r in rows]


def gold_pairs(name: str) -> set[frozenset[str]]:
    stories: dict[str, list[str]] = {}
    for line in (LABELS / f"{name}-stories.tsv").open(encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        label, article = line.rstrip("\n").split("\t")
        stories.setdefault(label, []).append(article)
    return {frozenset(p) for members in stories.values() for p in itertools.combinations(members, 2)}


def predicted_pairs(corpus: list[tuple[str, dt.date, str, str]], threshold: float) -> set[frozenset[str]]:
    vocabulary = Vocabulary()
    docs = [StoryDoc(i, d.toordinal(), *vocabulary.encode(terms(t, text))) for i, d, t, text in corpus]
    assign_stories(docs, len(vocabulary.ids), threshold=threshold)
    stories: dict[str, list[str]] = {}
    for doc in docs:
        stories.setdefault(doc.story_id or doc.id, []).append(doc.id)
    return {frozenset(p) for members in stories.values() for p in itertools.combinations(members, 2)}


def scores(gold: set[frozenset[str]], predicted: set[frozenset[str]]) -> dict[str, float]:
    right = len(gold & predicted)
    p = right / len(predicted) if predicted else 0.0
    r = right / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "gold_pairs": len(gold),
            "predicted_pairs": len(predicted), "right_pairs": right}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=["polnear", "realnews"])
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list wrong and missed pairs")
    args = parser.parse_args()
    corpus = polnear() if args.corpus == "polnear" else realnews()
    gold = gold_pairs("realnews-dev" if args.corpus == "realnews" else "polnear-train")
    thresholds = [round(0.1 + 0.025 * k, 3) for k in range(21)] if args.sweep else [THRESHOLD]
    for threshold in thresholds:
        predicted = predicted_pairs(corpus, threshold)
        print(json.dumps({"corpus": args.corpus, "articles": len(corpus), "threshold": threshold,
                          **scores(gold, predicted)}))
        if args.errors:
            for kind, pairs in (("wrong", predicted - gold), ("missed", gold - predicted)):
                for pair in sorted(sorted(p) for p in pairs):
                    print(kind, *pair, sep="\t")


if __name__ == "__main__":
    main()
