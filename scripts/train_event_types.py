"""Train the event type classifier (`src/chronicle/data/events/type_model.json`).

    .venv/bin/python scripts/train_event_types.py --articles build/train/combined/articles.jsonl \\
        --gold build/train/combined/gold.jsonl

Train on the annotated real-news TRAINING articles only (silver and annotations/; never the realnews
dev gold or the PLOVER gold standard). Each gold event whose trigger is found in the parse is one
example: its trigger token (located as the real-news scorer locates it: the trigger's first occurrence
after the start of the gold sentence), the sense the rules give that token if any (`find_events`, the
senses `event_types.retyped` may change), and its gold type (PLOVER 0.5 names mapped to chronicle's:
DISAPPROVE → ACCUSE:disapprove, INVESTIGATE → ACCUSE:investigate, DEMAND → REQUEST, FIGHT → ASSAULT).
Features are `event_types.type_features`. Lemma and object-lemma features seen in fewer than
`--min-count` articles are dropped, so the file holds weights of lemmas and feature names only, no
corpus text.

Each trigger is also added to the training folds a second time as a word never seen: without its
lemma feature and, for a word lexicon.yaml has, without the lexicon's features (the CAMEO table's type
as the rule's when it has the verb). That is what a new word looks like, and the model must learn to
type from WordNet and the parse there, not only to echo the lemma and the lexicon
(`--no-unseen-copies` leaves that out).

Printed (5-fold cross-validation, folds by article): the type accuracy of the model over all gold
triggers and over those whose lemma no training-fold article has, its reliability by probability band;
on the triggers the rules find,
the accuracy of the rule's type, the model's, and of the hook's decision (`event_types.decide`) for
fill and arbitration thresholds, by where the rule's sense came from (lexicon senses also split by
whether lexicon.yaml gives the lemma senses of several types, `event_types.ambiguous`). A multinomial logistic
regression (scikit-learn, needed here only) is then fitted on everything. Deterministic.
"""

from __future__ import annotations

import argparse
import copy
import json
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spacy.tokens import Doc, DocBin
from train_event_triggers import FOLD, gold_class, gold_trigger, softmax_weights

from chronicle.extract.event_patterns import Sense, lexicon
from chronicle.extract.event_triggers import sense_label
from chronicle.extract.event_types import (
    ARBITRATED_ORIGINS,
    DATA,
    FILLED_ORIGINS,
    RETYPED_ORIGINS,
    TONE_TYPES,
    TONED_ORIGINS,
    ambiguous,
    backed_off,
    type_features,
)
from chronicle.extract.events import find_events
from chronicle.ingest.readers import article_from_item
from chronicle.nlp import load_pipeline

LEXICON_FEATURES = ("lex=", "lex_noun=", "lex_of_verb=", "rule=", "origin=")
PRUNED = ("lemma=", "object=", "governor=")
FILL = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 1.01)
ARBITRATE = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


class Example:
    """One located gold trigger."""

    def __init__(self, features: dict, gold: str, article: int, lemma: str, rule: Sense | None,
                 lexicon_word: bool) -> None:
        self.features, self.gold, self.article, self.lemma = features, gold, article, lemma
        self.rule, self.lexicon_word = rule, lexicon_word


def parses(articles: Path, cache: Path | None) -> list[tuple[dict, str, Doc]]:
    """Each article's item, text and parse; the parses kept in a DocBin at `cache` (read if present, else
    written), so that a change of features needs no second parse of the training set."""
    nlp = load_pipeline(None)
    items = [json.loads(line) for line in articles.read_text(encoding="utf-8").splitlines()]
    texts = [article_from_item(item, input=item["id"]).text for item in items]
    if cache is not None and cache.exists():
        docs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    else:
        docs = [nlp(text) for text in texts]
        if cache is not None:
            cache.write_bytes(DocBin(docs=docs).to_bytes())
    return list(zip(items, texts, docs, strict=True))


def examples(articles: Path, gold: Path, cache: Path | None = None) -> list[Example]:
    golds = {g["id"]: g for g in map(json.loads, gold.read_text(encoding="utf-8").splitlines())}
    lex = lexicon()
    out: list[Example] = []
    for n, (item, article_text, doc) in enumerate(parses(articles, cache)):
        text = article_text.translate(FOLD)
        rules: dict[int, Sense] = {}
        for f in find_events(doc, []):
            if f.sense.origin in RETYPED_ORIGINS:
                rules.setdefault(f.trigger.i, f.sense)
        seen: set[int] = set()
        for event in golds[item["id"]]["events"]:
            token = gold_trigger(doc, text, event)
            if token is None or token.i in seen:
                continue  # one example per trigger token (one act with several targets is one typing)
            seen.add(token.i)
            lemma = token.lemma_.lower()
            sense = rules.get(token.i)
            out.append(Example(type_features(token, sense), gold_class(event), n,
                               lemma, sense, lemma in lex.verbs or lemma in lex.nouns))
    return out


def unseen_copy(example: Example) -> dict:
    """The features the trigger would have as a word neither the training articles nor lexicon.yaml
    had: no lemma feature, and for a lexicon word no lexicon features, the CAMEO table's type as the
    rule's when it has the verb (see the module docstring)."""
    copy = {k: v for k, v in example.features.items() if not k.startswith("lemma=")}
    if not example.lexicon_word:
        return copy
    copy = {k: v for k, v in copy.items() if not k.startswith(LEXICON_FEATURES)}
    cameo = next((k.split("=", 1)[1] for k in copy if k.startswith("cameo=")), None)
    if cameo is not None:
        copy[f"rule={cameo}"] = 1.0
        copy["origin=cameo"] = 1.0
    return copy


def prune(data: list[Example], min_count: int) -> None:
    """Drop lemma-valued features seen in fewer than `min_count` articles."""
    seen: dict[str, set[int]] = {}
    for e in data:
        for name in e.features:
            if name.startswith(PRUNED):
                seen.setdefault(name, set()).add(e.article)
    rare = {name for name, arts in seen.items() if len(arts) < min_count}
    for e in data:
        e.features = {k: v for k, v in e.features.items() if k not in rare}


def known_lemmas(data: list[Example], rows: np.ndarray) -> frozenset[str]:
    """The lemma features a model fitted on these rows has (what `event_types.backed_off` asks of it)."""
    return frozenset(name for i in rows for name in data[i].features if name.startswith("lemma="))


def training_rows(data: list[Example], rows: np.ndarray, copies: bool) -> tuple[list[dict], list[str]]:
    """The rows as the model sees them (`backed_off`: no synsets beside a known lemma), and each row's
    unseen copy (with its synsets)."""
    known = known_lemmas(data, rows)
    features = [backed_off(data[i].features, known.__contains__) for i in rows]
    labels = [data[i].gold for i in rows]
    if copies:
        for i in rows:
            features.append(unseen_copy(data[i]))
            labels.append(data[i].gold)
    return features, labels


def class_weights(labels: list[str], power: float) -> dict[str, float]:
    """Weights that flatten the type distribution by `power` (0: none, 1: balanced): real news is mostly
    disapproval, and a prior that strong outvotes the parse on a word the model has not seen."""
    counts = Counter(labels)
    mean = len(labels) / len(counts)
    return {name: (mean / n) ** power for name, n in counts.items()}


def fit(features: list[dict], labels: list[str], c: float, power: float) -> tuple[DictVectorizer, LogisticRegression]:
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(features)
    model = LogisticRegression(C=c, max_iter=5000, class_weight=class_weights(labels, power))
    return vectorizer, model.fit(x, labels)


def cross_validate(data: list[Example], c: float, copies: bool,
                   power: float) -> tuple[list[str], list[float], list[bool]]:
    """Per example: the CV prediction, its probability, and whether its lemma is in no training fold."""
    best: list[str] = [""] * len(data)
    prob: list[float] = [0.0] * len(data)
    unseen: list[bool] = [False] * len(data)
    groups = np.array([e.article for e in data])
    for train, test in GroupKFold(n_splits=5).split(np.zeros(len(data)), groups=groups):
        vectorizer, model = fit(*training_rows(data, train, copies), c, power)
        known = known_lemmas(data, train)
        rows = [backed_off(data[i].features, known.__contains__) for i in test]
        probabilities = model.predict_proba(vectorizer.transform(rows))
        lemmas = {data[i].lemma for i in train}
        for row, i in enumerate(test):
            k = int(np.argmax(probabilities[row]))
            best[i], prob[i] = str(model.classes_[k]), float(probabilities[row][k])
            unseen[i] = data[i].lemma not in lemmas
    return best, prob, unseen


def accuracy(data: list[Example], best: list[str], rows: list[int]) -> str:
    right = sum(best[i] == data[i].gold for i in rows)
    return f"{right / max(len(rows), 1):.3f} ({right}/{len(rows)})"


def reliability(data: list[Example], best: list[str], prob: list[float]) -> None:
    """Share of CV predictions that are right, by the model's probability band."""
    print("reliability (CV): probability band -> predictions, share right")
    for low, high in ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)):
        rows = [i for i in range(len(data)) if low <= prob[i] < high]
        print(f"  [{low:.1f}, {min(high, 1.0):.1f}): {len(rows):5d}  {accuracy(data, best, rows)}")


def decisions(data: list[Example], best: list[str], prob: list[float], unseen: list[bool]) -> None:
    """Rule type against the model's and the hook's on the triggers the rules find, by origin."""
    for name, origins, thresholds in (("broad sources (fill)", FILLED_ORIGINS, FILL),
                                      ("lexicon.yaml (arbitrate)", ARBITRATED_ORIGINS, ARBITRATE),
                                      ("reported clauses typed by tone", TONED_ORIGINS, FILL)):
        for subset, keep in (("all", lambda i: True), ("unseen lemma", lambda i: unseen[i]),
                             ("lemma of senses of several types (the hook arbitrates only these)",
                              lambda i: ambiguous(data[i].lemma)),
                             ("lemma of one type", lambda i: not ambiguous(data[i].lemma))):
            if subset.startswith("lemma") and origins is not ARBITRATED_ORIGINS:
                continue
            rows = [i for i, e in enumerate(data) if e.rule is not None and e.rule.origin in origins and keep(i)]
            rule = sum(sense_label(data[i].rule) == data[i].gold for i in rows)
            print(f"{name}, {subset}: {len(rows)} gold triggers; rule type right {rule}; "
                  f"model {accuracy(data, best, rows)}")
            for t in thresholds:
                # a tone decides between disapproval and praise; the model only names another act there
                takes = [prob[i] >= t and not (origins is TONED_ORIGINS and best[i] in TONE_TYPES) for i in rows]
                decided = [best[i] if take else sense_label(data[i].rule) for take, i in zip(takes, rows, strict=True)]
                changed = sum(d != sense_label(data[i].rule) for d, i in zip(decided, rows, strict=True))
                right = sum(d == data[i].gold for d, i in zip(decided, rows, strict=True))
                print(f"  model at >= {t:.2f}: right {right}  (changed {changed})")


def train(data: list[Example], c: float, copies: bool, power: float) -> dict[str, dict[str, float]]:
    """The weights (those of at least 0.005) of the model fitted on every example given."""
    vectorizer, model = fit(*training_rows(data, np.arange(len(data)), copies), c, power)
    return softmax_weights(vectorizer.get_feature_names_out(), model)


def train_on(data: list[Example], articles: set[int], c: float, copies: bool, power: float,
             min_count: int) -> dict[str, dict[str, float]]:
    """The weights of the model fitted on the gold triggers of these articles only (lemma features
    pruned among them): the event model's training reads the other articles with it (cross-fitting)."""
    kept = [copy.copy(e) for e in data if e.article in articles]
    prune(kept, min_count)  # gives each copy a pruned features dict of its own
    return train(kept, c, copies, power)


def save(data: list[Example], c: float, copies: bool, power: float, meta: dict, out: Path) -> None:
    """Fit on every example and write the weights as JSON."""
    weights = train(data, c, copies, power)
    out.write_text(json.dumps({"version": 1, "c": c, "balance": power, **meta, "weights": weights}, indent=0) + "\n",
                   encoding="utf-8")


def arguments() -> argparse.ArgumentParser:
    """The script's options, with the settings the packaged model is trained with as defaults."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=DATA / "type_model.json")
    parser.add_argument("--c", type=float, default=0.5)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--balance", type=float, default=0.5, help="class weight power (0: none, 1: balanced)")
    parser.add_argument("--no-unseen-copies", dest="copies", action="store_false")
    parser.add_argument("--cache", type=Path, help="DocBin of the parses: read if present, else written")
    return parser


def main() -> None:
    args = arguments().parse_args()
    data = examples(args.articles, args.gold, args.cache)
    prune(data, args.min_count)
    print(f"{len(data)} located gold triggers; types {dict(Counter(e.gold for e in data).most_common())}")
    best, prob, unseen = cross_validate(data, args.c, args.copies, args.balance)
    print(f"5-fold CV by article, C={args.c}, balance {args.balance}, unseen copies {args.copies}")
    print(f"  type accuracy, all triggers: {accuracy(data, best, list(range(len(data))))}")
    print(f"  type accuracy, lemma unseen in the training folds: "
          f"{accuracy(data, best, [i for i in range(len(data)) if unseen[i]])}")
    reliability(data, best, prob)
    decisions(data, best, prob, unseen)
    save(data, args.c, args.copies, args.balance, {"min_count": args.min_count}, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
