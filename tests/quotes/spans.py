"""Finding a quote of a test's own text by a fragment of what was said."""

from __future__ import annotations

from collections.abc import Sequence

from chronicle.records import Quote


def said(quotes: Sequence[Quote], fragment: str) -> Quote:
    """The first quote whose text holds `fragment`; the assertion lists every quote when none does."""
    matches = [q for q in quotes if fragment in q.text]
    assert matches, [(q.text, q.speaker, q.confidence) for q in quotes]
    return matches[0]
