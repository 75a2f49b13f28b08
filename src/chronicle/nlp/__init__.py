"""Loading the spaCy pipeline chronicle parses with."""

from chronicle.nlp.model import DEFAULT_MODEL, ModelNotFound, load_pipeline

__all__ = ["DEFAULT_MODEL", "ModelNotFound", "load_pipeline"]
