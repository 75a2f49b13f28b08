"""Calibrate the dates stage's confidences (`src/chronicle/data/dates/confidence.json`).

    .venv/bin/python scripts/calibrate_dates.py --silver build/train/combined

Fits on the real-news training annotations only (the silver set, or the combined training set of
silver and annotations/; never the realnews dev gold). Every article
is parsed with chronicle's pipeline and its dates found by `chronicle.extract.dates.find_dates`;
each found date is right when it matches a gold date the way the real-news scorer counts it (span
overlap, one to one, else the same expression listed once; value cut to the found granularity
equals the gold value). A date's confidence is the smoothed share right of its rule key
(`family/direction`, e.g. `weekday/past`), backed off to its family when the key was seen fewer
than MIN_SEEN times: (right + 1) / (seen + 2). The script also prints a 5-fold cross-validated
reliability table (folds over articles, fixed order) for docs/dates.md. Deterministic: same data,
same file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from pathlib import Path

from chronicle.extract.dates import DATA, Found, find_dates
from chronicle.ingest.normalize import normalize_chars
from chronicle.nlp import load_pipeline

MIN_SEEN = 8
FOLDS = 5
BANDS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)]


def _key(text: str) -> str:
    s = " ".join(text.lower().replace("'s ", " ").split()).strip(" ,.;:")
    for article in ("the ", "a ", "an "):
        s = s.removeprefix(article)
    return s


def _gold_spans(text: str, gold: list[dict]) -> list[tuple[int, int]]:
    """Each gold date at its k-th occurrence in the text (the scorer's rule)."""
    seen: Counter = Counter()
    spans = []
    for d in gold:
        needle = normalize_chars(d["text"])
        occ, i = [], text.find(needle)
        while i >= 0:
            occ.append(i)
            i = text.find(needle, i + 1)
        k = seen[d["text"]]
        seen[d["text"]] += 1
        p = occ[k] if k < len(occ) else (occ[-1] if occ else -10)
        spans.append((p, p + len(d["text"])) if p >= 0 else (-10, -9))
    return spans


def _right(found: list[Found], text: str, gold: list[dict]) -> list[bool]:
    """Whether each found date is right by the scorer's matching."""
    spans = _gold_spans(text, gold)
    pairs = sorted(((min(f.end, g[1]) - max(f.start, g[0]), i, j) for i, f in enumerate(found)
                    for j, g in enumerate(spans)), reverse=True)
    match: dict[int, int] = {}
    for ov, i, j in pairs:
        if ov > 0 and i not in match and j not in match.values():
            match[i] = j
    by_text = {_key(d["text"]): d for d in gold}
    out = []
    for i, f in enumerate(found):
        g = gold[match[i]] if i in match else by_text.get(_key(text[f.start:f.end]))
        cut = {"day": 10, "month": 7, "year": 4}[f.granularity]
        out.append(g is not None and f.value.isoformat()[:cut] == g["value"])
    return out


def fit(rows: list[tuple[Found, bool]]) -> dict[str, float]:
    seen, right = Counter(), Counter()
    for f, ok in rows:
        for k in (f.key, f.family, "default"):
            seen[k] += 1
            right[k] += ok
    return {k: round((right[k] + 1) / (seen[k] + 2), 3) for k in sorted(seen)
            if seen[k] >= MIN_SEEN or k == "default" or "/" not in k}


def apply(table: dict[str, float], f: Found) -> float:
    return table.get(f.key, table.get(f.family, table["default"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--silver", type=Path, default=Path("../shared/train/realnews-silver"))
    args = ap.parse_args()
    articles = [json.loads(line) for line in (args.silver / "articles.jsonl").open(encoding="utf-8")]
    gold = {g["id"]: g["dates"] for g in map(json.loads, (args.silver / "gold.jsonl").open(encoding="utf-8"))}
    nlp = load_pipeline()
    per_article = []
    for art in articles:
        text = normalize_chars(art["text"])
        found = find_dates(nlp(text), dt.date.fromisoformat(art["date"]))
        per_article.append(list(zip(found, _right(found, text, gold[art["id"]]), strict=True)))
    table = fit([row for rows in per_article for row in rows])
    (DATA / "confidence.json").write_text(json.dumps(
        {"version": 1, "fitted_on": f"{args.silver.name} ({len(articles)} articles)",
         "smoothing": "(right + 1) / (seen + 2)", "min_seen": MIN_SEEN, "rules": table}, indent=1) + "\n",
        encoding="utf-8")
    # 5-fold CV reliability: confidences fitted without the article's fold
    cv = []
    for k in range(FOLDS):
        train = [row for i, rows in enumerate(per_article) if i % FOLDS != k for row in rows]
        held = [row for i, rows in enumerate(per_article) if i % FOLDS == k for row in rows]
        t = fit(train)
        cv.extend((apply(t, f), ok) for f, ok in held)
    print("| confidence | dates | share right (silver 5-fold CV) |\n|---|---|---|")
    for lo, hi in BANDS:
        band = [ok for c, ok in cv if lo <= c < hi]
        if band:
            print(f"| {lo:.2f}–{min(hi, 1.0):.2f} | {len(band)} | {sum(band) / len(band):.3f} |")
    for floor in (0.5, 0.7, 0.8, 0.9):
        kept = [ok for c, ok in cv if c >= floor]
        print(f"at >= {floor}: {len(kept)} kept, precision {sum(kept) / max(1, len(kept)):.3f}")


if __name__ == "__main__":
    main()
