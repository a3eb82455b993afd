"""Helpers for the daemon tests: a real daemon subprocess, a hung server, new articles.

(No tests here; the file is named so that it stays among the daemon's test files.)
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from devkit.replica import ReplicaArticle

ROOT = Path(__file__).resolve().parents[1]


# CI machines are shared and busy: a bound is how long a test waits before it gives up, never
# what it asserts, so every bound is stretched this much (a passing test never waits longer).
PATIENCE_FACTOR = float(os.environ.get("NEWSWATCH_TEST_PATIENCE", "4"))


def wait_until(predicate: Callable[[], object], timeout: float, what: str, step: float = 0.2) -> object:
    timeout *= PATIENCE_FACTOR
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def fast_env(**values: object) -> dict[str, str]:
    """NEWSWATCH_* variables for a daemon subprocess: politeness off for 127.0.0.1."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}
    defaults: dict[str, object] = {
        "CRAWL__DOWNLOAD_DELAY": 0, "CRAWL__AUTOTHROTTLE": "false",
        "CRAWL__EXTRACTION_WORKERS": 1, "CRAWL__LOG_LEVEL": "ERROR",
        "CRAWL__DOWNLOAD_TIMEOUT": 10, "CRAWL__RETRY_TIMES": 1, "CRAWL__RUN_TIMEOUT": 120,
        "DAEMON__JITTER_SECONDS": 0, "DAEMON__SHUTDOWN_GRACE_SECONDS": 10,
        "DAEMON__RELAY_EVERY_SECONDS": 2,
    }
    defaults.update(values)
    env.update({f"NEWSWATCH_{key}": str(value) for key, value in defaults.items()})
    return env


class DaemonProcess:
    """`python -m newswatch daemon` as a real child process; stderr kept in a file."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.env = env
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def start(self) -> DaemonProcess:
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "newswatch", "daemon"], env=self.env, cwd=ROOT,
            stdout=self._log, stderr=self._log,
        )
        return self

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def terminate(self, timeout: float) -> tuple[int, float]:
        """SIGTERM, then the exit code and how long the daemon took to exit."""
        assert self.process is not None
        started = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=timeout)
        return code, time.monotonic() - started

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self._log is not None:
            self._log.close()


def http_get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except OSError:
        return 0, b""


def metric(exposition: str, name: str) -> float:
    """The sum of every sample of ``name`` (all label sets) in a Prometheus exposition."""
    total = 0.0
    for line in exposition.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            total += float(line.rsplit(" ", 1)[1])
    return total


class HungServer:
    """Accepts connections and never answers: a site that hangs every request."""

    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(0.2)
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._sock.accept()
            except OSError:
                continue
            self._held.append(connection)  # read nothing, answer nothing

    def __enter__(self) -> HungServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        for connection in self._held:
            connection.close()
        self._sock.close()


def hung_source_toml(url: str, every: str = "1m") -> str:
    return (
        "[[source]]\n"
        f"name = 'hung-site'\nhomepage = '{url}/'\nfeeds = ['{url}/feed/']\n"
        f"sections = ['{url}/economie/']\nevery = '{every}'\n"
    )


def announcement(site: str, n: int, company: str, city: str, jobs: int) -> ReplicaArticle:
    """A new offshoring announcement, distinct from every example story."""
    return ReplicaArticle(
        site=site,
        slug=f"offshoring-{company.lower().replace(' ', '-')}-{n}",
        title=f"Offshoring : {company} va créer {jobs} emplois à {city}",
        lead=(f"Le prestataire d'externalisation {company} va ouvrir un centre de relation client "
              f"à {city} et recruter {jobs} conseillers, pour un investissement de "
              f"{40 + n} millions de dirhams."),
        paragraphs=[
            f"Le groupe {company}, spécialiste de l'offshoring et du back-office pour des clients "
            f"européens, a signé une convention d'investissement avec le Centre régional "
            f"d'investissement de la région de {city}.",
            f"Le futur site accueillera {jobs} collaborateurs, dont une première promotion dès "
            "l'ouverture. Les conseillers traiteront des appels et des courriels en français et "
            "en espagnol.",
            f"« Nous avons choisi {city} pour la qualité de ses diplômés », a déclaré le "
            f"directeur général de {company} Maroc.",
            "Le projet bénéficie des aides de l'offre Maroc Offshoring à la formation et à "
            "l'embauche.",
        ],
        published=datetime.now(UTC).replace(microsecond=0),
        author="Rédaction",
    )
