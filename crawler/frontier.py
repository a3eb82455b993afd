"""A crawl's frontier in Redis (scrapy-redis), for workers that share one deployment.

In worker mode a source run's request queue and its duplicate filter live in Redis under
keys of that source, not in the crawl process: a second worker that takes over a run never
requests what the first one already queued twice, and the seen-store (the database's pages)
still decides what was fetched in earlier runs. Plain `newswatch crawl` and the all-in-one
daemon keep Scrapy's own in-memory scheduler.
"""

from __future__ import annotations

from typing import Any

from crawler.config import Frontier


def frontier_settings(frontier: Frontier | None) -> dict[str, Any]:
    """Scrapy settings that put the run's scheduler and dupefilter in Redis."""
    if frontier is None:
        return {}
    return {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
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
