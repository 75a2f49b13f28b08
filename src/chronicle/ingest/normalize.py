"""Character-level normalisation that keeps offsets: every character maps to exactly one character.

Because the mapping is one-to-one, offsets computed on normalised text are valid on the original
(evaluation corpora with standoff annotations rely on this). Typographic quotes become ASCII
quotes so quote detection sees one quote character per kind; no-break and other exotic spaces
become plain spaces; NFC composition (which can change length) is applied separately by the
cleaner, never to annotated corpora.
"""

from __future__ import annotations

_CHAR_MAP = str.maketrans(
    {
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2033": '"',  # ″
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u00a0": " ",  # no-break space
        "\u2007": " ",  # figure space
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u200a": " ",  # hair space
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\u2028": "\n",  # line separator
        "\u2029": "\n",  # paragraph separator
    }
)


def normalize_chars(text: str) -> str:
    """Map typographic quotes to ASCII and exotic spaces to ' '; len(result) == len(text)."""
    return text.translate(_CHAR_MAP)
