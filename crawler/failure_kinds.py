"""Turning a failed request into a named error kind, recorded against its source."""

from __future__ import annotations

import re

from scrapy.exceptions import (
    DownloadCancelledError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
    UnsupportedURLSchemeError,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError as ScrapyHttpError
from twisted.internet.error import ConnectionLost
from twisted.internet.error import TimeoutError as TwistedTimeout
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed
from twisted.web.http import PotentialDataLoss

from crawler import errors

# Matched against the lowercased page head: a case-insensitive regex costs 30 times more,
# and every article page goes through it.
_CHALLENGE = re.compile(
    rb"cf[-_]chl|challenge-platform|just a moment\.\.\.|attention required!|cf-browser-verification"
    rb"|captcha|ddos-guard|please enable javascript and cookies|checking your browser"
)

_CHALLENGE_MARKUP = re.compile(
    rb"cf[-_]chl|/cdn-cgi/challenge-platform/|cf-browser-verification|ddos-guard"
)

_TIMEOUTS = (DownloadTimeoutError, TimeoutError, TwistedTimeout)
# A body cut short: a clean close before Content-Length, or a reset in the middle.
_BROKEN = (ResponseDataLossError, ResponseFailed, ConnectionLost, PotentialDataLoss)


class Refused(IgnoreRequest):
    """A request newswatch's own middlewares refuse, carrying the error kind to record.

    An `IgnoreRequest`, so Scrapy hands it to the request's errback without logging it as
    a crash; `classify` reads the kind back.
    """

    def __init__(self, kind: type[errors.FetchFailure], message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status


def is_challenge(response: Response) -> bool:
    """A bot-protection page (Cloudflare and the like), whatever status it came with.

    Under 403/429/503 any challenge wording counts; under another status (some challenges
    come with 200) only markers no article carries do.
    """
    if response.headers.get(b"cf-mitigated") == b"challenge":
        return True
    head = response.body[:20000].lower()
    if response.status in (403, 429, 503):
        return bool(_CHALLENGE.search(head))
    return bool(_CHALLENGE_MARKUP.search(head))


def classify(failure: Failure) -> tuple[type[errors.FetchFailure], str, int | None]:
    """(error class, message, HTTP status) for a request's failure."""
    exc = failure.value
    assert exc is not None  # a Failure always wraps an exception
    if isinstance(exc, Refused):
        return exc.kind, str(exc), exc.status
    if isinstance(exc, ScrapyHttpError):
        return _http_error(exc.response)
    if isinstance(exc, IgnoreRequest):
        return _ignored(exc)
    if isinstance(exc, errors.FetchFailure):
        return type(exc), str(exc), None
    return _network(exc)


def _http_error(response: Response) -> tuple[type[errors.FetchFailure], str, int]:
    status = response.status
    if is_challenge(response) or status == 403:
        return errors.Blocked, f"blocked: HTTP {status}", status
    if status == 429:
        return errors.RateLimited, "HTTP 429 Too Many Requests, still after retries", status
    return errors.HttpError, f"HTTP {status}", status


def _ignored(exc: IgnoreRequest) -> tuple[type[errors.FetchFailure], str, None]:
    text = str(exc)
    if "robots.txt" in text:
        return errors.RobotsDisallowed, "forbidden by robots.txt", None
    if "max redirections" in text:
        return errors.RedirectLoop, "too many redirects", None
    if "DOWNLOAD_MAXSIZE" in text or "maxsize" in text.lower():
        return errors.TooLarge, text, None
    return errors.SourceUnreachable, f"ignored: {text}", None


def _network(exc: BaseException) -> tuple[type[errors.FetchFailure], str, None]:
    text = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, DownloadCancelledError) or "maxsize" in text.lower():
        detail = f": {exc}" if str(exc) else ""
        return errors.TooLarge, f"download cancelled at the size cap (DOWNLOAD_MAXSIZE){detail}", None
    if isinstance(exc, UnsupportedURLSchemeError):
        return errors.RedirectSchemeRefused, f"unsupported URL scheme: {exc}", None
    if isinstance(exc, _TIMEOUTS):
        return errors.DownloadTimedOut, text, None
    if isinstance(exc, _BROKEN):
        return errors.ConnectionBroken, f"connection closed before the whole body arrived ({text})", None
    return errors.SourceUnreachable, text, None
