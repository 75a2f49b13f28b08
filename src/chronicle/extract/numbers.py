"""Numbers: GDELT-style numeric claims — a count, what it counts, its qualifier and unit.

Candidates are spaCy's CARDINAL, MONEY, QUANTITY and PERCENT entities (dates, times and ordinals
are not counts; labels such as "Article 4" are left out). Values are read from digits and number
words (`data/numbers/numbers.yaml`; no maintained package in our lock parses "three million" and
"five to seven" together, so the small reader is ours). What is counted comes from the parse: the
noun the number modifies ("4,000 migrants"), the noun an "of" phrase hangs from ("a population of
less than three million"), or, for a bare number that is a verb's object ("injuring seven"), the
verb — recorded as its lemma ("injure"). Each count links to the quote it lies in and to the event
of its sentence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span

from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.records import ArticleRecords, Count, child_id

DATA = Path(__file__).resolve().parents[1] / "data" / "numbers" / "numbers.yaml"
LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
_RANGE = re.compile(r"^(?:between\s+)?(.+?)\s*(?:to|-|–|and)\s*(.+)$")
_DIGITS = re.compile(r"^[$€£]?(\d[\d,]*(?:\.\d+)?)(?:%|[a-z]*)?$")


@dataclass(frozen=True)
class NumberWords:
    qualifiers: dict[str, str]
    words: dict[str, float]
    multipliers: dict[str, float]
    units: dict[str, str]
    not_counts: frozenset[str]


@functools.cache
def number_words() -> NumberWords:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return NumberWords(data["qualifiers"], data["words"], data["multipliers"], data["units"],
                       frozenset(data["not_counts"]))


def parse_number(text: str) -> float | None:
    """'4,000' → 4000; 'three million' → 3e6; '1.5bn' → 1.5e9; 'a dozen' → 12; None if not a number."""
    lexicon = number_words()
    total, current, seen = 0.0, 0.0, False
    for word in re.findall(r"[$€£]?\d[\d,]*(?:\.\d+)?|[a-z]+", text.lower().replace("-", " ")):
        digits = _DIGITS.match(word)
        if digits and seen and current:
            return None  # "5 7": two numbers, not one
        if digits:
            current += float(digits.group(1).replace(",", ""))
            seen = True
            suffix = word[digits.end(1):]
            if suffix in lexicon.multipliers:
                current *= lexicon.multipliers[suffix]
        elif word in lexicon.words:
            current += lexicon.words[word]
            seen = True
        elif word in lexicon.multipliers:
            current = (current or 1) * lexicon.multipliers[word]
            if lexicon.multipliers[word] >= 1000:
                total, current = total + current, 0.0
            seen = True
        elif word in {"and", "of", "a", "an"}:  # "a dozen", "one hundred and five"
            continue
        else:
            return None
    return total + current if seen else None


def parse_value(text: str) -> tuple[float, float | None] | None:
    """A single value or a range ('five to seven', '5-7', 'between 10 and 20')."""
    cleaned = re.sub(r"[$€£%]|\b(?:percent|per cent|dollars?|euros?|pounds?)\b", "", text.lower()).strip()
    single = parse_number(cleaned)
    if single is not None:
        return single, None
    match = _RANGE.match(cleaned)
    if match:
        low, high = parse_number(match.group(1)), parse_number(match.group(2))
        if low is not None and high is not None:
            return low, high
    return None


def _qualifier(doc: Doc, ent: Span) -> tuple[str | None, int]:
    """The qualifier phrase in or right before the entity, and where the claim starts."""
    lexicon = number_words()
    for n in (3, 2, 1):
        for start in (ent.start - n, ent.start):
            if start < 0 or start + n > len(doc):
                continue
            phrase = " ".join(t.lower_ for t in doc[start : start + n])
            if phrase in lexicon.qualifiers and (start + n == ent.start or start == ent.start):
                return lexicon.qualifiers[phrase], min(start, ent.start)
    return None, ent.start


def _counted(ent: Span) -> str | None:
    root = ent.root
    head = root.head
    if root.dep_ in {"nummod", "quantmod", "compound"} and head.pos_ in {"NOUN", "PROPN"}:
        return head.lemma_.lower() if head.pos_ == "NOUN" else head.text
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return head.head.lemma_.lower()
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0].lemma_.lower()
    if root.dep_ in {"dobj", "nsubj", "nsubjpass"} and head.pos_ == "VERB":
        return head.lemma_.lower()
    return None


def _unit(doc: Doc, ent: Span) -> str | None:
    units = number_words().units
    for token in ent:
        if token.lower_ in units:
            return units[token.lower_]
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return units.get(after) or units.get(before)


def _is_label(doc: Doc, ent: Span) -> bool:
    before = ent.start - 1
    if before > 0 and doc[before].text == ".":  # the tokenizer may split "No." into "No" "."
        before -= 1
    return before >= 0 and doc[before].lower_ in number_words().not_counts and doc[before].is_title


def candidates(doc: Doc) -> list[Span]:
    """Number entities, plus numbers the NER model missed ("over 4,000 migrants")."""
    spans = [ent for ent in doc.ents if ent.label_ in LABELS]
    multipliers = number_words().multipliers
    for token in doc:
        if not token.like_num or token.ent_type_ or token.dep_ not in {"nummod", "dobj", "nsubj", "pobj", "appos"}:
            continue
        if token.i > 0 and doc[token.i - 1].like_num:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].lower_ in multipliers:
            end += 1
        spans.append(doc[token.i : end])
    return sorted(spans, key=lambda s: s.start)


@register_stage("numbers", fills=("counts",))
def extract_numbers(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    article_id = records.article.id
    text = doc.text  # Doc.text re-joins every token on each access: read it once
    out: list[Count] = []
    for ent in candidates(doc):
        if _is_label(doc, ent):
            continue
        qualifier, start_token = _qualifier(doc, ent)
        value_text = ent.text
        for phrase in number_words().qualifiers:
            if value_text.lower().startswith(phrase + " "):
                value_text = value_text[len(phrase) + 1 :]
        parsed = parse_value(value_text)
        if parsed is None:
            continue
        start, end = doc[start_token].idx, ent.end_char
        quote = next((q.id for q in records.quotes if q.start <= start and end <= q.end), None)
        sentence = ent.sent
        event = next((e.id for e in records.events if e.sentence_start == sentence.start_char), None)
        out.append(Count(id=child_id(article_id, "n", len(out) + 1), article_id=article_id, start=start, end=end,
                         text=text[start:end], value=parsed[0], value_max=parsed[1], qualifier=qualifier,
                         unit=_unit(doc, ent), counted=_counted(ent), event_id=event, quote_id=quote))
    return {"counts": out}
