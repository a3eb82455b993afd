"""A crawl's frontier in Redis (scrapy-redis), for workers that share one deployment.

In worker mode a source run's request queue and its duplicate filter live in Redis under
keys of that source, not in the crawl process: a second worker that takes over a run never
requests what the first one already queued twice, and the seen-store (the database's pages)
still decides what was fetched in earlier runs. Plain `newswatch crawl` and the all-in-one
daemon keep Scrapy's own in-memory scheduler.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from redis.exceptions import RedisError
from scrapy import Request
from scrapy_redis.scheduler import Scheduler

from crawler.config import Frontier

log = logging.getLogger(__name__)


def frontier_settings(frontier: Frontier | None) -> dict[str, Any]:
    """Scrapy settings that put the run's scheduler and dupefilter in Redis."""
    if frontier is None:
        return {}
    return {
        "SCHEDULER": "crawler.frontier.PatientScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_QUEUE_KEY": frontier.queue_key,
        "SCHEDULER_DUPEFILTER_KEY": frontier.dupefilter_key,
        # The worker clears both keys itself when the run ends or is taken over.
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_FLUSH_ON_START": False,
        "REDIS_URL": frontier.redis_url,
        "REDIS_PARAMS": {"socket_timeout": 30, "socket_connect_timeout": 10,
                         "retry_on_timeout": True},
    }


class PatientScheduler(Scheduler):  # type: ignore[misc]  # scrapy-redis is untyped
    """scrapy-redis's scheduler, patient with Redis.

    Upstream, a Redis call that fails inside the crawl raises out of Scrapy's engine and the
    requests of that listing are dropped: the run ends "ok" with pages missing. Here a failed
    call is retried for up to ``NEWSWATCH_FRONTIER_WAIT`` seconds (the crawl has nothing else
    to do), and a request Redis still cannot take waits in this process's memory instead, so
    the run fetches it all the same. Requests kept in memory skip the shared dupefilter; the
    spider's own per-run set and the seen-store still keep each page to one fetch.
    """

    def __init__(self, *args: Any, wait_seconds: float = 60.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.wait_seconds = wait_seconds
        self.spilled: deque[Request] = deque()
        self.redis_failing = False

    @classmethod
    def from_settings(cls, settings: Any) -> PatientScheduler:
        scheduler: PatientScheduler = super().from_settings(settings)
        scheduler.wait_seconds = settings.getfloat("NEWSWATCH_FRONTIER_WAIT", 60.0)
        return scheduler

    def enqueue_request(self, request: Request) -> bool:
        def spill() -> bool:
            self.spilled.append(request)
            return True

        return bool(self._patiently(lambda: Scheduler.enqueue_request(self, request), spill))

    def next_request(self) -> Request | None:
        if self.spilled:
            return self.spilled.popleft()
        request: Request | None = self._patiently(lambda: Scheduler.next_request(self), _none)
        return request

    def has_pending_requests(self) -> bool:
        if self.spilled:
            return True
        return bool(self._patiently(lambda: Scheduler.has_pending_requests(self), _none))

    def _patiently(self, call: Callable[[], Any], fallback: Callable[[], Any]) -> Any:
        """``call()``, retried while Redis fails (once only while it is known to be down)."""
        deadline = time.monotonic() + (0 if self.redis_failing else self.wait_seconds)
        delay = 0.25
        while True:
            try:
                result = call()
            except RedisError as exc:
                if time.monotonic() >= deadline:
                    if not self.redis_failing:
                        log.warning("the frontier's Redis is unreachable (%s): this crawl keeps "
                                    "its requests in memory until it answers", exc)
                    self.redis_failing = True
                    return fallback()
                time.sleep(delay)  # blocks the crawl: without its frontier it cannot go on
                delay = min(delay * 2, 4.0)
                continue
            if self.redis_failing:
                log.warning("the frontier's Redis answers again")
            self.redis_failing = False
            return result


def _none() -> None:
    return None
