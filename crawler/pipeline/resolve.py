"""Stage 3: is it a copy of something known, and which story does it belong to?"""

from __future__ import annotations

from sqlmodel import Session

from crawler.items import ArticleItem
from crawler.pipeline.base import Stage
from newswatch.ingest import candidate_for
from dedup import resolve


class ResolveStage(Stage):
    def process_item(self, item: ArticleItem) -> ArticleItem:
        extracted = item.extracted
        assert extracted is not None
        candidate = candidate_for(
            text=extracted.text, title=extracted.title, source=item.source,
            published_at=extracted.published_at or item.link_published, analysis=item.analysis,
        )
        candidate.fingerprint = item.fingerprint
        with Session(self.context.engine) as session:
            item.resolution = resolve(session, candidate)
        item.notes["candidate"] = candidate
        return item
