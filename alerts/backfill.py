"""Alerts for announcements found while no channel was configured, and the explicit backfill.

A crawl with no channel configured still queues each announcement, on the placeholder
channel ``unrouted``: no relay claims it, so it stays *pending* in the outbox. Once a channel
exists, `route_held` hands each held story to `enqueue_story_alerts` for the configured
channels (their idempotency keys make a second announcement impossible) and removes the
placeholders; a placeholder older than the alert window is left *suppressed* instead, and
`backfill` is the explicit tool for it and for any older announcement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from alerts.config import AlertingConfig
from alerts.outbox import STORY_KINDS, enqueue_story_alerts
from alerts.relay import RelayReport
from storage.models import AlertStatus, Article, Story
from storage.models.outbox import Alert

UNROUTED = "unrouted"
TOO_OLD = ("queued while no channel was configured, and older than the alert window when one "
           "was: `newswatch alerts backfill --since P30D` sends it")


@dataclass
class BackfillReport:
    stories: int = 0  # announcement stories in the period
    queued: int = 0  # alert rows added (pending or suppressed by routing)
    already: int = 0  # (story, channel) pairs that already had an alert
    delivery: RelayReport | None = None  # the relay pass that followed


def _held(session: Session) -> list[Alert]:
    query = (select(Alert).where(Alert.channel == UNROUTED, Alert.status == "pending")
             .order_by(col(Alert.id)))
    return list(session.exec(query).all())


def route_held(
    session: Session, *, channels: list[str], now: datetime, window: timedelta,
    policy: AlertingConfig | None = None,
) -> int:
    """Queue the held announcements on ``channels``; returns how many alert rows were added."""
    if not channels:
        return 0
    latest: dict[int, Alert] = {}
    for alert in _held(session):
        if alert.story_id is None or alert.created_at < now - window:
            alert.status, alert.last_error = AlertStatus.SUPPRESSED, TOO_OLD
            session.add(alert)
            continue
        if alert.story_id in latest:
            session.delete(latest[alert.story_id])  # an older version of the same story
        latest[alert.story_id] = alert
    added = 0
    for story_id, alert in latest.items():
        story, article = session.get(Story, story_id), session.get(Article, alert.article_id)
        if story is not None and article is not None:
            added += len(enqueue_story_alerts(session, story=story, article=article,
                                              channels=channels, now=now, window=window,
                                              policy=policy))
        session.delete(alert)
    session.flush()
    return added


def _announcing_articles(session: Session, since: datetime) -> dict[int, Article]:
    """Story id -> its newest announcing article stored or published since ``since``."""
    when = func.coalesce(col(Article.published_at), col(Article.fetched_at))
    query = (
        select(Article).join(Story, col(Story.id) == col(Article.story_id))
        .where(col(Story.announcement), col(Story.known) == False)  # noqa: E712
        .where(col(Article.announcement), col(Article.relevant))
        .where(col(Article.is_seed) == False, when >= since)  # noqa: E712
        .order_by(col(Article.id))
    )
    return {article.story_id: article for article in session.exec(query).all()
            if article.story_id is not None}


def _alerted_channels(session: Session, story_id: int) -> set[str]:
    query = select(Alert.channel).where(Alert.story_id == story_id,
                                        col(Alert.kind).in_(STORY_KINDS))
    return set(session.exec(query).all())


def backfill(
    session: Session, *, channels: list[str], since: timedelta, now: datetime,
    policy: AlertingConfig | None = None,
) -> BackfillReport:
    """Queue an announcement for each story of the period that has none on a channel.

    A story that already has an alert on a channel (sent, pending, suppressed or dead) gets
    nothing more there: the outbox's keys make "never twice" hold whatever is run again.
    """
    report = BackfillReport()
    for story_id, article in _announcing_articles(session, now - since).items():
        story = session.get(Story, story_id)
        if story is None:
            continue
        report.stories += 1
        alerted = _alerted_channels(session, story_id)
        missing = [c for c in channels if c not in alerted]
        report.already += len(channels) - len(missing)
        if missing:
            report.queued += len(enqueue_story_alerts(
                session, story=story, article=article, channels=missing, now=now,
                window=since, policy=policy))
        for held in session.exec(select(Alert).where(Alert.story_id == story_id,
                                                     Alert.channel == UNROUTED)).all():
            session.delete(held)  # the story now has its alert on the real channels
    session.flush()
    return report
