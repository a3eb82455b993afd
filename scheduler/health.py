"""Source health, judged from the run history after every run, and the admin notices.

A source is flagged when it has failed ``failure_threshold`` runs in a row (killed runs
count: a hung site is a failing site; a run interrupted by a shutdown does not), when its last run was blocked (403, challenge
page), or when it has yielded no new article for max(``quiet_after_min``,
``quiet_after_intervals`` x its interval). A flag opens an *episode*; the episode gets one
admin notice, then a reminder every ``notice_repeat`` until the source is healthy again.
Each notice's outbox key is ``admin:<source>:<episode>:<number>:<channel>``, so reviewing
the same state twice never sends twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from alerts.outbox import enqueue_message
from alerts.render import AlertMessage
from scheduler.admin import admin_channels
from scheduler.config import SchedulerConfig
from storage.models import Alert, SourceHealth, SourceRun, SourceRunStatus, SourceState

log = logging.getLogger(__name__)
_STREAK_LOOKBACK = 500  # runs read to find the current failure streak


@dataclass(frozen=True)
class Problem:
    kind: str  # failing, blocked, quiet
    episode: str  # stable for as long as the problem lasts
    detail: str


# Runs that say nothing about the source: still going, or stopped by a shutdown.
NEUTRAL_STATUSES = (SourceRunStatus.RUNNING, SourceRunStatus.INTERRUPTED)


def failure_streak(session: Session, source: str) -> list[SourceRun]:
    """The source's failed runs since its last successful one, newest first."""
    runs = session.exec(
        select(SourceRun).where(SourceRun.source == source,
                                col(SourceRun.status).not_in(NEUTRAL_STATUSES))
        .order_by(col(SourceRun.id).desc()).limit(_STREAK_LOOKBACK)
    ).all()
    streak: list[SourceRun] = []
    for run in runs:
        if run.status == SourceRunStatus.OK:
            break
        streak.append(run)
    return streak


def quiet_after(config: SchedulerConfig, interval: timedelta) -> timedelta:
    daemon = config.daemon
    return max(daemon.quiet_after_min, interval * daemon.quiet_after_intervals)


def assess(
    state: SourceState, streak: list[SourceRun], interval: timedelta, now: datetime,
    config: SchedulerConfig,
) -> Problem | None:
    """What is wrong with the source now, if anything."""
    if streak:
        episode = f"run{streak[-1].id}"  # the first failed run of the streak
        cause = state.last_error or streak[0].status
        if streak[0].status == SourceRunStatus.BLOCKED:
            return Problem("blocked", episode, f"blocked by the site (last error: {cause})")
        if len(streak) >= config.daemon.failure_threshold:
            return Problem("failing", episode,
                           f"failed {len(streak)} runs in a row (last error: {cause})")
        return None
    last_new = state.last_new_article_at or state.first_seen_at
    if now - last_new > quiet_after(config, interval):
        return Problem("quiet", f"quiet{int(last_new.timestamp())}",
                       f"no new article since {last_new:%Y-%m-%d %H:%M} UTC")
    return None


def _sync_state(state: SourceState, streak: list[SourceRun], problem: Problem | None) -> None:
    """Bring the state in line with the history (a killed run never reaches the recorder)."""
    state.consecutive_failures = len(streak)
    latest = streak[0] if streak else None
    if latest is not None and latest.status == SourceRunStatus.KILLED:
        if state.last_error_at is None or (latest.finished_at and latest.finished_at > state.last_error_at):
            state.last_error_at, state.last_error = latest.finished_at, "RunKilled"
    if problem is not None:
        state.health = SourceHealth(problem.kind)
    else:
        state.health = SourceHealth.DEGRADED if streak else SourceHealth.OK


def notices_sent(session: Session, source: str, episode: str) -> int:
    """How many notices (first one and reminders) this episode has had."""
    keys = session.exec(
        select(Alert.key).where(col(Alert.key).startswith(f"admin:{source}:{episode}:"))
    ).all()
    return max((int(key.split(":")[3]) for key in keys), default=0)


def notice_message(key: str, source: str, problem: Problem, number: int) -> AlertMessage:
    reminder = "" if number == 1 else f" (reminder {number - 1})"
    return AlertMessage(
        key=key, kind="notice", source=source,
        title=f"newswatch admin: source {source} is {problem.kind}{reminder}",
        body=(f"{source}: {problem.detail}. Check the site and its entry in the sources file; "
              "`newswatch status` shows every source's health. This notice repeats until "
              "the source recovers."),
        notices=[f"{source}: {problem.kind}"],
    )


def _due(session: Session, state: SourceState, problem: Problem, now: datetime,
         config: SchedulerConfig) -> int | None:
    """The number of the notice to send now, or ``None`` if none is due."""
    sent = notices_sent(session, state.name, problem.episode)
    if sent == 0:
        return 1
    if state.notice_sent_at is None or now - state.notice_sent_at >= config.daemon.notice_repeat:
        return sent + 1
    return None


def review_source(
    session: Session, config: SchedulerConfig, source: str, interval: timedelta, now: datetime
) -> Problem | None:
    """Judge ``source`` from its history; enqueue an admin notice if one is due."""
    state = session.get(SourceState, source)
    if state is None:
        return None
    streak = failure_streak(session, source)
    problem = assess(state, streak, interval, now, config)
    _sync_state(state, streak, problem)
    if problem is None:
        state.notice_sent_at = None
    else:
        _notify(session, config, state, problem, now)
    session.add(state)
    return problem


def _notify(session: Session, config: SchedulerConfig, state: SourceState, problem: Problem,
            now: datetime) -> None:
    number = _due(session, state, problem, now, config)
    if number is None:
        return
    log.warning("source %s is %s: %s", state.name, problem.kind, problem.detail)
    for channel in admin_channels(config.admin):
        key = f"admin:{state.name}:{problem.episode}:{number}:{channel}"
        enqueue_message(session, notice_message(key, state.name, problem, number),
                        channel=channel, now=now)
    state.notice_sent_at = now
