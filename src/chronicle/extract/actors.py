"""Actors: group the named-entity mentions of an article into one canonical actor per entity.

First pass: people are grouped by name parts ("Šakalienė", "Dovilė Šakalienė" → one actor
named by the fullest form); organisations and states by normalised name and acronym
("EU" ~ "European Union"). A single-word ORG/GPE/NORP mention that is a known person's
surname is that person (small NER models often mislabel surnames).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from chronicle.extract.codes import Code, code_tokens
from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.records import Actor, ArticleRecords, Mention, child_id

ACTOR_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "group"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "mr.", "mrs.", "ms.", "dr."}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def name_parts(text: str) -> tuple[str, ...]:
    """Lower-cased name words without honorifics, leading 'the' or a possessive ending."""
    words = _POSSESSIVE.sub("", text.strip()).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return tuple(w.lower().strip(".,") for w in words if w.lower() not in HONORIFICS)


def display_name(text: str) -> str:
    words = _POSSESSIVE.sub("", text.strip()).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def acronym(parts: tuple[str, ...]) -> str:
    return "".join(p[0] for p in parts if p not in {"of", "and", "for", "the"})


@dataclass
class _Cluster:
    kind: str
    parts: tuple[str, ...]
    name: str
    spans: list[Span] = field(default_factory=list)

    def absorbs(self, kind: str, parts: tuple[str, ...]) -> bool:
        if not parts:
            return False
        if self.kind == "person":
            if kind == "person":
                return set(parts) <= set(self.parts)
            # a lone surname mislabelled as an organisation, state or group
            return len(parts) == 1 and parts[0] == self.parts[-1]
        if kind == "person":
            return False
        joined = " ".join(parts)
        return joined == " ".join(self.parts) or joined == acronym(self.parts) or (
            len(parts) > 1 and acronym(parts) == " ".join(self.parts)
        )


def group_entities(ents: list[Span]) -> list[_Cluster]:
    """Cluster entity spans; longer names first so short forms join the full name."""
    candidates = [(e, ACTOR_LABELS[e.label_], name_parts(e.text)) for e in ents if e.label_ in ACTOR_LABELS]
    candidates = [c for c in candidates if c[2]]
    order = sorted(candidates, key=lambda c: (c[1] != "person", -len(c[2]), c[0].start))
    clusters: list[_Cluster] = []
    for span, kind, parts in order:
        home = next((c for c in clusters if c.absorbs(kind, parts)), None)
        if home is None:
            home = _Cluster(kind, parts, display_name(span.text))
            clusters.append(home)
        elif len(parts) > len(home.parts):
            home.parts, home.name = parts, display_name(span.text)
        home.spans.append(span)
    clusters.sort(key=lambda c: min(s.start_char for s in c.spans))
    return clusters


def add_unlabelled_surnames(doc: Doc, clusters: list[_Cluster]) -> None:
    """Give people the mentions NER missed: their surname standing alone ("Lukashenko apparatchiks")."""
    covered = {i for c in clusters for span in c.spans for i in range(span.start, span.end)}
    surnames: dict[str, _Cluster] = {}
    for cluster in clusters:
        if cluster.kind == "person" and len(cluster.parts) > 1:
            surnames.setdefault(cluster.parts[-1], cluster)
    for token in doc:
        if token.i in covered or not token.text[:1].isupper():
            continue
        cluster = surnames.get(_POSSESSIVE.sub("", token.lower_))
        if cluster is not None:
            cluster.spans.append(doc[token.i : token.i + 1])


DESCRIPTOR_DEPS = {"compound", "amod", "nmod", "poss", "appos"}


def describe(cluster: _Cluster) -> tuple[Code, str | None]:
    """Code and role of an actor from its own name and the words around its mentions
    ("Lithuanian MP Dovilė Šakalienė" → LTU LEG, role "MP"; "Belarus' President …" → BLR GOV)."""
    if cluster.kind != "person":
        words = [t for span in cluster.spans[:1] for t in span if t.lower_ not in {"the", "'s", "'"}]
        code = code_tokens(words)
        return (Code(code.country, code.sector if cluster.kind != "state" else None), None)
    country = sector = role = None
    for span in cluster.spans:
        head = span.root
        described = [t for c in head.children if c.dep_ in DESCRIPTOR_DEPS and c.i not in range(span.start, span.end)
                     for t in c.subtree if (not t.is_punct and t.i < span.start) or c.dep_ == "appos"]
        if not described:
            continue
        code = code_tokens(described)
        country = country or code.country
        if sector is None and code.sector is not None:
            sector = code.sector
            role = next((t.text for t in reversed(described) if code_tokens([t]).sector == sector), None)
    return Code(country, sector), role


@register_stage("actors", fills=("actors", "mentions"))
def extract_actors(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    article_id = records.article.id
    actors: list[Actor] = []
    mentions: list[Mention] = []
    clusters = group_entities(list(doc.ents))
    add_unlabelled_surnames(doc, clusters)
    for n, cluster in enumerate(clusters, start=1):
        actor_id = child_id(article_id, "a", n)
        code, role = describe(cluster)
        actors.append(
            Actor(
                id=actor_id,
                article_id=article_id,
                name=cluster.name,
                kind=cluster.kind,  # type: ignore[arg-type]
                country=code.country,
                sector=code.sector,
                code=code.text,
                role=role,
                mention_count=len(cluster.spans),
            )
        )
        for span in sorted(cluster.spans, key=lambda s: s.start_char):
            mentions.append(
                Mention(
                    id=child_id(article_id, "m", len(mentions) + 1),
                    article_id=article_id,
                    actor_id=actor_id,
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    kind="name",
                )
            )
    return {"actors": actors, "mentions": mentions}
