"""`newswatch status`: the health of every source and of the outbox."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from newswatch.settings import Settings
from storage.models import Alert, Article
from storage.queries import source_states


def collect_status(settings: Settings, engine: Engine) -> dict[str, Any]:
    midnight = datetime.combine(datetime.now(UTC).date(), time(), tzinfo=UTC)
    with Session(engine) as session:
        today = dict(session.exec(
            select(Article.source, func.count()).where(Article.fetched_at >= midnight).group_by(Article.source)
        ).all())
        alert_counts = dict(session.exec(select(Alert.status, func.count()).group_by(Alert.status)).all())
        sources = [
            {
                "source": s.name, "health": s.health, "last_success": s.last_success_at,
                "last_error": s.last_error, "last_error_at": s.last_error_at,
                "consecutive_failures": s.consecutive_failures, "rung": s.last_rung,
                "next_run": None, "articles_today": today.get(s.name, 0),
            }
            for s in source_states(session)
        ]
    return {"sources": sources, "alerts": alert_counts}
