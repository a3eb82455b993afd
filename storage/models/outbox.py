"""The alert outbox: written in the same transaction as the article that causes it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Text
from sqlmodel import AutoString, Field, SQLModel

from storage.clock import utcnow
from storage.models.statuses import AlertStatus
from storage.types import UTCDateTime, empty_dict


class Alert(SQLModel, table=True):
    """One notification to send once: the relay's unit of work.

    Life cycle: pending -> sending -> sent | pending (transient failure, later
    ``next_attempt_at``) | dead (permanent failure or attempts exhausted). "suppressed" rows
    are recorded but never sent (older than the alert window, or filtered by routing).
    """

    __tablename__ = "alert"

    id: int | None = Field(default=None, primary_key=True)
    # One alert per story, channel and kind, ever: the relay's idempotency key.
    key: str = Field(unique=True, index=True)
    story_id: int | None = Field(default=None, foreign_key="story.id", index=True)
    article_id: int | None = Field(default=None, foreign_key="article.id")
    channel: str  # email, slack, apprise, admin
    kind: str = "announcement"  # announcement, update, digest, notice, test
    # Updates of one story and channel are numbered 2, 3, ...; the announcement is 1.
    version: int = 1
    status: AlertStatus = Field(default=AlertStatus.PENDING, sa_type=AutoString, index=True)
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    # When the row went to "sending": a row left "sending" long after this belongs to a
    # relay that died mid-send, and is retried (the one case that can duplicate).
    claimed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, sa_type=Text)
    # The server's answer to the accepted send (SMTP reply, Slack body), for audits.
    response: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    payload: dict[str, Any] = Field(default_factory=empty_dict, sa_column=Column(JSON))
