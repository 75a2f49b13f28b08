"""Language identification with py3langid, cautious on short texts.

langid is confidently wrong on a handful of words (a line of Lithuanian names reads as Lithuanian),
so an article is only called non-English when it is long enough and the normalised probability is
high; otherwise it is assumed to be English, chronicle's only pipeline language.
"""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

ASSUMED = "en"
MIN_WORDS = 20
"""Below this many words the detector is not trusted."""
MIN_PROBABILITY = 0.9
SAMPLE_CHARS = 5000
"""The opening of a long article decides; classifying all of it costs time and changes nothing."""


@cache
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or ASSUMED when the detector is not confident."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return ASSUMED
    language, probability = identifier().classify(sample)
    return language if probability >= MIN_PROBABILITY else ASSUMED
