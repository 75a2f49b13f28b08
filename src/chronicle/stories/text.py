"""What an article says, as features: content terms of its headline and lead, and shingles for copies.

Terms are lower-cased words (stop words dropped, a light plural/inflection stem) and numbers; the
headline counts twice because it names the event. Only the lead is read: reports of one event share
their first paragraphs' facts, while their later background drifts apart.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

LEAD_WORDS = 250
TITLE_WEIGHT = 2
SHINGLE_SIZE = 5
SHINGLE_WORDS = 400

_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*", re.UNICODE)
# News-wire words that say nothing about which event it is.
_GENERIC = frozenset({"said", "says", "told", "according", "reported", "news", "percent", "year", "years",
                      "time", "week", "day", "monday", "tuesday", "wednesday", "thursday", "friday",
                      "saturday", "sunday", "mr", "mrs", "ms", "new", "people", "just", "like"})


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def stem(word: str) -> str:
    """A light suffix stem: enough to meet 'auction'/'auctioning', 'troops'/'troop', cheap at scale."""
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        return word[:-1]
    return word


def terms(title: str | None, text: str) -> Counter[str]:
    """Term counts of the headline (weighted) and the lead of the body."""
    counts: Counter[str] = Counter()
    for weight, part in ((TITLE_WEIGHT, title or ""), (1, " ".join(text.split()[:LEAD_WORDS]))):
        for word in words(part):
            low = word.lower().replace("’", "'")
            if low.endswith("'s"):
                low = low[:-2]
            if (len(low) < 3 and not low.isdigit()) or low in STOP_WORDS or low in _GENERIC:
                continue
            counts[stem(low) if low.isalpha() else low] += weight
    return counts


def shingles(text: str) -> set[bytes]:
    """Word 5-grams of the opening words: a republished copy shares almost all of them."""
    tokens = [w.lower() for w in words(text)[:SHINGLE_WORDS]]
    if len(tokens) < SHINGLE_SIZE:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE_SIZE]).encode("utf-8") for i in range(len(tokens) - SHINGLE_SIZE + 1)}
