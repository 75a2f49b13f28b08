"""The accent fold shared by every lookup key: NFKD, then the ASCII letters only.

Names arrive with and without their accents ("Šakalienė", "Sakaliene"); the actor codes, the gazetteer's
index, the name-gender lists and the cross-article entity keys all compare them folded this way, so one
function keeps them in step (the gazetteer's keys are built with it at set-up and read with it at run
time). Dependency-free, so the build scripts and the store can import it without spaCy.
"""

from __future__ import annotations

import unicodedata


def ascii_fold(text: str) -> str:
    """`text` decomposed (NFKD) with every non-ASCII character dropped: "Šakalienė" → "Sakaliene"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
