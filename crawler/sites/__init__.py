"""Per-site parsers, for the few things a source's selectors cannot say.

A source names one with ``[source.selectors] parser = "<module>"``. A parser has two hooks,
both optional to override (see `SiteParser`): ``prepare`` edits the page tree before
trafilatura runs, ``finish`` corrects the extracted fields afterwards. Parsers run inside the
extraction worker process, so they must be plain, fast and side-effect free.

To add one: write ``crawler/sites/<site>.py`` with a `SiteParser` subclass and register it in
``PARSERS`` below.
"""

from __future__ import annotations

from crawler.sites.base import SiteParser, UnknownParser
from crawler.sites.maghress import MaghressParser

PARSERS: dict[str, type[SiteParser]] = {
    "maghress": MaghressParser,
}


def site_parser(name: str | None) -> SiteParser | None:
    """The named parser, or None when the source declares none."""
    if name is None:
        return None
    if name not in PARSERS:
        raise UnknownParser(f"no site parser {name!r} in crawler/sites (known: {', '.join(sorted(PARSERS))})")
    return PARSERS[name]()


__all__ = ["PARSERS", "SiteParser", "UnknownParser", "site_parser"]
