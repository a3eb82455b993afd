"""FaultServer: a local web that misbehaves on purpose, one fault per route, for the fault suite.

Each case is a `FaultSite`: its own port on 127.0.0.1 (robots.txt and the redirect policy work
per host), its faulty routes, and good article pages beside them, so a test checks both that
the fault was recorded against the source and that the good content of the same run was
stored. Servers run in daemon threads; a route that blocks waits on the server's stop event
(at most a minute), so leaving the `with FaultServer()` block ends every request.

`crawl_faults` runs one real crawl (`newswatch.usecases.crawl_once`, child process and all) over
every site of a server; `FaultRun` answers the tests' questions from the database.
"""

from __future__ import annotations

import json
import re
import resource
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import brotli
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from crawler.runner import RunSummary
from dedup import canonical_url
from newswatch.settings import CrawlSettings, Settings
from newswatch.usecases import crawl_once, open_database
from storage.models import Article, Page, SourceError, SourceRun, SourceState

HOST = "127.0.0.1"
MAX_BLOCK_SECONDS = 60.0  # no route holds a connection longer, whatever the test does

Responder = Callable[["Exchange"], None]


# -- the HTTP side -----------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    site: str
    path: str
    at: float  # time.monotonic()
    host: str


class Exchange(BaseHTTPRequestHandler):
    """One request; the site's route for its path writes whatever (mis)behaviour it wants."""

    server: _SiteServer
    server_version = "faultserver"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        site = self.server.site
        site.owner.record(Hit(site.name, self.path, time.monotonic(), self.headers.get("Host", "")))
        responder = site.routes.get(self.path)
        try:
            (responder or not_found)(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler hung up (size cap, timeout): that is the point of the case

    def send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in {"Content-Type": "text/html; charset=utf-8", **(headers or {})}.items():
            self.send_header(name, value)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def raw(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        return


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    # The crawler opens up to 8 connections per site at once. With the default backlog of 5,
    # a busy machine (this process slow to accept) drops SYNs, and the client's SYN retries
    # (1, 3, 7 s...) outlast its download timeout: a good route would time out unanswered.
    request_queue_size = 128

    def __init__(self, site: FaultSite) -> None:
        super().__init__((HOST, 0), Exchange)
        self.site = site

    def handle_error(self, request: Any, client_address: Any) -> None:
        return  # a broken connection is expected here; keep test output clean


# -- responders: one misbehaviour each ---------------------------------------------------


def page(
    body: bytes | str, status: int = 200, content_type: str = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> Responder:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return lambda ex: ex.send(status, data, {"Content-Type": content_type, **(headers or {})})


def not_found(ex: Exchange) -> None:
    ex.send(404, b"<html><body><h1>404</h1></body></html>")


def sequence(*responders: Responder) -> Responder:
    """The n-th request gets the n-th responder; the last one answers every later request."""
    lock, calls = threading.Lock(), [0]

    def respond(ex: Exchange) -> None:
        with lock:
            index = min(calls[0], len(responders) - 1)
            calls[0] += 1
        responders[index](ex)

    return respond


def redirect(location: str, status: int = 302) -> Responder:
    return lambda ex: ex.send(status, b"", {"Location": location})


def delayed(seconds: float, responder: Responder) -> Responder:
    """A slow server: answers after ``seconds`` (within the crawl's timeout)."""

    def respond(ex: Exchange) -> None:
        ex.server.site.owner.stopping.wait(seconds)
        responder(ex)

    return respond


def hang(ex: Exchange) -> None:
    """Accept, read the request, never answer (until the server stops)."""
    ex.server.site.owner.stopping.wait(MAX_BLOCK_SECONDS)


def reset_mid_body(declared: int = 50_000, sent: int = 4_000) -> Responder:
    def respond(ex: Exchange) -> None:
        ex.raw(_head(200, {"Content-Length": str(declared)}) + b"<html><body>" + b"x" * sent)
        # SO_LINGER 0: close() sends a TCP RST instead of a clean FIN.
        ex.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        ex.connection.close()
        ex.close_connection = True

    return respond


def truncated(declared: int = 50_000, sent: int = 4_000) -> Responder:
    """Content-Length promises more than is sent, then a clean close."""

    def respond(ex: Exchange) -> None:
        ex.raw(_head(200, {"Content-Length": str(declared)}) + b"<html><body>" + b"x" * sent)
        ex.connection.shutdown(socket.SHUT_WR)
        ex.close_connection = True

    return respond


def stream(size: int, *, content_length: bool, chunk: int = 1 << 20) -> Responder:
    """``size`` bytes of HTML-ish filler, with or without a Content-Length header."""
    block = (b"<p>" + b"a" * (chunk - 8) + b"</p>\n")[:chunk]

    def respond(ex: Exchange) -> None:
        ex.raw(_head(200, {"Content-Length": str(size)} if content_length else {}))
        for _ in range(size // chunk):
            ex.raw(block)
        ex.close_connection = True

    return respond


def bomb(encoding: str, inflated: int = 1 << 30) -> Responder:
    """A small body that inflates to ``inflated`` bytes under Content-Encoding ``encoding``."""
    body = compressed_zeros(encoding, inflated)
    return page(body, headers={"Content-Encoding": encoding})


def _head(status: int, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.0 {status} OK", "Content-Type: text/html; charset=utf-8", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


@lru_cache(maxsize=8)
def compressed_zeros(encoding: str, size: int) -> bytes:
    """``size`` zero bytes compressed, built in well under a second by repeating one block."""
    if encoding == "br":
        compressor = brotli.Compressor(quality=1)  # fast; 1 GiB still fits in ~200 KB
        chunk = bytes(1 << 20)
        return b"".join(compressor.process(chunk) for _ in range(size >> 20)) + compressor.finish()
    raw = _deflate_zeros(size)
    if encoding == "gzip":
        crc = 0
        for _ in range(size >> 20):
            crc = zlib.crc32(bytes(1 << 20), crc)
        header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
        return header + raw + struct.pack("<II", crc, size & 0xFFFFFFFF)
    if encoding == "deflate":
        return b"\x78\x9c" + raw + struct.pack(">I", _adler_zeros(size))
    raise ValueError(encoding)


def _deflate_zeros(size: int) -> bytes:
    # After a full flush the compressor's state is reset, so every 1 MiB block of zeros
    # compresses to the same bytes: compress two, repeat the second.
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    return first + block * ((size >> 20) - 2) + compressor.compress(chunk) + compressor.flush()


def _adler_zeros(size: int) -> int:
    # Adler-32 of n zero bytes: the low sum stays 1, the high sum adds 1 per byte.
    return ((size % 65521) << 16) | 1


# -- good content --------------------------------------------------------------------------

_SENTENCES = (
    "La société {n} annonce l'ouverture d'une nouvelle unité de production dans la zone industrielle.",
    "Le projet représente un investissement de {k} millions de dirhams selon la direction générale.",
    "Les responsables prévoient la création de {j} emplois directs au cours des deux prochaines années.",
    "Cette extension vise à répondre à la demande croissante des clients européens du groupe {n}.",
    "Le ministère de l'Industrie a salué une initiative qui renforce l'attractivité de la région.",
    "Les premières livraisons sont attendues avant la fin du prochain exercice, précise le communiqué.",
    "Le site de {n} emploiera des techniciens formés localement en partenariat avec l'OFPPT.",
    "L'entreprise compte également moderniser sa logistique et ses entrepôts de Tanger Med.",
)


def article_text(name: str) -> list[str]:
    """Three paragraphs that differ per site, so no two good articles look like copies."""
    seed = zlib.crc32(name.encode())
    words = {"n": name.replace("-", " ").title(), "k": 100 + seed % 900, "j": 50 + seed % 950}
    order = sorted(range(len(_SENTENCES)), key=lambda i: zlib.crc32(f"{name}{i}".encode()))
    sentences = [_SENTENCES[i].format(**words) for i in order]
    return [" ".join(sentences[i:i + 3]) for i in (0, 3, 5)]


def article_html(title: str, paragraphs: list[str], *, lang: str = "fr", meta_charset: str = "utf-8", extra_head: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="{meta_charset}">'
        f"<title>{title}</title>{extra_head}</head><body><header><nav><a href=\"/\">Accueil</a></nav></header>"
        f"<main><article><h1>{title}</h1>\n{body}\n</article></main><footer>© Fault News</footer></body></html>"
    )


def rss(urls: list[str], title: str = "Fault News") -> str:
    items = "".join(
        f"<item><title>Article {i}</title><link>{url}</link>"
        f"<pubDate>{time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime())}</pubDate></item>"
        for i, url in enumerate(urls)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'


def listing(urls: list[str]) -> str:
    links = "".join(f'<li><a href="{url}">Lien {i}</a></li>' for i, url in enumerate(urls))
    return f"<html><head><meta charset=\"utf-8\"></head><body><ul>{links}</ul></body></html>"


def urlset(urls: list[str]) -> str:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'


# -- sites and the server -------------------------------------------------------------------


@dataclass
class FaultSite:
    """One source of the fault suite: its own port, routes, and a few good articles."""

    owner: FaultServer
    name: str
    routes: dict[str, Responder] = field(default_factory=dict)
    good_urls: list[str] = field(default_factory=list)
    entry: dict[str, Any] = field(default_factory=dict)
    base_url: str = ""

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def route(self, path: str, responder: Responder) -> str:
        self.routes[path] = responder
        return self.url(path)

    def article(self, slug: str = "good", **page_options: Any) -> Responder:
        """A real article page, different on every site and slug."""
        title = f"{self.name.replace('-', ' ').title()} investit dans une nouvelle usine ({slug})"
        return page(article_html(title, article_text(f"{self.name}/{slug}"), **page_options))

    def good(self, slug: str = "good", responder: Responder | None = None, **page_options: Any) -> str:
        """A good article at ``/a/<slug>`` (by default `article`); the tests expect it stored."""
        url = self.route(f"/a/{slug}", responder or self.article(slug, **page_options))
        self.good_urls.append(url)
        return url

    def feed(self, urls: list[str], path: str = "/feed.xml") -> str:
        return self.route(path, page(rss(urls), content_type="application/rss+xml; charset=utf-8"))

    def section(self, urls: list[str], path: str = "/rubrique/economie") -> str:
        return self.route(path, page(listing(urls)))

    def standard(self, *faulty_paths: str) -> FaultSite:
        """The common layout: a feed listing a good article (and any added before) and the faulty URLs."""
        self.good()
        self.use(feeds=[self.feed([*self.good_urls, *(self.url(p) for p in faulty_paths)])])
        return self

    def use(self, **entry: Any) -> FaultSite:
        """Source entry keys (feeds, sections, sitemaps, max_pages ...), URLs absolute."""
        self.entry.update(entry)
        return self

    def source(self) -> dict[str, Any]:
        return {
            "name": self.name, "homepage": self.url("/"), "language": "fr",
            "article_url": f"^{re.escape(self.base_url)}/a/", **self.entry,
        }


class FaultServer:
    """Every `FaultSite` of one test module, each on its own port; a context manager."""

    def __init__(self) -> None:
        self.sites: dict[str, FaultSite] = {}
        self.hits: list[Hit] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._servers: list[_SiteServer] = []

    def site(self, name: str) -> FaultSite:
        site = FaultSite(self, name)
        server = _SiteServer(site)
        site.base_url = f"http://{HOST}:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, name=f"fault-{name}", daemon=True).start()
        self._servers.append(server)
        self.sites[name] = site
        return site

    def record(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)

    def hits_for(self, site: str, path: str | None = None) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.site == site and (path is None or h.path == path)]

    def write_sources(self, path: Path) -> Path:
        blocks = []
        for site in self.sites.values():
            lines = [f"{key} = {json.dumps(value)}" for key, value in site.source().items()]
            blocks.append("[[source]]\n" + "\n".join(lines))
        path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
        return path

    def stop(self) -> None:
        self.stopping.set()
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers.clear()

    def __enter__(self) -> FaultServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# -- one crawl over every site, and what it left in the database ---------------------------


# Generous: every route that answers does so long before this, even on a loaded machine,
# where a crawl's reactor or this server can stall for seconds; a short timeout then fails
# good pages (DownloadTimedOut; seen at 2 s, and once at 10 s with the load average at 13).
# A case that needs the timeout to fire (`hang`) crawls on its own with a short one.
DOWNLOAD_TIMEOUT = 20
# The run's own limit: far above a fault crawl's minute on that machine; reached only on failure.
RUN_TIMEOUT = 300


def fault_crawl(**overrides: Any) -> CrawlSettings:
    """Fast and impolite (the server is ours); timeouts far above any answer's delay."""
    values: dict[str, Any] = {
        "download_delay": 0, "autothrottle": False, "extraction_workers": 2, "log_level": "ERROR",
        "download_timeout": DOWNLOAD_TIMEOUT, "retry_times": 1, "run_timeout": RUN_TIMEOUT, "concurrent_per_domain": 8,
        "concurrent_total": 32, "max_retry_after": 5,
    }
    values.update(overrides)
    return CrawlSettings(**values)


@dataclass
class FaultRun:
    server: FaultServer
    settings: Settings
    summary: RunSummary
    engine: Engine
    seconds: float

    def errors(self, site: str) -> list[SourceError]:
        with Session(self.engine) as session:
            return list(session.exec(select(SourceError).where(SourceError.source == site)).all())

    def error_for(self, site: str, path: str) -> SourceError:
        """The one error recorded against ``site`` for the URL ending in ``path``."""
        found = [e for e in self.errors(site) if (e.url or "").endswith(path)]
        assert len(found) == 1, (site, path, [(e.kind, e.url, e.message) for e in self.errors(site)])
        return found[0]

    def kinds(self, site: str) -> set[str]:
        return {e.kind for e in self.errors(site)}

    def articles(self, site: str | None = None) -> list[Article]:
        with Session(self.engine) as session:
            query = select(Article).where(Article.is_seed == False)  # noqa: E712
            if site is not None:
                query = query.where(Article.source == site)
            return list(session.exec(query).all())

    def page(self, url: str) -> Page | None:
        with Session(self.engine) as session:
            return session.exec(select(Page).where(Page.url == canonical_url(url))).first()

    def source_run(self, site: str) -> SourceRun:
        with Session(self.engine) as session:
            query = select(SourceRun).where(SourceRun.source == site, SourceRun.run_id == self.summary.run_id)
            found = session.exec(query).first()
            assert found is not None, site
            return found

    def state(self, site: str) -> SourceState:
        with Session(self.engine) as session:
            found = session.get(SourceState, site)
            assert found is not None, site
            return found

    def assert_good_stored(self) -> None:
        """Every good article of every site was fetched and stored."""
        stored = {a.url for a in self.articles()}
        for site in self.server.sites.values():
            for url in site.good_urls:
                assert canonical_url(url) in stored, (site.name, url, self.errors(site.name))


@contextmanager
def crawled(tmp_path: Path, build: Callable[[FaultServer], None], **crawl: Any) -> Iterator[FaultRun]:
    """Build the sites, crawl them all once (one child process), stop the servers, yield."""
    with FaultServer() as server:
        build(server)
        settings = Settings(
            data_dir=tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'faults.db'}",
            crawl=fault_crawl(**crawl),
        )
        sources = server.write_sources(tmp_path / "sources.toml")
        started = time.monotonic()
        summary = crawl_once(settings, sources_file=sources, send_alerts=False)
        seconds = time.monotonic() - started
    yield FaultRun(server, settings, summary, open_database(settings), seconds)


def peak_child_rss_mb() -> float:
    """Peak resident memory of the largest finished child process (the crawl), in MiB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
