"""What an article says, as features: content terms of its headline and text, anchors, and shingles for copies.

Terms are lower-cased words (stop words dropped, a light plural/inflection stem) and numbers; the
headline counts twice because it names the event. Two views: the lead (headline and first words),
where reports of one event state their shared facts, and the whole text, whose later background
tells a report of this act from a report of another act in the same topic (clustering uses both).
Anchors are the particulars that reports of one act repeat and reports of another act in the same topic
rarely do: the numbers of the lead (a toll, a sum, a count) and the words of the body's quotations.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections import Counter
from collections.abc import Iterator

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

LEAD_WORDS = 250
TITLE_WEIGHT = 2
SHINGLE_SIZE = 5
SHINGLE_WORDS = 400
QUOTE_GRAM = 4

_BASE = 1_000_003
_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*", re.UNICODE)
# News-wire words that say nothing about which event it is.
_GENERIC = frozenset({"said", "says", "told", "according", "reported", "news", "percent", "year", "years",
                      "time", "week", "day", "monday", "tuesday", "wednesday", "thursday", "friday",
                      "saturday", "sunday", "mr", "mrs", "ms", "new", "people", "just", "like"})
_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")
# a year dates a report rather than telling its act from another act of the same days
_YEAR = re.compile(r"(?:19|20)\d\d")
_QUOTED = re.compile(r'[“"]([^”"]{10,400})[”"]')


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def opening_words(text: str, n: int) -> list[str]:
    """The first n words, reading only as much of the text as they need (a word takes < 16 characters)."""
    found = words(text[: n * 16])
    # more than n found: the n-th ends before the cut (only the last can be cut short), so they are exact
    return found[:n] if len(found) > n else words(text)[:n]


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


@functools.lru_cache(maxsize=500_000)
def term(word: str) -> str | None:
    """The term a word counts as, or None for stop words, wire words and short words (cached: words repeat)."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    if (len(low) < 3 and not low.isdigit()) or low in STOP_WORDS or low in _GENERIC:
        return None
    return stem(low) if low.isalpha() else low


def body_of(title: str | None, text: str) -> str:
    """The text less its opening headline: stored texts often begin with it, and it counts once, as the title."""
    head, body = (title or "").strip(), text.lstrip()
    return body[len(head):] if head and body.startswith(head) else text


def views(title: str | None, text: str) -> tuple[Counter[str], Counter[str]]:
    """Term counts of the headline (weighted) with the lead of the body, and with the whole body.

    The whole view's terms begin with the lead's, in the lead's order (`clustering.story_doc` relies on it).
    """
    chunks = body_of(title, text).split()
    lead = Counter({found: count * TITLE_WEIGHT for found, count in Counter(_terms(title or "")).items()})
    # update() with an iterable counts in C: the whole text of every article is read, so this is hot
    lead.update(_terms(" ".join(chunks[:LEAD_WORDS])))
    whole = lead.copy()
    whole.update(_terms(" ".join(chunks[LEAD_WORDS:])))
    return lead, whole


def anchors(title: str | None, text: str) -> set[str]:
    """The lead's numbers ('#87', '#1.31') and the word 4-grams of the body's quotations ('"the entire episode is').

    The marks keep anchors apart from terms (a term is a word); clustering weighs them by rarity.
    """
    body = body_of(title, text)
    lead = f"{title or ''}\n{' '.join(body.split()[:LEAD_WORDS])}"
    found = {"#" + n for n in (m.replace(",", "") for m in _NUMBER.findall(lead)) if not _YEAR.fullmatch(n)}
    for quoted in _QUOTED.findall(body):
        said = [w.lower() for w in words(quoted)]
        found.update('"' + " ".join(said[k:k + QUOTE_GRAM]) for k in range(len(said) - QUOTE_GRAM + 1))
    return found


def _terms(text: str) -> Iterator[str]:
    """The text's terms in order, lazily (words that are no term left out)."""
    return filter(None, map(term, words(text)))


@functools.lru_cache(maxsize=500_000)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.lower().encode("utf-8"))


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the word 5-grams of the opening words: a republished copy shares almost all of them.

    Each word is hashed once (CRC32, deterministic across runs) and a 5-gram's hash is a polynomial of
    its words' hashes, computed for all 5-grams at once.
    """
    tokens = np.fromiter((_word_hash(w) for w in opening_words(text, SHINGLE_WORDS)), dtype=np.uint64)
    if len(tokens) < SHINGLE_SIZE:
        return np.unique(tokens)
    n = len(tokens) - SHINGLE_SIZE + 1
    grams = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE_SIZE):
        grams = (grams * np.uint64(_BASE) + tokens[k : k + n]) & np.uint64(0xFFFFFFFF)
    return np.unique(grams)
