"""The daemon as a real process: alerts on the next cycle, metrics, /healthz, SIGTERM."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

from sqlmodel import Session, select

from conftest import free_port
from devkit.replica import ReplicaWeb
from storage.db import make_engine
from storage.models import SourceRun
from test_daemon_support import DaemonProcess, announcement, fast_env, http_get, metric, wait_until

SHUTDOWN_GRACE = 10


def _subjects(sink) -> list[str]:  # noqa: ANN001
    return [str(message_from_bytes(raw, policy=policy.default)["Subject"]) for raw in sink.messages]


def _ok_runs(database_url: str) -> dict[str, int]:
    with Session(make_engine(database_url)) as session:
        runs = session.exec(select(SourceRun).where(SourceRun.status == "ok")).all()
    counts: dict[str, int] = {}
    for run in runs:
        counts[run.source] = counts.get(run.source, 0) + 1
    return counts


def test_daemon_alerts_a_new_article_on_its_next_cycle_and_stops_on_sigterm(
    tmp_path: Path, replica: ReplicaWeb, mail_server
) -> None:
    sink, smtp_port = mail_server
    database_url = f"sqlite:///{tmp_path / 'newswatch.db'}"
    metrics_port = free_port()
    env = fast_env(
        DATA_DIR=tmp_path / "data", DATABASE_URL=database_url,
        SOURCES=replica.write_sources(tmp_path / "sources.toml"),
        SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_port, SMTP_SECURITY="none",
        EMAIL_TO="analyst@example.ma", DAEMON__EVERY_OVERRIDE="PT5S",
        DAEMON__METRICS_PORT=metrics_port, DAEMON__SHUTDOWN_GRACE_SECONDS=SHUTDOWN_GRACE,
    )
    daemon = DaemonProcess(env, tmp_path / "daemon.log").start()
    try:
        # Cycle 1: the replica's two alerting stories.
        wait_until(lambda: len(sink.messages) >= 2, 60, "the first cycle's alerts")
        scrape = f"http://127.0.0.1:{metrics_port}/metrics"
        before = wait_until(
            lambda: (text := http_get(scrape)[1].decode())
            and metric(text, "newswatch_source_runs_total") >= 1 and text,
            30, "a run in the metrics")

        article = announcement("wp", 1, "Veltrix Services", "Tétouan", 900)
        replica.add_article(article)
        wait_until(lambda: any("Veltrix" in s for s in _subjects(sink)), 60, "the new article's alert")

        runs = wait_until(lambda: (r := _ok_runs(database_url)) and min(r.values()) >= 2 and r,
                          30, "two cycles of every source")
        assert set(runs) == {f"replica-{name}" for name in replica.sites}
        after = http_get(scrape)[1].decode()
        assert metric(after, "newswatch_source_runs_total") > metric(before, "newswatch_source_runs_total")
        assert metric(after, "newswatch_new_articles_total") > metric(before, "newswatch_new_articles_total")
        assert metric(after, "newswatch_pages_fetched_total") > metric(before, "newswatch_pages_fetched_total")
        status, body = http_get(f"http://127.0.0.1:{metrics_port}/healthz")
        assert status == 200 and b'"ok"' in body

        code, took = daemon.terminate(timeout=SHUTDOWN_GRACE + 30)
        assert code == 0, daemon.log()
        assert took <= SHUTDOWN_GRACE + 15, took  # the grace, plus room for a busy machine
    finally:
        daemon.kill()
    assert sum("Veltrix" in s for s in _subjects(sink)) == 1  # once, not once per cycle
