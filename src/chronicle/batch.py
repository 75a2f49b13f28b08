"""Batch ingest: a stream of inputs → pipeline → store, resumable and optionally multi-process.

Resuming is a property of the keys, not of a checkpoint file: an article's id is the hash of its
cleaned text and each article is written in one transaction, so after a crash the re-run skips
every article already stored (before parsing it) and completes the rest. Nothing is stored twice
and nothing committed is lost.

With `workers > 1`, parsing and extraction run in that many worker processes (each loads the
spaCy pipeline once); the main process stays the single DuckDB writer and keeps results in input
order, with a bounded number of batches in flight so memory stays flat on any input size.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeVar

from chronicle.pipeline import Pipeline, PipelineConfig
from chronicle.records import Article, ArticleRecords, Failure
from chronicle.store import Store

Result = ArticleRecords | Failure
T = TypeVar("T")


@dataclass
class Tally:
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    skipped: int = 0
    warnings: int = 0
    failures: list[Failure] = field(default_factory=list)

    def line(self) -> str:
        line = f"stored {self.stored}, duplicates {self.duplicates}, failed {self.failed}, skipped {self.skipped}"
        return f"{line}, warnings {self.warnings}" if self.warnings else line


def with_publication_date(article: Article, config: PipelineConfig) -> Article:
    if article.published is None and config.reference_date is not None:
        return article.model_copy(update={"published": config.reference_date})
    return article


_worker_pipeline: Pipeline | None = None


def _init_worker(config: PipelineConfig) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(config)


def _extract_batch(articles: list[Article]) -> list[Result]:
    assert _worker_pipeline is not None
    return list(_worker_pipeline.run(articles))


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_stream(items: Iterable[Article | Failure], config: PipelineConfig, workers: int = 1) -> Iterator[Result]:
    """Extract a mixed stream of articles and ingest failures, in order, with 1 or more processes."""
    if workers <= 1:
        yield from Pipeline(config).run(items)
        return
    passed: deque[Failure] = deque()

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Failure):
                passed.append(item)
            else:
                yield item

    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
        pending: deque = deque()
        for batch in _batches(articles(), config.batch_size):
            pending.append(pool.apply_async(_extract_batch, (batch,)))
            while len(pending) > 2 * workers:  # bounded work in flight
                while passed:
                    yield passed.popleft()
                yield from pending.popleft().get()
        while pending:
            while passed:
                yield passed.popleft()
            yield from pending.popleft().get()
        while passed:
            yield passed.popleft()


def ingest(
    items: Iterable[Article | Failure],
    store: Store,
    config: PipelineConfig,
    *,
    workers: int = 1,
    on_result: Callable[[Result], None] | None = None,
) -> Tally:
    """Store every new article of the stream; record failures; count what was skipped."""
    tally = Tally()
    seen: set[str] = set()

    def new_only() -> Iterator[Article | Failure]:
        # ids are looked up a batch at a time: each look-up opens the store (docs/store.md)
        for chunk in _batches(items, config.batch_size):
            stored = store.stored_ids([item.id for item in chunk if isinstance(item, Article)])
            for item in chunk:
                if isinstance(item, Article):
                    # already stored (a re-run or a resumed crash) or repeated in this run: don't parse again
                    if item.id in seen or item.id in stored:
                        tally.duplicates += 1
                        continue
                    seen.add(item.id)
                    item = with_publication_date(item, config)
                yield item

    # Articles are committed a batch at a time (one transaction each): a crash loses at most one
    # uncommitted batch, which a re-run redoes, and the single writer keeps up with the workers.
    pending: list[ArticleRecords] = []

    def flush() -> None:
        stored = store.write_many(pending)
        tally.stored += stored
        tally.duplicates += len(pending) - stored
        for result in pending:
            if on_result is not None:
                on_result(result)
        pending.clear()

    for result in extract_stream(new_only(), config, workers):
        if isinstance(result, Failure):
            store.record_failure(result)
            tally.failures.append(result)
            if result.status == "skipped":
                tally.skipped += 1
            elif result.status == "warning":
                tally.warnings += 1  # the article itself follows in the stream and is stored
            else:
                tally.failed += 1
            if on_result is not None:
                on_result(result)
            continue
        pending.append(result)
        if len(pending) >= config.batch_size:
            flush()
    flush()
    return tally
