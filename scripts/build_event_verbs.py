"""Build `src/chronicle/data/events/cameo_verbs.yaml` from the Phoenix CAMEO 2.0 verb dictionary.

    .venv/bin/python scripts/build_event_verbs.py --cameo ../shared/dictionaries/phoenix/CAMEO.2.0.txt

The Phoenix/PETRARCH verb dictionary (MIT, Open Event Data Alliance) lists verbs in synonym blocks
under a CAMEO code: `---  DENOUNCE   [111]  ---` followed by one verb a line (`CRITICIZE`, `FLOG {FLOGS
FLOGGING FLOGGED } [180]` with its irregular forms and, optionally, a code of its own), then object
patterns (`- * SANCTIONS [163]`). This script keeps the single-word verbs whose code (their own, else
the block's) maps to a PLOVER type through `cameo_plover.yaml`, and writes them as lemma → [type, mode,
CAMEO code] in two tables: `verbs`, under the CAMEO roots of verbal interaction (`VERBAL_ROOTS`: praise
and support, demands, disapproval, rejection, threats: the verb alone says the act), and `material`
(meet, aid, arrest, attack …), whose bare verbs ("go", "take", "lead") are often no event because the
dictionary codes those acts by object patterns: the events stage marks them apart (`origin`) so that the
confidence model weighs them on their own. Verbs that lexicon.yaml lists as reporting, intention or
light verbs are left out. The events stage uses them for verbs its own lexicon does not list; multi-word
phrases (`+LASH_OUT`) and the object patterns are left out. Deterministic: same input, same file.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

import yaml

from chronicle.extract.event_patterns import DATA, cameo_to_plover, lexicon

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
VERB = re.compile(r"^([A-Z][A-Z'-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?")
VERBAL_ROOTS = ("05", "10", "11", "12", "13")
HEADER = """# Verb lemma → [PLOVER type, mode, CAMEO code], built by scripts/build_event_verbs.py from the
# Phoenix CAMEO 2.0 verb dictionary (MIT licence, Open Event Data Alliance). Do not edit by hand:
# re-run the script. Used for verbs that lexicon.yaml does not list; `verbs`: verbal roots 05, 10-13;
# `material`: the other roots.
"""


def read_verbs(path: Path) -> dict[str, tuple[str, str | None, str]]:
    lex = lexicon()
    function_verbs = lex.reporting_verbs | lex.intent_verbs | lex.light_verbs | lex.deontic
    verbs: dict[str, tuple[str, str | None, str]] = {}
    block_code: str | None = None
    started = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            started = True
            continue
        if not started or not line.strip():
            continue
        header = BLOCK.match(line)
        if header:
            code = header.group(2).strip()
            block_code = None if code.startswith("-") else code
            continue
        if line.startswith(("-", "+", "&", " ")):
            continue  # object patterns, multi-word phrases, synsets
        match = VERB.match(line)
        if match is None:
            continue
        code = (match.group(4) or block_code or "").split(":")[0].strip()
        if not code[:2].isdigit():
            continue
        plover = cameo_to_plover(code)
        lemma = match.group(1).lower()
        if plover is None or lemma in verbs or lemma in function_verbs:
            continue
        verbs[lemma] = (plover[0], plover[1], code)
    return verbs


PATTERN = re.compile(r"^-\s+\*\s+(&?[A-Z][A-Z'_-]*)\s*\[([^\]]*)\]\s*(?:#\s*(\S+))?")
SYNSET = re.compile(r"^&([A-Z][A-Z_]*)\s*$")


def read_synsets(path: Path) -> dict[str, list[str]]:
    """The dictionary's word classes (`&TREATY`: treaty, pact, accord …), single words only."""
    synsets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if "VERB PATTERNS" in raw:
            break
        line = raw.split("#", 1)[0].strip()
        head = SYNSET.match(line)
        if head:
            current = synsets.setdefault(head.group(1), [])
        elif current is not None and line.startswith("+") and "_" not in line:
            current.append(line[1:].strip().lower())
        elif not line:
            current = None
    return synsets


def read_patterns(path: Path) -> dict[str, dict[str, list[Any]]]:
    """Verb lemma → object word → [type, mode, CAMEO code], from the object patterns of the simplest form
    `- * OBJECT [code]  # VERB` ("lift sanctions" → 085, ease sanctions): the object right after the
    verb and nothing else (a pattern with a preposition or a second word says more than its object),
    for the verb the pattern names (else every single-word verb of its block); `&CLASS` objects stand
    for each word of the class. The first pattern of a verb and object wins. Reporting, intention, light
    and modal verbs are left out, as in `read_verbs`: the event is their object's."""
    lex = lexicon()
    function_verbs = lex.reporting_verbs | lex.intent_verbs | lex.light_verbs | lex.deontic
    synsets = read_synsets(path)
    patterns: dict[str, dict[str, list[Any]]] = {}
    block: list[str] = []
    started = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if "VERB PATTERNS" in raw:
            started = True
            continue
        line = raw.rstrip()
        if not started or not line.strip():
            continue
        if BLOCK.match(line):
            block = []
            continue
        match = VERB.match(line)
        if match is not None and not line.startswith(("-", "+", "&")):
            block.append(match.group(1).lower())
            continue
        pattern = PATTERN.match(line)
        if pattern is None:
            continue
        word, code, named = pattern.group(1), pattern.group(2).split(":")[0].strip(), pattern.group(3)
        plover = cameo_to_plover(code) if code[:2].isdigit() else None
        if plover is None:
            continue
        objects = synsets.get(word[1:], []) if word.startswith("&") else [word.lower()]
        owners = [named.lower()] if named and "_" not in named else block
        for verb in (v for v in owners if v not in function_verbs):
            for obj in objects:
                patterns.setdefault(verb, {}).setdefault(obj, [plover[0], plover[1], code])
    return {verb: dict(sorted(objs.items())) for verb, objs in sorted(patterns.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cameo", type=Path, required=True, help="Phoenix CAMEO.2.0.txt verb dictionary")
    parser.add_argument("--out", type=Path, default=DATA / "cameo_verbs.yaml")
    args = parser.parse_args()
    verbs = read_verbs(args.cameo)
    verbal = {lemma: list(v) for lemma, v in sorted(verbs.items()) if v[2].startswith(VERBAL_ROOTS)}
    material = {lemma: list(v) for lemma, v in sorted(verbs.items()) if lemma not in verbal}
    body = {"version": 3, "verbs": verbal, "material": material, "objects": read_patterns(args.cameo)}
    dumped = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)
    args.out.write_text(HEADER + dumped, encoding="utf-8")
    print(f"{len(verbs)} verbs -> {args.out}")


if __name__ == "__main__":
    main()
