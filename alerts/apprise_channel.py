"""Optional extra channels through Apprise (``pip install newswatch[apprise]``).

Apprise reports only success or failure per service, so every failure counts as transient
(retried until ``alert_max_attempts``, then dead). Apprise URLs hold credentials: they are
never logged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from alerts.email_body import plain_text, subject
from alerts.errors import PermanentDeliveryError, TransientDeliveryError
from alerts.render import AlertMessage


def _load_apprise() -> Any:
    try:
        import apprise  # noqa: PLC0415 - optional dependency, imported only when configured
    except ImportError as exc:
        raise PermanentDeliveryError(
            "apprise is not installed: pip install newswatch[apprise]"
        ) from exc
    return apprise


@dataclass
class AppriseNotifier:
    urls: list[str] = field(repr=False)
    channel: str = "apprise"

    def send(self, message: AlertMessage) -> str:
        apprise = _load_apprise()
        client = apprise.Apprise()
        if not client.add(list(self.urls)) or len(client) == 0:
            raise PermanentDeliveryError("no valid Apprise URL configured")
        result = client.notify(body=plain_text(message), title=subject(message),
                               body_format=apprise.NotifyFormat.TEXT)
        # Recent Apprise returns a per-service result; older ones a plain bool.
        outcomes = [bool(r) for r in result] if hasattr(result, "__iter__") else []
        delivered = sum(outcomes) if outcomes else len(client) * bool(result)
        if delivered == 0:
            raise TransientDeliveryError(f"Apprise: all {len(client)} service(s) failed")
        # Some services took it: retrying would duplicate it on those, so report and stop.
        return f"Apprise: delivered to {delivered} of {len(client)} service(s)"
