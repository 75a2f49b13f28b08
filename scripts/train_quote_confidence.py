"""Train the quote confidence model (`src/chronicle/data/quotes/quote_model.json`).

    .venv/bin/python scripts/train_quote_confidence.py --silver ../shared/train/realnews-silver \
        --scorer ../shared/eval/realnews/score.py

Train on the realnews-silver TRAINING annotations only (never the realnews dev gold). Every article
is extracted with chronicle's pipeline up to the actors stage; `quotes.scored_quotes` lists each
quote with its features (before the one-speaker-per-stretch filter, which needs the confidences). A
quote is positive when the real-news scorer would count it right: its span overlaps a gold
quote's region and its speaker (the actor's name, else the source as written) is that quote's
speaker by any alias. A logistic regression, with gradient-boosted regression trees fitted on
top of its log-odds (`--trees`; 0 leaves the logistic model alone), gives the probability
(scikit-learn, needed here only: the stage reads the weights and trees from JSON); the trees read
the combinations of features that a sum of weights misses. Its scores from 5-fold cross-validation over articles
are printed as a reliability table with the precision at each threshold, and the threshold for
`confidence.QUOTES_MIN_CONFIDENCE` by the project's rule: the lowest (in steps of 0.025) where the
CV precision of the output as shown reaches `--precision-bar`. Features seen in fewer
than `--min-count` articles' quotes are dropped, so the file holds weights for lemmas and labels
only, no corpus text. Deterministic: same data, same file.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import tempfile
from collections import Counter
from itertools import pairwise
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spacy.tokens import Doc

from chronicle.extract.quotes import DATA, QuoteModel, Tree, one_speaker_per_stretch, scored_quotes
from chronicle.ingest import read_inputs
from chronicle.pipeline import Pipeline, PipelineConfig
from chronicle.records import Article

BANDS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("realnews_score", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def gold_regions(score, text: str, gold: dict) -> list[tuple[dict, int, int]]:
    """Each gold quote's region as the scorer draws it: its content start to the next gold quote
    or the paragraph's end."""
    starts = sorted(p for p in (text.find(score.fold(q["content"])) for q in gold["quotes"]) if p >= 0)
    regions = []
    for q in gold["quotes"]:
        p = text.find(score.fold(q["content"]))
        if p < 0:
            continue
        end = text.find("\n", p + len(score.fold(q["content"])))
        end = len(text) if end < 0 else end
        regions.append((q, p, min([end, *[x for x in starts if x > p]])))
    return regions


def parsed_articles(silver: Path, cache: Path | None) -> list[tuple[str, Doc, object]]:
    """Each silver article's id, parse and records up to the actors stage (kept in `cache`, when
    given, so that a change to the quotes stage alone is retrained without parsing again)."""
    pipeline = Pipeline(PipelineConfig(stages=("actors",)))
    if cache is not None and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        return [(aid, Doc(pipeline.nlp.vocab).from_bytes(data), records) for aid, data, records in stored]
    articles = [json.loads(line) for line in (silver / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "input.jsonl"
        inputs.write_text("".join(json.dumps({"url": f"silver://{a['id']}", "date": a.get("date"), "text": a["text"]})
                                  + "\n" for a in articles), encoding="utf-8")
        by_url = {r.url: r for r in read_inputs([str(inputs)]) if isinstance(r, Article)}
    out = []
    for article in articles:
        parsed = by_url.get(f"silver://{article['id']}")
        if parsed is None:
            continue
        doc = pipeline.nlp(parsed.text)
        out.append((article["id"], doc, pipeline.apply_stages(doc, parsed)))
    if cache is not None:
        cache.write_bytes(pickle.dumps([(aid, doc.to_bytes(), records) for aid, doc, records in out]))
    return out


def extract(silver: Path, score, cache: Path | None = None) -> tuple[
        list[dict[str, int]], list[int], list[int], list[set[tuple[int, int]]], int, list[tuple]]:
    """Feature rows, labels, article numbers, the (article, gold quote) pairs each quote gets right,
    the number of gold quotes, and per quote (the Quote, whether it overlaps a gold quote's region)."""
    golds = {g["id"]: g for g in map(json.loads, (silver / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
    rows, labels, groups, hits_right, quotes = [], [], [], [], []
    gold_total = 0
    for n, (article_id, doc, records) in enumerate(parsed_articles(silver, cache)):
        gold = golds[article_id]
        actors = score.Actors(gold["actors"])
        text = score.fold(doc.text)
        regions = gold_regions(score, text, gold)
        gold_total += len(gold["quotes"])
        for quote, features in scored_quotes(doc, records, one_per_stretch=False):
            said = quote.speaker or quote.source
            right = {(n, j) for j, (g, g0, g1) in enumerate(regions)
                     if score.overlap(quote.start, quote.end, g0, g1) and actors.same(said, g["speaker"])}
            rows.append(dict.fromkeys(features, 1))
            labels.append(int(bool(right)))
            hits_right.append(right)
            groups.append(n)
            quotes.append((quote, any(score.overlap(quote.start, quote.end, g0, g1) for _g, g0, g1 in regions)))
    return rows, labels, groups, hits_right, gold_total, quotes


def as_shown(scores: np.ndarray, groups: list[int], hits_right: list[set], quotes: list[tuple], gold_total: int,
             threshold: float) -> tuple[float, float, float]:
    """Precision, recall and speaker accuracy of the default output as the scorer counts them, with
    cross-validated confidences: one speaker per stretch of text, then the threshold."""
    by_article: dict[int, list[int]] = {}
    for i, n in enumerate(groups):
        by_article.setdefault(n, []).append(i)
    predicted = matched = right = 0
    found: set = set()
    for rows in by_article.values():
        scored = [(quotes[i][0].model_copy(update={"confidence": float(scores[i])}), [str(i)]) for i in rows]
        for quote, (index,) in one_speaker_per_stretch(scored):
            i = int(index)
            if quote.confidence < threshold:
                continue
            predicted += 1
            matched += quotes[i][1]
            right += bool(hits_right[i])
            found |= hits_right[i]
    return right / max(1, predicted), len(found) / gold_total, right / max(1, matched)


def reliability(scores: np.ndarray, y: np.ndarray) -> list[str]:
    lines = ["| confidence | quotes | share right | precision at >= band |", "|---|---|---|---|"]
    for lo, hi in pairwise(BANDS):
        band = (scores >= lo) & (scores < hi)
        above = scores >= lo
        share = f"{y[band].mean():.2f}" if band.any() else "-"
        lines.append(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {int(band.sum())} | {share} | {y[above].mean():.2f} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--silver", type=Path, required=True, help="realnews-silver folder (articles, gold)")
    parser.add_argument("--scorer", type=Path, required=True, help="the real-news score.py")
    parser.add_argument("--out", type=Path, default=DATA / "quote_model.json")
    parser.add_argument("--cache", type=Path, help="file to keep the parses and actor records in between runs")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--precision-bar", type=float, default=0.89, help="the threshold rule's CV precision")
    parser.add_argument("--C", type=float, default=0.15, help="inverse L2 regularisation strength")
    parser.add_argument("--trees", type=int, default=500, help="boosted trees on the logistic model (0: none)")
    parser.add_argument("--learning-rate", type=float, default=0.03, help="the trees' shrinkage")
    parser.add_argument("--depth", type=int, default=6, help="each tree's depth")
    parser.add_argument("--min-leaf", type=int, default=100, help="fewest training quotes in a tree's leaf")
    args = parser.parse_args()

    rows, labels, groups, hits_right, gold_total, quotes = extract(args.silver, load_scorer(args.scorer), args.cache)
    counts = Counter(f for row in rows for f in row)
    rows = [{f: v for f, v in row.items() if counts[f] >= args.min_count} for row in rows]
    y = np.array(labels)
    vectorizer = DictVectorizer()
    X = vectorizer.fit_transform(rows)
    print(f"{len(set(groups))} articles, {len(y)} quotes, {y.sum()} right, {X.shape[1]} features")

    def fit(X_, y_) -> LogisticRegression | GradientBoostingClassifier:
        logistic = LogisticRegression(C=args.C, max_iter=5000)
        if not args.trees:
            return logistic.fit(X_, y_)
        return GradientBoostingClassifier(init=logistic, n_estimators=args.trees, learning_rate=args.learning_rate,
                                          max_depth=args.depth, min_samples_leaf=args.min_leaf,
                                          random_state=0).fit(X_, y_)

    scores = np.zeros(len(y))
    for train_idx, test_idx in GroupKFold(n_splits=5).split(X, y, groups):
        scores[test_idx] = fit(X[train_idx], y[train_idx]).predict_proba(X[test_idx])[:, 1]
    log_loss = -np.mean(y * np.log(np.clip(scores, 1e-9, 1)) + (1 - y) * np.log(np.clip(1 - scores, 1e-9, 1)))
    print(f"5-fold CV log loss {log_loss:.3f}")
    print("\n".join(reliability(scores, y)))
    for threshold in (0.5, 0.6, 0.7, 0.8):
        kept = scores >= threshold
        found = set().union(*(hits_right[i] for i in np.flatnonzero(kept)))
        print(f"CV at >= {threshold}: precision {y[kept].mean():.3f} recall {len(found) / gold_total:.3f} "
              "(before one speaker per stretch)")
    chosen = None
    for threshold in np.arange(0.5, 0.8251, 0.025):
        p, r, a = as_shown(scores, groups, hits_right, quotes, gold_total, float(threshold))
        print(f"CV as shown at >= {threshold:.3f}: precision {p:.4f} recall {r:.4f} speaker accuracy {a:.4f}")
        if chosen is None and p >= args.precision_bar:
            chosen = round(float(threshold), 3)
    print(f"threshold by the rule (lowest with CV precision >= {args.precision_bar}): {chosen}")

    model = fit(X, y)
    names = list(vectorizer.get_feature_names_out())
    logistic = model.init_ if isinstance(model, GradientBoostingClassifier) else model
    weights = {f: round(float(w), 4) for f, w in zip(names, logistic.coef_[0], strict=True) if abs(w) >= 1e-4}
    trees = ([exported_tree(tree, names, args.learning_rate) for tree in model.estimators_[:, 0]]
             if isinstance(model, GradientBoostingClassifier) else [])
    exported = QuoteModel(weights=weights, bias=round(float(logistic.intercept_[0]), 4), trees=tuple(trees))
    # the runtime's scoring (quotes.QuoteModel) must give the probabilities scikit-learn gives
    runtime = np.array([exported.score(list(row)) for row in rows])
    drift = float(np.abs(runtime - model.predict_proba(X)[:, 1]).max())
    print(f"largest difference between the runtime's and scikit-learn's probability: {drift:.5f}")
    assert drift < 0.005, drift
    args.out.write_text(model_json(exported), encoding="utf-8")
    print(f"{len(weights)} weights, {len(trees)} trees -> {args.out}")


def model_json(model: QuoteModel) -> str:
    """The model file: one weight a line, as before the trees, then one tree a line (a tree laid
    out one number a line would run to a hundred thousand lines)."""
    head = json.dumps({
        "about": "quote confidence: logistic regression over quote features with boosted trees on its "
                 "log-odds, trained on realnews-silver by scripts/train_quote_confidence.py",
        "bias": model.bias,
        "weights": dict(sorted(model.weights.items())),
    }, indent=1)
    trees = ",\n".join(json.dumps(tree, separators=(",", ":")) for tree in model.trees)
    return f'{head.removesuffix("}").rstrip()},\n "trees": [\n{trees}\n ]\n}}\n'


def exported_tree(tree, names: list[str], scale: float) -> Tree:
    """A fitted scikit-learn regression tree over 0/1 features as the runtime's node list
    (`quotes.Tree`), its leaves already multiplied by the learning rate."""
    t = tree.tree_
    nodes: Tree = []
    for i in range(t.node_count):
        if t.children_left[i] < 0:
            nodes.append([round(float(t.value[i][0][0]) * scale, 5)])
        else:
            assert 0 < t.threshold[i] < 1, "a split on a 0/1 feature"
            nodes.append([names[t.feature[i]], int(t.children_right[i]), int(t.children_left[i])])
    return nodes


if __name__ == "__main__":
    main()
