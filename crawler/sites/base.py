"""The base every site parser extends; both hooks do nothing by default."""

from __future__ import annotations

from typing import Any

from lxml import etree

from crawler.errors import ExtractionFailed


class UnknownParser(ExtractionFailed):
    """A source names a parser that crawler/sites does not have. Source loading refuses such
    an entry first; this is the worker's guard, recorded against the page like any failed
    extraction. Defined here rather than in crawler/errors.py, which another engineer owns.
    """


class SiteParser:
    def prepare(self, tree: etree._Element) -> None:
        """Edit the page before trafilatura reads it (drop furniture selectors cannot name)."""

    def finish(self, tree: etree._Element, fields: dict[str, Any]) -> dict[str, Any]:
        """Correct the extracted fields; must keep every key."""
        return fields
