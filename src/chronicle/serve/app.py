"""The HTTP API and web page over a chronicle database (FastAPI).

Queries go through `chronicle.api.Database` (read-only connection, parameterised SQL).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, model_validator

from chronicle.api import Database, extract
from chronicle.ingest.articles import IngestError

STATIC = Path(__file__).parent / "static"
MAX_BODY = 2 * 1024 * 1024

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


def create_app(db: str | Path, *, max_body: int = MAX_BODY) -> FastAPI:
    database = Database(db)
    app = FastAPI(title="chronicle", description="Events, quotes and actors extracted from news articles.")

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

    @app.post("/extract")
    def post_extract(req: ExtractRequest) -> dict[str, Any]:
        """Extract records from one document; nothing is stored."""
        try:
            records = extract(req.html if req.html is not None else req.text or "", date=req.date, url=req.url,
                              title=req.title, min_confidence=req.min_confidence)
        except IngestError as exc:
            raise HTTPException(422, detail=[{"loc": ["body", "html" if req.html else "text"],
                                              "msg": str(exc), "type": "value_error"}]) from None
        return records.model_dump(mode="json")

    @app.get("/articles")
    def get_articles(q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return database.articles(q=q, limit=limit, offset=offset)

    @app.get("/articles/{article_id}")
    def get_article(article_id: str, min_confidence: MinConfidence = None) -> dict[str, Any]:
        found = database.article(article_id, min_confidence=min_confidence)
        if found is None:
            raise HTTPException(404, detail=f"no article {article_id!r}")
        return found

    @app.get("/events")
    def get_events(actor: Text = None, type: Text = None,
                   start: Annotated[dt.date | None, Query(alias="from")] = None,
                   end: Annotated[dt.date | None, Query(alias="to")] = None,
                   place: Text = None, article: Text = None, min_confidence: MinConfidence = None,
                   limit: Limit = 50, offset: Offset = 0,
                   unique: Annotated[bool, Query(description="one row per act: the event groups, each with "
                                                 "its member events")] = False) -> dict[str, Any]:
        if unique:
            return database.event_groups(type=type, actor=actor, start=start, end=end, limit=limit, offset=offset)
        return database.events(actor=actor, type=type, start=start, end=end, place=place, article_id=article,
                               min_confidence=min_confidence, limit=limit, offset=offset)

    @app.get("/stories")
    def get_stories(since: dt.date | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Stories: the articles from any outlet that report one news event."""
        return database.stories(since=since, limit=limit, offset=offset)

    @app.get("/stories/{story_id}")
    def get_story(story_id: str) -> dict[str, Any]:
        found = database.story(story_id)
        if found is None:
            raise HTTPException(404, detail=f"no story {story_id!r}")
        return found

    @app.get("/entities/{key:path}")
    def get_entity(key: str) -> dict[str, Any]:
        """One actor or place across articles, by its canonical key (e.g. 'donald trump|USA')."""
        found = database.entity(key)
        if found is None:
            raise HTTPException(404, detail=f"no entity {key!r}")
        return found

    @app.get("/quotes")
    def get_quotes(speaker: Text = None, min_confidence: MinConfidence = None, limit: Limit = 50,
                   offset: Offset = 0) -> dict[str, Any]:
        return database.quotes(speaker=speaker, min_confidence=min_confidence, limit=limit, offset=offset)

    @app.get("/actors/{actor_id}")
    def get_actor(actor_id: str) -> dict[str, Any]:
        found = database.actor(actor_id)
        if found is None:
            raise HTTPException(404, detail=f"no actor {actor_id!r}")
        return found

    @app.get("/places")
    def get_places(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return database.place_counts(limit=limit, offset=offset)

    @app.get("/timeline")
    def get_timeline() -> list[dict[str, Any]]:
        return database.timeline()

    @app.get("/network")
    def get_network() -> dict[str, Any]:
        return database.network()

    @app.get("/stats")
    def get_stats() -> dict[str, Any]:
        return database.stats()

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
