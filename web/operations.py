"""The operator's pages: source health and the alert outbox (read-only)."""

from __future__ import annotations

from sqlalchemy import and_, func
from sqlmodel import Session, col, select

from storage.models import Alert, SourceError, SourceRun, SourceState, Story

ALERT_STATUSES = ("pending", "sending", "sent", "suppressed", "dead")


def source_rows(session: Session) -> list[SourceState]:
    return list(session.exec(select(SourceState).order_by(col(SourceState.name))).all())


def first_errors(session: Session) -> dict[str, SourceError]:
    """Per source, the first error of its latest run (what `newswatch crawl` reports): the
    cause, where later errors of a run are often its consequences."""
    latest = (select(SourceRun.source, func.max(SourceRun.run_id).label("run_id"))
              .group_by(col(SourceRun.source)).subquery())
    first = (select(func.min(SourceError.id).label("id"))
             .join(latest, and_(col(SourceError.source) == latest.c.source,
                                col(SourceError.run_id) == latest.c.run_id))
             .group_by(col(SourceError.source)).subquery())
    query = select(SourceError).join(first, col(SourceError.id) == first.c.id)
    return {error.source: error for error in session.exec(query).all()}


def coverage(rung: str | None) -> str:
    """What the rung that worked gives: whole articles, or only an aggregator's headlines."""
    if rung is None:
        return ""
    return "headlines only" if rung == "headlines" else "articles"


def outbox_page(session: Session, *, status: str, size: int,
                before: int | None) -> tuple[list[tuple[Alert, str | None]], int | None]:
    query = select(Alert, Story.title).join(Story, col(Alert.story_id) == col(Story.id), isouter=True)
    if status:
        query = query.where(col(Alert.status) == status)
    if before is not None:
        query = query.where(col(Alert.id) < before)
    rows = list(session.exec(query.order_by(col(Alert.id).desc()).limit(size + 1)).all())
    page: list[tuple[Alert, str | None]] = [(alert, title) for alert, title in rows[:size]]
    return page, (page[-1][0].id if len(rows) > size and page else None)


def outbox_counts(session: Session) -> dict[str, int]:
    query = select(Alert.status, func.count()).group_by(col(Alert.status))
    return {str(status): int(count) for status, count in session.exec(query).all()}
