"""The events view pages through more than 200 rows, each page as the API gives it."""

from __future__ import annotations

import datetime as dt
import json
import urllib.request

import pytest

from chronicle.records import Article, ArticleRecords, Event, article_id_for, child_id
from chronicle.store import Store
from tests.serve.test_browser import browser, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ROWS = 260


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    text = "Many meetings\n\n" + " ".join(f"Delegation {n} met the council." for n in range(ROWS))
    aid = article_id_for(text)
    events = []
    for n in range(ROWS):
        start = text.index(f"Delegation {n} met") + len(f"Delegation {n} ")
        events.append(Event(id=child_id(aid, "e", n), article_id=aid, event_type="CONSULT", trigger_start=start,
                            trigger_end=start + 3, trigger="met", sentence_start=0, sentence_end=len(text),
                            sentence=f"Delegation {n} met the council.", source=f"Delegation {n}",
                            target="the council", date=dt.date(2025, 1, 1) + dt.timedelta(days=n), confidence=0.9))
    path = tmp_path_factory.mktemp("paging") / "paging.duckdb"
    with Store(path) as store:
        store.write(ArticleRecords(article=Article(id=aid, input="many.txt", title="Many meetings", text=text,
                                                   published=dt.date(2025, 1, 1)), events=events))
    return path


def test_pages_beyond_200_rows(browser, server):  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(server)
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator("#events").get_attribute("data-total") == str(ROWS)
    for _ in range(5):
        page.locator("#events-pager button:has-text('next')").click()
        page.wait_for_selector("body[data-ready=true]")
    assert "offset=250" in page.url
    assert f"251–{ROWS} of {ROWS}" in page.locator("#events-pager").text_content()
    with urllib.request.urlopen(f"{server}/workbench/events?offset=250&limit=50") as response:
        expected = [r["source"] for r in json.load(response)["items"]]
    shown = page.locator("#events tbody tr td:nth-child(4)").all_text_contents()
    assert shown == expected and len(shown) == ROWS - 250
    assert page.locator("#events-pager button:has-text('next')").count() == 0
