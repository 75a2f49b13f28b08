"""Building `Article` records from text or HTML: clean, lay out headline + body, check the language."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Literal

import trafilatura

from chronicle.ingest.clean import clean, strip_kicker
from chronicle.ingest.language import detect_language
from chronicle.records import Article, Failure, article_id_for

PIPELINE_LANGUAGE = "en"
MIN_PROSE_WORDS = 8
"""trafilatura falls back to menus and link lists on pages without an article; an article body has
at least one paragraph of this many words."""

# trafilatura logs every page it cannot extract; chronicle reports those as Failures instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


class IngestError(Exception):
    """An input that cannot become an article. `status` is 'skipped' for inputs left out on purpose
    (not English, a file type chronicle does not read) and 'failed' for broken ones."""

    def __init__(self, input: str, reason: str, *, status: Literal["failed", "skipped"] = "failed") -> None:
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason
        self.status = status

    def failure(self) -> Failure:
        return Failure(input=self.input, reason=self.reason, status=self.status)


def article_from_text(
    text: str,
    *,
    input: str,
    title: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    author: str | None = None,
) -> Article:
    """Clean `text` into an Article whose text is the headline paragraph followed by the body.

    Without `title`, a short first line followed by a blank line is the headline. Raises
    IngestError when nothing is left after cleaning or the article is confidently not English.
    """
    cleaned = clean(text, title=title)
    if not cleaned.paragraphs:
        raise IngestError(input, "no article text after cleaning" if text.strip() else "empty text")
    paragraphs = [cleaned.headline, *cleaned.paragraphs] if cleaned.headline else cleaned.paragraphs
    body = "\n\n".join(paragraphs)
    language = detect_language("\n\n".join(cleaned.paragraphs))
    if language != PIPELINE_LANGUAGE:
        raise IngestError(input, f"not English (detected {language!r})", status="skipped")
    return Article(
        id=article_id_for(body),
        input=input,
        url=url,
        title=strip_kicker(cleaned.headline) if cleaned.headline else None,
        author=author,
        published=published,
        source=source,
        language=language,
        text=body,
        word_count=len(body.split()),
    )


def article_from_html(
    html: str | bytes,
    *,
    input: str,
    url: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
) -> Article:
    """Main text and metadata (title, author, date, site name) via trafilatura, then `article_from_text`.

    Arguments given here (e.g. from a JSONL line or WARC headers) win over what the page declares.
    """
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup
        raise IngestError(input, f"unparseable HTML ({type(exc).__name__})") from exc
    if doc is None or not any(len(line.split()) >= MIN_PROSE_WORDS for line in (doc.text or "").splitlines()):
        raise IngestError(input, "no article body found in HTML")
    # trafilatura puts one paragraph per line; make the paragraph breaks explicit for the cleaner.
    text = "\n\n".join(doc.text.splitlines())
    return article_from_text(
        text,
        input=input,
        title=doc.title or None,
        url=url or doc.url or None,
        published=published or parse_date(doc.date),
        source=source or doc.sitename or doc.hostname or None,
        author=doc.author or None,
    )


def parse_date(value: object) -> dt.date | None:
    """An ISO date or datetime (only its date part) -> date; anything else -> None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
