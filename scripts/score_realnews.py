"""Score `chronicle extract` on the annotated real-news sets with their own scorer.

    .venv/bin/python scripts/score_realnews.py dev [--errors N] [-- EXTRACT-OPTIONS...]
    .venv/bin/python scripts/score_realnews.py silver --min-confidence 0

`dev` is ../shared/eval/realnews/dev (measurement only); `silver` is ../shared/train/realnews-silver,
the training annotations (its articles carry no url, so each is given `silver://<id>` for the scorer
to match on). Options after the set name go to `chronicle extract` (e.g. `--min-confidence 0`);
`--errors N` prints N error lines per kind on stderr. Prints the scorer's JSON.
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
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in SETS:
        print(__doc__, file=sys.stderr)
        return 2
    folder, rest = SETS[argv[0]], argv[1:]
    errors: list[str] = []
    if "--errors" in rest:
        at = rest.index("--errors")
        errors, rest = ["--errors", rest[at + 1]], rest[:at] + rest[at + 2 :]
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
        output = Path(tmp) / "output.jsonl"
        chronicle = Path(sys.executable).with_name("chronicle")
        with output.open("w", encoding="utf-8") as out:
            subprocess.run([str(chronicle), "extract", str(inputs), "--format", "jsonl", *rest], stdout=out,
                           check=False)
        scorer = SHARED / "eval" / "realnews" / "score.py"
        return subprocess.run([sys.executable, str(scorer), str(articles), str(folder / "gold.jsonl"),
                               str(output), *errors], check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
