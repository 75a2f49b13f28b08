"""Language identification: a cheap check for clear English, else py3langid, cautious on short texts.

Most articles are plainly English, and loading the classifier's model costs about half a second,
so an opening in which English function words (data/ingest/english_function_words.txt) make up at
least ENGLISH_SHARE of the words is English without it. English news has 9-23 % of these words in
its opening; the other languages tried have none.

langid is confidently wrong on a handful of words (a line of Lithuanian names reads as Lithuanian),
so an article is only called non-English when it is long enough and the normalised probability is
high; otherwise it is assumed to be English, chronicle's only pipeline language.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

ASSUMED = "en"
MIN_WORDS = 20
"""Below this many words the detector is not trusted."""
MIN_PROBABILITY = 0.9
SAMPLE_CHARS = 5000
"""The opening of a long article decides; classifying all of it costs time and changes nothing."""
ENGLISH_SHARE = 0.06
FUNCTION_WORDS_FILE = Path(__file__).resolve().parents[1] / "data" / "ingest" / "english_function_words.txt"
_WORD = re.compile(r"[^\W\d_]+")


@cache
def english_function_words() -> frozenset[str]:
    lines = FUNCTION_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def plainly_english(words: list[str]) -> bool:
    known = english_function_words()
    return sum(word in known for word in words) >= ENGLISH_SHARE * len(words)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or ASSUMED when the detector is not confident."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS or plainly_english(_WORD.findall(sample.lower())):
        return ASSUMED
    language, probability = identifier().classify(sample)
    return language if probability >= MIN_PROBABILITY else ASSUMED
