"""Near-duplicates: republished wire copies and lightly edited reprints, by MinHash over word shingles.

Each article's opening word 5-grams are summarised by a MinHash (datasketch); an LSH index finds the
earlier articles whose estimated Jaccard similarity reaches `DUPLICATE_JACCARD`, and an article is
marked a duplicate of the earliest of them (by publication date, then id) that is not itself a copy.
Hashing is CRC32 over the shingle bytes: deterministic across runs and processes.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

DUPLICATE_JACCARD = 0.8
NUM_PERM = 64
LSH_THRESHOLD = 0.5
MIN_SHINGLES = 20


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


def signature(shingles: Iterable[bytes]) -> MinHash:
    sketch = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_crc32)
    sketch.update_batch(list(shingles))
    return sketch


def find_duplicates(ordered: list[tuple[str, set[bytes]]], known: dict[str, str | None] | None = None
                    ) -> dict[str, str]:
    """Map article id → id of the earlier original, for the articles (in publication order) that copy one.

    `known` gives the articles already consolidated (id → their duplicate_of): they are indexed as
    possible originals and never re-marked.
    """
    known = known or {}
    # the index is set well below the bar so that it misses almost no true copy; each candidate
    # it returns is then checked against the bar
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    rank = {article_id: n for n, (article_id, _) in enumerate(ordered)}
    sketches = {}
    duplicates: dict[str, str] = {}
    for article_id, shingles in ordered:
        if len(shingles) < MIN_SHINGLES:
            continue
        sketch = signature(shingles)
        if article_id not in known:
            originals = [
                other for other in lsh.query(sketch)
                if sketch.jaccard(sketches[other]) >= DUPLICATE_JACCARD and other not in duplicates
                and not known.get(other)
            ]
            if originals:
                duplicates[article_id] = min(originals, key=lambda other: rank[other])
                continue
        sketches[article_id] = sketch
        lsh.insert(article_id, sketch)
    return duplicates
