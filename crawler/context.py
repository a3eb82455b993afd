"""Everything one crawl run shares: configuration, database, sources, recorder."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from crawler.config import CrawlConfig
from crawler.recorder import RunRecorder
from crawler.sources import Source
from storage.models import Page

_URLS_PER_QUERY = 500  # well under every backend's bound-parameter limit


@dataclass
class RunContext:
    config: CrawlConfig
    engine: Engine
    run_id: int
    sources: dict[str, Source]
    recorder: RunRecorder
    channels: list[str] = field(default_factory=list)
    refetch: bool = False  # fetch article pages even if seen before

    def seen_among(self, urls: list[str]) -> set[str]:
        """Which of these article URLs were fetched in an earlier run (the persistent
        seen-store)."""
        if self.refetch or not urls:
            return set()
        found: set[str] = set()
        with Session(self.engine) as session:
            for start in range(0, len(urls), _URLS_PER_QUERY):
                chunk = urls[start : start + _URLS_PER_QUERY]
                found.update(session.exec(select(Page.url).where(col(Page.url).in_(chunk))).all())
        return found
