"""`chronicle eval events --plover FILE.jsonl`: PLOVER event coding against gold-standard records.

Each gold record (one JSON object a line: `text`, `event`, `eventText`, `source`/`target` lists of
`{actorText, code, sector}`) is run through the pipeline as an article of its own. The predicted
event compared with the gold one is the best-matching of the record's events, chosen WITHOUT
looking at types: its trigger is one of the gold `eventText` words (2 points), its source and
target overlap the gold actors' text (1 point each) or carry their codes (½ point each); ties go
to the earlier event. Then:
- `event_type_accuracy`: that event's type, in PLOVER 0.5 names (`data/events/plover05.yaml`),
  equals the gold type; a record with no predicted event counts as wrong;
- `source_code_accuracy` / `target_code_accuracy`: over records whose gold side has a code, the
  predicted side's country-level code (country, or IGO/NGO for an organisation) is one of the gold
  codes (a few legacy CAMEO country codes of the gold set, such as JAP, are read as ISO);
- `sector_accuracy`: over gold sides with a sector, the predicted sector equals one of the gold
  sectors' first three letters ("REFtam" → REF);
- `confusion`: gold type → predicted type → count ("NONE": no event predicted).
A malformed gold line (not JSON, no `text` or `event`, a `source`/`target` that is not a list of actor
objects) is skipped with a one-line warning on stderr naming its line and id; the rest are scored.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

MISSING = "NONE"


class GoldError(ValueError):
    """The gold file cannot be read (message names the file and the reason)."""


def read_gold(path: Path, warn: Callable[[str], None] | None = None) -> list[dict[str, Any]]:
    """The well-formed records of a gold file. A malformed line (not JSON, a missing field, a side that
    is not a list of actor objects) is reported as one warning line naming it and skipped."""
    warn = warn or (lambda message: print(message, file=sys.stderr))
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from None
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            warn(f"warning: {path}:{number}: skipped: not JSON: {exc.msg}")
            continue
        problem = record_problem(record)
        if problem:
            name = record.get("id") if isinstance(record, dict) else None
            warn(f"warning: {path}:{number}: skipped record {name or '(no id)'}: {problem}")
            continue
        records.append(record)
    if not records:
        raise GoldError(f"{path}: no well-formed records")
    return records


def record_problem(record: Any) -> str | None:
    """Why a gold record cannot be scored, or None when it can."""
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("text"), str):
        return "a PLOVER record needs 'text' (a string)"
    if not isinstance(record.get("event"), str):
        return "a PLOVER record needs 'event' (a string)"
    if record.get("eventText") is not None and not isinstance(record["eventText"], str):
        return "'eventText' must be a string"
    for side in ("source", "target"):
        value = record.get(side)
        if value is None or value == "":
            continue  # no actor on that side (the gold standard writes both)
        if not isinstance(value, list) or not all(isinstance(actor, dict) for actor in value):
            return f"'{side}' must be a list of {{actorText, code, sector}} objects, not {type(value).__name__}"
        for actor in value:
            for field in ("actorText", "code", "sector"):
                if actor.get(field) is not None and not isinstance(actor[field], str):
                    return f"'{side}.{field}' must be a string"
    return None


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if len(w) > 2}


def _stem(word: str) -> str:
    return word[:5]


def gold_code(code: str | None, aliases: dict[str, str]) -> str | None:
    if not code:
        return None
    code = code.strip().upper()[:3]
    return aliases.get(code, code)


def predicted_code(code: str | None, org_sectors: dict[str, str]) -> str | None:
    """Country-level code of a predicted actor code: "POL MIL" → POL, "EU IGO" → IGO, "REF" → None."""
    from chronicle.extract.codes import country_codes

    if not code:
        return None
    head = code.split()[0]
    if head in {"IGO", "NGO"}:
        return head  # an organisation the lexicon does not name
    return org_sectors.get(head) or (head if head in country_codes() else None)


def predicted_sector(code: str | None) -> str | None:
    from chronicle.extract.codes import sector_codes

    return next((part for part in (code or "").split() if part in sector_codes()), None)


def _side_score(text: str | None, code: str | None, gold: list[dict[str, Any]], aliases, org_sectors) -> float:
    if not gold or text is None:
        return 0.0
    words = _words(text)
    score = 1.0 if any(words & _words(g.get("actorText")) for g in gold) else 0.0
    codes = {gold_code(g.get("code"), aliases) for g in gold}
    return score + (0.5 if predicted_code(code, org_sectors) in codes else 0.0)


def best_event(events: list[Any], record: dict[str, Any], aliases, org_sectors) -> Any | None:
    trigger_words = {_stem(w) for w in _words(record.get("eventText"))}

    def score(item: tuple[int, Any]) -> tuple[float, int]:
        n, event = item
        points = 2.0 if _stem(event.trigger.lower()) in trigger_words else 0.0
        points += _side_score(event.source, event.source_code, record.get("source") or [], aliases, org_sectors)
        points += _side_score(event.target, event.target_code, record.get("target") or [], aliases, org_sectors)
        return points, -n

    return max(enumerate(events), key=score)[1] if events else None


@dataclass(frozen=True)
class Outcome:
    """One gold record scored: the predicted PLOVER 0.5 type, each side's code and sector checks (None
    where the gold side has none), and the lemma of the compared event's trigger."""

    record: dict[str, Any]
    predicted: str
    sides: dict[str, bool | None]
    lemma: str | None
    event: Any | None


def _outcomes(pipeline: Any, path: Path, gold: list[dict[str, Any]]) -> list[Outcome]:
    from chronicle.extract.codes import countries
    from chronicle.extract.event_patterns import plover05_aliases, plover05_type
    from chronicle.records import Actor, Article, article_id_for

    aliases = plover05_aliases()
    org_sectors = {code: sector for code, sector in countries().organisations.values()}
    articles = [Article(id=article_id_for(r["text"]), input=f"{path}#{n}", text=r["text"])
                for n, r in enumerate(gold, start=1)]
    outcomes = []
    docs = pipeline.nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=32)
    for (doc, article), record in zip(docs, gold, strict=True):
        records = pipeline.apply_stages(doc, article)
        actors: dict[str, Actor] = {a.id: a for a in records.actors}
        event = best_event(records.events, record, aliases, org_sectors)
        predicted, lemma = MISSING, None
        if event is not None:
            source = actors.get(event.source_id or "")
            sector, country = (source.sector, source.country) if source else (None, None)
            if source is None:
                sector, country = predicted_sector(event.source_code), predicted_code(event.source_code, org_sectors)
            predicted = plover05_type(event.event_type, event.mode, source_sector=sector, source_country=country,
                                      negated=event.negated, hypothetical=event.hypothetical, future=event.future)
            span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
            lemma = span.root.lemma_.lower() if span is not None else None
        sides: dict[str, bool | None] = {}
        for side in ("source", "target"):
            gold_side = record.get(side) or []
            codes = {gold_code(g.get("code"), aliases) for g in gold_side} - {None}
            sectors = {str(g["sector"])[:3].upper() for g in gold_side if g.get("sector") and "*" not in g["sector"]}
            code = getattr(event, f"{side}_code") if event is not None else None
            sides[side] = predicted_code(code, org_sectors) in codes if codes else None
            sides[f"{side}_sector"] = predicted_sector(code) in sectors if sectors else None
        outcomes.append(Outcome(record, predicted, sides, lemma, event))
    return outcomes


def _accuracies(outcomes: list[Outcome]) -> dict[str, float]:
    def share(values: list[bool]) -> float:
        return round(sum(values) / len(values), 4) if values else 0.0

    sectors = [o.sides[k] for o in outcomes for k in ("source_sector", "target_sector") if o.sides[k] is not None]
    return {
        "event_type_accuracy": share([o.predicted == o.record["event"] for o in outcomes]),
        "source_code_accuracy": share([o.sides["source"] for o in outcomes if o.sides["source"] is not None]),
        "target_code_accuracy": share([o.sides["target"] for o in outcomes if o.sides["target"] is not None]),
        "sector_accuracy": share([bool(v) for v in sectors]),
    }


def leave_one_out(pipeline: Any, path: Path, outcomes: list[Outcome]) -> tuple[list[Outcome], int]:
    """Each record scored as if the lexicon had not been written for it: a lexicon.yaml entry whose
    lemma triggers the compared event of exactly one record is left out when coding that record."""
    from chronicle.extract.event_patterns import leaving_out, lexicon

    lex = lexicon()
    counts = Counter(o.lemma for o in outcomes if o.lemma)
    own = {n for n, o in enumerate(outcomes)
           if o.lemma and counts[o.lemma] == 1 and (o.lemma in lex.verbs or o.lemma in lex.nouns)}
    replaced = {}
    for n in sorted(own):
        # one record at a time, without its own entry only: leaving every such lemma out at once would
        # also take from a record the entries of its neighbours ("meeting" losing "meet")
        with leaving_out({outcomes[n].lemma}):
            [replaced[n]] = _outcomes(pipeline, path, [outcomes[n].record])
    return [replaced.get(n, o) for n, o in enumerate(outcomes)], len(own)


def evaluate(path: Path, limit: int | None = None, failures: int = 0, dictionaries: Path | None = None,
             loo: bool = False) -> dict[str, Any]:
    from chronicle.pipeline import Pipeline, PipelineConfig

    gold = read_gold(path)[:limit]
    pipeline = Pipeline(PipelineConfig(stages=("actors", "places", "dates", "quotes", "events"),
                                       dictionaries=dictionaries))
    outcomes = _outcomes(pipeline, path, gold)
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        confusion[o.record["event"]][o.predicted] += 1
    result: dict[str, Any] = {
        **_accuracies(outcomes),
        "confusion": {g: dict(sorted(p.items())) for g, p in sorted(confusion.items())},
        "counts": {"records": len(outcomes),
                   "typed_right": sum(o.predicted == o.record["event"] for o in outcomes),
                   "with_source_code": sum(o.sides["source"] is not None for o in outcomes),
                   "with_target_code": sum(o.sides["target"] is not None for o in outcomes),
                   "with_sector": sum(o.sides[k] is not None for o in outcomes for k in ("source_sector",
                                                                                          "target_sector")),
                   "no_event": sum(c[MISSING] for c in confusion.values())},
    }
    if loo:
        redone, left_out = leave_one_out(pipeline, path, outcomes)
        result["leave_one_out"] = {**_accuracies(redone), "records_recoded": left_out}
    if failures:
        result["failures"] = [
            {"id": o.record.get("id"), "gold": o.record["event"], "predicted": o.predicted,
             "trigger": o.event.trigger if o.event else None, "eventText": o.record.get("eventText"),
             "source": o.event.source_code if o.event else None,
             "target": o.event.target_code if o.event else None, "text": o.record["text"][:160]}
            for o in outcomes if o.predicted != o.record["event"]][:failures]
    return result


def command(
    plover: Annotated[Path, typer.Option(help="PLOVER gold-standard records, one JSON object a line.")],
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N records.")] = None,
    failures: Annotated[int, typer.Option(min=0, help="List up to N mistyped records.")] = 0,
    dictionaries: Annotated[Path | None, typer.Option(
        help="Also code with these PETRARCH/TABARI dictionaries (as `--dictionaries` in extraction).")] = None,
    leave_one_out: Annotated[bool, typer.Option(
        "--leave-one-out", help="Also score each record without the lexicon entries only it uses.")] = False,
) -> None:
    """Score PLOVER event coding: type, source/target country codes, sectors (JSON on stdout)."""
    from chronicle.extract.petrarch import DictionaryError

    try:
        result = evaluate(plover, limit, failures, dictionaries, leave_one_out)
    except (GoldError, DictionaryError) as exc:
        print(str(exc), file=sys.stderr)
        raise typer.Exit(2) from None
    print(json.dumps(result, indent=2, ensure_ascii=False))
