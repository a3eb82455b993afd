"""The one clock every layer reads: aware UTC now.

Functions that need time take a ``clock`` (or ``now``) parameter defaulting to this, so tests
pass their own.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
