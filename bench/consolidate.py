"""Cost of consolidation (stories, near-duplicates, entities, event groups) as the store grows.

    python bench/consolidate.py --corpus ../shared/eval/polnear/train/text --articles 10000 20000 [--json FILE]
    python bench/consolidate.py --corpus ../shared/eval/polnear/train/text --articles 10000 --shards

For each size a fresh store is filled with synthetic articles made from the corpus: each corpus text
seeds news events, each reported by one to four outlets within two days in lightly edited wording
(dropped and swapped sentences, a changed headline), one report in twenty being a verbatim wire
copy with a tag line; about 250 articles a day. Actors are the capitalised name sequences of the
text and each article reports three events among them, so no spaCy run is needed. Consolidation
then runs in a child process over that store (its wall time and peak RSS are what is reported), on
every core it is given. With --shards the articles are written as Parquet shards of 1,000 articles
(as `chronicle run --engine ray --out` writes them) and consolidated in place, through views over the
shards (`chronicle consolidate --shards`); the time then includes making the views. Timing lives here,
never in the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ARTICLES_PER_DAY = 250
EVENT_TYPES = ("CONSULT", "ACCUSE", "AGREE", "PROTEST", "COERCE", "SUPPORT")
_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b")


def edited(text: str, rng: random.Random) -> str:
    """The same report in another outlet's wording: some sentences dropped, two swapped."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    kept = [s for n, s in enumerate(sentences) if n < 2 or rng.random() > 0.15]
    if len(kept) > 4:
        i = rng.randrange(2, len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    return " ".join(kept)


def synthetic(corpus: list[str], n: int, seed: int = 7):
    from chronicle.records import Actor, Article, ArticleRecords, Event, article_id_for, child_id

    rng = random.Random(seed)
    start = dt.date(2030, 1, 1)
    made = 0
    while made < n:
        base = rng.choice(corpus)
        day = start + dt.timedelta(days=made // ARTICLES_PER_DAY)
        lines = base.strip().splitlines()
        title, body = lines[0], " ".join(lines[1:])
        names = list(dict.fromkeys(_NAME.findall(body)))[:8] or ["Unnamed Party"]
        for report in range(rng.randint(1, 4)):
            if made >= n:
                break
            copy = report > 0 and rng.random() < 0.05
            text_body = body + " (wire)" if copy else edited(body, rng)
            headline = title if copy or report == 0 else f"{title} — update {report}"
            text = f"{headline}\n\n{text_body}"
            aid = article_id_for(text)
            published = day + dt.timedelta(days=rng.randint(0, 1))
            article = Article(id=aid, input=f"synthetic/{made}.txt", title=headline, text=text,
                              source=f"outlet{rng.randrange(40)}", published=published,
                              word_count=len(text.split()))
            actors = [Actor(id=child_id(aid, "a", k), article_id=aid, name=name, kind="person", country="USA",
                            mention_count=1) for k, name in enumerate(names)]
            kind = zlib.crc32(title.encode())
            events = [Event(id=child_id(aid, "e", k), article_id=aid, event_type=EVENT_TYPES[(kind + k) % 6],
                            trigger_start=0, trigger_end=1, trigger="x", sentence_start=0, sentence_end=1,
                            sentence="x", source_id=actors[k % len(actors)].id,
                            target_id=actors[(k + 1) % len(actors)].id, date=day, date_granularity="day",
                            date_origin="expression") for k in range(3)]
            made += 1
            yield ArticleRecords(article=article, actors=actors, events=events)


def batches(corpus: list[str], n: int, size: int = 1000):
    batch = []
    for records in synthetic(corpus, n):
        batch.append(records)
        if len(batch) == size:
            yield batch
            batch = []
    yield batch


def fill(db: Path, corpus: list[str], n: int) -> None:
    from chronicle.store import Store

    with Store(db) as store:
        for batch in batches(corpus, n):
            store.write_many(batch)


def fill_shards(out: Path, corpus: list[str], n: int) -> None:
    from chronicle.distributed.shards import write_shard

    for k, batch in enumerate(batches(corpus, n)):
        write_shard(out, f"part-{k:05d}", batch)


def run_child(db: Path, shards: Path | None) -> dict:
    """Consolidate in this process (called as the child): time and peak RSS of consolidation alone."""
    from chronicle.distributed.views import attach_shards
    from chronicle.store import Store
    from chronicle.stories.consolidate import consolidate

    with Store(db) as store:
        started = time.perf_counter()
        if shards is not None:
            attach_shards(store.con, shards)
        result = consolidate(store.con)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(peak), **result.__dict__}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 20_000])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--shards", action="store_true", help="Consolidate Parquet shards in place.")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-shards", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child, args.child_shards)))
        return
    corpus = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for n in args.articles:
            db = Path(folder) / f"bench{n}.duckdb"
            shards = Path(folder) / f"shards{n}"
            started = time.perf_counter()
            if args.shards:
                fill_shards(shards, corpus, n)
            else:
                fill(db, corpus, n)
            filled = time.perf_counter() - started
            child = [sys.executable, __file__, "--child", str(db), *(["--child-shards", str(shards)] * args.shards)]
            out = subprocess.run(child, check=True, capture_output=True, text=True).stdout
            result = {"articles": n, "shards": args.shards, "fill_seconds": round(filled, 1),
                      **json.loads(out.splitlines()[-1])}
            print(json.dumps(result), flush=True)
            results.append(result)
            db.unlink()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
