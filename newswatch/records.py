"""What the listing commands read: alerts with their story's title, one article in full, the
names a `--source` may take, and each source's part of a crawl run."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, SQLModel, col, select

from storage.models import Alert, Article, SourceError, SourceRun, Story

ALERT_STATUSES = ("pending", "sending", "sent", "suppressed", "dead")
# "unrouted": announcements held until a channel is configured (see `alerts.backfill`).
ALERT_CHANNELS = ("email", "slack", "apprise", "admin_email", "admin_slack", "unrouted")


def alert_rows(
    session: Session, *, status: str | None = None, channel: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Newest first, each with the title of its story (or of its message, for notices)."""
    query = (select(Alert, Story.title).join(Story, col(Alert.story_id) == col(Story.id), isouter=True)
             .order_by(col(Alert.id).desc()).limit(limit))
    if status:
        query = query.where(Alert.status == status)
    if channel:
        query = query.where(Alert.channel == channel)
    rows = []
    for alert, story_title in session.exec(query).all():
        message_title = (alert.payload.get("message") or {}).get("title", "")
        rows.append(row_of(alert) | {"title": story_title or message_title or ""})
    return rows


def alert_ids(session: Session, status: str) -> list[int]:
    query = select(Alert.id).where(Alert.status == status).order_by(col(Alert.id))
    return [alert_id for alert_id in session.exec(query).all() if alert_id is not None]


def article_detail(session: Session, article_id: int) -> dict[str, Any] | None:
    """Every stored field of one article, its story's title, and its alerts."""
    article = session.get(Article, article_id)
    if article is None:
        return None
    story = session.get(Story, article.story_id) if article.story_id else None
    alerts = session.exec(select(Alert).where(Alert.article_id == article_id).order_by(col(Alert.id))).all()
    return row_of(article) | {
        "story_title": story.title if story else None,
        "alerts": [{"id": a.id, "channel": a.channel, "kind": a.kind, "status": a.status} for a in alerts],
    }


def articles_stored_since(session: Session, since: datetime) -> int:
    query = select(func.count()).select_from(Article).where(
        col(Article.fetched_at) >= since, col(Article.is_seed) == False  # noqa: E712
    )
    return int(session.exec(query).one())


def stored_source_names(session: Session) -> set[str]:
    return set(session.exec(select(Article.source).distinct()).all())


def run_source_lines(session: Session, run_id: int) -> list[str]:
    """One line per source of a crawl run: pages, new articles, alerts, first error."""
    runs = session.exec(select(SourceRun).where(SourceRun.run_id == run_id).order_by(col(SourceRun.source))).all()
    errors = session.exec(select(SourceError).where(SourceError.run_id == run_id).order_by(col(SourceError.id))).all()
    first_error: dict[str, SourceError] = {}
    for error in errors:
        first_error.setdefault(error.source, error)
    lines = []
    for run in runs:
        line = (f"{run.source}: {run.status}, {run.pages_fetched} pages, {run.new_articles} new, "
                f"{run.alerts_created} alerts, {run.errors} errors")
        first = first_error.get(run.source)
        if first is not None:
            line += f"; first error: {first.kind}: {' '.join(first.message.split())[:200]}"
            if first.url:
                line += f" ({first.url})"
        lines.append(line)
    return lines


def row_of(record: SQLModel) -> dict[str, Any]:
    """A stored row's fields. A status column reads back from the database as its text, not
    its StrEnum member: the same value, which Pydantic's serializer would warn about."""
    return record.model_dump(warnings=False)
