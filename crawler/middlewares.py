"""Downloader middlewares for a hostile web: Retry-After, redirect policy, robots.txt policy.

Policies, each enforced here and recorded as a named error (see `crawler.errors`):

* **Retry-After** (`RetryAfterMiddleware`). Scrapy retries 429/503 at once and ignores
  Retry-After (scrapy#3849). Here a retry waits the number of seconds the server asked for,
  awaited on the event loop (the reactor keeps serving every other request). A wait longer
  than ``crawl.max_retry_after`` is not shortened: retrying early would ignore the server,
  so the URL is given up for this run and recorded as `RateLimited`; the next run tries it.
* **Redirects** (`RedirectGuard`, `MetaRefreshGuard`). A redirect, by Location or by
  ``<meta http-equiv=refresh>``, is followed only to http(s) (`RedirectSchemeRefused`),
  only within the registrable domains of the source's own URLs and of the hosts its entry
  names in ``allowed_domains`` (a CDN, an AMP cache) (`OffSiteRedirect`), and
  never back to a URL of the same chain nor past ``REDIRECT_MAX_TIMES`` hops
  (`RedirectLoop`). Checked before Scrapy builds the next request, so a refused target is
  never contacted, not even for its robots.txt.
* **robots.txt** (`RobotsPolicyMiddleware`). Scrapy and Protego parse whatever body
  robots.txt answers with, so a 500 page reads as "allow everything". Newswatch follows
  RFC 9309 §2.3.1.4 instead: a 5xx or 429 robots.txt makes the whole host disallowed for
  this run (`RobotsUnavailable`). A 4xx robots.txt allows everything (RFC 9309 §2.3.1.3),
  and so does a robots.txt that cannot be fetched at all (Scrapy's behaviour: the pages of
  an unreachable host fail on their own and are recorded as such).
"""

from __future__ import annotations

import asyncio
import time
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.response import get_meta_refresh
from tldextract import TLDExtract
from w3lib.url import safe_url_string

from crawler import errors
from crawler.failure_kinds import Refused, is_challenge

_REDIRECT_STATUSES = (301, 302, 303, 307, 308)


# -- Retry-After -------------------------------------------------------------------------


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP-date); None if unusable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, waiting out Retry-After before the retry (module docstring)."""

    max_delay: float = 60.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        middleware = super().from_crawler(crawler)
        middleware.max_delay = crawler.settings.getfloat("NEWSWATCH_MAX_RETRY_AFTER", 60.0)
        return middleware

    async def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        retryable = response.status in self.retry_http_codes and not request.meta.get("dont_retry")
        delay = retry_after_seconds(response.headers.get(b"Retry-After")) if retryable else None
        if delay is None:
            return super().process_response(request, response)
        if delay > self.max_delay:
            if "source" not in request.meta:
                return response  # robots.txt: RobotsPolicyMiddleware reads the 429 itself
            kind = _refusal_kind(response)
            raise Refused(
                kind, f"HTTP {response.status} asks to retry in {delay:g} s, over the "
                f"{self.max_delay:g} s cap: not retried before the next run", response.status,
            )
        retry = self._retry(request, f"HTTP {response.status}, Retry-After {delay:g} s")
        if retry is None:
            return response
        await asyncio.sleep(delay)  # a timer on the loop: every other download goes on
        return retry


def _refusal_kind(response: Response) -> type[errors.FetchFailure]:
    if is_challenge(response):
        return errors.Blocked
    return errors.RateLimited if response.status == 429 else errors.HttpError


# -- redirects ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _public_suffixes() -> TLDExtract:
    # The snapshot bundled with tldextract: never fetch the public suffix list at run time.
    return TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """``fr.hespress.com`` -> ``hespress.com``; an IP address or ``localhost`` stays itself."""
    host = host.lower().rstrip(".")
    parts = _public_suffixes()(host)
    return parts.top_domain_under_public_suffix or host


def source_domains(urls: list[str]) -> frozenset[str]:
    """The registrable domains a source may redirect within: those of its own URLs."""
    return frozenset(registrable_domain(urlsplit(url).hostname or "") for url in urls)


def allowed_domains(source: Any) -> frozenset[str]:
    """Where a source's requests may be redirected: the domains of its own URLs (the headline
    rung's aggregator included) and the CDN or AMP hosts its entry names in
    ``allowed_domains``."""
    urls = [source.homepage, *source.feeds, *source.sitemaps, *source.sections, *source.wp_api]
    urls += source.rung_urls("headlines") + [f"https://{host}/" for host in source.allowed_domains]
    return source_domains(urls)


class _RedirectPolicy:
    """Shared check: may ``request`` be redirected to ``target``? Raises `Refused` if not."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_hops = crawler.settings.getint("REDIRECT_MAX_TIMES")
        self._domains: dict[str, frozenset[str]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    def check(self, request: Request, target: str) -> None:
        source = request.meta.get("source")
        if source is None:  # Scrapy's own requests (robots.txt) are not a source's
            return
        scheme = urlsplit(target).scheme.lower()
        if scheme not in ("http", "https"):
            raise Refused(errors.RedirectSchemeRefused, f"redirect to a {scheme or 'relative'}: URL refused: {target[:200]}")
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise Refused(errors.RedirectLoop, f"redirect loop: {' -> '.join([*chain, target])[:1000]}")
        if len(chain) > self.max_hops:
            raise Refused(errors.RedirectLoop, f"more than {self.max_hops} redirects from {chain[0]}")
        host = urlsplit(target).hostname or ""
        if registrable_domain(host) not in self._allowed(source):
            raise Refused(errors.OffSiteRedirect, f"redirect off the source's site to {target[:200]}")

    def _allowed(self, source_name: str) -> frozenset[str]:
        if source_name not in self._domains:
            source = self.crawler.spider.context.sources[source_name]  # type: ignore[union-attr]
            self._domains[source_name] = allowed_domains(source)
        return self._domains[source_name]


class RedirectGuard(_RedirectPolicy):
    """Checks a 3xx Location before Scrapy's RedirectMiddleware follows it."""

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get(b"Location")
        if response.status in _REDIRECT_STATUSES and location and not request.meta.get("dont_redirect"):
            self.check(request, _absolute(request.url, location))
        return response


class MetaRefreshGuard(_RedirectPolicy):
    """Checks a ``<meta http-equiv=refresh>`` target before MetaRefreshMiddleware follows it.

    Runs after decompression (the body must be readable) and before MetaRefreshMiddleware,
    with its settings, so only a refresh Scrapy would follow is checked. A refresh to the
    page itself is a reload, not a redirect: the page is read as it is.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.ignore_tags = crawler.settings.getlist("METAREFRESH_IGNORE_TAGS")
        self.max_delay = crawler.settings.getfloat("METAREFRESH_MAXDELAY")

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, HtmlResponse) or request.meta.get("dont_redirect"):
            return response
        interval, url = get_meta_refresh(response, ignore_tags=self.ignore_tags)
        if not url or interval is None or interval >= self.max_delay:
            return response
        if url == request.url:
            request.meta["dont_redirect"] = True  # MetaRefreshMiddleware reads the same meta
            return response
        self.check(request, url)
        return response


def _absolute(base: str, location: bytes) -> str:
    text = location.decode("latin-1").strip()
    if text.startswith("//"):
        text = f"{urlsplit(base).scheme}:{text}"
    return urljoin(base, safe_url_string(text))


# -- robots.txt --------------------------------------------------------------------------


class _Unavailable:
    """Stands in for a robots.txt that answered 5xx/429: nothing is allowed."""

    def __init__(self, status: int) -> None:
        self.status = status

    def allowed(self, url: str, user_agent: str | bytes) -> bool:
        return False


class RobotsPolicyMiddleware(RobotsTxtMiddleware):
    """RobotsTxtMiddleware with RFC 9309's rule for an unavailable robots.txt (see module doc)."""

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        # Overrides a private hook of Scrapy 2.19's RobotsTxtMiddleware: the only place that
        # sees the robots.txt status code.
        if response.status >= 500 or response.status == 429:
            deferred = self._parsers[netloc]
            self._parsers[netloc] = _Unavailable(response.status)  # type: ignore[assignment]
            deferred.callback(self._parsers[netloc])  # type: ignore[union-attr,arg-type]
            return
        await super()._parse_robots(response, netloc, request)

    def process_request_2(self, rp: Any, request: Request) -> None:
        if isinstance(rp, _Unavailable):
            raise Refused(
                errors.RobotsUnavailable,
                f"robots.txt answered HTTP {rp.status}: the host counts as disallowed until it answers",
            )
        super().process_request_2(rp, request)
