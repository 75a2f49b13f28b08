"""The bundled examples ingest into at least five distinct, cleaned articles (no spaCy needed)."""

from __future__ import annotations

from chronicle.ingest import IngestError, read_inputs
from chronicle.records import Article, Failure
from tests.conftest import EXAMPLES


def test_examples_directory_gives_five_distinct_articles():
    items = list(read_inputs([str(EXAMPLES)]))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(articles) >= 5
    assert len({a.id for a in articles}) == len(articles)
    assert {a.input.rsplit(".", 1)[-1].split("#")[0] for a in articles} >= {"txt", "html", "jsonl"}
    assert [(f.input, f.status) for f in failures] == [(str(EXAMPLES / "README.md"), "skipped")]
    for article in articles:
        assert article.title and article.text.split("\n\n")[0].endswith(article.title)
        assert article.word_count > 150
        assert '"' in article.text  # every example quotes someone directly
        lowered = article.text.lower()
        for furniture in ("share this", "newsletter", "read more", "twitter", "commenting", "photo", "rights reserved"):
            assert furniture not in lowered, (article.input, furniture)


def test_ingest_error_message_names_input_and_reason():
    err = IngestError("a.txt", "empty file")
    assert (err.input, err.reason, str(err)) == ("a.txt", "empty file", "a.txt: empty file")
    assert err.failure().message() == "a.txt: empty file" and err.failure().status == "failed"
