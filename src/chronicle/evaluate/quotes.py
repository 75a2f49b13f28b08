"""`chronicle eval quotes --polnear DIR`: attribution accuracy on a PolNeAR-format corpus.

The corpus folder holds `text/<name>.txt` and `attributions/<name>_<annotator>.ann` (brat standoff:
`T` lines `Source|Cue|Content start end[;start end] text`, `E` lines joining them into an
Attribution). Where several annotators' files exist for an article, we score against ONE fixed
file per article: the first in sorted order. Texts are only passed through the length-preserving
`normalize_chars`, so gold offsets stay valid.

Metrics (printed as JSON): content precision/recall/F1, exact (identical trimmed spans) and partial
(overlap of at least half the longer span's characters); on partially matched pairs, source
accuracy (predicted source span overlaps the gold source span, or resolves to the actor a gold
source mention belongs to; over the pairs whose gold attribution has a source) and cue accuracy
(cue spans overlap; over the pairs whose gold attribution has a cue).

brat writes a span's text as is, so a span across a paragraph break continues on the next lines of
the .ann file; such continuation lines are accepted (only the offsets matter here). Any other line
that is not a brat annotation is an error naming the file and line.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer

_ANN_ID = re.compile(r"^(?:[TEARNM]\d+\t|#)")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$")


class AnnotationError(ValueError):
    """A malformed .ann file; the message names the file and line."""


@dataclass
class GoldAttribution:
    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None


@dataclass
class Scored:
    predicted: int = 0
    gold: int = 0
    exact: int = 0
    partial_pred: int = 0
    partial_gold: int = 0
    pairs: int = 0
    source_pairs: int = 0
    source_ok: int = 0
    cue_pairs: int = 0
    cue_ok: int = 0
    articles: int = 0
    per_article: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, object]:
        def prf(tp_pred: int, tp_gold: int) -> dict[str, float]:
            p = tp_pred / self.predicted if self.predicted else 0.0
            r = tp_gold / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

        return {
            "content": {"exact": prf(self.exact, self.exact), "partial": prf(self.partial_pred, self.partial_gold)},
            "source_accuracy": round(self.source_ok / self.source_pairs, 4) if self.source_pairs else 0.0,
            "cue_accuracy": round(self.cue_ok / self.cue_pairs, 4) if self.cue_pairs else 0.0,
            "counts": {
                "articles": self.articles,
                "gold": self.gold,
                "predicted": self.predicted,
                "exact_matches": self.exact,
                "partial_matches_predicted": self.partial_pred,
                "partial_matches_gold": self.partial_gold,
                "matched_pairs": self.pairs,
                "matched_pairs_with_gold_source": self.source_pairs,
                "matched_pairs_with_gold_cue": self.cue_pairs,
            },
        }


def read_ann(path: Path, text_length: int) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    pending = 0  # characters of the last T line's span text still to come (brat keeps its newlines)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not _ANN_ID.match(line):
            if pending > 0:
                pending -= len(line) + 1
                continue
            if not line.strip():
                continue
            raise AnnotationError(f"{path}:{number}: malformed line (not a brat annotation)")
        pending = 0
        if line.startswith("T"):
            match = _T_LINE.match(line)
            if not match:
                raise AnnotationError(f"{path}:{number}: malformed text-bound annotation")
            pieces = [tuple(int(x) for x in part.split()) for part in match.group(3).split(";")]
            start, end = min(p[0] for p in pieces), max(p[1] for p in pieces)
            if not 0 <= start <= end <= text_length:
                raise AnnotationError(f"{path}:{number}: offsets {start}-{end} outside the text ({text_length} chars)")
            spans[match.group(1)] = (match.group(2), (start, end))
            pending = sum(p[1] - p[0] for p in pieces) + len(pieces) - 1 - len(match.group(4))
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) < 2:
                raise AnnotationError(f"{path}:{number}: malformed event line")
            roles = {}
            for arg in parts[1].split()[1:]:
                if ":" not in arg:
                    raise AnnotationError(f"{path}:{number}: malformed event argument {arg!r}")
                role, ref = arg.split(":", 1)
                roles[re.sub(r"\d+$", "", role)] = ref
            events.append({"line": str(number), **roles})
    gold = []
    for event in events:
        if "Content" not in event:
            continue
        for role in ("Content", "Source", "Cue"):
            if role in event and event[role] not in spans:
                raise AnnotationError(f"{path}:{event['line']}: unknown annotation {event[role]}")
        gold.append(
            GoldAttribution(
                content=spans[event["Content"]][1],
                source=spans[event["Source"]][1] if "Source" in event else None,
                cue=spans[event["Cue"]][1] if "Cue" in event else None,
            )
        )
    return gold


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and (text[start].isspace() or text[start] in "\"'.,;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"'.,;:"):
        end -= 1
    return start, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def partial_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    longer = max(a[1] - a[0], b[1] - b[0])
    return longer > 0 and _overlap(a, b) >= longer / 2


@dataclass
class Prediction:
    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    speaker_id: str | None


def score_article(text: str, gold: list[GoldAttribution], predicted: list[Prediction],
                  actor_of: dict[tuple[int, int], str], scored: Scored) -> None:
    gold_spans = [_trim(text, g.content) for g in gold]
    pred_spans = [_trim(text, p.content) for p in predicted]
    scored.gold += len(gold)
    scored.predicted += len(predicted)
    scored.exact += len(set(gold_spans) & set(pred_spans))
    scored.partial_pred += sum(any(partial_match(p, g) for g in gold_spans) for p in pred_spans)
    scored.partial_gold += sum(any(partial_match(p, g) for p in pred_spans) for g in gold_spans)
    for g, gspan in zip(gold, gold_spans, strict=True):
        best = max(
            (p for p, pspan in zip(predicted, pred_spans, strict=True) if partial_match(pspan, gspan)),
            key=lambda p: _overlap(_trim(text, p.content), gspan),
            default=None,
        )
        if best is None:
            continue
        scored.pairs += 1
        if g.source is not None:
            # gold attributions without a source ("the move seemed to …") have no source to get right
            scored.source_pairs += 1
            gold_actor = next((a for span, a in actor_of.items() if _overlap(span, g.source)), None)
            same_span = best.source is not None and _overlap(best.source, g.source) > 0
            if same_span or (gold_actor is not None and gold_actor == best.speaker_id):
                scored.source_ok += 1
        if g.cue is not None:
            scored.cue_pairs += 1
            if best.cue is not None and _overlap(best.cue, g.cue):
                scored.cue_ok += 1


def chronicle_predictions(records) -> list[Prediction]:
    return [
        Prediction(
            content=(q.start, q.end),
            source=(q.source_start, q.source_end) if q.source_start is not None else None,
            cue=(q.cue_start, q.cue_end) if q.cue_start is not None else None,
            speaker_id=q.speaker_id,
        )
        for q in records.quotes
    ]


def textacy_predictions(doc) -> list[Prediction]:
    from textacy.extract.triples import direct_quotations

    out: list[Prediction] = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        # textacy refuses documents with an odd number of quotation marks: it predicts nothing there
        return out
    for speaker, cue, content in triples:
        out.append(
            Prediction(
                content=(content.start_char, content.end_char),
                source=(speaker[0].idx, speaker[-1].idx + len(speaker[-1])) if speaker else None,
                cue=(cue[0].idx, cue[-1].idx + len(cue[-1])) if cue else None,
                speaker_id=None,
            )
        )
    return out


def corpus_files(folder: Path, limit: int | None) -> list[tuple[Path, Path]]:
    texts = sorted((folder / "text").glob("*.txt"))
    if not texts:
        raise AnnotationError(f"{folder}: no text/*.txt files (expected a PolNeAR-format folder)")
    pairs = []
    for text in texts:
        anns = sorted((folder / "attributions").glob(f"{text.stem}_*.ann"))
        if anns:
            pairs.append((text, anns[0]))
    return pairs[:limit] if limit else pairs


def evaluate(folder: Path, *, baseline: str | None = None, limit: int | None = None) -> dict[str, object]:
    from chronicle.ingest.normalize import normalize_chars
    from chronicle.pipeline import Pipeline
    from chronicle.records import Article, article_id_for

    pairs = corpus_files(folder, limit)
    articles, golds = [], []
    for text_path, ann_path in pairs:
        text = normalize_chars(text_path.read_text(encoding="utf-8"))
        golds.append(read_ann(ann_path, len(text)))
        articles.append(Article(id=article_id_for(text), input=str(text_path), text=text))
    pipeline = Pipeline()
    ours, theirs = Scored(), Scored()
    docs = pipeline.nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=16)
    for (doc, article), gold in zip(docs, golds, strict=True):
        records = pipeline.apply_stages(doc, article)
        actor_of = {(m.start, m.end): m.actor_id for m in records.mentions}
        ours.articles += 1
        score_article(article.text, gold, chronicle_predictions(records), actor_of, ours)
        if baseline == "textacy":
            theirs.articles += 1
            score_article(article.text, gold, textacy_predictions(doc), {}, theirs)
    result = ours.metrics()
    result["gold_files"] = "one fixed .ann per article: the first in sorted order"
    if baseline == "textacy":
        result["baseline"] = {"name": "textacy.extract.triples.direct_quotations", **theirs.metrics()}
    return result


def command(
    polnear: Annotated[Path, typer.Option(help="PolNeAR-format folder with text/ and attributions/.")],
    baseline: Annotated[str | None, typer.Option(help="Also score a baseline: 'textacy'.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N articles.")] = None,
) -> None:
    """Score quote attribution on a PolNeAR-format corpus (JSON on stdout)."""
    if baseline not in (None, "textacy"):
        print(f"chronicle eval quotes: unknown baseline {baseline!r} (known: textacy)", file=sys.stderr)
        raise typer.Exit(2)
    if not polnear.is_dir():
        print(f"{polnear}: not a folder", file=sys.stderr)
        raise typer.Exit(2)
    try:
        result = evaluate(polnear, baseline=baseline, limit=limit)
    except AnnotationError as exc:
        print(str(exc), file=sys.stderr)
        raise typer.Exit(2) from None
    print(json.dumps(result, indent=2))
