"""Near-duplicate and same-event lookups: per-article signatures, text anchors, event keys.

Everything the dedup stage needs to recognise a copy lives here, indexed, so a check costs a
few index probes whatever the size of the history (nothing is held in memory between runs).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index
from sqlmodel import Field, SQLModel

from storage.clock import utcnow
from storage.types import UTCDateTime, empty_dict, empty_list


class DedupSignature(SQLModel, table=True):
    """What verification needs to know of a stored article, besides its text."""

    __tablename__ = "dedup_signature"

    article_id: int = Field(
        primary_key=True, foreign_key="article.id", sa_column_kwargs={"autoincrement": False}
    )
    body_hash: str = Field(index=True)
    published_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    language: str | None = None
    announcement: bool = False
    anchor_count: int = 0
    # Salient figures read from the text (jobs, amounts, scaled): a story's known figures.
    numbers: list[float] = Field(default_factory=empty_list, sa_column=Column(JSON, nullable=False))
    companies: list[str] = Field(default_factory=empty_list, sa_column=Column(JSON, nullable=False))
    kinds: list[str] = Field(default_factory=empty_list, sa_column=Column(JSON, nullable=False))
    jobs: int | None = None
    investment_amount: float | None = None
    investment_currency: str | None = None
    extra: dict[str, Any] = Field(default_factory=empty_dict, sa_column=Column(JSON))


class DedupAnchor(SQLModel, table=True):
    """A sampled word-shingle hash of an article's body: the inverted index for copies.

    The key order (shingle, article_id) makes "who else has this shingle" one index range.
    """

    __tablename__ = "dedup_anchor"
    __table_args__ = {"sqlite_with_rowid": False}

    shingle: int = Field(sa_type=BigInteger, primary_key=True)
    article_id: int = Field(primary_key=True, foreign_key="article.id")


class DedupEventKey(SQLModel, table=True):
    """One fact of an announcement ("jobs:5050", "co:ntt data"), dated for windowed lookups."""

    __tablename__ = "dedup_event_key"
    __table_args__ = (
        Index("ix_dedup_event_key_key_published_at", "key", "published_at"),
        {"sqlite_with_rowid": False},
    )

    key: str = Field(primary_key=True)
    article_id: int = Field(primary_key=True, foreign_key="article.id")
    published_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
