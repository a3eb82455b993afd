"""Helpers for the worker-mode tests: real Redis, real PostgreSQL, real worker processes.

(No tests here.) Under CI=true a missing PostgreSQL or Redis fails the test: CI machines run
both, and worker mode cannot be tested on anything else.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import psutil
import pytest
from redis import Redis
from redis.exceptions import RedisError

from conftest import free_port, fresh_postgres_database, postgres_admin_url
from test_daemon_support import ROOT, fast_env, wait_until

REDIS_URL_VAR = "NEWSWATCH_TEST_REDIS_URL"
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is not reachable: CI must run the worker-mode suite")
    pytest.skip(f"{what} is not reachable")


def redis_test_url() -> str:
    url = os.environ.get(REDIS_URL_VAR, DEFAULT_REDIS)
    try:
        Redis.from_url(url, socket_connect_timeout=2).ping()
    except RedisError:
        _missing(f"Redis at {url}")
    return url


@pytest.fixture
def redis_url() -> str:
    return redis_test_url()


@pytest.fixture
def key_prefix(redis_url: str) -> Iterator[str]:
    """A prefix of this test's own; its keys are deleted afterwards."""
    prefix = f"nwtest-{uuid.uuid4().hex[:10]}"
    yield prefix
    client = Redis.from_url(redis_url)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database, dropped afterwards."""
    admin_url = postgres_admin_url()
    if not admin_url:
        _missing("PostgreSQL (NEWSWATCH_TEST_POSTGRES_URL)")
    assert admin_url is not None
    with fresh_postgres_database(admin_url) as url:
        yield url


def worker_env(database_url: str, redis_url: str, prefix: str, sources: Path,
               **values: object) -> dict[str, str]:
    """Environment for a worker or scheduler process: fast crawls, short leases."""
    base: dict[str, object] = {
        "DATABASE_URL": database_url, "REDIS_URL": redis_url, "SOURCES": str(sources),
        "WORKER__KEY_PREFIX": prefix, "WORKER__POLL_SECONDS": 0.2,
        "WORKER__LEASE_SECONDS": 30, "WORKER__HEARTBEAT_SECONDS": 1,
        "WORKER__REDIS_RETRY_MAX_SECONDS": 2, "LOG_LEVEL": "INFO",
    }
    base.update(values)
    return fast_env(**base)


class Proc:
    """`python -m newswatch ARGS` as a real child process; its output kept in a file."""

    def __init__(self, args: list[str], env: dict[str, str], log_path: Path) -> None:
        self.log_path = log_path
        self._log: IO[bytes] = log_path.open("ab")
        self.process = subprocess.Popen([sys.executable, "-m", "newswatch", *args], env=env,
                                        cwd=ROOT, stdout=self._log, stderr=self._log)

    @property
    def pid(self) -> int:
        return self.process.pid

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def descendants(self) -> list[psutil.Process]:
        try:
            return psutil.Process(self.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def sigkill(self) -> None:
        """SIGKILL this process alone, then wait until its crawl children died with it."""
        children = self.descendants()
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        _, alive = psutil.wait_procs(children, timeout=30)
        for child in alive:  # they die with their parent; this only bounds a failure
            child.kill()

    def stop(self, timeout: float = 60) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                for child in self.descendants():
                    child.kill()
                self.process.kill()
                self.process.wait()
        self._log.close()


class RedisServer:
    """A redis-server of the test's own on a free port, with an append-only file, so that a
    restart keeps the queue as a production Redis does."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        binary = shutil.which("redis-server")
        if binary is None:
            _missing("redis-server (the Redis restart test starts its own)")
        self.binary = binary or "redis-server"

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        self.process = subprocess.Popen(
            [self.binary, "--bind", "127.0.0.1", "--port", str(self.port), "--dir",
             str(self.directory), "--appendonly", "yes", "--appendfsync", "always",
             "--save", ""],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(self._answers, 30, "the test's redis-server to answer")
        return self

    def _answers(self) -> bool:
        try:
            return bool(Redis.from_url(self.url, socket_connect_timeout=1).ping())
        except RedisError:
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None

    def wait_down(self) -> None:
        wait_until(lambda: not self._answers(), 30, "the test's redis-server to stop")


def port_is_closed() -> int:
    """A local port nothing listens on (for an unreachable Redis)."""
    port = free_port()
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0
    return port


class TcpProxy:
    """A TCP relay to a real server that the test can cut and restore: the server "goes
    down" for whoever connects through the proxy (connections refused, open ones reset)."""

    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.port = free_port()
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None

    def up(self) -> TcpProxy:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def down(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            # close() alone leaves a listener that a thread is blocked in accept() on still
            # accepting (the kernel holds it); shutdown() wakes that accept() with an error.
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            sockets, self._open = self._open, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # closed by down()
            try:
                upstream = socket.create_connection(self.target, timeout=10)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pump, args=(source, sink), daemon=True).start()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
