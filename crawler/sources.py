"""One declarative entry per news source, loaded from a TOML sources file.

    [[source]]
    name = "hespress-fr"
    homepage = "https://fr.hespress.com/"
    language = "fr"
    feeds = ["https://fr.hespress.com/economie/feed"]
    sitemaps = []
    sections = ["https://fr.hespress.com/economie"]
    article_url = '^https://fr\\.hespress\\.com/\\d+-'
    every = "15m"
    # optional: the rung order, and a headline rung from a news aggregator
    rungs = ["feed", "sitemap", "section"]
    allowed_domains = ["cdn.hespress.com"]     # CDN and AMP hosts it redirects to
    [source.headlines]
    query = "site:fr.hespress.com"             # the aggregator's search
    mode = "fallback"                          # or "always"
"""

from __future__ import annotations

import re
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote_plus

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from crawler.errors import SourcesFileError
from crawler.sites import PARSERS

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DURATION = re.compile(r"^(\d+)\s*([smhd])$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> timedelta:
    """``"15m"`` -> 15 minutes; ``s``, ``m``, ``h``, ``d`` units."""
    match = _DURATION.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a duration like '15m', '2h' or '1d'")
    seconds = int(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    if seconds < 60:
        raise ValueError(f"{value!r} is shorter than one minute")
    return timedelta(seconds=seconds)


def _http_urls(urls: list[str]) -> list[str]:
    for url in urls:
        if not re.match(r"^https?://", url):
            raise ValueError(f"{url!r} is not an http(s) URL")
    return urls


class Selectors(BaseModel):
    """CSS selectors that override trafilatura where it fails on a site."""

    model_config = ConfigDict(extra="forbid")

    lead: str | None = None  # a standfirst placed outside the article body
    body: str | None = None
    remove: list[str] = Field(default_factory=list)  # promos, "Lire aussi" boxes
    date: str | None = None  # the visible date, read when meta and JSON-LD give none
    author: str | None = None  # the byline, when trafilatura's author is wrong or missing
    paywall: list[str] = Field(default_factory=list)  # the site's own "subscribers only" phrases
    parser: str | None = None  # a module of crawler/sites/ for what selectors cannot say

    @field_validator("parser")
    @classmethod
    def _parser(cls, value: str | None) -> str | None:
        if value is not None and value not in PARSERS:
            raise ValueError(f"no parser {value!r} in crawler/sites (known: {', '.join(sorted(PARSERS))})")
        return value


OWN_RUNGS = ("sitemap", "feed", "wp-api", "section")
HEADLINES = "headlines"
RungName = Literal["sitemap", "feed", "wp-api", "section", "headlines"]
_HOST = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$")


def google_news_feed(query: str, language: str) -> str:
    """The Google News RSS search for ``query``, in the outlet's language, Moroccan edition."""
    return f"https://news.google.com/rss/search?q={quote_plus(query, safe=':')}&hl={language}&gl=MA&ceid=MA:{language}"


class Headlines(BaseModel):
    """The headline rung: an aggregator's feed of the outlet's items, read without ever
    requesting the outlet (see crawler/headlines.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    query: str  # the aggregator search, e.g. "site:medias24.com": named in the entry
    aggregator: Literal["google-news"] = "google-news"
    feeds: list[str] = Field(default_factory=list)  # default: the aggregator's search feed
    mode: Literal["fallback", "always"] = "fallback"
    enabled: bool = True

    @field_validator("query")
    @classmethod
    def _query(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must name the aggregator search, e.g. 'site:medias24.com'")
        return value.strip()

    @field_validator("feeds")
    @classmethod
    def _feeds(cls, value: list[str]) -> list[str]:
        return _http_urls(value)

    def urls(self, language: str) -> list[str]:
        return list(self.feeds) or [google_news_feed(self.query, language)]


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    homepage: str
    language: Literal["fr", "ar", "en"] = "fr"
    feeds: list[str] = Field(default_factory=list)
    sitemaps: list[str] = Field(default_factory=list)
    sections: list[str] = Field(default_factory=list)
    wp_api: list[str] = Field(default_factory=list)
    article_url: str | None = None
    every: str = "30m"
    enabled: bool = True
    max_pages: int | None = Field(default=None, ge=1)
    selectors: Selectors | None = None
    strip_params: list[str] = Field(default_factory=list)
    notes: str = ""
    headlines: Headlines | None = None
    rungs: list[RungName] | None = None  # the ladder's order; default sitemap, feed, wp-api, section
    allowed_domains: list[str] = Field(default_factory=list)  # CDN/AMP hosts redirects may reach

    @field_validator("name")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _SLUG.match(value):
            raise ValueError("must be a lowercase slug like 'hespress-fr'")
        return value

    @field_validator("homepage")
    @classmethod
    def _homepage(cls, value: str) -> str:
        return _http_urls([value])[0]

    @field_validator("feeds", "sitemaps", "sections", "wp_api")
    @classmethod
    def _urls(cls, value: list[str]) -> list[str]:
        return _http_urls(value)

    @field_validator("article_url")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"invalid regular expression: {exc}") from exc
        return value

    @field_validator("every")
    @classmethod
    def _every(cls, value: str) -> str:
        parse_every(value)
        return value

    @field_validator("allowed_domains")
    @classmethod
    def _hosts(cls, value: list[str]) -> list[str]:
        for host in value:
            if not _HOST.match(host):
                raise ValueError(f"{host!r} is not a host name like 'cdn.example.com'")
        return value

    @model_validator(mode="after")
    def _rung_order(self) -> Source:
        if self.rungs is None:
            return self
        twice = sorted({r for r in self.rungs if self.rungs.count(r) > 1})
        if twice:
            raise ValueError(f"rungs lists {', '.join(twice)} twice")
        empty = [r for r in self.rungs if not self.rung_urls(r)]
        if empty:
            raise ValueError(f"rungs lists {', '.join(empty)} but the entry gives no URL for it")
        return self

    @model_validator(mode="after")
    def _has_a_rung(self) -> Source:
        # A source with no rung is never crawled and would only ever look "quiet".
        if not (self.sitemaps or self.feeds or self.wp_api or self.sections or getattr(self, "headlines", None)):
            raise ValueError(
                "no discovery rung: give at least one URL in sitemaps, feeds, wp_api or sections"
            )
        return self

    @property
    def interval(self) -> timedelta:
        return parse_every(self.every)

    @property
    def headlines_on(self) -> bool:
        return self.headlines is not None and self.headlines.enabled

    @property
    def always_on_headlines(self) -> bool:
        return self.headlines_on and self.headlines.mode == "always"  # type: ignore[union-attr]

    def rung_urls(self, rung: str) -> list[str]:
        """The URLs of one rung, by its name."""
        if rung == HEADLINES:
            return self.headlines.urls(self.language) if self.headlines_on else []  # type: ignore[union-attr]
        own = {"sitemap": self.sitemaps, "feed": self.feeds, "wp-api": self.wp_api, "section": self.sections}
        return list(own[rung])

    def ladder(self) -> list[tuple[str, list[str]]]:
        """The rungs in the order the crawl tries them, each with its URLs. The headline rung
        comes last unless ``rungs`` places it; when always-on it is not on the ladder (it runs
        beside it, see `always_on_headlines`)."""
        order: list[str] = list(self.rungs) if self.rungs is not None else list(OWN_RUNGS)
        if self.headlines_on and HEADLINES not in order:
            order.append(HEADLINES)
        if self.always_on_headlines:
            order = [r for r in order if r != HEADLINES]
        return [(rung, urls) for rung in order if (urls := self.rung_urls(rung))]

    def is_article_url(self, url: str) -> bool:
        return self.article_url is None or re.search(self.article_url, url) is not None


def _describe(error: dict[str, Any], raw_sources: list[dict[str, Any]]) -> str:
    location = list(error["loc"])
    index = location.pop(0) if location and isinstance(location[0], int) else None
    name = "?"
    if index is not None and index < len(raw_sources):
        name = str(raw_sources[index].get("name", f"#{index + 1}"))
    key = ".".join(str(part) for part in location)
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"source {name!r}, key {key!r}: {message}" if key else f"source {name!r}: {message}"


def load_sources(path: Path) -> list[Source]:
    """Read and validate a sources file; errors name the file, the source and the key."""
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SourcesFileError(f"{path}: no such sources file") from exc
    except IsADirectoryError as exc:
        raise SourcesFileError(f"{path}: is a directory, expected a sources TOML file") from exc
    except UnicodeDecodeError as exc:
        raise SourcesFileError(f"{path}: not UTF-8 text (byte {exc.start}): save it as UTF-8") from exc
    except OSError as exc:
        raise SourcesFileError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourcesFileError(f"{path}: not valid TOML: {exc}") from exc
    entries = raw.get("source", [])
    if not isinstance(entries, list) or not entries:
        raise SourcesFileError(f"{path}: no [[source]] entries")
    sources: list[Source] = []
    problems: list[str] = []
    for index, entry in enumerate(entries):
        try:
            sources.append(Source.model_validate(entry))
        except ValidationError as exc:
            problems += [_describe({**e, "loc": (index, *e["loc"])}, entries) for e in exc.errors()]
    names = [source.name for source in sources]
    problems += [f"source {n!r}: name used twice" for n in sorted({n for n in names if names.count(n) > 1})]
    if problems:
        raise SourcesFileError(f"{path}: " + "; ".join(problems))
    return sources


def select_sources(sources: list[Source], names: list[str] | None) -> list[Source]:
    """The enabled sources, or exactly the named ones (enabled or not)."""
    if not names:
        return [source for source in sources if source.enabled]
    by_name = {source.name: source for source in sources}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise SourcesFileError(f"unknown source(s): {', '.join(unknown)}")
    return [by_name[name] for name in names]
