"""Everything one crawl run shares: settings, database, sources, recorder."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from crawler.recorder import RunRecorder
from crawler.sources import Source
from newswatch.settings import Settings
from storage.models import Page


@dataclass
class RunContext:
    settings: Settings
    engine: Engine
    run_id: int
    sources: dict[str, Source]
    recorder: RunRecorder
    channels: list[str] = field(default_factory=list)
    refetch: bool = False  # fetch article pages even if seen before

    def seen(self, url: str) -> bool:
        """Whether an article URL was fetched in an earlier run (the persistent seen-store)."""
        if self.refetch:
            return False
        with Session(self.engine) as session:
            return session.exec(select(Page.id).where(Page.url == url)).first() is not None
