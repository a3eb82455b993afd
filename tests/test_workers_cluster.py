"""Worker mode end to end (issue 17): a scheduler and real worker processes on the real Redis
and PostgreSQL, crawling a farm of replica sites each on its own loopback address, alerting
into a real SMTP server (aiosmtpd) and a real local Slack endpoint.

- three workers and a scheduler crawl twelve hosts: every article page fetched once, every
  event alerted once per channel, and a second cycle fetches no article page;
- a worker SIGKILLed mid-run: another takes its run over after the lease, with no page it
  stored fetched again, nothing lost and no alert twice;
- Redis restarted mid-cycle (a redis-server of the test's own): workers resume;
- PostgreSQL unreachable (through a proxy the test cuts): the run fails, is held in Redis and
  recorded once the database is back; the worker never stops.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from redis import Redis
from sqlalchemy import create_engine, func, make_url
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from alerts_servers import SlackServer
from cluster_support import (  # noqa: F401 - fixtures
    Proc,
    RedisServer,
    TcpProxy,
    key_prefix,
    pg_url,
    redis_url,
    worker_env,
)
from conftest import free_port
from dedup import canonical_url
from devkit.replica.hostfarm import HostFarm
from scheduler.workqueue import SourceRun as QueuedRun
from scheduler.workqueue import WorkQueue
from storage.models import Alert, Article, SourceError, SourceRun
from test_daemon_support import ROOT, http_get, metric, wait_until

CHANNELS = ("email", "slack")


@contextmanager
def cluster_db(url: str) -> Iterator[Engine]:
    engine = create_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


def newswatch(args: list[str], env: dict[str, str]) -> str:
    """A one-off command (db upgrade, enqueue) as its own process; its stdout."""
    done = subprocess.run([sys.executable, "-m", "newswatch", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def finished_runs(engine: Engine, source: str | None = None) -> list[SourceRun]:
    with Session(engine) as session:
        query = select(SourceRun).where(SourceRun.status != "running")
        if source is not None:
            query = query.where(SourceRun.source == source)
        return list(session.exec(query.order_by(col(SourceRun.id))).all())


def stored_urls(engine: Engine) -> Counter[str]:
    with Session(engine) as session:
        rows = session.exec(select(Article.url).where(col(Article.is_seed).is_(False))).all()
    return Counter(canonical_url(url) for url in rows)


def sent_per_event(engine: Engine, farm: HostFarm) -> Counter[tuple[str, str]]:
    event_of = {canonical_url(u): e for e, urls in farm.events.items() for u in urls}
    with Session(engine) as session:
        rows = session.exec(select(Article.url, Alert.channel).join(
            Article, col(Alert.article_id) == col(Article.id)).where(Alert.status == "sent")).all()
    return Counter((event_of[canonical_url(url)], channel) for url, channel in rows)


def pending_alerts(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(Alert).where(
            col(Alert.status).in_(("pending", "sending")))).one())


def alerts_env(mail_port: int, slack: SlackServer) -> dict[str, object]:
    return {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": mail_port, "SMTP_SECURITY": "none",
            "EMAIL_TO": "analyst@example.ma", "SLACK_WEBHOOK_URL": slack.url}


@dataclass
class Deployment:
    """One test's deployment: the farm crawled, the database and its processes' environment."""

    farm: HostFarm
    slack: SlackServer
    engine: Engine
    env: dict[str, str]


@contextmanager
def deployment(tmp_path: Path, database_url: str, redis_url: str, prefix: str, *, sites: int,
               articles: int, mail_port: int | None = None, reach_database: str | None = None,
               **settings: object) -> Iterator[Deployment]:
    """A farm and a Slack endpoint started, the database migrated, the environment of the
    worker and scheduler processes (``reach_database``: the URL they use, if not the test's)."""
    with ExitStack() as stack:
        farm = stack.enter_context(HostFarm(sites=sites, articles_per_site=articles))
        slack = stack.enter_context(SlackServer())
        engine = stack.enter_context(cluster_db(database_url))
        sources = farm.write_sources(tmp_path / "sources.toml", every="6h")
        channels = alerts_env(mail_port, slack) if mail_port is not None else {}
        env = worker_env(reach_database or database_url, redis_url, prefix, sources,
                         **channels, **settings)
        newswatch(["db", "upgrade"], env)
        yield Deployment(farm, slack, engine, env)


def assert_each_event_alerted_once(engine: Engine, farm: HostFarm, sink: object,
                                   slack: SlackServer) -> None:
    expected = {(event, channel): 1 for event in farm.events for channel in CHANNELS}
    wait_until(lambda: sent_per_event(engine, farm) == expected and pending_alerts(engine) == 0,
               120, "one alert per event and channel")
    assert len(sink.messages) == len(slack.delivered) == len(farm.events)  # type: ignore[attr-defined]


def test_three_workers_and_a_scheduler_fetch_each_page_once_and_alert_each_event_once(
    pg_url: str, redis_url: str, key_prefix: str, mail_server, tmp_path: Path  # noqa: ANN001
) -> None:
    sink, mail_port = mail_server
    with ExitStack() as stack:
        d = stack.enter_context(deployment(tmp_path, pg_url, redis_url, key_prefix, sites=12,
                                           articles=3, mail_port=mail_port))
        farm, slack, engine, env = d.farm, d.slack, d.engine, d.env
        ports = [free_port() for _ in range(3)]
        procs = [Proc(["daemon", "--role", "scheduler"], env, tmp_path / "scheduler.log")]
        procs += [Proc(["worker"], {**env, "NEWSWATCH_WORKER__NAME": f"w{i}",
                                    "NEWSWATCH_WORKER__METRICS_PORT": str(port)},
                       tmp_path / f"w{i}.log") for i, port in enumerate(ports)]
        for proc in procs:
            stack.callback(proc.stop)

        wait_until(lambda: len(finished_runs(engine)) == 12, 240, "the first cycle's 12 runs")
        assert {run.status for run in finished_runs(engine)} == {"ok"}, procs[1].log()[-3000:]
        assert set(farm.article_fetches().values()) == {1}
        assert stored_urls(engine) == Counter(canonical_url(u) for u in farm.article_urls())
        assert_each_event_alerted_once(engine, farm, sink, slack)
        scraped = [http_get(f"http://127.0.0.1:{port}/metrics") for port in ports]
        assert [status for status, _ in scraped] == [200, 200, 200]  # each worker its own
        claimed = [metric(body.decode(), "newswatch_worker_runs_claimed_total") for _, body in scraped]
        assert sum(claimed) == 12
        assert all("newswatch_queue_depth" in body.decode() for _, body in scraped)

        queued = newswatch(["enqueue"], env)  # the second cycle, now
        assert queued.count("\tqueued") == 12
        wait_until(lambda: len(finished_runs(engine)) == 24, 240, "the second cycle's 12 runs")
        assert set(farm.article_fetches().values()) == {1}  # no article page fetched again
        assert sum(stored_urls(engine).values()) == len(farm.article_urls())
        assert len(sink.messages) == len(slack.delivered) == len(farm.events)


def test_a_worker_killed_mid_run_loses_nothing_and_alerts_nothing_twice(
    pg_url: str, redis_url: str, key_prefix: str, mail_server, tmp_path: Path  # noqa: ANN001
) -> None:
    sink, mail_port = mail_server
    with ExitStack() as stack:
        d = stack.enter_context(deployment(
            tmp_path, pg_url, redis_url, key_prefix, sites=3, articles=4, mail_port=mail_port,
            WORKER__LEASE_SECONDS=4, WORKER__HEARTBEAT_SECONDS=0.5))
        farm, slack, engine, env = d.farm, d.slack, d.engine, d.env
        farm.gate(0, after=1)  # farm-01's second article page and later wait
        newswatch(["enqueue", "farm-01", "farm-02"], env)  # one crawl of the dead worker: both
        doomed = Proc(["worker"], {**env, "NEWSWATCH_WORKER__NAME": "doomed"}, tmp_path / "a.log")
        stack.callback(doomed.stop)
        on_host = {i: {canonical_url(u) for u in farm.article_urls()
                       if urlsplit(u).hostname == farm.hosts[i]} for i in range(3)}

        def killable() -> bool:  # every page it fetched is stored: none in flight but held ones
            stored = set(stored_urls(engine))
            return farm.held() >= 1 and on_host[1] <= stored and bool(on_host[0] & stored)

        wait_until(killable, 120, "the first worker to store farm-02 and wait in farm-01")
        stored_before_kill = set(stored_urls(engine))
        doomed.sigkill()
        farm.release()
        newswatch(["enqueue", "farm-03"], env)
        heir = Proc(["worker"], {**env, "NEWSWATCH_WORKER__NAME": "heir"}, tmp_path / "b.log")
        stack.callback(heir.stop)

        def heir_done() -> bool:
            return all([r.status for r in finished_runs(engine, name)] == ["killed", "ok"]
                       for name in ("farm-01", "farm-02")) and bool(finished_runs(engine, "farm-03"))

        wait_until(heir_done, 180, "the heir to take both sources over and crawl the third")
        fetches = farm.article_fetches()
        assert set(fetches.values()) == {1}, fetches  # nothing lost, nothing fetched twice
        assert sum(farm.abandoned.values()) >= 1  # the dead worker's requests went unanswered
        assert stored_before_kill <= set(stored_urls(engine))
        assert stored_urls(engine) == Counter(canonical_url(u) for u in farm.article_urls())
        with Session(engine) as session:
            killed = session.exec(select(SourceError).where(SourceError.kind == "RunKilled")).all()
        assert sorted(error.source for error in killed) == ["farm-01", "farm-02"]
        assert len({error.run_id for error in killed}) == 1  # one crawl process had both
        assert all("doomed" in e.message and "heir" in e.message for e in killed)
        assert_each_event_alerted_once(engine, farm, sink, slack)
        assert "taking over farm-01 from worker doomed" in heir.log()


def test_a_worker_stopped_mid_run_hands_its_source_back(
    pg_url: str, redis_url: str, key_prefix: str, tmp_path: Path
) -> None:
    queue = WorkQueue(Redis.from_url(redis_url), key_prefix)
    with ExitStack() as stack:
        d = stack.enter_context(deployment(tmp_path, pg_url, redis_url, key_prefix, sites=1,
                                           articles=4, DAEMON__SHUTDOWN_GRACE_SECONDS=3))
        farm, engine, env = d.farm, d.engine, d.env
        farm.gate(0, after=1)
        newswatch(["enqueue"], env)
        first = Proc(["worker"], {**env, "NEWSWATCH_WORKER__NAME": "first"}, tmp_path / "a.log")
        stack.callback(first.stop)
        # A page fetched but not yet stored when the run stops is fetched again next run.
        wait_until(lambda: farm.held() >= 1 and sum(stored_urls(engine).values()) >= 1, 120,
                   "the worker to store one page and wait on the next")

        first.stop()  # SIGTERM: the run is interrupted within the grace, and queued again
        assert first.process.returncode == 0
        assert [r.status for r in finished_runs(engine)] == ["interrupted"]
        assert queue.depth() == 1 and queue.running() == {}
        farm.release()
        second = Proc(["worker"], {**env, "NEWSWATCH_WORKER__NAME": "second"}, tmp_path / "b.log")
        stack.callback(second.stop)
        wait_until(lambda: len(finished_runs(engine)) == 2, 120, "the next worker's run")
        assert [r.status for r in finished_runs(engine)] == ["interrupted", "ok"]
        assert set(farm.article_fetches().values()) == {1}
        assert stored_urls(engine) == Counter(canonical_url(u) for u in farm.article_urls())


def test_workers_resume_after_redis_restarts_mid_cycle(
    pg_url: str, key_prefix: str, mail_server, tmp_path: Path  # noqa: ANN001
) -> None:
    sink, mail_port = mail_server
    (tmp_path / "redis").mkdir()
    with ExitStack() as stack:
        redis = RedisServer(tmp_path / "redis").start()
        stack.callback(redis.stop)
        d = stack.enter_context(deployment(tmp_path, pg_url, redis.url, key_prefix, sites=4,
                                           articles=4, mail_port=mail_port))
        farm, slack, engine, env = d.farm, d.slack, d.engine, d.env
        farm.gate(0, after=1)
        procs = [Proc(["daemon", "--role", "scheduler"], env, tmp_path / "scheduler.log")]
        procs += [Proc(["worker"], {**env, "NEWSWATCH_WORKER__NAME": f"w{i}"},
                       tmp_path / f"w{i}.log") for i in range(2)]
        for proc in procs:
            stack.callback(proc.stop)

        wait_until(lambda: farm.held() >= 1, 120, "a worker to be mid-run on the gated host")
        redis.stop()
        redis.wait_down()
        farm.release()  # the crawl goes on while Redis is down, and needs its frontier
        wait_until(lambda: any("cannot renew the lease" in p.log() for p in procs), 120,
                   "a worker to notice that Redis is down")
        redis.start()  # same port, same append-only file: the queue and leases are back

        wait_until(lambda: len(finished_runs(engine)) == 4, 240, "the cycle's 4 runs")
        assert {run.status for run in finished_runs(engine)} == {"ok"}
        assert set(farm.article_fetches().values()) == {1}
        newswatch(["enqueue"], env)
        wait_until(lambda: len(finished_runs(engine)) == 8, 240, "a cycle after the restart")
        assert set(farm.article_fetches().values()) == {1}
        assert stored_urls(engine) == Counter(canonical_url(u) for u in farm.article_urls())
        assert_each_event_alerted_once(engine, farm, sink, slack)
        assert all(proc.process.poll() is None for proc in procs)  # no crash, no crash loop


def test_worker_mode_refuses_sqlite(cli, tmp_path: Path) -> None:  # noqa: ANN001
    env = {"NEWSWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'nw.db'}",
           "NEWSWATCH_REDIS_URL": "redis://127.0.0.1:6379/0"}
    for args in (["worker"], ["daemon", "--role", "scheduler"], ["enqueue"]):
        result = cli(args, env=env)
        assert result.returncode == 1, args
        assert "PostgreSQL" in result.stderr and "SQLite" in result.stderr


def test_worker_mode_needs_a_redis_url(cli, pg_url: str) -> None:  # noqa: ANN001
    result = cli(["worker"], env={"NEWSWATCH_DATABASE_URL": pg_url})
    assert result.returncode == 1
    assert "NEWSWATCH_REDIS_URL" in result.stderr


def test_runs_that_fail_while_postgresql_is_down_are_recorded_once_it_is_back(
    pg_url: str, redis_url: str, key_prefix: str, tmp_path: Path
) -> None:
    database = make_url(pg_url)
    proxy = TcpProxy(database.port or 5432).up()  # PostgreSQL, as the worker reaches it
    through_proxy = database.set(port=proxy.port).render_as_string(hide_password=False)
    queue = WorkQueue(Redis.from_url(redis_url), key_prefix)
    with ExitStack() as stack:
        stack.callback(proxy.down)
        d = stack.enter_context(deployment(
            tmp_path, pg_url, redis_url, key_prefix, sites=1, articles=2,
            reach_database=through_proxy, DAEMON__RELAY_EVERY_SECONDS=1))
        farm, engine, env = d.farm, d.engine, d.env
        worker = Proc(["worker"], env, tmp_path / "worker.log")
        stack.callback(worker.stop)
        wait_until(queue.workers, 60, "the worker's first heartbeat")

        proxy.down()
        queue.enqueue(QueuedRun("farm-01", farm.hosts[0], "test"))
        wait_until(queue.held_failures, 60, "the run that could not start to be held in Redis")
        proxy.up()
        wait_until(lambda: finished_runs(engine, "farm-01"), 60, "the failed run to be recorded")
        assert [run.status for run in finished_runs(engine, "farm-01")] == ["failed"]
        with Session(engine) as session:
            error = session.exec(select(SourceError).where(SourceError.source == "farm-01")).one()
        assert error.kind == "DatabaseUnavailable" and "unreachable" in error.message
        assert queue.held_failures() == []

        queue.enqueue(QueuedRun("farm-01", farm.hosts[0], "test"))  # and the next run works
        wait_until(lambda: len(finished_runs(engine, "farm-01")) == 2, 60, "a run after it")
        assert [r.status for r in finished_runs(engine, "farm-01")] == ["failed", "ok"]
        assert worker.process.poll() is None
        assert "the database is unreachable" in worker.log()
