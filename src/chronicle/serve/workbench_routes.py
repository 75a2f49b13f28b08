"""HTTP endpoints of the web workbench (`/workbench/...`): every view of the page over one filter.

The query parameters are the page's URL parameters, so a shared link and the API calls behind it
agree. Queries live in `chronicle.workbench`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from chronicle.serve.notfound import found_or_404
from chronicle.workbench import Filter, Queryable, Workbench

Text = Annotated[str | None, Query(max_length=500)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
EXPORT_ROWS = 1_000_000


def page_filter(q: Text = None, entity: Text = None, type: Text = None,
                quad: Annotated[int | None, Query(ge=1, le=4)] = None, place: Text = None, source: Text = None,
                start: Annotated[dt.date | None, Query(alias="from")] = None,
                end: Annotated[dt.date | None, Query(alias="to")] = None, story: Text = None,
                min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None) -> Filter:
    return Filter(q=q, entity=entity, type=type, quad=quad, place=place, source=source, start=start, end=end,
                  story=story, min_confidence=min_confidence)


PageFilter = Annotated[Filter, Depends(page_filter)]


def _text(value: Any) -> str:
    return "" if value is None else value.isoformat() if isinstance(value, dt.date) else str(value)


def _csv(items: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    if items:
        writer = csv.DictWriter(out, fieldnames=list(items[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _text(v) for k, v in row.items()} for row in items)
    return out.getvalue()


def _jsonl(items: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(row, default=_text, ensure_ascii=False) + "\n" for row in items)


def _parquet(items: list[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(items), out)
    return out.getvalue()


MEDIA = {"csv": "text/csv", "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}
WRITERS = {"csv": _csv, "jsonl": _jsonl, "parquet": _parquet}


def workbench_router(db: Queryable) -> APIRouter:
    bench = Workbench(db)
    router = APIRouter(prefix="/workbench", tags=["workbench"])

    @router.get("/events")
    def events(f: PageFilter, unique: bool = False, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Reports matching the filter, or with `unique=true` the event groups they belong to."""
        return bench.groups(f, limit, offset) if unique else bench.reports(f, limit, offset)

    @router.get("/stories")
    def stories(f: PageFilter, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Stories with a report matching the filter, each with its articles."""
        return bench.stories(f, limit, offset)

    @router.get("/series")
    def series(f: PageFilter, unit: Literal["auto", "month", "year"] = "auto") -> list[dict[str, Any]]:
        """Reports and event groups per month or year; year-dated events always in year-long bins."""
        return bench.series(f, unit)

    @router.get("/map")
    def map_points(f: PageFilter) -> list[dict[str, Any]]:
        return bench.map_points(f)

    @router.get("/network")
    def network(f: PageFilter, min_weight: Annotated[int, Query(ge=1, le=10_000)] = 1) -> dict[str, Any]:
        return bench.network(f, min_weight)

    @router.get("/facets")
    def facets() -> dict[str, Any]:
        return bench.facets()

    @router.get("/quotes")
    def quotes(f: PageFilter, speaker: Text = None, words: Text = None, limit: Limit = 50,
               offset: Offset = 0) -> dict[str, Any]:
        """Quotes by speaker and words, from the articles behind the page filter (all articles when it is empty)."""
        return bench.quotes(speaker=speaker, q=words, min_confidence=f.min_confidence, limit=limit, offset=offset,
                            within=f)

    @router.get("/entity/{key:path}")
    def entity(key: str) -> dict[str, Any]:
        return found_or_404(bench.entity(key), "entity", key)

    @router.get("/export")
    def export(f: PageFilter, format: Literal["csv", "jsonl", "parquet"] = "csv", unique: bool = False) -> Response:
        """Every row matching the filter (reports, or event groups with `unique=true`) as a download."""
        rows = (bench.groups if unique else bench.reports)(f, EXPORT_ROWS, 0)["items"]
        name = f"chronicle-{'event-groups' if unique else 'events'}.{format}"
        return Response(WRITERS[format](rows), media_type=MEDIA[format],
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    return router
