"""Ingest: every input format -> cleaned `Article` records, or `Failure` records naming the reason.

    read_inputs(paths)          stream Articles/Failures from files, directories and '-' (stdin)
    article_from_text(text)     clean plain text into an Article (headline paragraph + body)
    article_from_html(html)     main text and metadata via trafilatura, then the same cleaning

See docs/ingest.md for the formats, the cleaning rules and every failure reason.
"""

from chronicle.ingest.articles import IngestError, article_from_html, article_from_text
from chronicle.ingest.readers import DEFAULT_MAX_BYTES, read_inputs

__all__ = ["DEFAULT_MAX_BYTES", "IngestError", "article_from_html", "article_from_text", "read_inputs"]
