"""Local HTTP servers in background threads, started and stopped together (the replica's
sites and the host farm's)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self


class Served:
    """Base of a local web: subclasses start their servers with `_serve`; `stop` and the
    context manager are shared."""

    def __init__(self) -> None:
        self._servers: list[ThreadingHTTPServer] = []
        self._threads: list[threading.Thread] = []

    @property
    def started(self) -> bool:
        return bool(self._servers)

    def start(self) -> Self:
        raise NotImplementedError

    def _serve(self, server: ThreadingHTTPServer, name: str) -> None:
        thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
        thread.start()
        self._servers.append(server)
        self._threads.append(thread)

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers.clear()
        self._threads.clear()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()


class SiteHandler(BaseHTTPRequestHandler):
    """A news site's request handler: looks like nginx, keeps connections alive for a while;
    subclasses answer in `_answer`."""

    server_version = "nginx"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = 30  # idle keep-alive connections do not hold a thread forever

    def do_GET(self) -> None:  # http.server's naming
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        raise NotImplementedError
