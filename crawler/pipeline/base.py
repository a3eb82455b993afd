"""What every stage shares: access to the run context once the spider is open."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from crawler.context import RunContext


class Stage:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    @property
    def context(self) -> RunContext:
        context: RunContext = self.crawler.spider.context  # type: ignore[union-attr]
        return context
