"""The admin channel: source-health notices for whoever runs newswatch, never the analysts.

Notices are outbox rows on their own channels (``admin_email``, ``admin_slack``). The
analysts' relay only claims the channels it has notifiers for (email, slack, apprise), so
an admin notice can never reach them; this module's relay sends the admin rows.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from alerts.email import EmailNotifier
from alerts.notifier import Notifier
from alerts.relay import Relay, RelayReport
from alerts.slack import SlackNotifier
from newswatch.settings import Settings

ADMIN_EMAIL = "admin_email"
ADMIN_SLACK = "admin_slack"


def admin_channels(settings: Settings) -> list[str]:
    channels = []
    if settings.smtp_host and settings.admin_email_to:
        channels.append(ADMIN_EMAIL)
    if settings.admin_slack_webhook_url is not None:
        channels.append(ADMIN_SLACK)
    return channels


def admin_notifiers(settings: Settings) -> dict[str, Notifier]:
    notifiers: dict[str, Notifier] = {}
    if ADMIN_EMAIL in admin_channels(settings):
        assert settings.smtp_host is not None
        notifiers[ADMIN_EMAIL] = EmailNotifier(
            host=settings.smtp_host, port=settings.smtp_port, security=settings.smtp_security,
            username=settings.smtp_username, password=settings.smtp_password,
            sender=settings.smtp_from, recipients=list(settings.admin_email_to),
            timeout=settings.smtp_timeout, channel=ADMIN_EMAIL,
        )
    if settings.admin_slack_webhook_url is not None:
        notifiers[ADMIN_SLACK] = SlackNotifier(
            webhook_url=settings.admin_slack_webhook_url, channel=ADMIN_SLACK
        )
    return notifiers


def deliver_admin_notices(settings: Settings, engine: Engine) -> RelayReport | None:
    """Send the pending admin notices; ``None`` when no admin channel is configured."""
    notifiers = admin_notifiers(settings)
    if not notifiers:
        return None
    return Relay(engine, notifiers, max_attempts=settings.alert_max_attempts).send_pending()
