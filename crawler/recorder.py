"""What one crawl run did, per source: counters in memory, failures written as they happen."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from crawler import errors
from crawler.sources import Source
from storage.clock import utcnow
from storage.db import session_scope
from storage.models import (
    CrawlRun,
    Page,
    PageOutcome,
    RunStatus,
    SourceError,
    SourceHealth,
    SourceRun,
    SourceRunStatus,
    SourceState,
)

# Failures that say nothing about the source's health: the page, not the site, is at fault.
_PAGE_LEVEL = {
    "ExtractionFailed", "NotAnArticle", "RobotsDisallowed", "PageCapReached", "TooLarge", "StoreFailed",
}
# Of those, the articles newswatch fetched and then failed to keep: a failure of the crawl
# (exit code 3), where the others are what a page is (not an article, too large, forbidden).
ITEM_FAILURES = frozenset({"StoreFailed", "ExtractionFailed"})


def item_failures(error_kinds: dict[str, int]) -> int:
    return sum(n for kind, n in error_kinds.items() if kind in ITEM_FAILURES)


def run_status(source_statuses: set[str], failed_items: int) -> RunStatus:
    """``failed`` when no source worked; ``partial`` when some source or some item failed."""
    if not source_statuses or source_statuses <= {SourceRunStatus.OK}:
        return RunStatus.PARTIAL if failed_items else RunStatus.OK
    return RunStatus.PARTIAL if SourceRunStatus.OK in source_statuses else RunStatus.FAILED


@dataclass
class SourceTally:
    pages_fetched: int = 0
    new_articles: int = 0
    alerts_created: int = 0
    links_found: int = 0
    blocked: bool = False
    rung: str | None = None
    error_kinds: Counter[str] = field(default_factory=Counter)
    http_statuses: Counter[str] = field(default_factory=Counter)
    # The first failure, site-level ones first: what a user needs to start looking.
    first_error: tuple[str, str] | None = None  # (kind, "kind: message (url)")

    def note_error(self, kind: str, message: str, url: str | None) -> None:
        if self.first_error is not None:
            if self.first_error[0] not in _PAGE_LEVEL or kind in _PAGE_LEVEL:
                return
        where = f" ({url})" if url else ""
        self.first_error = (kind, f"{kind}: {message[:300]}{where}")

    def error_summary(self, status: str) -> str:
        counts = ", ".join(f"{k}×{n}" for k, n in self.error_kinds.items()) or status
        return f"{counts}; first {self.first_error[1]}" if self.first_error else counts

    @property
    def errors(self) -> int:
        return sum(self.error_kinds.values())

    def status(self) -> SourceRunStatus:
        if self.blocked and not self.links_found:
            return SourceRunStatus.BLOCKED
        site_errors = sum(n for kind, n in self.error_kinds.items() if kind not in _PAGE_LEVEL)
        if site_errors and not self.links_found:
            return SourceRunStatus.FAILED
        return SourceRunStatus.OK


class RunRecorder:
    """Counts pages, links, articles and failures for each source of one run."""

    def __init__(self, engine: Engine, run_id: int, sources: list[Source]) -> None:
        self.engine = engine
        self.run_id = run_id
        self.tallies = {source.name: SourceTally() for source in sources}
        self.started_at = utcnow()

    def fetched(self, source: str, status: int) -> None:
        tally = self.tallies[source]
        tally.pages_fetched += 1
        tally.http_statuses[str(status)] += 1

    def links(self, source: str, rung: str, count: int) -> None:
        tally = self.tallies[source]
        tally.links_found += count
        # The outlet's own rung wins over an always-on headline rung that answered first.
        if count and (tally.rung is None or (tally.rung == "headlines" and rung != "headlines")):
            tally.rung = rung

    def failure(
        self,
        source: str,
        kind: type[errors.FetchFailure] | str,
        message: str,
        *,
        url: str | None = None,
        http_status: int | None = None,
        seen_outcome: PageOutcome | None = None,
    ) -> None:
        """Record a named failure; with ``seen_outcome`` the URL is marked seen for good."""
        name = kind if isinstance(kind, str) else kind.__name__
        tally = self.tallies[source]
        tally.error_kinds[name] += 1
        tally.note_error(name, message, url)
        if http_status is not None:
            tally.http_statuses[str(http_status)] += 1
        if name == "Blocked":
            tally.blocked = True
        with session_scope(self.engine) as session:
            session.add(
                SourceError(
                    run_id=self.run_id, source=source, url=url, kind=name,
                    message=message[:2000], http_status=http_status,
                )
            )
            if seen_outcome and url:
                _mark_seen(session, url, source, seen_outcome, message, http_status)

    def finish(self, status_override: str | None = None) -> CrawlRun:
        """Write the run history and each source's health; return the finished run."""
        finished = utcnow()
        with session_scope(self.engine) as session:
            for name, tally in self.tallies.items():
                status = status_override or tally.status()
                session.add(self._source_run(name, tally, status, finished))
                _update_state(session, name, tally, status, finished)
            run = session.get(CrawlRun, self.run_id)
            assert run is not None
            run.finished_at = finished
            run.pages_fetched = sum(t.pages_fetched for t in self.tallies.values())
            run.new_articles = sum(t.new_articles for t in self.tallies.values())
            run.alerts_created = sum(t.alerts_created for t in self.tallies.values())
            run.errors = sum(t.errors for t in self.tallies.values())
            statuses = {status_override or t.status() for t in self.tallies.values()}
            failed_items = sum(item_failures(t.error_kinds) for t in self.tallies.values())
            run.status = (RunStatus(status_override) if status_override
                          else run_status(statuses, failed_items))
            session.add(run)
        return run

    def _source_run(self, name: str, tally: SourceTally, status: str, at: datetime) -> SourceRun:
        return SourceRun(
            run_id=self.run_id, source=name, started_at=self.started_at, finished_at=at,
            status=SourceRunStatus(status), pages_fetched=tally.pages_fetched, new_articles=tally.new_articles,
            alerts_created=tally.alerts_created, errors=tally.errors,
            error_kinds=dict(tally.error_kinds), http_statuses=dict(tally.http_statuses),
            rung=tally.rung,
        )


def _mark_seen(session: Session, url: str, source: str, outcome: PageOutcome, reason: str,
               status: int | None) -> None:
    page = session.exec(select(Page).where(Page.url == url)).first()
    page = page or Page(url=url, source=source)
    page.fetched_at, page.outcome, page.reason, page.http_status = utcnow(), outcome, reason, status
    session.add(page)


def _update_state(session, name: str, tally: SourceTally, status: str, at: datetime) -> None:  # type: ignore[no-untyped-def]
    state = session.get(SourceState, name) or SourceState(name=name)
    state.last_run_at = at
    if tally.rung:
        state.last_rung = tally.rung
    if tally.new_articles:
        state.last_new_article_at = at
    if status == SourceRunStatus.INTERRUPTED:  # stopped by a shutdown: says nothing of the source's health
        session.add(state)
        return
    if status == SourceRunStatus.OK:
        state.last_success_at = at
        state.consecutive_failures = 0
        state.health = SourceHealth.OK
    else:
        state.consecutive_failures += 1
        state.last_error_at = at
        state.last_error = tally.error_summary(status)
        state.health = (SourceHealth.BLOCKED if status == SourceRunStatus.BLOCKED
                        else SourceHealth.FAILING)
    session.add(state)
