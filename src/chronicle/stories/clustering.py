"""Stories: each article joins the story whose closest article reports the same event, or starts one.

An article is a TF-IDF vector of its headline and lead terms and of the entities it names (top terms
only, L2-normalised). Articles are taken in publication order; a new article is compared with the
articles already placed that were published within `WINDOW_DAYS` of it (a sparse product per day,
so the cost grows with articles × articles-per-window, not articles²). It joins the story of its most
similar earlier article when that similarity reaches `THRESHOLD` (ties: the older story), else it
starts a story named after it. Placed articles keep their story: a re-run adds, never reshuffles.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

# Chosen on our own same-event pairs among PolNeAR train articles (best pairwise F1 there, docs/stories.md).
THRESHOLD = 0.25
WINDOW_DAYS = 3
TOP_TERMS = 40
UNDATED = -1


class Vocabulary:
    """Term → integer id, so that each article keeps two small arrays instead of a dict of strings."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def encode(self, terms: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
        ids = np.fromiter((self.ids.setdefault(t, len(self.ids)) for t in terms), dtype=np.int32, count=len(terms))
        return ids, np.fromiter(terms.values(), dtype=np.float32, count=len(terms))


@dataclass
class StoryDoc:
    """One article as clustering sees it: its day (date ordinal) and its encoded term counts."""

    id: str
    day: int
    term_ids: np.ndarray
    counts: np.ndarray
    story_id: str | None = None
    similarity: float = 0.0
    duplicate_of: str | None = None
    order: tuple = field(default=())


def vectors(docs: Sequence[StoryDoc], size: int) -> sparse.csr_matrix:
    """Rows of L2-normalised TF-IDF weights (smoothed IDF over these docs), each kept to its top terms."""
    from scipy import sparse  # a quarter second to import: only when stories are clustered

    df = np.zeros(size, dtype=np.float64)
    for doc in docs:
        df[doc.term_ids] += 1
    idf = np.log((len(docs) + 1) / (df + 1)) + 1.0
    indptr, indices, data = [0], [], []
    for doc in docs:
        weights = (1.0 + np.log(doc.counts)) * idf[doc.term_ids]
        keep = np.argsort(-weights, kind="stable")[:TOP_TERMS]
        kept = weights[keep]
        norm = float(np.sqrt(np.dot(kept, kept))) or 1.0
        indices.append(doc.term_ids[keep])
        data.append((kept / norm).astype(np.float32))
        indptr.append(indptr[-1] + len(keep))
    return sparse.csr_matrix(
        (np.concatenate(data) if data else np.zeros(0, np.float32),
         np.concatenate(indices) if indices else np.zeros(0, np.int32), np.array(indptr, dtype=np.int64)),
        shape=(len(docs), max(size, 1)))


def assign_stories(docs: list[StoryDoc], vocabulary_size: int, threshold: float = THRESHOLD,
                   window: int = WINDOW_DAYS) -> None:
    """Give every doc without a story one (in place). Docs that have a story keep it.

    A doc with `duplicate_of` joins its original's story. Undated docs (day `UNDATED`) are compared
    with each other only.
    """
    docs.sort(key=lambda d: (d.day, d.order, d.id))
    by_id = {d.id: i for i, d in enumerate(docs)}
    matrix = vectors(docs, vocabulary_size)
    days = [d.day for d in docs]
    placed = np.array([d.story_id is not None for d in docs])
    i = 0
    while i < len(docs):
        # one block per day: the day's docs against every doc within the window around it
        day = days[i]
        end = bisect.bisect_right(days, day, lo=i)
        width = 0 if day == UNDATED else window
        lo = bisect.bisect_left(days, day - width) if day != UNDATED else i
        hi = bisect.bisect_right(days, day + width) if day != UNDATED else end
        if day != UNDATED:
            lo = max(lo, bisect.bisect_right(days, UNDATED))
        sims = (matrix[i:end] @ matrix[lo:hi].T).toarray()
        for row, k in enumerate(range(i, end)):
            doc = docs[k]
            if doc.story_id is not None:
                continue
            original = by_id.get(doc.duplicate_of) if doc.duplicate_of else None
            if original is not None and docs[original].story_id is not None:
                doc.story_id, doc.similarity = docs[original].story_id, 1.0
                placed[k] = True
                continue
            candidates = sims[row] * placed[lo:hi]
            candidates[k - lo] = 0.0
            best = int(np.argmax(candidates)) if candidates.size else 0
            if candidates.size and candidates[best] >= threshold:
                doc.story_id, doc.similarity = docs[lo + best].story_id, float(candidates[best])
            else:
                doc.story_id, doc.similarity = f"s:{doc.id}", 0.0
            placed[k] = True
        i = end
