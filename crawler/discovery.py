"""Finding article links: feeds, sitemaps, section pages and the WordPress REST API.

Each parser takes a decoded or raw document and returns `Link`s; none of them fetch.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

import feedparser
from lxml import etree, html

from crawler.dates import parse_date
from crawler.errors import FeedBroken, UnsafeXml

# Sitemaps and feeds are parsed with entity expansion and network access off: a billion-laughs
# or external-entity document then fails to parse instead of eating memory or reaching out.
_SAFE_XML = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, recover=False, load_dtd=False
)

_PROLOG_BYTES = 65536  # a real feed's root element starts long before this
_ROOT_START = re.compile(rb"<[A-Za-z_]")


@dataclass(frozen=True)
class Link:
    url: str
    title: str | None = None
    published: datetime | None = None


@dataclass(frozen=True)
class SitemapPage:
    """A parsed sitemap: child sitemaps (an index) and/or article links (a urlset)."""

    sitemaps: list[str]
    links: list[Link]


def parse_feed(body: bytes, base_url: str) -> list[Link]:
    """Items of an RSS or Atom feed. A feed with entries is used even if not well-formed."""
    _refuse_entities(body, base_url, "feed")
    try:
        parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser can raise on some malformed input
        raise FeedBroken(f"{base_url}: feed parser failed: {exc}") from exc
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "no items"
        raise FeedBroken(f"{base_url}: not a usable feed ({reason})")
    links = []
    for entry in parsed.entries:
        url = entry.get("link")
        if not url:
            continue
        date = entry.get("published") or entry.get("updated")
        links.append(Link(urljoin(base_url, url.strip()), entry.get("title"), parse_date(date)))
    return links


def _refuse_entities(body: bytes, base_url: str, what: str) -> None:
    """Refuse a document whose DTD declares entities (billion laughs, external entities).

    The parsers would not expand them either (see `_SAFE_XML`; feedparser strips them), but
    refusing names the attack in the source's errors instead of a vague parse failure. An
    external DTD reference alone (old RSS 0.91 feeds carry one) is parsed, never fetched.
    """
    window = _ascii_view(body[:_PROLOG_BYTES])
    root = _ROOT_START.search(window)
    if root is None and len(body) > _PROLOG_BYTES:
        raise UnsafeXml(f"{base_url}: {what} has no root element in its first {_PROLOG_BYTES} bytes; refused")
    prolog = window[: root.start()] if root else window
    if b"<!ENTITY" in prolog.upper():
        raise UnsafeXml(f"{base_url}: {what} declares DTD entities (entity expansion attack); refused")


def _ascii_view(head: bytes) -> bytes:
    """The document head with UTF-16 folded to ASCII, so markup can be searched as bytes."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        codec = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-16-le" if head[0] == 0x3C else "utf-16-be")
        return head.decode(codec, "ignore").encode("ascii", "ignore")
    return head


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def parse_sitemap(body: bytes, base_url: str) -> SitemapPage:
    """A sitemap index or urlset, Google News extensions included."""
    _refuse_entities(body, base_url, "sitemap")
    try:
        root = etree.fromstring(body, parser=_SAFE_XML)
    except etree.XMLSyntaxError as exc:
        raise FeedBroken(f"{base_url}: sitemap is not well-formed XML: {exc}") from exc
    kind = _local(root.tag)
    if kind == "sitemapindex":
        return SitemapPage(sitemaps=[_text(node, "loc") for node in root if _text(node, "loc")], links=[])
    if kind == "urlset":
        return SitemapPage(sitemaps=[], links=[link for node in root if (link := _sitemap_link(node))])
    raise FeedBroken(f"{base_url}: root element <{kind}> is not a sitemap")


def _text(node: etree._Element, name: str) -> str:
    for child in node.iter():
        if _local(child.tag) == name and child.text:
            return str(child.text).strip()
    return ""


def _sitemap_link(node: etree._Element) -> Link | None:
    url = _text(node, "loc")
    if not url:
        return None
    published = parse_date(_text(node, "publication_date") or _text(node, "lastmod"))
    return Link(url, _text(node, "title") or None, published)


def parse_section(text: str, base_url: str) -> list[Link]:
    """Every link on a listing page, absolute; the source's article pattern filters them."""
    try:
        tree = html.fromstring(text, base_url=base_url)
    except (etree.ParserError, ValueError):
        return []
    seen: set[str] = set()
    links = []
    for anchor in tree.iterfind(".//a[@href]"):
        url = urljoin(base_url, anchor.get("href", "").strip()).split("#", 1)[0]
        if url.startswith(("http://", "https://")) and url not in seen:
            seen.add(url)
            links.append(Link(url, anchor.text_content().strip() or None))
    return links


def parse_wp_posts(body: bytes, base_url: str) -> list[Link]:
    """``/wp-json/wp/v2/posts`` answers: a JSON list of posts with ``link`` and ``date_gmt``."""
    try:
        posts = json.loads(body)
    except ValueError as exc:
        raise FeedBroken(f"{base_url}: WordPress API answer is not JSON: {exc}") from exc
    if not isinstance(posts, list):
        raise FeedBroken(f"{base_url}: WordPress API answer is not a list of posts")
    links = []
    for post in posts:
        if isinstance(post, dict) and isinstance(post.get("link"), str):
            title = post.get("title", {})
            rendered = title.get("rendered") if isinstance(title, dict) else None
            date = post.get("date_gmt")
            links.append(Link(post["link"], rendered, parse_date(f"{date}Z" if date else None)))
    return links
