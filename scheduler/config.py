"""What the daemon is configured with, and the collaborators the composition root hands it.

``DaemonSettings`` are ``NEWSWATCH_DAEMON__*``; ``SchedulerConfig`` adds the database, the
crawl configuration each child receives and the admin channel. ``DaemonServices`` are what
the daemon does through the layers above it (the database opened and seeded, delivery,
logging): the daemon calls them and never imports the application that provides them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field, SecretStr

from alerts.channels import MailServer
from crawler.config import CrawlConfig

if TYPE_CHECKING:  # the settings import this module: keep it light
    from sqlalchemy.engine import Engine

    from alerts.relay import RelayReport
    from crawler.sources import Source


class DaemonSettings(BaseModel):
    default_every: str = "30m"
    jitter_seconds: int = Field(30, ge=0)
    misfire_grace_seconds: int = Field(3600, ge=1)
    metrics_port: int | None = None
    metrics_host: str = "127.0.0.1"
    max_parallel_crawls: int = Field(2, ge=1)
    relay_every_seconds: int = Field(30, ge=1)
    shutdown_grace_seconds: float = Field(30.0, ge=0)
    # Every source at this interval instead of its own (demos, tests and benchmarks).
    every_override: timedelta | None = None
    # A child crawl still alive this long after run_timeout is killed (Scrapy closes first).
    kill_grace_seconds: float = Field(30.0, ge=0)
    # Source health: failing this many runs in a row, or no new article for
    # max(quiet_after_min, quiet_after_intervals x its interval), sends an admin notice,
    # repeated every notice_repeat until fixed.
    failure_threshold: int = Field(3, ge=1)
    quiet_after_min: timedelta = timedelta(hours=24)
    quiet_after_intervals: int = Field(20, ge=1)
    notice_repeat: timedelta = timedelta(hours=24)


class WorkerSettings(BaseModel):
    """`newswatch worker` and `daemon --role scheduler` (``NEWSWATCH_WORKER__*``)."""

    # A run whose worker stops renewing its lease for this long goes back to the queue.
    lease_seconds: float = Field(120.0, ge=2)
    # How often a worker renews its lease and says it is alive (well under the lease).
    heartbeat_seconds: float = Field(10.0, gt=0)
    poll_seconds: float = Field(1.0, gt=0)  # an idle worker looks at the queue this often
    # One crawl process takes this many ready sources (of distinct hosts) at once: a process
    # costs about two CPU seconds to start, a source crawled beside others little more.
    sources_per_crawl: int = Field(4, ge=1, le=64)
    # Redis down: wait this long at most between attempts (doubling from one second).
    redis_retry_max_seconds: float = Field(30.0, ge=1)
    key_prefix: str = Field("newswatch", min_length=1)  # one deployment's Redis keys
    metrics_port: int | None = None
    metrics_host: str = "127.0.0.1"
    name: str | None = None  # default: <hostname>-<pid>


class AdminConfig(BaseModel):
    """The admin channel (source-health notices): never the analysts' recipients."""

    mail_server: MailServer | None = None
    email_to: list[str] = Field(default_factory=list)
    slack_webhook_url: SecretStr | None = None
    max_attempts: int = Field(8, ge=1)


class SchedulerConfig(BaseModel):
    database_url: str
    daemon: DaemonSettings = Field(default_factory=DaemonSettings)
    crawl: CrawlConfig
    admin: AdminConfig = Field(default_factory=AdminConfig)
    redis_url: str | None = None  # worker mode: the shared queue and frontier
    worker: WorkerSettings = Field(default_factory=WorkerSettings)


@dataclass(frozen=True)
class DaemonServices:
    """The daemon's collaborators, from the composition root."""

    open_database: Callable[[], Engine]  # migrated, seeded
    load_sources: Callable[[], list[Source]]  # the catalogue, read once the lock is held
    deliver: Callable[[Engine], RelayReport | None]  # one relay pass over the analysts' channels
    channels: list[str]  # where a crawl queues its alerts
    # Run first in every crawl child (so Scrapy logs like the daemon): picklable, the child
    # is spawned.
    setup_logging: Callable[[], None]
    no_channel_warning: str | None = None
