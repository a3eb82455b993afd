"""Crawler errors. Each class names a kind of failure recorded against a source.

    CrawlerError
    ├── SourcesFileError        the sources file is missing or invalid
    └── FetchFailure            one URL of one source failed (recorded, the run goes on)
        ├── SourceUnreachable   DNS, connection refused, any other network failure
        │   ├── DownloadTimedOut    no complete answer within download_timeout
        │   └── ConnectionBroken    reset mid-body, or fewer bytes than Content-Length
        ├── HttpError           the server answered 4xx/5xx
        │   └── RateLimited         429 after retries, or a Retry-After past the cap
        ├── Blocked             403/503 challenge page from bot protection
        ├── FeedBroken          a feed or sitemap that cannot be parsed
        │   └── UnsafeXml           a DTD declaring entities (billion laughs, XXE): refused
        ├── TooLarge            the body (or its decompression) passed the size cap
        ├── NotAnArticle        PDF, image, empty or JavaScript-only page
        ├── ExtractionFailed    trafilatura found no text, crashed or timed out
        ├── RobotsDisallowed    robots.txt forbids the URL
        ├── RobotsUnavailable   robots.txt answered 5xx/429: the host is not crawled this run
        ├── PageCapReached      per-run page or sitemap cap of the source hit
        └── RedirectRefused     a redirect that is not followed
            ├── RedirectLoop        a URL seen twice in one chain, or too many hops
            ├── OffSiteRedirect     to a host outside the source's registrable domains
            └── RedirectSchemeRefused   to file:, ftp:, javascript:, data: ...
"""


class CrawlerError(Exception):
    """Base of every crawler error."""


class SourcesFileError(CrawlerError):
    """Raised by `crawler.sources.load_sources`; the message names file, source and key."""


class FetchFailure(CrawlerError):
    """A failure of one URL, recorded against its source; the run goes on."""


class SourceUnreachable(FetchFailure):
    """The host did not answer: DNS failure, refused or reset connection, timeout."""


class HttpError(FetchFailure):
    """The server answered with an error status."""


class Blocked(FetchFailure):
    """Bot protection answered (403/503 challenge); never circumvented."""


class FeedBroken(FetchFailure):
    """A feed or sitemap that could not be parsed."""


class TooLarge(FetchFailure):
    """The response passed the download size cap and was dropped."""


class NotAnArticle(FetchFailure):
    """The URL served something that is not an article (PDF, image, empty, JS-only)."""


class ExtractionFailed(FetchFailure):
    """trafilatura found no article text, failed, or passed its time limit."""


class StoreFailed(FetchFailure):
    """An extracted article could not be written (a database error, a bug): it is not marked
    seen, so the next run fetches it again."""


class RobotsDisallowed(FetchFailure):
    """robots.txt forbids the URL; it is never requested."""


class PageCapReached(FetchFailure):
    """The source hit its per-run page cap (a calendar or pagination trap stops here)."""


class DownloadTimedOut(SourceUnreachable):
    """No complete answer within ``crawl.download_timeout``; classified by `crawler.failure_kinds`."""


class ConnectionBroken(SourceUnreachable):
    """The connection was reset or closed before the body was complete (`crawler.failure_kinds`)."""


class RateLimited(HttpError):
    """HTTP 429 after retries, or a Retry-After longer than ``crawl.max_retry_after``.

    Raised (as a refusal) by `crawler.middlewares.RetryAfterMiddleware`; classified from a
    final 429 by `crawler.failure_kinds`.
    """


class UnsafeXml(FeedBroken):
    """A feed or sitemap declaring DTD entities; refused unparsed by `crawler.discovery`."""


class RobotsUnavailable(FetchFailure):
    """robots.txt answered 5xx or 429, so the host counts as fully disallowed (RFC 9309).

    Raised (as a refusal) by `crawler.middlewares.RobotsPolicyMiddleware`.
    """


class RedirectRefused(FetchFailure):
    """A redirect that newswatch does not follow; raised by `crawler.middlewares`."""


class RedirectLoop(RedirectRefused):
    """A redirect chain that comes back to a URL it already visited, or is too long."""


class OffSiteRedirect(RedirectRefused):
    """A redirect to a host outside the source's registrable domains."""


class RedirectSchemeRefused(RedirectRefused):
    """A redirect to a scheme other than http(s): file:, ftp:, javascript:, data: ..."""
