"""The base every site parser extends; both hooks do nothing by default."""

from __future__ import annotations

from typing import Any

from lxml import etree

from crawler.errors import CrawlerError


class UnknownParser(CrawlerError):
    """A source names a parser that crawler/sites does not have (a catalogue mistake).

    Defined here rather than in crawler/errors.py, which another engineer owns.
    """


class SiteParser:
    def prepare(self, tree: etree._Element) -> None:
        """Edit the page before trafilatura reads it (drop furniture selectors cannot name)."""

    def finish(self, tree: etree._Element, fields: dict[str, Any]) -> dict[str, Any]:
        """Correct the extracted fields; must keep every key."""
        return fields
