"""The one interface the relay needs from a channel."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from alerts.render import AlertMessage


@runtime_checkable
class Notifier(Protocol):
    """Sends one message on one channel.

    ``send`` returns the server's answer (SMTP reply, Slack body) on success and raises
    ``TransientDeliveryError`` or ``PermanentDeliveryError`` on failure; nothing else is
    expected to escape (the relay treats any other exception as transient).
    """

    channel: str

    def send(self, message: AlertMessage) -> str: ...
