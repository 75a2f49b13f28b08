"""A parsed document's text, read once.

spaCy's `Doc.text` joins every token anew on each access, so code that reads it per date or per
event (the dates stage's tense look-back, event time's story-day search) pays for the whole article
each time; `doc_text` keeps it in `doc.user_data` after the first read. `Span.text` joins the span's
tokens anew too: `span_text` slices the kept text instead.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_TEXT_KEY = "chronicle.text"


def doc_text(doc: Doc) -> str:
    """The document's text, joined once and kept with the document."""
    text = doc.user_data.get(DOC_TEXT_KEY)
    if text is None:
        text = doc.user_data[DOC_TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """The span's text, the same string as `Span.text` (its tokens with the whitespace between them, none
    after the last), sliced from the document's kept text: stages read a sentence's or a mention's text per
    event and per mention."""
    return doc_text(span.doc)[span.start_char : span.end_char]
