"""The relay: sends due outbox rows and records the outcome.

Delivery guarantee (at least once, duplicates rare and bounded)
---------------------------------------------------------------
Each row goes through three separate transactions:

1. **claim** - ``pending`` (due) becomes ``sending``, ``attempts`` + 1, ``claimed_at`` = now.
   The claim is a compare-and-set on (status, attempts), and on PostgreSQL the row is
   selected ``FOR UPDATE SKIP LOCKED``, so two relays never claim the same row at once.
2. **send** - the notifier talks to the server, outside any transaction.
3. **mark** - ``sent`` with the server's answer; or back to ``pending`` with a later
   ``next_attempt_at`` (transient failure); or ``dead`` (permanent failure, or
   ``max_attempts`` used up).

Why nothing is lost: a row leaves ``pending``/``sending`` only in step 3, after the server
accepted the message or refused it for good. If the process dies anywhere before that, the
row stays ``pending`` or ``sending``; a ``sending`` row whose ``claimed_at`` is older than
``stale_after`` belongs to a dead relay and is claimed again, so the next relay run sends it.

The one case that can duplicate: the process dies (SIGKILL, power loss, OOM) **after the
server accepted the message and before step 3 commits**, or the server's "accepted" reply
is lost on the network. The row still says ``sending``; the relay cannot know whether the
send happened, and prefers sending twice to never. Email copies share a Message-ID derived
from the alert key, so most mail clients show one.

SQLite: run one relay per database (the compare-and-set still prevents double claims, but
SQLite has no row locks). PostgreSQL: any number of relays.

The relay never sleeps: "later" is ``next_attempt_at``, read against the injected clock.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pydantic import ValidationError
from sqlalchemy import and_, or_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from alerts.config import AlertingConfig
from alerts.errors import (
    AlertNotFound,
    AlertNotResendable,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from alerts.notifier import Notifier
from alerts.outbox import story_others
from alerts.render import AlertMessage, also_reported
from storage.clock import utcnow
from storage.db import session_scope
from storage.models import AlertStatus, Article, Story
from storage.models.outbox import Alert

log = logging.getLogger(__name__)

MAX_ERROR = 2000


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with jitter: attempt n waits about base * 2**(n-1), at most cap.

    "Equal jitter" (half fixed, half random) spreads retries of many alerts without ever
    retrying sooner than half the nominal delay.
    """

    base: timedelta = timedelta(seconds=30)
    cap: timedelta = timedelta(hours=1)
    max_retry_after: timedelta = timedelta(hours=6)

    def delay(self, attempts: int, rng: random.Random) -> timedelta:
        nominal = min(self.cap, self.base * (2 ** max(attempts - 1, 0)))
        half = nominal.total_seconds() / 2
        return timedelta(seconds=half + rng.uniform(0, half))

    def after(self, retry_after: float, rng: random.Random) -> timedelta:
        """Honour the server's Retry-After (never earlier), plus up to 10 % jitter."""
        wait = min(timedelta(seconds=retry_after), self.max_retry_after)
        return wait * (1 + rng.uniform(0, 0.1))


@dataclass
class RelayReport:
    sent: int = 0
    retrying: int = 0
    dead: int = 0
    errors: list[str] = field(default_factory=list)  # "alert 12 (slack): ..." per failure

    @property
    def attempted(self) -> int:
        return self.sent + self.retrying + self.dead


class Relay:
    def __init__(
        self,
        engine: Engine,
        notifiers: Mapping[str, Notifier],
        *,
        clock: Callable[[], datetime] = utcnow,
        max_attempts: int = 8,
        backoff: Backoff | None = None,
        stale_after: timedelta = timedelta(minutes=5),
        policy: AlertingConfig | None = None,
        batch_limit: int = 500,
        rng: random.Random | None = None,
    ) -> None:
        self.engine = engine
        self.notifiers = dict(notifiers)
        self.clock = clock
        self.max_attempts = max_attempts
        self.backoff = backoff or Backoff()
        # Longer than any notifier timeout: a live relay is never mistaken for a dead one.
        self.stale_after = stale_after
        self.policy = policy
        self.batch_limit = batch_limit
        self.rng = rng or random.Random()

    # -- the loop -----------------------------------------------------------------------

    def send_pending(self) -> RelayReport:
        """Send every due row once; returns what happened. Never sleeps."""
        report = RelayReport()
        failing: set[str] = set()  # channels that failed transiently in this pass
        for _ in range(self.batch_limit):
            alert = self._claim(self._open_channels(failing))
            if alert is None:
                break
            self._deliver(alert, report, failing)
        return report

    def _open_channels(self, failing: set[str]) -> list[str]:
        now = self.clock()
        return [
            channel for channel in self.notifiers
            if channel not in failing and not (self.policy and self.policy.quiet(channel, now))
        ]

    # -- step 1: claim ------------------------------------------------------------------

    def _due(self, now: datetime):  # type: ignore[no-untyped-def]
        pending = and_(
            col(Alert.status) == "pending",
            or_(col(Alert.next_attempt_at).is_(None), col(Alert.next_attempt_at) <= now),
        )
        abandoned = and_(
            col(Alert.status) == "sending", col(Alert.claimed_at) <= now - self.stale_after
        )
        return or_(pending, abandoned)

    def _claim(self, channels: list[str]) -> Alert | None:
        """The next due row, now "sending" and owned by this relay; ``None`` when done."""
        while channels:
            now = self.clock()
            with session_scope(self.engine) as session:
                query = (
                    select(Alert)
                    .where(col(Alert.channel).in_(channels), self._due(now))
                    .order_by(col(Alert.id))
                    .limit(1)
                    .with_for_update(skip_locked=True)
                )
                alert = session.exec(query).first()
                if alert is None:
                    return None
                if self._give_up_abandoned(session, alert):
                    continue
                if self._compare_and_set(session, alert, now):
                    session.refresh(alert)
                    return alert
        return None

    def _compare_and_set(self, session: Session, alert: Alert, now: datetime) -> bool:
        result = session.execute(
            update(Alert)
            .where(col(Alert.id) == alert.id, col(Alert.status) == alert.status,
                   col(Alert.attempts) == alert.attempts)
            .values(status="sending", attempts=alert.attempts + 1, claimed_at=now)
        )
        claimed: int = result.rowcount  # type: ignore[attr-defined]  # an UPDATE's CursorResult
        return claimed == 1  # 0: another relay claimed it first

    def _give_up_abandoned(self, session: Session, alert: Alert) -> bool:
        """An abandoned "sending" row with no attempts left is dead, not sent again.

        Why: a message that kills the relay every time would otherwise loop forever.
        """
        if alert.status != "sending" or alert.attempts < self.max_attempts:
            return False
        log.warning("alert %s abandoned mid-send %d times: dead", alert.id, alert.attempts)
        alert.status, alert.claimed_at = AlertStatus.DEAD, None
        alert.last_error = f"relay died during attempt {alert.attempts}; attempts used up"
        session.add(alert)
        return True

    # -- steps 2 and 3: send, mark ------------------------------------------------------

    def _deliver(self, alert: Alert, report: RelayReport, failing: set[str]) -> None:
        try:
            message = AlertMessage.from_payload(alert.payload["message"])
        except (KeyError, TypeError, ValidationError) as exc:
            self._dead(alert, f"unreadable payload: {type(exc).__name__}", report)
            return
        message = self._with_current_sources(alert, message)
        notifier = self.notifiers[alert.channel]
        try:
            answer = notifier.send(message)
        except PermanentDeliveryError as exc:
            self._dead(alert, str(exc), report)
        except TransientDeliveryError as exc:
            failing.add(alert.channel)
            self._retry(alert, str(exc), exc.retry_after, report)
        except Exception as exc:  # a notifier bug: keep the alert, retry later
            log.exception("notifier %s failed unexpectedly", alert.channel)
            failing.add(alert.channel)
            self._retry(alert, f"{type(exc).__name__}: {exc}", None, report)
        else:
            self._mark(alert.id, status="sent", sent_at=self.clock(), response=answer,
                       last_error=None)
            report.sent += 1

    def _with_current_sources(self, alert: Alert, message: AlertMessage) -> AlertMessage:
        """"Also reported by" as of sending: copies crawled after the alert was queued count."""
        if alert.story_id is None or alert.article_id is None:
            return message
        with Session(self.engine) as session:
            article = session.get(Article, alert.article_id)
            story = session.get(Story, alert.story_id)
            if article is None or story is None:
                return message
            current = also_reported(article, story_others(session, story, article))
        return message.model_copy(update={"also_reported": current}) if current else message

    def _retry(
        self, alert: Alert, error: str, retry_after: float | None, report: RelayReport
    ) -> None:
        report.errors.append(f"alert {alert.id} ({alert.channel}): {error}")
        if alert.attempts >= self.max_attempts:
            self._dead(alert, f"gave up after {alert.attempts} attempts: {error}", report,
                       logged=True)
            return
        if retry_after is not None:
            wait = self.backoff.after(retry_after, self.rng)
        else:
            wait = self.backoff.delay(alert.attempts, self.rng)
        self._mark(alert.id, status="pending", next_attempt_at=self.clock() + wait,
                   last_error=error[:MAX_ERROR])
        report.retrying += 1

    def _dead(self, alert: Alert, error: str, report: RelayReport, logged: bool = False) -> None:
        if not logged:
            report.errors.append(f"alert {alert.id} ({alert.channel}): {error}")
        log.warning("alert %s (%s) is dead: %s", alert.id, alert.channel, error)
        self._mark(alert.id, status="dead", last_error=error[:MAX_ERROR])
        report.dead += 1

    def _mark(self, alert_id: int | None, **values: object) -> None:
        with session_scope(self.engine) as session:
            session.execute(
                update(Alert)
                .where(col(Alert.id) == alert_id, col(Alert.status) == "sending")
                .values(claimed_at=None, **values)
            )


def resend(session: Session, alert_id: int) -> Alert:
    """Put a sent, dead or suppressed alert back to pending, to be sent on the next pass.

    Refused for a row being sent right now (it could go out twice). Attempts restart at 0.
    """
    alert = session.get(Alert, alert_id)
    if alert is None:
        raise AlertNotFound(f"no alert with id {alert_id}")
    if alert.status == "sending":
        raise AlertNotResendable(f"alert {alert_id} is being sent right now")
    alert.status = AlertStatus.PENDING
    alert.attempts = 0
    alert.next_attempt_at = None
    alert.claimed_at = None
    alert.sent_at = None
    session.add(alert)
    return alert
