"""What a crawl is configured with, handed down by the composition root (`newswatch`).

``CrawlSettings`` are the politeness and safety limits (``NEWSWATCH_CRAWL__*``);
``CrawlConfig`` is everything one crawl run needs beyond its sources and channels.
"""

from __future__ import annotations

from datetime import timedelta
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, Field

from alerts.config import AlertingConfig


def bundled_catalogue() -> Path:
    """The sources file shipped with the package (`NEWSWATCH_SOURCES` names another)."""
    return Path(str(resources.files("crawler").joinpath("catalogue.toml")))


class CrawlSettings(BaseModel):
    """Politeness and safety limits for every crawl."""

    user_agent: str = (
        "newswatch/0.1 (+https://github.com/newswatch-ma/newswatch; news monitoring bot)"
    )
    obey_robots: bool = True
    concurrent_per_domain: int = Field(2, ge=1, le=8)
    concurrent_total: int = Field(16, ge=1)
    download_delay: float = Field(0.5, ge=0)
    autothrottle: bool = True
    autothrottle_start_delay: float = Field(1.0, ge=0)
    download_timeout: float = Field(30.0, gt=0)
    retry_times: int = Field(2, ge=0)
    # A retry waits out Retry-After up to this; a longer wait skips the URL until the next run.
    max_retry_after: float = Field(60.0, ge=0)
    max_download_bytes: int = Field(16 * 1024 * 1024, gt=0)
    max_pages_per_source: int = Field(500, ge=1)
    max_sitemaps_per_source: int = Field(50, ge=1)
    discovery_days: int = Field(7, ge=1)  # sitemap entries older than this are not fetched
    extraction_timeout: float = Field(20.0, gt=0)
    extraction_workers: int = Field(2, ge=1)
    max_extract_bytes: int = Field(5 * 1024 * 1024, gt=0)
    run_timeout: float = Field(900.0, gt=0)
    log_level: str = "WARNING"


class Frontier(BaseModel):
    """Where a worker's crawl keeps its request queue and duplicate filter (`crawler.frontier`)."""

    redis_url: str
    queue_key: str
    dupefilter_key: str


class CrawlConfig(BaseModel):
    """One crawl run's configuration; picklable, for the crawl's child process (the watches'
    hooks stay ``SecretStr`` in it)."""

    database_url: str
    limits: CrawlSettings = Field(default_factory=CrawlSettings)
    # Articles published before this window are stored, their alerts recorded but not sent.
    alert_window: timedelta = timedelta(days=7)
    alerting: AlertingConfig = Field(default_factory=AlertingConfig)
    # Worker mode only: the run's frontier in Redis instead of Scrapy's memory.
    frontier: Frontier | None = None
