"""What the CLI and the daemon do, as plain functions over the one Settings object."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.engine import Engine

from crawler.runner import RunSummary, crawl
from crawler.sources import Source, load_sources, select_sources
from newswatch.seeding import ensure_bundled_seeds
from newswatch.settings import Settings
from storage.db import shared_engine

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
    channels = alert_channels(settings) if send_alerts else []
    summary = crawl(settings, sources, channels=channels, trigger=trigger, refetch=refetch)
    if send_alerts:
        deliver_pending(settings, engine)
    return summary


def deliver_pending(settings: Settings, engine: Engine) -> object:
    """Queue today's digest when due, then send every due alert of the outbox."""
    from alerts import build_notifiers
    from alerts.digest import enqueue_digest
    from alerts.relay import Relay
    from storage.db import session_scope
    from storage.types import utcnow

    notifiers = build_notifiers(settings)
    if not notifiers:
        return None
    with session_scope(engine) as session:
        enqueue_digest(session, now=utcnow(), config=settings.alerting.digest, channels=sorted(notifiers))
    relay = Relay(
        engine, notifiers, max_attempts=settings.alert_max_attempts, policy=settings.alerting
    )
    return relay.send_pending()
