"""Build `src/chronicle/data/events/wordnet_events.tsv`: what WordNet 3.0 says about a verb or a noun that
can help tell an event trigger and its type (the features of `extract/event_triggers.py`).

    apt-get install wordnet-base
    .venv/bin/python scripts/build_event_wordnet.py --wordnet /usr/share/wordnet

WordNet (Princeton, WordNet 3.0 licence: use, copy and distribution permitted with its notice, which
the output's header carries) groups words in synsets, ordered per word by frequency, each in a lexical
file (verb.communication, noun.act …), linked by hypernymy and by derivation. The seeds are the verbs
whose type chronicle already knows: the first unconditional sense of each verb in `lexicon.yaml` and
the verbal table of `cameo_verbs.yaml`. Two tables come out:

- `verbs`: every single-word verb → [lexical file of its most frequent sense, the type of a seed in
  that synset, else in its hypernyms up to `HYPERNYM_DEPTH` levels up ("lambaste" is a kind of
  "criticize"), or null, and how many levels up it was found];
- `nouns`: every single-word noun with a verb it derives from in its first two senses → [lexical file
  of its first sense, that verb, the verb's type hint as above] ("endorsement" → "endorse");
- `classes`: every single-word noun whose first sense is, or is a kind of (up to `CLASS_DEPTH` levels
  up), an act that chronicle types → [lexical file, that type, how many levels up, the seed word]
  ("critique" is a kind of "criticism", "tribute" of "commendation", "tirade" of "denunciation"), else
  whose verb (`nouns`) is a kind of a seed verb as far up ("approval" → approve). The seed acts are
  the first senses of lexicon.yaml's unconditional event nouns and the act nouns (noun.act,
  noun.communication, noun.event) WordNet derives from the first sense of each seed verb.

The verb and noun hints are features of the learned trigger classifier, never rules by themselves: a
rare sense or a broad hypernym types many words wrongly. The classes are senses of nouns the lexicon
lacks (`event_patterns._class_sense`), each judged by the trigger classifier before it counts.
Deterministic: same input, same file.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from chronicle.extract.event_patterns import DATA, lexicon

LEXNAMES = [
    "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
    "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling",
    "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object", "noun.person",
    "noun.phenomenon", "noun.plant", "noun.possession", "noun.process", "noun.quantity", "noun.relation",
    "noun.shape", "noun.state", "noun.substance", "noun.time", "verb.body", "verb.change", "verb.cognition",
    "verb.communication", "verb.competition", "verb.consumption", "verb.contact", "verb.creation",
    "verb.emotion", "verb.motion", "verb.perception", "verb.possession", "verb.social", "verb.stative",
    "verb.weather", "adj.ppl",
]
"""WordNet's lexical files, by number (its `lexnames` file)."""
FIRST_NOUN_SENSES = 2
HYPERNYM_DEPTH = 2
CLASS_DEPTH = 1
"""Hypernym levels a noun's first sense may climb to reach a seed act: one level takes "critique" to
"criticism" and "plea" to "appeal"; two also take "comparison" to "investigation" and "approval" to
"assistance"."""
ACT_FILES = frozenset({"noun.act", "noun.communication", "noun.event"})
HEADER = """# What WordNet 3.0 says about verbs and nouns, for the event trigger classifier; built by
# scripts/build_event_wordnet.py. Do not edit by hand: re-run the script. Tab-separated, one word a line:
# v  lemma  lexical file of its first sense  type of a known event verb among its synonyms or
#    hypernyms (empty: none)  how many hypernym levels up (0: a synonym)
# n  lemma  lexical file of its first sense  the verb it derives from  that verb's type hint
# c  lemma  lexical file of its first sense  the type of the seed act it is or is a kind of  how many
#    hypernym levels up (0: a synonym); the seed act's word in the 6th column
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND DATABASE IS
# PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.
"""


@dataclass(frozen=True)
class Synset:
    lexfile: int
    words: tuple[str, ...]
    hypernyms: tuple[str, ...]
    derived: tuple[tuple[int, str, str, int], ...]
    """(source word number, target pos, target offset, target word number) of each derivation pointer."""


def read_data(path: Path) -> dict[str, Synset]:
    synsets: dict[str, Synset] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        fields = line.split(" | ", 1)[0].split()
        offset, lexfile, count = fields[0], int(fields[1]), int(fields[3], 16)
        words = tuple(w.lower() for w in fields[4 : 4 + 2 * count : 2])
        at = 4 + 2 * count
        pointers = int(fields[at])
        hypernyms, derived = [], []
        for n in range(pointers):
            symbol, target, pos, link = fields[at + 1 + 4 * n : at + 5 + 4 * n]
            if symbol == "@":
                hypernyms.append(target)
            elif symbol == "+":
                derived.append((int(link[:2], 16), pos, target, int(link[2:], 16)))
        synsets[offset] = Synset(lexfile, words, tuple(hypernyms), tuple(derived))
    return synsets


def read_index(path: Path) -> Iterator[tuple[str, list[str]]]:
    """Each lemma with its synset offsets, most frequent sense first."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, senses, pointers = fields[0], int(fields[2]), int(fields[3])
        yield lemma, fields[6 + pointers : 6 + pointers + senses]


def seeds() -> dict[str, str]:
    """Verb lemma → the type chronicle already knows for it without conditions ("ACCUSE:disapprove")."""
    lex = lexicon()
    known: dict[str, str] = {}
    for lemma, senses in lex.verbs.items():
        plain = next((s for s in senses if not s.objects and not s.particles and s.object_is_target), None)
        if plain is not None:
            known[lemma] = type_name(plain.type, plain.mode)
    for lemma, sense in lex.cameo_verbs.items():
        if sense.origin == "cameo" and lemma not in lex.verbs:
            known[lemma] = type_name(sense.type, sense.mode)
    return known


def type_name(event_type: str, mode: str | None) -> str:
    return f"{event_type}:{mode}" if event_type == "ACCUSE" and mode else event_type


def verb_hints(index: Path, data: dict[str, Synset], known: dict[str, str]) -> dict[str, list]:
    out: dict[str, list] = {}
    for lemma, offsets in read_index(index):
        if "_" in lemma or not offsets:
            continue
        first = data[offsets[0]]
        hint, depth, level = None, None, [first]
        for n in range(HYPERNYM_DEPTH + 1):
            seed = next((w for s in level for w in s.words if w in known and w != lemma), None)
            if seed is not None:
                hint, depth = known[seed], n
                break
            level = [data[h] for s in level for h in s.hypernyms]
        out[lemma] = [LEXNAMES[first.lexfile], hint, depth]
    return out


def noun_hints(index: Path, nouns: dict[str, Synset], verbs: dict[str, Synset],
               hints: dict[str, list]) -> dict[str, list]:
    out: dict[str, list] = {}
    for lemma, offsets in read_index(index):
        if "_" in lemma or not offsets:
            continue
        for offset in offsets[:FIRST_NOUN_SENSES]:
            synset = nouns[offset]
            if lemma not in synset.words:
                continue
            number = synset.words.index(lemma) + 1
            verb = next((verbs[target].words[word - 1] for source, pos, target, word in synset.derived
                         if pos == "v" and source == number), None)
            if verb is not None and verb in hints:
                out[lemma] = [LEXNAMES[nouns[offsets[0]].lexfile], verb, hints[verb][1]]
                break
    return out


def seed_acts(noun_index: dict[str, list[str]], verb_index: dict[str, list[str]], nouns: dict[str, Synset],
              verbs: dict[str, Synset], known: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Noun synset offset → (type, seed word) of the acts chronicle types (see `classes` above)."""
    acts = {n for n, name in enumerate(LEXNAMES) if name in ACT_FILES}
    seeds: dict[str, tuple[str, str]] = {}
    for lemma, sense in sorted(lexicon().nouns.items()):
        offsets = noun_index.get(lemma)
        if offsets and not (sense.requires or sense.compounds) and nouns[offsets[0]].lexfile in acts:
            seeds.setdefault(offsets[0], (type_name(sense.type, sense.mode), lemma))
    for lemma, hint in sorted(known.items()):
        offsets = verb_index.get(lemma)
        first = verbs[offsets[0]] if offsets else None
        if first is None or lemma not in first.words:
            continue
        number = first.words.index(lemma) + 1
        for source, pos, target, _word in first.derived:
            if pos == "n" and source == number and nouns[target].lexfile in acts:
                seeds.setdefault(target, (hint, lemma))
    return seeds


def class_hints(noun_index: dict[str, list[str]], nouns: dict[str, Synset], seeds: dict[str, tuple[str, str]],
                nhints: dict[str, list], vhints: dict[str, list]) -> dict[str, list]:
    """A noun's seed act through its hypernyms, else through the verb it derives from when that verb
    is a kind of a seed verb at most `CLASS_DEPTH` levels up ("approval" → approve, "plea")."""
    out: dict[str, list] = {}
    for lemma, (lexname, verb, hint) in nhints.items():
        if hint and vhints[verb][2] is not None and vhints[verb][2] <= CLASS_DEPTH:
            out[lemma] = [lexname, hint, vhints[verb][2], verb]
    for lemma, offsets in noun_index.items():
        if "_" in lemma or not offsets:
            continue
        level = [offsets[0]]
        for depth in range(CLASS_DEPTH + 1):
            seed = next((seeds[o] for o in level if o in seeds), None)
            if seed is not None:
                out[lemma] = [LEXNAMES[nouns[offsets[0]].lexfile], seed[0], depth, seed[1]]
                break
            level = [h for o in level for h in nouns[o].hypernyms]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path, default=DATA / "wordnet_events.tsv")
    args = parser.parse_args()
    verbs = read_data(args.wordnet / "data.verb")
    nouns = read_data(args.wordnet / "data.noun")
    vhints = verb_hints(args.wordnet / "index.verb", verbs, seeds())
    nhints = noun_hints(args.wordnet / "index.noun", nouns, verbs, vhints)
    known = seeds()
    noun_index = dict(read_index(args.wordnet / "index.noun"))
    acts = seed_acts(noun_index, dict(read_index(args.wordnet / "index.verb")), nouns, verbs, known)
    chints = class_hints(noun_index, nouns, acts, nhints, vhints)
    lines = [f"v\t{lemma}\t{lexname}\t{hint or ''}\t{'' if depth is None else depth}"
             for lemma, (lexname, hint, depth) in sorted(vhints.items())]
    lines += [f"n\t{lemma}\t{lexname}\t{verb}\t{hint or ''}" for lemma, (lexname, verb, hint) in sorted(nhints.items())]
    lines += [f"c\t{lemma}\t{lexname}\t{hint}\t{depth}\t{seed}"
              for lemma, (lexname, hint, depth, seed) in sorted(chints.items())]
    args.out.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(vhints)} verbs, {len(nhints)} nouns, {len(chints)} noun classes -> {args.out}")


if __name__ == "__main__":
    main()
