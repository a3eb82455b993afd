"""`newswatch status` in worker mode: the workers' heartbeats, the queue and who crawls what,
read from the real Redis on 127.0.0.1:6379; Redis unreachable is a line, not a traceback.

The state is written through `WorkQueue` itself, under a key prefix of the test's own.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from redis import Redis
from redis.exceptions import RedisError

from conftest import CliRunner, free_port
from newswatch.settings import Settings
from newswatch.status import collect_status
from newswatch.usecases import open_database
from scheduler.config import WorkerSettings
from scheduler.worker import work_queue
from scheduler.workqueue import SourceRun, WorkerBeat, WorkQueue

REDIS_URL = "redis://127.0.0.1:6379/0"
HEARTBEAT = 60.0  # silent after 180 s: far from both beats below, however slow the machine


@pytest.fixture
def key_prefix() -> Iterator[str]:
    """A prefix no other test uses; its keys are deleted afterwards. No Redis: skipped
    locally, failed under CI=true."""
    client = Redis.from_url(REDIS_URL, socket_connect_timeout=5, socket_timeout=10)
    try:
        client.ping()
    except RedisError as exc:
        client.close()
        message = f"Redis on 127.0.0.1:6379 is unreachable: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    prefix = f"nwtest-status-{uuid.uuid4().hex[:12]}"
    try:
        yield prefix
    finally:
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)
        client.close()


def _settings(make_settings, redis_url: str, prefix: str) -> Settings:  # noqa: ANN001
    return make_settings(redis_url=redis_url,
                         worker=WorkerSettings(key_prefix=prefix, heartbeat_seconds=HEARTBEAT))


def _env(settings: Settings, redis_url: str | None, prefix: str) -> dict[str, str]:
    env = {"NEWSWATCH_DATA_DIR": str(settings.data_dir), "NEWSWATCH_DATABASE_URL": settings.database_url,
           "NEWSWATCH_WORKER__KEY_PREFIX": prefix,
           "NEWSWATCH_WORKER__HEARTBEAT_SECONDS": str(HEARTBEAT)}
    if redis_url:
        env["NEWSWATCH_REDIS_URL"] = redis_url
    return env


def _two_workers_one_busy(queue: WorkQueue) -> None:
    """w-busy beat just now and crawls alpha; w-gone last beat an hour ago; two runs wait
    (gamma shares beta's host, so it waits behind it)."""
    now = datetime.now(UTC)
    queue.beat(WorkerBeat(name="w-busy", last_beat=now, source="alpha", runs_done=3, host="box-1"))
    queue.beat(WorkerBeat(name="w-gone", last_beat=now - timedelta(hours=1), source=None,
                          runs_done=7, host="box-2"))
    for source, host in (("alpha", "alpha.example.ma"), ("beta", "beta.example.ma"),
                         ("gamma", "beta.example.ma")):
        assert queue.enqueue(SourceRun(source, host))
    claimed = queue.claim("w-busy")
    assert claimed is not None and claimed.source == "alpha"


def _plain_section(stdout: str, title: str) -> list[list[str]]:
    """The rows (header first) of the plain table whose title line starts with ``title``, in
    a piped `status`: the lines after it, up to the blank line that ends the table."""
    lines = stdout.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(title)), None)
    assert start is not None, f"no table {title!r} in:\n{stdout}"
    rows = []
    for line in lines[start + 1:]:
        if not line:
            break
        rows.append(line.split("\t"))
    return rows


def test_collect_status_reports_workers_queue_and_running_sources(make_settings, key_prefix: str) -> None:
    settings = _settings(make_settings, REDIS_URL, key_prefix)
    _two_workers_one_busy(work_queue(settings.scheduler_config()))

    section = collect_status(settings, open_database(settings))["worker_mode"]

    assert section["reachable"] is True and section["error"] is None
    assert section["silent_after_seconds"] == 3 * HEARTBEAT
    assert section["queue_depth"] == 2
    assert section["running"] == [{"source": "alpha", "worker": "w-busy"}]
    busy, gone = section["workers"]
    assert (busy["name"], busy["host"], busy["source"], busy["runs_done"], busy["silent"]) == (
        "w-busy", "box-1", "alpha", 3, False)
    assert (gone["name"], gone["host"], gone["source"], gone["runs_done"], gone["silent"]) == (
        "w-gone", "box-2", None, 7, True)
    assert 0 <= busy["age_seconds"] < 3 * HEARTBEAT <= 3600 - 60 <= gone["age_seconds"]


def test_status_command_prints_the_workers_as_text_and_json(make_settings, key_prefix: str,
                                                            cli: CliRunner) -> None:
    settings = _settings(make_settings, REDIS_URL, key_prefix)
    open_database(settings)
    _two_workers_one_busy(work_queue(settings.scheduler_config()))
    env = _env(settings, REDIS_URL, key_prefix)

    text = cli(["status"], env=env)
    assert text.returncode == 0, text.stderr
    header, *rows = _plain_section(text.stdout, "workers: 2 (1 silent: no heartbeat for 180 s)")
    assert header == ["worker", "host", "last_heartbeat", "source", "runs_done", "state"]
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_name["w-busy"]["source"] == "alpha" and by_name["w-busy"]["state"] == "ok"
    assert by_name["w-gone"]["source"] == "idle" and by_name["w-gone"]["state"] == "silent"
    assert by_name["w-gone"]["runs_done"] == "7" and by_name["w-gone"]["host"] == "box-2"
    assert by_name["w-gone"]["last_heartbeat"].endswith(" s ago")
    assert _plain_section(text.stdout, "queue: 2 run(s) waiting, 1 running") == [
        ["source", "worker"], ["alpha", "w-busy"]]
    assert _plain_section(text.stdout, "sources")[0][0] == "source"  # the rest is still there

    as_json = cli(["status", "--json"], env=env)
    assert as_json.returncode == 0, as_json.stderr
    section = json.loads(as_json.stdout)["items"]["worker_mode"]
    assert section["queue_depth"] == 2
    assert section["running"] == [{"source": "alpha", "worker": "w-busy"}]
    assert [(w["name"], w["silent"]) for w in section["workers"]] == [("w-busy", False), ("w-gone", True)]
    assert datetime.fromisoformat(section["workers"][0]["last_heartbeat"]).tzinfo is not None


def test_an_empty_queue_and_no_worker_yet(make_settings, key_prefix: str, cli: CliRunner) -> None:
    settings = _settings(make_settings, REDIS_URL, key_prefix)
    open_database(settings)

    result = cli(["status"], env=_env(settings, REDIS_URL, key_prefix))

    assert result.returncode == 0, result.stderr
    assert "workers: none has sent a heartbeat yet" in result.stdout
    assert "queue: 0 run(s) waiting, 0 running" in result.stdout
    assert "\tworker" not in result.stdout  # no table of running sources


def test_redis_unreachable_is_one_line_and_the_rest_of_the_status_stands(make_settings,
                                                                         cli: CliRunner) -> None:
    closed = f"redis://127.0.0.1:{free_port()}/0"  # bound, then released: nothing listens
    settings = _settings(make_settings, closed, "nwtest-status-closed")
    open_database(settings)
    baseline = cli(["status"], env=_env(settings, None, "nwtest-status-closed"))

    text = cli(["status"], env=_env(settings, closed, "nwtest-status-closed"))
    assert text.returncode == baseline.returncode == 0, text.stderr
    line = next(line for line in text.stdout.splitlines() if line.startswith("workers:"))
    assert line.startswith("workers: Redis unreachable (") and line.endswith(")")
    assert "Connection refused" in line or "connecting" in line
    assert "Traceback" not in text.stdout + text.stderr
    assert text.stdout.startswith(baseline.stdout.rstrip("\n"))  # everything else, unchanged

    as_json = cli(["status", "--json"], env=_env(settings, closed, "nwtest-status-closed"))
    assert as_json.returncode == 0, as_json.stderr
    items = json.loads(as_json.stdout)["items"]
    assert items["worker_mode"]["reachable"] is False and items["worker_mode"]["error"]
    assert items["sources"]


def test_without_redis_url_status_has_no_workers_section(make_settings, cli: CliRunner) -> None:
    settings = make_settings()
    assert "worker_mode" not in collect_status(settings, open_database(settings))
    text = cli(["status"], env=_env(settings, None, "unused"))
    assert text.returncode == 0, text.stderr
    assert "workers" not in text.stdout and "queue:" not in text.stdout
