"""The workbench in Debian's chromium (Playwright) over a store built by the real pipeline from invented articles.

Each view must show the counts the API gives for the same filter, clicks must narrow the filter for every
view, the URL must bring a view back, exports must match the API, and axe-core must find nothing serious.
Screenshots of every view are written to the test's tmp dir.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.serve.browser import chromium, served
from tests.serve.workbench_corpus import build_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = Path(__file__).parents[2] / "src/chronicle/serve/static/vendor/axe-core/axe.min.js"
VIEWS = ["map", "time series", "network", "stories", "quotes", "events", "article"]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("workbench") / "workbench.duckdb")


@pytest.fixture(scope="module")
def server(store):
    with served(store) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def api(server: str, path: str, **params) -> dict | list:
    # The page and the API are compared with every record kept (see `Page`).
    if path.startswith("/workbench/"):
        params.setdefault("min_confidence", 0)
    query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
    with urllib.request.urlopen(f"{server}{path}?{query}") as response:
        return json.load(response)


class Page:
    """A browser tab on the workbench that records console errors."""

    def __init__(self, browser, url: str) -> None:
        # Every record is kept (min_confidence=0) so the counts do not hang on the confidence models.
        if "min_confidence" not in url:
            url += ("&" if "?" in url else ("?" if url.endswith("/") else "/?")) + "min_confidence=0"
        self.page = browser.new_page(viewport={"width": 1500, "height": 1100}, accept_downloads=True)
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)
        self.ready()

    def ready(self) -> None:
        self.page.wait_for_selector("body[data-ready=true]", timeout=20_000)

    def click(self, selector: str) -> None:
        self.page.locator(selector).first.click()
        self.ready()

    def data(self, selector: str, name: str) -> int:
        return int(self.page.locator(selector).get_attribute(f"data-{name}"))

    def params(self) -> dict[str, str]:
        return dict(urllib.parse.parse_qsl(urllib.parse.urlparse(self.page.url).query))

    def shoot(self, tmp_path: Path, name: str) -> None:
        self.page.locator(f"[aria-label='{name}']").screenshot(path=str(tmp_path / f"{name.replace(' ', '-')}.png"))


def view_counts(p: Page) -> dict[str, int]:
    return {"map": p.data("#map", "total"), "series": p.data("#series", "reports"),
            "nodes": p.data("#network", "nodes"), "edges": p.data("#network", "edges"),
            "events": p.data("#events", "total")}


def api_counts(server: str, **f) -> dict[str, int]:
    network = api(server, "/workbench/network", **f)
    return {"map": sum(p["reports"] for p in api(server, "/workbench/map", **f)),
            "series": sum(r["reports"] for r in api(server, "/workbench/series", **f)),
            "nodes": len(network["nodes"]), "edges": len(network["edges"]),
            "events": api(server, "/workbench/events", **f)["total"]}


def test_every_view_is_a_landmark_with_the_api_counts(browser, server, tmp_path):
    p = Page(browser, server)
    for name in VIEWS:
        assert p.page.locator(f"section[role=region][aria-label='{name}']").count() == 1
    assert view_counts(p) == api_counts(server)
    assert p.data("#map", "points") == len(api(server, "/workbench/map")) > 0
    all_stories = api(server, "/stories")["total"]
    assert p.data("#stories", "total") == api(server, "/workbench/stories")["total"] == all_stories > 1
    assert p.data("#quotes", "total") == api(server, "/workbench/quotes")["total"] > 0
    assert p.page.locator("#map circle.point").count() == p.data("#map", "points")
    for name in VIEWS:
        p.shoot(tmp_path, name)
    p.page.screenshot(path=str(tmp_path / "workbench.png"), full_page=True)
    assert not p.errors


def test_year_dated_events_span_their_year(browser, server):
    series = api(server, "/workbench/series", unit="month")
    years = [r for r in series if r["bin"] == "year"]
    assert years and all(r["year_only"] for r in years)
    assert all(r["bin_end"][:4] == str(int(r["bin_start"][:4]) + 1) for r in years)
    # No month bin is made of a year-only date (that would be the 1 January artefact).
    assert not any(r["bin"] == "month" and r["bin_start"][:4] == years[0]["bin_start"][:4] for r in series)
    p = Page(browser, f"{server}/?unit=month")
    assert p.page.locator("#series rect.year-span.reports").count() == len(years)
    assert p.page.locator("#series rect.bar-reports").count() == len(series) - len(years)
    assert p.page.locator("#series-unit").input_value() == "month"
    # Over more than three years the page bins by year; the year-only bin stays marked as such.
    p.page.select_option("#series-unit", "year")
    p.ready()
    by_year = api(server, "/workbench/series", unit="year")
    assert all(r["bin"] == "year" for r in by_year)
    assert p.page.locator("#series rect.year-span.reports").count() == sum(r["year_only"] for r in by_year) == 1
    assert p.data("#series", "reports") == sum(r["reports"] for r in by_year) == sum(r["reports"] for r in series)
    assert not p.errors


# The mean document tone per bin, computed from the stored records alone (not from the derived tables).
TONE_SQL = """
SELECT CASE WHEN e.date_granularity = 'year' THEN strftime(e.date, '%Y') ELSE strftime(e.date, '%Y-%m') END AS bin,
       round(avg(t.compound), 3) AS tone
FROM events e JOIN tones t ON t.article_id = e.article_id AND t.scope = 'document'
-- an event the text gives no date for (the publication day stands in) is on no bin
WHERE e.date IS NOT NULL AND coalesce(e.date_origin, 'expression') <> 'publication' GROUP BY ALL
"""


def test_time_series_second_series_goldstein_or_tone(browser, server, store, tmp_path):
    from chronicle.api import Database

    db = Database(store)
    expected = {r["bin"]: r["tone"] for r in db.query(TONE_SQL)}
    db.close()
    series = api(server, "/workbench/series", unit="month")
    period = {r["bin_start"][:4] if r["bin"] == "year" else r["bin_start"][:7]: r for r in series}
    assert {k: r["tone"] for k, r in period.items() if r["tone"] is not None} == expected
    assert any(r["year_only"] for r in period.values() if r["tone"] is not None)
    # Goldstein by default; the menu switches to tone and the URL keeps the choice.
    p = Page(browser, f"{server}/?unit=month")
    marks = p.page.locator("#series .second.goldstein")
    assert marks.count() == sum(r["goldstein"] is not None for r in series) > 0
    for i in range(marks.count()):
        mark = marks.nth(i)
        assert float(mark.get_attribute("data-value")) == period[mark.get_attribute("data-bin")]["goldstein"]
    p.page.select_option("#series-line", "tone")
    p.ready()
    assert p.params()["line"] == "tone"
    marks = p.page.locator("#series .second.tone")
    assert marks.count() == len(expected) == p.data("#series", "second-bins")
    shown = {marks.nth(i).get_attribute("data-bin"): float(marks.nth(i).get_attribute("data-value"))
             for i in range(marks.count())}
    assert shown == expected
    # A bin of year-dated events is a segment over its whole year, not a point on 1 January.
    year_bins = [k for k in expected if len(k) == 4]
    assert p.page.locator("#series line.second.tone").count() == len(year_bins) > 0
    segment = p.page.locator(f"#series line.second.tone[data-bin='{year_bins[0]}']")
    assert float(segment.get_attribute("x2")) - float(segment.get_attribute("x1")) > 10
    p.shoot(tmp_path, "time series")
    again = Page(browser, p.page.url)
    assert again.page.locator("#series-line").input_value() == "tone"
    assert again.page.locator("#series .second.tone").count() == len(expected)
    assert not p.errors and not again.errors


def test_map_click_narrows_every_view_and_the_url_round_trips(browser, server, tmp_path):
    p = Page(browser, server)
    before = view_counts(p)
    # Lima and Peru's centroid overlap at this scale: the event goes to Lima's circle itself.
    p.page.locator("#map circle.point[data-place='Lima']").dispatch_event("click")
    p.ready()
    assert p.params()["place"] == "Lima"
    after = view_counts(p)
    assert after == api_counts(server, place="Lima")
    assert after["events"] < before["events"] and after["map"] < before["map"]
    assert p.page.locator("#map circle.point").count() == 1
    stories = api(server, "/workbench/stories", place="Lima")
    assert p.data("#stories", "total") == stories["total"] == 1 and stories["items"][0]["title"].startswith("Peru")
    assert p.data("#quotes", "total") == api(server, "/workbench/quotes", place="Lima")["total"] > 0
    p.shoot(tmp_path, "map")
    # A type button in the table narrows further; the form and chips follow.
    p.click("#events td button[aria-label^='filter event type']")
    params = p.params()
    assert params["place"] == "Lima" and "type" in params
    assert view_counts(p) == api_counts(server, place="Lima", type=params["type"])
    assert p.page.locator("#filters select[name=type]").input_value() == params["type"]
    # Reloading the URL gives the same view; going back undoes the last narrowing.
    url = p.page.url
    narrowed = view_counts(p)
    again = Page(browser, url)
    assert view_counts(again) == narrowed
    p.page.go_back()
    p.ready()
    assert p.params() == {"place": "Lima", "min_confidence": "0"} and view_counts(p) == after
    p.click("#active button[aria-label='remove filter place']")
    assert view_counts(p) == before
    assert not p.errors and not again.errors


def test_a_year_only_event_matches_only_ranges_covering_its_year(server):
    year = next(r for r in api(server, "/workbench/series", unit="month") if r["year_only"])["bin_start"][:4]
    whole = api(server, "/workbench/events", **{"from": f"{year}-01-01", "to": f"{year}-12-31"})["total"]
    january = api(server, "/workbench/events", **{"from": f"{year}-01-01", "to": f"{year}-01-31"})["total"]
    assert whole == 1 and january == 0


def test_time_series_click_filters_dates(browser, server):
    p = Page(browser, f"{server}/?unit=month")
    p.page.locator("#series rect.bar-reports").first.dispatch_event("click")
    p.ready()
    params = p.params()
    assert params["from"].endswith("-01") and params["to"] >= params["from"]
    assert params["to"][:7] == params["from"][:7]
    assert view_counts(p) == api_counts(server, unit="month", **{"from": params["from"], "to": params["to"]})
    assert not p.errors


def test_story_page(browser, server, tmp_path):
    p = Page(browser, server)
    p.click("#stories button:has-text('Dock strike spreads in Mombasa')")
    story_id = p.params()["story"]
    story = api(server, f"/stories/{urllib.parse.quote(story_id)}")
    assert p.data("#stories", "articles") == len(story["articles"]) == 2
    assert p.data("#stories", "groups") == len(story["event_groups"]) > 0
    assert view_counts(p) == api_counts(server, story=story_id)
    # Quotes follow the filter: only those of the story's articles.
    quotes = api(server, "/workbench/quotes", story=story_id)
    assert p.data("#quotes", "total") == quotes["total"] < api(server, "/workbench/quotes")["total"]
    assert {q["article_id"] for q in quotes["items"]} <= {a["id"] for a in story["articles"]}
    p.shoot(tmp_path, "stories")
    p.click("#stories .story-page button.linkish")
    assert p.params()["article"] in {a["id"] for a in story["articles"]}
    assert p.page.locator("#article-headline").count() == 1
    assert not p.errors


def test_entity_page_from_event_groups(browser, server, tmp_path):
    p = Page(browser, server)
    p.page.locator("#filters input[name=unique][value=true]").check()
    p.ready()
    assert p.params()["unique"] == "true"
    assert p.data("#events", "total") == api(server, "/workbench/events", unique="true")["total"]
    key = next(g["source_key"] for g in api(server, "/workbench/events", unique="true", limit=500)["items"]
               if (g["source_key"] or "").startswith("kenya ports authority|"))
    p.click(f"#events td button[data-key='{key}']")
    assert p.params()["entity"] == key
    entity = api(server, f"/workbench/entity/{urllib.parse.quote(key)}")
    assert p.data("#entity", "quotes") == len(entity["quotes"])
    assert p.data("#entity", "co-entities") == len(entity["co_entities"])
    assert p.data("#entity", "as-source") == sum(r["as_source"] for r in entity["series"]) > 0
    assert p.data("#events", "total") == api(server, "/workbench/events", unique="true", entity=key)["total"]
    assert view_counts(p) == {**api_counts(server, entity=key),
                              "events": api(server, "/workbench/events", unique="true", entity=key)["total"],
                              "map": sum(x["groups"] for x in api(server, "/workbench/map", entity=key))}
    p.shoot(tmp_path, "network")
    assert not p.errors


def test_network_minimum_weight(browser, server):
    p = Page(browser, server)
    every = api(server, "/workbench/network")
    assert p.data("#network", "edges") == len(every["edges"]) > 0
    heaviest = max(e["weight"] for e in every["edges"])
    p.page.fill("#min-weight", str(heaviest + 1))
    p.page.dispatch_event("#min-weight", "change")
    p.ready()
    assert p.params()["min_weight"] == str(heaviest + 1)
    assert p.data("#network", "edges") == len(api(server, "/workbench/network", min_weight=heaviest + 1)["edges"]) == 0
    assert p.page.locator("#network .empty").count() == 1
    p.page.fill("#min-weight", "1")
    p.page.dispatch_event("#min-weight", "change")
    p.ready()
    # Tapping a node (cytoscape's event) narrows every view to that entity.
    node = next(n for n in every["nodes"] if "|" in n["key"])
    p.page.evaluate("key => cy.getElementById(key).emit('tap')", node["key"])
    p.ready()
    assert p.params()["entity"] == node["key"]
    assert p.data("#events", "total") == api(server, "/workbench/events", entity=node["key"])["total"] > 0
    assert p.page.locator("#entity h3").first.text_content().startswith(node["name"])
    assert not p.errors


def test_quote_browser_and_article(browser, server, tmp_path):
    p = Page(browser, server)
    p.page.fill("#quote-search input[name=qs]", "Odhiambo")
    p.click("#quote-search button[type=submit]")
    assert p.data("#quotes", "total") == api(server, "/workbench/quotes", speaker="Odhiambo")["total"] > 0
    assert p.params()["qs"] == "Odhiambo"
    p.shoot(tmp_path, "quotes")
    p.click("#quotes button.linkish")
    article = api(server, f"/articles/{p.params()['article']}", min_confidence=0)
    title = article["article"]["title"]
    region = p.page.locator("[aria-label='article']")
    assert region.locator("#article-headline").text_content() == title
    assert region.text_content().count(title) == 1
    assert region.locator(":is(#article-headline, #article-body) span.quote").count() >= len(article["quotes"]) > 0
    assert region.locator(":is(#article-headline, #article-body) span.trigger").count() == len(article["events"])
    low = sum(r["confidence"] < 0.5 for kind in ("quotes", "events", "places", "dates") for r in article[kind])
    marked_low = region.locator(":is(#article-headline, #article-body) span.lowconf")
    assert marked_low.count() >= low
    for kind in ("mention", "place", "date", "quote-key", "low"):
        assert region.locator(f"#article-legend .{kind}").count() >= 1
    for t in {e["event_type"] for e in article["events"]}:
        assert region.locator(f"#article-legend :text('trigger: {t}')").count() == 1
    p.shoot(tmp_path, "article")
    assert not p.errors


def test_no_results_state(browser, server, tmp_path):
    p = Page(browser, f"{server}/?q=zzzz-nothing&article=nope")
    assert view_counts(p) == {"map": 0, "series": 0, "nodes": 0, "edges": 0, "events": 0}
    for box in ("#events", "#series", "#network"):
        assert p.page.locator(f"{box} .empty").count() == 1
    assert "no located events" in p.page.locator("#map-note").text_content()
    assert p.page.locator("#article .empty").count() == 1
    p.page.screenshot(path=str(tmp_path / "empty.png"), full_page=True)
    assert not [e for e in p.errors if "404" not in e]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_matches_the_api(browser, server, fmt):
    p = Page(browser, f"{server}/?source=harbourpost.example")
    with p.page.expect_download() as info:
        p.page.click(f"#export-{fmt}")
    path = Path(info.value.path())
    if fmt == "parquet":
        import pyarrow.parquet as pq

        rows = pq.read_table(path).to_pylist()
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(path.read_text())))
    else:
        rows = [json.loads(line) for line in path.read_text().splitlines()]
    expected = api(server, "/workbench/events", source="harbourpost.example", limit=500)
    assert [r["id"] for r in rows] == [r["id"] for r in expected["items"]]
    assert len(rows) == expected["total"] > 0
    assert {r["outlet"] for r in rows} == {"harbourpost.example"}


@pytest.mark.parametrize("query", ["?type=SUPPORT", "?unique=true&entity=Kenya+Ports+Authority",
                                   "?q=zzzz-nothing"])
def test_accessibility(browser, server, query):
    p = Page(browser, f"{server}/{query}")
    if p.page.locator("#events td:last-child button.linkish").count():
        p.click("#events td:last-child button.linkish")
    if p.page.locator("#stories button.linkish").count():
        p.click("#stories button.linkish")
    p.page.add_script_tag(path=str(AXE))
    result = p.page.evaluate("async () => (await axe.run(document)).violations"
                             ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))")
    serious = [v for v in result if v["impact"] in ("serious", "critical")]
    assert not serious, serious
    assert not p.errors


def test_map_zooms_with_the_wheel(browser, server):
    p = Page(browser, server)
    box = p.page.locator("#map svg").bounding_box()
    p.page.mouse.move(box["x"] + box["width"] / 3, box["y"] + box["height"] / 2)
    p.page.mouse.wheel(0, -600)
    p.page.wait_for_function("document.querySelector('#map svg > g').getAttribute('transform')")
    circle = p.page.locator("#map circle.point").first
    assert float(circle.get_attribute("r")) < float(circle.get_attribute("data-r"))
    assert not p.errors
