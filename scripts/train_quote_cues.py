"""Train the cue model of the quotes stage (`src/chronicle/data/quotes/cue_model.json`).

    .venv/bin/python scripts/train_quote_cues.py --polnear ../shared/eval/polnear/train

Train on the PolNeAR TRAINING split only (never dev or test). Every article is parsed with
chronicle's spaCy pipeline; `quotes.model_candidates` lists the verbs that are not lexicon cues,
each with the attribution it would make and its parse features. A candidate is positive when its
content matches a gold content the way `chronicle eval quotes` scores it (overlap of at least half
the longer span). A logistic regression (scikit-learn, needed here only: the stage reads the
weights from JSON) is fitted on them; the threshold is the one maximising partial-content F1 of
lexicon attributions plus candidates, with candidate scores from 5-fold cross-validation over
articles. Features seen fewer than `--min-count` times are dropped, so the file holds weights for
lemmas and dependency labels only, no corpus text. Deterministic: same data, same file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spacy.tokens import DocBin

from chronicle.evaluate.quotes import _trim, corpus_files, partial_match, read_ann
from chronicle.extract.quotations import quotation_spans
from chronicle.extract.quotes import (
    DATA,
    MIN_DIRECT_WORDS,
    find_attributions,
    lexicon_attributions,
    lexicon_features,
    model_candidates,
)
from chronicle.ingest.normalize import normalize_chars
from chronicle.nlp import load_pipeline


def parse(folder: Path, cache: Path | None) -> tuple[list, list]:
    nlp = load_pipeline()
    pairs = corpus_files(folder, None)
    texts = [normalize_chars(t.read_text(encoding="utf-8")) for t, _ in pairs]
    golds = [read_ann(a, len(text)) for (_, a), text in zip(pairs, texts, strict=True)]
    if cache is not None and cache.exists():
        docs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(texts, batch_size=16))
        if cache is not None:
            bin_ = DocBin()
            for doc in docs:
                bin_.add(doc)
            cache.write_bytes(bin_.to_bytes())
    return docs, golds


def prf(pred_hits: int, predicted: int, gold_hits: int, gold: int) -> tuple[float, float, float]:
    p = pred_hits / predicted if predicted else 0.0
    r = gold_hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, required=True, help="PolNeAR training split folder")
    parser.add_argument("--out", type=Path, default=DATA / "cue_model.json")
    parser.add_argument("--cache", type=Path, help="DocBin file to keep the parses in between runs")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--C", type=float, default=0.5, help="inverse L2 regularisation strength")
    args = parser.parse_args()

    docs, golds = parse(args.polnear, args.cache)
    rows: list[dict[str, int]] = []
    labels: list[int] = []
    groups: list[int] = []
    articles = []  # per article: gold count, base spans, and (row, span, matched golds, is lexicon) items
    for n, (doc, gold) in enumerate(zip(docs, golds, strict=True)):
        text = doc.text
        gold_spans = [_trim(text, g.content) for g in gold]
        base, _ = find_attributions(doc, text, None)
        quotes = quotation_spans(text)
        long_quotes = [q for q in quotes if len(text[q[0] : q[1]].split()) >= MIN_DIRECT_WORDS]
        found = lexicon_attributions(doc, text, long_quotes)
        scored = [(a, f, True) for a, f in lexicon_features(doc, found, long_quotes) if f is not None]
        scored += [(a, f, False) for a, f in model_candidates(doc, text, found, long_quotes)]
        items = []
        for attribution, features, lexical in scored:
            span = _trim(text, (attribution.start, attribution.end))
            matched = frozenset(i for i, g in enumerate(gold_spans) if partial_match(span, g))
            items.append((len(rows), span, matched, lexical))
            rows.append(dict.fromkeys(features, 1))
            labels.append(int(bool(matched)))
            groups.append(n)
        base_items = [(s, frozenset(i for i, g in enumerate(gold_spans) if partial_match(s, g)))
                      for s in (_trim(text, (a.start, a.end)) for a in base)]
        articles.append((len(gold_spans), base_items, items))

    y = np.array(labels)
    counts: dict[str, int] = {}
    for row in rows:
        for f in row:
            counts[f] = counts.get(f, 0) + 1
    rows = [{f: v for f, v in row.items() if counts[f] >= args.min_count} for row in rows]
    vectorizer = DictVectorizer()
    X = vectorizer.fit_transform(rows)
    print(f"{len(docs)} articles, {len(y)} scored attributions, {y.sum()} positive, {X.shape[1]} features")

    def fit(X_, y_) -> LogisticRegression:
        return LogisticRegression(C=args.C, max_iter=2000).fit(X_, y_)

    scores = np.zeros(len(y))
    for train_idx, test_idx in GroupKFold(n_splits=5).split(X, y, groups):
        scores[test_idx] = fit(X[train_idx], y[train_idx]).predict_proba(X[test_idx])[:, 1]

    def simulate(threshold: float, lexicon_threshold: float) -> tuple[float, float, float]:
        """Partial-content P/R/F1 as `chronicle eval quotes` counts it, with cross-validated scores.
        A dropped lexicon attribution removes the final attribution with its span."""
        predicted = pred_hits = gold_hits = gold_total = 0
        for gold_count, base_items, items in articles:
            dropped: dict[tuple[int, int], int] = {}
            kept = []
            for row, span, matched, lexical in items:
                if lexical and scores[row] < lexicon_threshold:
                    dropped[span] = dropped.get(span, 0) + 1
                elif not lexical and scores[row] >= threshold:
                    kept.append(matched)
            for span, matched in base_items:
                if dropped.get(span, 0):
                    dropped[span] -= 1
                else:
                    kept.append(matched)
            predicted += len(kept)
            pred_hits += sum(bool(m) for m in kept)
            gold_hits += len(frozenset().union(*kept)) if kept else 0
            gold_total += gold_count
        return prf(pred_hits, predicted, gold_hits, gold_total)

    best = (0.0, 1.0, 0.0)
    for threshold in np.arange(0.26, 0.55, 0.04):
        for lexicon_threshold in np.arange(0.0, 0.41, 0.05):
            p, r, f = simulate(float(threshold), float(lexicon_threshold))
            print(f"thresholds {threshold:.2f} / lexicon {lexicon_threshold:.2f}: P {p:.4f} R {r:.4f} F1 {f:.4f}")
            if f > best[0]:
                best = (f, float(threshold), float(lexicon_threshold))

    model = fit(X, y)
    names = vectorizer.get_feature_names_out()
    weights = {str(name): round(float(w), 4) for name, w in zip(names, model.coef_[0], strict=True)
               if abs(w) >= 1e-3}
    args.out.write_text(json.dumps({
        "version": 1,
        "about": "weights of scripts/train_quote_cues.py's logistic cue model; features are documented there "
                 "and in docs/quotes.md",
        "threshold": round(best[1], 2),
        "lexicon_threshold": round(best[2], 2),
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
    }, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"thresholds {best[1]:.2f} / lexicon {best[2]:.2f} (cross-validated F1 {best[0]:.4f}); "
          f"{len(weights)} weights -> {args.out}")


if __name__ == "__main__":
    main()
