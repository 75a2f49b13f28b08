"""Quotation marks: where the quoted text of an article is (cleaned text has ASCII quotes only)."""

from __future__ import annotations

import re


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text inside double quotes (marks excluded), per paragraph."""
    spans = []
    offset = 0
    for paragraph in text.split("\n\n"):
        marks = [m.start() for m in re.finditer('"', paragraph)]
        for i in range(0, len(marks), 2):
            start = marks[i] + 1
            end = marks[i + 1] if i + 1 < len(marks) else len(paragraph)
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
