"""Crawler errors. Each class names a kind of failure recorded against a source.

    CrawlerError
    ├── SourcesFileError        the sources file is missing or invalid
    └── FetchFailure            one URL of one source failed (recorded, the run goes on)
        ├── SourceUnreachable   DNS, connection refused or reset, timeout
        ├── HttpError           the server answered 4xx/5xx
        ├── Blocked             403/503 challenge page from bot protection
        ├── FeedBroken          a feed or sitemap that cannot be parsed
        ├── TooLarge            the body passed the download size cap
        ├── NotAnArticle        PDF, image, empty or JavaScript-only page
        └── ExtractionFailed    trafilatura found no text, crashed or timed out
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


class RobotsDisallowed(FetchFailure):
    """robots.txt forbids the URL; it is never requested."""


class PageCapReached(FetchFailure):
    """The source hit its per-run page cap (a calendar or pagination trap stops here)."""
