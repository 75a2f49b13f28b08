"""Near-duplicates: republished wire copies and lightly edited reprints, by MinHash over word shingles.

Each article's opening word 5-grams (hashed by `text.shingle_hashes`) are summarised by a MinHash
(datasketch); an LSH index proposes earlier articles, and an article is marked a duplicate of the
earliest of them (in the order articles are added: publication date, then id) whose estimated Jaccard
similarity reaches `DUPLICATE_JACCARD` and which is not itself a copy. Only the sketches are kept,
never the shingles, so memory grows by a few hundred bytes an article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import LeanMinHash

DUPLICATE_JACCARD = 0.8
NUM_PERM = 64
# the index is set well below the bar so that it misses almost no true copy; each candidate it
# returns is then checked against the bar
LSH_THRESHOLD = 0.5
MIN_SHINGLES = 20
SEED = 1


def _identity(value: int) -> int:
    return value


class DuplicateIndex:
    """Articles added in publication order; `add` answers which earlier article, if any, this one copies."""

    def __init__(self) -> None:
        # datasketch imports scipy (half a second of CPU): loaded when an index is built, not by
        # every command that imports chronicle
        from datasketch import MinHash, MinHashLSH

        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        template = MinHash(num_perm=NUM_PERM, seed=SEED)
        # one set of permutations for all sketches: datasketch would draw them again for each
        self.permutations, self.scheme = template.permutations, template.scheme
        self.sketches: dict[str, LeanMinHash] = {}
        self.rank: dict[str, int] = {}

    def signature(self, hashes: np.ndarray) -> LeanMinHash:
        from datasketch import LeanMinHash, MinHash

        sketch = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_identity, permutations=self.permutations,
                         scheme=self.scheme)
        sketch.update_batch(hashes.tolist())
        return LeanMinHash(sketch)

    def add(self, article_id: str, hashes: np.ndarray, known_copy: bool | None = None) -> str | None:
        """Index the article; return the original it copies (None if none, or if `known_copy` is given).

        `known_copy` is set for articles consolidated before: True ones are copies (never originals),
        False ones are indexed as possible originals; neither is re-judged.
        """
        if len(hashes) < MIN_SHINGLES:
            return None
        sketch = self.signature(hashes)
        if known_copy is None:
            originals = [other for other in self.lsh.query(sketch)
                         if sketch.jaccard(self.sketches[other]) >= DUPLICATE_JACCARD]
            if originals:
                return min(originals, key=self.rank.__getitem__)
        if known_copy:
            return None
        self.rank[article_id] = len(self.rank)
        self.sketches[article_id] = sketch
        self.lsh.insert(article_id, sketch)
        return None
