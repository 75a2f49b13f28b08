"""Cleaning scraped article text: Unicode, whitespace, paragraphs, headline and page furniture.

The cleaned text has one paragraph per block, blocks separated by exactly one blank line, only
ASCII quote characters and single spaces inside a paragraph. Furniture (captions, credits,
"Follow X on Twitter", comment footers, share/subscribe/"Read more" lines) is recognised by the
general patterns in `data/ingest/furniture.yaml`, documented there and in docs/ingest.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from chronicle.ingest.normalize import normalize_chars

# Characters that carry no text: zero-width spaces/joiners, BOM, soft hyphen, word joiner.
# They break tokenisation and hashing, so they go before anything else looks at the text.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# C0/C1 control characters other than newline; tabs and carriage returns become spaces/newlines first.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"\s+")

FURNITURE_FILE = Path(__file__).resolve().parents[1] / "data" / "ingest" / "furniture.yaml"

# A first line is read as a headline when it is this short and followed by a blank line.
HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 30


@dataclass(frozen=True)
class Furniture:
    drop: re.Pattern[str]
    caption_end: re.Pattern[str]
    strip_inline: re.Pattern[str]
    kicker: re.Pattern[str]


@cache
def furniture() -> Furniture:
    """Compile the furniture patterns once: one alternation per rule kind keeps matching cheap."""
    spec = yaml.safe_load(FURNITURE_FILE.read_text(encoding="utf-8"))
    drop = [p for patterns in spec["drop"].values() for p in patterns]
    kickers = sorted(spec["kickers"], key=len, reverse=True)  # longest first: "exclusive interview" before "exclusive"
    return Furniture(
        drop=re.compile("|".join(f"(?:{p})" for p in drop), re.IGNORECASE),
        caption_end=re.compile("(?:" + "|".join(f"(?:{p})" for p in spec["caption_end"]) + r")\s*$", re.IGNORECASE),
        strip_inline=re.compile("|".join(f"(?:{p})" for p in spec["strip_inline"]), re.IGNORECASE),
        kicker=re.compile(
            r"^(?:" + "|".join(re.escape(k) for k in kickers) + r")\s*[:|\u2013\u2014-]\s+", re.IGNORECASE
        ),
    )


def normalize_text(text: str) -> str:
    """NFC, ASCII quotes and spaces, no invisible or control characters, '\\n' line ends."""
    text = unicodedata.normalize("NFC", text)
    text = normalize_chars(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _INVISIBLE.sub("", text)
    return _CONTROL.sub("", text)


def split_blocks(text: str) -> list[list[str]]:
    """Paragraph blocks as lists of stripped, non-empty lines.

    Blank lines separate paragraphs. Text with no blank line at all but several lines (trafilatura
    output, many feeds) has one paragraph per line; otherwise the lines of a block are a hard-wrapped
    paragraph and get joined.
    """
    blocks = [[ln.strip() for ln in block.split("\n") if ln.strip()] for block in _BLANK_LINE.split(text)]
    blocks = [b for b in blocks if b]
    if len(blocks) == 1 and len(blocks[0]) > 1:
        return [[line] for line in blocks[0]]
    return blocks


CAPTION_MIN_WORDS = 6
_CAPS_TAIL = re.compile(r"(?<=[.!?])(\s+[A-Z][A-Z.'-]+)+\s*$")


def is_furniture(paragraph: str) -> bool:
    f = furniture()
    return bool(f.drop.fullmatch(paragraph) or f.caption_end.search(paragraph))


def clean_block(lines: list[str]) -> str:
    """One cleaned paragraph from a block's lines, or '' when it is furniture."""
    f = furniture()
    # Furniture lines can sit inside a block (a footer under the last paragraph with a single newline).
    kept = [line for line in lines if not f.drop.fullmatch(_SPACES.sub(" ", line))]
    paragraph = _SPACES.sub(" ", " ".join(kept)).strip()
    if not paragraph or f.drop.fullmatch(paragraph):
        return ""
    before = paragraph
    if f.caption_end.search(paragraph):
        # A caption: its credit goes, its description stays when it is a real sentence, because it is
        # often the only place the article states where and when the pictured event happened.
        while f.caption_end.search(paragraph):
            paragraph = _SPACES.sub(" ", f.caption_end.sub("", paragraph)).strip()
        # the photographer's name in capitals after the last sentence ("… 2024. JOHN DOE")
        paragraph = _CAPS_TAIL.sub("", paragraph)
        if len(paragraph.split()) < CAPTION_MIN_WORDS:
            return ""
    stripped = _SPACES.sub(" ", f.strip_inline.sub("", paragraph)).strip()
    # what is left after a credit or inline furniture goes can itself be furniture ("Share this (Photo: ...)");
    # test again so that cleaning is idempotent
    return "" if stripped != before and is_furniture(stripped) else stripped


def clean_paragraphs(blocks: list[list[str]]) -> list[str]:
    return [p for p in (clean_block(b) for b in blocks) if p]


def looks_like_headline(block: list[str], has_more: bool) -> bool:
    """A single short line, followed by more text, that does not end like a sentence."""
    if len(block) != 1 or not has_more:
        return False
    line = _SPACES.sub(" ", block[0])
    return len(line) <= HEADLINE_MAX_CHARS and len(line.split()) <= HEADLINE_MAX_WORDS and not line.endswith(".")


def strip_kicker(title: str) -> str:
    """'Exclusive: Minister Quits' -> 'Minister Quits' (only the title; the text keeps the kicker)."""
    stripped = furniture().kicker.sub("", title, count=1)
    return stripped or title


@dataclass(frozen=True)
class Cleaned:
    headline: str | None
    """The headline as written (cleaned), or None when the text has none."""
    paragraphs: list[str]
    """Body paragraphs, furniture removed; the headline is not among them."""


def clean(text: str, *, title: str | None = None) -> Cleaned:
    """Clean raw article text. With `title` given, that is the headline (a copy of it opening the body
    is dropped); otherwise a short first line followed by a blank line is taken as the headline."""
    blocks = split_blocks(normalize_text(text))
    if title is not None:
        headline = _SPACES.sub(" ", normalize_text(title)).strip() or None
        # the body often repeats the title as its first line (an <h1>, a feed's first line)
        if blocks and headline and _SPACES.sub(" ", blocks[0][0]) == headline:
            blocks = [blocks[0][1:], *blocks[1:]]
        return Cleaned(headline, clean_paragraphs(blocks))
    if blocks and looks_like_headline(blocks[0], has_more=len(blocks) > 1):
        headline = clean_block(blocks[0]) or None
        return Cleaned(headline, clean_paragraphs(blocks[1:]))
    return Cleaned(None, clean_paragraphs(blocks))
