"""The operator's pages: source health and the alert outbox (read-only)."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.models import Alert, SourceState, Story

ALERT_STATUSES = ("pending", "sending", "sent", "suppressed", "dead")


def source_rows(session: Session) -> list[SourceState]:
    return list(session.exec(select(SourceState).order_by(col(SourceState.name))).all())


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
    page = [(alert, title) for alert, title in rows[:size]]
    return page, (page[-1][0].id if len(rows) > size and page else None)


def outbox_counts(session: Session) -> dict[str, int]:
    query = select(Alert.status, func.count()).group_by(col(Alert.status))
    return {str(status): int(count) for status, count in session.exec(query).all()}
