from __future__ import annotations

import re
from typing import Any

from lxml import etree

from crawler.sites.base import SiteParser

# Maghress republishes other outlets' articles and names the original in its dateline,
# "Publié dans Aujourd'hui le Maroc le 18 novembre 2025" / "نشر في هسبريس يوم 18 نونبر 2025".
# The original outlet is what an analyst needs (and what dedup compares against), so it is
# kept as the article's author; no selector can cut a name out of a sentence.
_DATELINE = "//span[contains(concat(' ', normalize-space(@class), ' '), ' story-date ')]"
_ORIGIN = re.compile(r"(?:publié dans|نشر في)\s+(?P<origin>.+?)\s+(?:le|يوم)\s+\d", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s*[|–-]\s*(?:maghress|مغرس)\s*$", re.IGNORECASE)


class MaghressParser(SiteParser):
    def __init__(self) -> None:
        self.origin: str | None = None

    def prepare(self, tree: etree._Element) -> None:
        for node in tree.xpath(_DATELINE):
            match = _ORIGIN.search(" ".join(node.text_content().split()))
            if match and self.origin is None:
                self.origin = match.group("origin")
            node.drop_tree()  # the dateline is furniture once read

    def finish(self, tree: etree._Element, fields: dict[str, Any]) -> dict[str, Any]:
        fields["title"] = _TITLE_SUFFIX.sub("", fields["title"])
        fields["author"] = self.origin or fields["author"]
        return fields
