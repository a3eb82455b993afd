"""The daily digest: relevant articles that raised no alert, and sources in trouble.

Call ``enqueue_digest`` as often as you like (e.g. before every relay pass): it adds one
row per channel and local day, once the configured local time has passed; the outbox key
``digest:<local date>:<channel>`` makes repeated calls harmless.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import or_
from sqlmodel import Session, col, select

from alerts.config import DigestConfig
from alerts.labels import source_name
from alerts.outbox import STORY_KINDS, enqueue_message
from alerts.render import AlertMessage, DigestEntry
from alerts.text import one_line, safe_url, truncate
from storage.models.core import Article, SourceState
from storage.models.outbox import Alert
from storage.models.statuses import AlertStatus

TROUBLED = ("failing", "blocked", "quiet")


def digest_day(now: datetime, config: DigestConfig) -> date | None:
    """Today's local date once the digest time has passed, else ``None``."""
    local = now.astimezone(ZoneInfo(config.timezone))
    return local.date() if local.time() >= config.time else None


def digest_key(day: date, channel: str) -> str:
    return f"digest:{day.isoformat()}:{channel}"


def _since(session: Session, channel: str, now: datetime, config: DigestConfig) -> datetime:
    """Where the last digest of ``channel`` stopped, so no article is skipped or repeated."""
    query = (
        select(Alert.created_at)
        .where(Alert.channel == channel, Alert.kind == "digest")
        .order_by(col(Alert.created_at).desc())
        .limit(1)
    )
    last = session.exec(query).first()
    return last if last is not None else now - config.lookback


def _alerted_stories(channel: str):  # type: ignore[no-untyped-def]
    return select(Alert.story_id).where(
        Alert.channel == channel,
        col(Alert.kind).in_(STORY_KINDS),
        col(Alert.status).in_(("pending", "sending", "sent")),
        col(Alert.story_id).is_not(None),
    )


def _not_alerted(channel: str):  # type: ignore[no-untyped-def]
    return or_(col(Article.story_id).is_(None),
               col(Article.story_id).not_in(_alerted_stories(channel)))


def entries(session: Session, channel: str, since: datetime, limit: int) -> list[DigestEntry]:
    """Relevant new articles fetched since ``since`` whose story alerted nobody on ``channel``."""
    query = (
        select(Article)
        .where(Article.relevant == True, Article.is_seed == False)  # noqa: E712
        .where(Article.status == "new", col(Article.fetched_at) >= since)
        .where(_not_alerted(channel))
        .order_by(col(Article.relevance).desc(), col(Article.id))
        .limit(limit)
    )
    return [
        DigestEntry(title=a.title, source=a.source, url=safe_url(a.url),
                    published_at=a.published_at, kinds=list((a.analysis or {}).get("kinds") or []))
        for a in session.exec(query).all()
    ]


def source_notices(session: Session) -> list[str]:
    """One line per source whose crawls are failing, blocked or silent, named in words."""
    query = select(SourceState).where(col(SourceState.health).in_(TROUBLED))
    lines = []
    for state in session.exec(query.order_by(col(SourceState.name))).all():
        line = f"{source_name(state.name)}: {state.health}"
        if state.consecutive_failures:
            line += f", {state.consecutive_failures} failed run(s) in a row"
        if state.last_error:
            line += f" ({truncate(one_line(state.last_error), 200)})"
        lines.append(line)
    return lines


def enqueue_digest(
    session: Session, *, now: datetime, config: DigestConfig, channels: Iterable[str]
) -> list[Alert]:
    """Add today's digest for each configured channel, if due and not yet added.

    A day with nothing to report still gets a row, "suppressed", so it is not rebuilt later.
    """
    day = digest_day(now, config)
    if not config.enabled or day is None:
        return []
    created = []
    for channel in [c for c in dict.fromkeys(channels) if c in config.channels]:
        found = entries(session, channel, _since(session, channel, now, config),
                        config.max_entries)
        message = AlertMessage(
            key=digest_key(day, channel), kind="digest", title=f"Daily digest {day.isoformat()}",
            entries=found, notices=source_notices(session),
        )
        alert = enqueue_message(session, message, channel=channel, now=now)
        if alert is None:
            continue
        if not message.entries and not message.notices:
            alert.status, alert.last_error = AlertStatus.SUPPRESSED, "nothing to report"
        created.append(alert)
    return created
