"""The example sites `newswatch demo` serves on 127.0.0.1, built from data files.

`newswatch/demo_sites/` holds the example articles (articles.toml: invented companies and
figures, marked as example data) and the page templates of a small WordPress-style site: a
home page, an RSS feed and article pages. Nothing here is test scaffolding; the test replica
lives outside the package, in devkit/.
"""

from __future__ import annotations

import re
import threading
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from string import Template
from types import TracebackType
from typing import Self
from urllib.parse import quote, unquote

HOST = "127.0.0.1"
BANNER = {"fr": "EXEMPLE : données fictives pour la démonstration de newswatch",
          "ar": "مثال: بيانات وهمية لعرض newswatch"}
TYPES = {"html": "text/html; charset=utf-8", "xml": "application/rss+xml; charset=utf-8",
         "txt": "text/plain; charset=utf-8"}
Page = tuple[str, bytes]  # (content type, body)


@dataclass(frozen=True)
class DemoArticle:
    site: str
    slug: str
    title: str
    published: datetime
    author: str
    lead: str | None
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"{self.published:/%Y/%m/%d}/{quote(self.slug)}/"


@dataclass
class DemoSite:
    key: str
    name: str
    tagline: str
    language: str
    articles: list[DemoArticle]
    base_url: str = ""

    @property
    def source_name(self) -> str:
        return f"example-{self.key}"


def _data() -> Path:
    return Path(str(files("newswatch") / "demo_sites"))


def _template(name: str) -> Template:
    return Template((_data() / "templates" / name).read_text(encoding="utf-8"))


def load_sites(now: datetime | None = None) -> dict[str, DemoSite]:
    """The example sites and their articles; dates count back from `now`."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    data = tomllib.loads((_data() / "articles.toml").read_text(encoding="utf-8"))
    sites = {
        key: DemoSite(key, entry["name"], entry["tagline"], entry["language"], [])
        for key, entry in data["site"].items()
    }
    for entry in data["article"]:
        sites[entry["site"]].articles.append(DemoArticle(
            site=entry["site"], slug=entry["slug"], title=entry["title"],
            published=now - timedelta(hours=entry["hours_ago"]), author=entry["author"],
            lead=entry.get("lead"), paragraphs=tuple(entry["paragraphs"]),
        ))
    for site in sites.values():
        site.articles.sort(key=lambda a: a.published, reverse=True)
    return sites


class SitePages:
    """Renders one site's pages from the templates, on request."""

    def __init__(self, site: DemoSite) -> None:
        self.site = site

    def common(self) -> dict[str, str]:
        site = self.site
        return {
            "site_name": escape(site.name), "tagline": escape(site.tagline),
            "language": site.language, "direction": "rtl" if site.language == "ar" else "ltr",
            "base": site.base_url, "banner": escape(BANNER[site.language]),
        }

    def article_fields(self, article: DemoArticle) -> dict[str, str]:
        text = " ".join([article.lead or "", *article.paragraphs]).split()
        return {
            "title": escape(article.title), "url": escape(self.site.base_url + article.path),
            "author": escape(article.author), "published": article.published.isoformat(),
            "published_label": f"{article.published:%Y-%m-%d %H:%M} UTC",
            "pub_date": format_datetime(article.published),
            "description": escape(" ".join(text[:40]) + " […]"),
        }

    def page(self, path: str) -> Page | None:
        if path == "/":
            return TYPES["html"], self._listing("home.html", "home_item.html")
        if path == "/feed/":
            return TYPES["xml"], self._listing("feed.xml", "feed_item.xml")
        if path == "/robots.txt":
            return TYPES["txt"], (_data() / "templates" / "robots.txt").read_bytes()
        article = next((a for a in self.site.articles if unquote(a.path) == path), None)
        return None if article is None else (TYPES["html"], self._article(article))

    def _listing(self, page: str, item: str) -> bytes:
        row = _template(item)
        items = "".join(row.substitute(self.article_fields(a)) for a in self.site.articles)
        return _template(page).substitute(self.common(), items=items).encode()

    def _article(self, article: DemoArticle) -> bytes:
        paragraphs = [article.lead] if article.lead else []
        body = "\n".join(f"<p>{escape(p)}</p>" for p in [*paragraphs, *article.paragraphs])
        fields = {**self.common(), **self.article_fields(article), "body": body}
        return _template("article.html").substitute(fields).encode()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64  # the crawler opens several connections at once


def _handler(pages: SitePages) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = 30  # an idle keep-alive connection does not hold a thread forever

        def do_GET(self) -> None:  # http.server's naming
            found = pages.page(unquote(self.path.split("?", 1)[0]))
            status, (kind, body) = (200, found) if found else (404, (TYPES["txt"], b"not found\n"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # the demo prints its own summary

    return Handler


class DemoWeb:
    """Every example site on its own 127.0.0.1 port, for the time of a `with` block."""

    def __init__(self, now: datetime | None = None) -> None:
        self.sites = load_sites(now)
        self._servers: list[ThreadingHTTPServer] = []

    def __enter__(self) -> Self:
        for site in self.sites.values():
            server = _Server((HOST, 0), _handler(SitePages(site)))
            site.base_url = f"http://{HOST}:{server.server_address[1]}"
            threading.Thread(target=server.serve_forever, name=f"demo-{site.key}", daemon=True).start()
            self._servers.append(server)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers.clear()

    def write_sources(self, path: Path) -> Path:
        """A sources file naming the running example sites (feed and home page rungs)."""
        blocks = []
        for site in self.sites.values():
            pattern = "^" + re.escape(site.base_url) + r"/\d{4}/\d{2}/\d{2}/[^/]+/$"
            blocks.append(
                f'[[source]]\nname = "{site.source_name}"\nhomepage = "{site.base_url}/"\n'
                f'language = "{site.language}"\nfeeds = ["{site.base_url}/feed/"]\n'
                f'sections = ["{site.base_url}/"]\narticle_url = {_toml_string(pattern)}\n'
            )
        path.write_text("# example sites of `newswatch demo`\n\n" + "\n".join(blocks), encoding="utf-8")
        return path


def _toml_string(value: str) -> str:
    return "'" + value + "'"  # a literal string: the regex's backslashes stay as written
