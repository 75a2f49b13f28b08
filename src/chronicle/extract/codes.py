"""Actor codes in the field's style: ISO 3166 alpha-3 country plus a sector ("LTU LEG", "POL MIL").

Countries come from pycountry names and the demonyms in `data/places/supplement.yaml`; sectors
from the agent nouns in `data/actors/agents.yaml`; international organisations from its `igos`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pycountry
import yaml
from spacy.tokens import Span, Token

from chronicle.extract.places import fold, gazetteer

AGENTS = Path(__file__).resolve().parents[1] / "data" / "actors" / "agents.yaml"


@dataclass(frozen=True)
class Code:
    country: str | None = None
    sector: str | None = None

    @property
    def text(self) -> str | None:
        parts = [p for p in (self.country, self.sector) if p]
        return " ".join(parts) if parts else None


@functools.cache
def agent_lexicon() -> tuple[dict[str, str], dict[str, str]]:
    data = yaml.safe_load(AGENTS.read_text(encoding="utf-8"))
    sectors = {word: sector for sector, words in data["sectors"].items() for word in words}
    return sectors, data["igos"]


@functools.cache
def country_names() -> dict[str, str]:
    """Lower-cased country names and demonyms → alpha-3."""
    _index, demonyms, alpha3 = gazetteer()
    names = {fold(c.name): c.alpha_3 for c in pycountry.countries}
    names |= {fold(getattr(c, "common_name", c.name)): c.alpha_3 for c in pycountry.countries}
    names |= {d: alpha3[a2] for d, a2 in demonyms.items() if a2 in alpha3}
    names |= {"russia": "RUS", "britain": "GBR", "america": "USA", "us": "USA", "u.s.": "USA", "iran": "IRN",
              "syria": "SYR", "belarus": "BLR", "poles": "POL", "belarusians": "BLR", "americans": "USA"}
    return names


def country_of(word: str) -> str | None:
    return country_names().get(fold(word))


def code_tokens(tokens: list[Token]) -> Code:
    """Code a noun phrase from its own words: a country or demonym, and the sector of its nouns."""
    sectors, igos = agent_lexicon()
    text = fold(" ".join(t.text for t in tokens))
    if text in igos:
        return Code(igos[text], "IGO")
    country = next((c for t in tokens if (c := country_of(t.text))), None)
    if country is None:
        whole = country_of(text)
        country = whole
    sector = None
    for t in reversed(tokens):  # the head noun is last in English noun phrases
        lemma = t.lemma_.lower()
        if lemma in sectors or t.lower_ in sectors:
            sector = sectors.get(lemma) or sectors[t.lower_]
            break
    if sector is None:
        for n in (2, 3):
            for i in range(len(tokens) - n + 1):
                phrase = " ".join(t.lower_ for t in tokens[i : i + n])
                if phrase in sectors:
                    sector = sectors[phrase]
    return Code(country, sector)


def code_span(span: Span) -> Code:
    return code_tokens([t for t in span if not t.is_punct and t.lower_ not in {"the", "a", "an"}])
