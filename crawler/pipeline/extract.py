"""Stage 1: trafilatura and the analysis in a pool of worker processes, each page under a
hard time limit."""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from pebble import ProcessExpired, ProcessPool
from scrapy.exceptions import DropItem

from crawler import errors
from crawler.extraction_job import PageJob, PageResult, extract_and_analyze
from crawler.headlines import HeadlineItem, HeadlineJob, analyze_headline_job
from crawler.items import ArticleItem
from crawler.pipeline.base import Stage
from storage.models import PageOutcome


class ExtractStage(Stage):
    pool: ProcessPool | None = None

    def open_spider(self) -> None:
        crawl = self.context.config.limits
        # forkserver: workers start from a clean process, not a fork of the threaded reactor.
        # The server imports the extraction code once, so a worker (and each replacement
        # after max_tasks) starts in milliseconds instead of importing trafilatura anew.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["crawler.extraction_job"])
        self.pool = ProcessPool(
            max_workers=crawl.extraction_workers, max_tasks=500, context=context,
        )

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.stop()  # type: ignore[no-untyped-call]
            self.pool.join(timeout=10)

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        crawl = self.context.config.limits
        if len(item.body) > crawl.max_extract_bytes:
            self._fail(item, errors.ExtractionFailed, f"page of {len(item.body)} bytes is over the extraction cap")
        selectors = self._selectors(item.source)
        assert self.pool is not None
        language = self.context.sources[item.source].language
        work: Callable[[Any], PageResult]
        job: PageJob | HeadlineJob
        if isinstance(item, HeadlineItem) and item.headline is not None:  # no page: the headline is the text
            work, job = analyze_headline_job, HeadlineJob(item.headline, item.source, language)
        else:
            work, job = extract_and_analyze, PageJob(
                body=item.body, content_type=item.content_type, url=item.fetched_url,
                source=item.source, language=language, selectors=selectors,
                link_title=item.link_title, link_published=item.link_published,
            )
        future = self.pool.schedule(work, args=(job,), timeout=crawl.extraction_timeout)
        try:
            result = await asyncio.wrap_future(future)
        except FutureTimeout:
            self._fail(item, errors.ExtractionFailed, f"extraction passed {crawl.extraction_timeout:g} s and was killed")
        except ProcessExpired as exc:
            self._fail(item, errors.ExtractionFailed, f"extraction worker died: {exc}")
        except errors.FetchFailure as exc:
            self._fail(item, type(exc), str(exc))
        item.extracted, item.analysis, item.candidate = result.extracted, result.analysis, result.candidate
        item.body = b""  # the page is no longer needed; keep memory flat
        return item

    def _selectors(self, source: str) -> dict[str, Any] | None:
        entry = self.context.sources[source].selectors
        return entry.model_dump() if entry else None

    def _fail(self, item: ArticleItem, kind: type[errors.FetchFailure], message: str) -> None:
        self.context.recorder.failure(
            item.source, kind, message, url=item.url, http_status=item.http_status,
            seen_outcome=(PageOutcome.NOT_ARTICLE if kind is errors.NotAnArticle
                          else PageOutcome.FAILED),
        )
        raise DropItem(f"{kind.__name__}: {message}")
