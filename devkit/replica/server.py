"""ReplicaWeb: every replica site on its own local HTTP server."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self
from urllib.parse import unquote

from devkit.replica.arabic import arabic_articles
from devkit.replica.article import ReplicaArticle
from devkit.replica.examples import example_articles
from devkit.replica.served import Served, SiteHandler
from devkit.replica.sites import DEFAULT_SITES, SITE_KINDS, Site
from devkit.replica.sites.base import PAGE_WEIGHTS

HOST = "127.0.0.1"
HTML_TYPE = "text/html; charset=utf-8"
NOT_FOUND = (
    b'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Page introuvable</title></head>'
    b"<body><h1>404</h1><p>Page introuvable.</p></body></html>\n"
)
SERVER_ERROR = b"<!DOCTYPE html>\n<html><body><h1>500</h1></body></html>\n"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # A crawler opens many connections at once; the default backlog of 5 would refuse some.
    request_queue_size = 128


@dataclass(frozen=True)
class Override:
    status: int
    body: bytes
    headers: dict[str, str]


def default_articles() -> list[ReplicaArticle]:
    """The French example set plus the Arabic articles (served only when "ar" is)."""
    return [*example_articles(), *arabic_articles()]


class ReplicaWeb(Served):
    """Local news sites rendered from an article list (see the package docstring).

    `page_weight="real"` dresses every article page in the furniture real news pages carry
    (100-180 KB instead of 6-9 KB), for benchmarks that compare with extraction speed.
    """

    def __init__(
        self,
        articles: list[ReplicaArticle] | None = None,
        sites: list[str] | None = None,
        page_weight: str = "light",
    ) -> None:
        names = list(DEFAULT_SITES) if sites is None else sites
        unknown = [name for name in names if name not in SITE_KINDS]
        if unknown:
            raise ValueError(f"unknown replica site(s): {', '.join(unknown)}")
        if page_weight not in PAGE_WEIGHTS:
            raise ValueError(f"page_weight must be one of {PAGE_WEIGHTS}, not {page_weight!r}")
        self.page_weight = page_weight
        self.sites: dict[str, Site] = {name: SITE_KINDS[name](name, page_weight) for name in names}
        self.requests: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self._overrides: dict[tuple[str, str], Override] = {}
        super().__init__()
        for article in default_articles() if articles is None else articles:
            # Articles for sites this instance does not serve are skipped, so a
            # one-site replica can still take the default article set.
            if article.site in self.sites:
                self.sites[article.site].add(article)

    # -- lifecycle -------------------------------------------------------------
    def start(self) -> Self:
        if self.started:
            return self
        for name, site in self.sites.items():
            server = _Server((HOST, 0), self._handler(name))
            site.base_url = f"http://{HOST}:{server.server_address[1]}"
            self._serve(server, f"replica-{name}")
        return self

    # -- addresses -------------------------------------------------------------
    def _site(self, name: str) -> Site:
        if name not in self.sites:
            raise KeyError(f"this replica does not serve site {name!r}")
        return self.sites[name]

    def base_url(self, site: str) -> str:
        base = self._site(site).base_url
        if not base:
            raise RuntimeError("the replica is not started")
        return base

    def article_url(self, article: ReplicaArticle) -> str:
        return self.base_url(article.site) + self._site(article.site).article_path(article)

    # -- content and faults ----------------------------------------------------
    def add_article(self, article: ReplicaArticle) -> str:
        """Publish `article` on its site now; its URL (only its path before `start`)."""
        site = self._site(article.site)
        site.add(article)
        return self.article_url(article) if site.base_url else site.article_path(article)

    def override(
        self,
        site: str,
        path: str,
        *,
        status: int = 200,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
    ) -> None:
        """Answer `path` on `site` with this status/body/headers instead of the rendered page."""
        self._site(site)
        with self._lock:
            self._overrides[(site, unquote(path))] = Override(status, body, dict(headers or {}))

    def clear_overrides(self) -> None:
        with self._lock:
            self._overrides.clear()

    def _override_for(self, site: str, path: str) -> Override | None:
        with self._lock:
            for candidate in (unquote(path), unquote(path.split("?", 1)[0])):
                if (site, candidate) in self._overrides:
                    return self._overrides[(site, candidate)]
        return None

    def _log(self, site: str, path: str) -> None:
        with self._lock:
            self.requests.append((site, path))

    # -- sources file ----------------------------------------------------------
    def sources_toml(self, every: str = "1m") -> str:
        blocks = []
        for name, site in self.sites.items():
            self.base_url(name)
            entry = {
                "name": f"replica-{name}",
                **site.source_entry(),
                "language": site.language,
                "every": every,
            }
            lines = "".join(f"{key} = {_toml(value)}\n" for key, value in entry.items())
            blocks.append("[[source]]\n" + lines)
        header = "# Generated by devkit.replica for the running local replica.\n\n"
        return header + "\n".join(blocks)

    def write_sources(self, path: Path, every: str = "1m") -> Path:
        path = Path(path)
        path.write_text(self.sources_toml(every), encoding="utf-8")
        return path

    # -- HTTP ------------------------------------------------------------------
    def _handler(self, name: str) -> type[BaseHTTPRequestHandler]:
        replica, site = self, self.sites[name]

        class Handler(SiteHandler):
            def _answer(self, send_body: bool) -> None:
                replica._log(name, self.path)
                fault = replica._override_for(name, self.path)
                if fault is not None:
                    status, body = fault.status, fault.body
                    headers = {"Content-Type": HTML_TYPE, **fault.headers}
                else:
                    status, content_type, body = self._render()
                    headers = {"Content-Type": content_type}
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if not any(key.lower() == "content-length" for key in headers):
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if send_body:
                    self.wfile.write(body)

            def _render(self) -> tuple[int, str, bytes]:
                return render(site, self.path)

            def log_message(self, format: str, *args: object) -> None:
                pass  # the request list is the log; stderr noise would clutter test output

        return Handler


def render(site: Site, path: str) -> tuple[int, str, bytes]:
    """A site's answer to ``path``: status, content type and body."""
    try:
        route = site.resolve(path)
    except Exception:  # a rendering bug must answer 500, not hang the client
        return 500, HTML_TYPE, SERVER_ERROR
    if route is None:
        return 404, HTML_TYPE, NOT_FOUND
    return 200, *route


def _toml(value: object) -> str:
    """TOML for the few value types a sources entry uses."""
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    text = str(value)
    if "'" not in text and "\n" not in text:
        return f"'{text}'"  # literal string: regex backslashes stay as written
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
