"""HTTP API: every endpoint, pagination, bad parameters, oversize bodies, SQL injection, inert markup."""

from __future__ import annotations

import duckdb
import pytest

from tests.serve.conftest import SCRIPT, article_one

INJECTION = "' OR 1=1; DROP TABLE events; --"


def table_counts(path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def test_articles_list_and_pagination(client):
    page = client.get("/articles").json()
    assert page["total"] == 2 and len(page["items"]) == 2
    first = client.get("/articles", params={"limit": 1}).json()
    second = client.get("/articles", params={"limit": 1, "offset": 1}).json()
    assert first["total"] == second["total"] == 2
    assert first["items"][0]["id"] != second["items"][0]["id"]
    assert client.get("/articles", params={"q": "dock"}).json()["total"] == 1


def test_article_with_records(client):
    aid = article_one().article.id
    data = client.get(f"/articles/{aid}").json()
    assert data["article"]["title"] == "Port workers strike over pay"
    assert len(data["quotes"]) == 1 and len(data["events"]) == 2 and len(data["mentions"]) == 4
    assert client.get("/articles/nope").status_code == 404


def test_events_filters(client):
    assert client.get("/events").json()["total"] == 3
    assert client.get("/events", params={"type": "protest"}).json()["total"] == 1
    assert client.get("/events", params={"actor": "port authority"}).json()["total"] == 2
    assert client.get("/events", params={"from": "2025-03-04", "to": "2025-03-31"}).json()["total"] == 1
    assert client.get("/events", params={"place": "Harwick"}).json()["total"] == 2
    page = client.get("/events", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 3 and len(page["items"]) == 1


def test_quotes_and_actor(client):
    quotes = client.get("/quotes", params={"speaker": "Quell"}).json()
    assert quotes["total"] == 1
    actor = client.get(f"/actors/{quotes['items'][0]['speaker_id']}").json()
    assert actor["actor"]["name"] == "Mara Quell" and len(actor["quotes"]) == 1 and len(actor["mentions"]) == 2
    assert client.get("/actors/nobody").status_code == 404
    assert client.get("/quotes", params={"speaker": "nobody"}).json()["total"] == 0


def test_stats_timeline_network_places(client):
    stats = client.get("/stats").json()
    assert stats["tables"]["events"] == 3 and stats["tables"]["articles"] == 2
    assert sum(r["count"] for r in client.get("/timeline").json()) == 3
    net = client.get("/network").json()
    assert len(net["edges"]) == 3 and len(net["nodes"]) == 4
    assert client.get("/places").json()["items"][0]["place"] == "Harwick"


@pytest.mark.parametrize(("path", "params", "field"), [
    ("/articles", {"limit": 0}, "limit"),
    ("/articles", {"limit": "many"}, "limit"),
    ("/events", {"offset": -1}, "offset"),
    ("/events", {"from": "not-a-date"}, "from"),
    ("/quotes", {"limit": 100000}, "limit"),
])
def test_bad_parameters_name_the_field(client, path, params, field):
    response = client.get(path, params=params)
    assert response.status_code == 422
    assert field in [d["loc"][-1] for d in response.json()["detail"]]


def test_extract_bad_body(client):
    response = client.post("/extract", json={"date": "2025-01-01"})
    assert response.status_code == 422
    response = client.post("/extract", json={"text": "x", "date": "yesterday-ish"})
    assert response.status_code == 422 and "date" in [d["loc"][-1] for d in response.json()["detail"]]


def test_oversize_body_is_413(client):
    response = client.post("/extract", json={"text": "word " * 20_000})
    assert response.status_code == 413 and "larger" in response.json()["detail"]


def test_sql_injection_changes_nothing(client, db_path):
    before = table_counts(db_path)
    for path, name in [("/articles", "q"), ("/events", "actor"), ("/events", "type"), ("/events", "place"),
                       ("/events", "article"), ("/quotes", "speaker")]:
        response = client.get(path, params={name: INJECTION})
        assert response.status_code == 200, (path, name)
        assert response.json()["total"] == 0, (path, name)
    for path in ("/articles/", "/actors/"):
        assert client.get(path + INJECTION).status_code == 404
    assert table_counts(db_path) == before


def test_script_in_article_is_returned_as_data(client):
    hit = client.get("/articles", params={"q": "Hostile"}).json()["items"][0]
    data = client.get(f"/articles/{hit['id']}").json()
    assert SCRIPT in data["article"]["text"]


def test_openapi_and_page(client):
    assert "/events" in client.get("/openapi.json").json()["paths"]
    assert client.get("/docs").status_code == 200
    page = client.get("/")
    assert page.status_code == 200 and "page.js" in page.text
    assert client.get("/static/vendor/d3/d3.min.js").status_code == 200


@pytest.mark.slow
def test_extract_endpoint_runs_pipeline(client):
    text = "Strike halts port\n\nDock workers in Harwick walked out on Monday, the union said."
    data = client.post("/extract", json={"text": text, "date": "2025-03-03"}).json()
    assert data["article"]["published"] == "2025-03-03" and data["article"]["text"].startswith("Strike halts port")
    html = "<html><head><title>Strike halts port</title></head><body><article><p>" + text.split("\n\n")[1] + \
        "</p></article></body></html>"
    data = client.post("/extract", json={"html": html}).json()
    assert data["article"]["title"] == "Strike halts port" and "<p>" not in data["article"]["text"]


def test_streamed_oversize_body_is_413(client):
    chunks = iter([b'{"text": "', b"x" * 70_000, b'"}'])
    response = client.post("/extract", content=chunks, headers={"content-type": "application/json"})
    assert response.status_code == 413
