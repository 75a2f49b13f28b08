"""The web page in Debian's chromium (Playwright) over a store without consolidated tables: article highlights,
escaping, and empty views that say so. The workbench's linked views are tested in test_workbench.py."""

from __future__ import annotations

import json
import urllib.request

import pytest

from chronicle.api import Database
from tests.serve.browser import chromium, served
from tests.serve.conftest import SCRIPT

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(db_path):
    with served(db_path) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def open_page(browser, url):
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)
    return page, dialogs


def article_id(db_path, title: str) -> str:
    return next(a["id"] for a in Database(db_path).articles()["items"] if a["title"] == title)


def test_article_highlights(browser, server, db_path, tmp_path):
    aid = article_id(db_path, "Port workers strike over pay")
    page, dialogs = open_page(browser, f"{server}/?article={aid}")
    records = Database(db_path).article(aid, min_confidence=0)
    quotes = page.locator("#article-body span.quote")
    assert quotes.count() == len(records["quotes"]) == 1
    assert "single ship" in quotes.first.text_content()
    assert "Mara Quell" in quotes.first.get_attribute("title")
    assert page.locator("#article-body span.trigger").count() == len(records["events"])
    assert page.locator("#article-body span.mention").count() >= len(records["mentions"])
    assert page.locator("#article-headline").text_content() == "Port workers strike over pay"
    # Without event groups the reports are still listed, as the API gives them.
    with urllib.request.urlopen(f"{server}/workbench/events") as response:
        assert int(page.locator("#events").get_attribute("data-total")) == json.load(response)["total"]
    page.screenshot(path=str(tmp_path / "chronicle.png"), full_page=True)
    assert not dialogs


def test_script_in_article_is_inert(browser, server, db_path, tmp_path):
    page, dialogs = open_page(browser, f"{server}/?article={article_id(db_path, 'Hostile markup test')}")
    page.wait_for_function("document.getElementById('article-body').textContent.includes('comment box')")
    assert SCRIPT in page.locator("#article-body").text_content()
    assert page.locator("#article script").count() == 0
    page.screenshot(path=str(tmp_path / "script.png"))
    assert not dialogs
