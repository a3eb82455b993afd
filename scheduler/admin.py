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
from scheduler.config import AdminConfig

ADMIN_EMAIL = "admin_email"
ADMIN_SLACK = "admin_slack"


def admin_channels(admin: AdminConfig) -> list[str]:
    channels = []
    if admin.mail_server is not None and admin.email_to:
        channels.append(ADMIN_EMAIL)
    if admin.slack_webhook_url is not None:
        channels.append(ADMIN_SLACK)
    return channels


def admin_notifiers(admin: AdminConfig) -> dict[str, Notifier]:
    notifiers: dict[str, Notifier] = {}
    server = admin.mail_server
    if server is not None and admin.email_to:
        notifiers[ADMIN_EMAIL] = EmailNotifier(
            host=server.host, port=server.port, security=server.security,
            username=server.username, password=server.password,
            sender=server.sender, recipients=list(admin.email_to),
            timeout=server.timeout, channel=ADMIN_EMAIL,
        )
    if admin.slack_webhook_url is not None:
        notifiers[ADMIN_SLACK] = SlackNotifier(
            webhook_url=admin.slack_webhook_url, channel=ADMIN_SLACK
        )
    return notifiers


def deliver_admin_notices(admin: AdminConfig, engine: Engine) -> RelayReport | None:
    """Send the pending admin notices; ``None`` when no admin channel is configured."""
    notifiers = admin_notifiers(admin)
    if not notifiers:
        return None
    return Relay(engine, notifiers, max_attempts=admin.max_attempts).send_pending()
