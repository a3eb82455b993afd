"""What the CLI and the daemon do, as plain functions over the one Settings object."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy.engine import Engine

from crawler.runner import RunSummary, crawl
from crawler.sources import Source, load_sources, select_sources
from newswatch.logs import configure_logging
from newswatch.seeding import ensure_bundled_seeds
from newswatch.settings import Settings
from storage.db import shared_engine

if TYPE_CHECKING:
    from collections.abc import Callable

    from alerts.backfill import BackfillReport
    from alerts.relay import RelayReport
    from scheduler.config import DaemonServices

_SEEDED: set[str] = set()

log = logging.getLogger(__name__)


def open_database(settings: Settings) -> Engine:
    """The database, migrated to head, with the bundled seed corpus loaded."""
    url = settings.effective_database_url
    first_use = url not in _SEEDED
    engine = shared_engine(url)
    if first_use:
        ensure_bundled_seeds(engine)
        _SEEDED.add(url)
    return engine


def load_catalogue(settings: Settings, sources_file: Path | None = None) -> list[Source]:
    return load_sources(sources_file or settings.sources_file)


def alert_channels(settings: Settings) -> list[str]:
    from alerts import build_notifiers

    return sorted(build_notifiers(settings))


def queue_channels(settings: Settings) -> list[str]:
    """Where a crawl queues alerts: the configured channels, or the held-back placeholder.

    With no channel configured an announcement is still queued (``unrouted``, never sent as
    such), so the channel configured later receives it: see `alerts.backfill`.
    """
    from alerts.backfill import UNROUTED

    return alert_channels(settings) or [UNROUTED]


NO_CHANNEL_WARNING = (
    "no alert channel is configured (set NEWSWATCH_SMTP_HOST and NEWSWATCH_EMAIL_TO, or "
    "NEWSWATCH_SLACK_WEBHOOK_URL): announcements are kept pending in the outbox and sent "
    "once a channel is configured"
)


def no_channel_warning(settings: Settings) -> str | None:
    """The one-line warning `crawl` and `daemon` give at start when nothing can be sent."""
    return None if alert_channels(settings) else NO_CHANNEL_WARNING


def crawl_once(
    settings: Settings,
    names: list[str] | None = None,
    *,
    sources_file: Path | None = None,
    send_alerts: bool = True,
    trigger: str = "cli",
    refetch: bool = False,
) -> RunSummary:
    """One crawl of the named (or all enabled) sources, then delivery of pending alerts."""
    sources = select_sources(load_catalogue(settings, sources_file), names)
    engine = open_database(settings)
    channels = queue_channels(settings) if send_alerts else []
    summary = crawl(settings.crawl_config(), sources, channels=channels, trigger=trigger,
                    refetch=refetch)
    if send_alerts:
        summary.count_delivery(deliver_pending(settings, engine))
    return summary


def deliver_pending(settings: Settings, engine: Engine) -> RelayReport | None:
    """Route the alerts held for want of a channel, queue today's digest when due, then
    send every due alert of the outbox; ``None`` when no channel is configured."""
    from alerts import build_notifiers
    from alerts.backfill import route_held
    from alerts.digest import enqueue_digest
    from alerts.relay import Relay
    from storage.clock import utcnow
    from storage.db import session_scope

    notifiers = build_notifiers(settings)
    if not notifiers:
        return None
    with session_scope(engine) as session:
        route_held(session, channels=sorted(notifiers), now=utcnow(),
                   window=settings.alert_window, policy=settings.alerting)
    with session_scope(engine) as session:
        enqueue_digest(session, now=utcnow(), config=settings.alerting.digest, channels=sorted(notifiers))
    relay = Relay(
        engine, notifiers, max_attempts=settings.alert_max_attempts, policy=settings.alerting
    )
    return relay.send_pending()


def backfill_alerts(settings: Settings, since: timedelta) -> BackfillReport:
    """`alerts backfill`: queue the announcements of the period that never alerted on a
    configured channel, then deliver."""
    from alerts import build_notifiers
    from alerts.backfill import backfill
    from alerts.errors import ChannelNotConfigured
    from storage.clock import utcnow
    from storage.db import session_scope

    channels = sorted(build_notifiers(settings))
    if not channels:
        raise ChannelNotConfigured(f"nothing to backfill to: {NO_CHANNEL_WARNING.split(':')[0]}")
    engine = open_database(settings)
    with session_scope(engine) as session:
        report = backfill(session, channels=channels, since=since, now=utcnow(),
                          policy=settings.alerting)
    report.delivery = deliver_pending(settings, engine)
    return report


def daemon_services(settings: Settings, sources_file: Path | None = None) -> DaemonServices:
    from scheduler.config import DaemonServices

    return DaemonServices(
        open_database=partial(open_database, settings),
        load_sources=partial(load_catalogue, settings, sources_file),
        deliver=partial(deliver_pending, settings),
        channels=queue_channels(settings),
        setup_logging=partial(configure_logging, settings),
        no_channel_warning=no_channel_warning(settings),
    )


def run_daemon(
    settings: Settings,
    *,
    sources_file: Path | None = None,
    stop: threading.Event | None = None,
    crawl: Callable[[Source], RunSummary] | None = None,
    role: Literal["all", "scheduler"] = "all",
) -> None:
    """`newswatch daemon`: the scheduler, handed its configuration and collaborators.

    ``crawl`` replaces the isolated crawl of each source (tests); ``role="scheduler"``
    queues due runs for `newswatch worker` processes instead of crawling.
    """
    from scheduler.daemon import run_daemon as run_scheduler

    run_scheduler(settings.scheduler_config(), daemon_services(settings, sources_file),
                  stop=stop, crawl=crawl, role=role)


def run_worker(settings: Settings, *, sources_file: Path | None = None,
               stop: threading.Event | None = None) -> None:
    """`newswatch worker`: take source runs from the shared queue until stopped."""
    from scheduler.worker import run_worker as serve

    serve(settings.scheduler_config(), daemon_services(settings, sources_file), stop=stop)


def enqueue_runs(settings: Settings, names: list[str] | None = None, *,
                 sources_file: Path | None = None) -> list[tuple[str, bool]]:
    """`newswatch enqueue`: queue a run of these (or all enabled) sources for the workers
    now; each source with whether it went in (False: already queued or running)."""
    from scheduler.dispatch import source_host
    from scheduler.worker import check_worker_database, work_queue
    from scheduler.workqueue import SourceRun

    config = settings.scheduler_config()
    check_worker_database(config.database_url)
    queue = work_queue(config)
    sources = select_sources(load_catalogue(settings, sources_file), names)
    return [(s.name, queue.enqueue(SourceRun(s.name, source_host(s), "cli"))) for s in sources]
