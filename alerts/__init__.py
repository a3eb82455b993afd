"""alerts: the outbox, its relay, watches, and the email, Slack, webhook and Apprise channels.

Public entry points::

    enqueue_story_alerts(session, story=..., article=..., channels=..., now=..., window=...)
    Relay(engine, build_notifiers(settings), clock=...).send_pending()
    resend(session, alert_id)
    test_channel(settings, "email" | "slack" | "apprise")
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from datetime import datetime

from pydantic import SecretStr

from alerts.apprise_channel import AppriseNotifier
from alerts.channels import ChannelSettings, MailServer
from alerts.config import AlertingConfig, DigestConfig, QuietHours, RouteRule
from alerts.digest import enqueue_digest
from alerts.email import EmailNotifier
from alerts.errors import (
    AlertNotFound,
    AlertNotResendable,
    ChannelNotConfigured,
    DeliveryError,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from alerts.notifier import Notifier
from alerts.outbox import enqueue_story_alerts
from alerts.relay import Relay, RelayReport, resend
from alerts.render import AlertMessage
from alerts.slack import SlackNotifier
from alerts.watches import Watch, default_watch, load_watches, story_matches
from alerts.webhook import WebhookNotifier
from storage.clock import utcnow

__all__ = [
    "AlertMessage",
    "AlertingConfig",
    "ChannelSettings",
    "MailServer",
    "DigestConfig",
    "QuietHours",
    "RouteRule",
    "enqueue_digest",
    "AlertNotFound",
    "AlertNotResendable",
    "ChannelNotConfigured",
    "DeliveryError",
    "Notifier",
    "PermanentDeliveryError",
    "Relay",
    "RelayReport",
    "TransientDeliveryError",
    "Watch",
    "WebhookNotifier",
    "build_notifiers",
    "configured_watches",
    "enqueue_story_alerts",
    "load_watches",
    "resend",
    "story_matches",
    "test_channel",
]


def _email(settings: ChannelSettings, ssl_context: ssl.SSLContext | None,
           clock: Callable[[], datetime], recipients: list[str] | None = None,
           channel: str = "email") -> EmailNotifier:
    host = settings.smtp_host
    assert host is not None  # callers build email only with a mail server
    return EmailNotifier(
        host=host,
        port=settings.smtp_port,
        security=settings.smtp_security,
        username=settings.smtp_username,
        password=settings.smtp_password,
        sender=settings.smtp_from,
        recipients=list(settings.email_to if recipients is None else recipients),
        timeout=settings.smtp_timeout,
        ssl_context=ssl_context,
        clock=clock,
        channel=channel,
    )


def _watch_notifiers(
    settings: ChannelSettings, ssl_context: ssl.SSLContext | None, clock: Callable[[], datetime]
) -> dict[str, Notifier]:
    """The channels of the watches file's watches: ``email:NAME``, ``slack:NAME``, ..."""
    notifiers: dict[str, Notifier] = {}
    alerting = getattr(settings, "alerting", None)
    for watch in alerting.watches if alerting is not None else []:
        if watch.email_to and settings.smtp_host:
            name = watch.channel("email")
            notifiers[name] = _email(settings, ssl_context, clock, watch.email_to, name)
        if watch.slack_webhook_url is not None:
            name = watch.channel("slack")
            notifiers[name] = SlackNotifier(webhook_url=watch.slack_webhook_url, channel=name)
        if watch.webhook_url is not None and watch.webhook_secret is not None:
            name = watch.channel("webhook")
            notifiers[name] = WebhookNotifier(url=watch.webhook_url, secret=watch.webhook_secret,
                                              channel=name, rates=watch.rates, clock=clock)
    return notifiers


def _reveal(value: SecretStr | str) -> str:
    # Apprise URLs embed tokens, so settings should hold them as SecretStr.
    return value.get_secret_value() if isinstance(value, SecretStr) else value


def build_notifiers(
    settings: ChannelSettings,
    *,
    ssl_context: ssl.SSLContext | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> dict[str, Notifier]:
    """The configured channels, by name: ``email``, ``slack``, ``apprise`` (the default
    watch's), then each watch's (``email:NAME``, ``slack:NAME``, ``webhook:NAME``).

    ``ssl_context`` overrides the system trust store for SMTP (a private CA, tests).
    """
    notifiers: dict[str, Notifier] = {}
    if settings.email_enabled:
        notifiers["email"] = _email(settings, ssl_context, clock)
    if settings.slack_enabled and settings.slack_webhook_url is not None:
        notifiers["slack"] = SlackNotifier(webhook_url=settings.slack_webhook_url)
    urls = [_reveal(u) for u in getattr(settings, "apprise_urls", None) or []]
    if urls:
        notifiers["apprise"] = AppriseNotifier(urls=urls)
    notifiers.update(_watch_notifiers(settings, ssl_context, clock))
    return notifiers


def configured_watches(settings: ChannelSettings) -> list[Watch]:
    """Every watch: the default one on the global channels, then the watches file's."""
    default = default_watch(
        email_to=list(settings.email_to) if settings.email_enabled else [],
        slack_webhook_url=settings.slack_webhook_url,
    )
    return [default, *settings.alerting.watches]


def test_message(channel: str, now: datetime) -> AlertMessage:
    return AlertMessage(
        key=f"test:{channel}:{now.isoformat()}",
        kind="test",
        title="newswatch can reach this channel",
        source="newswatch",
        published_at=now,
        body=f"This is a test message sent on the {channel} channel. No action needed.",
    )


def test_channel(
    settings: ChannelSettings,
    channel: str,
    *,
    ssl_context: ssl.SSLContext | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> str:
    """Send a test message on ``channel`` now (no outbox); returns the server's answer.

    Raises ``ChannelNotConfigured`` or a ``DeliveryError`` the CLI can show as is.
    """
    notifiers = build_notifiers(settings, ssl_context=ssl_context, clock=clock)
    if channel not in notifiers:
        raise ChannelNotConfigured(f"channel {channel!r} is not configured")
    return notifiers[channel].send(test_message(channel, clock()))


test_channel.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
test_message.__test__ = False  # type: ignore[attr-defined]
