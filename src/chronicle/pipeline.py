"""Article → parsed Doc → extraction stages → ArticleRecords, within documented limits.

`Pipeline.run` streams articles through spaCy's `nlp.pipe` (batched) and the configured
extraction stages. A stage that fails on one article turns that article into a `Failure`;
the rest of the stream goes on.

Limits (docs/ingest.md "Limits"): an article longer than `max_chars` is refused before parsing
with a Failure naming its size; a long article is parsed in sections of at most `SECTION_CHARS`
characters cut at paragraph breaks and joined back into one Doc, so spaCy's memory stays bounded
and its `max_length` is never reached; an article still being worked on after `time_limit` seconds
(checked when it is parsed and after each stage) becomes a Failure too.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from chronicle.extract import DEFAULT_STAGES, ExtractContext, Stage, get_stage
from chronicle.nlp import load_pipeline
from chronicle.records import Article, ArticleRecords, Failure

MAX_ARTICLE_CHARS = 100_000
"""Longest cleaned article text extracted (about 16,000 words: several times a long news feature)."""
SECTION_CHARS = 10_000
"""Longest piece of text handed to spaCy at once."""
ARTICLE_SECONDS = 60.0
"""Per-article time limit, from the moment the article enters the parser."""


class ArticleTooLong(ValueError):
    """The article's text is longer than the pipeline's `max_chars`."""


class TimeLimitExceeded(RuntimeError):
    """Extracting one article took longer than the pipeline's `time_limit`."""


@dataclass(frozen=True)
class PipelineConfig:
    model: str | None = None
    """spaCy pipeline name or path; None means chronicle's default."""
    stages: tuple[str, ...] = DEFAULT_STAGES
    dictionaries: Path | None = None
    reference_date: dt.date | None = None
    batch_size: int = 16
    max_chars: int = MAX_ARTICLE_CHARS
    time_limit: float | None = ARTICLE_SECONDS
    """Seconds per article; None means no limit."""
    context: ExtractContext = field(init=False)

    def __post_init__(self) -> None:
        ctx = ExtractContext(dictionaries=self.dictionaries, reference_date=self.reference_date)
        object.__setattr__(self, "context", ctx)


def too_long_reason(chars: int, limit: int) -> str:
    return f"article too long ({chars:,} characters; the limit is {limit:,})"


def sections(text: str, size: int = SECTION_CHARS) -> list[str]:
    """Consecutive pieces of at most `size` characters that join back into `text` exactly.

    Each cut falls after a paragraph break when the piece has one, else after a space, else at `size`.
    """
    pieces = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = text.rfind("\n\n", start, end)
        cut = cut + 2 if cut > start else text.rfind(" ", start, end) + 1
        if cut <= start:
            cut = end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


@dataclass
class _Parsing:
    """An article whose sections are on their way through the parser."""

    article: Article
    count: int
    started: float
    docs: list[Doc] = field(default_factory=list)


class Pipeline:
    def __init__(self, config: PipelineConfig | None = None, nlp: Language | None = None) -> None:
        self.config = config or PipelineConfig()
        self.nlp = nlp or load_pipeline(self.config.model)
        self.stages: list[Stage] = [get_stage(name) for name in self.config.stages]

    def extract(self, article: Article) -> ArticleRecords:
        """Extract one article; raises on failure (ArticleTooLong, TimeLimitExceeded, or a stage's error)."""
        started = time.monotonic()
        self.check_length(article)
        doc = join(list(self.nlp.pipe(sections(article.text))))
        return self.apply_stages(doc, article, deadline=self.deadline(started))

    def check_length(self, article: Article) -> None:
        if len(article.text) > self.config.max_chars:
            raise ArticleTooLong(too_long_reason(len(article.text), self.config.max_chars))

    def deadline(self, started: float) -> float | None:
        return None if self.config.time_limit is None else started + self.config.time_limit

    def run(self, items: Iterable[Article | Failure]) -> Iterator[ArticleRecords | Failure]:
        """Parse articles in batches and extract each; failures are yielded, never raised.

        `items` may mix in `Failure`s from ingest (e.g. `read_inputs`): they pass straight through,
        so one stream carries every input's outcome.
        """
        passed_through: list[Failure] = []

        def texts() -> Iterator[tuple[str, _Parsing]]:
            for item in items:
                if isinstance(item, Failure):
                    passed_through.append(item)
                    continue
                try:
                    self.check_length(item)
                except ArticleTooLong as exc:
                    passed_through.append(Failure(input=item.input, article_id=item.id, reason=str(exc)))
                    continue
                pieces = sections(item.text)
                parsing = _Parsing(item, len(pieces), time.monotonic())
                for piece in pieces:
                    yield piece, parsing

        def drain() -> Iterator[Failure]:
            while passed_through:
                yield passed_through.pop(0)

        for doc, parsing in self.nlp.pipe(texts(), as_tuples=True, batch_size=self.config.batch_size):
            parsing.docs.append(doc)
            if len(parsing.docs) < parsing.count:
                continue  # sections come out in order; the article is complete with its last one
            yield from drain()
            yield self.extract_parsed(join(parsing.docs), parsing.article, self.deadline(parsing.started))
        yield from drain()

    def extract_parsed(self, doc: Doc, article: Article, deadline: float | None = None) -> ArticleRecords | Failure:
        """Run the stages on a parsed article; an exception becomes that article's Failure."""
        try:
            return self.apply_stages(doc, article, deadline=deadline)
        except TimeLimitExceeded as exc:
            return Failure(input=article.input, article_id=article.id, reason=str(exc))
        except Exception as exc:  # one bad article must not stop the batch
            return Failure(
                input=article.input,
                article_id=article.id,
                reason=f"extraction failed: {type(exc).__name__}: {exc}",
            )

    def apply_stages(self, doc: Doc, article: Article, *, deadline: float | None = None) -> ArticleRecords:
        records = ArticleRecords(article=article)
        self._check_deadline(deadline, "parsing")
        for stage in self.stages:
            produced = stage.run(doc, records, self.config.context)
            unknown = set(produced) - set(stage.fills)
            if unknown:
                raise ValueError(f"stage {stage.name!r} returned fields it does not declare: {unknown}")
            records = records.model_copy(update=dict(produced))
            self._check_deadline(deadline, f"the {stage.name} stage")
        return records

    def _check_deadline(self, deadline: float | None, after: str) -> None:
        if deadline is not None and time.monotonic() > deadline:
            raise TimeLimitExceeded(
                f"extraction took longer than the limit of {self.config.time_limit:g} s (stopped after {after})"
            )


def join(docs: list[Doc]) -> Doc:
    """One Doc from consecutive sections; the text is their exact concatenation, so offsets hold."""
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
