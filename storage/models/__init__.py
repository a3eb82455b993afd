"""Every table, importable from one place (Alembic's env imports this)."""

from storage.models.core import (
    Article,
    CrawlRun,
    Page,
    SourceError,
    SourceRun,
    SourceState,
    Story,
)
from storage.models.dedup import DedupAnchor, DedupEventKey, DedupSignature
from storage.models.outbox import Alert
from storage.models.statuses import (
    AlertStatus,
    ArticleStatus,
    PageOutcome,
    RunStatus,
    SourceHealth,
    SourceRunStatus,
)

__all__ = [
    "Alert",
    "AlertStatus",
    "Article",
    "ArticleStatus",
    "CrawlRun",
    "DedupAnchor",
    "DedupEventKey",
    "DedupSignature",
    "Page",
    "PageOutcome",
    "RunStatus",
    "SourceError",
    "SourceHealth",
    "SourceRun",
    "SourceRunStatus",
    "SourceState",
    "Story",
]
