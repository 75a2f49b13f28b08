"""The event model's training script (`scripts/train_event_model.py`): its `--cache` keeps one
extraction for later runs. The pipeline is stubbed: the test is about the cache, not the parse."""

import importlib.util
import json
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]


def _script():
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
    script = _script()
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
