"""Train the events stage's confidence model (`src/chronicle/data/events/event_model.json`).

    .venv/bin/python scripts/train_event_model.py --articles ../shared/train/realnews-silver/articles.jsonl \\
        --gold ../shared/train/realnews-silver/gold.jsonl

Train on the realnews SILVER training annotations only (never the realnews dev gold or PLOVER dev).
Every article runs through chronicle's stages up to the events stage; `events.event_candidates` lists
its events (one per act, with mentions) and their features. Each event is labelled the way the
real-news scorer (`--scorer`, ../shared/eval/realnews/score.py) scores it: matched to a gold event by
trigger (its own or a further mention's), else by sentence and type; right when type, source and
target are all right. Two logistic regressions (scikit-learn, needed here only: the stage applies the
weights in plain Python) are fitted over the same features, one for "all right" and one for "type
right"; an event's score is the sum of their log-odds, which is again linear in the features, so the
file holds one weight per feature (the summed weights). The type model adds what the few all-right
events (one in twelve) cannot teach alone: which triggers and constructions give the right type.
Among the features are the opinions of the learned type and trigger classifiers (`type_p=`,
`trigger_p=`, `trigger_none=`), which also retype, judge and propose candidates. Those classifiers are
fitted on these same articles, so their opinions of them are in-sample, surer than of new text.
The training data are therefore cross-fitted: the articles are split into 5 folds (seeded, `FOLD_SEED`);
for each fold the type and trigger classifiers are fitted on the other folds (by their training scripts'
own `train_on` / `train` with those scripts' default settings) and stand in for the packaged ones
(`event_triggers.models_in_use`) while the fold's articles are extracted, so every candidate and its
opinions are what the stage would make of text its classifiers never saw. The packaged classifiers stay
fitted on every article. The event model's cross-validation uses the same 5 folds (nested: the
classifiers behind a test fold's candidates saw none of its articles, nor did the event model).
The scores are calibrated (to "all right") by Platt scaling fitted on those cross-validated scores.
The script prints the
cross-validated reliability table (confidence band → share right), for thresholds the precision /
all-right / recall as the scorer counts them, and the threshold the rule picks: the lowest at which
the cross-validated type precision is >= 0.70 and the all-right precision >= 0.50. The file keeps
the reliability table and that threshold (`cv_reliability`, `threshold_by_rule`) for the tests.
`--cache FILE` keeps the extracted (cross-fitted) candidates in a pickle (written on the first run, read
on later ones: the classifiers' fits and the extraction are most of the run's time), for trying settings
on one extraction; delete it when the code that finds or describes candidates, or the classifiers'
training, changes. `--dump FILE` also writes each event's article,
trigger, sides, features, labels and CV confidence for error analysis (it holds article text:
keep it outside the repository).
Lemma features seen in fewer than `--min-count` articles are dropped, so the file holds weights for
lemmas, types and feature names only, no corpus text. Deterministic: same data, same file.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import train_event_triggers
import train_event_types
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from chronicle.extract.event_patterns import DATA
from chronicle.extract.event_triggers import SoftmaxModel, models_in_use
from chronicle.extract.events import Candidate, event_candidates
from chronicle.ingest.readers import article_from_item
from chronicle.pipeline import Pipeline, PipelineConfig
from chronicle.records import Article

# features named by a corpus word: kept only when seen in --min-count articles
WORD_FEATURES = ("lemma=", "word:")
THRESHOLDS = tuple(round(0.025 * i, 3) for i in range(33))
# the project's precision bars: the default threshold is the lowest that meets both in CV
TYPE_PRECISION_BAR = 0.70
ALL_RIGHT_BAR = 0.50
FOLDS = 5
FOLD_SEED = 0  # the articles' shuffling into folds, shared by the cross-fitting and the cross-validation
BANDS = ((0.0, 0.1), (0.1, 0.2), (0.2, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 1.01))


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("realnews_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


Item = tuple[Article, list[Candidate], dict[str, str]]
StandIns = dict[str, SoftmaxModel]  # classifiers by file stem, standing in for the packaged ones


def article_folds(articles: int) -> np.ndarray:
    """Each article's fold (by its line in the articles file), seeded: the cross-fitting's and the CV's."""
    return np.random.default_rng(FOLD_SEED).permutation(articles) % FOLDS


def cross_fitted(articles: Path, gold: Path, fold_of: np.ndarray) -> list[StandIns]:
    """Per fold, the type and trigger classifiers fitted on the other folds' articles only, by their
    training scripts with those scripts' default settings."""
    paths = ["--articles", str(articles), "--gold", str(gold)]
    types = train_event_types.arguments().parse_args(paths)
    triggers = train_event_triggers.arguments().parse_args(paths)
    type_data = train_event_types.examples(articles, gold)
    trigger_data = train_event_triggers.examples(articles, gold)
    models = []
    for fold in range(FOLDS):
        others = {int(n) for n in np.flatnonzero(fold_of != fold)}
        type_weights = train_event_types.train_on(type_data, others, types.c, types.copies, types.balance,
                                                  types.min_count)
        trigger_weights = train_event_triggers.train(trigger_data, others, triggers.c, triggers.min_count)
        models.append({"type_model": SoftmaxModel(type_weights), "trigger_model": SoftmaxModel(trigger_weights)})
        print(f"fold {fold}: classifiers fitted on {len(others)} articles")
    return models


def extract(articles: Path, cache: Path | None = None,
            stand_ins: Callable[[int], list[StandIns]] | None = None) -> list[Item]:
    """Per article: the Article, its event candidates, and actor id → name. `stand_ins(n)` gives, for
    `n` articles, the classifiers to read each with (cross-fitting; called only when extracting). With
    `cache`, read the items from that pickle when it exists, else extract and write them there (`--cache`)."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    pipeline = Pipeline(PipelineConfig(stages=("actors", "places", "dates", "quotes")))
    lines = [line for line in articles.read_text(encoding="utf-8").splitlines() if line.strip()]
    models = stand_ins(len(lines)) if stand_ins is not None else [{} for _ in lines]
    items = []
    for line, article_models in zip(lines, models, strict=True):
        article = article_from_item(json.loads(line), input=json.loads(line)["id"])
        with models_in_use(article_models):
            doc = pipeline.nlp(article.text)
            records = pipeline.apply_stages(doc, article)
            candidates = event_candidates(doc, records, pipeline.config.context)
        items.append((article, candidates, {a.id: a.name for a in records.actors}))
    if cache is not None:
        cache.write_bytes(pickle.dumps(items))
    return items


def label(scorer: ModuleType, text: str, gold: dict[str, Any], candidates: list[Candidate],
          names: dict[str, str]) -> tuple[list[tuple[bool, bool]], list[tuple[int, bool]]]:
    """(type right, all right) per candidate, and per gold event (matched candidate or -1, asserted),
    matched as the real-news scorer matches."""
    text = scorer.fold(text)
    actors = scorer.Actors(gold["actors"])
    ge = []
    for e in gold["events"]:
        s0 = text.find(scorer.fold(e["sentence"]))
        t0 = text.find(scorer.fold(e["trigger"]), s0) if s0 >= 0 else -1
        ge.append((e, s0, t0))
    pe = [c.event.model_dump(mode="json") for c in candidates]
    gold_trig = [(t0, t0 + len(e["trigger"])) if t0 >= 0 else (-10, -9) for e, _, t0 in ge]
    trig = scorer.pair([(e["trigger_start"], e["trigger_end"]) for e in pe], gold_trig)
    used = set(trig.values())
    for i, e in enumerate(pe):
        if i in trig:
            continue
        for m in e["mentions"]:
            j = next((j for j, g in enumerate(gold_trig)
                      if j not in used and scorer.overlap(m["trigger_start"], m["trigger_end"], *g)), None)
            if j is not None:
                trig[i] = j
                used.add(j)
                break
    for i, e in enumerate(pe):
        if i in trig:
            continue
        for j, (gev, s0, _) in enumerate(ge):
            if j in used or s0 < 0 or scorer.event_type(e) != gev["type"].replace("FIGHT", "ASSAULT"):
                continue
            if any(m["sentence_start"] <= s0 < m["sentence_end"] for m in [e, *e["mentions"]]):
                trig[i] = j
                used.add(j)
                break
    labels = []
    for i, e in enumerate(pe):
        if i not in trig:
            labels.append((False, False))
            continue
        gev = ge[trig[i]][0]
        right_type = scorer.event_type(e) == gev["type"].replace("FIGHT", "ASSAULT")
        right_src = actors.same(names.get(e["source_id"] or "", e["source"]), gev["source"])
        right_tgt = actors.same(names.get(e["target_id"] or "", e["target"]), gev["target"])
        labels.append((right_type, right_type and right_src and right_tgt))
    by_gold = {j: i for i, j in trig.items()}
    golds = [(by_gold.get(j, -1), e["status"] == "asserted") for j, (e, _, _) in enumerate(ge)]
    return labels, golds


def sparse_rows(x: Any) -> Any:
    """The vectorizer's sparse matrix with the 32-bit indices liblinear takes. Fitted sparse, the models
    are the dense matrix's to the last digit (the same weights file) in half the memory: most of the
    events' few dozen features of thousands are absent."""
    x.indices = x.indices.astype(np.int32)
    x.indptr = x.indptr.astype(np.int32)
    return x


def fit(x: Any, y: np.ndarray, c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=2000, solver="liblinear", random_state=0).fit(x, y)


def fit_pair(x: Any, all_right: np.ndarray, type_right: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """The summed weights and intercept of the "all right" and the "type right" models."""
    models = [fit(x, all_right, c), fit(x, type_right, c)]
    return sum(m.coef_[0] for m in models), float(sum(m.intercept_[0] for m in models))


def platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    model = LogisticRegression(C=1e4, solver="lbfgs").fit(scores.reshape(-1, 1), y)
    return float(model.coef_[0][0]), float(model.intercept_[0])


def reliability(probability: np.ndarray, all_right: np.ndarray) -> list[tuple[int, float]]:
    """Per confidence band (`BANDS`): events in it and the share of them all right."""
    out = []
    for low, high in BANDS:
        band = (probability >= low) & (probability < high)
        out.append((int(band.sum()), float(all_right[band].mean()) if band.sum() else 0.0))
    return out


Curve = list[tuple[int, float, float, float]]


def curve(probability: np.ndarray, type_right: np.ndarray, all_right: np.ndarray,
          gold: list[tuple[int, int, bool]], rows_of: dict[tuple[int, int], int]) -> Curve:
    """Per threshold (`THRESHOLDS`): events kept, type precision, all-right precision and recall of the
    asserted gold events, as the real-news scorer counts them."""
    asserted = sum(1 for _, _, a in gold if a)
    out = []
    for t in THRESHOLDS:
        kept = probability >= t
        found = sum(1 for art, row, a in gold if a and row >= 0 and kept[rows_of[(art, row)]]
                    and type_right[rows_of[(art, row)]])
        n = int(kept.sum())
        out.append((n, type_right[kept].sum() / max(n, 1), all_right[kept].sum() / max(n, 1), found / max(asserted, 1)))
    return out


Summary = dict[str, Any]


def report(bands: list[tuple[int, float]], thresholds: Curve) -> Summary:
    """Print the CV reliability table and threshold table; return the table and the lowest threshold at
    which the precisions meet both bars, with its figures."""
    print("band        n   all-right share")
    table = []
    for (low, high), (n, share) in zip(BANDS, bands, strict=True):
        if n:
            print(f"{low:.1f}-{min(high, 1.0):.1f} {n:8d}   {share:.3f}")
            table.append([low, min(high, 1.0), n, round(share, 3)])
    print("threshold  predicted  precision  all-right  recall")
    chosen: Summary = {"threshold_by_rule": None}
    for t, (n, typed, right, recall) in zip(THRESHOLDS, thresholds, strict=True):
        print(f"{t:9.3f} {n:10d} {typed:10.3f} {right:10.3f} {recall:7.3f}")
        if chosen["threshold_by_rule"] is None and typed >= TYPE_PRECISION_BAR and right >= ALL_RIGHT_BAR:
            chosen = {"threshold_by_rule": t, "cv_at_threshold": {
                "events": n, "precision": round(float(typed), 3),
                "all_right": round(float(right), 3), "recall": round(float(recall), 3)}}
    print(f"threshold by the rule (type precision >= {TYPE_PRECISION_BAR}, all-right >= {ALL_RIGHT_BAR}): "
          f"{chosen['threshold_by_rule']}")
    return {**chosen, "cv_reliability": table}


def dump(path: Path, items: list[tuple[Article, list[Candidate], dict[str, str]]], rows: list[dict[str, float]],
         type_right: list[bool], all_right: list[bool], found: np.ndarray, cv: np.ndarray) -> None:
    """Each event's article, trigger, type and sides, its features, labels and CV confidence, for
    error analysis (the file holds article text: keep it out of the repository)."""
    events = [(article.input, c.event) for article, candidates, _ in items for c in candidates]
    with path.open("w", encoding="utf-8") as out:
        for (article, event), row, typed, right, hit, p in zip(events, rows, type_right, all_right, found, cv,
                                                              strict=True):
            out.write(json.dumps({"article": article, "trigger": event.trigger, "type": event.event_type,
                                  "source": event.source, "target": event.target, "sentence": event.sentence,
                                  "cv": round(float(p), 4), "type_right": typed, "all_right": right,
                                  "found": bool(hit),
                                  "features": sorted(row)}) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, required=True, help="training articles.jsonl (silver or the union)")
    parser.add_argument("--gold", type=Path, required=True, help="their gold.jsonl")
    parser.add_argument("--scorer", type=Path, default=Path("../shared/eval/realnews/score.py"))
    parser.add_argument("--out", type=Path, default=DATA / "event_model.json")
    parser.add_argument("--min-count", type=int, default=3, help="articles a lemma must occur in")
    parser.add_argument("--C", type=float, default=0.3, help="inverse L2 regularisation strength")
    parser.add_argument("--cache", type=Path, help="pickle of the extracted candidates: read if present, else written")
    parser.add_argument("--dump", type=Path, help="also write each event's features and labels here (jsonl)")
    args = parser.parse_args()

    scorer = load_scorer(args.scorer)
    golds = {g["id"]: g for g in (json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines()
                                  if line.strip())}

    def stand_ins(articles: int) -> list[StandIns]:
        fold_of = article_folds(articles)
        models = cross_fitted(args.articles, args.gold, fold_of)
        return [models[fold] for fold in fold_of]

    extracted = extract(args.articles, args.cache, stand_ins)
    fold_of_article = article_folds(len(extracted))
    kept = [n for n, item in enumerate(extracted) if item[0].input in golds]
    items = [extracted[n] for n in kept]
    lemma_articles: dict[str, int] = {}
    for _, candidates, _ in items:
        for name in {n for c in candidates for n in c.features if n.startswith(WORD_FEATURES)}:
            lemma_articles[name] = lemma_articles.get(name, 0) + 1
    rows: list[dict[str, float]] = []
    type_right: list[bool] = []
    all_right: list[bool] = []
    groups: list[int] = []
    gold_rows: list[tuple[int, int, bool]] = []
    rows_of: dict[tuple[int, int], int] = {}
    for n, (article, candidates, names) in enumerate(items):
        labels, gold = label(scorer, article.text, golds[article.input], candidates, names)
        for i, (candidate, (typed, right)) in enumerate(zip(candidates, labels, strict=True)):
            rows_of[(n, i)] = len(rows)
            rows.append({k: v for k, v in candidate.features.items()
                         if not k.startswith(WORD_FEATURES) or lemma_articles.get(k, 0) >= args.min_count})
            type_right.append(typed)
            all_right.append(right)
            groups.append(n)
        gold_rows += [(n, row, asserted) for row, asserted in gold]
    vectorizer = DictVectorizer(sort=True)
    x = sparse_rows(vectorizer.fit_transform(rows))
    y = np.array(all_right, dtype=int)
    typed_arr = np.array(type_right)
    print(f"{len(items)} articles, {len(rows)} events, {int(y.sum())} all right, {int(typed_arr.sum())} type right")

    # 5-fold CV over articles on the cross-fitting's folds (nested; other shufflings would test the
    # event model on articles the classifiers behind its training candidates had seen)
    fold_of = fold_of_article[np.array(kept)][np.array(groups)]
    cv_scores = np.zeros(len(rows))
    for fold in range(FOLDS):
        train, test = fold_of != fold, fold_of == fold
        coef, intercept = fit_pair(x[train], y[train], typed_arr[train], args.C)
        cv_scores[test] = x[test] @ coef + intercept
    scale, shift = platt(cv_scores, y)
    probability = 1.0 / (1.0 + np.exp(-(scale * cv_scores + shift)))
    if args.dump is not None:
        found = np.zeros(len(rows), dtype=bool)
        for art, row, asserted in gold_rows:
            if asserted and row >= 0:
                found[rows_of[(art, row)]] = type_right[rows_of[(art, row)]]
        dump(args.dump, items, rows, type_right, all_right, found, probability)
    print("5-fold cross-validated over articles (the cross-fitting's folds):")
    summary = report(reliability(probability, y.astype(bool)),
                     curve(probability, typed_arr, y.astype(bool), gold_rows, rows_of))

    coef, intercept = fit_pair(x, y, typed_arr, args.C)
    names = vectorizer.get_feature_names_out()
    weights = {name: round(float(w), 4) for name, w in zip(names, coef, strict=True) if abs(w) >= 1e-4}
    weights["bias"] = round(weights.get("bias", 0.0) + intercept, 4)
    body = {"version": 2, "trained_on": f"{len(items)} articles of {args.gold}", "events": len(rows), "C": args.C,
            "models": "all right + type right (summed log-odds)", **summary,
            "calibration": {"scale": round(scale, 4), "shift": round(shift, 4)},
            "weights": dict(sorted(weights.items()))}
    args.out.write_text(json.dumps(body, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights -> {args.out}")


if __name__ == "__main__":
    main()
