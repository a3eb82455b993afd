"""Daemon benchmarks against the local replica (127.0.0.1 only); prints figures.

    time to alert  from the moment an article appears on a replica site to the moment its
                   email reaches the SMTP server; median and p95 (target p95 <= every + 15 s)
    memory         the daemon's RSS (parent process) over N cycles; start, end, max and the
                   trend over the second half (target <= 250 MB, no upward trend)

    .venv/bin/python bench/bench_daemon.py latency --every 60 --articles 20
    .venv/bin/python bench/bench_daemon.py memory --every 5 --cycles 200
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path

from aiosmtpd.controller import Controller
from sqlalchemy import create_engine, func, select

# devkit/ is dev-only and outside the wheel: import it from the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devkit.replica import ReplicaArticle, ReplicaWeb  # noqa: E402
from storage.models import CrawlRun  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
COMPANIES = ["Veltrix", "Orbana", "Kalyon", "Sertel", "Numidia", "Atlasys", "Corvana", "Zenova",
             "Talvira", "Mirexa", "Quantis", "Brevo", "Solenza", "Ivora", "Dunecom", "Palmyra",
             "Oxalis", "Kermat", "Lumora", "Sahel", "Tessaly", "Vireon", "Arganis", "Mogador"]
CITIES = ["Tétouan", "Fès", "Meknès", "Agadir", "Oujda", "Kénitra", "Rabat", "Marrakech",
          "Tanger", "Béni Mellal", "El Jadida", "Safi"]


class Inbox:
    """aiosmtpd handler: arrival time of every message, by subject."""

    def __init__(self) -> None:
        self.arrivals: list[tuple[float, str]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, N802
        subject = str(message_from_bytes(envelope.content, policy=policy.default)["Subject"])
        with self.lock:
            self.arrivals.append((time.monotonic(), subject))
        return "250 2.0.0 queued"

    def arrived(self, needle: str) -> float | None:
        with self.lock:
            return next((t for t, s in self.arrivals if needle in s), None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def announcement(n: int) -> ReplicaArticle:
    company = f"{COMPANIES[n % len(COMPANIES)]} {['CX', 'Services', 'Digital', 'BPO'][n // len(COMPANIES) % 4]}"
    city, jobs = CITIES[n % len(CITIES)], 300 + 37 * n
    site = ["wp", "arc", "custom"][n % 3]
    return ReplicaArticle(
        site=site, slug=f"bench-offshoring-{n}-{company.lower().replace(' ', '-')}",
        title=f"Offshoring : {company} va créer {jobs} emplois à {city}",
        lead=(f"Le prestataire d'externalisation {company} va ouvrir un centre de relation client à "
              f"{city} et recruter {jobs} conseillers, pour {20 + 3 * n} millions de dirhams."),
        paragraphs=[
            f"{company}, spécialiste de l'offshoring et du back-office, a signé une convention "
            f"d'investissement avec le Centre régional d'investissement de {city}.",
            f"Le site de {company} accueillera {jobs} collaborateurs ; la première promotion "
            f"de {jobs // 3} conseillers sera formée dès l'ouverture.",
            "Le projet bénéficie des aides de l'offre Maroc Offshoring à la formation.",
        ],
        published=datetime.now(UTC).replace(microsecond=0), author="Rédaction",
    )


def daemon_env(tmp: Path, replica: ReplicaWeb, smtp_port: int, every: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}
    values = {
        "DATA_DIR": tmp / "data", "DATABASE_URL": f"sqlite:///{tmp / 'newswatch.db'}",
        "SOURCES": replica.write_sources(tmp / "sources.toml"),
        "SMTP_HOST": "127.0.0.1", "SMTP_PORT": smtp_port, "SMTP_SECURITY": "none",
        "EMAIL_TO": "bench@example.ma", "DAEMON__EVERY_OVERRIDE": f"PT{every}S",
        "DAEMON__RELAY_EVERY_SECONDS": 5, "CRAWL__DOWNLOAD_DELAY": 0,
        "CRAWL__AUTOTHROTTLE": "false", "CRAWL__LOG_LEVEL": "ERROR", "LOG_LEVEL": "WARNING",
    }
    env.update({f"NEWSWATCH_{k}": str(v) for k, v in values.items()})
    return env


def start_daemon(env: dict[str, str], tmp: Path) -> subprocess.Popen[bytes]:
    log = (tmp / "daemon.log").open("ab")
    return subprocess.Popen([sys.executable, "-m", "newswatch", "daemon"], env=env, cwd=ROOT,
                            stdout=log, stderr=log)


def stop_daemon(process: subprocess.Popen[bytes]) -> int:
    process.send_signal(signal.SIGTERM)
    return process.wait(timeout=120)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def bench_latency(every: int, articles: int) -> None:
    inbox, tmp = Inbox(), Path(tempfile.mkdtemp(prefix="bench-daemon-"))
    port = free_port()
    smtp = Controller(inbox, hostname="127.0.0.1", port=port)
    smtp.start()
    with ReplicaWeb() as replica:
        daemon = start_daemon(daemon_env(tmp, replica, port, every), tmp)
        try:
            time.sleep(every + 20)  # the first cycle: the baseline's alerts go out
            latencies = measure(replica, inbox, every, articles)
        finally:
            code = stop_daemon(daemon)
    smtp.stop()
    print(f"time to alert, schedule every {every} s, {len(latencies)}/{articles} articles alerted")
    if latencies:
        print(f"  median {statistics.median(latencies):.1f} s   p95 {percentile(latencies, 95):.1f} s"
              f"   max {max(latencies):.1f} s   (target p95 <= {every + 15} s)")
    print(f"  daemon exit code on SIGTERM: {code}   (work dir {tmp})")


def measure(replica: ReplicaWeb, inbox: Inbox, every: int, articles: int) -> list[float]:
    """Add articles at random moments (about three per interval); wait for each email."""
    rng, added = random.Random(6), []
    for n in range(articles):
        article = announcement(n)
        replica.add_article(article)
        added.append((time.monotonic(), article.title.split(" : ", 1)[1].split(" va ")[0]))
        time.sleep(rng.uniform(0.1, 0.6) * every)
    deadline = time.monotonic() + 3 * every + 60
    while time.monotonic() < deadline and any(inbox.arrived(c) is None for _t, c in added):
        time.sleep(0.5)
    return [inbox.arrived(c) - t for t, c in added if inbox.arrived(c) is not None]  # type: ignore[operator]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def runs_done(database_url: str) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(CrawlRun.__table__)
                                          .where(CrawlRun.__table__.c.status != "running")).scalar() or 0)
    except Exception:  # the daemon has not created the schema yet
        return 0
    finally:
        engine.dispose()


def slope_per_cycle(samples: list[tuple[int, float]]) -> float:
    xs, ys = [x for x, _ in samples], [y for _, y in samples]
    if len(xs) < 2:
        return 0.0
    return statistics.linear_regression(xs, ys).slope


def bench_memory(every: int, cycles: int) -> None:
    inbox, tmp = Inbox(), Path(tempfile.mkdtemp(prefix="bench-daemon-"))
    port = free_port()
    smtp = Controller(inbox, hostname="127.0.0.1", port=port)
    smtp.start()
    with ReplicaWeb() as replica:
        env = daemon_env(tmp, replica, port, every)
        url = env["NEWSWATCH_DATABASE_URL"]
        daemon = start_daemon(env, tmp)
        samples: list[tuple[int, float]] = []
        started = time.monotonic()
        try:
            done = 0
            while done < cycles:
                time.sleep(1)
                done = runs_done(url) // len(replica.sites)
                if not samples or samples[-1][0] != done:
                    samples.append((done, rss_mb(daemon.pid)))
                    if done % 10 == 0:
                        print(f"  cycle {done}: {samples[-1][1]:.0f} MB", flush=True)
        finally:
            code = stop_daemon(daemon)
    smtp.stop()
    half = [s for s in samples if s[0] >= cycles // 2]
    print(f"daemon RSS over {cycles} cycles of {len(replica.sites)} sources (every {every} s, "
          f"{time.monotonic() - started:.0f} s)")
    print(f"  start {samples[0][1]:.0f} MB   end {samples[-1][1]:.0f} MB   max "
          f"{max(r for _, r in samples):.0f} MB   (target <= 250 MB)")
    print(f"  trend over the second half: {slope_per_cycle(half) * 100:+.2f} MB per 100 cycles")
    print(f"  daemon exit code on SIGTERM: {code}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="bench", required=True)
    latency = sub.add_parser("latency")
    latency.add_argument("--every", type=int, default=60)
    latency.add_argument("--articles", type=int, default=20)
    memory = sub.add_parser("memory")
    memory.add_argument("--every", type=int, default=5)
    memory.add_argument("--cycles", type=int, default=200)
    args = parser.parse_args()
    if args.bench == "latency":
        bench_latency(args.every, args.articles)
    else:
        bench_memory(args.every, args.cycles)


if __name__ == "__main__":
    main()
