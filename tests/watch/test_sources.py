"""Feeds and sitemaps to links: RSS, Atom, urlset, sitemap index, gzip, and what is not a listing."""

from __future__ import annotations

import gzip

from chronicle.watch.sources import parse_listing
from tests.watch.site import atom, rss, sitemap

BASE = "http://127.0.0.1:1"


def test_rss_links_in_order_each_once():
    listing = parse_listing(rss(BASE, ["/b.html", "/a.html", "/b.html"]).encode(), f"{BASE}/feed.xml")
    assert listing.links == [f"{BASE}/b.html", f"{BASE}/a.html"] and listing.error is None


def test_atom_links():
    assert parse_listing(atom(BASE, ["/x.html"]).encode(), f"{BASE}/atom.xml").links == [f"{BASE}/x.html"]


def test_sitemap_plain_and_gzipped():
    body = sitemap(BASE, ["/s1.html", "/s2.html"]).encode()
    for data in (body, gzip.compress(body)):
        assert parse_listing(data, f"{BASE}/sitemap.xml").links == [f"{BASE}/s1.html", f"{BASE}/s2.html"]


def test_sitemap_index_lists_sitemaps_not_pages():
    body = (b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<sitemap><loc>http://127.0.0.1:1/news.xml</loc></sitemap></sitemapindex>")
    listing = parse_listing(body, f"{BASE}/index.xml")
    assert listing.sitemaps == [f"{BASE}/news.xml"] and listing.links == []


def test_malformed_listings_are_errors_not_exceptions():
    for body in (b"<<rss version='2.0'><channel><item><link>&&& not xml", b"plain words, no markup",
                 b'<?xml version="1.0"?><urlset><url><loc>http://x/</loc></urlset>', b"\x1f\x8bnot gzip"):
        listing = parse_listing(body, f"{BASE}/bad.xml")
        assert listing.error and not listing.links, body


def test_entity_expansion_is_not_performed():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/p&b;</loc></url></urlset>')
    links = parse_listing(bomb, f"{BASE}/s.xml").links
    assert all("aaaaa" not in link for link in links)
