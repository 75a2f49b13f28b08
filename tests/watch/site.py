"""A local news site on 127.0.0.1 for the watch tests: feeds, a sitemap, pages and every kind of bad host.

Paths: /robots.txt (disallows /private/), /feed.xml (RSS, with an ETag), /atom.xml, /sitemap.xml,
/sitemap-index.xml, /bad.xml (malformed), /a<N>.html (articles), /missing.html (404),
/error.html (500), /slow.html (answers after `slow` seconds), /loop1 <-> /loop2 (redirect loop),
/moved (-> /a9.html), /huge.html (streams past any small size cap), /private/secret.html.
Every request is counted per path, with its User-Agent and conditional headers.
"""

from __future__ import annotations

import collections
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOWNS = ["Arlen", "Brevik", "Corsa", "Dunmore", "Elsby", "Farrow", "Glenna", "Harwick", "Ilsen", "Jorvik"]


def article_html(n: int) -> str:
    town = TOWNS[n % len(TOWNS)]
    title = f"Council in {town} approves ferry plan number {n}"
    paragraphs = [
        f"The council of {town} voted on Tuesday to approve a new ferry plan, the mayor Ada Voss said after "
        f"a long meeting that ended late in the evening. The plan, the {n}th of its kind, adds {n + 4} crossings.",
        f"\"We have waited for this decision for years,\" said harbour master Lionel Brack, who had argued for "
        f"the crossings since the old pier closed. Residents of {town} welcomed the vote on {n + 2} streets.",
        "Opponents of the plan said the council had ignored the cost, and they promised to ask the regional "
        "court to review the decision before the first ferry sails in spring.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>")


def rss(base: str, links: list[str]) -> str:
    items = "".join(f"<item><title>Item {i}</title><link>{link if '://' in link else base + link}</link></item>"
                    for i, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test news</title><link>{base}/</link>'
            f"<description>test</description>{items}</channel></rss>")


def atom(base: str, links: list[str]) -> str:
    entries = "".join(f'<entry><title>E{i}</title><id>urn:e{i}</id><link href="{base}{link}"/>'
                      "<updated>2025-03-03T00:00:00Z</updated></entry>" for i, link in enumerate(links))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Test</title><id>urn:feed</id><updated>2025-03-03T00:00:00Z</updated>{entries}</feed>")


def sitemap(base: str, links: list[str]) -> str:
    urls = "".join(f"<url><loc>{base}{link}</loc></url>" for link in links)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


class Site:
    """The server, its request log, and the links each feed lists (tests may change them)."""

    def __init__(self, *, slow: float = 2.0, off_host: str = "http://127.0.0.2:9/elsewhere.html") -> None:
        self.slow = slow
        self.feed_links = ["/a1.html", "/a2.html", "/private/secret.html", "/missing.html", "/error.html",
                           "/slow.html", "/loop1", "/moved", "/huge.html", off_host]
        self.atom_links = ["/a3.html", "/a1.html"]
        self.sitemap_links = ["/a4.html", "/a5.html"]
        self.requests: collections.Counter[str] = collections.Counter()
        self.headers: list[dict[str, str]] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def etag(self) -> str:
        return f'"{abs(hash(tuple(self.feed_links)))}"'

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                with site.lock:
                    site.requests[self.path] += 1
                    site.headers.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
                route = self.path
                if route == "/robots.txt":
                    self._send(200, "User-agent: *\nDisallow: /private/\n", "text/plain")
                elif route == "/feed.xml":
                    if self.headers.get("If-None-Match") == site.etag():
                        self._send(304, "", "application/rss+xml")
                    else:
                        self._send(200, rss(site.base, site.feed_links), "application/rss+xml",
                                   {"ETag": site.etag()})
                elif route == "/atom.xml":
                    self._send(200, atom(site.base, site.atom_links), "application/atom+xml")
                elif route == "/sitemap.xml":
                    self._send(200, sitemap(site.base, site.sitemap_links), "application/xml")
                elif route == "/sitemap-index.xml":
                    body = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                            f"<sitemap><loc>{site.base}/sitemap.xml</loc></sitemap></sitemapindex>")
                    self._send(200, body, "application/xml")
                elif route == "/bad.xml":
                    self._send(200, "<<rss version='2.0'><channel><item><link>&&& not xml", "application/rss+xml")
                elif route.startswith("/a") and route.endswith(".html") and route[2:-5].isdigit():
                    self._send(200, article_html(int(route[2:-5])), "text/html; charset=utf-8")
                elif route == "/error.html":
                    self._send(500, "<html><body>server error</body></html>", "text/html")
                elif route == "/slow.html":
                    time.sleep(site.slow)
                    self._send(200, article_html(99), "text/html")
                elif route in ("/loop1", "/loop2"):
                    self._send(302, "", "text/html", {"Location": "/loop2" if route == "/loop1" else "/loop1"})
                elif route == "/moved":
                    self._send(301, "", "text/html", {"Location": f"{site.base}/a9.html"})
                elif route == "/huge.html":
                    self._huge()
                else:
                    self._send(404, "<html><body>not found</body></html>", "text/html")

            def _send(self, status: int, body: str, kind: str, extra: dict[str, str] | None = None) -> None:
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", kind)
                if status != 304:
                    self.send_header("Content-Length", str(len(data)))
                for key, value in (extra or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                if status != 304:
                    self.wfile.write(data)

            def _huge(self) -> None:
                """No Content-Length: the size cap must stop reading the stream itself."""
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                try:
                    self.wfile.write(b"<html><body><p>")
                    for _ in range(400):
                        self.wfile.write(b"x" * 16384)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler
