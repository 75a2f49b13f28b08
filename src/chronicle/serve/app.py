"""The HTTP API and web page over a chronicle database (FastAPI).

Queries go through `chronicle.api.Database` (read-only connection, parameterised SQL). The store
is read through once at start, so a damaged file is refused before serving; a store error later
answers 503 naming the file. `POST /extract` has limits (docs/api.md "Limits"): a body over
`max_body` bytes or an article over the pipeline's `MAX_ARTICLE_CHARS` is 413, a document with no
article is 422, and extraction still running after `extract_seconds` (or waiting behind
`EXTRACT_QUEUE` others) is 503. The API docs pages use the vendored Swagger UI and ReDoc.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, model_validator

from chronicle.api import Database, extract
from chronicle.ingest.articles import IngestError
from chronicle.pipeline import ArticleTooLong, TimeLimitExceeded
from chronicle.serve.notfound import found_or_404
from chronicle.serve.workbench_routes import workbench_router
from chronicle.store import StoreError

STATIC = Path(__file__).parent / "static"
VENDOR = "/static/vendor"
MAX_BODY = 2 * 1024 * 1024
EXTRACT_SECONDS = 30.0
"""How long `POST /extract` waits for one extraction before answering 503."""
EXTRACT_QUEUE = 4
"""Extractions that may wait for the (single) extraction thread; more are turned away with 503."""

Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Text = Annotated[str | None, Query(max_length=500)]
MinConfidence = Annotated[
    float | None,
    Query(ge=0.0, le=1.0, description="keep records at or above this confidence; 0 keeps all (default: "
          "each kind's documented threshold)"),
]


class ExtractRequest(BaseModel):
    text: str | None = None
    html: str | None = None
    date: dt.date | None = None
    url: str | None = None
    title: str | None = None
    min_confidence: float | None = Field(None, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def one_document(self) -> ExtractRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


def first_line(exc: BaseException) -> str:
    return next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)


def check_store(database: Database) -> None:
    """Read every column of every table once: a damaged block fails here, not in a later request."""
    try:
        for table in sorted(database.tables):
            database.query(f'SELECT max(hash(COLUMNS(*))) FROM "{table}"')
    except duckdb.Error as exc:
        raise StoreError(f"{database.path}: damaged database: {first_line(exc)}") from None


class Extractor:
    """Runs `chronicle.extract` on one thread (spaCy is not thread-safe), with a wait limit and a queue cap."""

    def __init__(self, seconds: float, queue: int = EXTRACT_QUEUE) -> None:
        self.seconds = seconds
        self.queue = queue
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chronicle-extract")
        self.slots = threading.BoundedSemaphore(queue + 1)  # the running one and those waiting

    async def __call__(self, req: ExtractRequest) -> dict[str, Any]:
        if not self.slots.acquire(blocking=False):
            raise HTTPException(503, detail=f"busy: {self.queue} extractions are already waiting; retry later")
        future = self.executor.submit(self._extract, req)
        future.add_done_callback(lambda _f: self.slots.release())
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.seconds)
        except TimeoutError:
            # the thread finishes on its own (the pipeline's per-article time limit bounds it)
            raise HTTPException(503, detail=f"extraction took longer than the limit of {self.seconds:g} s") from None

    @staticmethod
    def _extract(req: ExtractRequest) -> dict[str, Any]:
        field = "html" if req.html is not None else "text"
        try:
            records = extract(req.html if req.html is not None else req.text or "", date=req.date, url=req.url,
                              title=req.title, min_confidence=req.min_confidence)
        except ArticleTooLong as exc:
            raise HTTPException(413, detail=str(exc)) from None
        except TimeLimitExceeded as exc:
            raise HTTPException(503, detail=str(exc)) from None
        except IngestError as exc:
            raise HTTPException(422, detail=[{"loc": ["body", field], "msg": str(exc),
                                              "type": "value_error"}]) from None
        return records.model_dump(mode="json")


def create_app(db: str | Path, *, max_body: int = MAX_BODY, extract_seconds: float = EXTRACT_SECONDS) -> FastAPI:
    database = Database(db)
    check_store(database)
    extractor = Extractor(extract_seconds)
    app = FastAPI(title="chronicle", description="Events, quotes and actors extracted from news articles.",
                  docs_url=None, redoc_url=None)

    @app.exception_handler(duckdb.Error)
    async def store_error(_request: Request, exc: duckdb.Error) -> JSONResponse:
        return JSONResponse({"detail": f"{database.path}: {first_line(exc)}"}, status_code=503)

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title="chronicle API",
            swagger_js_url=f"{VENDOR}/swagger-ui-dist/swagger-ui-bundle.js",
            swagger_css_url=f"{VENDOR}/swagger-ui-dist/swagger-ui.css",
            swagger_favicon_url=f"{VENDOR}/swagger-ui-dist/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},  # no call to an online validator
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url=app.openapi_url or "/openapi.json", title="chronicle API",
                              redoc_js_url=f"{VENDOR}/redoc/redoc.standalone.js",
                              redoc_favicon_url=f"{VENDOR}/swagger-ui-dist/favicon-32x32.png",
                              with_google_fonts=False)

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        # Content-Length is checked first; a streamed body is counted as it arrives.
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_body:
            return JSONResponse({"detail": f"request body larger than {max_body} bytes"}, status_code=413)
        if request.method in ("POST", "PUT", "PATCH") and declared is None:
            body = b""
            async for chunk in request.stream():
                body += chunk
                if len(body) > max_body:
                    return JSONResponse({"detail": f"request body larger than {max_body} bytes"}, status_code=413)
            request._body = body
        return await call_next(request)

    @app.post("/extract", responses={413: {"description": "body or article too long"},
                                      422: {"description": "not a document with an article"},
                                      503: {"description": "extraction too slow or too many waiting"}})
    async def post_extract(req: ExtractRequest) -> dict[str, Any]:
        """Extract records from one document; nothing is stored.

        Limits: a body over 2 MB or an article over 100,000 characters answers 413; a document with
        no English article 422; an extraction not done within 30 s, or with 4 others waiting, 503.
        """
        return await extractor(req)

    @app.get("/articles")
    def get_articles(q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return database.articles(q=q, limit=limit, offset=offset)

    @app.get("/articles/{article_id}")
    def get_article(article_id: str, min_confidence: MinConfidence = None) -> dict[str, Any]:
        return found_or_404(database.article(article_id, min_confidence=min_confidence), "article", article_id)

    @app.get("/events")
    def get_events(actor: Text = None, type: Text = None,
                   start: Annotated[dt.date | None, Query(alias="from")] = None,
                   end: Annotated[dt.date | None, Query(alias="to")] = None,
                   coarser: Annotated[bool, Query(description="with from/to, also keep events whose year or "
                                                  "month only overlaps the range")] = False,
                   reported: Annotated[bool, Query(description="with from/to, also keep events the text gives "
                                                   "no date for, by their article's publication day")] = False,
                   place: Text = None, article: Text = None, min_confidence: MinConfidence = None,
                   limit: Limit = 50, offset: Offset = 0,
                   unique: Annotated[bool, Query(description="one row per act: the event groups, each with "
                                                 "its member events")] = False) -> dict[str, Any]:
        if unique:
            return database.event_groups(type=type, actor=actor, start=start, end=end, coarser=coarser,
                                         reported=reported, limit=limit, offset=offset)
        return database.events(actor=actor, type=type, start=start, end=end, coarser=coarser, reported=reported,
                               place=place, article_id=article, min_confidence=min_confidence, limit=limit,
                               offset=offset)

    @app.get("/stories")
    def get_stories(since: dt.date | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Stories: the articles from any outlet that report one news event."""
        return database.stories(since=since, limit=limit, offset=offset)

    @app.get("/stories/{story_id}")
    def get_story(story_id: str) -> dict[str, Any]:
        return found_or_404(database.story(story_id), "story", story_id)

    @app.get("/entities/{key:path}")
    def get_entity(key: str) -> dict[str, Any]:
        """One actor or place across articles, by its canonical key (e.g. 'donald trump|USA')."""
        return found_or_404(database.entity(key), "entity", key)

    @app.get("/quotes")
    def get_quotes(speaker: Text = None, min_confidence: MinConfidence = None, limit: Limit = 50,
                   offset: Offset = 0) -> dict[str, Any]:
        return database.quotes(speaker=speaker, min_confidence=min_confidence, limit=limit, offset=offset)

    @app.get("/actors/{actor_id}")
    def get_actor(actor_id: str) -> dict[str, Any]:
        return found_or_404(database.actor(actor_id), "actor", actor_id)

    @app.get("/places")
    def get_places(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return database.place_counts(limit=limit, offset=offset)

    @app.get("/timeline")
    def get_timeline(reported: Annotated[bool, Query(description="also count events the text gives no date "
                                                     "for, on their article's publication day")] = False
                     ) -> list[dict[str, Any]]:
        return database.timeline(reported=reported)

    @app.get("/network")
    def get_network() -> dict[str, Any]:
        return database.network()

    @app.get("/stats")
    def get_stats() -> dict[str, Any]:
        return database.stats()

    app.include_router(workbench_router(database))

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
