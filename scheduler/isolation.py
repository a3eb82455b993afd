"""One source's crawl in a spawned child, supervised by the daemon.

Like `crawler.runner.crawl`, but the wait can be cut short: the daemon kills a child past
``run_timeout + kill_grace_seconds`` (a hung site), and, on shutdown, one still running
just before ``shutdown_grace_seconds`` runs out. Either way the run is recorded as killed,
and its pages stay unseen, so the next run fetches them again: nothing is lost.
The child configures logging first, so Scrapy's records share the daemon's format.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from crawler.config import CrawlConfig
from crawler.orphans import die_with_parent
from crawler.runner import RunSummary, crawl_in_process, mark_killed, start_run, summarize
from crawler.sources import Source
from scheduler.config import SchedulerConfig

log = logging.getLogger(__name__)
_POLL_SECONDS = 0.2
# Killing and recording an abandoned run takes a moment: start it this early.
_SHUTDOWN_MARGIN_SECONDS = 2.0
# start_run checks the schema with Alembic, whose module-level context is not thread-safe:
# the daemon's crawl threads take turns.
_START_LOCK = threading.Lock()


@dataclass(frozen=True)
class Deadlines:
    """When to give up on a child: its run's time limit, and the daemon's shutdown bound."""

    run_limit: float  # seconds after start
    shutdown_limit: float  # seconds after the stop request

    @classmethod
    def of(cls, config: SchedulerConfig) -> Deadlines:
        daemon = config.daemon
        return cls(
            run_limit=config.crawl.limits.run_timeout + daemon.kill_grace_seconds,
            shutdown_limit=max(0.0, daemon.shutdown_grace_seconds - _SHUTDOWN_MARGIN_SECONDS),
        )


def child_main(
    config: CrawlConfig, setup_logging: Callable[[], None], sources: list[Source], run_id: int,
    channels: list[str], parent: int = 0,
) -> None:
    """The child's entry point: die with the daemon, log like it, then one Scrapy crawl."""
    die_with_parent(parent)
    setup_logging()
    _keep_scrapy_off_the_root_logger()
    crawl_in_process(config, sources, run_id, channels)


def _keep_scrapy_off_the_root_logger() -> None:
    """Scrapy's own root handler would print every record a second time, in its format.

    The handler installed above already formats Scrapy's records (in JSON when asked) at
    the crawl's log level, so Scrapy's installer becomes a no-op in this child process.
    """
    import scrapy.utils.log as scrapy_log

    scrapy_log.install_scrapy_root_handler = lambda _settings: None  # type: ignore[assignment]


def crawl_isolated(
    config: SchedulerConfig, source: Source, *, channels: list[str], stop: threading.Event,
    setup_logging: Callable[[], None],
) -> RunSummary:
    """Crawl ``source`` once in a child; the run is recorded however it ends."""
    with _START_LOCK:
        run_id = start_run(config.database_url, [source], trigger="daemon")
    return crawl_started(config, [source], run_id, channels=channels, stop=stop,
                         setup_logging=setup_logging)


def crawl_started(
    config: SchedulerConfig, sources: list[Source], run_id: int, *, channels: list[str],
    stop: threading.Event, setup_logging: Callable[[], None],
) -> RunSummary:
    """Crawl ``sources`` in one child for the run row ``run_id`` already started."""
    names = ",".join(source.name for source in sources)
    child = multiprocessing.get_context("spawn").Process(
        target=child_main,
        args=(config.crawl, setup_logging, sources, run_id, channels, os.getpid()),
        name=f"newswatch-crawl-{names[:60]}-{run_id}",
    )
    child.start()
    reason = supervise(child, Deadlines.of(config), stop)
    if reason is None and child.exitcode != 0:
        reason = f"crawl process exited with code {child.exitcode}"
    if reason == SHUTDOWN_REASON:
        log.warning("crawl of %s (run %s): %s", names, run_id, reason)
        mark_killed(config.database_url, run_id, sources, reason, interrupted=True)
    elif reason is not None:
        log.error("crawl of %s (run %s): %s", names, run_id, reason)
        mark_killed(config.database_url, run_id, sources, reason)
    return summarize(config.database_url, run_id)


SHUTDOWN_REASON = "daemon shut down before the run finished; run interrupted"


def supervise(child: multiprocessing.process.BaseProcess, deadlines: Deadlines,
              stop: threading.Event) -> str | None:
    """Wait for ``child``; kill it past a deadline and say why (``None``: it ended itself)."""
    started, stop_seen = time.monotonic(), None
    while True:
        child.join(_POLL_SECONDS)
        if not child.is_alive():
            return None
        now = time.monotonic()
        if now - started >= deadlines.run_limit:
            return _kill(child, "run passed its time limit and was killed")
        if stop.is_set():
            stop_seen = stop_seen or now
            if now - stop_seen >= deadlines.shutdown_limit:
                return _kill(child, SHUTDOWN_REASON)


def _kill(child: multiprocessing.process.BaseProcess, reason: str) -> str:
    child.kill()
    child.join()
    return reason
