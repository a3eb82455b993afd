"""Logging set-up: plain text for people, JSON lines for log collectors.

One root handler on stderr formats every record, so Scrapy's, APScheduler's and
newswatch's own records come out in the same format (stdlib only, no new dependency).
Call ``configure_logging`` once per process: the CLI does, and so does each crawl child.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

from newswatch.settings import Settings

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Third-party loggers that are chatty at INFO: they follow the crawl's own log level.
# (alembic: every crawl checks the schema, and says so at INFO.)
_CRAWL_LOGGERS = frozenset({"scrapy", "twisted", "trafilatura", "htmldate", "courlan", "py",
                            "asyncio", "alembic", "filelock", "hpack"})
# The standard attributes of a LogRecord; anything else was passed with ``extra=``.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, message, then extras and the traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class ThirdPartyLevel(logging.Filter):
    """Drops chatty third-party records below the crawl's level.

    A handler filter rather than logger levels: Scrapy's start-up resets its own loggers
    to DEBUG (a ``dictConfig``), but leaves the root handler's filters alone.
    """

    def __init__(self, level: str) -> None:
        super().__init__()
        self.level = logging.getLevelName(level.upper())

    def filter(self, record: logging.LogRecord) -> bool:
        third_party = record.name.split(".", 1)[0] in _CRAWL_LOGGERS
        return not third_party or record.levelno >= self.level


def build_formatter(log_format: str) -> logging.Formatter:
    if log_format == "json":
        return JsonFormatter()
    return logging.Formatter(TEXT_FORMAT)


def configure_logging(settings: Settings) -> None:
    """Route every record to one stderr handler in ``settings.log_format``."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(build_formatter(settings.log_format))
    handler.addFilter(ThirdPartyLevel(settings.crawl.log_level))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
    # APScheduler logs "Running job" / "executed successfully" for every run: keep its
    # warnings (missed runs, skipped overlaps) and drop the routine chatter.
    logging.getLogger("apscheduler.executors").setLevel(logging.WARNING)
    logging.captureWarnings(True)
