"""Shared fixtures: isolated settings and databases, the replica web, mail and Slack servers."""

from __future__ import annotations

import io
import os
import socket
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import create_engine, text

from devkit.replica import ReplicaWeb
from newswatch.settings import CrawlSettings, Settings

POSTGRES_URL_VAR = "NEWSWATCH_TEST_POSTGRES_URL"
ROOT = Path(__file__).resolve().parents[1]
# Third-party data read in place, never copied: it sits beside the clone, here as in CI.
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file or folder of the shared data. Missing, it skips the test locally and fails it
    under CI=true, where a silent skip would hide that the data was never read."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"shared data missing: {path} (shared/ must sit beside the repository)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No NEWSWATCH_* variable of the developer's shell leaks into a test."""
    for name in list(os.environ):
        if name.startswith("NEWSWATCH_") and name != POSTGRES_URL_VAR:
            monkeypatch.delenv(name)


def fast_crawl() -> CrawlSettings:
    """Politeness off for 127.0.0.1: the replica is ours."""
    return CrawlSettings(
        download_delay=0, autothrottle=False, extraction_workers=1, log_level="ERROR",
        download_timeout=10, retry_times=1, run_timeout=120,
    )


@pytest.fixture
def make_settings(tmp_path: Path):  # noqa: ANN201
    def make(**overrides: object) -> Settings:
        values: dict[str, object] = {
            "data_dir": tmp_path / "data",
            "database_url": f"sqlite:///{tmp_path / 'newswatch.db'}",
            "crawl": fast_crawl(),
        }
        values.update(overrides)
        return Settings(**values)  # type: ignore[arg-type]

    return make


@dataclass(frozen=True)
class CliResult:
    returncode: int
    stdout: str
    stderr: str


CliRunner = Callable[..., CliResult]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> CliRunner:
    """`newswatch ARGS` in this process, through the console script's own `main` (exit codes
    included): `cli(args, env={...}, stdin="...")` gives its exit code, stdout and stderr.
    Cheaper than a process per command; keep a real process for where the process is the point."""

    def invoke(args: list[str], *, env: dict[str, str] | None = None, stdin: str | None = None) -> CliResult:
        from newswatch.cli import main

        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(sys, "argv", ["newswatch", *args])
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((stdin or "").encode()), encoding="utf-8"))
        capsys.readouterr()
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return invoke


@pytest.fixture
def replica() -> Iterator[ReplicaWeb]:
    with ReplicaWeb() as web:
        yield web


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class MailSink:
    """aiosmtpd handler keeping every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, N802
        self.messages.append(envelope.content)
        return "250 2.0.0 queued"


@pytest.fixture
def mail_server() -> Iterator[tuple[MailSink, int]]:
    sink = MailSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


def postgres_admin_url() -> str | None:
    url = os.environ.get(POSTGRES_URL_VAR)
    if not url and os.environ.get("CI"):
        pytest.fail(f"{POSTGRES_URL_VAR} is not set: CI must run the PostgreSQL suite")
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each backend: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'db.sqlite'}"
        return
    admin_url = postgres_admin_url()
    if not admin_url:
        pytest.skip(f"set {POSTGRES_URL_VAR} to run the PostgreSQL suite")
    with fresh_postgres_database(admin_url) as url:
        yield url


@contextmanager
def fresh_postgres_database(admin_url: str) -> Iterator[str]:
    """A new, empty PostgreSQL database on the server of ``admin_url``, dropped afterwards."""
    name = f"newswatch_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
