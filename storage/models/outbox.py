"""The alert outbox: written in the same transaction as the article that causes it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Text
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow


class Alert(SQLModel, table=True):
    __tablename__ = "alert"

    id: int | None = Field(default=None, primary_key=True)
    # One alert per story, channel and kind, ever: the relay's idempotency key.
    key: str = Field(unique=True, index=True)
    story_id: int | None = Field(default=None, foreign_key="story.id", index=True)
    article_id: int | None = Field(default=None, foreign_key="article.id")
    channel: str  # email, slack, apprise, admin
    kind: str = "announcement"  # announcement, update, digest, notice, test
    status: str = Field(default="pending", index=True)  # pending, sending, sent, suppressed, dead
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    last_error: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
