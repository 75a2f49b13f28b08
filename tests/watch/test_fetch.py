"""The polite fetcher against the local site: robots.txt, pacing, conditional GET, retries, caps, redirects."""

from __future__ import annotations

import time

from chronicle.watch.fetch import Fetcher, Politeness

FAST = Politeness(delay=0.0, timeout=0.5, retries=1, backoff=0.01, max_bytes=200_000)


def test_user_agent_names_chronicle_and_robots_txt_is_read_first(site, connections):
    fetcher = Fetcher(FAST)
    assert fetcher.get(f"{site.base}/a1.html").ok
    assert [h["path"] for h in site.headers][:2] == ["/robots.txt", "/a1.html"]
    assert all(h["user-agent"].startswith("chronicle/") for h in site.headers)


def test_robots_txt_disallow_is_obeyed_without_a_request(site, connections):
    result = Fetcher(FAST).get(f"{site.base}/private/secret.html")
    assert result.error == "disallowed by robots.txt" and result.permanent
    assert site.requests["/private/secret.html"] == 0


def test_not_found_is_permanent_and_not_retried(site, connections):
    result = Fetcher(FAST).get(f"{site.base}/missing.html")
    assert (result.status, result.error, result.permanent) == (404, "HTTP 404", True)
    assert site.requests["/missing.html"] == 1


def test_server_error_is_retried_then_reported_as_passing(site, connections):
    result = Fetcher(FAST).get(f"{site.base}/error.html")
    assert result.error == "HTTP 500" and not result.permanent
    assert site.requests["/error.html"] == 2  # one retry


def test_slow_host_times_out(site, connections):
    start = time.monotonic()
    result = Fetcher(FAST).get(f"{site.base}/slow.html")
    assert result.error == "timed out" and not result.permanent
    assert time.monotonic() - start < 1.5 * 2


def test_redirect_loop_is_detected(site, connections):
    result = Fetcher(FAST).get(f"{site.base}/loop1")
    assert result.error == "redirect loop"
    assert site.requests["/loop1"] == 1 and site.requests["/loop2"] == 1


def test_redirect_is_followed_to_the_final_url(site, connections):
    result = Fetcher(FAST).get(f"{site.base}/moved")
    assert result.ok and result.final_url == f"{site.base}/a9.html" and result.url == f"{site.base}/moved"


def test_huge_response_is_abandoned_at_the_cap(site, connections):
    result = Fetcher(FAST).get(f"{site.base}/huge.html")
    assert result.error == "response larger than the limit of 200000 bytes" and result.permanent
    assert not result.body


def test_conditional_get_answers_not_modified(site, connections):
    fetcher = Fetcher(FAST)
    first = fetcher.get(f"{site.base}/feed.xml")
    again = fetcher.get(f"{site.base}/feed.xml", etag=first.headers["etag"])
    assert first.ok and again.not_modified and not again.body


def test_requests_to_one_host_are_paced(site, connections):
    fetcher = Fetcher(Politeness(delay=0.3, timeout=1.0, retries=0))
    start = time.monotonic()
    for n in (1, 2, 3):
        assert fetcher.get(f"{site.base}/a{n}.html").ok
    # robots.txt + 3 pages = 4 requests, 3 gaps of at least the delay
    assert time.monotonic() - start >= 0.9


def test_hosts_not_allowed_are_never_contacted(site, connections):
    fetcher = Fetcher(FAST, allowed=lambda url: url.startswith(site.base))
    result = fetcher.get("http://127.0.0.2:9/elsewhere.html")
    assert result.error.startswith("host not followed") and not connections
