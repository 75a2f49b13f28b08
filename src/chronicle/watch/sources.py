"""What a source lists: the article links of an RSS/Atom feed (feedparser) or of a sitemap.

trafilatura's feed and sitemap helpers download by themselves, which would bypass the watcher's
robots.txt, pacing and size cap; so the watcher fetches, and this module only parses bytes.
Sitemaps are read with lxml with entities and network access off (no XML bombs, no fetches).
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin

import feedparser
from lxml import etree

_SITEMAP_ROOTS = ("urlset", "sitemapindex")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)


@dataclass
class Listing:
    """Article links, sitemaps to read next (from a sitemap index), or why nothing could be read."""

    links: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    error: str | None = None


def parse_listing(body: bytes, url: str) -> Listing:
    """Links of a feed or a sitemap (gzipped or not), in document order, each once."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gzip.decompress(body)
        except (OSError, EOFError, zlib.error):
            return Listing(error="corrupt gzip")
    if _root_name(body) in _SITEMAP_ROOTS:
        return _parse_sitemap(body, url)
    return _parse_feed(body, url)


def _root_name(body: bytes) -> str | None:
    """Local name of the first element, without parsing the whole document."""
    start = body.find(b"<", body.find(b"?>") + 1 if body.lstrip().startswith(b"<?xml") else 0)
    while start != -1 and body[start + 1:start + 2] in (b"!", b"?"):
        start = body.find(b"<", start + 1)
    if start == -1:
        return None
    name = body[start + 1:start + 64].split(maxsplit=1)[0].split(b">")[0]
    return name.split(b":")[-1].decode("ascii", "replace")


def _parse_sitemap(body: bytes, url: str) -> Listing:
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as exc:
        return Listing(error=f"malformed sitemap: {exc}")
    locs = [urljoin(url, (el.text or "").strip()) for el in root.iter("{*}loc") if (el.text or "").strip()]
    if etree.QName(root).localname == "sitemapindex":
        return Listing(sitemaps=_unique(locs))
    return Listing(links=_unique(locs))


def _parse_feed(body: bytes, url: str) -> Listing:
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    links = [urljoin(url, entry.get("link", "")) for entry in parsed.entries if entry.get("link")]
    if not links and parsed.get("bozo"):
        return Listing(error=f"malformed feed: {parsed.get('bozo_exception')}")
    if not parsed.get("version") and not links:
        return Listing(error="not a feed or sitemap")
    return Listing(links=_unique(links))


def _unique(links: list[str]) -> list[str]:
    return list(dict.fromkeys(links))
