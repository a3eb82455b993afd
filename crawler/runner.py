"""Running one crawl over one or many sources.

Scrapy's reactor cannot be restarted inside a process, so every crawl runs in a child
process: a one-off command and a long-lived daemon alike. The parent owns the run row, so a
child that hangs past its time limit is killed and the run is still recorded.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.crawler import CrawlerProcess
from sqlmodel import select

from crawler.config import CrawlConfig
from crawler.context import RunContext
from crawler.frontier import frontier_settings
from crawler.netlog import quiet_network_tracebacks
from crawler.orphans import die_with_parent
from crawler.recorder import RunRecorder, item_failures
from crawler.scrapy_settings import scrapy_settings
from crawler.sources import Source
from crawler.spider import NewsSpider
from storage.clock import utcnow
from storage.db import connect, session_scope, shared_engine
from storage.models import (
    CrawlRun,
    RunStatus,
    SourceError,
    SourceRun,
    SourceRunStatus,
    SourceState,
)

if TYPE_CHECKING:
    from alerts.relay import RelayReport

log = logging.getLogger(__name__)
_KILL_GRACE_SECONDS = 30.0


@dataclass
class RunSummary:
    run_id: int
    status: str
    pages_fetched: int = 0
    new_articles: int = 0
    alerts_created: int = 0
    errors: int = 0  # every failure: sources, pages, items, and the sends that followed
    sources: dict[str, str] = field(default_factory=dict)  # name -> ok, failed, blocked, killed
    failed_items: int = 0  # articles fetched but not stored (see `crawler.recorder`)
    alerts_sent: int = 0
    alerts_failed: int = 0  # sends that failed after the crawl: dead, or pending a retry
    alert_errors: list[str] = field(default_factory=list)

    @property
    def failed_sources(self) -> list[str]:
        return [name for name, status in self.sources.items() if status != "ok"]

    @property
    def clean(self) -> bool:
        """Nothing failed anywhere: the CLI's exit code 0 (3 otherwise)."""
        return not (self.failed_sources or self.failed_items or self.alerts_failed)

    def count_delivery(self, report: RelayReport | None) -> None:
        """Add the relay pass after the crawl: a dead alert is a failure of the crawl too."""
        if report is None:
            return
        self.alerts_sent += report.sent
        self.alerts_failed += report.dead + report.retrying
        self.alert_errors.extend(report.errors)
        self.errors += len(report.errors)
        if report.dead + report.retrying and self.status == "ok":
            self.status = "partial"


def start_run(database_url: str, sources: list[Source], trigger: str) -> int:
    engine = shared_engine(database_url)
    with session_scope(engine) as session:
        for source in sources:
            if session.get(SourceState, source.name) is None:
                session.add(SourceState(name=source.name, homepage=source.homepage, language=source.language))
        run = CrawlRun(trigger=trigger, sources=[s.name for s in sources])
        session.add(run)
        session.flush()
        assert run.id is not None
        return run.id


def crawl_in_process(
    config: CrawlConfig, sources: list[Source], run_id: int, channels: list[str], refetch: bool = False
) -> None:
    """Run Scrapy here: call at most once per process (see `crawl`)."""
    engine = connect(config.database_url, migrate=False)
    recorder = RunRecorder(engine, run_id, sources)
    context = RunContext(
        config=config, engine=engine, run_id=run_id,
        sources={s.name: s for s in sources}, recorder=recorder, channels=channels,
        refetch=refetch,
    )
    # The child's stderr is the user's: Scrapy logs there at config.limits.log_level.
    process = CrawlerProcess({**scrapy_settings(config.limits), **frontier_settings(config.frontier),
                              "LOG_INSTALL_ROOT_HANDLER": True})
    quiet_network_tracebacks()
    crawler = process.create_crawler(NewsSpider)
    reasons: list[str] = []
    crawler.signals.connect(lambda spider, reason: reasons.append(reason),
                            signal=signals.spider_closed, weak=False)
    process.crawl(crawler, context=context)
    process.start()
    # SIGTERM/SIGINT reached this process too (systemd stops the whole group, Ctrl-C): Scrapy
    # closed the spider with "shutdown"; the run was stopped, the sources did not fail.
    recorder.finish(SourceRunStatus.INTERRUPTED if "shutdown" in reasons else None)


def _child_crawl(config: CrawlConfig, sources: list[Source], run_id: int, channels: list[str],
                 refetch: bool, parent: int) -> None:
    """A one-off crawl's child: killed with `newswatch crawl` (SIGKILL included), never left
    crawling on its own."""
    die_with_parent(parent)
    crawl_in_process(config, sources, run_id, channels, refetch)


def crawl(
    config: CrawlConfig,
    sources: list[Source],
    *,
    channels: list[str],
    trigger: str = "cli",
    refetch: bool = False,
) -> RunSummary:
    """Crawl ``sources`` once, in a child process with a hard time limit."""
    run_id = start_run(config.database_url, sources, trigger)
    ctx = multiprocessing.get_context("spawn")
    child = ctx.Process(
        target=_child_crawl, args=(config, sources, run_id, channels, refetch, os.getpid()),
        name=f"newswatch-crawl-{run_id}",
    )
    child.start()
    child.join(config.limits.run_timeout + _KILL_GRACE_SECONDS)
    if child.is_alive():
        log.error("crawl run %s passed its time limit; killing it", run_id)
        child.kill()
        child.join()
        mark_killed(config.database_url, run_id, sources, "run passed its time limit and was killed")
    elif child.exitcode != 0:
        mark_killed(config.database_url, run_id, sources, f"crawl process exited with code {child.exitcode}")
    return summarize(config.database_url, run_id)


def mark_killed(
    database_url: str, run_id: int, sources: list[Source], reason: str, *,
    interrupted: bool = False,
) -> None:
    """Record a run its child did not finish: ``killed`` (a failure: hung, crashed) or
    ``interrupted`` (stopped on purpose, by a shutdown: says nothing of the source)."""
    mark_unfinished(database_url, run_id, [s.name for s in sources], reason, interrupted=interrupted)


def mark_unfinished(
    database_url: str, run_id: int, names: list[str], reason: str, *, interrupted: bool = False
) -> None:
    engine = shared_engine(database_url)
    with session_scope(engine) as session:
        run = session.get(CrawlRun, run_id)
        if run is None:
            return
        # A worker's run crawls several sources, each taken over on its own: each is recorded
        # once, and a run its child finished keeps what it recorded.
        recorded = set(session.exec(select(SourceRun.source).where(SourceRun.run_id == run_id)).all())
        unrecorded = [name for name in names if name not in recorded]
        status = RunStatus.INTERRUPTED if interrupted else RunStatus.KILLED
        kind = "RunInterrupted" if interrupted else "RunKilled"
        if run.finished_at is None:
            run.status, run.finished_at = status, utcnow()
            session.add(run)
        elif not unrecorded:
            return
        errors = 0 if interrupted else 1
        for name in unrecorded:
            session.add(SourceError(run_id=run_id, source=name, kind=kind, message=reason))
            session.add(SourceRun(run_id=run_id, source=name, status=SourceRunStatus(status),
                                  finished_at=utcnow(),
                                  errors=errors, error_kinds={kind: errors} if errors else {}))


def record_unrun(database_url: str, source: str, trigger: str, started_at: datetime,
                 kind: str, reason: str) -> int:
    """Record a run that could not start (its database was down): failed, with its cause."""
    engine = shared_engine(database_url)
    with session_scope(engine) as session:
        if session.get(SourceState, source) is None:
            session.add(SourceState(name=source))
        run = CrawlRun(trigger=trigger, sources=[source], started_at=started_at,
                       finished_at=utcnow(), status=RunStatus.FAILED, errors=1)
        session.add(run)
        session.flush()
        assert run.id is not None
        session.add(SourceError(run_id=run.id, source=source, kind=kind, message=reason,
                                at=started_at))
        session.add(SourceRun(run_id=run.id, source=source, started_at=started_at,
                              finished_at=utcnow(), status=SourceRunStatus.FAILED, errors=1,
                              error_kinds={kind: 1}))
        return run.id


def summarize(database_url: str, run_id: int) -> RunSummary:
    engine = shared_engine(database_url)
    with session_scope(engine) as session:
        run = session.get(CrawlRun, run_id)
        assert run is not None
        source_runs = session.exec(select(SourceRun).where(SourceRun.run_id == run_id)).all()
        return RunSummary(
            run_id=run_id, status=run.status, pages_fetched=run.pages_fetched,
            new_articles=run.new_articles, alerts_created=run.alerts_created, errors=run.errors,
            sources={sr.source: sr.status for sr in source_runs},
            failed_items=sum(item_failures(sr.error_kinds or {}) for sr in source_runs),
        )
