"""Slack incoming-webhook delivery over plain HTTP (stdlib ``urllib``).

The webhook URL is a credential: it never appears in errors or logs. Slack answers 200
with body ``ok``; anything else is classified here (429 and 5xx retried, other 4xx dead).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from pydantic import SecretStr

from alerts.errors import DeliveryError, PermanentDeliveryError, TransientDeliveryError
from alerts.render import AlertMessage
from alerts.slack_blocks import payload
from alerts.text import one_line, truncate

MAX_BODY = 64 * 1024
# 408 and 425 are "try again" in HTTP terms; every other 4xx means our request is wrong or
# the webhook is gone (400 invalid_blocks, 403, 404 no_service, 410 channel archived).
_TRANSIENT_4XX = {408, 425, 429}


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)


def classify_status(status: int, body: str, headers: Message | None) -> DeliveryError:
    detail = f"Slack webhook answered {status}: {truncate(one_line(body), 200)}"
    if status == 429 or status >= 500 or status in _TRANSIENT_4XX:
        retry_after = retry_after_seconds(headers.get("Retry-After") if headers else None)
        return TransientDeliveryError(detail, retry_after=retry_after)
    return PermanentDeliveryError(detail)


@dataclass
class SlackNotifier:
    webhook_url: SecretStr = field(repr=False)
    timeout: float = 15.0
    channel: str = "slack"

    def send(self, message: AlertMessage) -> str:
        check_webhook_url(self.webhook_url.get_secret_value())
        data = json.dumps(payload(message), ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(
            self.webhook_url.get_secret_value(),
            data=data,
            method="POST",
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        return self._post(request)

    def _post(self, request: urllib.request.Request) -> str:
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                status = response.status
                body = response.read(MAX_BODY).decode("utf-8", errors="replace")
        except urllib.error.HTTPError as exc:
            body = exc.read(MAX_BODY).decode("utf-8", errors="replace")
            raise classify_status(exc.code, body, exc.headers) from None
        except (TimeoutError, urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            # The reason never holds the URL; "from None" drops the request from tracebacks.
            raise TransientDeliveryError(
                f"Slack webhook unreachable: {type(reason).__name__}: {reason}"
            ) from None
        if status != 200:
            raise classify_status(status, body, None)
        return f"{status} {truncate(one_line(body), 200)}"


def check_webhook_url(url: str) -> None:
    """https only (plain http only to this machine, for tests): urllib also opens file://."""
    parts = urlsplit(url)
    local = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if not (parts.scheme == "https" or (parts.scheme == "http" and local)):
        raise PermanentDeliveryError("Slack webhook URL must be an https:// URL")
