"""Sources, crawl runs, the seen-store, articles and stories."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Text
from sqlmodel import AutoString, Field, SQLModel

from storage.clock import utcnow
from storage.models.statuses import (
    ArticleStatus,
    PageOutcome,
    RunStatus,
    SourceHealth,
    SourceRunStatus,
)
from storage.types import UTCDateTime, empty_dict, empty_list


def _when(*, index: bool = False, nullable: bool = True) -> Any:
    return Field(default=None, sa_type=UTCDateTime, index=index, nullable=nullable)


class SourceState(SQLModel, table=True):
    """What newswatch knows of a source's health; the definition lives in the sources file."""

    __tablename__ = "source_state"

    name: str = Field(primary_key=True)
    homepage: str = ""
    language: str = "fr"
    first_seen_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_run_at: datetime | None = _when()
    last_success_at: datetime | None = _when()
    last_new_article_at: datetime | None = _when()
    last_error_at: datetime | None = _when()
    last_error: str | None = Field(default=None, sa_type=Text)
    consecutive_failures: int = 0
    health: SourceHealth = Field(default=SourceHealth.UNKNOWN, sa_type=AutoString)
    last_rung: str | None = None
    notice_sent_at: datetime | None = _when()


class CrawlRun(SQLModel, table=True):
    __tablename__ = "crawl_run"

    id: int | None = Field(default=None, primary_key=True)
    trigger: str = "cli"  # cli, daemon, demo
    started_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    finished_at: datetime | None = _when()
    status: RunStatus = Field(default=RunStatus.RUNNING, sa_type=AutoString)
    sources: list[str] = Field(default_factory=empty_list, sa_column=Column(JSON, nullable=False))
    pages_fetched: int = 0
    new_articles: int = 0
    alerts_created: int = 0
    errors: int = 0


class SourceRun(SQLModel, table=True):
    """One source within one crawl run: the run history `status` reads."""

    __tablename__ = "source_run"

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="crawl_run.id", index=True)
    source: str = Field(index=True)
    started_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    finished_at: datetime | None = _when()
    status: SourceRunStatus = Field(default=SourceRunStatus.RUNNING, sa_type=AutoString)
    pages_fetched: int = 0
    new_articles: int = 0
    alerts_created: int = 0
    errors: int = 0
    error_kinds: dict[str, int] = Field(default_factory=empty_dict, sa_column=Column(JSON))
    http_statuses: dict[str, int] = Field(default_factory=empty_dict, sa_column=Column(JSON))
    rung: str | None = None


class SourceError(SQLModel, table=True):
    """A named failure recorded against a source: a broken feed, page, encoding or server."""

    __tablename__ = "source_error"

    id: int | None = Field(default=None, primary_key=True)
    run_id: int | None = Field(default=None, foreign_key="crawl_run.id", index=True)
    source: str = Field(index=True)
    url: str | None = Field(default=None, sa_type=Text)
    kind: str  # the error class name, e.g. FeedUnreachable
    message: str = Field(default="", sa_type=Text)
    http_status: int | None = None
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class Page(SQLModel, table=True):
    """The seen-store: every article URL ever requested, keyed on its canonical form."""

    __tablename__ = "page"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_type=Text, unique=True, index=True)
    source: str = Field(index=True)
    first_seen_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    fetched_at: datetime | None = _when()
    http_status: int | None = None
    outcome: PageOutcome = Field(default=PageOutcome.PENDING, sa_type=AutoString)
    reason: str | None = Field(default=None, sa_type=Text)
    article_id: int | None = Field(default=None, foreign_key="article.id")


class Story(SQLModel, table=True):
    """One real-world event, however many articles report it."""

    __tablename__ = "story"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    title: str = Field(default="", sa_type=Text)
    known: bool = False  # part of the seed corpus: stored, never alerted
    announcement: bool = False
    kinds: list[str] = Field(default_factory=empty_list, sa_column=Column(JSON, nullable=False))
    jobs: int | None = None
    investment_amount: float | None = None
    investment_currency: str | None = None
    companies: list[str] = Field(default_factory=empty_list, sa_column=Column(JSON, nullable=False))
    cities: list[str] = Field(default_factory=empty_list, sa_column=Column(JSON, nullable=False))
    first_article_id: int | None = None
    article_count: int = 0


class Article(SQLModel, table=True):
    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_type=Text, unique=True, index=True)
    source: str = Field(index=True)
    fetched_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    published_at: datetime | None = _when(index=True)
    title: str = Field(default="", sa_type=Text)
    author: str | None = Field(default=None, sa_type=Text)
    language: str | None = None
    text: str = Field(default="", sa_type=Text)
    body_hash: str = Field(default="", index=True)
    truncated: bool = False  # paywall or otherwise cut
    headline_only: bool = False  # known from an aggregator's headline and snippet, page never read
    is_seed: bool = False
    status: ArticleStatus = Field(default=ArticleStatus.NEW, sa_type=AutoString)
    relevance: float = 0.0
    relevant: bool = False
    announcement: bool = False
    analysis: dict[str, Any] = Field(default_factory=empty_dict, sa_column=Column(JSON))
    story_id: int | None = Field(default=None, foreign_key="story.id", index=True)
    duplicate_of: int | None = Field(default=None, foreign_key="article.id")
    similarity: float | None = None
    decision: str = Field(default="", sa_type=Text)
