"""Round trip of scripts/annotations.py on an invented article: pack -> unpack gives the gold back."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("annotations_script", ROOT / "scripts" / "annotations.py")
assert spec and spec.loader
annotations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(annotations)

ARTICLE_ID = "invented_2016-03-02_mayor-sues-ferry-company"
TEXT = (
    "Mayor sues ferry company.\n\n"
    "Mayor Ilse Varrow of Dunmere sued the Gullhaven Ferry Company on Tuesday, "
    "accusing it of “years of broken promises” to the island.\n\n"
    "“We have waited long enough,” Varrow told reporters. The company said it would appeal. "
    "A spokesman for the island ferry union called the suit “a stunt.”\n\n"
    "Varrow first raised the complaint in May 2015, and the hearing is set for April 4."
)
GOLD = {
    "id": ARTICLE_ID, "date": "2016-03-02",
    "actors": [
        {"name": "Ilse Varrow", "aliases": ["Mayor Ilse Varrow", "Varrow"], "type": "person",
         "country": "USA", "sector": "GOV"},
        {"name": "Gullhaven Ferry Company", "aliases": ["The company"], "type": "organisation",
         "country": "USA", "sector": "BUS"},
    ],
    "quotes": [
        {"speaker": "Ilse Varrow", "cue": "told reporters", "kind": "direct", "content": "We have waited long enough"},
        {"speaker": "Gullhaven Ferry Company", "cue": "said", "kind": "indirect", "content": "it would appeal"},
        {"speaker": "ferry spokesman", "cue": None, "kind": "direct", "content": "a stunt."},
    ],
    "events": [
        {"sentence": "Mayor Ilse Varrow of Dunmere sued the", "trigger": "sued", "type": "DISAPPROVE",
         "source": "Ilse Varrow", "target": "Gullhaven Ferry Company", "date": "2016-03-01",
         "place": "Dunmere", "status": "asserted"},
    ],
    "dates": [{"text": "Tuesday", "value": "2016-03-01"}, {"text": "May 2015", "value": "2015-05"},
              {"text": "April 4", "value": "2016-04-04"}],
}


@pytest.fixture()
def shared(tmp_path: Path) -> Path:
    """A stand-in for ../shared holding the invented article as a PolNeAR train file."""
    text_dir = tmp_path / "shared" / annotations.POLNEAR_TRAIN
    text_dir.mkdir(parents=True)
    (text_dir / f"{ARTICLE_ID}.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path / "shared"


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_round_trip_is_exact_and_packed_file_holds_no_text(tmp_path: Path, shared: Path) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [GOLD])
    arts = write_jsonl(tmp_path / "articles.jsonl", [{"id": ARTICLE_ID, "date": "2016-03-02", "text": TEXT}])
    packed = tmp_path / "packed.jsonl"
    assert annotations.main(["--shared", str(shared), "pack", str(gold), str(arts), str(packed)]) == 0
    assert "Varrow" not in packed.read_text(encoding="utf-8")
    record = json.loads(packed.read_text(encoding="utf-8"))
    assert record["actors"][0]["name"] == [TEXT.index("Ilse Varrow"), TEXT.index("Ilse Varrow") + len("Ilse Varrow")]
    # a speaker phrase not in the text is the annotator's own label, kept as written
    assert record["quotes"][2]["speaker"] == "ferry spokesman"
    out = tmp_path / "out"
    assert annotations.main(["--shared", str(shared), "unpack", str(out), str(packed)]) == 0
    assert (out / "gold.jsonl").read_text(encoding="utf-8") == gold.read_text(encoding="utf-8")
    assert (out / "articles.jsonl").read_text(encoding="utf-8") == arts.read_text(encoding="utf-8")


def test_missing_snippet_fails_with_one_line_naming_the_record(tmp_path: Path, shared: Path, capsys) -> None:
    bad = json.loads(json.dumps(GOLD))
    bad["quotes"][0]["content"] = "We have waited far too long"
    gold = write_jsonl(tmp_path / "gold.jsonl", [bad])
    arts = write_jsonl(tmp_path / "articles.jsonl", [{"id": ARTICLE_ID, "date": "2016-03-02", "text": TEXT}])
    assert annotations.main(["--shared", str(shared), "pack", str(gold), str(arts), str(tmp_path / "p.jsonl")]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err
    assert err.startswith(f"error: {ARTICLE_ID} quote 0 content:")
    assert not (tmp_path / "p.jsonl").exists()


def test_changed_text_in_shared_is_refused(tmp_path: Path, shared: Path) -> None:
    packed = annotations.pack_record(GOLD, TEXT)
    with pytest.raises(annotations.PackError, match=ARTICLE_ID):
        annotations.unpack_record(packed, TEXT.replace("Tuesday", "Monday"))
