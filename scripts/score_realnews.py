"""Score `chronicle extract` on the annotated real-news sets with their own scorer.

    .venv/bin/python scripts/score_realnews.py dev [--errors N] [-- EXTRACT-OPTIONS...]
    .venv/bin/python scripts/score_realnews.py silver --min-confidence 0
    .venv/bin/python scripts/score_realnews.py combined --keep /tmp/out.jsonl

`dev` is ../shared/eval/realnews/dev (measurement only); `silver` is ../shared/train/realnews-silver,
the training annotations (its articles carry no url, so each is given `silver://<id>` for the scorer
to match on); `combined` is build/train/combined, the 739 training articles that
`scripts/annotations.py unpack --with-silver build/train/combined` writes; any other argument is read as
a folder in the same format (articles.jsonl, gold.jsonl). Options after the set name go to
`chronicle extract` (e.g. `--min-confidence 0`); `--errors N` prints N error lines per kind on stderr;
`--keep FILE` keeps chronicle's output there. Prints the scorer's JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "dev": SHARED / "eval" / "realnews" / "dev",
    "silver": SHARED / "train" / "realnews-silver",
    "combined": ROOT / "build" / "train" / "combined",
}


def _option(rest: list[str], name: str) -> tuple[str | None, list[str]]:
    """The value of `name VALUE` in `rest`, and `rest` without the pair."""
    if name not in rest:
        return None, rest
    at = rest.index(name)
    return rest[at + 1], rest[:at] + rest[at + 2 :]


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    folder = SETS.get(argv[0]) or Path(argv[0])
    if not (folder / "gold.jsonl").is_file():
        print(f"score_realnews: {argv[0]}: no {folder / 'gold.jsonl'} (sets: {', '.join(SETS)}, or a folder "
              "with articles.jsonl and gold.jsonl)", file=sys.stderr)
        return 2
    errors_per_kind, rest = _option(argv[1:], "--errors")
    errors = ["--errors", errors_per_kind] if errors_per_kind else []
    keep, rest = _option(rest, "--keep")
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles.jsonl"
        inputs = Path(tmp) / "input.jsonl"
        with articles.open("w", encoding="utf-8") as a, inputs.open("w", encoding="utf-8") as i:
            for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                article = json.loads(line)
                article.setdefault("url", f"silver://{article['id']}")
                a.write(json.dumps(article) + "\n")
                i.write(json.dumps({k: article[k] for k in ("url", "date", "text") if k in article}) + "\n")
        output = Path(keep) if keep else Path(tmp) / "output.jsonl"
        chronicle = Path(sys.executable).with_name("chronicle")
        with output.open("w", encoding="utf-8") as out:
            subprocess.run([str(chronicle), "extract", str(inputs), "--format", "jsonl", *rest], stdout=out,
                           check=False)
        scorer = SHARED / "eval" / "realnews" / "score.py"
        return subprocess.run([sys.executable, str(scorer), str(articles), str(folder / "gold.jsonl"),
                               str(output), *errors], check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
