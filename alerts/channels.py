"""The channels' configuration, typed: the mail server, and what `build_notifiers` reads.

The composition root's settings object satisfies `ChannelSettings` as it is (its
``NEWSWATCH_SMTP_*``, ``EMAIL_TO``, ``SLACK_WEBHOOK_URL``, ``APPRISE_URLS`` and ``ALERTING``
fields); alerts never imports it.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, SecretStr

from alerts.config import AlertingConfig
from alerts.email import Security


class MailServer(BaseModel):
    """One SMTP server and the sender address it sends as."""

    host: str
    port: int = 587
    security: Security = "starttls"
    username: str | None = None
    password: SecretStr | None = None
    sender: str = "newswatch@localhost"
    timeout: float = 20.0


class ChannelSettings(Protocol):
    """The global channels (the default watch's) and the alerting policy with its watches."""

    @property
    def smtp_host(self) -> str | None: ...
    @property
    def smtp_port(self) -> int: ...
    @property
    def smtp_security(self) -> Security: ...
    @property
    def smtp_username(self) -> str | None: ...
    @property
    def smtp_password(self) -> SecretStr | None: ...
    @property
    def smtp_from(self) -> str: ...
    @property
    def smtp_timeout(self) -> float: ...
    @property
    def email_to(self) -> list[str]: ...
    @property
    def slack_webhook_url(self) -> SecretStr | None: ...
    @property
    def apprise_urls(self) -> list[SecretStr]: ...
    @property
    def alerting(self) -> AlertingConfig: ...
    @property
    def email_enabled(self) -> bool: ...
    @property
    def slack_enabled(self) -> bool: ...
