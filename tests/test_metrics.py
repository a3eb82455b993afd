"""Metrics fed from the run history, the /metrics and /healthz endpoint, JSON-lines logs."""

from __future__ import annotations

import io
import json
import logging
from datetime import UTC, datetime, timedelta

from conftest import free_port
from newswatch.logs import JsonFormatter, ThirdPartyLevel, build_formatter
from newswatch.usecases import open_database
from scheduler.metrics import DaemonMetrics, MetricsServer
from storage.db import session_scope
from storage.models import CrawlRun, SourceRun
from test_daemon_support import http_get, metric


def _record(engine, pages: int, articles: int, status: str = "ok") -> int:  # noqa: ANN001
    start = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    with session_scope(engine) as session:
        run = CrawlRun(trigger="daemon", sources=["le360"], status=status)
        session.add(run)
        session.flush()
        session.add(SourceRun(run_id=run.id, source="le360", status=status, started_at=start,
                              finished_at=start + timedelta(seconds=12), pages_fetched=pages,
                              new_articles=articles, error_kinds={"FeedUnreachable": 1} if status != "ok" else {}))
        assert run.id is not None
        return run.id


def test_counters_move_with_each_run_and_are_scraped(make_settings) -> None:
    engine = open_database(make_settings())
    metrics = DaemonMetrics()
    server = MetricsServer("127.0.0.1", free_port(), metrics, lambda: {"status": "ok"}).start()
    try:
        url = f"http://127.0.0.1:{server.port}"
        metrics.record_run(engine, _record(engine, pages=7, articles=2))
        first = http_get(url + "/metrics")[1].decode()
        metrics.record_run(engine, _record(engine, pages=3, articles=0, status="failed"))
        metrics.refresh_gauges(engine)
        second = http_get(url + "/metrics")[1].decode()
        assert http_get(url + "/healthz") == (200, b'{"status": "ok"}')
        assert http_get(url + "/nope")[0] == 404
    finally:
        server.stop()
    assert metric(first, "newswatch_pages_fetched_total") == 7
    assert metric(second, "newswatch_pages_fetched_total") == 10
    assert metric(second, "newswatch_new_articles_total") == 2
    assert metric(second, "newswatch_source_runs_total") == 2
    assert 'newswatch_failures_total{kind="FeedUnreachable",source="le360"} 1.0' in second
    assert metric(second, "newswatch_run_duration_seconds_count") == 2


def test_an_unhealthy_daemon_answers_503(make_settings) -> None:
    server = MetricsServer("127.0.0.1", free_port(), DaemonMetrics(),
                           lambda: {"status": "stopping"}).start()
    try:
        assert http_get(f"http://127.0.0.1:{server.port}/healthz")[0] == 503
    finally:
        server.stop()


def test_json_logs_put_every_logger_in_one_format() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(build_formatter("json"))
    handler.addFilter(ThirdPartyLevel("WARNING"))
    for name, level in (("scrapy.core.engine", logging.INFO), ("apscheduler.scheduler", logging.WARNING),
                        ("scheduler.jobs", logging.INFO), ("scrapy.core.scraper", logging.ERROR)):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.propagate, old_level = False, logger.level
        logger.setLevel(logging.DEBUG)  # the handler's filter decides, as in the daemon
        try:
            logger.log(level, "message from %s", name, extra={"source": "le360"})
        finally:
            logger.removeHandler(handler)
            logger.propagate = True
            logger.setLevel(old_level)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    # Scrapy's INFO chatter is dropped below the crawl's level; its errors are kept.
    assert [e["logger"] for e in lines] == ["apscheduler.scheduler", "scheduler.jobs", "scrapy.core.scraper"]
    assert all({"ts", "level", "logger", "message"} <= set(e) for e in lines)
    assert lines[0]["source"] == "le360" and lines[0]["ts"].endswith("+00:00")
    assert isinstance(build_formatter("json"), JsonFormatter)
