"""Issue 18, findings 2, 4 and 5 for the daemon, as real processes where the process is the
point: one schedule store per database; crawl children die with a killed daemon, whose
restart says it found an unclean stop; a run stopped by SIGTERM is interrupted, not failed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

from sqlmodel import Session, select

from devkit.replica import ReplicaWeb
from newswatch.settings import Settings
from newswatch.usecases import open_database, run_daemon
from scheduler.jobstore import next_run_times
from storage.db import make_engine
from storage.models import CrawlRun, SourceRun, SourceState
from test_daemon_support import (
    ROOT,
    DaemonProcess,
    HungServer,
    fast_env,
    hung_source_toml,
    wait_until,
)

NO_CHANNEL = "no alert channel is configured"


def _sources(path: Path, *names: str) -> Path:
    # Never answered: the crawls fail at once (connection refused), the schedules remain.
    path.write_text("\n".join(
        f"[[source]]\nname = '{n}'\nhomepage = 'http://127.0.0.1:9/'\n"
        f"feeds = ['http://127.0.0.1:9/feed/']\nevery = '1h'\n" for n in names), encoding="utf-8")
    return path


def _crawl_jobs(settings: Settings) -> set[str]:
    return {job for job in next_run_times(settings.effective_database_url) if job.startswith("crawl:")}


def test_two_daemons_on_two_databases_in_one_data_dir_keep_their_own_schedules(tmp_path: Path) -> None:
    data = tmp_path / "data"
    daemons, settings = [], []
    try:
        for name in ("alpha", "beta"):
            url = f"sqlite:///{tmp_path / name}.db"
            env = fast_env(DATA_DIR=data, DATABASE_URL=url,
                           SOURCES=_sources(tmp_path / f"{name}.toml", name))
            settings.append(Settings(data_dir=data, database_url=url))
            daemons.append(DaemonProcess(env, tmp_path / f"{name}.log").start())
            # The wait ends within this iteration, so the lambda sees this name.
            wait_until(lambda: _crawl_jobs(settings[-1]) == {f"crawl:{name}"}, 90,  # noqa: B023
                       f"the {name} daemon's schedule")
        # The second daemon prunes the jobs it does not know before it adds its own: had the
        # two shared a store, "crawl:alpha" would be gone by now.
        assert _crawl_jobs(settings[0]) == {"crawl:alpha"}
        assert _crawl_jobs(settings[1]) == {"crawl:beta"}
        codes = [daemon.terminate(timeout=60)[0] for daemon in daemons]
    finally:
        for daemon in daemons:
            daemon.kill()
    assert codes == [0, 0], [d.log()[-2000:] for d in daemons]
    for daemon in daemons:  # finding 2: the daemon warns once, at start
        assert daemon.log().count(NO_CHANNEL) == 1, daemon.log()[-2000:]


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _runs(database_url: str) -> list[CrawlRun]:
    with Session(make_engine(database_url)) as session:
        return list(session.exec(select(CrawlRun).order_by(CrawlRun.id)).all())


def test_a_killed_daemon_takes_its_crawl_with_it_and_the_restart_reports_the_unclean_stop(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'nw.db'}"
    with HungServer() as hung:
        sources = tmp_path / "sources.toml"
        sources.write_text(hung_source_toml(hung.url, every="1h"), encoding="utf-8")
        env = fast_env(DATA_DIR=tmp_path / "data", DATABASE_URL=url, SOURCES=sources,
                       CRAWL__DOWNLOAD_TIMEOUT=600, CRAWL__RUN_TIMEOUT=900)
        first = DaemonProcess(env, tmp_path / "first.log").start()
        restarted = DaemonProcess(env, tmp_path / "restarted.log")
        crawl: set[int] = set()
        try:
            assert first.process is not None
            wait_until(lambda: hung._held, 90, "the crawl child's request to the hung site")
            crawl = _descendants(first.process.pid)
            assert crawl, "no crawl child"
            first.process.send_signal(signal.SIGKILL)
            first.process.wait(timeout=30)
            wait_until(lambda: not [pid for pid in crawl if _alive(pid)], 60,
                       "the crawl processes to die with their daemon")

            restarted.start()
            wait_until(lambda: "unclean stop" in restarted.log(), 90, "the unclean stop line")
            status = subprocess.run([sys.executable, "-m", "newswatch", "status", "--json"],
                                    env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
            code, _took = restarted.terminate(timeout=60)
        finally:
            for pid in crawl:  # the orphans the old code left behind, if any
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
            first.kill()
            restarted.kill()
    assert code == 0, restarted.log()[-2000:]
    lines = [line for line in restarted.log().splitlines() if "unclean stop" in line]
    assert len(lines) == 1 and "1 unfinished run(s) recorded as interrupted" in lines[0], lines
    assert status.returncode == 0, status.stderr
    daemon = json.loads(status.stdout)["items"]["daemon"]
    assert "unclean stop" in daemon["unclean_stop"], daemon
    assert _runs(url)[0].status == "interrupted"


def test_a_run_stopped_by_sigterm_is_interrupted_and_leaves_the_source_healthy(
    make_settings, tmp_path: Path
) -> None:
    settings = make_settings()
    settings.daemon.every_override = timedelta(hours=1)
    settings.daemon.shutdown_grace_seconds = 4.0
    open_database(settings)
    stop = threading.Event()
    with HungServer() as hung:
        sources = tmp_path / "sources.toml"
        sources.write_text(hung_source_toml(hung.url), encoding="utf-8")
        daemon = threading.Thread(target=run_daemon, args=(settings,),
                                  kwargs={"sources_file": sources, "stop": stop}, daemon=True)
        daemon.start()
        wait_until(lambda: any(r.status == "running" for r in _runs(settings.database_url)), 60,
                   "a run in progress")
        stop.set()  # what the SIGTERM handler does
        daemon.join(timeout=60)
    assert not daemon.is_alive()
    with Session(make_engine(settings.database_url)) as session:
        source_run = session.exec(select(SourceRun)).one()
        state = session.get(SourceState, "hung-site")
    assert source_run.status == "interrupted" and source_run.errors == 0, source_run
    assert _runs(settings.database_url)[0].status == "interrupted"
    assert state is not None and state.health not in ("degraded", "failing"), state
    assert state.consecutive_failures == 0


def test_sigterm_to_the_whole_process_group_records_the_run_as_interrupted(
    replica: ReplicaWeb, tmp_path: Path
) -> None:
    """What systemd (and Ctrl-C) do: the crawl child gets the signal too, and Scrapy stops
    the crawl half-way: the run is interrupted, neither "ok" nor a failure of the sources."""
    url = f"sqlite:///{tmp_path / 'nw.db'}"
    env = fast_env(DATA_DIR=tmp_path / "data", DATABASE_URL=url, CRAWL__DOWNLOAD_DELAY=1,
                   SOURCES=replica.write_sources(tmp_path / "sources.toml", every="1h"))
    articles = {replica.article_url(a).split("/", 3)[3] for site in replica.sites.values()
                for a in site.articles()}
    with (tmp_path / "daemon.log").open("wb") as log:
        daemon = subprocess.Popen([sys.executable, "-m", "newswatch", "daemon"], env=env,
                                  cwd=ROOT, stdout=log, stderr=log, start_new_session=True)
        try:
            wait_until(lambda: any(path.lstrip("/") in articles for _site, path in replica.requests),
                       120, "the crawl's first article page")
            os.killpg(daemon.pid, signal.SIGTERM)
            code = daemon.wait(timeout=90)
        finally:
            if daemon.poll() is None:
                daemon.kill()
                daemon.wait()
    output = (tmp_path / "daemon.log").read_text(encoding="utf-8", errors="replace")
    assert code == 0, output[-2000:]
    # One run per source: those still going when the signal came are interrupted.
    runs = [run.status for run in _runs(url)]
    assert "interrupted" in runs and set(runs) <= {"interrupted", "ok"}, (runs, output[-2000:])
    with Session(make_engine(url)) as session:
        states = session.exec(select(SourceState)).all()
        statuses = {r.status for r in session.exec(select(SourceRun)).all()}
    assert "interrupted" in statuses and statuses <= {"interrupted", "ok"}, statuses
    assert states and all(s.health not in ("degraded", "failing") for s in states), states
    assert all(s.consecutive_failures == 0 for s in states)
