"""Polite HTTP: robots.txt, a per-host pace, conditional GET, retries with backoff, a size cap.

`Fetcher.get` never raises for a bad site: it returns a `Fetched` whose `error` says what went wrong
(timeout, too large, redirect loop, refused by robots.txt …). Redirects are followed by hand, one
hop at a time, so every hop is paced, checked against robots.txt and against the allowed hosts.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from chronicle import __version__

USER_AGENT = f"chronicle/{__version__} (news event extraction; watch)"
ROBOTS_AGENT = "chronicle"
REDIRECT_CODES = (301, 302, 303, 307, 308)
RETRY_CODES = (429, 500, 502, 503, 504)
MAX_REDIRECTS = 5
ROBOTS_TTL = 3600.0
"""Seconds a host's robots.txt is trusted before it is read again."""


@dataclass(frozen=True)
class Politeness:
    """How the watcher treats sites. The defaults suit real sites; tests shrink the waits."""

    delay: float = 1.0
    """Seconds between two requests to one host (robots.txt Crawl-delay raises it)."""
    timeout: float = 10.0
    """Seconds for connecting and between bytes; a whole response gets four times that."""
    retries: int = 2
    """Extra attempts after a timeout, a connection error, 429 or 5xx."""
    backoff: float = 2.0
    """Seconds before the first retry; doubled each time."""
    max_bytes: int = 5 * 1024 * 1024
    """Responses larger than this are abandoned."""
    user_agent: str = USER_AGENT


@dataclass
class Fetched:
    url: str
    status: int = 0
    final_url: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None
    permanent: bool = False
    """The error will not go away by asking again (404, robots.txt, too large …)."""

    @property
    def ok(self) -> bool:
        return self.error is None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304


class _TooLarge(Exception):
    pass


class Fetcher:
    """One HTTP client for a watcher: pacing and robots.txt are remembered per host."""

    def __init__(self, politeness: Politeness | None = None, *, allowed: Callable[[str], bool] | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.polite = politeness or Politeness()
        self.allowed = allowed or (lambda url: True)
        timeout = httpx.Timeout(self.polite.timeout)
        self.client = httpx.Client(timeout=timeout, follow_redirects=False, transport=transport,
                                   headers={"User-Agent": self.polite.user_agent}, trust_env=False)
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = {}
        self.sleep = time.sleep

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET `url` (following redirects), conditionally when validators are given."""
        seen: list[str] = []
        current = url
        while True:
            if not self.allowed(current):
                return Fetched(url, final_url=current, error=f"host not followed: {current}", permanent=True)
            if not self._robots_allow(current):
                return Fetched(url, final_url=current, error="disallowed by robots.txt", permanent=True)
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            result = self._get_with_retries(current, headers)
            result.url = url
            if result.error or result.status not in REDIRECT_CODES:
                return result
            seen.append(current)
            target = result.headers.get("location")
            if not target:
                return Fetched(url, result.status, current, error="redirect without a Location", permanent=True)
            current = urljoin(current, target)
            if current in seen:
                return Fetched(url, result.status, current, error="redirect loop", permanent=True)
            if len(seen) > MAX_REDIRECTS:
                return Fetched(url, result.status, current, error=f"more than {MAX_REDIRECTS} redirects",
                               permanent=True)

    def _get_with_retries(self, url: str, headers: dict[str, str]) -> Fetched:
        delay = self.polite.backoff
        for attempt in range(self.polite.retries + 1):
            result = self._get_once(url, headers)
            transient = (result.error is not None and not result.permanent) or result.status in RETRY_CODES
            if not transient or attempt == self.polite.retries:
                break
            self.sleep(delay)
            delay *= 2
        if result.error is None and result.status >= 400:
            result.error = f"HTTP {result.status}"
            result.permanent = result.status not in RETRY_CODES
        return result

    def _get_once(self, url: str, headers: dict[str, str]) -> Fetched:
        self._pace(url)
        deadline = time.monotonic() + 4 * self.polite.timeout
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.polite.max_bytes:
                    raise _TooLarge(declared)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.polite.max_bytes:
                        raise _TooLarge(str(len(body)))
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("response took too long")
                return Fetched(url, response.status_code, str(response.url),
                               {k.lower(): v for k, v in response.headers.items()}, bytes(body))
        except _TooLarge:
            return Fetched(url, error=f"response larger than the limit of {self.polite.max_bytes} bytes",
                           permanent=True)
        except httpx.TimeoutException:
            return Fetched(url, error="timed out")
        except httpx.HTTPError as exc:
            return Fetched(url, error=f"connection failed: {type(exc).__name__}")
        finally:
            self._last[_host(url)] = time.monotonic()

    def _pace(self, url: str) -> None:
        host = _host(url)
        robots = self._robots.get(host, (0.0, None))[1]
        delay = max(self.polite.delay, float((robots.crawl_delay(ROBOTS_AGENT) or 0) if robots else 0))
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)

    def _robots_allow(self, url: str) -> bool:
        host = _host(url)
        loaded, robots = self._robots.get(host, (None, None))
        if loaded is None or time.monotonic() - loaded > ROBOTS_TTL:
            robots = self._load_robots(url)
            self._robots[host] = (time.monotonic(), robots)
        return robots is None or robots.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """robots.txt of the url's host; None (everything allowed) when the site has none.

        A site whose robots.txt fails with 5xx or cannot be reached is treated as disallowing
        everything for a while (`ROBOTS_TTL`), as the major crawlers do; a 4xx means no rules.
        """
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        result = self._get_with_retries(robots_url, {})
        parser = urllib.robotparser.RobotFileParser(robots_url)
        if result.ok:
            parser.parse(result.body.decode("utf-8", "replace").splitlines())
            return parser
        if result.status and result.status < 500:  # 4xx, or a redirect away: no rules
            return None
        parser.disallow_all = True
        return parser


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()
