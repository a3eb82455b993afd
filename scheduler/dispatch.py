"""`newswatch daemon --role scheduler`: due source runs go into the shared queue.

The schedule is the all-in-one daemon's (same jobs, same job store, same lock): only what a
due job does changes. It queues a run (`scheduler.workqueue`) for a worker to take. While
Redis is down the schedule keeps running and the due sources wait here, in a backlog that
is queued as soon as Redis answers again: no run is lost and the scheduler never crashes.
"""

from __future__ import annotations

import logging
import threading
from urllib.parse import urlsplit

from redis.exceptions import RedisError

from crawler.sources import Source
from scheduler.workqueue import SourceRun, WorkQueue

log = logging.getLogger(__name__)


def source_host(source: Source) -> str:
    """The host a source's crawl is polite to: its homepage's (its feeds live there too)."""
    return (urlsplit(source.homepage).hostname or source.name).lower()


class Dispatcher:
    """Queues source runs; keeps the ones Redis could not take for the next attempt."""

    def __init__(self, queue: WorkQueue, host_of: dict[str, str]) -> None:
        self.queue = queue
        self.host_of = host_of
        self.backlog: dict[str, str] = {}  # source -> trigger, in order of arrival
        self._lock = threading.Lock()
        self._failing = False

    def dispatch(self, source: Source, trigger: str = "scheduled") -> None:
        with self._lock:
            self.backlog[source.name] = trigger
        self.flush()

    def flush(self) -> int:
        """Queue the backlog; how many runs went in (a source already queued counts as in)."""
        with self._lock:
            waiting = list(self.backlog.items())
            done = 0
            try:
                for name, trigger in waiting:
                    self.queue.enqueue(SourceRun(name, self.host_of[name], trigger))
                    del self.backlog[name]
                    done += 1
            except RedisError as exc:
                if not self._failing:
                    log.warning("Redis is unreachable (%s): %d source run(s) wait for it",
                                exc, len(self.backlog))
                self._failing = True
                return done
            if self._failing:
                log.warning("Redis answers again: the waiting source runs are queued")
            self._failing = False
            return done
