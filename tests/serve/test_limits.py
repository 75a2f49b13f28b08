"""The API's limits and failure answers: 413 / 422 / 503 with a reason, a store error as 503, docs pages offline."""

from __future__ import annotations

import asyncio
import re
import threading

import duckdb
import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient

import chronicle.serve.app as serve_app
from chronicle.pipeline import MAX_ARTICLE_CHARS
from chronicle.serve import create_app

PARAGRAPH = ("The harbour council met on Tuesday and voted to repair the northern pier, "
             "the mayor's office said in a statement to reporters. ")


@pytest.fixture(scope="module")
def roomy(db_path):
    """An app whose body limit admits an over-long article, so the article limit is what answers."""
    return TestClient(create_app(db_path, max_body=4 * MAX_ARTICLE_CHARS))


def test_article_over_the_limit_is_413_with_its_size(roomy):
    text = "Pier Repairs\n\n" + (PARAGRAPH + "\n\n") * (MAX_ARTICLE_CHARS // len(PARAGRAPH) + 10)
    response = roomy.post("/extract", json={"text": text})
    assert response.status_code == 413
    assert re.fullmatch(r"article too long \([\d,]+ characters; the limit is 100,000\)", response.json()["detail"])


def test_no_article_is_422(roomy):
    response = roomy.post("/extract", json={"text": "   \n\n  "})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "text"]


def test_extraction_over_the_time_limit_is_503(db_path):
    impatient = TestClient(create_app(db_path, extract_seconds=0.001))
    response = impatient.post("/extract", json={"text": "Pier Repairs\n\n" + PARAGRAPH * 3})
    assert response.status_code == 503
    assert response.json()["detail"] == "extraction took longer than the limit of 0.001 s"


def test_too_many_waiting_extractions_is_503(monkeypatch):
    release = threading.Event()
    monkeypatch.setattr(serve_app, "extract", lambda *a, **k: release.wait(10))
    extractor = serve_app.Extractor(seconds=10, queue=0)
    request = serve_app.ExtractRequest(text="x")

    async def two_at_once() -> HTTPException:
        first = asyncio.ensure_future(extractor(request))
        await asyncio.sleep(0.05)  # the first one holds the only slot
        try:
            await extractor(request)
        except HTTPException as exc:
            return exc
        finally:
            release.set()
            await asyncio.gather(first, return_exceptions=True)
        raise AssertionError("the second extraction was not turned away")

    refused = asyncio.run(two_at_once())
    assert refused.status_code == 503
    assert refused.detail == "busy: 0 extractions are already waiting; retry later"


def test_store_error_during_a_request_is_503_naming_the_file(db_path, monkeypatch):
    client = TestClient(create_app(db_path))

    def broken(*_args, **_kwargs):
        raise duckdb.IOException("IO Error: Could not read from file: Input/output error")

    monkeypatch.setattr("chronicle.api.Database.query", broken)
    response = client.get("/events")
    assert response.status_code == 503
    assert response.json()["detail"] == f"{db_path}: IO Error: Could not read from file: Input/output error"


@pytest.mark.parametrize("page, asset", [("/docs", "swagger-ui-dist/swagger-ui-bundle.js"),
                                         ("/redoc", "redoc/redoc.standalone.js")])
def test_api_docs_load_only_local_assets(client, page, asset):
    html = client.get(page).text
    assert f"/static/vendor/{asset}" in html
    assert not re.search(r"(src|href)=\"https?://", html), html  # nothing from a CDN or font service
    served = client.get(f"/static/vendor/{asset}")
    assert served.status_code == 200 and len(served.content) > 100_000
