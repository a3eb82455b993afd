"""Stage 2: topic relevance, announcement and its figures (the `analysis` package)."""

from __future__ import annotations

from analysis import analyze

from crawler.items import ArticleItem
from crawler.pipeline.base import Stage


class AnalyzeStage(Stage):
    def process_item(self, item: ArticleItem) -> ArticleItem:
        if item.analysis is not None:  # done in the extraction worker, the usual case
            return item
        extracted = item.extracted
        assert extracted is not None
        item.analysis = analyze(
            title=extracted.title or item.link_title, text=extracted.text,
            language=extracted.language or self.context.sources[item.source].language,
            url=item.url, published=extracted.published_at or item.link_published,
        )
        return item
