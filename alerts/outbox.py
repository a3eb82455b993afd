"""Writing alerts to the outbox, inside the caller's transaction.

``enqueue_story_alerts`` only adds rows to the session it is given: the crawl pipeline
commits them together with the article and story that caused them, so an alert exists if
and only if its article was stored (no dual write). The relay sends them later.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from alerts.config import AlertingConfig
from alerts.render import AlertMessage, build_message
from alerts.watches import story_matches
from storage.models.core import Article, Story
from storage.models.outbox import Alert
from storage.models.statuses import AlertStatus

STORY_KINDS = ("announcement", "update")


def story_key(story_id: int, channel: str, kind: str, version: int = 1) -> str:
    """The idempotency key: one announcement per story and channel, then numbered updates."""
    base = f"story:{story_id}:{channel}:{kind}"
    return base if kind == "announcement" else f"{base}:v{version}"


def story_facts(story: Story, article: Article) -> dict[str, Any]:
    """What an analyst acts on, as announced; an update is sent only when it gains a figure
    (see ``gains_a_figure``)."""
    message = build_message(story, article, key="-")
    return {
        "kinds": sorted(message.kinds),
        "jobs": message.jobs,
        "investment": [message.investment_amount, message.investment_currency],
        "companies": sorted(c.casefold() for c in message.companies),
        "cities": sorted(c.casefold() for c in message.cities),
    }


def is_stale(article: Article, now: datetime, window: timedelta) -> bool:
    """Published before the alert window: recorded, never sent (first crawl, backfill).

    An article without a date counts as fresh: a missed alert is worse than an old one.
    """
    return article.published_at is not None and article.published_at < now - window


def gains_a_figure(before: Mapping[str, Any] | None, now: Mapping[str, Any], mode: str) -> bool:
    """Whether the story now has a jobs figure or an amount its last alert lacked.

    Outlets report one event with other figures (a part, a rounded total, "plus de N"):
    a different value is not news, a first value is.
    """
    if mode == "never" or before is None:
        return False
    had_jobs, has_jobs = before.get("jobs") is not None, now.get("jobs") is not None
    had_amount = (before.get("investment") or [None])[0] is not None
    has_amount = (now.get("investment") or [None])[0] is not None
    return (has_jobs and not had_jobs) or (has_amount and not had_amount)


def _latest(session: Session, story_id: int, channel: str) -> Alert | None:
    query = (
        select(Alert)
        .where(Alert.story_id == story_id, Alert.channel == channel)
        .where(col(Alert.kind).in_(STORY_KINDS))
        .order_by(col(Alert.version).desc(), col(Alert.id).desc())
        .limit(1)
    )
    return session.exec(query).first()


def story_others(session: Session, story: Story, article: Article) -> list[Article]:
    query = (
        select(Article)
        .where(Article.story_id == story.id, Article.id != article.id)
        .order_by(col(Article.id))
    )
    return list(session.exec(query).all())


def _add(session: Session, alert: Alert) -> bool:
    """Insert ``alert``; ``False`` if a concurrent transaction already holds its key.

    On PostgreSQL a savepoint confines the unique-key clash to this row, so the caller's
    article still commits. SQLite serialises writers, so the clash cannot happen there
    (and pysqlite's savepoints are unreliable).
    """
    if session.get_bind().dialect.name == "sqlite":
        session.add(alert)
        session.flush()
        return True
    try:
        with session.begin_nested():
            session.add(alert)
        return True
    except IntegrityError:
        return False


def _new_alert(
    message: AlertMessage, channel: str, status: str, reason: str | None, now: datetime,
    facts: dict[str, Any],
) -> Alert:
    return Alert(
        key=message.key,
        story_id=message.story_id,
        article_id=message.article_id,
        channel=channel,
        kind=message.kind,
        version=message.version,
        status=AlertStatus(status),
        last_error=reason,
        created_at=now,
        payload={"message": message.to_payload(), "facts": facts},
    )


def enqueue_story_alerts(
    session: Session,
    *,
    story: Story,
    article: Article,
    channels: Iterable[str],
    now: datetime,
    window: timedelta,
    policy: AlertingConfig | None = None,
) -> list[Alert]:
    """Add the alert rows ``article`` causes for ``story``, one per channel; returns them.

    The first alert of a story on a channel is its announcement; later calls add an update
    (version 2, 3, ...) only when the story gained a figure it lacked and the policy's
    ``updates`` is "new-figures", so calling this again for the same story adds nothing.
    Seed and known stories never alert. A channel of a watch (``email:NAME``, see
    `alerts.watches`) gets no row when its watch does not match the story. Rows are
    "suppressed" (stored, never sent) when the article is older than ``window`` or the
    channel's routing rule refuses it; ``last_error`` then says why.
    """
    if story.known or article.is_seed:
        return []
    if story.id is None or article.id is None:
        session.flush()  # ids are part of the keys
    assert story.id is not None and article.id is not None
    facts = story_facts(story, article)
    others = story_others(session, story, article)
    stale = is_stale(article, now, window)
    created: list[Alert] = []
    mode = policy.updates if policy else "new-figures"
    for channel in dict.fromkeys(channels):  # de-duplicated, order kept
        previous = _latest(session, story.id, channel)
        if previous is not None and not gains_a_figure(previous.payload.get("facts"), facts, mode):
            continue
        if previous is not None and _fill_waiting(session, previous, story, facts):
            continue
        kind = "announcement" if previous is None else "update"
        version = 1 if previous is None else previous.version + 1
        message = build_message(
            story, article, others, key=story_key(story.id, channel, kind, version),
            kind=kind, version=version,
            before=previous.payload.get("message") if previous is not None else None,
        )
        if not _for_watch(policy, channel, message, article, others):
            continue  # another watch's story: no row, so a later figure can still match it
        reason = "older than the alert window" if stale else None
        reason = reason or (policy.refusal(channel, message) if policy else None)
        alert = _new_alert(message, channel, "suppressed" if reason else "pending", reason,
                           now, facts)
        if _add(session, alert):
            created.append(alert)
    return created


def _for_watch(
    policy: AlertingConfig | None, channel: str, message: AlertMessage, article: Article,
    others: list[Article],
) -> bool:
    """Whether the watch owning ``channel`` wants this story (the default watch wants all)."""
    watch = policy.watch_for(channel) if policy else None
    if watch is None:
        return True
    if message.kind == "update" and not watch.updates:
        return False
    reports = [article, *others]
    languages = [a.language or (a.analysis or {}).get("language") for a in reports]
    return story_matches(watch, message, [(a.title, a.text) for a in reports],
                         languages=languages)


def _fill_waiting(session: Session, previous: Alert, story: Story, facts: dict[str, Any]) -> bool:
    """A story gained a figure before its announcement went out: the waiting announcement
    carries it (one message, not an announcement and an update in the same minute).

    The row changes only while still pending, so an announcement the relay is sending
    meanwhile is followed by an update instead.
    """
    if previous.kind != "announcement" or previous.status != "pending":
        return False
    first = session.get(Article, previous.article_id) if previous.article_id else None
    if first is None:
        return False
    message = build_message(story, first, story_others(session, story, first), key=previous.key)
    payload = {**previous.payload, "message": message.to_payload(), "facts": facts}
    table = Alert.__table__  # type: ignore[attr-defined]  # SQLModel sets it on table models
    changed = session.connection().execute(
        update(table)
        .where(table.c.id == previous.id, table.c.status == "pending")
        .values(payload=payload)
    )
    session.expire(previous)  # later reads in this transaction see the new payload
    return changed.rowcount == 1


def enqueue_message(
    session: Session, message: AlertMessage, *, channel: str, now: datetime
) -> Alert | None:
    """Add a non-story alert (digest, admin notice); ``None`` if its key already exists."""
    if session.exec(select(Alert.id).where(Alert.key == message.key)).first() is not None:
        return None
    alert = Alert(key=message.key, channel=channel, kind=message.kind, created_at=now,
                  payload={"message": message.to_payload()})
    return alert if _add(session, alert) else None


def counts(session: Session) -> Mapping[str, int]:
    """Alerts per status, for ``newswatch status``."""
    query = select(Alert.status, func.count()).group_by(Alert.status)
    return {status: total for status, total in session.exec(query).all()}
