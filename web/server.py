"""Running the dashboard: the bind check, uvicorn in the foreground or in a thread."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn
from starlette.applications import Starlette

from web.errors import CannotListen, InsecureBind, ServerDidNotStart

STARTUP_TIMEOUT = 30.0


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Beyond the loopback the dashboard is reachable by others: it needs a token."""
    if not is_loopback(host) and not token:
        raise InsecureBind(
            f"refusing to serve on {host} without a token: set NEWSWATCH_WEB__TOKEN "
            "(a long random string) or bind 127.0.0.1"
        )


def bound_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise CannotListen(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(2048)  # connections queue from now on, before uvicorn's loop accepts them
    return sock


def _server(app: Starlette) -> uvicorn.Server:
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            server_header=False)
    return uvicorn.Server(config)


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve_forever(app: Starlette, host: str, port: int, token: str | None,
                  on_ready: Callable[[str], None] | None = None) -> None:
    """Serve until Ctrl-C or SIGTERM; ``on_ready(url)`` is called once listening."""
    check_bind(host, token)
    sock = bound_socket(host, port)
    if on_ready is not None:
        on_ready(url_of(sock))
    try:
        _server(app).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises Ctrl-C after its clean shutdown: the normal stop
        pass


@dataclass
class RunningServer:
    url: str
    server: uvicorn.Server


@contextmanager
def running(app: Starlette, host: str = "127.0.0.1", port: int = 0,
            token: str | None = None) -> Iterator[RunningServer]:
    """The dashboard served from a thread for the duration of the block (tests, the demo)."""
    check_bind(host, token)
    sock = bound_socket(host, port)
    server = _server(app)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name="newswatch-web")
    thread.start()
    _wait_started(server, thread)
    try:
        yield RunningServer(url_of(sock), server)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _wait_started(server: uvicorn.Server, thread: threading.Thread) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise ServerDidNotStart("the dashboard server did not start")
        time.sleep(0.02)
