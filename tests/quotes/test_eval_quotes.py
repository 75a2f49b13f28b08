"""`chronicle eval quotes`: brat parsing, scoring arithmetic and errors that name the file and line."""

import json
import re

import pytest
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.evaluate.quotes import AnnotationError, partial_match, read_ann
from tests.conftest import SHARED

runner = CliRunner()
TEXT = 'The mayor said that the bridge will reopen on Monday. "It is safe," she added.'


def corpus(tmp_path, ann: str):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(TEXT)
    (tmp_path / "attributions" / "story_a1.ann").write_text(ann)
    return tmp_path


GOOD = (
    "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 52\tthat the bridge will reopen on Monday\n"
    "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
)


def test_read_ann(tmp_path):
    [gold] = read_ann(corpus(tmp_path, GOOD) / "attributions" / "story_a1.ann", len(TEXT))
    assert gold.content == (15, 52) and gold.source == (0, 9) and gold.cue == (10, 14)


def test_span_text_across_a_paragraph_break_continues_on_the_next_line(tmp_path):
    # brat writes a span's text verbatim, newlines included: only the offsets matter here
    text = "The mayor said the bridge is safe.\n\nIt will reopen on Monday."
    ann = "T1\tContent 15 59\tthe bridge is safe.\n\nIt will reopen on Monday\nE1\tAttribution:T1 Content:T1\n"
    path = tmp_path / "story_a1.ann"
    path.write_text(ann)
    [gold] = read_ann(path, len(text))
    assert gold.content == (15, 59)


def test_partial_match_needs_half_of_the_longer_span():
    assert partial_match((0, 10), (0, 20))
    assert not partial_match((0, 9), (0, 20))


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tSource zero 9\tThe mayor\n", ":1: malformed text-bound annotation"),
        ("T1\tContent 15 999\tx\n", ":1: offsets 15-999 outside the text"),
        (GOOD + "E2\tAttribution:T4 Content:T9\n", ":6: unknown annotation T9"),
        (GOOD + "this line is not an annotation\n", ":6: malformed line (not a brat annotation)"),
        ("T1\tContent 15 52\tthat the bridge will reopen on Monday\nE1\tAttribution:T4 Content\n",
         ":2: malformed event argument 'Content'"),
    ],
)
def test_malformed_ann_names_file_and_line(tmp_path, ann, message):
    folder = corpus(tmp_path, ann)
    with pytest.raises(AnnotationError, match=re.escape(message)):
        read_ann(folder / "attributions" / "story_a1.ann", len(TEXT))
    result = runner.invoke(app, ["eval", "quotes", "--polnear", str(folder)])
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1


def test_scores_a_corpus_of_our_own(tmp_path):
    result = runner.invoke(app, ["eval", "quotes", "--polnear", str(corpus(tmp_path, GOOD))])
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["content"]["partial"]["recall"] == 1.0
    assert figures["source_accuracy"] == 1.0 and figures["cue_accuracy"] == 1.0


@pytest.mark.slow
def test_polnear_dev_subset_with_baseline():
    dev = SHARED / "eval" / "polnear" / "dev"
    result = runner.invoke(app, ["eval", "quotes", "--polnear", str(dev), "--limit", "8", "--baseline", "textacy"])
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    for key in ("content", "source_accuracy", "cue_accuracy", "counts", "baseline"):
        assert key in figures
    assert figures["content"]["partial"]["f1"] > figures["baseline"]["content"]["partial"]["f1"]
