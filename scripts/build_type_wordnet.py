"""Build `src/chronicle/data/events/wordnet_types.tsv`: the WordNet 3.0 lexical file and hypernym path of
verbs and nouns, the features by which the event type classifier (`extract/event_types.py`) types
triggers it was not trained on.

    apt-get install wordnet-base
    .venv/bin/python scripts/build_type_wordnet.py --wordnet /usr/share/wordnet

For every single-word lower-case verb and noun WordNet lists: the lexical file of its most frequent
sense (verb.contact, noun.act …) and that sense's hypernyms, nearest first, up to `DEPTH` levels
(`lambaste` → criticize → knock; "skirmish" → conflict → military action → group action), each named
by its synset's first word and offset, so that two words in one branch share the feature. A verb also
gets the lexical file of its second sense (a verb's two commonest senses often differ in kind: "strike"
hits or walks out). Nouns whose first sense is a person, thing or place (`THING_FILES`) keep their
lexical file only: they are read as objects, never as acts; of those, only people, artefacts, groups
and places are kept (`OBJECT_FILES`: who or what an act is done to or with), not plants, animals, food
or substances. Each verb and act noun also lists its synsets (`SENSES` commonest senses) and, for
those after the first, their nearest hypernym: a word shares a synset with its synonyms and a sense with
the words news uses in that sense ("capture" is first represent, then seize and take), the back-off
from a lemma the classifier has no weight for to the senses it has learnt. A noun is flagged "armed"
when it is a kind of armed force, its member or its arms
(`ARMED`, at any level up). Deterministic: same input, same file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from build_event_wordnet import LEXNAMES, Synset, read_data, read_index

from chronicle.extract.event_patterns import DATA

DEPTH = 4
SENSES = 3
THING_FILES = frozenset({"noun.person", "noun.artifact", "noun.food", "noun.animal", "noun.plant", "noun.body",
                         "noun.object", "noun.substance", "noun.shape", "noun.location", "noun.time",
                         "noun.quantity", "noun.group", "noun.Tops"})
ARMED = frozenset({"military_unit", "military_service", "military", "armed_forces", "military_personnel",
                   "military_officer", "serviceman", "police", "terrorist", "guerrilla", "militia", "weapon",
                   "weaponry", "military_vehicle"})
"""Synsets (by first word) whose kinds are armed forces, their members or their arms: "troops",
"battalion", "sniper", "howitzer" (what makes a participant military for the classifier)."""
OBJECT_FILES = frozenset({"noun.person", "noun.artifact", "noun.group", "noun.location"})
HEADER = """# WordNet 3.0 lexical files and hypernym paths of verbs and nouns, for the event type classifier;
# built by scripts/build_type_wordnet.py. Do not edit by hand: re-run the script. Tab-separated, one word a line:
# pos (v/n)  lemma  lexical file of its first sense  lexical file of its second sense (verbs; else empty)
#   hypernyms of its first sense, nearest first, comma-separated as word.offset (empty for things)
#   "armed" when any hypernym of its first sense is an armed force, its member or its arms (nouns)
#   the synsets of its first three senses and the nearest hypernym of the second and third, comma-separated
#   as word.offset (empty for things)
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND DATABASE IS
# PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.
"""


def path(offset: str, data: dict[str, Synset]) -> list[str]:
    """The first hypernym chain above a synset, nearest first, at most `DEPTH` long."""
    out: list[str] = []
    current = data[offset]
    while current.hypernyms and len(out) < DEPTH:
        parent = current.hypernyms[0]
        current = data[parent]
        out.append(name(parent, data))
    return out


def name(offset: str, data: dict[str, Synset]) -> str:
    """A synset as a feature value: its first word and its offset."""
    return f"{data[offset].words[0]}.{offset.lstrip('0')}"


def senses(offsets: list[str], data: dict[str, Synset]) -> list[str]:
    """The synsets of the `SENSES` commonest senses and the nearest hypernym of each after the first (the
    first sense's hypernyms are its path), without repeats."""
    out: list[str] = []
    for rank, offset in enumerate(offsets[:SENSES]):
        named = [offset, *(data[offset].hypernyms[:1] if rank else ())]
        out += [n for n in (name(o, data) for o in named) if n not in out]
    return out


def armed(offset: str, data: dict[str, Synset]) -> bool:
    """Whether any hypernym of the synset, at any level, is one of `ARMED`."""
    level = [offset]
    while level:
        if any(data[o].words[0] in ARMED for o in level):
            return True
        level = [h for o in level for h in data[o].hypernyms]
    return False


def rows(index: Path, data: dict[str, Synset], pos: str) -> list[str]:
    lines = []
    for lemma, offsets in read_index(index):
        if "_" in lemma or not offsets or not lemma.isalpha():
            continue
        first = LEXNAMES[data[offsets[0]].lexfile]
        if pos == "n" and first in THING_FILES and first not in OBJECT_FILES:
            continue
        second = LEXNAMES[data[offsets[1]].lexfile] if pos == "v" and len(offsets) > 1 else ""
        thing = first in THING_FILES
        chain = "" if thing else ",".join(path(offsets[0], data))
        flag = "armed" if pos == "n" and armed(offsets[0], data) else ""
        synsets = "" if thing else ",".join(senses(offsets, data))
        lines.append(f"{pos}\t{lemma}\t{first}\t{second}\t{chain}\t{flag}\t{synsets}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path, default=DATA / "wordnet_types.tsv")
    args = parser.parse_args()
    lines = rows(args.wordnet / "index.verb", read_data(args.wordnet / "data.verb"), "v")
    lines += rows(args.wordnet / "index.noun", read_data(args.wordnet / "data.noun"), "n")
    args.out.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} words -> {args.out}")


if __name__ == "__main__":
    main()
