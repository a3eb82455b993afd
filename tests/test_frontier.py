"""A worker crawl's frontier in Redis (crawler.frontier), against the real Redis."""

from __future__ import annotations

import scrapy
from scrapy.settings import Settings

from cluster_support import key_prefix, port_is_closed, redis_url  # noqa: F401 - fixtures
from crawler.config import Frontier
from crawler.frontier import PatientScheduler, frontier_settings


class Probe(scrapy.Spider):
    name = "probe"

    def parse_article(self, response: object) -> None:
        pass


def scheduler(url: str, prefix: str, wait: float = 60.0) -> PatientScheduler:
    frontier = Frontier(redis_url=url, queue_key=f"{prefix}:requests",
                        dupefilter_key=f"{prefix}:seen")
    settings = Settings({**frontier_settings(frontier), "NEWSWATCH_FRONTIER_WAIT": wait})
    opened = PatientScheduler(server=_client(url), persist=True,
                              queue_key=settings["SCHEDULER_QUEUE_KEY"],
                              queue_cls=settings["SCHEDULER_QUEUE_CLASS"],
                              dupefilter_key=settings["SCHEDULER_DUPEFILTER_KEY"],
                              dupefilter_cls=settings["DUPEFILTER_CLASS"], wait_seconds=wait)
    spider = Probe()
    spider.settings = settings  # what scrapy-redis's dupefilter reads its key from
    opened.open(spider)
    return opened


def _client(url: str):  # noqa: ANN202
    from redis import Redis

    return Redis.from_url(url, socket_connect_timeout=1)


def request(path: str) -> scrapy.Request:
    return scrapy.Request(f"http://127.0.0.2/{path}", callback=Probe().parse_article)


def test_requests_go_through_redis_once(redis_url: str, key_prefix: str) -> None:
    frontier = scheduler(redis_url, key_prefix)
    assert frontier.enqueue_request(request("a")) is True
    assert frontier.enqueue_request(request("a")) is False  # the shared dupefilter
    assert frontier.redis_failing is False and not frontier.spilled
    assert frontier.has_pending_requests()
    taken = frontier.next_request()
    assert taken is not None and taken.url.endswith("/a")
    assert not frontier.has_pending_requests()


def test_a_request_redis_cannot_take_waits_in_memory(redis_url: str, key_prefix: str) -> None:
    frontier = scheduler(redis_url, key_prefix, wait=0.0)
    down = _client(f"redis://127.0.0.1:{port_is_closed()}/0")  # Redis goes away mid-crawl
    frontier.queue.server = frontier.df.server = frontier.server = down
    assert frontier.enqueue_request(request("a")) is True  # kept, not dropped
    assert frontier.enqueue_request(request("b")) is True
    assert frontier.redis_failing
    assert frontier.has_pending_requests()
    assert [frontier.next_request().url[-1], frontier.next_request().url[-1]] == ["a", "b"]
    assert frontier.next_request() is None
    assert not frontier.has_pending_requests()


def test_worker_mode_puts_the_frontier_in_redis_and_plain_crawls_do_not() -> None:
    assert frontier_settings(None) == {}
    settings = frontier_settings(Frontier(redis_url="redis://r:6379/0", queue_key="q",
                                          dupefilter_key="d"))
    assert settings["SCHEDULER"] == "crawler.frontier.PatientScheduler"
    assert settings["SCHEDULER_PERSIST"] is True  # the worker clears it, not Scrapy
    assert (settings["SCHEDULER_QUEUE_KEY"], settings["SCHEDULER_DUPEFILTER_KEY"]) == ("q", "d")
