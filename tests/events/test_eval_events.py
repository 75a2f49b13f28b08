"""`chronicle eval events`: gold-file errors name the file and line; a dev subset is scored; with
PETRARCH dictionaries, actors the article does not describe are coded from them."""

import json

import pytest

from chronicle.evaluate.events import GoldError, evaluate, predicted_code, read_gold
from chronicle.extract.events import cameo_actor_code
from chronicle.pipeline import Pipeline, PipelineConfig
from chronicle.records import Article, article_id_for
from tests.conftest import SHARED

GOLD = SHARED / "eval" / "plover" / "gsr-dev.jsonl"
PHOENIX = SHARED / "dictionaries" / "phoenix"


def test_malformed_gold_records_are_warned_about_and_skipped(tmp_path):
    path = tmp_path / "gold.jsonl"
    good = {"id": "ok1", "text": "Fine.", "event": "AGREE", "source": [{"actorText": "X", "code": "USA"}]}
    no_target = {"id": "ok2", "text": "Fine.", "event": "AGREE", "target": ""}
    lines = [json.dumps(good), json.dumps(no_target), "not json", json.dumps({"id": "r3", "event": "AGREE"}),
             json.dumps({"id": "r4", "text": "A.", "event": "AGREE", "target": "USA"}),
             json.dumps({"id": "r5", "text": "B.", "event": "AGREE", "source": [{"code": 7}]})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    warnings: list[str] = []
    records = read_gold(path, warn=warnings.append)
    assert [r["id"] for r in records] == ["ok1", "ok2"]
    assert len(warnings) == 4 and all("\n" not in w for w in warnings)
    assert "gold.jsonl:3" in warnings[0] and "not JSON" in warnings[0]
    assert "r3" in warnings[1] and "'text'" in warnings[1]
    assert "r4" in warnings[2] and "'target'" in warnings[2]
    assert "r5" in warnings[3] and "source.code" in warnings[3]
    path.write_text("not json\n", encoding="utf-8")
    with pytest.raises(GoldError, match="no well-formed records"):
        read_gold(path, warn=warnings.append)


def test_country_level_codes():
    orgs = {"EU": "IGO", "AI": "NGO"}
    assert predicted_code("POL MIL", orgs) == "POL" and predicted_code("EU IGO", orgs) == "IGO"
    assert predicted_code("REF", orgs) is None and predicted_code("NGO", orgs) == "NGO"
    assert cameo_actor_code("USAGOV") == "USA GOV" and cameo_actor_code("IGOUNO") == "IGO UNO"


def test_dev_subset_is_scored():
    result = evaluate(GOLD, limit=30)
    assert result["counts"]["records"] == 30
    assert set(result) >= {"event_type_accuracy", "source_code_accuracy", "target_code_accuracy",
                           "sector_accuracy", "confusion"}
    assert result["event_type_accuracy"] >= 0.6
    json.dumps(result)


@pytest.mark.slow
def test_dictionaries_code_actors_and_add_events():
    text = "Vladimir Putin criticised the decision on Tuesday."
    pipeline = Pipeline(PipelineConfig(dictionaries=PHOENIX))
    records = pipeline.extract(Article(id=article_id_for(text), input="test", text=text))
    putin = next(a for a in records.actors if "Putin" in a.name)
    assert putin.country == "RUS"
    assert any(e.cameo and e.event_type == "ACCUSE" and e.source_code.startswith("RUS") for e in records.events)


def test_leave_one_out_recodes_each_record_without_its_own_entry_only(monkeypatch, tmp_path):
    import sys
    from contextlib import contextmanager

    from chronicle.evaluate import events as evaluation
    from chronicle.extract.event_patterns import lexicon

    left_out: list[set[str]] = []

    @contextmanager
    def recording(lemmas):
        left_out.append(set(lemmas))
        yield

    # by module object: `chronicle.extract` is also the name of the Python API's function
    monkeypatch.setattr(sys.modules[lexicon.__module__], "leaving_out", recording)
    monkeypatch.setattr(evaluation, "_outcomes", lambda pipeline, path, records: [
        evaluation.Outcome(record=r, predicted="REDONE", sides={}, lemma=None, event=None) for r in records])

    def outcome(n, lemma):
        return evaluation.Outcome(record={"id": n}, predicted="AGREE", sides={}, lemma=lemma, event=None)

    # "protest" triggers two records, so neither owns it; "sanction" and "meet" are one record's own
    outcomes = [outcome(0, "sanction"), outcome(1, "meet"), outcome(2, "protest"), outcome(3, "protest")]
    redone, recoded = evaluation.leave_one_out(None, tmp_path, outcomes)
    assert recoded == 2 and left_out == [{"sanction"}, {"meet"}]
    assert [o.predicted for o in redone] == ["REDONE", "REDONE", "AGREE", "AGREE"]
