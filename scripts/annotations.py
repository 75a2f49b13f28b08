"""Pack real-news annotations into offsets-only files and unpack them against ../shared.

    .venv/bin/python scripts/annotations.py pack GOLD.jsonl ARTICLES.jsonl annotations/NAME.jsonl
    .venv/bin/python scripts/annotations.py unpack build/train/combined [--with-silver] [--shared ../shared]

The repo must hold no text copied from the corpora, so `annotations/*.jsonl` store every text field of
the real-news gold format (GUIDE.md) as character offsets into the article text, which `unpack` reads
from ../shared at use time (PolNeAR train files; GeoWebNews `<text>` elements). `pack` checks that an
article's text is the one ../shared gives for its id and fails, naming the record, when a snippet
is not in the text. `unpack` writes `articles.jsonl` and `gold.jsonl` in the silver format (and with
`--with-silver` first copies the 113 silver articles line for line), so the training scripts can
be pointed at the union. The format is described in annotations/README.md. Stdlib only; the
output depends only on the inputs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
POLNEAR_TRAIN = Path("eval/polnear/train/text")
GEOWEBNEWS = Path("eval/geoparsing/GeoWebNews.xml")
SILVER = Path("train/realnews-silver")
GWN_PREFIX = "gwn-"

# A span is [start, end] into the article text. An actor name or a speaker phrase that is not in the
# text (the guide allows "the clearest description": "Timothy's mother") is the annotator's own label,
# not corpus text, and is kept as a plain string; every other snippet must be found.
Span = list[int] | None
Name = list[int] | str | None


class PackError(ValueError):
    """A record that cannot be packed or unpacked; the message names it."""


class Corpus:
    """Article texts from ../shared, by annotation id (GeoWebNews parsed once, on first use)."""

    def __init__(self, shared: Path):
        self.shared = shared
        self._gwn: dict[str, str] | None = None

    def name(self, article_id: str) -> str:
        return "geowebnews" if article_id.startswith(GWN_PREFIX) else "polnear-train"

    def text(self, article_id: str) -> str:
        if article_id.startswith(GWN_PREFIX):
            if self._gwn is None:
                root = ET.parse(self.shared / GEOWEBNEWS).getroot()
                self._gwn = {a.get("file", ""): a.findtext("text") or "" for a in root.iter("article")}
            try:
                return self._gwn[article_id[len(GWN_PREFIX):]]
            except KeyError:
                raise PackError(f"{article_id}: no GeoWebNews article with that file number") from None
        path = self.shared / POLNEAR_TRAIN / f"{article_id}.txt"
        if not path.is_file():
            raise PackError(f"{article_id}: no PolNeAR train file {path}")
        return path.read_text(encoding="utf-8")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def occurrences(text: str, snippet: str, start: int) -> list[int]:
    hits, i = [], text.find(snippet, start)
    while i >= 0 and snippet:
        hits.append(i)
        i = text.find(snippet, i + 1)
    return hits


def locate(text: str, snippet: str | None, where: str, start: int = 0, nth: int = 0) -> Span:
    """Offsets of the nth occurrence of `snippet` from `start` on (else its first); PackError if absent."""
    if snippet is None:
        return None
    hits = occurrences(text, snippet, start) or occurrences(text, snippet, 0)
    if not hits:
        raise PackError(f"{where}: {snippet!r} is not in the article text")
    i = hits[nth] if nth < len(hits) else hits[0]
    return [i, i + len(snippet)]


def locate_name(text: str, name: str | None, where: str) -> Name:
    """A name's offsets if it is in the text, else the name itself (a label the annotator wrote)."""
    if name is None or occurrences(text, name, 0):
        return locate(text, name, where)
    return name


def cut(text: str, ref: Name) -> str | None:
    if ref is None or isinstance(ref, str):
        return ref
    a, b = ref
    return text[a:b]


def pack_record(gold: dict, text: str) -> dict:
    """One gold object -> its offsets-only form (see annotations/README.md)."""
    aid = gold["id"]
    index = {a["name"]: i for i, a in enumerate(gold["actors"])}

    def who(name: str | None, where: str) -> int | Name:
        return index[name] if name in index else locate_name(text, name, where)

    actors = [{"name": locate_name(text, a["name"], f"{aid} actor {i}"),
               "aliases": [locate(text, x, f"{aid} actor {i} alias") for x in a.get("aliases", [])],
               "type": a["type"], "country": a["country"], "sector": a["sector"]}
              for i, a in enumerate(gold["actors"])]
    quotes = [{"speaker": who(q["speaker"], f"{aid} quote {i} speaker"),
               "cue": locate(text, q["cue"], f"{aid} quote {i} cue"), "kind": q["kind"],
               "content": locate(text, q["content"], f"{aid} quote {i} content")}
              for i, q in enumerate(gold["quotes"])]
    events = []
    for i, e in enumerate(gold["events"]):
        where = f"{aid} event {i}"
        sentence = locate(text, e["sentence"], f"{where} sentence")
        at = sentence[0] if sentence else 0
        for side in ("source", "target"):
            if e[side] is not None and e[side] not in index:
                raise PackError(f"{where}: {side} {e[side]!r} is not an actor name")
        events.append({"sentence": sentence, "trigger": locate(text, e["trigger"], f"{where} trigger", at),
                       "type": e["type"], "source": index.get(e["source"]), "target": index.get(e["target"]),
                       "date": e["date"], "place": locate(text, e["place"], f"{where} place", at),
                       "status": e["status"]})
    seen: Counter = Counter()
    dates = []
    for i, d in enumerate(gold["dates"]):
        # the k-th listing of an expression is its k-th occurrence, as the scorer reads it
        dates.append({"text": locate(text, d["text"], f"{aid} date {i}", nth=seen[d["text"]]), "value": d["value"]})
        seen[d["text"]] += 1
    return {"id": aid, "date": gold["date"], "text_sha256": sha256(text),
            "actors": actors, "quotes": quotes, "events": events, "dates": dates}


def unpack_record(packed: dict, text: str) -> dict:
    """The inverse of `pack_record`: the gold object in the silver format."""
    if sha256(text) != packed["text_sha256"]:
        raise PackError(f"{packed['id']}: the article text in ../shared is not the annotated one")
    names = [cut(text, a["name"]) for a in packed["actors"]]

    def who(ref: int | Name) -> str | None:
        return names[ref] if isinstance(ref, int) else cut(text, ref)

    return {
        "id": packed["id"], "date": packed["date"],
        "actors": [{"name": names[i], "aliases": [cut(text, x) for x in a["aliases"]],
                    "type": a["type"], "country": a["country"], "sector": a["sector"]}
                   for i, a in enumerate(packed["actors"])],
        "quotes": [{"speaker": who(q["speaker"]), "cue": cut(text, q["cue"]), "kind": q["kind"],
                    "content": cut(text, q["content"])} for q in packed["quotes"]],
        "events": [{"sentence": cut(text, e["sentence"]), "trigger": cut(text, e["trigger"]), "type": e["type"],
                    "source": who(e["source"]), "target": who(e["target"]), "date": e["date"],
                    "place": cut(text, e["place"]), "status": e["status"]} for e in packed["events"]],
        "dates": [{"text": cut(text, d["text"]), "value": d["value"]} for d in packed["dates"]],
    }


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def dumps(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False)


def pack(gold_path: Path, articles_path: Path, out: Path, corpus: Corpus) -> int:
    articles = {a["id"]: a for a in read_jsonl(articles_path)}
    lines = []
    for g in read_jsonl(gold_path):
        art = articles.get(g["id"])
        if art is None:
            raise PackError(f"{g['id']}: not in {articles_path}")
        if art["text"] != corpus.text(g["id"]):
            raise PackError(f"{g['id']}: its text differs from the {corpus.name(g['id'])} text in ../shared")
        if art["date"] != g["date"]:
            raise PackError(f"{g['id']}: gold date {g['date']} is not the article's {art['date']}")
        packed = pack_record(g, art["text"])
        if unpack_record(packed, art["text"]) != g:
            raise PackError(f"{g['id']}: does not unpack to itself")
        lines.append(dumps(packed))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(f"{x}\n" for x in lines), encoding="utf-8")
    return len(lines)


def unpack(files: Iterable[Path], out_dir: Path, corpus: Corpus, with_silver: bool) -> int:
    articles, golds, ids = [], [], set()
    if with_silver:
        for name, sink in (("articles.jsonl", articles), ("gold.jsonl", golds)):
            sink.extend(x for x in (corpus.shared / SILVER / name).read_text(encoding="utf-8").splitlines() if x)
        ids = {json.loads(x)["id"] for x in articles}
    for path in files:
        for packed in read_jsonl(path):
            if packed["id"] in ids:
                raise PackError(f"{packed['id']}: annotated twice ({path})")
            ids.add(packed["id"])
            text = corpus.text(packed["id"])
            articles.append(dumps({"id": packed["id"], "date": packed["date"], "text": text}))
            golds.append(dumps(unpack_record(packed, text)))
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "articles.jsonl").write_text("".join(f"{x}\n" for x in articles), encoding="utf-8")
    (out_dir / "gold.jsonl").write_text("".join(f"{x}\n" for x in golds), encoding="utf-8")
    return len(articles)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data root (../shared)")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pack", help="gold + articles jsonl -> offsets-only annotations file")
    p.add_argument("gold", type=Path)
    p.add_argument("articles", type=Path)
    p.add_argument("out", type=Path)
    u = sub.add_parser("unpack", help="annotations/*.jsonl + ../shared -> articles.jsonl and gold.jsonl")
    u.add_argument("out_dir", type=Path)
    u.add_argument("files", type=Path, nargs="*", help="default: every annotations/*.jsonl")
    u.add_argument("--with-silver", action="store_true", help="also the 113 realnews-silver articles")
    args, rest = ap.parse_known_args(argv)
    # argparse leaves files given after `--with-silver` over; they are files all the same
    if args.command != "unpack" or any(x.startswith("-") for x in rest):
        args = ap.parse_args(argv)
    args.files = [*args.files, *map(Path, rest)] if args.command == "unpack" else None
    corpus = Corpus(args.shared)
    try:
        if args.command == "pack":
            n = pack(args.gold, args.articles, args.out, corpus)
            print(f"{n} articles -> {args.out}")
        else:
            files = args.files or sorted((ROOT / "annotations").glob("*.jsonl"))
            n = unpack(files, args.out_dir, corpus, args.with_silver)
            print(f"{n} articles -> {args.out_dir}")
    except PackError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
