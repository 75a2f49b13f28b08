"""`chronicle eval petrarch --records FILE.xml --dictionaries DIR`: PETRARCH2's unit-test suite.

Each `<Sentence … sentence="true">` record is active. Its gold is the set of (source, target,
event code) triples of its `<EventCoding>` lines; a line with `noevents="True"` or an `error=…`
attribute (discarded, dateline, bad parse) means the record should code no event, so its gold is
the empty set. The record's `<Text>` is parsed with spaCy (the shipped Treebank `<Parse>` is not
used) and coded with the dictionaries, with the record's `date` selecting dated actor codes. A
record matches when the two sets are equal.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer


class RecordsError(ValueError):
    """The records file cannot be read (message names the file and the reason)."""


@dataclass(frozen=True)
class Record:
    id: str
    date: dt.date | None
    text: str
    expected: frozenset[tuple[str, str, str]]


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.datetime.strptime(value or "", "%Y%m%d").date()
    except ValueError:
        return None


def read_records(path: Path) -> list[Record]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise RecordsError(f"{path}: cannot read PETRARCH records XML: {exc}") from None
    records = []
    for sentence in root.iter("Sentence"):
        if sentence.get("sentence", "").lower() != "true":
            continue
        expected = frozenset(
            (c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
            for c in sentence.iter("EventCoding")
            if c.get("eventcode")
        )
        text = " ".join((sentence.findtext("Text") or "").split())
        records.append(Record(sentence.get("id", "?"), _date(sentence.get("date")), text, expected))
    if not records:
        raise RecordsError(f"{path}: no <Sentence sentence=\"true\"> records")
    return records


def evaluate(records: list[Record], dictionaries: Path, verbose: bool = False) -> dict:
    from chronicle.extract.petrarch import code_sentence, load_dictionaries
    from chronicle.nlp import load_pipeline

    dicts = load_dictionaries(dictionaries)
    nlp = load_pipeline()
    failures = []
    matched = 0
    for record, doc in zip(records, nlp.pipe(r.text for r in records), strict=True):
        got = {(e.source_code, e.target_code, e.cameo) for sent in doc.sents
               for e in code_sentence(sent, dicts, date=record.date)}
        if got == record.expected:
            matched += 1
            continue
        failure = {"id": record.id, "text": record.text, "expected": sorted(record.expected), "got": sorted(got)}
        failures.append(failure)
        if verbose:
            print(json.dumps(failure), file=sys.stderr)
    return {
        "exact_match": round(matched / len(records), 4),
        "records": len(records),
        "matched": matched,
        "dictionary_errors": len(dicts.errors),
        "failures": failures,
    }


def command(
    records: Annotated[Path, typer.Option(help="PETRARCH unit-test records XML (PETR.UnitTest.records.xml).")],
    dictionaries: Annotated[Path, typer.Option(help="Folder with the actor/agent/verb/discard dictionaries.")],
    limit: Annotated[int | None, typer.Option(help="Score only the first N active records.")] = None,
    verbose: Annotated[bool, typer.Option(help="Print each failure to stderr as it happens.")] = False,
) -> None:
    """Code PETRARCH2's validation records and print exact-match accuracy as JSON."""
    from chronicle.extract.petrarch import DictionaryError

    try:
        items = read_records(records)
        result = evaluate(items[:limit] if limit else items, dictionaries, verbose)
    except (RecordsError, DictionaryError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(json.dumps(result, indent=2))
