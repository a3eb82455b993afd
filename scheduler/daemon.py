"""`newswatch daemon`: APScheduler 3 drives one crawl job per source, in UTC.

- One job per source (id ``crawl:<name>``), on its interval in UTC (Morocco moves its
  clocks around Ramadan; UTC never does), with jitter so sources do not fire together.
- Schedules persist in a job store of their own (see `scheduler.jobstore`). On restart a
  job keeps its stored next run: after downtime, its missed runs coalesce into ONE run,
  and the misfire grace is at least one interval, so that run is never dropped.
- ``max_instances=1``: at most one run per source at a time; a lock (see
  `scheduler.lock`) makes it one daemon per database, and the job store is the database's
  own (`scheduler.jobstore`).
- Each crawl runs in a child process with a hard time limit (`scheduler.isolation`), which
  dies with the daemon (`crawler.orphans`); a start after a daemon that did not stop
  cleanly says so (`scheduler.stops`).
- SIGTERM/SIGINT: no new run starts; runs in progress finish, or are stopped and recorded
  as interrupted, before ``shutdown_grace_seconds`` is up.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Literal

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import text

from crawler.runner import RunSummary
from crawler.sources import Source, select_sources
from scheduler import jobs
from scheduler.config import DaemonServices, SchedulerConfig
from scheduler.dispatch import Dispatcher, source_host
from scheduler.isolation import crawl_isolated
from scheduler.jobs import CRAWL_JOB, RELAY_JOB, DaemonRuntime, interval_for
from scheduler.jobstore import build_jobstore
from scheduler.lock import acquire_daemon_lock
from scheduler.metrics import DaemonMetrics, MetricsServer
from scheduler.signals import stop_on_signals
from scheduler.stops import record_clean_stop, record_start
from scheduler.worker import check_worker_database, work_queue

log = logging.getLogger(__name__)

CRAWL_PREFIX = "crawl:"
Crawl = Callable[[Source], RunSummary]
Role = Literal["all", "scheduler"]


def crawl_job_id(source: str) -> str:
    return f"{CRAWL_PREFIX}{source}"


class DaemonScheduler(BackgroundScheduler):  # type: ignore[misc]  # APScheduler 3 is untyped
    """APScheduler 3.11's loop makes one last pass over due jobs after ``shutdown()`` has
    stopped the executors, and logs an error for each; a stopped scheduler skips it."""

    def _process_jobs(self) -> float | None:
        if self.state == STATE_STOPPED:
            return None
        return super()._process_jobs()  # type: ignore[no-any-return]


def build_scheduler(config: SchedulerConfig) -> BackgroundScheduler:
    daemon = config.daemon
    return DaemonScheduler(
        timezone=UTC,
        jobstores={"default": build_jobstore(config.database_url)},
        executors={
            "crawl": ThreadPoolExecutor(daemon.max_parallel_crawls),
            "default": ThreadPoolExecutor(2),  # the relay never waits behind a slow crawl
        },
        job_defaults={"coalesce": True, "max_instances": 1,
                      "misfire_grace_time": daemon.misfire_grace_seconds},
    )


def jitter_seconds(config: SchedulerConfig, interval: timedelta) -> int:
    """At most a tenth of the interval, so a short interval is not all jitter."""
    return min(config.daemon.jitter_seconds, int(interval.total_seconds() // 10))


def misfire_grace(config: SchedulerConfig, interval: timedelta) -> int:
    """Long enough that the one coalesced catch-up run after downtime is never dropped.

    APScheduler's default (1 s) silently skips any run that starts late.
    """
    late = interval.total_seconds() + jitter_seconds(config, interval) + 60
    return int(max(config.daemon.misfire_grace_seconds, late))


def resume_at(existing: Job | None, interval: timedelta, now: datetime) -> datetime:
    """Keep a stored job's next run if its interval is unchanged and it is still ahead.

    A new job runs now. So does a job whose runs were missed while the daemon was down:
    once, and its cadence restarts from now. Handing APScheduler the stale time instead
    would coalesce the missed runs but keep their (jitter-drifted) grid, whose next slot
    can fall seconds after the catch-up run: two crawls of the source back to back.
    """
    if existing is None or existing.next_run_time is None:
        return now
    if getattr(existing.trigger, "interval", None) != interval:
        return now
    stored: datetime = existing.next_run_time
    return max(stored, now)


def schedule_sources(scheduler: BackgroundScheduler, config: SchedulerConfig, sources: list[Source]) -> None:
    """Add or update one job per source; drop the jobs of sources no longer listed.

    Call on a started (paused) scheduler, so stored jobs can be read back first.
    """
    now = datetime.now(UTC)
    wanted = {crawl_job_id(source.name) for source in sources}
    for job in scheduler.get_jobs():
        if job.id.startswith(CRAWL_PREFIX) and job.id not in wanted:
            log.info("source %s left the catalogue: its job is removed", job.id[len(CRAWL_PREFIX):])
            job.remove()
    for source in sources:
        _schedule_source(scheduler, config, source, now)
    scheduler.add_job(
        RELAY_JOB, IntervalTrigger(seconds=config.daemon.relay_every_seconds, timezone=UTC),
        id="relay", name="alert relay", replace_existing=True,
    )


def _schedule_source(scheduler: BackgroundScheduler, config: SchedulerConfig, source: Source,
                     now: datetime) -> None:
    interval = interval_for(config, source)
    job_id = crawl_job_id(source.name)
    trigger = IntervalTrigger(seconds=interval.total_seconds(),
                              jitter=jitter_seconds(config, interval) or None, timezone=UTC)
    scheduler.add_job(
        CRAWL_JOB, trigger, args=[source.name], id=job_id, name=f"crawl {source.name}",
        replace_existing=True, executor="crawl",
        misfire_grace_time=misfire_grace(config, interval),
        next_run_time=resume_at(scheduler.get_job(job_id), interval, now),
    )


def run_daemon(
    config: SchedulerConfig,
    services: DaemonServices,
    *,
    stop: threading.Event | None = None,
    crawl: Crawl | None = None,
    role: Role = "all",
) -> None:
    """Run until SIGTERM/SIGINT (or ``stop`` is set); returns after a clean shutdown.

    Raises ``DaemonAlreadyRunning`` if another daemon holds this database's lock.
    ``crawl`` replaces the isolated crawl (tests). ``role="scheduler"`` queues due runs for
    workers (`scheduler.dispatch`) instead of crawling them; it refuses SQLite.
    """
    dispatcher = _dispatcher(config) if role == "scheduler" else None
    stop = stop or threading.Event()
    stop_on_signals(stop)
    lock = acquire_daemon_lock(config.database_url)
    try:
        _serve(config, services, stop, crawl, dispatcher)
    finally:
        lock.release()


def _dispatcher(config: SchedulerConfig) -> Dispatcher:
    check_worker_database(config.database_url)
    return Dispatcher(work_queue(config), {})


def _runtime(config: SchedulerConfig, services: DaemonServices, sources: list[Source],
             stop: threading.Event, crawl: Crawl | None,
             dispatcher: Dispatcher | None) -> DaemonRuntime:
    def isolated(source: Source) -> RunSummary:
        return crawl_isolated(config, source, channels=services.channels, stop=stop,
                              setup_logging=services.setup_logging)

    return DaemonRuntime(
        config=config, services=services, engine=services.open_database(),
        sources={source.name: source for source in sources},
        crawl=crawl or isolated, stop=stop, metrics=DaemonMetrics(), dispatcher=dispatcher,
    )


def _serve(config: SchedulerConfig, services: DaemonServices, stop: threading.Event,
           crawl: Crawl | None, dispatcher: Dispatcher | None) -> None:
    sources = select_sources(services.load_sources(), None)
    if dispatcher is not None:
        dispatcher.host_of.update({source.name: source_host(source) for source in sources})
    runtime = _runtime(config, services, sources, stop, crawl, dispatcher)
    warning = services.no_channel_warning
    if warning:
        log.warning("%s", warning)
    scheduler = build_scheduler(config)  # on PostgreSQL, creates the schedules' schema
    start = record_start(config.database_url, runtime.engine)
    jobs.bind(runtime)
    server = None
    try:
        scheduler.start(paused=True)
        schedule_sources(scheduler, config, sources)
        scheduler.resume()
        server = _start_metrics(config, runtime, scheduler)
        log.warning("newswatch daemon started%s: %d sources",
                    " (role: scheduler; workers crawl)" if dispatcher else "", len(sources))
        while not stop.wait(1.0):
            pass
        log.warning("newswatch daemon stopping")
    finally:
        stop.set()  # an error above must not leave crawl children running
        if scheduler.running:
            scheduler.shutdown(wait=True)
        if server is not None:
            server.stop()
        jobs.bind(None)
        record_clean_stop(config.database_url, start)
        runtime.engine.dispose()
    log.warning("newswatch daemon stopped")


def _start_metrics(config: SchedulerConfig, runtime: DaemonRuntime,
                   scheduler: BackgroundScheduler) -> MetricsServer | None:
    port = config.daemon.metrics_port
    if port is None:
        return None

    def healthy() -> dict[str, object]:
        return health_report(runtime, scheduler)

    return MetricsServer(config.daemon.metrics_host, port, runtime.metrics, healthy).start()


def health_report(runtime: DaemonRuntime, scheduler: BackgroundScheduler) -> dict[str, object]:
    """`/healthz`: ok while the scheduler runs and the database answers."""
    if runtime.stop.is_set() or not scheduler.running:
        return {"status": "stopping"}
    try:
        with runtime.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to reach the database makes the daemon unhealthy
        return {"status": "database unreachable", "error": type(exc).__name__}
    return {"status": "ok", "jobs": len(scheduler.get_jobs()), "sources": len(runtime.sources)}
