"""Scheduling: persistence across restarts, catch-up once after downtime, one daemon per DB."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import inspect

from crawler.runner import RunSummary
from crawler.sources import Source
from newswatch.usecases import run_daemon
from scheduler.daemon import resume_at
from scheduler.errors import DaemonAlreadyRunning
from scheduler.jobstore import next_run_times
from scheduler.lock import acquire_daemon_lock
from storage.db import make_engine
from test_daemon_support import ROOT, fast_env, wait_until

NAMES = ("alpha", "beta", "gamma")
HOUR = timedelta(hours=1)


def write_sources(path: Path, every: str = "1h", names: tuple[str, ...] = NAMES) -> Path:
    # Never fetched: these tests replace the crawl.
    blocks = [f"[[source]]\nname = '{n}'\nhomepage = 'http://127.0.0.1:9/'\n"
              f"feeds = ['http://127.0.0.1:9/feed/']\nevery = '{every}'\n" for n in names]
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


class DaemonThread:
    """`run_daemon` in a thread, with a fake crawl that counts the runs of each source."""

    def __init__(self, settings, sources_file: Path) -> None:  # noqa: ANN001
        self.settings, self.sources_file = settings, sources_file
        self.runs: Counter[str] = Counter()
        self.stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.error: BaseException | None = None

    def _crawl(self, source: Source) -> RunSummary:
        self.runs[source.name] += 1
        return RunSummary(run_id=0, status="ok")

    def _run(self) -> None:
        try:
            run_daemon(self.settings, sources_file=self.sources_file, stop=self.stop, crawl=self._crawl)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.error = exc

    def __enter__(self) -> DaemonThread:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self._thread.join(timeout=15)
        assert not self._thread.is_alive()


def _each_ran_once(daemon: DaemonThread) -> bool:
    if daemon.error:
        raise daemon.error
    return all(daemon.runs[n] >= 1 for n in NAMES)


@pytest.mark.parametrize("intervals_down", [3, 50])
def test_after_downtime_each_source_catches_up_exactly_once(
    make_settings, tmp_path: Path, intervals_down: int
) -> None:
    settings = make_settings()
    sources = write_sources(tmp_path / "sources.toml")
    start = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)  # Ramadan 2026: Morocco is on UTC+0 then

    with time_machine.travel(start, tick=True), DaemonThread(settings, sources) as first:
        wait_until(lambda: _each_ran_once(first), 15, "the first runs")
    assert first.runs == Counter({n: 1 for n in NAMES})  # the next run is an hour away
    stored = next_run_times(settings.effective_database_url)
    assert {f"crawl:{n}" for n in NAMES} <= set(stored)

    back = start + intervals_down * HOUR + timedelta(minutes=1)
    with time_machine.travel(back, tick=True), DaemonThread(settings, sources) as second:
        wait_until(lambda: _each_ran_once(second), 15, "the catch-up runs")
        threading.Event().wait(2.0)  # any extra (uncoalesced) run would come now
    assert second.runs == Counter({n: 1 for n in NAMES})
    after = next_run_times(settings.effective_database_url)
    for name in NAMES:  # the next run is one interval after the last missed one
        assert back < after[f"crawl:{name}"] <= back + HOUR + timedelta(seconds=30)


def test_schedules_follow_the_catalogue_across_restarts(make_settings, tmp_path: Path) -> None:
    settings = make_settings()
    sources = write_sources(tmp_path / "sources.toml")
    with DaemonThread(settings, sources) as first:
        wait_until(lambda: _each_ran_once(first), 15, "the first runs")
    before = next_run_times(settings.effective_database_url)

    fewer = write_sources(tmp_path / "fewer.toml", names=("alpha", "beta"))
    with DaemonThread(settings, fewer) as second:
        wait_until(lambda: "relay" in next_run_times(settings.effective_database_url), 10, "the restart")
        threading.Event().wait(1.0)  # a stale job would have been run by now
    after = next_run_times(settings.effective_database_url)
    assert "crawl:gamma" not in after  # a source that left the catalogue loses its job
    assert after["crawl:alpha"] == before["crawl:alpha"]  # unchanged: kept, not re-run
    assert second.runs == Counter()


def test_a_second_daemon_lock_is_refused_in_process(database_url: str) -> None:
    held = acquire_daemon_lock(database_url)
    try:
        with pytest.raises(DaemonAlreadyRunning, match="already running"):
            acquire_daemon_lock(database_url)
    finally:
        held.release()
    acquire_daemon_lock(database_url).release()  # free again once the first one is gone


def test_a_second_daemon_refuses_to_start(database_url: str, tmp_path: Path) -> None:
    sources = write_sources(tmp_path / "sources.toml")
    env = fast_env(DATA_DIR=tmp_path / "data", DATABASE_URL=database_url, SOURCES=sources)
    held = acquire_daemon_lock(database_url)  # the first daemon
    try:
        second = subprocess.run(
            [sys.executable, "-m", "newswatch", "daemon"], env=env, cwd=ROOT,
            capture_output=True, text=True, timeout=60,
        )
    finally:
        held.release()
    assert second.returncode == 1, second.stderr
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1 and "already running" in lines[0], second.stderr


def test_schedules_live_outside_the_application_tables(database_url: str, make_settings,
                                                       tmp_path: Path) -> None:
    settings = make_settings(database_url=database_url)
    with DaemonThread(settings, write_sources(tmp_path / "sources.toml")) as daemon:
        wait_until(lambda: _each_ran_once(daemon), 20, "the first runs")
    assert {f"crawl:{n}" for n in NAMES} <= set(next_run_times(settings.effective_database_url))
    engine = make_engine(database_url)
    app_tables = set(inspect(engine).get_table_names())  # the default schema only
    engine.dispose()
    assert "apscheduler_jobs" not in app_tables  # Alembic's autogenerate never sees it
    if database_url.startswith("sqlite"):
        # its own file, named after the database: no lock contention, no sharing
        assert Path(settings.database_url.removeprefix("sqlite:///") + ".scheduler.db").exists()


def test_a_job_whose_runs_were_missed_resumes_now_and_a_future_one_keeps_its_time() -> None:
    now = datetime.now(UTC)
    scheduler = BackgroundScheduler(timezone=UTC)
    scheduler.start(paused=True)
    try:
        trigger = IntervalTrigger(hours=1, timezone=UTC)
        missed = scheduler.add_job(print, trigger, id="missed", next_run_time=now - 3 * HOUR)
        ahead = scheduler.add_job(print, trigger, id="ahead", next_run_time=now + HOUR)
        assert resume_at(missed, HOUR, now) == now  # not the stale grid slot
        assert resume_at(ahead, HOUR, now) == ahead.next_run_time
        assert resume_at(ahead, 2 * HOUR, now) == now  # interval changed: runs now
    finally:
        scheduler.shutdown(wait=False)
