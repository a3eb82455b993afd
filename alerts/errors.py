"""Named errors of the alerts package.

Notifiers raise only ``DeliveryError`` subclasses: the relay retries the transient ones and
sends the permanent ones to the dead-letter status. Messages never contain secrets (the
Slack webhook URL, the SMTP password).
"""

from __future__ import annotations


class AlertsError(Exception):
    """Base of every error raised by the alerts package."""


class DeliveryError(AlertsError):
    """A message could not be delivered."""


class TransientDeliveryError(DeliveryError):
    """Worth retrying later: connection refused, timeout, 429, 5xx, SMTP 4xx."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        # Seconds the server asked us to wait (HTTP Retry-After), if it said so.
        self.retry_after = retry_after


class PermanentDeliveryError(DeliveryError):
    """Retrying cannot help: invalid payload, webhook gone, auth or recipient refused."""


class ChannelNotConfigured(AlertsError):
    """A channel was asked for (e.g. ``alerts test --channel slack``) but is not set up."""


class AlertNotFound(AlertsError):
    """No alert row has the given id."""


class AlertNotResendable(AlertsError):
    """The alert is being sent right now; resending it could send it twice."""


class WatchesFileError(AlertsError):
    """The watches file (``NEWSWATCH_WATCHES``) cannot be read or is invalid; the message
    names the file, the watch and the key."""


class WatchNotFound(AlertsError):
    """No watch has the given name (``newswatch watches test NAME``)."""
