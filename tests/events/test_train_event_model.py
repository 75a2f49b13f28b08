"""The event model's training script (`scripts/train_event_model.py`): its `--cache` keeps one
extraction for later runs, and each article is read with the classifiers standing in for it
(cross-fitting). The pipeline is stubbed: the tests are about the script, not the parse."""

import importlib.util
import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from chronicle.extract import event_triggers, event_types
from chronicle.extract.event_triggers import SoftmaxModel

ROOT = Path(__file__).resolve().parents[2]


def _script(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))  # it imports the classifiers' training scripts
    spec = importlib.util.spec_from_file_location("train_event_model", ROOT / "scripts" / "train_event_model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Pipeline:
    """Counts the articles it parses; gives each no actors."""

    parsed = 0

    def __init__(self, config):
        self.config = SimpleNamespace(context=None)

    def nlp(self, text):
        _Pipeline.parsed += 1
        return text

    def apply_stages(self, doc, article):
        return SimpleNamespace(actors=[])


def test_the_cache_is_written_once_and_read_instead_of_parsing_again(tmp_path, monkeypatch):
    script = _script(monkeypatch)
    monkeypatch.setattr(script, "Pipeline", _Pipeline)
    monkeypatch.setattr(script, "event_candidates", lambda doc, records, context: [])
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "a1", "text": "The council met the mayor on Monday."}) + "\n")
    cache = tmp_path / "candidates.pkl"
    first = script.extract(articles, cache)
    assert cache.exists() and _Pipeline.parsed == 1
    articles.unlink()  # a second run must not need the articles, nor parse them
    second = script.extract(articles, cache)
    assert _Pipeline.parsed == 1
    assert [(a.input, a.text, c, n) for a, c, n in second] == [(a.input, a.text, c, n) for a, c, n in first]


def test_each_article_is_read_with_the_models_standing_in_for_it(tmp_path, monkeypatch):
    script = _script(monkeypatch)
    monkeypatch.setattr(script, "Pipeline", _Pipeline)
    seen = []  # the classifiers in use while each article's candidates are made
    monkeypatch.setattr(script, "event_candidates",
                        lambda doc, records, context: seen.append((event_triggers.trigger_model(),
                                                                   event_types.type_model())) or [])
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps({"id": f"a{n}", "text": f"Article {n}."}) + "\n" for n in range(3)))
    models = [{"trigger_model": SoftmaxModel({"NONE": {"bias": float(n)}}),
               "type_model": SoftmaxModel({"SUPPORT": {"bias": float(n)}})} for n in range(3)]
    script.extract(articles, stand_ins=lambda count: models[:count])
    assert seen == [(m["trigger_model"], m["type_model"]) for m in models]
    assert event_triggers.trigger_model() is not models[-1]["trigger_model"]  # the packaged one again


def test_folds_are_seeded_and_even(monkeypatch):
    script = _script(monkeypatch)
    folds = script.article_folds(739)
    assert np.array_equal(folds, script.article_folds(739))
    assert sorted(np.bincount(folds)) == [147, 148, 148, 148, 148]


def test_the_sparse_fit_is_the_dense_fit(monkeypatch):
    script = _script(monkeypatch)
    rows = [{"bias": 1.0, f"type={t}": 1.0, f"source={s}": 1.0}
            for t in ("ACCUSE", "SUPPORT", "REQUEST") for s in ("actor", "bare", "none") for _ in range(4)]
    all_right = np.array([n % 3 == 0 for n in range(len(rows))])
    type_right = np.array([n % 2 == 0 for n in range(len(rows))])
    vectorizer = script.DictVectorizer(sort=True)
    sparse = script.sparse_rows(vectorizer.fit_transform(rows))
    assert sparse.indices.dtype == np.int32  # liblinear refuses the vectorizer's 64-bit indices
    dense = vectorizer.transform(rows).toarray()
    coef, intercept = script.fit_pair(sparse, all_right, type_right, 0.3)
    dense_coef, dense_intercept = script.fit_pair(dense, all_right, type_right, 0.3)
    assert np.allclose(coef, dense_coef) and np.isclose(intercept, dense_intercept)
