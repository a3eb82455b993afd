"""Scale-out benchmarks (issue 17): `newswatch worker` processes sharing Redis and PostgreSQL,
crawling a HostFarm (replica sites on 127.0.0.2, 127.0.0.3, ...: one host each). Prints figures.

A worker claims up to k ready runs of free hosts at once (--sources-per-crawl, passed as
NEWSWATCH_WORKER__SOURCES_PER_CRAWL; the product's default is 4) and crawls them in ONE child
process, the hosts side by side: a process's start-up (~2 CPU s) is paid once per k sources.
Below, a "run" is one source's run (a source_run row); a "crawl" is one child process (a
crawl_run row) covering up to k runs.

    throughput  1, 2 and 4 workers on 24 farm hosts, each configuration on a fresh PostgreSQL
                database and a fresh Redis key prefix, with the crawler's default politeness
                (download_delay 0.5 s per host, autothrottle on) and a server-side response
                delay (--delay). Cycle 1: every host has --articles new articles; time from
                enqueue to the last source run finished, articles stored / time, and whether
                every article page was fetched exactly once (farm.article_fetches()). Cycle 2:
                the same sources again with nothing new (the steady state: discovery pages
                only, no article page may be fetched); its time and CPU per crawl are a
                crawl's fixed cost, shared by the runs it covers.
                CPU seconds are the workers' process trees' (psutil: the workers' own time plus
                that of the crawl children they waited for); the farm runs in this process.
    overhead    the WorkQueue's operations (enqueue, reap, held_failures, claim, abandoned,
                forget_abandoned, note_run, beat, renew, clear_frontier, ack), timed in a
                tight loop against the real Redis, and scrapy-redis's per-request frontier
                operations (dupefilter SADD, priority-queue push and pop of a pickled request
                like the spider's). Expressed per article for one crawl of b runs: per run
                enqueue, claim, abandoned, note_run, ack; per crawl reap, held_failures, one
                beat and clear_frontier twice (before and after); per heartbeat a renew per
                run and one beat; one frontier round trip per page (articles + discovery).
                forget_abandoned only follows a take-over and is not counted.
    memory      Redis bytes (MEMORY USAGE ... SAMPLES 0) per queued run (ready list + pending
                hash, 5,000 runs queued), per running run (lease, owner, host lock) and per
                frontier request (queue entry + dupefilter fingerprint); and the peak bytes under
                the prefix, sampled while the workers crawled.
    estimate    on paper, 5,000 sources every 15 minutes (--sources-goal, --every-minutes),
                from the 1-worker configuration (no CPU contention). Politeness, not CPU, sets
                a crawl's length; a worker is busy for the whole crawl of its b runs, so its
                time is charged to them evenly (b = runs / crawls measured in cycle 2):
                    worker s per run = fixed (cycle 2: worker seconds / runs, i.e. a crawl's
                                       length / b: start-up + the b hosts' discovery, side
                                       by side)
                                       + new articles per run (--new-per-run, assumed)
                                         x worker s per article (cycle 1 minus cycle 2, per
                                           article: b hosts fetch side by side, ~delay / b)
                    CPU s per run    = cycle 2's CPU per crawl / b
                                       + new articles per run x CPU s per article
                    workers          = runs per second x worker s per run / utilisation (0.7)
                    CPU cores        = runs per second x CPU s per run
                    Redis bytes      = every source queued at once x bytes per queued run
                                       + workers x (b x (bytes per running run + frontier of
                                         one run) + the worker's heartbeat entry)
                Assumed, and printed: at 5,000 sources the queue always holds b ready runs of
                free hosts, so every crawl is as full as in cycle 2; the sources of a crawl
                are alike (a crawl lasts as long as its slowest source, and holds its worker
                till then); costs are linear in new articles. The 2- and 4-worker rows show how
                far this 2-core machine scales them.

Run: .venv/bin/python bench/bench_workers.py [--quick] [--workers 1,2,4] [--sites 24]
     [--articles 25] [--delay 0.075] [--sources-per-crawl 4] [--skip-throughput]
Needs PostgreSQL on 127.0.0.1:5432 (trust; databases are created and dropped) and Redis on
127.0.0.1:6379 (keys under a fresh prefix, deleted afterwards).
"""

from __future__ import annotations

import argparse
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import psutil
import scrapy
from redis import Redis
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from sqlalchemy import create_engine, text

# devkit/ is dev-only and outside the wheel: import it from the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.discovery import Link  # noqa: E402
from devkit.replica.hostfarm import HostFarm  # noqa: E402
from newswatch.settings import Settings  # noqa: E402
from newswatch.usecases import enqueue_runs  # noqa: E402
from scheduler.config import WorkerSettings  # noqa: E402
from scheduler.workqueue import SourceRun, WorkerBeat, WorkQueue  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
REDIS_URL = "redis://127.0.0.1:6379/0"
HEARTBEAT_SECONDS = 10.0  # WorkerSettings.heartbeat_seconds' default
UTILISATION = 0.7  # workers busy this share of the interval: runs do not slip on a slow cycle
DEFAULT_PER_CRAWL = int(WorkerSettings.model_fields["sources_per_crawl"].default)


# -- throughput ------------------------------------------------------------------------------
@dataclass
class Cycle:
    runs: int  # source runs (source_run rows)
    crawls: int  # crawl processes (crawl_run rows), each covering up to k runs
    statuses: Counter[str]
    seconds: float  # enqueue -> the last run's finished_at
    articles: int  # new article rows
    pages: int  # pages fetched, discovery included
    cpu: float  # CPU seconds of the workers' process trees

    @property
    def per_crawl(self) -> float:
        """Runs per crawl process, on average."""
        return self.runs / max(self.crawls, 1)


@dataclass
class Config:
    workers: int
    sites: int
    articles: int
    per_crawl: int  # k: NEWSWATCH_WORKER__SOURCES_PER_CRAWL
    cycles: list[Cycle] = field(default_factory=list)
    fetched: Counter[int] = field(default_factory=Counter)  # times fetched -> article pages
    refetched: int = 0  # article pages served again in cycle 2
    peak_redis: int = 0  # bytes under the prefix
    peak_frontier: int = 0


class Database:
    """A fresh PostgreSQL database, dropped on exit."""

    def __init__(self) -> None:
        self.name = f"bench_workers_{uuid.uuid4().hex[:10]}"
        self.url = ADMIN_URL.rsplit("/", 1)[0] + "/" + self.name
        self.admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
        self.engine = create_engine(self.url)

    def __enter__(self) -> Database:
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self.name}"'))
        return self

    def __exit__(self, *exc: object) -> None:
        self.engine.dispose()
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()

    def scalar(self, sql: str, **params: object) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(text(sql), params).scalar() or 0)

    def runs_since(self, since: datetime) -> list[tuple[str, datetime | None, int, int]]:
        sql = ("SELECT status, finished_at, pages_fetched, new_articles FROM source_run "
               "WHERE started_at >= :since")
        with self.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql), {"since": since})]  # type: ignore[misc]

    def crawls_since(self, since: datetime) -> int:
        return self.scalar("SELECT count(*) FROM crawl_run WHERE started_at >= :since",
                           since=since)


class RedisWatch:
    """Peak bytes under a key prefix (and under its frontier keys), sampled in a thread."""

    def __init__(self, client: Redis, prefix: str) -> None:
        self.client, self.prefix = client, prefix
        self.peak = self.peak_frontier = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RedisWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            total = frontier = 0
            for key in self.client.scan_iter(match=f"{self.prefix}:*", count=500):
                size = int(self.client.memory_usage(key, samples=0) or 0)
                total += size
                frontier += size if b":frontier:" in key else 0
            self.peak, self.peak_frontier = max(self.peak, total), max(self.peak_frontier, frontier)


def worker_env(tmp: Path, database_url: str, sources: Path, prefix: str,
               per_crawl: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}
    values = {
        "DATA_DIR": tmp / "data", "DATABASE_URL": database_url, "REDIS_URL": REDIS_URL,
        "SOURCES": sources, "WORKER__KEY_PREFIX": prefix, "WORKER__POLL_SECONDS": 0.2,
        "WORKER__SOURCES_PER_CRAWL": per_crawl,
        "CRAWL__LOG_LEVEL": "ERROR", "LOG_LEVEL": "WARNING",
    }  # politeness: the crawler's defaults (download_delay 0.5 s, autothrottle on)
    env.update({f"NEWSWATCH_{k}": str(v) for k, v in values.items()})
    return env


def newswatch(*args: str, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    out = log.open("ab")
    return subprocess.Popen([sys.executable, "-m", "newswatch", *args], env=env, cwd=ROOT,
                            stdout=out, stderr=out)


def wait_until(condition, seconds: float, what: str, every: float = 0.2) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up after {seconds:.0f} s waiting for {what}")
        time.sleep(every)


def tree_cpu(processes: list[psutil.Process]) -> float:
    """CPU seconds of each worker and of the children it has waited for."""
    total = 0.0
    for process in processes:
        times = process.cpu_times()
        total += times.user + times.system + times.children_user + times.children_system
    return total


def run_cycle(db: Database, queue: WorkQueue, settings: Settings, sources: Path,
              processes: list[psutil.Process], sites: int) -> Cycle:
    cpu_before = tree_cpu(processes)
    started = datetime.now(UTC)
    enqueue_runs(settings, sources_file=sources)

    def finished() -> bool:
        if any(not p.is_running() or p.status() == psutil.STATUS_ZOMBIE for p in processes):
            raise RuntimeError("a worker exited; see its log")
        rows = db.runs_since(started)
        return sum(status != "running" for status, *_ in rows) >= sites

    wait_until(finished, 3600, "every source run to finish")
    # The crawl children are waited for before the ack: idle workers' CPU figures are whole.
    wait_until(lambda: not queue.running() and queue.depth() == 0, 120, "the workers to go idle")
    rows = db.runs_since(started)
    last = max(finished_at for _, finished_at, *_ in rows if finished_at is not None)
    return Cycle(runs=len(rows), crawls=db.crawls_since(started), statuses=Counter(status for status, *_ in rows),
                 seconds=(last - started).total_seconds(),
                 articles=sum(new for *_, new in rows), pages=sum(p for *_, p, _ in rows),
                 cpu=tree_cpu(processes) - cpu_before)


def bench_config(workers: int, sites: int, articles: int, delay: float, per_crawl: int) -> Config:
    config = Config(workers, sites, articles, per_crawl)
    prefix = f"bench-workers-{uuid.uuid4().hex[:10]}"
    client = Redis.from_url(REDIS_URL)
    queue = WorkQueue(client, prefix)
    tmp = Path(tempfile.mkdtemp(prefix="bench-workers-"))
    with Database() as db, HostFarm(sites=sites, articles_per_site=articles, delay=delay) as farm:
        sources = farm.write_sources(tmp / "sources.toml")
        env = worker_env(tmp, db.url, sources, prefix, per_crawl)
        settings = Settings(data_dir=tmp / "data", database_url=db.url, redis_url=REDIS_URL,
                            sources=sources, worker={"key_prefix": prefix})  # type: ignore[arg-type]
        if newswatch("db", "upgrade", env=env, log=tmp / "upgrade.log").wait(timeout=300):
            raise RuntimeError(f"db upgrade failed; see {tmp / 'upgrade.log'}")
        popens = [newswatch("worker", env={**env, "NEWSWATCH_WORKER__NAME": f"w{i}"},
                            log=tmp / f"worker-{i}.log") for i in range(workers)]
        processes = [psutil.Process(p.pid) for p in popens]
        try:
            # Start-up (imports, catalogue, database) is before the clock: an idle worker beats.
            wait_until(lambda: len(queue.workers()) == workers, 180, "the workers to start")
            with RedisWatch(client, prefix) as watch:
                config.cycles.append(run_cycle(db, queue, settings, sources, processes, sites))
                fetches = farm.article_fetches()
                config.cycles.append(run_cycle(db, queue, settings, sources, processes, sites))
            config.peak_redis, config.peak_frontier = watch.peak, watch.peak_frontier
            config.fetched = Counter(fetches.values())
            config.refetched = sum(farm.article_fetches()[url] - n for url, n in fetches.items())
        finally:
            stop_workers(popens)
            delete_prefix(client, prefix)
    return config


def stop_workers(popens: list[subprocess.Popen[bytes]]) -> None:
    for process in popens:
        process.send_signal(signal.SIGTERM)
    for process in popens:
        try:
            process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()


def delete_prefix(client: Redis, prefix: str) -> None:
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


def print_throughput(configs: list[Config], delay: float) -> None:
    first = configs[0]
    print(f"\nthroughput: {first.sites} farm hosts x {first.articles} articles, download_delay "
          f"0.5 s + autothrottle (defaults), server delay {delay * 1000:.0f} ms, "
          f"sources per crawl (k) {first.per_crawl}")
    print("workers  cycle  runs  crawls (runs/crawl)  status       seconds  articles  art/s  "
          "runs/min/worker  pages  cpu s/run  cpu s/crawl  fetched once")
    for config in configs:
        for number, cycle in enumerate(config.cycles, 1):
            print(throughput_row(config, number, cycle))
    base = configs[0].cycles[0]
    for config in configs[1:]:
        speedup = base.seconds / config.cycles[0].seconds
        print(f"  {config.workers} workers: {speedup:.2f}x the articles/s of {configs[0].workers} "
              f"(ideal {config.workers / configs[0].workers:.0f}x)")
    for config in configs:
        print(f"  {config.workers} worker(s): peak Redis under the prefix {config.peak_redis / 1024:.0f} KiB"
              f" (frontier {config.peak_frontier / 1024:.0f} KiB)")


def throughput_row(config: Config, number: int, cycle: Cycle) -> str:
    status = ",".join(f"{k}:{v}" for k, v in sorted(cycle.statuses.items()))
    per_worker = cycle.runs / cycle.seconds * 60 / config.workers
    if number == 1:
        total = sum(config.fetched.values())
        once = f"{config.fetched[1]}/{total}" + (
            f" (0x: {config.fetched[0]}, >1x: {total - config.fetched[0] - config.fetched[1]})"
            if config.fetched[1] != total else "")
    else:
        once = f"re-fetched {config.refetched}"
    crawls = f"{cycle.crawls} ({cycle.per_crawl:.1f})"
    return (f"{config.workers:>7}  {number:>5}  {cycle.runs:>4}  {crawls:>19}  {status:<11}  "
            f"{cycle.seconds:>7.1f}  {cycle.articles:>8}  {cycle.articles / cycle.seconds:>5.1f}"
            f"  {per_worker:>15.2f}  {cycle.pages:>5}  {cycle.cpu / cycle.runs:>9.2f}  "
            f"{cycle.cpu / max(cycle.crawls, 1):>11.2f}  {once}")


# -- overhead and memory ----------------------------------------------------------------------
class BenchSpider(scrapy.Spider):
    """Requests that pickle like the newswatch spider's (a method callback and errback)."""

    name = "newswatch"

    def parse_article(self, response: object) -> None: ...

    def article_failed(self, failure: object) -> None: ...


def article_request(spider: BenchSpider, n: int) -> scrapy.Request:
    url = f"http://127.0.0.9:43117/economie/2025/06/{n:05d}-offshoring-un-centre-de-relation-client-a-tetouan"
    link = Link(url=url, title=f"Offshoring : un centre de relation client à Tétouan ({n})",
                published=datetime(2025, 6, 3, 9, 30, tzinfo=UTC))
    return scrapy.Request(url, callback=spider.parse_article, errback=spider.article_failed,
                          meta={"source": "farm-07", "canonical": url, "link": link,
                                "rung": "sitemap"})


def per_op(action, count: int) -> float:  # noqa: ANN001
    """Mean seconds per call of ``action(i)`` over ``count`` calls."""
    started = time.perf_counter()
    for i in range(count):
        action(i)
    return (time.perf_counter() - started) / count


def memory_usage(client: Redis, *keys: str) -> int:
    return sum(int(client.memory_usage(key, samples=0) or 0) for key in keys)


# One run's share of a crawl's queue calls (see Worker.step, work, crawl_batch and finish):
PER_RUN_OPS = ("enqueue", "claim", "abandoned", "note_run", "ack")
PER_CRAWL_OPS = ("reap", "held_failures", "beat", "clear_frontier", "clear_frontier")


@dataclass(frozen=True)
class CrawlShape:
    """One crawl process as measured: what the queue's overhead is spread over."""

    runs: float  # runs it covers (b)
    articles: float  # per run
    pages: float  # per run, discovery included
    seconds: float  # the crawl's length


@dataclass
class Overhead:
    ops: dict[str, float]  # seconds per call
    frontier: dict[str, float]  # seconds per request
    bytes_queued_run: float
    bytes_running_run: float
    bytes_frontier_request: dict[str, float]
    bytes_beat: float

    @property
    def per_request(self) -> float:
        return sum(self.frontier.values())

    def queue_calls(self, runs: float) -> float:
        """Seconds of queue calls in the life of a crawl of ``runs`` runs, heartbeats aside."""
        return (runs * sum(self.ops[k] for k in PER_RUN_OPS)
                + sum(self.ops[k] for k in PER_CRAWL_OPS))

    def heartbeat(self, runs: float) -> float:
        return runs * self.ops["renew"] + self.ops["beat"]


def bench_queue(client: Redis, runs: int) -> tuple[dict[str, float], float, float, float]:
    prefix = f"bench-workers-q-{uuid.uuid4().hex[:10]}"
    queue = WorkQueue(client, prefix)
    items = [SourceRun(f"source-{i:05d}", f"www.site-{i:05d}.ma", "scheduled") for i in range(runs)]
    keys = [queue.key("runs", "ready"), queue.key("runs", "pending")]
    try:
        ops = {"enqueue": per_op(lambda i: queue.enqueue(items[i]), runs)}
        queued = memory_usage(client, *keys) / runs
        ops["reap"] = per_op(lambda i: queue.reap(), runs)
        ops["held_failures"] = per_op(lambda i: queue.held_failures(), runs)
        taken: list[SourceRun] = []
        # claim scans the head of the list: with every host free it takes the first.
        ops["claim"] = per_op(lambda i: taken.append(queue.claim("bench-w")), runs)  # type: ignore[arg-type,func-returns-value]
        running_keys = [queue.key("runs", "leases"), queue.key("runs", "owners"),
                        queue.key("runs", "pending")] + [queue.host_key(r.host) for r in taken[:200]]
        running = (memory_usage(client, *running_keys[:3]) +
                   memory_usage(client, *running_keys[3:]) * runs / min(runs, 200)) / runs
        ops["abandoned"] = per_op(lambda i: queue.abandoned(taken[i].source), runs)
        ops["forget_abandoned"] = per_op(lambda i: queue.forget_abandoned(taken[i].source), runs)
        ops["note_run"] = per_op(lambda i: queue.note_run("bench-w", taken[i], i), runs)
        beat = WorkerBeat("bench-w", datetime.now(UTC), "source-00001", 12, "bench-host")
        ops["beat"] = per_op(lambda i: queue.beat(beat), runs)
        beat_bytes = memory_usage(client, queue.key("workers"))
        ops["renew"] = per_op(lambda i: queue.renew("bench-w", taken[i]), runs)
        ops["clear_frontier"] = per_op(lambda i: queue.clear_frontier("bench-w"), runs)
        ops["ack"] = per_op(lambda i: queue.ack("bench-w", taken[i]), runs)
        assert all(run is not None for run in taken) and not queue.running()
    finally:
        delete_prefix(client, prefix)
    return ops, queued, running, beat_bytes


def bench_frontier(client: Redis, requests: int) -> tuple[dict[str, float], dict[str, float]]:
    prefix = f"bench-workers-f-{uuid.uuid4().hex[:10]}"
    spider = BenchSpider()
    seen = RFPDupeFilter(client, f"{prefix}:frontier:s:seen")
    frontier = PriorityQueue(client, spider, f"{prefix}:frontier:s:requests")
    batch = [article_request(spider, n) for n in range(requests)]
    try:
        times = {"dupefilter SADD": per_op(lambda i: seen.request_seen(batch[i]), requests),
                 "queue push": per_op(lambda i: frontier.push(batch[i]), requests)}
        sizes = {"queue entry": memory_usage(client, frontier.key) / requests,
                 "fingerprint": memory_usage(client, seen.key) / requests}
        times["queue pop"] = per_op(lambda i: frontier.pop(), requests)
    finally:
        delete_prefix(client, prefix)
    return times, sizes


def bench_overhead(runs: int, requests: int) -> Overhead:
    client = Redis.from_url(REDIS_URL)
    ops, queued, running, beat_bytes = bench_queue(client, runs)
    frontier, sizes = bench_frontier(client, requests)
    client.close()
    return Overhead(ops, frontier, queued, running, sizes, beat_bytes)


def print_overhead(o: Overhead, runs: int, requests: int, shape: CrawlShape) -> None:
    print(f"\nqueue operations against Redis ({runs} runs; frontier {requests} requests), per call")
    print("  " + "  ".join(f"{k} {v * 1e6:.0f}" for k, v in o.ops.items()) + "  (us)")
    print("  frontier per request: " + "  ".join(f"{k} {v * 1e6:.0f}" for k, v in o.frontier.items())
          + f"  (us; {o.per_request * 1e6:.0f} in all)")
    beats = math.ceil(shape.seconds / HEARTBEAT_SECONDS)
    calls = o.queue_calls(shape.runs)
    frontier = shape.runs * shape.pages * o.per_request
    total = calls + frontier + beats * o.heartbeat(shape.runs)
    articles = max(shape.runs * shape.articles, 1)
    print(f"  one crawl of {shape.runs:.1f} run(s) ({shape.articles:.0f} articles and "
          f"{shape.pages:.0f} pages a run, {shape.seconds:.0f} s): queue calls "
          f"{calls * 1e3:.2f} ms + frontier {frontier * 1e3:.2f} ms + {beats} heartbeat(s) = "
          f"{total * 1e3:.2f} ms, {total / articles * 1e3:.3f} ms per article "
          f"({total / articles / 0.5 * 100:.2f}% of the 0.5 s politeness delay)")
    request_bytes = sum(o.bytes_frontier_request.values())
    print(f"Redis memory: {o.bytes_queued_run:.0f} B per queued run ({runs} queued), "
          f"{o.bytes_running_run:.0f} B per running run (lease, owner, host lock), "
          f"{request_bytes:.0f} B per frontier request (" + ", ".join(
              f"{k} {v:.0f}" for k, v in o.bytes_frontier_request.items())
          + f"), {o.bytes_beat:.0f} B per worker heartbeat")


# -- the paper estimate -------------------------------------------------------------------------
@dataclass(frozen=True)
class PerRun:
    """One source run's costs, measured with one worker crawling k runs per process."""

    per_crawl: float  # b: runs per crawl process in cycle 2
    crawl_seconds: float  # a crawl with nothing new: start-up + its hosts' discovery
    crawl_cpu: float
    fixed_seconds: float  # a run's share of that crawl (worker seconds)
    article_seconds: float  # worker seconds for each new article on top
    fixed_cpu: float
    article_cpu: float
    discovery_pages: float


def per_run_costs(config: Config) -> PerRun:
    first, steady = config.cycles
    # Worker seconds: a worker is busy for the whole crawl, whichever of its runs finish first.
    fixed = steady.seconds * config.workers / steady.runs
    whole = first.seconds * config.workers / first.runs
    articles = first.articles / first.runs
    return PerRun(per_crawl=steady.per_crawl,
                  crawl_seconds=steady.seconds * config.workers / max(steady.crawls, 1),
                  crawl_cpu=steady.cpu / max(steady.crawls, 1),
                  fixed_seconds=fixed, article_seconds=(whole - fixed) / max(articles, 1),
                  fixed_cpu=steady.cpu / steady.runs,
                  article_cpu=(first.cpu - steady.cpu) / first.runs / max(articles, 1),
                  discovery_pages=steady.pages / steady.runs)


def print_estimate(cost: PerRun, o: Overhead, goal: int, every_minutes: float,
                   new_per_run: float, per_crawl: int) -> None:
    rate = goal / (every_minutes * 60)
    b = cost.per_crawl
    run_seconds = cost.fixed_seconds + new_per_run * cost.article_seconds
    cpu_run = cost.fixed_cpu + new_per_run * cost.article_cpu
    workers = math.ceil(rate * run_seconds / UTILISATION)
    cores = rate * cpu_run
    pages = cost.discovery_pages + new_per_run
    request_bytes = sum(o.bytes_frontier_request.values())
    held = b * (o.bytes_running_run + pages * request_bytes) + o.bytes_beat
    redis_bytes = goal * o.bytes_queued_run + workers * held
    print(f"\nestimate: {goal} sources every {every_minutes:g} min = {rate:.2f} runs/s "
          f"({rate * 60:.0f} runs/min), sources per crawl k = {per_crawl}")
    print(f"  measured (1 worker, cycle 2): a crawl with nothing new covered {b:.1f} runs, took "
          f"{cost.crawl_seconds:.1f} s and {cost.crawl_cpu:.2f} CPU s; a run's share "
          f"{cost.fixed_seconds:.2f} worker s and {cost.fixed_cpu:.2f} CPU s "
          f"({cost.discovery_pages:.1f} discovery pages)")
    print(f"  measured (1 worker, cycle 1 minus cycle 2): each new article +{cost.article_seconds:.3f}"
          f" worker s (its crawl's {b:.1f} hosts fetch side by side), +{cost.article_cpu:.3f} CPU s")
    print(f"  assumed: {new_per_run:g} new articles per source per run; every crawl covers {b:.1f} "
          f"runs as in cycle 2 (with {goal} sources queued, k ready runs of free hosts are there); "
          f"a crawl's sources are alike (it lasts as long as its slowest and holds its worker "
          f"till then); costs linear in new articles; workers busy {UTILISATION:.0%} of the "
          f"time; every source queued at once at worst")
    print(f"  a crawl of {b:.1f} runs lasts {run_seconds * b:.1f} s -> {60 / run_seconds:.1f} "
          f"runs/min per worker")
    print(f"  workers needed     {workers}  ({rate:.2f} runs/s x {run_seconds:.2f} worker s / "
          f"{UTILISATION})")
    print(f"  CPU cores needed   {cores:.1f}  ({rate:.2f} runs/s x {cpu_run:.2f} CPU s), i.e. "
          f"{workers / max(cores, 1e-9):.1f} workers per core")
    print(f"  Redis memory       {redis_bytes / 2**20:.1f} MiB of data ({goal} queued runs x "
          f"{o.bytes_queued_run:.0f} B + {workers} workers x ({b:.1f} running x "
          f"({o.bytes_running_run:.0f} B + {pages:.1f} requests x {request_bytes:.0f} B) + "
          f"{o.bytes_beat:.0f} B)), plus Redis's own ~1 MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="12 hosts x 8 articles, 1 and 2 workers, 1,000 queue operations")
    parser.add_argument("--workers", help="comma-separated worker counts (default 1,2,4)")
    parser.add_argument("--sites", type=int, help="farm hosts (default 24, at most 24)")
    parser.add_argument("--articles", type=int, help="articles per host (default 25)")
    parser.add_argument("--delay", type=float, default=0.075, help="server response delay, s")
    parser.add_argument("--sources-per-crawl", type=int, default=DEFAULT_PER_CRAWL,
                        help="k, runs one crawl process takes (NEWSWATCH_WORKER__SOURCES_PER_CRAWL;"
                             f" default {DEFAULT_PER_CRAWL}, the product's)")
    parser.add_argument("--queue-runs", type=int, help="runs queued in the overhead loop (5000)")
    parser.add_argument("--skip-throughput", action="store_true", help="overhead and memory only")
    parser.add_argument("--sources-goal", type=int, default=5000)
    parser.add_argument("--every-minutes", type=float, default=15)
    parser.add_argument("--new-per-run", type=float, default=2.0,
                        help="assumed new articles per source per run, for the estimate")
    args = parser.parse_args()
    quick, k = args.quick, args.sources_per_crawl
    counts = [int(n) for n in (args.workers or ("1,2" if quick else "1,2,4")).split(",")]
    sites, articles = args.sites or (12 if quick else 24), args.articles or (8 if quick else 25)
    runs, requests = args.queue_runs or (1000 if quick else 5000), 1000 if quick else 5000
    print(f"bench_workers: workers {','.join(map(str, counts))}, {sites} hosts x {articles} "
          f"articles, sources per crawl (NEWSWATCH_WORKER__SOURCES_PER_CRAWL) {k}")
    overhead = bench_overhead(runs, requests)
    if args.skip_throughput:
        print_overhead(overhead, runs, requests, CrawlShape(k, articles, articles + 3, 20))
        return
    configs = []
    for workers in counts:
        print(f"... {workers} worker(s)", file=sys.stderr, flush=True)
        configs.append(bench_config(workers, sites, articles, args.delay, k))
    print_throughput(configs, args.delay)
    first = configs[0].cycles[0]
    print_overhead(overhead, runs, requests, CrawlShape(
        first.per_crawl, first.articles / first.runs, first.pages / first.runs,
        first.seconds * configs[0].workers / max(first.crawls, 1)))
    print_estimate(per_run_costs(configs[0]), overhead, args.sources_goal, args.every_minutes,
                   args.new_per_run, k)
    spread = [c.cycles[0].seconds * c.workers / c.cycles[0].runs for c in configs]
    print(f"  (worker seconds per run in cycle 1, by configuration: "
          f"{', '.join(f'{s:.1f}' for s in spread)}; median {statistics.median(spread):.1f})")


if __name__ == "__main__":
    main()
