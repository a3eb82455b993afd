"""`newswatch daemon`: APScheduler 3 drives one crawl job per source, in UTC.

Jobs coalesce and run one at a time per source; a crawl runs in a child process (see
`crawler.runner`), so the daemon survives any number of cycles and a hung site is killed.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from crawler.sources import Source, select_sources
from newswatch.app import crawl_once, deliver_pending, load_catalogue, open_database
from newswatch.settings import Settings

log = logging.getLogger(__name__)


def build_scheduler(settings: Settings) -> BackgroundScheduler:
    daemon = settings.daemon
    return BackgroundScheduler(
        timezone=UTC,
        executors={"default": ThreadPoolExecutor(daemon.max_parallel_crawls + 1)},
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": daemon.misfire_grace_seconds,
        },
    )


def interval_for(settings: Settings, source: Source) -> timedelta:
    return settings.daemon.every_override or source.interval


def crawl_source_job(settings: Settings, name: str, sources_file: Path | None) -> None:
    try:
        summary = crawl_once(settings, [name], sources_file=sources_file, trigger="daemon")
        log.info("crawl of %s: %s, %d new articles", name, summary.status, summary.new_articles)
    except Exception:  # the job boundary: one source's failure never stops the daemon
        log.exception("crawl of %s failed", name)


def relay_job(settings: Settings) -> None:
    try:
        deliver_pending(settings, open_database(settings))
    except Exception:
        log.exception("alert relay failed")


def schedule_sources(
    scheduler: BackgroundScheduler, settings: Settings, sources: list[Source], sources_file: Path | None
) -> None:
    now = datetime.now(UTC)
    for source in sources:
        interval = interval_for(settings, source)
        scheduler.add_job(
            crawl_source_job, IntervalTrigger(seconds=interval.total_seconds(), jitter=_jitter(settings, interval)),
            id=f"crawl:{source.name}", name=f"crawl {source.name}", replace_existing=True,
            args=[settings, source.name, sources_file], next_run_time=now,
        )
    scheduler.add_job(
        relay_job, IntervalTrigger(seconds=settings.daemon.relay_every_seconds),
        id="relay", name="alert relay", replace_existing=True, args=[settings],
    )


def _jitter(settings: Settings, interval: timedelta) -> int:
    return min(settings.daemon.jitter_seconds, int(interval.total_seconds() // 10))


def run_daemon(
    settings: Settings, *, sources_file: Path | None = None, stop: threading.Event | None = None
) -> None:
    """Run until SIGTERM/SIGINT (or ``stop`` is set); returns after a clean shutdown."""
    stop = stop or threading.Event()
    sources = select_sources(load_catalogue(settings, sources_file), None)
    open_database(settings)
    scheduler = build_scheduler(settings)
    schedule_sources(scheduler, settings, sources, sources_file)
    _install_signal_handlers(stop)
    scheduler.start()
    log.warning("newswatch daemon started: %d sources", len(sources))
    stop.wait()
    log.warning("newswatch daemon stopping")
    scheduler.shutdown(wait=True)


def _install_signal_handlers(stop: threading.Event) -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
