"""The generic webhook channel: a signed JSON POST of the story (``docs/webhook.md``).

The body follows the schema ``newswatch.story/1`` (``docs/webhook.schema.json``). Each
attempt is signed with HMAC-SHA256 over ``"{timestamp}.{body}"``; the receiver recomputes it
with the shared secret and refuses an old timestamp (replays). The webhook URL may embed a
token and the secret is a credential: neither appears in errors or logs.

Answers: 2xx is delivered; 408, 425, 429 and 5xx are retried (Retry-After honoured); a
redirect or any other 4xx (410 gone, 401, 404, 400) is permanent, the alert dead.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.message import Message
from typing import Any

from pydantic import SecretStr

from alerts.email_body import plain_text
from alerts.errors import DeliveryError, PermanentDeliveryError, TransientDeliveryError
from alerts.render import AlertMessage
from alerts.slack import retry_after_seconds
from alerts.text import one_line, safe_url, truncate
from alerts.watches import DEFAULT_RATES, amount_in_mad, check_hook_url, watch_of_channel
from storage.clock import utcnow

SCHEMA = "newswatch.story/1"
SIGNATURE_HEADER = "X-Newswatch-Signature"
TIMESTAMP_HEADER = "X-Newswatch-Timestamp"
DELIVERY_HEADER = "X-Newswatch-Delivery"
SCHEMA_HEADER = "X-Newswatch-Schema"
MAX_BODY = 64 * 1024
STORY_EVENTS = ("announcement", "update")
_TRANSIENT_4XX = {408, 425, 429}


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The header value: ``sha256=`` and the hex HMAC-SHA256 of ``timestamp.body``."""
    digest = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body,
                      hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def _investment(message: AlertMessage, rates: dict[str, float]) -> dict[str, Any] | None:
    if message.investment_amount is None:
        return None
    return {
        "amount": message.investment_amount,
        "currency": message.investment_currency or "MAD",
        "amount_mad": amount_in_mad(message.investment_amount, message.investment_currency, rates),
    }


def _story(message: AlertMessage, rates: dict[str, float]) -> dict[str, Any]:
    return {
        "id": message.story_id,
        "article_id": message.article_id,
        "title": message.title,
        "source": message.source,
        "url": safe_url(message.url),
        "published_at": message.published_at.isoformat() if message.published_at else None,
        "language": message.language,
        "kinds": list(message.kinds),
        "jobs": message.jobs,
        "investment": _investment(message, rates),
        "companies": list(message.companies),
        "cities": list(message.cities),
        "evidence": list(message.evidence),
        "headline_only": message.headline_only,
        "also_reported_by": [
            {"source": link.source, "url": safe_url(link.url), "title": link.title,
             "figures": link.figures or None}
            for link in message.also_reported
        ],
    }


def _previous(message: AlertMessage) -> dict[str, Any] | None:
    before = message.before
    if before is None:
        return None
    amount = None
    if before.investment_amount is not None:
        amount = {"amount": before.investment_amount, "currency": before.investment_currency or "MAD"}
    return {"jobs": before.jobs, "investment": amount}


def build_payload(
    message: AlertMessage, *, watch: str, sent_at: datetime,
    rates: dict[str, float] | None = None,
) -> dict[str, Any]:
    """The JSON document of schema ``newswatch.story/1`` for ``message``."""
    is_story = message.kind in STORY_EVENTS
    return {
        "schema": SCHEMA,
        "event": message.kind,
        "key": message.key,
        "version": message.version,
        "watch": watch,
        "sent_at": sent_at.isoformat(),
        "story": _story(message, rates or DEFAULT_RATES) if is_story else None,
        "previous": _previous(message) if is_story else None,
        # Digests, notices and tests carry no story: their text, as the email gives it.
        "text": None if is_story else plain_text(message),
    }


def encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def classify_status(status: int, body: str, headers: Message | None) -> DeliveryError:
    detail = f"webhook answered {status}: {truncate(one_line(body), 200)}"
    if 300 <= status < 400:
        return PermanentDeliveryError(f"webhook answered {status} (a redirect, not followed): "
                                      "configure the final URL")
    if status >= 500 or status in _TRANSIENT_4XX:
        retry_after = retry_after_seconds(headers.get("Retry-After") if headers else None)
        return TransientDeliveryError(detail, retry_after=retry_after)
    return PermanentDeliveryError(detail)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # urllib would turn a redirected POST into a GET without the body: refuse instead.
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@dataclass
class WebhookNotifier:
    url: SecretStr = field(repr=False)
    secret: SecretStr = field(repr=False)
    channel: str = "webhook"
    rates: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_RATES))
    timeout: float = 15.0
    clock: Callable[[], datetime] = utcnow

    def send(self, message: AlertMessage) -> str:
        try:
            check_hook_url(self.url)
        except ValueError:
            raise PermanentDeliveryError("webhook URL must be an https:// URL") from None
        now = self.clock()
        body = encode(build_payload(message, watch=watch_of_channel(self.channel), sent_at=now,
                                    rates=self.rates))
        timestamp = str(int(now.timestamp()))
        request = urllib.request.Request(
            self.url.get_secret_value(), data=body, method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "User-Agent": "newswatch-webhook/1",
                SCHEMA_HEADER: SCHEMA,
                DELIVERY_HEADER: message.key,
                TIMESTAMP_HEADER: timestamp,
                SIGNATURE_HEADER: signature(self.secret.get_secret_value(), timestamp, body),
            },
        )
        return self._post(request)

    def _post(self, request: urllib.request.Request) -> str:
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=self.timeout) as response:
                status = response.status
                answer = response.read(MAX_BODY).decode("utf-8", errors="replace")
        except urllib.error.HTTPError as exc:
            answer = exc.read(MAX_BODY).decode("utf-8", errors="replace")
            raise classify_status(exc.code, answer, exc.headers) from None
        except (TimeoutError, urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise TransientDeliveryError(
                f"webhook unreachable: {type(reason).__name__}: {reason}"
            ) from None
        if not 200 <= status < 300:
            raise classify_status(status, answer, None)
        return f"{status} {truncate(one_line(answer), 200)}".rstrip()
