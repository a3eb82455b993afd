"""The status columns' values. Stored as their plain string values (the columns are
strings), so a member compares equal to what a row holds: ``run.status == RunStatus.OK``."""

from __future__ import annotations

from enum import StrEnum


class SourceHealth(StrEnum):
    UNKNOWN = "unknown"  # never run
    OK = "ok"
    DEGRADED = "degraded"  # failing lately, below the notice threshold
    FAILING = "failing"
    BLOCKED = "blocked"  # 403, bot challenge
    QUIET = "quiet"  # no new article for too long


class RunStatus(StrEnum):
    """A crawl run's outcome, over all its sources."""

    RUNNING = "running"
    OK = "ok"
    PARTIAL = "partial"  # some sources or items failed
    FAILED = "failed"
    KILLED = "killed"  # hung or crashed: its child was killed
    INTERRUPTED = "interrupted"  # stopped by a shutdown: says nothing of the sources


class SourceRunStatus(StrEnum):
    """One source's outcome within a run."""

    RUNNING = "running"
    OK = "ok"
    FAILED = "failed"
    BLOCKED = "blocked"
    KILLED = "killed"
    INTERRUPTED = "interrupted"


class PageOutcome(StrEnum):
    """What became of an article URL of the seen-store."""

    PENDING = "pending"
    ARTICLE = "article"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    BLOCKED = "blocked"
    EMPTY = "empty"
    NOT_ARTICLE = "not_article"


class ArticleStatus(StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"  # a copy of an article already stored
    KNOWN = "known"  # a copy of a seed
    SEED = "seed"  # part of the seed corpus


class AlertStatus(StrEnum):
    """An outbox row's life: pending -> sending -> sent | pending (retry) | dead.
    Suppressed rows are recorded, never sent."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    SUPPRESSED = "suppressed"
    DEAD = "dead"
