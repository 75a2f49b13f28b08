"""Build the places gazetteer (build/places/gazetteer.sqlite) from the installed packages.

Run by `make setup`; chronicle also builds it on first use when it is missing or stale.
Usage: python scripts/build_gazetteer.py [PATH]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from chronicle.extract.gazetteer import build, gazetteer_path


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else gazetteer_path()
    started = time.perf_counter()
    build(path)
    print(f"gazetteer: {path} ({path.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
