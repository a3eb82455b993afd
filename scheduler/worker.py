"""`newswatch worker`: takes source runs from the shared queue and crawls them.

Any number of workers, on any machine, share one Redis (`scheduler.workqueue`) and one
PostgreSQL. A worker:

- takes the first queued runs whose hosts no other worker is crawling (up to
  ``sources_per_crawl``: a crawl process costs about two CPU seconds to start, so a batch
  shares it), and holds their leases and host locks with a heartbeat while one child process
  crawls them through scrapy-redis (`crawler.frontier`);
- taking over a run another worker abandoned (killed, cut off), closes that run's row as
  killed and starts the source again from a clean frontier: the pages the dead worker
  stored are in the seen-store and are not fetched again, the rest are;
- delivers alerts after each run and between runs (the outbox relay claims rows with
  ``SKIP LOCKED``, so workers never send one alert twice);
- waits and retries while Redis is down, and holds in Redis the runs that failed because
  PostgreSQL was down, to record them once it is back.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from prometheus_client import Counter, Gauge
from redis import Redis
from redis.exceptions import RedisError
from sqlalchemy.exc import SQLAlchemyError

from crawler.config import Frontier
from crawler.runner import RunSummary, mark_unfinished, record_unrun, start_run
from crawler.sources import Source, select_sources
from scheduler import jobs
from scheduler.config import DaemonServices, SchedulerConfig
from scheduler.errors import WorkerModeRefused
from scheduler.isolation import crawl_started
from scheduler.jobs import DaemonRuntime
from scheduler.metrics import DaemonMetrics, MetricsServer
from scheduler.signals import stop_on_signals
from scheduler.workqueue import SourceRun, WorkerBeat, WorkQueue

log = logging.getLogger(__name__)
CrawlRun = Callable[[SchedulerConfig, list[Source], int, threading.Event], RunSummary]


def redis_client(url: str) -> Redis:
    return Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5,
                          health_check_interval=30)


def work_queue(config: SchedulerConfig) -> WorkQueue:
    if not config.redis_url:
        raise WorkerModeRefused("worker mode needs NEWSWATCH_REDIS_URL (redis://host:6379/0)")
    return WorkQueue(redis_client(config.redis_url), config.worker.key_prefix,
                     config.worker.lease_seconds)


def check_worker_database(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        raise WorkerModeRefused(
            "worker mode shares one database between machines: set NEWSWATCH_DATABASE_URL to "
            "PostgreSQL (postgresql+psycopg://user:pass@host/db); SQLite is one machine's file, "
            "use plain `newswatch daemon` there")


def default_worker_name() -> str:
    """Unique per start: a restarted container keeps its hostname and often its pid, and must
    not pass for its previous self (whose leases it does not hold)."""
    return f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(2)}"


class WorkerMetrics(DaemonMetrics):
    """The daemon's metrics plus the worker's own: what it took, lost and is doing."""

    def __init__(self, worker: str) -> None:
        super().__init__()
        r = self.registry
        self.claimed = Counter("newswatch_worker_runs_claimed", "Source runs taken from the queue.",
                               ["worker"], registry=r).labels(worker)
        self.taken_over = Counter("newswatch_worker_runs_taken_over",
                                  "Runs taken over from a worker that stopped answering.",
                                  ["worker"], registry=r).labels(worker)
        self.leases_lost = Counter("newswatch_worker_leases_lost",
                                   "Runs whose lease expired while this worker crawled them.",
                                   ["worker"], registry=r).labels(worker)
        self.redis_errors = Counter("newswatch_worker_redis_errors", "Failed calls to Redis.",
                                    ["worker"], registry=r).labels(worker)
        self.busy = Gauge("newswatch_worker_busy", "1 while the worker crawls a source.",
                          ["worker"], registry=r).labels(worker)
        self.queue_depth = Gauge("newswatch_queue_depth", "Source runs waiting for a worker.",
                                 registry=r)


@dataclass
class Worker:
    """One worker's state; `run_worker` drives it."""

    config: SchedulerConfig
    queue: WorkQueue
    runtime: DaemonRuntime
    name: str
    crawl: CrawlRun
    metrics: WorkerMetrics
    runs_done: int = 0
    current: str | None = None
    _last_relay: float = field(default=0.0)

    @property
    def stop(self) -> threading.Event:
        return self.runtime.stop

    # -- the loop ------------------------------------------------------------------------
    def serve(self) -> None:
        ceiling = self.config.worker.redis_retry_max_seconds
        redis, database = Backoff(ceiling, "Redis"), Backoff(ceiling, "the database")
        while not self.stop.is_set():
            try:
                worked = self.step()
                redis.succeeded()
                database.succeeded()
            except RedisError as exc:
                self.metrics.redis_errors.inc()
                self.stop.wait(redis.failed(exc))
                continue
            except SQLAlchemyError as exc:  # a run it held goes back to the queue by its lease
                self.stop.wait(database.failed(exc))
                continue
            if not worked:
                self.idle()
                self.stop.wait(self.config.worker.poll_seconds)

    def step(self) -> bool:
        """Take and crawl a batch of runs; False when none could be taken."""
        self.queue.reap()
        self.record_held_failures()
        runs = self.claim_batch()
        if not runs:
            self.beat()
            return False
        self.metrics.claimed.inc(len(runs))
        self.work(runs)
        return True

    def claim_batch(self) -> list[SourceRun]:
        """Up to ``sources_per_crawl`` ready runs, each of a host no one else crawls: one
        child process crawls them together, so its start-up cost is shared."""
        runs: list[SourceRun] = []
        while len(runs) < self.config.worker.sources_per_crawl:
            run = self.queue.claim(self.name)
            if run is None:
                break
            runs.append(run)
        return runs

    def idle(self) -> None:
        self.metrics.queue_depth.set(self.queue.depth())
        if time.monotonic() - self._last_relay >= self.config.daemon.relay_every_seconds:
            self._last_relay = time.monotonic()
            self.deliver()

    def beat(self) -> None:
        self.queue.beat(WorkerBeat(name=self.name, last_beat=datetime.now(UTC), source=self.current,
                                   runs_done=self.runs_done, host=socket.gethostname()))

    # -- one batch of runs --------------------------------------------------------------
    def work(self, runs: list[SourceRun]) -> None:
        batch = self.known(runs)
        if not batch:
            return
        for run, _ in batch:
            self.take_over(run)
        self.current = ", ".join(run.source for run, _ in batch)
        self.metrics.busy.set(1)
        try:
            with self.heartbeat([run for run, _ in batch]) as lease:
                summary = self.crawl_batch(batch, lease.halt)
            if lease.lost:
                self.metrics.leases_lost.inc()
                log.error("lost the lease on %s while crawling it; another worker has it",
                          self.current)
                return
            self.finish(batch, summary)
        finally:
            self.current = None
            self.metrics.busy.set(0)
            self.runs_done += len(batch)

    def known(self, runs: list[SourceRun]) -> list[tuple[SourceRun, Source]]:
        batch = []
        for run in runs:
            source = self.runtime.sources.get(run.source)
            if source is None:
                log.warning("queued source %s is not in this worker's catalogue; dropped",
                            run.source)
                self.queue.ack(self.name, run)
            else:
                batch.append((run, source))
        return batch

    def take_over(self, run: SourceRun) -> None:
        """Close what a worker that stopped answering left of this run."""
        left = self.queue.abandoned(run.source)
        if left is None:
            return
        self.metrics.taken_over.inc()
        self.queue.clear_frontier(left.worker)
        log.warning("taking over %s from worker %s, which stopped answering", run.source, left.worker)
        if left.run_id is not None:  # forgotten only once recorded: the database may be down
            mark_unfinished(self.config.database_url, left.run_id, [run.source],
                            f"worker {left.worker} stopped answering; the run was taken over "
                            f"by worker {self.name}")
        self.queue.forget_abandoned(run.source)

    def crawl_batch(self, batch: list[tuple[SourceRun, Source]],
                    halt: threading.Event) -> RunSummary | None:
        started = datetime.now(UTC)
        sources = [source for _, source in batch]
        try:
            run_id = start_run(self.config.database_url, sources, trigger="worker")
        except SQLAlchemyError as exc:
            log.error("cannot start a run of %s: the database is unreachable (%s)",
                      self.current, type(exc).__name__)
            for source in sources:
                self.queue.hold_failure({
                    "source": source.name, "at": started.isoformat(), "kind": "DatabaseUnavailable",
                    "reason": f"the database was unreachable: {type(exc).__name__}"})
            return None
        for run, _ in batch:
            self.queue.note_run(self.name, run, run_id)
        self.queue.clear_frontier(self.name)  # what a crashed crawl of this worker left
        return self.crawl(self.frontier_config(), sources, run_id, halt)

    def frontier_config(self) -> SchedulerConfig:
        """The configuration whose crawl keeps this worker's frontier in Redis."""
        queue_key, seen_key = self.queue.frontier_keys(self.name)
        assert self.config.redis_url is not None
        frontier = Frontier(redis_url=self.config.redis_url, queue_key=queue_key,
                            dupefilter_key=seen_key)
        crawl = self.config.crawl.model_copy(update={"frontier": frontier})
        return self.config.model_copy(update={"crawl": crawl})

    def finish(self, batch: list[tuple[SourceRun, Source]], summary: RunSummary | None) -> None:
        self.queue.clear_frontier(self.name)
        for run, _ in batch:
            self.queue.ack(self.name, run)
            if self.stop.is_set() and summary is not None and summary.status == "interrupted":
                self.queue.enqueue(SourceRun(run.source, run.host, "resumed"))  # for the next
        if summary is None:
            return
        log.info("crawl of %s: %s, %d pages, %d new articles, %d alerts", self.current,
                 summary.status, summary.pages_fetched, summary.new_articles,
                 summary.alerts_created)
        try:
            jobs.after_run(self.runtime, [source for _, source in batch], summary)
        except SQLAlchemyError:
            log.exception("after the crawl of %s: the database is unreachable", self.current)
        self._last_relay = time.monotonic()

    @contextmanager
    def heartbeat(self, runs: list[SourceRun]) -> Iterator[Lease]:
        """Renew the leases and host locks while the body runs. The lease's ``halt`` is set
        on shutdown or when a lease was lost, so the crawl stops either way."""
        lease, done = Lease(), threading.Event()
        every = self.config.worker.heartbeat_seconds

        def renew() -> None:
            due = time.monotonic() + every
            while not done.wait(min(0.5, every)):
                if self.stop.is_set():
                    lease.halt.set()
                if time.monotonic() < due:
                    continue
                due = time.monotonic() + every
                try:
                    if not all([self.queue.renew(self.name, run) for run in runs]):
                        lease.lost = True
                        lease.halt.set()
                        return
                    self.beat()
                except RedisError as exc:  # the crawl goes on; the lease may run out meanwhile
                    self.metrics.redis_errors.inc()
                    log.warning("cannot renew the lease on %s: %s", self.current, exc)

        self.beat()
        thread = threading.Thread(target=renew, name="lease-renewal", daemon=True)
        thread.start()
        try:
            yield lease
        finally:
            done.set()
            thread.join()

    # -- delivery and held records -------------------------------------------------------
    def deliver(self) -> None:
        try:
            jobs.deliver(self.runtime)
        except SQLAlchemyError as exc:  # unreachable, most likely: the next pass retries
            log.warning("alert relay failed: %s", type(exc).__name__)

    def record_held_failures(self) -> None:
        """Write the runs that failed while PostgreSQL was down, now that it may be back."""
        held = self.queue.held_failures()
        recorded = 0
        for record in held:
            try:
                record_unrun(self.config.database_url, record["source"], "worker",
                             datetime.fromisoformat(record["at"]), record["kind"], record["reason"])
            except SQLAlchemyError:
                break
            recorded += 1
        if recorded:
            self.queue.drop_failures(recorded)
            log.warning("recorded %d run(s) that failed while the database was down", recorded)


@dataclass
class Lease:
    halt: threading.Event = field(default_factory=threading.Event)
    lost: bool = False


class Backoff:
    """Seconds to wait after a failed call to a service: 1, 2, 4, ... up to ``ceiling``; one
    log line when it starts failing and one when it answers again."""

    def __init__(self, ceiling: float, service: str = "Redis") -> None:
        self.ceiling = ceiling
        self.service = service
        self.delay = 0.0

    def failed(self, exc: Exception) -> float:
        if self.delay == 0.0:
            log.warning("%s is unreachable (%s); retrying", self.service,
                        str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        self.delay = min(self.ceiling, max(1.0, self.delay * 2))
        return self.delay

    def succeeded(self) -> None:
        if self.delay:
            log.warning("%s answers again", self.service)
        self.delay = 0.0


def isolated_crawl(services: DaemonServices, channels: list[str]) -> CrawlRun:
    def crawl(config: SchedulerConfig, sources: list[Source], run_id: int,
              stop: threading.Event) -> RunSummary:
        return crawl_started(config, sources, run_id, channels=channels, stop=stop,
                             setup_logging=services.setup_logging)

    return crawl


def run_worker(config: SchedulerConfig, services: DaemonServices, *,
               stop: threading.Event | None = None) -> None:
    """Serve until SIGTERM/SIGINT (or ``stop``): take runs, crawl them, deliver alerts."""
    check_worker_database(config.database_url)
    queue = work_queue(config)
    stop = stop or threading.Event()
    stop_on_signals(stop)
    name = config.worker.name or default_worker_name()
    metrics = WorkerMetrics(name)
    sources = select_sources(services.load_sources(), None)
    runtime = DaemonRuntime(config=config, services=services, engine=services.open_database(),
                            sources={s.name: s for s in sources}, crawl=_no_crawl, stop=stop,
                            metrics=metrics)
    worker = Worker(config=config, queue=queue, runtime=runtime, name=name,
                    crawl=isolated_crawl(services, services.channels), metrics=metrics)
    server = _start_metrics(config, metrics, worker)
    log.warning("newswatch worker %s started: %d sources in its catalogue", name, len(sources))
    try:
        worker.serve()
    finally:
        stop.set()
        if server is not None:
            server.stop()
        try:
            queue.forget_worker(name)
        except RedisError:
            pass
        runtime.engine.dispose()
    log.warning("newswatch worker %s stopped", name)


def _no_crawl(source: Source) -> RunSummary:
    raise AssertionError("a worker crawls through Worker.crawl")


def _start_metrics(config: SchedulerConfig, metrics: WorkerMetrics,
                   worker: Worker) -> MetricsServer | None:
    port = config.worker.metrics_port
    if port is None:
        return None

    def healthy() -> dict[str, object]:
        if worker.stop.is_set():
            return {"status": "stopping"}
        return {"status": "ok", "worker": worker.name, "source": worker.current,
                "runs_done": worker.runs_done}

    return MetricsServer(config.worker.metrics_host, port, metrics, healthy).start()
