"""Quotation marks: where the quoted text of an article is.

Cleaned text has ASCII quotes only (see docs/ingest.md): a double quote `"`, or two apostrophes
`''`, the typewriter convention some newspapers (the New York Times archive among them) use for
both the opening and the closing mark.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Span

# `''` (but not the first two of a run of three, which is `''` + an apostrophe or vice versa)
_MARK = re.compile(r"\"|''(?!')")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text inside double quotes (marks excluded), per paragraph."""
    spans = []
    offset = 0
    for paragraph in text.split("\n\n"):
        marks = [(m.start(), m.end()) for m in _MARK.finditer(paragraph)]
        for i in range(0, len(marks), 2):
            start = marks[i][1]
            end = marks[i + 1][0] if i + 1 < len(marks) else len(paragraph)
            if paragraph[start:end].strip():
                spans.append((offset + start, offset + end))
        offset += len(paragraph) + 2
    return spans


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, offset = [], 0
    for paragraph in text.split("\n\n"):
        bounds.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    return bounds


def wholly_quoted(sent: Span, quoted: list[tuple[int, int]]) -> bool:
    """A sentence with no word outside quotation marks (one sentence of a longer quotation).
    `quoted` is sorted and non-overlapping, as `quotation_spans` returns it."""
    starts = [s for s, _e in quoted]
    for t in sent:
        if t.is_punct or t.is_space:
            continue
        i = bisect.bisect_right(starts, t.idx) - 1
        if i < 0 or t.idx >= quoted[i][1]:
            return False
    return True
