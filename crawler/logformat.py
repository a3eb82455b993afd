"""Scrapy's item messages name the item's URL, never dump the item.

Scrapy logs a dropped item (a page that is not an article, a failed extraction or store) as
a WARNING followed by the whole item: its page's bytes, text and analysis, kilobytes per
page. The recorder already records every such failure by name, so here a drop is one INFO
line, and an item error one ERROR line (its traceback stays: that is a bug).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter, LogFormatterResult


def _where(item: Any) -> str:
    source, url = getattr(item, "source", None), getattr(item, "url", None)
    return f"{source} {url}" if source and url else type(item).__name__


class ItemsByUrl(LogFormatter):
    def scraped(self, item: Any, response: Any, spider: Any) -> LogFormatterResult:
        return {"level": logging.DEBUG, "msg": "Stored %(item)s", "args": {"item": _where(item)}}

    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any
                ) -> LogFormatterResult:
        return {"level": logging.INFO, "msg": "Dropped %(item)s: %(exception)s",
                "args": {"item": _where(item), "exception": exception}}

    def item_error(self, item: Any, exception: BaseException, response: Any, spider: Any
                   ) -> LogFormatterResult:
        return {"level": logging.ERROR, "msg": "Error processing %(item)s",
                "args": {"item": _where(item)}}
