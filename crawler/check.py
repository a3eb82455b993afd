"""`newswatch sources check`: probe every discovery rung of a source, live, and say which work.

For users with network access, to see which rungs of a catalogue entry answer today. It is a
plain sequential HTTP client (urllib), far from the crawl's Scrapy machinery, but it keeps the
crawl's manners: the configured User-Agent, a timeout, robots.txt (read with
`urllib.robotparser`; a 5xx robots.txt disallows the host, as RFC 9309 says), a size cap and a
delay between requests. A bot-protection answer is reported as ``blocked`` and never retried
or worked around.

Verdicts, one per rung URL:

    ok           parsed, and the article pattern picked at least one link
    stale        ok, but the newest dated link is older than the discovery window
    no-articles  parsed, but no link matched the source's article_url pattern
    blocked      403, or a challenge page from bot protection
    robots       robots.txt forbids the URL; it was not requested
    http-error   any other 4xx/5xx answer
    unreachable  DNS, connection or timeout failure
    broken       the answer could not be parsed as the rung's format

The headline rung is probed like the others, on the aggregator: its items are the outlet's
headlines (those of another publisher left out), never the outlet's pages.
"""

from __future__ import annotations

import gzip
import io
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response

from crawler.config import CrawlSettings
from crawler.discovery import Link, parse_feed, parse_section, parse_sitemap, parse_wp_posts
from crawler.errors import CrawlerError, FeedBroken
from crawler.failure_kinds import is_challenge
from crawler.headlines import from_outlet, outlet_domains, parse_headlines
from crawler.sources import HEADLINES, OWN_RUNGS, Source
from storage.clock import utcnow

_CHILD_SITEMAPS = 3  # an index is judged by its first few children, not all of them


class CheckUnreachable(CrawlerError):
    """A probe got no HTTP answer (DNS, refused, reset, timeout). Local to the check command."""


@dataclass(frozen=True)
class Answer:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class RungCheck:
    source: str
    rung: str
    url: str
    status: int | None
    items: int
    newest: datetime | None
    verdict: str
    message: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


Fetch = Callable[[str], Answer]


class Prober:
    """Fetches politely for one check run: one User-Agent, timeout, size cap, robots cache."""

    def __init__(self, user_agent: str, timeout: float, max_bytes: int, delay: float = 0.0) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.delay = delay
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._last_request = 0.0

    def fetch(self, url: str) -> Answer:
        self._wait()
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "*/*"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:  # noqa: S310 - http(s) only, validated by Source
                return Answer(reply.geturl(), reply.status, dict(reply.headers.items()), reply.read(self.max_bytes))
        except urllib.error.HTTPError as exc:
            body = exc.read(self.max_bytes) if exc.fp is not None else b""
            return Answer(url, exc.code, dict(exc.headers.items()) if exc.headers else {}, body)
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise CheckUnreachable(f"{type(reason).__name__}: {reason}") from exc

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        return self._robots[origin].can_fetch(self.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        parser = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        try:
            answer = self.fetch(f"{origin}/robots.txt")
        except CheckUnreachable:
            parser.allow_all = True  # type: ignore[attr-defined]  # the rung's own request will fail and say why
            return parser
        if answer.status >= 500 or answer.status == 429:
            parser.disallow_all = True  # type: ignore[attr-defined]  # RFC 9309 2.3.1.4: unreachable robots.txt means no crawling
        elif answer.status >= 400:
            parser.allow_all = True  # type: ignore[attr-defined]  # RFC 9309 2.3.1.3: no robots.txt, no restriction
        else:
            parser.parse(answer.body.decode("utf-8", errors="replace").splitlines())
        return parser

    def _wait(self) -> None:
        pause = self.delay - (time.monotonic() - self._last_request)
        if pause > 0:
            time.sleep(pause)
        self._last_request = time.monotonic()


def check_sources(sources: list[Source], crawl: CrawlSettings, timeout: float | None = None) -> list[RungCheck]:
    """Every rung URL of every source, probed in order."""
    prober = Prober(crawl.user_agent, timeout or crawl.download_timeout, crawl.max_download_bytes, crawl.download_delay)
    horizon = utcnow() - timedelta(days=crawl.discovery_days)
    return [row for source in sources for row in check_source(source, prober, horizon)]


def check_source(source: Source, prober: Prober, horizon: datetime) -> list[RungCheck]:
    rows = []
    for rung in (*OWN_RUNGS, HEADLINES):
        for url in source.rung_urls(rung):
            rows.append(check_rung(source, rung, url, prober, horizon))
    return rows


def check_rung(source: Source, rung: str, url: str, prober: Prober, horizon: datetime) -> RungCheck:
    def row(status: int | None, verdict: str, message: str = "", items: int = 0,
            newest: datetime | None = None) -> RungCheck:
        return RungCheck(source.name, rung, url, status, items, newest, verdict, message)

    if not prober.allowed(url):
        return row(None, "robots", "robots.txt disallows this URL for our User-Agent; not requested")
    try:
        answer = prober.fetch(url)
    except CheckUnreachable as exc:
        return row(None, "unreachable", str(exc))
    if _is_blocked(answer):
        return row(answer.status, "blocked", f"bot protection answered HTTP {answer.status}; not worked around")
    if answer.status >= 400:
        return row(answer.status, "http-error", f"HTTP {answer.status}")
    try:
        links = _headline_links(source, answer) if rung == HEADLINES else _links(rung, answer, prober)
    except FeedBroken as exc:
        return row(answer.status, "broken", str(exc))
    articles = links if rung == HEADLINES else [link for link in links if source.is_article_url(link.url)]
    newest = max((link.published for link in articles if link.published), default=None)
    if not articles:
        what = "no item of the outlet" if rung == HEADLINES else "none matches article_url"
        return row(answer.status, "no-articles", f"{len(links)} links, {what}")
    if newest is not None and newest < horizon:
        return row(answer.status, "stale", "newest article is older than the discovery window", len(articles), newest)
    return row(answer.status, "ok", "", len(articles), newest)


def _is_blocked(answer: Answer) -> bool:
    if answer.status == 403:
        return True
    # The crawl's own detector (crawler.failure_kinds) judges the page, so both agree.
    response = Response(answer.url, status=answer.status, headers=answer.headers, body=answer.body)
    return is_challenge(response)


def _headline_links(source: Source, answer: Answer) -> list[Link]:
    """The aggregator's items published by the outlet, as links (never requested)."""
    domains = outlet_domains(source)
    headlines = parse_headlines(answer.body, answer.url)
    return [Link(h.link, h.title, h.published) for h in headlines if from_outlet(h, domains)]


def _links(rung: str, answer: Answer, prober: Prober) -> list[Link]:
    body = _maybe_gunzip(answer.body, prober.max_bytes)
    if rung == "feed":
        return parse_feed(body, answer.url)
    if rung == "wp-api":
        return parse_wp_posts(body, answer.url)
    if rung == "section":
        return parse_section(body.decode("utf-8", errors="replace"), answer.url)
    page = parse_sitemap(body, answer.url)
    links = list(page.links)
    for child in page.sitemaps[:_CHILD_SITEMAPS]:
        if prober.allowed(child):
            try:
                child_answer = prober.fetch(child)
            except CheckUnreachable:
                continue
            if child_answer.status < 400:
                links += parse_sitemap(_maybe_gunzip(child_answer.body, prober.max_bytes), child).links
    return links


def _maybe_gunzip(body: bytes, max_bytes: int) -> bytes:
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
            return stream.read(max_bytes)
    except OSError as exc:
        raise FeedBroken(f"gzipped answer is corrupt: {exc}") from exc


def working_sources(rows: list[RungCheck]) -> set[str]:
    """Sources with at least one rung that gives article links."""
    return {row.source for row in rows if row.verdict in ("ok", "stale")}
