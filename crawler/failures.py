"""Turning a failed request into a named error kind, recorded against its source."""

from __future__ import annotations

import re

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
    UnsupportedURLSchemeError,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError as ScrapyHttpError
from twisted.python.failure import Failure

from crawler import errors

_CHALLENGE = re.compile(
    rb"cf-chl|challenge-platform|just a moment\.\.\.|attention required!|cf-browser-verification"
    rb"|captcha|ddos-guard|please enable javascript and cookies|checking your browser",
    re.IGNORECASE,
)

_UNREACHABLE = (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    DownloadFailedError,
    ResponseDataLossError,
    ConnectionError,
    TimeoutError,
)


def is_challenge(response: Response) -> bool:
    """A bot-protection page (Cloudflare and the like), whatever status it came with."""
    if response.status not in (403, 429, 503) and b"cf-chl" not in response.body[:20000]:
        return False
    if response.headers.get(b"cf-mitigated") == b"challenge":
        return True
    return bool(_CHALLENGE.search(response.body[:20000]))


def classify(failure: Failure) -> tuple[type[errors.FetchFailure], str, int | None]:
    """(error class, message, HTTP status) for a request's failure."""
    exc = failure.value
    if isinstance(exc, ScrapyHttpError):
        response = exc.response
        if is_challenge(response) or response.status == 403:
            return errors.Blocked, f"blocked: HTTP {response.status}", response.status
        return errors.HttpError, f"HTTP {response.status}", response.status
    if isinstance(exc, IgnoreRequest) and "robots.txt" in str(exc):
        return errors.RobotsDisallowed, "forbidden by robots.txt", None
    if isinstance(exc, DownloadCancelledError) or "maxsize" in str(exc).lower():
        return errors.TooLarge, f"download cancelled: {exc}", None
    if isinstance(exc, UnsupportedURLSchemeError):
        return errors.HttpError, f"unsupported URL scheme: {exc}", None
    if isinstance(exc, _UNREACHABLE) or "twisted.internet.error" in type(exc).__module__:
        return errors.SourceUnreachable, f"{type(exc).__name__}: {exc}", None
    if isinstance(exc, errors.FetchFailure):
        return type(exc), str(exc), None
    return errors.SourceUnreachable, f"{type(exc).__name__}: {exc}", None
