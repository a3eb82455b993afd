"""Stage 2: is it a copy of something known, which story is it, then store it, in batches.

Articles arriving together are written in one transaction: per-article transactions cost
a commit each (an fsync on PostgreSQL) and most of the crawl process's time went there.
Within a batch each article is resolved after the ones before it are flushed, so two
copies of a wire story in one batch still meet. A batch is written in one synchronous
step, so nothing else in the crawl writes between its first statement and its commit.

An article and its alerts are always committed together. When a batch fails, it is rolled
back and written again one article per transaction: the faulty article is dropped (its page
is not marked seen, so the next run tries it again) and the others are kept.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from scrapy.exceptions import DropItem
from sqlmodel import Session

from crawler import errors
from crawler.headlines import HeadlineItem
from crawler.ingest import Delivery, NewArticle, Outcome, ingest
from crawler.items import ArticleItem
from crawler.pipeline.base import Stage
from storage.db import session_scope

log = logging.getLogger(__name__)

BATCH_SIZE = 16
# How long the first article of a batch waits for others: well under a second, so a lone
# article of a slow site is stored (and alerted) at once, in practice.
BATCH_WAIT_SECONDS = 0.1


@dataclass
class _Waiting:
    item: ArticleItem
    done: asyncio.Future[Outcome]


class StoreStage(Stage):
    waiting: list[_Waiting]
    delivery: Delivery
    timer: asyncio.TimerHandle | None = None

    def open_spider(self) -> None:
        self.waiting = []
        config = self.context.config
        self.delivery = Delivery(self.context.channels, config.alert_window, config.alerting)

    def close_spider(self) -> None:
        self._write_batch()

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        loop = asyncio.get_running_loop()
        waiting = _Waiting(item, loop.create_future())
        self.waiting.append(waiting)
        if len(self.waiting) >= BATCH_SIZE:
            self._write_batch()
        elif self.timer is None:
            self.timer = loop.call_later(BATCH_WAIT_SECONDS, self._write_batch)
        outcome = await waiting.done
        tally = self.context.recorder.tallies[item.source]
        tally.new_articles += 1
        tally.alerts_created += outcome.alerts
        return item

    def _write_batch(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        batch, self.waiting = self.waiting, []
        if not batch:
            return
        try:
            with session_scope(self.context.engine) as session:
                outcomes = [self._store(session, waiting.item) for waiting in batch]
        except Exception:
            log.warning("a batch of %d articles failed; writing them one by one", len(batch))
            self._write_one_by_one(batch)
            return
        for waiting, outcome in zip(batch, outcomes):
            _settle(waiting.done, outcome)

    def _write_one_by_one(self, batch: list[_Waiting]) -> None:
        for waiting in batch:
            try:
                with session_scope(self.context.engine) as session:
                    outcome = self._store(session, waiting.item)
            except Exception as exc:
                log.exception("could not store %s", waiting.item.url)
                message = f"{type(exc).__name__}: {exc}"
                self.context.recorder.failure(
                    waiting.item.source, errors.StoreFailed, message, url=waiting.item.url
                )
                _settle(waiting.done, DropItem(f"StoreFailed: {message}"))
            else:
                _settle(waiting.done, outcome)

    def _store(self, session: Session, item: ArticleItem) -> Outcome:
        extracted, analysis, candidate = item.extracted, item.analysis, item.candidate
        assert extracted is not None and analysis is not None and candidate is not None
        new = NewArticle(
            url=item.url, source=item.source, title=extracted.title or item.link_title or "",
            text=extracted.text, published_at=candidate.published_at, author=extracted.author,
            language=analysis.language or extracted.language,
            truncated=extracted.truncated, http_status=item.http_status,
            headline_only=isinstance(item, HeadlineItem),
        )
        return ingest(session, new, analysis=analysis, candidate=candidate, delivery=self.delivery)


def _settle(done: asyncio.Future[Outcome], result: Outcome | Exception) -> None:
    # A crawl that is shutting down cancels the items still waiting; their rows are
    # committed all the same, there is just no one left to tell.
    if done.done():
        return
    if isinstance(result, Exception):
        done.set_exception(result)
    else:
        done.set_result(result)
