"""Expected network failures are one log line each, not a traceback.

An offline daemon or a dead site makes Scrapy (its robots.txt and retry middlewares, the
engine) log a traceback or an ERROR per failed request, though the crawl records each failure
by name anyway. Such records become one INFO line ("...: DNSLookupError: ..."); the traceback
is logged again at DEBUG, for whoever asked for it. Any other error keeps its traceback.

The filter sits on the loggers that emit these records (not on a handler): a logger's filter
runs before the handlers' level checks, so the lowered level is the one they compare.
"""

from __future__ import annotations

import logging
from functools import cache

# Scrapy's loggers that report a failed download with a traceback or an ERROR line.
NOISY_LOGGERS = (
    "scrapy.downloadermiddlewares.robotstxt", "scrapy.downloadermiddlewares.retry",
    "scrapy.core.scraper", "scrapy.core.engine", "scrapy.core.downloader",
    "scrapy.core.downloader.handlers.http11",
)
_TRACEBACK_AGAIN = "_newswatch_network_traceback"


@cache
def network_errors() -> tuple[type[BaseException], ...]:
    """DNS failures, refused or lost connections, timeouts: the network, not a bug."""
    from scrapy import exceptions as sx
    from twisted.internet import error as tx
    from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

    from crawler.errors import SourceUnreachable

    scrapy_names = ("CannotResolveHostError", "DownloadConnectionRefusedError",
                    "DownloadTimeoutError", "DownloadFailedError", "ResponseDataLossError")
    return (
        tx.DNSLookupError, tx.ConnectError, tx.TimeoutError, tx.ConnectionLost,
        tx.ConnectionDone, ResponseNeverReceived, ResponseFailed, ConnectionError, TimeoutError,
        SourceUnreachable, *(getattr(sx, name) for name in scrapy_names if hasattr(sx, name)),
    )


def is_network_failure(exc: object) -> bool:
    return isinstance(exc, network_errors())


def _retry_gave_up(record: logging.LogRecord) -> bool:
    """Scrapy's "Gave up retrying ...: <reason>" line, whose reason is a network failure."""
    args = record.args
    return isinstance(args, dict) and is_network_failure(args.get("reason"))


class NetworkTracebackFilter(logging.Filter):
    """A network failure's record becomes one INFO line without traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, _TRACEBACK_AGAIN, False) or record.levelno <= logging.INFO:
            return True
        if _retry_gave_up(record):
            _as_info(record, record.getMessage())
            return True
        exc = record.exc_info[1] if record.exc_info else None
        if not is_network_failure(exc):
            return True
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("traceback of: %s", record.getMessage(), exc_info=record.exc_info,
                         extra={_TRACEBACK_AGAIN: True})
        message, name = record.getMessage(), type(exc).__name__
        _as_info(record, f"{message} ({name})" if str(exc) in message else f"{message}: {name}: {exc}")
        return True


def _as_info(record: logging.LogRecord, line: str) -> None:
    record.msg, record.args = line, None
    record.exc_info, record.exc_text = None, None
    record.levelno, record.levelname = logging.INFO, logging.getLevelName(logging.INFO)


def quiet_network_tracebacks(names: tuple[str, ...] = NOISY_LOGGERS) -> None:
    """Install the filter on each of ``names``, once."""
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, NetworkTracebackFilter) for f in logger.filters):
            logger.addFilter(NetworkTracebackFilter())
