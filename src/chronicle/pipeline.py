"""Article → parsed Doc → extraction stages → ArticleRecords.

`Pipeline.run` streams articles through spaCy's `nlp.pipe` (batched) and the configured
extraction stages. A stage that fails on one article turns that article into a `Failure`;
the rest of the stream goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from chronicle.extract import DEFAULT_STAGES, ExtractContext, Stage, get_stage
from chronicle.nlp import load_pipeline
from chronicle.records import Article, ArticleRecords, Failure


@dataclass(frozen=True)
class PipelineConfig:
    model: str | None = None
    """spaCy pipeline name or path; None means chronicle's default."""
    stages: tuple[str, ...] = DEFAULT_STAGES
    dictionaries: Path | None = None
    reference_date: dt.date | None = None
    batch_size: int = 16
    context: ExtractContext = field(init=False)

    def __post_init__(self) -> None:
        ctx = ExtractContext(dictionaries=self.dictionaries, reference_date=self.reference_date)
        object.__setattr__(self, "context", ctx)


class Pipeline:
    def __init__(self, config: PipelineConfig | None = None, nlp: Language | None = None) -> None:
        self.config = config or PipelineConfig()
        self.nlp = nlp or load_pipeline(self.config.model)
        self.stages: list[Stage] = [get_stage(name) for name in self.config.stages]

    def extract(self, article: Article) -> ArticleRecords:
        """Extract one article; raises on failure (use `run` for fault-tolerant batches)."""
        return self.apply_stages(self.nlp(article.text), article)

    def run(self, items: Iterable[Article | Failure]) -> Iterator[ArticleRecords | Failure]:
        """Parse articles in batches and extract each; failures are yielded, never raised.

        `items` may mix in `Failure`s from ingest (e.g. `read_inputs`): they pass straight through,
        so one stream carries every input's outcome.
        """
        passed_through: list[Failure] = []

        def texts() -> Iterator[tuple[str, Article]]:
            for item in items:
                if isinstance(item, Failure):
                    passed_through.append(item)
                else:
                    yield item.text, item

        def drain() -> Iterator[Failure]:
            while passed_through:
                yield passed_through.pop(0)

        for doc, article in self.nlp.pipe(texts(), as_tuples=True, batch_size=self.config.batch_size):
            yield from drain()
            yield self.extract_parsed(doc, article)
        yield from drain()

    def extract_parsed(self, doc: Doc, article: Article) -> ArticleRecords | Failure:
        """Run the stages on a parsed article; an exception becomes that article's Failure."""
        try:
            return self.apply_stages(doc, article)
        except Exception as exc:  # one bad article must not stop the batch
            return Failure(
                input=article.input,
                article_id=article.id,
                reason=f"extraction failed: {type(exc).__name__}: {exc}",
            )

    def apply_stages(self, doc: Doc, article: Article) -> ArticleRecords:
        records = ArticleRecords(article=article)
        for stage in self.stages:
            produced = stage.run(doc, records, self.config.context)
            unknown = set(produced) - set(stage.fills)
            if unknown:
                raise ValueError(f"stage {stage.name!r} returned fields it does not declare: {unknown}")
            records = records.model_copy(update=dict(produced))
        return records
