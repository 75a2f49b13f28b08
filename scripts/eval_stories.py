"""Pairwise precision, recall and F1 of same-event story clustering on a labelled set of articles.

    .venv/bin/python scripts/eval_stories.py geowebnews  # 200 GeoWebNews pages, our labels (dev, held-out-like)
    .venv/bin/python scripts/eval_stories.py geowebnews-events  # the same pages, strict same-act labels
    .venv/bin/python scripts/eval_stories.py polnear     # 840 PolNeAR train articles, our labels (dev)
    .venv/bin/python scripts/eval_stories.py polnear-events  # the same articles, strict same-act labels
    .venv/bin/python scripts/eval_stories.py realnews    # the 28 realnews dev pages (measurement only)
    add --sweep to print the figures over a range of thresholds, --errors to list wrong and missed
    pairs, --split for a split estimate of the threshold (chosen on one half, scored on the other),
    --pairwise for the similarity alone (every pair within the window at or above each threshold, no
    clustering: the ceiling a threshold on this similarity can reach, before transitivity),
    --held-out-shape (PolNeAR only) to cluster each three-day block of the set among the 200 GeoWebNews
    pages as unrelated filler, like the held-out set's few stories among many unrelated pages over three days

The path the held-out set takes (ingest, consolidation, `chronicle stories`), end to end:
    .venv/bin/python scripts/eval_stories.py geowebnews --write-input /tmp/gwn.jsonl
    .venv/bin/chronicle ingest /tmp/gwn.jsonl --db /tmp/gwn.duckdb
    .venv/bin/chronicle stories --db /tmp/gwn.duckdb --format jsonl > /tmp/gwn-stories.jsonl
    .venv/bin/python scripts/eval_stories.py geowebnews --stories /tmp/gwn-stories.jsonl

Labels are tests/stories/data/*-stories.tsv (story label, article id); unlisted articles are singletons.
A pair of articles counts as predicted when both land in one story, as gold when both share a label.
Clustering uses the text features only (headline, lead, whole text, anchors), as consolidation does; the threshold
is `chronicle.stories.clustering.THRESHOLD` unless swept. GeoWebNews pages carry no date, so all of them
are dated one day: every page is in every other's window, as in a set collected over three days.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import numpy as np

from chronicle.stories.clustering import (
    THRESHOLD,
    WINDOW_DAYS,
    StoryDoc,
    Vocabulary,
    anchor_matrix,
    assign_stories,
    similarities,
    story_doc,
    vectors,
)
from chronicle.stories.text import anchors, views

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "tests" / "stories" / "data"
SWEEP = [round(0.1 + 0.025 * k, 3) for k in range(21)]

Corpus = list[tuple[str, dt.date, str, str]]


def polnear() -> Corpus:
    meta = {r["filename"]: r for r in csv.DictReader((SHARED / "eval/polnear/metadata.tsv").open(), delimiter="\t")}
    docs = []
    for path in sorted((SHARED / "eval/polnear/train/text").glob("*.txt")):
        row = meta.get(path.stem, {})
        docs.append((path.stem, dt.date.fromisoformat(path.stem.split("_")[1]), row.get("title", ""),
                     path.read_text(encoding="utf-8")))
    return docs


def geowebnews() -> Corpus:
    root = ET.parse(SHARED / "eval/geoparsing/GeoWebNews.xml").getroot()
    day = dt.date(2018, 4, 5)  # the pages were collected around this day; none carries its own date
    return [(a.get("file", ""), day, a.findtext("title") or "", a.findtext("text") or "") for a in root.iter("article")]


def realnews() -> Corpus:
    rows = [json.loads(line) for line in (SHARED / "eval/realnews/dev/articles.jsonl").open(encoding="utf-8")]
    return [(r["id"], dt.date.fromisoformat(r["date"]), r["title"], r["text"]) for r in rows]


CORPORA = {"geowebnews": (geowebnews, "geowebnews"), "geowebnews-events": (geowebnews, "geowebnews-events"),
           "polnear": (polnear, "polnear-train"),
           "polnear-events": (polnear, "polnear-events"), "realnews": (realnews, "realnews-dev")}


def gold_stories(name: str) -> dict[str, list[str]]:
    stories: dict[str, list[str]] = {}
    for line in (LABELS / f"{name}-stories.tsv").open(encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        label, article = line.rstrip("\n").split("\t")
        stories.setdefault(label, []).append(article)
    return stories


def pairs_of(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for members in groups for p in itertools.combinations(members, 2)}


def story_docs(corpus: Corpus) -> tuple[list[StoryDoc], Vocabulary]:
    """The corpus as clustering sees it, as consolidation builds it."""
    vocabulary = Vocabulary()
    return [story_doc(i, d.toordinal(), views(t, text), vocabulary, anchors=anchors(t, text))
            for i, d, t, text in corpus], vocabulary


def predicted_pairs(corpus: Corpus, threshold: float) -> set[frozenset[str]]:
    docs, vocabulary = story_docs(corpus)
    assign_stories(docs, len(vocabulary.ids), threshold=threshold)
    stories: dict[str, list[str]] = {}
    for doc in docs:
        stories.setdefault(doc.story_id or doc.id, []).append(doc.id)
    return pairs_of(list(stories.values()))


def pairwise(corpus: Corpus, gold: set[frozenset[str]]) -> list[dict]:
    """P/R/F1 of the pairs within the window whose similarity reaches each threshold (no clustering).

    Rarity of anchors is counted over the whole set here (clustering counts it in each day's window)."""
    docs, vocabulary = story_docs(corpus)
    size = len(vocabulary.ids)
    everything = slice(0, len(docs))
    sims = similarities(vectors(docs, size), vectors(docs, size, whole=True), anchor_matrix(docs, size), everything,
                        everything)
    days = np.array([d.day for d in docs])
    rows, columns = np.triu_indices(len(docs), 1)
    near = np.abs(days[rows] - days[columns]) <= WINDOW_DAYS
    rows, columns = rows[near], columns[near]
    values = sims[rows, columns]
    out = []
    for threshold in SWEEP:
        over = values >= threshold
        predicted = {frozenset((docs[a].id, docs[b].id)) for a, b in zip(rows[over], columns[over], strict=True)}
        out.append({"threshold": threshold, **scores(gold, predicted)})
    return out


def held_out_shape(corpus: Corpus, gold: set[frozenset[str]], threshold: float) -> dict:
    """Each three-day block of a dated set clustered among the GeoWebNews pages (unrelated filler, dated
    into the block); scored on the set's own pairs and its pairs with the filler (all wrong). Gold pairs
    that cross two blocks are left out (counted in `cut_pairs`)."""
    filler = geowebnews()
    blocks: dict[int, Corpus] = {}
    for doc in corpus:
        blocks.setdefault(doc[1].toordinal() // 3, []).append(doc)
    block_of = {doc[0]: key for key, docs in blocks.items() for doc in docs}
    predicted: set[frozenset[str]] = set()
    for key, docs in sorted(blocks.items()):
        day = dt.date.fromordinal(key * 3 + 1)
        own = {doc[0] for doc in docs}
        pairs = predicted_pairs(docs + [(i, day, t, text) for i, _, t, text in filler], threshold)
        predicted |= {p for p in pairs if p & own}
    kept = {p for p in gold if len({block_of.get(a) for a in p}) == 1}
    return {"blocks": len(blocks), "cut_pairs": len(gold - kept), **scores(kept, predicted)}


def scores(gold: set[frozenset[str]], predicted: set[frozenset[str]]) -> dict[str, float]:
    right = len(gold & predicted)
    p = right / len(predicted) if predicted else 0.0
    r = right / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "gold_pairs": len(gold),
            "predicted_pairs": len(predicted), "right_pairs": right}


def halves(corpus: Corpus, stories: dict[str, list[str]]) -> tuple[Corpus, Corpus]:
    """Two halves by a fixed hash; a labelled story stays whole (hashed by its label)."""
    label_of = {a: label for label, members in stories.items() for a in members}
    parts: tuple[Corpus, Corpus] = ([], [])
    for doc in corpus:
        parts[zlib.crc32(label_of.get(doc[0], doc[0]).encode()) % 2].append(doc)
    return parts


def split_estimate(corpus: Corpus, stories: dict[str, list[str]]) -> list[dict]:
    """Choose the threshold with the best F1 on one half, score it on the other; both ways round."""
    gold = pairs_of(list(stories.values()))
    out = []
    for tune, test in itertools.permutations(halves(corpus, stories)):
        ids = {d[0] for d in tune}
        tune_gold = {p for p in gold if p <= ids}
        best = max(SWEEP, key=lambda t: (scores(tune_gold, predicted_pairs(tune, t))["f1"], -abs(t - THRESHOLD)))
        test_ids = {d[0] for d in test}
        out.append({"tuned_on": len(tune), "threshold": best, "scored_on": len(test),
                    **scores({p for p in gold if p <= test_ids}, predicted_pairs(test, best))})
    return out


DEV_URL = "https://dev.invalid/{corpus}/{id}"


def write_input(corpus_name: str, corpus: Corpus, path: Path) -> None:
    """The corpus as `chronicle ingest` input: headline line, blank line, body; the article id in the URL."""
    with path.open("w", encoding="utf-8") as out:
        for article_id, day, title, text in corpus:
            url = DEV_URL.format(corpus=corpus_name, id=article_id)
            out.write(json.dumps({"url": url, "date": day.isoformat(), "text": f"{title}\n\n{text}"}) + "\n")


def stored_pairs(path: Path) -> set[frozenset[str]]:
    """Pairs of the stories printed by `chronicle stories --format jsonl` over an input from `write_input`."""
    groups = []
    for line in path.open(encoding="utf-8"):
        story = json.loads(line)
        groups.append([article["url"].rsplit("/", 1)[1] for article in story["articles"]])
    return pairs_of(groups)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=list(CORPORA))
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--split", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list wrong and missed pairs")
    parser.add_argument("--pairwise", action="store_true", help="the similarity alone, without clustering")
    parser.add_argument("--held-out-shape", action="store_true",
                        help="three-day blocks among the GeoWebNews pages as filler (PolNeAR sets)")
    parser.add_argument("--write-input", type=Path, help="write the corpus as `chronicle ingest` input and stop")
    parser.add_argument("--stories", type=Path, help="score `chronicle stories --format jsonl` output instead")
    args = parser.parse_args()
    load, labels = CORPORA[args.corpus]
    corpus, stories = load(), gold_stories(labels)
    if args.write_input:
        write_input(args.corpus, corpus, args.write_input)
        return
    if args.stories:
        print(json.dumps({"corpus": args.corpus, "stories": str(args.stories),
                          **scores(pairs_of(list(stories.values())), stored_pairs(args.stories))}))
        return
    if args.split:
        for row in split_estimate(corpus, stories):
            print(json.dumps({"corpus": args.corpus, "split": True, **row}))
        return
    gold = pairs_of(list(stories.values()))
    if args.pairwise:
        rows = pairwise(corpus, gold)
        for row in rows:
            print(json.dumps({"corpus": args.corpus, "pairwise": True, **row}))
        best = max(rows, key=lambda row: row["f1"])
        print(json.dumps({"corpus": args.corpus, "pairwise_best": best}))
        return
    if args.held_out_shape:
        for threshold in SWEEP if args.sweep else [THRESHOLD]:
            print(json.dumps({"corpus": args.corpus, "held_out_shape": True, "threshold": threshold,
                              **held_out_shape(corpus, gold, threshold)}))
        return
    for threshold in SWEEP if args.sweep else [THRESHOLD]:
        predicted = predicted_pairs(corpus, threshold)
        print(json.dumps({"corpus": args.corpus, "articles": len(corpus), "threshold": threshold,
                          **scores(gold, predicted)}))
        if args.errors:
            for kind, pairs in (("wrong", predicted - gold), ("missed", gold - predicted)):
                for pair in sorted(sorted(p) for p in pairs):
                    print(kind, *pair, sep="\t")


if __name__ == "__main__":
    main()
