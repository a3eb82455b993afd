"""What every replica site shares: the article store, route lookup and feed/sitemap writers."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import zlib
from collections.abc import Callable
from datetime import datetime
from email.utils import format_datetime
from html import escape
from urllib.parse import parse_qs, unquote

from devkit.replica.article import UTC, ReplicaArticle, iso_utc

Route = tuple[str, bytes]  # (content-type, body)

HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
XML = "application/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
JSON = "application/json; charset=UTF-8"

# Stands in for "latest article" dates on a site that has no article yet.
EPOCH = datetime(2020, 1, 1, tzinfo=UTC)

# "light": article pages with just enough furniture to test extraction (6-9 KB);
# "real": the weight and structure of real article pages (see furniture.py).
PAGE_WEIGHTS = ("light", "real")


def esc(text: str) -> str:
    """Escape text for HTML or XML content and attribute values."""
    return escape(text, quote=True)


def cdata(text: str) -> str:
    # A literal "]]>" would close the section early, so split it across two sections.
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def rfc822(article: ReplicaArticle) -> str:
    return format_datetime(article.published.astimezone(UTC))


def json_ld(data: object) -> str:
    # "</" inside a script element would end it; JSON allows the escaped form.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def numeric_id(article: ReplicaArticle, low: int = 100_000) -> int:
    """A stable numeric post id, so URLs survive restarts of the replica."""
    return low + zlib.crc32(f"{article.site}/{article.slug}".encode()) % (9 * low)


def ans_id(article: ReplicaArticle) -> str:
    """A 26-character uppercase Arc ANS id derived from the article."""
    digest = hashlib.sha1(f"{article.site}/{article.slug}".encode()).digest()
    return base64.b32encode(digest).decode()[:26]


def excerpt(article: ReplicaArticle, words: int = 55) -> str:
    text = " ".join(filter(None, [article.lead, *article.paragraphs])).split()
    return " ".join(text[:words]) + (" […]" if len(text) > words else "")


class Site:
    """A site kind: subclasses say where articles live and how every page looks.

    Listing routes (feeds, sitemaps, sections) are rendered on request from the
    current article list, so `add_article` shows up everywhere at once.
    """

    kind = "base"
    name = "Replica"
    language = "fr"

    def __init__(self, key: str, page_weight: str = "light") -> None:
        if page_weight not in PAGE_WEIGHTS:
            raise ValueError(f"page_weight must be one of {PAGE_WEIGHTS}, not {page_weight!r}")
        self.key = key
        self.page_weight = page_weight
        self.base_url = ""  # set by the server once its port is known
        self._lock = threading.Lock()
        self._articles: dict[str, ReplicaArticle] = {}  # decoded path -> article

    # -- article store -------------------------------------------------------
    def add(self, article: ReplicaArticle) -> str:
        path = self.article_path(article)
        with self._lock:
            self._articles[unquote(path)] = article
        return path

    def articles(self, section: str | None = None) -> list[ReplicaArticle]:
        """A snapshot, newest first."""
        with self._lock:
            found = list(self._articles.values())
        if section is not None:
            found = [a for a in found if a.section == section]
        return sorted(found, key=lambda a: a.published, reverse=True)

    def url(self, path: str) -> str:
        return self.base_url + path

    def article_url(self, article: ReplicaArticle) -> str:
        return self.url(self.article_path(article))

    # -- routing -------------------------------------------------------------
    def resolve(self, path: str) -> Route | None:
        """The page for a request path; the query string only matters where a route names it."""
        bare, _, query = path.partition("?")
        dynamic = self.query_route(bare, parse_qs(query))
        if dynamic is not None:
            return dynamic
        listings = self.listing_routes()
        for candidate in (path, bare):
            if candidate in listings:
                return listings[candidate]()
            with self._lock:
                article = self._articles.get(unquote(candidate))
            if article is not None:
                return HTML, self.render_article(article).encode()
        return None

    def routes(self) -> dict[str, Route]:
        """Every page this site serves right now: path -> (content-type, body)."""
        pages = {path: render() for path, render in self.listing_routes().items()}
        for article in self.articles():
            pages[self.article_path(article)] = (HTML, self.render_article(article).encode())
        return pages

    # -- what subclasses provide ---------------------------------------------
    def query_route(self, path: str, query: dict[str, list[str]]) -> Route | None:
        """A page whose content depends on query parameters (APIs); None if not one."""
        return None

    def article_path(self, article: ReplicaArticle) -> str:
        raise NotImplementedError

    def render_article(self, article: ReplicaArticle) -> str:
        raise NotImplementedError

    def listing_routes(self) -> dict[str, Callable[[], Route]]:
        raise NotImplementedError

    def source_entry(self) -> dict[str, object]:
        """This site's [[source]] entry for a newswatch sources file."""
        raise NotImplementedError

    # -- shared writers ------------------------------------------------------
    def robots(self, disallow: list[str], sitemaps: list[str]) -> Route:
        lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallow), ""]
        lines += [f"Sitemap: {self.url(path)}" for path in sitemaps]
        return TEXT, ("\n".join(lines) + "\n").encode()

    def rss(self, title: str, self_path: str, items: list[str], description: str) -> Route:
        latest = self.articles()
        built = rfc822(latest[0]) if latest else format_datetime(EPOCH)
        body = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel>
\t<title>{esc(title)}</title>
\t<atom:link href="{esc(self.url(self_path))}" rel="self" type="application/rss+xml" />
\t<link>{esc(self.url("/"))}</link>
\t<description>{esc(description)}</description>
\t<lastBuildDate>{built}</lastBuildDate>
\t<language>{self.language}</language>
\t<sy:updatePeriod>hourly</sy:updatePeriod>
\t<sy:updateFrequency>1</sy:updateFrequency>
{"".join(items)}</channel>
</rss>
"""
        return RSS, body.encode()

    def urlset(self, entries: list[str], extra_ns: str = "") -> Route:
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{extra_ns}>\n'
            + "".join(entries)
            + "</urlset>\n"
        )
        return XML, body.encode()

    def sitemap_index(self, children: list[tuple[str, str]]) -> Route:
        """children: (path, lastmod) pairs."""
        entries = "".join(
            f"\t<sitemap>\n\t\t<loc>{esc(self.url(path))}</loc>\n\t\t<lastmod>{lastmod}</lastmod>\n\t</sitemap>\n"
            for path, lastmod in children
        )
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}</sitemapindex>\n"
        )
        return XML, body.encode()

    def lastmod(self, articles: list[ReplicaArticle]) -> str:
        return iso_utc(articles[0].published) if articles else iso_utc(EPOCH)


def pages(items: list[ReplicaArticle], size: int) -> list[list[ReplicaArticle]]:
    """Split a listing into pages; an empty listing still has one (empty) page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]
