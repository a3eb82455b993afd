"""The one spider: walks each source's discovery ladder, then fetches unseen article pages.

A source's discovery rungs are tried in order (news sitemap, feed, WordPress API, section
pages, or the entry's own `rungs` order); when a rung fails or yields no article link, the next
one is tried. The headline rung (`crawler.headlines`) comes last: an aggregator's feed whose
items are stored as headline-only articles, never fetched. It also starts when the outlet's
article pages answer with bot protection, and runs from the start when it is always-on.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import scrapy
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from crawler import errors
from crawler.context import RunContext
from crawler.discovery import Link, parse_feed, parse_section, parse_sitemap, parse_wp_posts
from crawler.encoding import decode_html
from crawler.failure_kinds import classify, is_challenge
from crawler.headlines import Headline, from_outlet, headline_item, outlet_domains, parse_headlines
from crawler.items import ArticleItem
from crawler.sources import HEADLINES, Source
from dedup import canonical_url
from storage.clock import utcnow
from storage.models import PageOutcome

RUNGS = ("sitemap", "feed", "wp-api", "section")
_HTML_TYPES = (b"text/html", b"application/xhtml", b"text/plain", b"")
# Files served where an article was expected, whatever their Content-Type says.
_FILE_SIGNATURES = {
    b"%PDF-": "a PDF", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image", b"PK\x03\x04": "a ZIP/Office file", b"RIFF": "a RIFF (WebP/AVI) file",
}
# Failures that will not heal by themselves: the URL is marked seen and not retried.
_PERMANENT = (errors.RobotsDisallowed, errors.TooLarge, errors.OffSiteRedirect, errors.RedirectSchemeRefused)


@dataclass
class Ladder:
    source: Source
    rungs: list[tuple[str, list[str]]]
    index: int = -1
    pending: int = 0
    found: int = 0
    sitemaps: int = 0
    requests: int = 0
    headlines_started: bool = False
    pages_blocked: bool = False  # the headline rung started because article pages were blocked
    pages_read: int = 0  # article pages that gave an item
    headlines_found: int = 0

    @property
    def rung(self) -> str:
        return self.rungs[self.index][0]


def build_ladder(source: Source) -> Ladder:
    return Ladder(source, source.ladder())


class NewsSpider(scrapy.Spider):
    name = "newswatch"

    def __init__(self, context: RunContext, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.context = context
        self.ladders = {s.name: build_ladder(s) for s in context.sources.values()}
        self.scheduled: set[str] = set()
        self.horizon = utcnow() - timedelta(days=context.config.limits.discovery_days)

    async def start(self) -> AsyncIterator[Request]:
        for ladder in self.ladders.values():
            for request in self._next_rung(ladder):
                yield request
            if ladder.source.always_on_headlines:
                for request in self._headlines_beside(ladder):
                    yield request

    # -- discovery -------------------------------------------------------------------------

    def _next_rung(self, ladder: Ladder) -> Iterator[Request]:
        ladder.index += 1
        ladder.found = 0
        if ladder.index >= len(ladder.rungs):
            return
        rung, urls = ladder.rungs[ladder.index]
        ladder.headlines_started |= rung == HEADLINES
        for url in urls:
            yield self._discovery_request(ladder, rung, url)

    def _discovery_request(self, ladder: Ladder, rung: str, url: str, *, on_ladder: bool = True) -> Request:
        if on_ladder:
            ladder.pending += 1
        return Request(
            url, callback=self.parse_discovery, errback=self.discovery_failed, dont_filter=True,
            priority=10, cb_kwargs={"source": ladder.source.name, "rung": rung},
            meta={"source": ladder.source.name, "on_ladder": on_ladder},
        )

    def _headlines_beside(self, ladder: Ladder, *, blocked: bool = False) -> Iterator[Request]:
        """The headline rung outside the ladder's order: always-on, or because the outlet's
        article pages are blocked. Once per run."""
        if ladder.headlines_started or not ladder.source.headlines_on:
            return
        ladder.headlines_started, ladder.pages_blocked = True, blocked
        for url in ladder.source.rung_urls(HEADLINES):
            yield self._discovery_request(ladder, HEADLINES, url, on_ladder=False)

    def parse_discovery(
        self, response: Response, source: str, rung: str
    ) -> Iterator[Request | ArticleItem]:
        ladder = self.ladders[source]
        self.context.recorder.fetched(source, response.status)
        try:
            yield from self._discover(ladder, rung, response)
        except errors.FetchFailure as exc:
            self.context.recorder.failure(source, type(exc), str(exc), url=response.url)
        if response.meta.get("on_ladder", True):
            yield from self._rung_done(ladder)

    def discovery_failed(self, failure: Failure) -> Iterator[Request]:
        request = failure.request  # type: ignore[attr-defined]
        source = request.meta["source"]
        kind, message, status = classify(failure)
        self.context.recorder.failure(source, kind, message, url=request.url, http_status=status)
        if request.meta.get("on_ladder", True):
            yield from self._rung_done(self.ladders[source])

    def _rung_done(self, ladder: Ladder) -> Iterator[Request]:
        ladder.pending -= 1
        if ladder.pending == 0 and ladder.found == 0:
            yield from self._next_rung(ladder)

    def _discover(self, ladder: Ladder, rung: str, response: Response) -> Iterator[Request | ArticleItem]:
        if rung == "sitemap":
            yield from self._discover_sitemap(ladder, response)
            return
        if rung == HEADLINES:
            headlines = parse_headlines(response.body, response.url)
            yield from self._headline_items(ladder, headlines, on_ladder=response.meta.get("on_ladder", True))
            return
        if rung == "feed":
            links = parse_feed(response.body, response.url)
        elif rung == "wp-api":
            links = parse_wp_posts(response.body, response.url)
        else:
            links = parse_section(_text(response), response.url)
        yield from self._article_requests(ladder, rung, links)

    def _discover_sitemap(self, ladder: Ladder, response: Response) -> Iterator[Request]:
        page = parse_sitemap(_maybe_gunzip(response.body, self._max_bytes), response.url)
        cap = self.context.config.limits.max_sitemaps_per_source
        for url in page.sitemaps:
            if ladder.sitemaps >= cap:
                self.context.recorder.failure(
                    ladder.source.name, errors.PageCapReached,
                    f"sitemap index lists more than {cap} sitemaps; the rest are skipped",
                    url=response.url,
                )
                break
            ladder.sitemaps += 1
            yield self._discovery_request(ladder, "sitemap", url)
        recent = [link for link in page.links if not link.published or link.published >= self.horizon]
        yield from self._article_requests(ladder, "sitemap", recent)

    def _headline_items(self, ladder: Ladder, headlines: list[Headline], *, on_ladder: bool) -> Iterator[ArticleItem]:
        """Items for the outlet's recent headlines not seen before; no page is requested."""
        source = ladder.source
        domains = outlet_domains(source)
        kept = [h for h in headlines if from_outlet(h, domains) and not self._too_old(h)]
        if on_ladder:  # headlines read beside the ladder must not stop it
            ladder.found += len(kept)
        ladder.headlines_found += len(kept)
        self.context.recorder.links(source.name, HEADLINES, len(kept))
        keys = [canonical_url(h.link, strip_params=source.strip_params) for h in kept]
        seen = self.context.seen_among([k for k in dict.fromkeys(keys) if k not in self.scheduled])
        for headline, key in zip(kept, keys):
            if key in seen or key in self.scheduled:
                continue
            self.scheduled.add(key)
            yield headline_item(source, headline, key)

    def _too_old(self, headline: Headline) -> bool:
        return headline.published is not None and headline.published < self.horizon

    @property
    def _max_bytes(self) -> int:
        return self.context.config.limits.max_download_bytes

    # -- articles --------------------------------------------------------------------------

    def _article_requests(self, ladder: Ladder, rung: str, links: Iterable[Link]) -> Iterator[Request]:
        source = ladder.source
        matching = [link for link in links if source.is_article_url(link.url)]
        ladder.found += len(matching)
        self.context.recorder.links(source.name, rung, len(matching))
        canonical = [canonical_url(link.url, strip_params=source.strip_params) for link in matching]
        fresh = [url for url in dict.fromkeys(canonical) if url not in self.scheduled]
        seen = self.context.seen_among(fresh)  # one query per listing, not one per link
        for link, url in zip(matching, canonical):
            if url in seen or url in self.scheduled:
                continue
            request = self._article_request(ladder, rung, link, url)
            if request is not None:
                yield request

    def _article_request(self, ladder: Ladder, rung: str, link: Link, url: str) -> Request | None:
        source = ladder.source
        cap = source.max_pages or self.context.config.limits.max_pages_per_source
        if ladder.requests >= cap:
            if ladder.requests == cap:
                ladder.requests += 1
                self.context.recorder.failure(
                    source.name, errors.PageCapReached, f"page cap of {cap} reached", url=link.url
                )
            return None
        ladder.requests += 1
        self.scheduled.add(url)
        return Request(
            link.url, callback=self.parse_article, errback=self.article_failed,
            meta={"source": source.name, "canonical": url, "link": link, "rung": rung},
        )

    def parse_article(self, response: Response) -> Iterator[ArticleItem | Request]:
        meta = response.meta
        source, url = meta["source"], meta["canonical"]
        self.context.recorder.fetched(source, response.status)
        problem = _not_an_article(response)
        if problem is not None:
            kind, message = problem
            # A challenge may lift, as under 403/503 (see `article_failed`): retried next run.
            self.context.recorder.failure(
                source, kind, message, url=url, http_status=response.status,
                seen_outcome=None if kind is errors.Blocked else PageOutcome.NOT_ARTICLE,
            )
            if kind is errors.Blocked:
                yield from self._headlines_beside(self.ladders[source], blocked=True)
            return
        self.ladders[source].pages_read += 1
        link: Link = meta["link"]
        yield ArticleItem(
            source=source, url=url, fetched_url=response.url, http_status=response.status,
            body=response.body, content_type=response.headers.get(b"Content-Type"),
            link_title=link.title, link_published=link.published, rung=meta["rung"],
        )

    def article_failed(self, failure: Failure) -> Iterator[Request]:
        request = failure.request  # type: ignore[attr-defined]
        kind, message, status = classify(failure)
        # A missing page stays missing; a server or network fault may heal, so retry next run.
        permanent = status in (404, 410) or issubclass(kind, _PERMANENT)
        self.context.recorder.failure(
            request.meta["source"], kind, message, url=request.meta["canonical"],
            http_status=status, seen_outcome=PageOutcome.FAILED if permanent else None,
        )
        if kind is errors.Blocked or status == 403:
            yield from self._headlines_beside(self.ladders[request.meta["source"]], blocked=True)

    def closed(self, reason: str) -> None:
        """A source whose listings worked but whose every article page was blocked ran on its
        headlines only: the run says so (`newswatch status`), not the listing's rung."""
        for name, ladder in self.ladders.items():
            if ladder.pages_blocked and not ladder.pages_read and ladder.headlines_found:
                self.context.recorder.tallies[name].rung = HEADLINES


def _not_an_article(response: Response) -> tuple[type[errors.FetchFailure], str] | None:
    content_type = (response.headers.get(b"Content-Type") or b"").split(b";")[0].strip().lower()
    if not content_type.startswith(_HTML_TYPES):
        return errors.NotAnArticle, f"served {content_type.decode(errors='replace')}, not HTML"
    if not response.body.strip():
        return errors.NotAnArticle, "empty body"
    for signature, what in _FILE_SIGNATURES.items():
        if response.body.startswith(signature):
            return errors.NotAnArticle, f"served {what}, not HTML"
    if is_challenge(response):
        return errors.Blocked, f"challenge page (HTTP {response.status})"
    return None


def _text(response: Response) -> str:
    """A listing page as text under `crawler.encoding`'s charset policy (article pages are
    decoded in the extraction workers)."""
    return decode_html(response.body, response.headers.get(b"Content-Type")).text


def _maybe_gunzip(body: bytes, max_bytes: int) -> bytes:
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise errors.FeedBroken(f"gzipped sitemap is corrupt: {exc}") from exc
    if len(data) > max_bytes:
        raise errors.TooLarge(f"gzipped sitemap inflates past {max_bytes} bytes")
    return data
