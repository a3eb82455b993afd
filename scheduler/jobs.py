"""The daemon's jobs, as module-level functions the job store can name.

A persistent job store pickles each job, so a job holds only a textual reference
(``scheduler.jobs:crawl_source``) and the source's name: never the settings (secrets) or
an engine. The running daemon binds its `DaemonRuntime` here at start-up; a job fired
while none is bound (never, in practice) does nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine

from crawler.runner import RunSummary
from crawler.sources import Source
from scheduler.admin import deliver_admin_notices
from scheduler.config import DaemonServices, SchedulerConfig
from scheduler.dispatch import Dispatcher
from scheduler.health import review_source
from scheduler.metrics import DaemonMetrics
from storage.clock import utcnow
from storage.db import session_scope

log = logging.getLogger(__name__)

CRAWL_JOB = "scheduler.jobs:crawl_source"
RELAY_JOB = "scheduler.jobs:relay"


@dataclass
class DaemonRuntime:
    """What the jobs of one running daemon share."""

    config: SchedulerConfig
    services: DaemonServices
    engine: Engine
    sources: dict[str, Source]
    crawl: Callable[[Source], RunSummary]
    stop: threading.Event
    metrics: DaemonMetrics
    clock: Callable[[], datetime] = utcnow
    # One relay pass at a time: crawl jobs and the relay job all deliver.
    delivery: threading.Lock = field(default_factory=threading.Lock)
    # The scheduler role: due runs go to the shared queue; workers crawl and deliver.
    dispatcher: Dispatcher | None = None


_runtime: DaemonRuntime | None = None


def bind(runtime: DaemonRuntime | None) -> None:
    global _runtime
    _runtime = runtime


def current() -> DaemonRuntime | None:
    return _runtime


def crawl_source(name: str) -> None:
    """Crawl one source, then judge its health and deliver what the run enqueued."""
    runtime = current()
    if runtime is None or runtime.stop.is_set():
        return
    source = runtime.sources.get(name)
    if source is None:
        log.warning("no source named %s in the catalogue; job ignored", name)
        return
    if runtime.dispatcher is not None:
        runtime.dispatcher.dispatch(source)
        return
    try:
        summary = runtime.crawl(source)
        log.info("crawl of %s: %s, %d pages, %d new articles, %d alerts", name, summary.status,
                 summary.pages_fetched, summary.new_articles, summary.alerts_created)
        after_run(runtime, [source], summary)
    except Exception:  # the job boundary: one source's failure never stops the daemon
        log.exception("crawl of %s failed", name)


def after_run(runtime: DaemonRuntime, sources: list[Source], summary: RunSummary) -> None:
    """Count the run, judge each source's health, deliver what the run enqueued."""
    runtime.metrics.record_run(runtime.engine, summary.run_id)
    with session_scope(runtime.engine) as session:
        for source in sources:
            review_source(session, runtime.config, source.name, interval_for(runtime.config, source),
                          runtime.clock())
    deliver(runtime)


def relay() -> None:
    """Deliver due alerts (retries, notices) between crawls."""
    runtime = current()
    if runtime is None:
        return
    if runtime.dispatcher is not None:  # the scheduler role: retry what Redis refused
        runtime.dispatcher.flush()
        return
    try:
        deliver(runtime)
    except Exception:
        log.exception("alert relay failed")


def deliver(runtime: DaemonRuntime) -> None:
    with runtime.delivery:
        runtime.metrics.record_delivery(runtime.services.deliver(runtime.engine))
        runtime.metrics.record_delivery(deliver_admin_notices(runtime.config.admin, runtime.engine))
    runtime.metrics.refresh_gauges(runtime.engine)


def interval_for(config: SchedulerConfig, source: Source) -> timedelta:
    """The source's own interval, unless the configuration overrides every source's."""
    return config.daemon.every_override or source.interval
