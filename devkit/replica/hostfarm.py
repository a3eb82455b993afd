"""HostFarm: N replica news sites, each on its own loopback address (its own host).

Site i listens on 127.0.0.(2+i) (Linux routes all of 127/8 to lo) on an ephemeral port, so a
crawler sees N distinct hosts, with per-host politeness and per-host locks, as on the web.
The sites are the replica's site kinds (wp, arc, custom, ar) serving farmnews's articles:
announcement events each told by 2-3 hosts, and off-topic news.

For cluster tests the farm records what it served and can hold requests:
- `served[(host, path)]`: article responses written in full; `requests[(host, path)]`: every
  request; `article_fetches()`: {article url: times served}.
- `gate(i, after=k)`: on host i, article requests past the k-th wait until `release()`. A
  held request whose client is gone by then (its process was killed) is not answered and is
  counted in `abandoned`, not in `served`. `held()` says how many wait right now.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self
from urllib.parse import unquote

from devkit.replica.farmnews import KIND_CYCLE, farm_news
from devkit.replica.served import Served, SiteHandler
from devkit.replica.server import _toml, render
from devkit.replica.sites import SITE_KINDS, Site

MAX_SITES = 24
ROBOTS = b"User-agent: *\nDisallow:\n"
# These kinds' feed and section list only the économie section (or 30 items): their sources
# name the sitemap that lists every article, so one crawl reaches the whole site.
WHOLE_SITEMAPS = {"custom": "/sitemap.xml", "hespress-ar": "/sitemap-news.xml"}
Key = tuple[str, str]  # (host address, request path)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many workers connect at once


class _Gate:
    """Article requests on one host past the first `after` wait for `opened`."""

    def __init__(self, after: int) -> None:
        self.after = after
        self.seen = 0
        self.opened = threading.Event()


class HostFarm(Served):
    def __init__(
        self,
        sites: int = 12,
        articles_per_site: int = 6,
        delay: float = 0.0,
        *,
        events: int | None = None,
        seed: int = 0,
        page_weight: str = "light",
        now: datetime | None = None,
    ) -> None:
        if not 1 <= sites <= MAX_SITES:
            raise ValueError(f"sites must be between 1 and {MAX_SITES}, not {sites}")
        self.delay = delay
        self.names = [f"farm-{i + 1:02d}" for i in range(sites)]
        self.hosts = [f"127.0.0.{2 + i}" for i in range(sites)]
        kinds = [KIND_CYCLE[i % len(KIND_CYCLE)] for i in range(sites)]
        self.sites: list[Site] = [
            SITE_KINDS[kind](name, page_weight) for kind, name in zip(kinds, self.names, strict=True)
        ]
        self.news = farm_news(
            self.names, kinds, articles_per_site, now=now or datetime.now(UTC), seed=seed,
            events=events,
        )
        # Per host: decoded article path -> the path as the site writes it.
        self._article_paths: list[dict[str, str]] = []
        for site in self.sites:
            paths = [site.add(article) for article in self.news.articles[site.key]]
            self._article_paths.append({unquote(path): path for path in paths})
        self.served: Counter[Key] = Counter()
        self.requests: Counter[Key] = Counter()
        self.abandoned: Counter[Key] = Counter()
        self._lock = threading.Lock()
        self._gates: dict[str, _Gate] = {}
        self._held = 0
        super().__init__()

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> Self:
        if self.started:
            return self
        for index, site in enumerate(self.sites):
            server = _Server((self.hosts[index], 0), self._handler(index))
            site.base_url = f"http://{self.hosts[index]}:{server.server_address[1]}"
            self._serve(server, f"hostfarm-{site.key}")
        return self

    def stop(self) -> None:
        self.release()  # held handler threads must not outlive the farm
        super().stop()

    # -- addresses and content -------------------------------------------------------------
    def base_url(self, index: int) -> str:
        base = self.sites[index].base_url
        if not base:
            raise RuntimeError("the farm is not started")
        return base

    def _url(self, site_name: str, path: str) -> str:
        index = self.names.index(site_name)
        return self.base_url(index) + path

    def article_urls(self) -> list[str]:
        """Every article page of the farm."""
        return [
            self.base_url(i) + site.article_path(a)
            for i, site in enumerate(self.sites)
            for a in site.articles()
        ]

    @property
    def events(self) -> dict[str, list[str]]:
        """Announcement event key -> the URLs of its reports (one per host)."""
        return {
            key: [self._url(a.site, self._site(a.site).article_path(a)) for a in reports]
            for key, reports in self.news.events.items()
        }

    @property
    def off_topic(self) -> list[str]:
        return [self._url(a.site, self._site(a.site).article_path(a)) for a in self.news.off_topic]

    def _site(self, name: str) -> Site:
        return self.sites[self.names.index(name)]

    # -- recording ---------------------------------------------------------------------------
    def article_fetches(self) -> dict[str, int]:
        """{article url: completed responses}, every article listed (0 if never served)."""
        with self._lock:
            served = Counter(self.served)
        return {
            self.base_url(i) + path: served[(self.hosts[i], path)]
            for i, site in enumerate(self.sites)
            for path in (site.article_path(a) for a in site.articles())
        }

    def _is_article(self, index: int, path: str) -> str | None:
        """The article path a request names, or None for any other page."""
        return self._article_paths[index].get(unquote(path.split("?", 1)[0]))

    # -- gate --------------------------------------------------------------------------------
    def gate(self, host_index: int, after: int = 0) -> None:
        """Hold the article requests on host `host_index` that come after the next `after`."""
        with self._lock:
            self._gates[self.hosts[host_index]] = _Gate(after)

    def release(self) -> None:
        """Open every gate: held requests go on (or are abandoned if their client left)."""
        with self._lock:
            gates, self._gates = list(self._gates.values()), {}
        for gate in gates:
            gate.opened.set()

    def held(self) -> int:
        with self._lock:
            return self._held

    def _wait_at_gate(self, host: str) -> None:
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                return
            gate.seen += 1
            if gate.seen <= gate.after:
                return
            self._held += 1
        try:
            gate.opened.wait()
        finally:
            with self._lock:
                self._held -= 1

    # -- sources file --------------------------------------------------------------------------
    def sources_toml(self, every: str = "1m") -> str:
        blocks = []
        for index, site in enumerate(self.sites):
            self.base_url(index)
            entry = {"name": site.key, **site.source_entry(), "language": site.language,
                     "every": every}
            if site.kind in WHOLE_SITEMAPS:
                entry["sitemaps"] = [site.url(WHOLE_SITEMAPS[site.kind])]
            lines = "".join(f"{key} = {_toml(value)}\n" for key, value in entry.items())
            blocks.append("[[source]]\n" + lines)
        return "# Generated by devkit.replica.hostfarm for a running farm.\n\n" + "\n".join(blocks)

    def write_sources(self, path: Path, every: str = "1m") -> Path:
        path = Path(path)
        path.write_text(self.sources_toml(every), encoding="utf-8")
        return path

    # -- HTTP --------------------------------------------------------------------------------
    def _count(self, counter: Counter[Key], key: Key) -> None:
        with self._lock:
            counter[key] += 1

    def _handler(self, index: int) -> type[BaseHTTPRequestHandler]:
        farm, site, host = self, self.sites[index], self.hosts[index]

        class Handler(SiteHandler):
            def _answer(self, send_body: bool) -> None:
                farm._count(farm.requests, (host, self.path))
                article = farm._is_article(index, self.path)
                if article is not None:
                    farm._wait_at_gate(host)
                    if client_gone(self.connection):
                        farm._count(farm.abandoned, (host, article))
                        self.close_connection = True
                        return
                if farm.delay:
                    time.sleep(farm.delay)
                status, content_type, body = self._render()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if send_body:
                    self.wfile.write(body)
                self.wfile.flush()
                if article is not None and send_body and status == 200:
                    farm._count(farm.served, (host, article))

            def _render(self) -> tuple[int, str, bytes]:
                if self.path.split("?", 1)[0] == "/robots.txt":
                    return 200, "text/plain; charset=utf-8", ROBOTS
                return render(site, self.path)

            def log_message(self, format: str, *args: object) -> None:
                pass  # the counters are the log

        return Handler


def client_gone(connection: socket.socket) -> bool:
    """Has the peer closed (or reset) this connection? Peeks without blocking or consuming."""
    timeout = connection.gettimeout()
    connection.settimeout(0)  # with a timeout set, recv would first wait for data
    try:
        return connection.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False  # nothing to read: the client is still waiting for its answer
    except OSError:
        return True
    finally:
        connection.settimeout(timeout)
