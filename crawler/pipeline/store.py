"""Stage 4: one transaction stores the page, the article, its story and its alerts."""

from __future__ import annotations

from crawler.items import ArticleItem
from crawler.pipeline.base import Stage
from newswatch.ingest import NewArticle, ingest
from storage.db import session_scope


class StoreStage(Stage):
    def process_item(self, item: ArticleItem) -> ArticleItem:
        extracted = item.extracted
        assert extracted is not None
        context = self.context
        new = NewArticle(
            url=item.url, source=item.source, title=extracted.title or item.link_title or "",
            text=extracted.text, published_at=extracted.published_at or item.link_published,
            author=extracted.author, language=item.analysis.language or extracted.language,
            truncated=extracted.truncated, http_status=item.http_status,
        )
        with session_scope(context.engine) as session:
            outcome = ingest(
                session, new, analysis=item.analysis, resolution=item.resolution,
                candidate=item.notes["candidate"], channels=context.channels,
                window=context.settings.alert_window, policy=context.settings.alerting,
            )
        tally = context.recorder.tallies[item.source]
        tally.new_articles += 1
        tally.alerts_created += outcome.alerts
        return item
