"""Article limits in the pipeline: sections that join back exactly, a size cap and a time limit as Failures."""

from __future__ import annotations

import pytest

from chronicle.pipeline import SECTION_CHARS, ArticleTooLong, Pipeline, PipelineConfig, TimeLimitExceeded, sections
from chronicle.records import Article, ArticleRecords, Failure, article_id_for

PARAGRAPH = ("Mayor Ilse Varga of Brennholt said on Tuesday that the council would repair the northern pier "
             "before the autumn storms, after engineers found cracks in three of its supports.")


def article(text: str, name: str = "a.txt") -> Article:
    return Article(id=article_id_for(text), input=name, text=text, word_count=len(text.split()))


@pytest.mark.parametrize("text", [
    "\n\n".join([PARAGRAPH] * 300),  # many paragraphs: cuts after blank lines
    PARAGRAPH * 200,  # one huge paragraph: cuts after spaces
    "x" * 25_000,  # no break at all: hard cuts
    "short",
])
def test_sections_join_back_exactly_and_respect_the_size(text):
    pieces = sections(text, 1_000)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= 1_000 for p in pieces)
    if "\n\n" in text:
        assert all(p.endswith("\n\n") for p in pieces[:-1])


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineConfig(stages=("actors", "places", "dates")))


def test_long_article_is_parsed_in_sections_with_offsets_into_the_whole_text(pipeline):
    paragraphs = [PARAGRAPH.replace("Brennholt", f"Brennholt {n}") for n in range(200)]
    paragraphs[-1] = "Governor Tomas Ekdahl of Sorvik Province praised the repairs on Friday."
    text = "\n\n".join(paragraphs)
    assert len(sections(text)) >= 3 and len(text) > 2 * SECTION_CHARS
    [result] = pipeline.run([article(text)])
    assert isinstance(result, ArticleRecords)
    for mention in result.mentions:
        assert text[mention.start:mention.end] == mention.text
    # the last section's entities are found where they are in the full text
    ekdahl = [m for m in result.mentions if "Ekdahl" in m.text]
    assert ekdahl and ekdahl[0].start > len(text) - len(paragraphs[-1])


def test_over_long_article_is_a_failure_naming_its_size_and_the_batch_goes_on():
    small = Pipeline(PipelineConfig(stages=("dates",), max_chars=500))
    long_text = "\n\n".join([PARAGRAPH] * 5)
    results = list(small.run([article(long_text, "long.txt"), article(PARAGRAPH, "short.txt")]))
    failure, stored = results
    assert isinstance(failure, Failure) and failure.input == "long.txt" and failure.status == "failed"
    assert failure.reason == f"article too long ({len(long_text):,} characters; the limit is 500)"
    assert failure.article_id == article_id_for(long_text)
    assert isinstance(stored, ArticleRecords) and stored.article.input == "short.txt"
    with pytest.raises(ArticleTooLong):
        small.extract(article(long_text))


def test_time_limit_turns_the_article_into_a_failure():
    hurried = Pipeline(PipelineConfig(stages=("dates",), time_limit=0.0))
    [failure] = hurried.run([article(PARAGRAPH)])
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("extraction took longer than the limit of 0 s")
    with pytest.raises(TimeLimitExceeded):
        hurried.extract(article(PARAGRAPH))
