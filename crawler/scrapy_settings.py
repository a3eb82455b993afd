"""Scrapy's settings, derived from newswatch's: polite, bounded and locked down.

Policies for hostile servers live in `crawler.middlewares` (Retry-After honoured up to
``crawl.max_retry_after``; redirects only to http(s), within the source's registrable domains
and without loops; robots.txt answering 5xx or 429 means "disallow everything" per RFC 9309,
where Scrapy would allow everything). Size: ``DOWNLOAD_MAXSIZE`` caps the body both on the
wire and after gzip/deflate/brotli decompression (Scrapy >= 2.13.4).
"""

from __future__ import annotations

from typing import Any

from crawler.config import CrawlSettings
from crawler.pipeline import STAGES

# Scrapy's order numbers: requests go up the numbers, responses come down them.
MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsPolicyMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.RetryAfterMiddleware": 550,
    # Between decompression (590) and MetaRefreshMiddleware (580): reads the decoded page.
    "crawler.middlewares.MetaRefreshGuard": 585,
    # Before RedirectMiddleware (600) sees the 3xx: a refused target is never requested.
    "crawler.middlewares.RedirectGuard": 650,
}


def scrapy_settings(crawl: CrawlSettings) -> dict[str, Any]:
    return {
        "BOT_NAME": "newswatch",
        "USER_AGENT": crawl.user_agent,
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "CONCURRENT_REQUESTS": crawl.concurrent_total,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrent_per_domain,
        # Scrapy starts this many tasks for every response's output; an article page yields
        # one item, so the default 100 only costs event-loop time.
        "CONCURRENT_ITEMS": 8,
        "DOWNLOAD_DELAY": crawl.download_delay,
        "AUTOTHROTTLE_ENABLED": crawl.autothrottle,
        "AUTOTHROTTLE_START_DELAY": crawl.autothrottle_start_delay,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(crawl.concurrent_per_domain),
        "DOWNLOAD_TIMEOUT": crawl.download_timeout,
        "DNS_TIMEOUT": min(crawl.download_timeout, 20),
        "RETRY_TIMES": crawl.retry_times,
        "DOWNLOAD_MAXSIZE": crawl.max_download_bytes,
        "DOWNLOAD_WARNSIZE": crawl.max_download_bytes // 2,
        "DOWNLOAD_VERIFY_CERTIFICATES": True,
        "REDIRECT_MAX_TIMES": 5,
        "COOKIES_ENABLED": False,
        # Attack surface a monitoring bot never needs.
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "DOWNLOAD_HANDLERS": {"file": None, "data": None, "s3": None, "ftp": None},
        "ITEM_PIPELINES": STAGES,
        "DOWNLOADER_MIDDLEWARES": MIDDLEWARES,
        "NEWSWATCH_MAX_RETRY_AFTER": crawl.max_retry_after,
        "CLOSESPIDER_TIMEOUT": crawl.run_timeout,
        "LOG_LEVEL": crawl.log_level,
        "LOG_FORMATTER": "crawler.logformat.ItemsByUrl",  # one line per item, never a dump
        "LOGSTATS_INTERVAL": 0,
        "STATS_DUMP": False,
    }
