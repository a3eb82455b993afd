"""The shared queue of source runs, against the real Redis (scheduler.workqueue)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from redis import Redis

from cluster_support import key_prefix, port_is_closed, redis_url  # noqa: F401 - fixtures
from crawler.sources import Source
from scheduler.dispatch import Dispatcher, source_host
from scheduler.worker import Backoff
from scheduler.workqueue import SourceRun, WorkerBeat, WorkQueue
from test_daemon_support import wait_until


def queue(url: str, prefix: str, lease_seconds: float = 30) -> WorkQueue:
    return WorkQueue(Redis.from_url(url), prefix, lease_seconds)


def run(source: str, host: str = "a.example.ma") -> SourceRun:
    return SourceRun(source, host)


def test_a_source_waits_in_the_queue_once(redis_url: str, key_prefix: str) -> None:
    q = queue(redis_url, key_prefix)
    assert q.enqueue(run("le360")) is True
    assert q.enqueue(run("le360")) is False  # already waiting: a slow source never piles up
    assert q.depth() == 1
    claimed = q.claim("w1")
    assert claimed is not None and claimed.source == "le360" and claimed.enqueued_at
    assert q.enqueue(run("le360")) is False  # running counts as queued
    assert q.ack("w1", claimed) is True
    assert q.enqueue(run("le360")) is True


def test_one_host_is_crawled_by_one_worker_at_a_time(redis_url: str, key_prefix: str) -> None:
    q = queue(redis_url, key_prefix)
    q.enqueue(run("hespress-fr", "fr.hespress.com"))
    q.enqueue(run("hespress-eco", "fr.hespress.com"))
    q.enqueue(run("le360", "le360.com"))
    first = q.claim("w1")
    second = q.claim("w2")
    assert first is not None and second is not None
    assert (first.source, second.source) == ("hespress-fr", "le360")  # skips the busy host
    assert q.claim("w3") is None
    assert q.running() == {"hespress-fr": "w1", "le360": "w2"}
    q.ack("w1", first)
    third = q.claim("w3")
    assert third is not None and third.source == "hespress-eco"


def test_an_expired_lease_returns_the_run_to_the_head_of_the_queue(
    redis_url: str, key_prefix: str
) -> None:
    q = queue(redis_url, key_prefix, lease_seconds=0.2)
    q.enqueue(run("le360", "le360.com"))
    q.enqueue(run("medias24", "medias24.com"))
    taken = q.claim("killed-worker")
    assert taken is not None and taken.source == "le360"
    assert q.note_run("killed-worker", taken, 41)
    wait_until(lambda: q.reap() == ["le360"], 30, "the lease to run out")
    assert q.renew("killed-worker", taken) is False  # the dead worker cannot take it back
    assert q.ack("killed-worker", taken) is False
    again = q.claim("w2")  # first in line again, and its host is free
    assert again is not None and again.source == "le360"
    left = q.abandoned("le360")
    assert left is not None and (left.worker, left.run_id) == ("killed-worker", 41)
    assert q.abandoned("le360") == left  # until the heir has recorded it
    q.forget_abandoned("le360")
    assert q.abandoned("le360") is None


def test_a_renewed_lease_is_never_reaped(redis_url: str, key_prefix: str) -> None:
    q = queue(redis_url, key_prefix, lease_seconds=5)
    q.enqueue(run("le360"))
    taken = q.claim("w1")
    assert taken is not None
    for _ in range(3):
        assert q.renew("w1", taken) is True
        assert q.reap() == []
    assert q.running() == {"le360": "w1"}


def test_frontier_keys_are_per_worker_and_cleared(redis_url: str, key_prefix: str) -> None:
    q = queue(redis_url, key_prefix)
    requests, seen = q.frontier_keys("box-1-41-ab12")
    assert requests != seen and "box-1-41-ab12" in requests and requests.startswith(key_prefix)
    assert q.frontier_keys("box-2-7-cd34")[0] != requests
    q.redis.sadd(seen, "fingerprint")
    q.redis.zadd(requests, {"request": 0})
    q.clear_frontier("box-1-41-ab12")
    assert q.redis.exists(requests, seen) == 0


def test_heartbeats_and_held_failures(redis_url: str, key_prefix: str) -> None:
    q = queue(redis_url, key_prefix)
    beat = WorkerBeat("w1", datetime(2026, 12, 7, 9, 0, tzinfo=UTC), "le360", 3, "box-1")
    q.beat(beat)
    assert q.workers() == [beat]
    q.forget_worker("w1")
    assert q.workers() == []
    q.hold_failure({"source": "le360", "at": "2026-12-07T09:00:00+00:00", "kind": "K",
                    "reason": "r"})
    q.hold_failure({"source": "medias24", "at": "2026-12-07T09:00:01+00:00", "kind": "K",
                    "reason": "r"})
    assert [f["source"] for f in q.held_failures()] == ["le360", "medias24"]
    q.drop_failures(1)
    assert [f["source"] for f in q.held_failures()] == ["medias24"]


def test_the_scheduler_keeps_due_runs_while_redis_is_down(
    redis_url: str, key_prefix: str, caplog: pytest.LogCaptureFixture
) -> None:
    source = Source(name="le360", homepage="https://le360.com/", language="fr",
                    feeds=["https://le360.com/rss"], article_url=r"^https://le360\.com/")
    down = WorkQueue(Redis.from_url(f"redis://127.0.0.1:{port_is_closed()}/0",
                                    socket_connect_timeout=1), key_prefix)
    dispatcher = Dispatcher(down, {"le360": source_host(source)})
    with caplog.at_level(logging.WARNING):
        dispatcher.dispatch(source)
        dispatcher.dispatch(source)  # due again: still one run waiting, one warning
    assert dispatcher.backlog == {"le360": "scheduled"}
    assert sum("unreachable" in r.message for r in caplog.records) == 1
    dispatcher.queue = queue(redis_url, key_prefix)  # Redis is back
    assert dispatcher.flush() == 1
    assert dispatcher.backlog == {}
    claimed = dispatcher.queue.claim("w1")
    assert claimed is not None and (claimed.source, claimed.host) == ("le360", "le360.com")


def test_backoff_doubles_to_its_ceiling_and_resets() -> None:
    backoff = Backoff(ceiling=8)
    waits = [backoff.failed(ConnectionError("refused")) for _ in range(6)]
    assert waits == [1, 2, 4, 8, 8, 8]
    backoff.succeeded()
    assert backoff.failed(ConnectionError("refused")) == 1
