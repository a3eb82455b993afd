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

__all__ = [
    "Alert",
    "Article",
    "CrawlRun",
    "DedupAnchor",
    "DedupEventKey",
    "DedupSignature",
    "Page",
    "SourceError",
    "SourceRun",
    "SourceState",
    "Story",
]
