"""Stories: each article joins the story it is closest to on the whole, or starts one.

An article is two TF-IDF vectors (top terms only, L2-normalised): its headline and lead, and its
headline and whole text. Two articles are as similar as the lower of the two cosines: reports of one act
match in both, while a report of another act in the same topic often matches in one view only (a lead
sharing the topic's names, a body sharing its background). Articles are taken in publication order; a
new article is compared with the articles already placed that were published within `WINDOW_DAYS` of it
(a sparse product per view and day, so the cost grows with articles × articles-per-window, not
articles²). Its candidate stories are those of these articles (average link): a story qualifies when the
article's mean similarity to the story's articles in the window reaches `THRESHOLD`, and it joins the
qualifying story holding its most similar article (ties: the older story), else it starts a story named
after it. A mean, not the best match alone, keeps one bridging article from gluing reports of other acts
in one topic into a growing story (single-link chaining). Undated articles come last and are compared
with every article of the run, in row chunks so that memory stays bounded. Placed articles keep their
story: a re-run adds, never reshuffles.

The cosine is gated by anchors (`text.anchors`: the lead's numbers, the quotations' words): a pair that
shares no anchor counts `ANCHOR_GATE` of its cosine, and the full cosine once the rarity (IDF among the
articles of its window) of what it shares reaches `ANCHOR_SATURATION`. Reports of one act repeat its
particulars (a toll, a sum, a statement); reports of other acts in the same topic share its words only.
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

# Chosen on our own dev sets (docs/stories.md): among the best pairwise F1 on the GeoWebNews pages, which
# look like the held-out set (a split estimate there), and on the PolNeAR train articles.
THRESHOLD = 0.2
WINDOW_DAYS = 3
TOP_TERMS = 40
# The whole text has more terms that matter than the lead (docs/stories.md: 40 to all measured).
TOP_WHOLE_TERMS = 100
UNDATED = -1
# Rows of undated articles compared at once with every article of the run (a dense block of floats).
UNDATED_CHUNK = 256
# Anchor gate (docs/stories.md, round 9: measured on every labelled set, chosen by the average F1).
ANCHOR_GATE = 0.6
ANCHOR_SATURATION = 5.0


class Vocabulary:
    """Term → integer id, so that each article keeps two small arrays instead of a dict of strings."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def encode(self, terms: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
        ids = np.fromiter((self.ids.setdefault(t, len(self.ids)) for t in terms), dtype=np.int32, count=len(terms))
        return ids, np.fromiter(terms.values(), dtype=np.float32, count=len(terms))


@dataclass
class StoryDoc:
    """One article as clustering sees it: its day (date ordinal) and its encoded term counts.

    `term_ids`/`counts` are the lead view, `whole_ids`/`whole_counts` the whole-text view (when absent,
    the lead stands for it).
    """

    id: str
    day: int
    term_ids: np.ndarray
    counts: np.ndarray
    story_id: str | None = None
    similarity: float = 0.0
    duplicate_of: str | None = None
    order: tuple = field(default=())
    whole_ids: np.ndarray | None = None
    whole_counts: np.ndarray | None = None
    anchor_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))

    def view(self, whole: bool) -> tuple[np.ndarray, np.ndarray]:
        if whole and self.whole_ids is not None and self.whole_counts is not None:
            return self.whole_ids, self.whole_counts
        return self.term_ids, self.counts


def story_doc(doc_id: str, day: int, views: tuple[Counter[str], Counter[str]], vocabulary: Vocabulary,
              order: tuple = (), anchors: set[str] | frozenset[str] = frozenset()) -> StoryDoc:
    """A doc from its lead and whole-text term counts (`text.views`: the whole's terms begin with the lead's)
    and its anchors (`text.anchors`)."""
    lead, whole = views
    whole_ids, whole_counts = vocabulary.encode(whole)
    # the lead's ids are the first of the whole's: each term is looked up once
    return StoryDoc(doc_id, day, whole_ids[:len(lead)], np.fromiter(lead.values(), dtype=np.float32, count=len(lead)),
                    order=order, whole_ids=whole_ids, whole_counts=whole_counts,
                    anchor_ids=vocabulary.encode(Counter(sorted(anchors)))[0])


def vectors(docs: Sequence[StoryDoc], size: int, whole: bool = False) -> sparse.csr_matrix:
    """Rows of L2-normalised TF-IDF weights (smoothed IDF over these docs), each kept to its top terms."""
    from scipy import sparse  # a quarter second to import: only when stories are clustered

    top = TOP_WHOLE_TERMS if whole else TOP_TERMS
    df = np.zeros(size, dtype=np.float64)
    for doc in docs:
        df[doc.view(whole)[0]] += 1
    idf = np.log((len(docs) + 1) / (df + 1)) + 1.0
    indptr, indices, data = [0], [], []
    for doc in docs:
        term_ids, counts = doc.view(whole)
        weights = (1.0 + np.log(counts)) * idf[term_ids]
        keep = np.argsort(-weights, kind="stable")[:top]
        kept = weights[keep]
        norm = float(np.sqrt(np.dot(kept, kept))) or 1.0
        indices.append(term_ids[keep])
        data.append((kept / norm).astype(np.float32))
        indptr.append(indptr[-1] + len(keep))
    return sparse.csr_matrix(
        (np.concatenate(data) if data else np.zeros(0, np.float32),
         np.concatenate(indices) if indices else np.zeros(0, np.int32), np.array(indptr, dtype=np.int64)),
        shape=(len(docs), max(size, 1)))


def anchor_matrix(docs: Sequence[StoryDoc], size: int) -> sparse.csr_matrix:
    """Rows of 0/1 marks: which anchors each doc has (weighed by their rarity in each window)."""
    from scipy import sparse

    lengths = [len(doc.anchor_ids) for doc in docs]
    indices = np.concatenate([doc.anchor_ids for doc in docs]) if docs else np.zeros(0, np.int32)
    indptr = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    return sparse.csr_matrix((np.ones(len(indices), np.float32), indices, indptr), shape=(len(docs), max(size, 1)))


def _anchor_gate(anchors: sparse.csr_matrix, rows: slice, columns: slice) -> np.ndarray:
    """How much of the cosine each pair keeps: `ANCHOR_GATE` when it shares no anchor, rising to 1.

    Rarity is counted among the columns (the articles of the window, which hold the rows): an anchor in
    df of the n weighs log((n + 1) / (df + 1)), so the topic's or the days' common numbers weigh little
    while a big story's own particulars still count (no cut-off on df).
    """
    window = anchors[columns]
    df = np.asarray(window.sum(axis=0)).ravel()
    idf = np.log((window.shape[0] + 1) / (df + 1))
    shared = (anchors[rows].multiply(idf.astype(np.float32)).tocsr() @ window.T).toarray()
    return ANCHOR_GATE + (1.0 - ANCHOR_GATE) * np.minimum(1.0, shared / ANCHOR_SATURATION)


class _Stories:
    """Story of each doc as a small integer (-1: not placed), in the order stories were started."""

    def __init__(self, docs: list[StoryDoc]) -> None:
        self.docs = docs
        self.names: list[str] = []
        self.index: dict[str, int] = {}
        self.of = np.full(len(docs), -1, dtype=np.int64)
        for k, doc in enumerate(docs):
            if doc.story_id is not None:
                self.of[k] = self._number(doc.story_id)

    def _number(self, name: str) -> int:
        if name not in self.index:
            self.index[name] = len(self.names)
            self.names.append(name)
        return self.index[name]

    def place(self, k: int, name: str, similarity: float) -> None:
        self.docs[k].story_id, self.docs[k].similarity = name, similarity
        self.of[k] = self._number(name)

    def best(self, sims: np.ndarray, lo: int, k: int, threshold: float) -> tuple[int, float] | None:
        """The story doc k joins, from its similarities to docs lo.. (itself excluded), with its best match."""
        labels = self.of[lo:lo + len(sims)].copy()
        labels[k - lo] = -1
        placed = labels >= 0
        if not placed.any():
            return None
        # only the stories seen in this window: the cost stays with the window, not the store
        stories, local = np.unique(labels[placed], return_inverse=True)
        values = sims[placed]
        top = np.full(len(stories), -np.inf)
        np.maximum.at(top, local, values)
        mean = np.bincount(local, weights=values) / np.bincount(local)
        eligible = mean >= threshold
        if not eligible.any():
            return None
        pick = int(np.argmax(np.where(eligible, top, -np.inf)))  # first of equals: the older story
        return int(stories[pick]), float(top[pick])


def _place(stories: _Stories, by_id: dict[str, int], k: int, sims: np.ndarray, lo: int, threshold: float) -> None:
    doc = stories.docs[k]
    original = by_id.get(doc.duplicate_of) if doc.duplicate_of else None
    copied = stories.docs[original].story_id if original is not None else None
    if copied is not None:  # a copy joins its original's story
        stories.place(k, copied, 1.0)
        return
    found = stories.best(sims, lo, k, threshold)
    if found is None:
        stories.place(k, f"s:{doc.id}", 0.0)
    else:
        stories.place(k, stories.names[found[0]], found[1])


def similarities(lead: sparse.csr_matrix, whole: sparse.csr_matrix, anchors: sparse.csr_matrix, rows: slice,
                  columns: slice) -> np.ndarray:
    """The lower of the lead and whole-text cosines, gated by shared anchors, rows × columns, as a dense block."""
    cosine = np.minimum((lead[rows] @ lead[columns].T).toarray(), (whole[rows] @ whole[columns].T).toarray())
    return cosine * _anchor_gate(anchors, rows, columns)


def assign_stories(docs: list[StoryDoc], vocabulary_size: int, threshold: float = THRESHOLD,
                   window: int = WINDOW_DAYS) -> None:
    """Give every doc without a story one (in place). Docs that have a story keep it.

    A doc with `duplicate_of` joins its original's story. Dated docs are placed by day, each compared
    with the dated docs within `window` days; undated docs (day `UNDATED`) come last, compared with all.
    """
    docs.sort(key=lambda d: (d.day == UNDATED, d.day, d.order, d.id))
    by_id = {d.id: i for i, d in enumerate(docs)}
    lead, whole = vectors(docs, vocabulary_size), vectors(docs, vocabulary_size, whole=True)
    anchors = anchor_matrix(docs, vocabulary_size)
    stories = _Stories(docs)
    dated = [d.day for d in docs if d.day != UNDATED]
    i = 0
    while i < len(dated):
        # one block per day: the day's docs against every dated doc within the window around it
        day = dated[i]
        end = bisect.bisect_right(dated, day, lo=i)
        lo, hi = bisect.bisect_left(dated, day - window), bisect.bisect_right(dated, day + window)
        sims = similarities(lead, whole, anchors, slice(i, end), slice(lo, hi))
        for row, k in enumerate(range(i, end)):
            if docs[k].story_id is None:
                _place(stories, by_id, k, sims[row], lo, threshold)
        i = end
    for start in range(len(dated), len(docs), UNDATED_CHUNK):
        stop = min(start + UNDATED_CHUNK, len(docs))
        sims = similarities(lead, whole, anchors, slice(start, stop), slice(0, len(docs)))
        for row, k in enumerate(range(start, stop)):
            if docs[k].story_id is None:
                _place(stories, by_id, k, sims[row], 0, threshold)
