"""Train the event-trigger classifier (`src/chronicle/data/events/trigger_model.json`).

    .venv/bin/python scripts/train_event_triggers.py --articles ../shared/train/realnews-silver/articles.jsonl \\
        --gold ../shared/train/realnews-silver/gold.jsonl

Train on the realnews SILVER training annotations only (never the realnews dev gold or PLOVER dev).
Every verb and noun of every article is an example: its class is the type of the gold event whose
trigger it is (located as the real-news scorer locates it: the trigger's first occurrence after the
start of the gold sentence; PLOVER 0.5 names mapped back to chronicle's: DISAPPROVE → ACCUSE:disapprove,
INVESTIGATE → ACCUSE:investigate, DEMAND → REQUEST, FIGHT → ASSAULT), else NONE. Its features are
`event_triggers.trigger_features`. A multinomial logistic regression (scikit-learn, needed here only)
is fitted; the script prints 5-fold cross-validated (folds by article) precision and recall of the
proposals by threshold, over all words, over the words the rules find nothing in and over those of
them with someone among their arguments (what `event_triggers.proposed_sense` proposes from), and what the
second opinion keeps of the rule triggers it judges (CAMEO table, derived nouns, valence) by
threshold. Lemma features seen in fewer than `--min-count` articles are dropped, so the file holds
weights for lemmas and feature names only, no corpus text. Deterministic.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spacy.tokens import Doc, Token

from chronicle.extract.event_triggers import CLASSES, DATA, NONE, PROPOSE_AT, has_someone, sense_label, trigger_features
from chronicle.extract.events import JUDGED_ORIGINS, find_events
from chronicle.ingest.readers import article_from_item
from chronicle.nlp import load_pipeline

GOLD_TYPES = {"DISAPPROVE": "ACCUSE:disapprove", "INVESTIGATE": "ACCUSE:investigate", "DEMAND": "REQUEST",
              "FIGHT": "ASSAULT"}
FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                      "\u2014": "-", "\u00a0": " "})
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6)


def gold_trigger(doc: Doc, folded: str, event: dict) -> Token | None:
    """The token a gold event's trigger names: the trigger's first occurrence from its sentence on, in
    the article text with quotes, dashes and spaces folded (`folded`), as the real-news scorer finds it."""
    s0 = folded.find(event["sentence"].translate(FOLD))
    t0 = folded.find(event["trigger"].translate(FOLD), s0) if s0 >= 0 else -1
    span = doc.char_span(t0, t0 + len(event["trigger"]), alignment_mode="expand") if t0 >= 0 else None
    return None if span is None else span.root


def gold_class(event: dict) -> str:
    """A gold event's PLOVER 0.5 type as the classifiers name it (chronicle's type, ACCUSE with its mode)."""
    return GOLD_TYPES.get(event["type"], event["type"])


Examples = tuple[list[dict], list[str], list[int], list[str], list[bool], list[bool]]


def examples(articles: Path, gold: Path) -> Examples:
    """Features, class, article number, the type of the judged rule sense there ("" if none: no rule
    sense, or only lexicon.yaml's), whether any rule finds an event there and whether someone is among
    its arguments (what a proposal needs), per verb and noun."""
    golds = {g["id"]: g for g in map(json.loads, gold.read_text(encoding="utf-8").splitlines())}
    nlp = load_pipeline(None)
    features, labels, groups, ruled, any_rule, someone = [], [], [], [], [], []
    for n, line in enumerate(articles.read_text(encoding="utf-8").splitlines()):
        item = json.loads(line)
        article = article_from_item(item, input=item["id"])
        doc = nlp(article.text)
        text = article.text.translate(FOLD)
        classes: dict[int, str] = {}
        for event in golds[item["id"]]["events"]:
            token = gold_trigger(doc, text, event)
            if token is not None:
                classes[token.i] = gold_class(event)
        found: dict[int, str] = {}
        rules = find_events(doc, [], second_opinion=False)
        triggers = {f.trigger.i for f in rules}
        for f in rules:
            if f.sense.origin in JUDGED_ORIGINS:
                found.setdefault(f.trigger.i, sense_label(f.sense))
        for token in doc:
            if token.pos_ in CLASSES:
                features.append(trigger_features(token))
                labels.append(classes.get(token.i, NONE))
                groups.append(n)
                ruled.append(found.get(token.i, ""))
                any_rule.append(token.i in triggers)
                someone.append(has_someone(token))
    return features, labels, groups, ruled, any_rule, someone


def prune(features: list[dict], groups: list[int], min_count: int) -> list[dict]:
    """Drop lemma features seen in fewer than `min_count` articles."""
    seen: dict[str, set[int]] = {}
    for f, g in zip(features, groups, strict=True):
        for name in f:
            if name.startswith("lemma="):
                seen.setdefault(name, set()).add(g)
    rare = {name for name, articles in seen.items() if len(articles) < min_count}
    return [{k: v for k, v in f.items() if k not in rare} for f in features]


def fit(x: object, y: np.ndarray, c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=3000).fit(x, y)


def softmax_weights(names: np.ndarray, model: LogisticRegression) -> dict[str, dict[str, float]]:
    """Per class, the weights of at least 0.005 by feature name and the intercept as "bias": what
    `event_triggers.SoftmaxModel` applies (this classifier's and the type classifier's)."""
    weights = {}
    for k, label in enumerate(model.classes_):
        row = {names[i]: round(float(w), 3) for i, w in enumerate(model.coef_[k]) if abs(w) >= 5e-3}
        row["bias"] = round(row.get("bias", 0.0) + float(model.intercept_[k]), 3)
        weights[str(label)] = dict(sorted(row.items()))
    return weights


def train(data: Examples, articles: set[int], c: float, min_count: int) -> dict[str, dict[str, float]]:
    """The weights of the classifier fitted on the words of these articles only (lemma features pruned
    among them): the event model's training reads the other articles with it (cross-fitting)."""
    features, labels, groups = data[0], data[1], data[2]
    rows = [i for i, g in enumerate(groups) if g in articles]
    kept = prune([features[i] for i in rows], [groups[i] for i in rows], min_count)
    vectorizer = DictVectorizer()
    model = fit(vectorizer.fit_transform(kept), np.array([labels[i] for i in rows]), c)
    return softmax_weights(vectorizer.get_feature_names_out(), model)


def cross_validate(x: object, y: np.ndarray, groups: np.ndarray, c: float) -> np.ndarray:
    probabilities = np.zeros((len(y), len(np.unique(y))))
    classes = np.unique(y)
    for train, test in GroupKFold(n_splits=5).split(x, y, groups):
        model = fit(x[train], y[train], c)
        columns = [list(classes).index(k) for k in model.classes_]
        probabilities[np.ix_(test, columns)] = model.predict_proba(x[test])
    return probabilities


def report(probabilities: np.ndarray, classes: np.ndarray, y: np.ndarray, mask: np.ndarray, name: str) -> None:
    none = list(classes).index(NONE)
    events = probabilities.copy()
    events[:, none] = -1
    best = events.argmax(axis=1)
    p = events.max(axis=1)
    gold = (y != NONE) & mask
    print(f"{name}: {int(gold.sum())} gold triggers among {int(mask.sum())} words")
    for threshold in THRESHOLDS:
        proposed = mask & (p >= threshold)
        right = proposed & (classes[best] == y)
        found = proposed & (y != NONE)
        n = max(int(proposed.sum()), 1)
        print(f"  >= {threshold:.2f}: proposed {int(proposed.sum()):5d}  type-right precision {right.sum() / n:.3f}"
              f"  detection precision {found.sum() / n:.3f}  recall {right.sum() / max(gold.sum(), 1):.3f}")


def judge(probabilities: np.ndarray, classes: np.ndarray, y: np.ndarray, rules: np.ndarray) -> None:
    """What the second opinion (`event_triggers.second_opinion`: the classifier's probability of the
    rule's own type) does to the rule triggers, by threshold: words kept, gold triggers kept, gold
    triggers of the rule's type kept."""
    ruled = rules != ""
    index = {label: k for k, label in enumerate(classes)}
    own = np.array([probabilities[i, index[r]] if r in index else 0.0 for i, r in enumerate(rules)])
    gold = ruled & (y != NONE)
    right = gold & (rules == y)
    print(f"judged rule triggers (not lexicon.yaml): {int(ruled.sum())} words, {int(gold.sum())} gold, "
          f"{int(right.sum())} of the rule's type")
    for reject in (0.0, 0.01, 0.02, 0.03, 0.05):
        kept = ruled & (own >= reject)
        print(f"  own type below {reject:.2f} dropped: kept {int(kept.sum())} words, {int((kept & gold).sum())} gold, "
              f"{int((kept & right).sum())} of the rule's type")


def arguments() -> argparse.ArgumentParser:
    """The script's options, with the settings the packaged model is trained with as defaults."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=DATA / "trigger_model.json")
    parser.add_argument("--c", type=float, default=0.3)
    parser.add_argument("--min-count", type=int, default=3)
    return parser


def main() -> None:
    args = arguments().parse_args()
    features, labels, groups, ruled, any_rule, someone = examples(args.articles, args.gold)
    features = prune(features, groups, args.min_count)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(features)
    y, g, r = np.array(labels), np.array(groups), np.array(ruled)
    classes = np.unique(y)
    probabilities = cross_validate(x, y, g, args.c)
    print(f"5-fold CV by article, C={args.c}")
    report(probabilities, classes, y, np.ones(len(y), dtype=bool), "all verbs and nouns")
    report(probabilities, classes, y, ~np.array(any_rule), "words the rules find nothing in")
    report(probabilities, classes, y, ~np.array(any_rule) & np.array(someone),
           f"proposable (no rule, someone among its arguments; proposed at >= {PROPOSE_AT})")
    judge(probabilities, classes, y, r)
    weights = softmax_weights(vectorizer.get_feature_names_out(), fit(x, y, args.c))
    args.out.write_text(json.dumps({"version": 1, "c": args.c, "min_count": args.min_count, "weights": weights},
                                   indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
