"""Prometheus metrics and the `/healthz` endpoint, served by the daemon.

Counters are fed from the database after each run (the child process that crawled is
gone by then: the run's rows are the truth). Counters start from zero at each daemon
start, which Prometheus' ``rate()`` and ``increase()`` handle as a reset.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from alerts.relay import RelayReport
from storage.models import Alert, SourceHealth, SourceRun, SourceState

log = logging.getLogger(__name__)
_DURATION_BUCKETS = (1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 900, 1800)


class DaemonMetrics:
    """The daemon's metrics, in a registry of their own (no global state)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.runs = Counter("newswatch_source_runs", "Source runs, by outcome.",
                            ["source", "status"], registry=r)
        self.pages = Counter("newswatch_pages_fetched", "Pages fetched.", ["source"], registry=r)
        self.articles = Counter("newswatch_new_articles", "New articles stored.", ["source"], registry=r)
        self.alerts = Counter("newswatch_alerts_created", "Alerts created.", ["source"], registry=r)
        self.failures = Counter("newswatch_failures", "Failures, by kind.", ["source", "kind"], registry=r)
        self.duration = Histogram("newswatch_run_duration_seconds", "Source run duration.",
                                  ["source"], buckets=_DURATION_BUCKETS, registry=r)
        self.delivered = Counter("newswatch_alerts_delivered", "Alert deliveries, by outcome.",
                                 ["outcome"], registry=r)
        self.outbox = Gauge("newswatch_outbox_alerts", "Outbox rows, by status.", ["status"], registry=r)
        self.health = Gauge("newswatch_source_healthy", "1 if the source is healthy.", ["source"], registry=r)

    def record_run(self, engine: Engine, run_id: int) -> None:
        """Add one finished run's figures, as stored, to the counters."""
        with Session(engine) as session:
            for run in session.exec(select(SourceRun).where(SourceRun.run_id == run_id)).all():
                self._add(run)

    def _add(self, run: SourceRun) -> None:
        source = run.source
        self.runs.labels(source, run.status).inc()
        self.pages.labels(source).inc(run.pages_fetched)
        self.articles.labels(source).inc(run.new_articles)
        self.alerts.labels(source).inc(run.alerts_created)
        for kind, count in (run.error_kinds or {}).items():
            self.failures.labels(source, kind).inc(count)
        if run.finished_at is not None:
            self.duration.labels(source).observe((run.finished_at - run.started_at).total_seconds())

    def record_delivery(self, report: RelayReport | None) -> None:
        if report is None:
            return
        for outcome in ("sent", "retrying", "dead"):
            self.delivered.labels(outcome).inc(getattr(report, outcome))

    def refresh_gauges(self, engine: Engine) -> None:
        with Session(engine) as session:
            counts = dict(session.exec(select(Alert.status, func.count()).group_by(Alert.status)).all())
            states = session.exec(select(SourceState.name, SourceState.health)).all()
        for status in ("pending", "sending", "sent", "suppressed", "dead"):
            self.outbox.labels(status).set(counts.get(status, 0))
        for name, health in states:
            healthy = health in (SourceHealth.OK, SourceHealth.UNKNOWN, SourceHealth.DEGRADED)
            self.health.labels(name).set(1 if healthy else 0)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


def _handler(metrics: DaemonMetrics, healthy: Callable[[], dict[str, object]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server naming
            path = self.path.split("?", 1)[0]
            if path == "/metrics":
                self._send(200, CONTENT_TYPE_LATEST, metrics.exposition())
            elif path == "/healthz":
                report = healthy()
                status = 200 if report.get("status") == "ok" else 503
                self._send(status, "application/json", json.dumps(report).encode())
            else:
                self._send(404, "text/plain", b"not found\n")

        def _send(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # a scrape every 15 s would drown the daemon's own log

    return Handler


class MetricsServer:
    """`/metrics` and `/healthz` on one port, in a background thread."""

    def __init__(self, host: str, port: int, metrics: DaemonMetrics,
                 healthy: Callable[[], dict[str, object]]) -> None:
        self._server = ThreadingHTTPServer((host, port), _handler(metrics, healthy))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="newswatch-metrics",
                                        daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> MetricsServer:
        self._thread.start()
        log.info("metrics and /healthz on port %d", self.port)
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
