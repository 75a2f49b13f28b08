"""Goldstein values and quad classes of CAMEO codes, for event groups.

Values come from `data/events/goldstein.tsv` (the published Goldstein 1992 weights per CAMEO code;
its header names the source); a code takes the value of its longest listed prefix. An event that
has a PLOVER type but no CAMEO code takes the CAMEO root its type is converted from
(`data/events/cameo_plover.yaml`). The quad class is GDELT's: roots 01-05 verbal cooperation (1),
06-08 material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "data" / "events"


@functools.cache
def goldstein_table() -> dict[str, float]:
    text = (DATA / "goldstein.tsv").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, value = line.split("\t")
            table[code] = float(value)
    return table


@functools.cache
def _type_roots() -> dict[str, str]:
    """PLOVER type → the lowest CAMEO root converted to it."""
    text = (DATA / "cameo_plover.yaml").read_text(encoding="utf-8")
    roots: dict[str, str] = {}
    for root, plover in sorted(yaml.safe_load(text)["roots"].items()):
        roots.setdefault(plover, str(root))
    return roots


def cameo_code(cameo: str | None, event_type: str) -> str | None:
    """The event's CAMEO code, or the root of its PLOVER type when it has none."""
    return cameo or _type_roots().get(event_type.upper())


def goldstein(code: str | None) -> float | None:
    if not code:
        return None
    table = goldstein_table()
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return None


def quad_class(code: str | None) -> int | None:
    if not code or not code[:2].isdigit():
        return None
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    return 4 if 14 <= root <= 20 else None
