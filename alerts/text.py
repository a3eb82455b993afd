"""Small text helpers shared by the email and Slack renderers."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from urllib.parse import urlsplit

_SPACE = re.compile(r"\s+")
ELLIPSIS = "…"


def one_line(text: str | None) -> str:
    """``text`` on one line: CR, LF, tabs and other controls become single spaces.

    Why: a newline in a mail header makes ``EmailMessage`` raise (or, in older code paths,
    lets a title inject a ``Bcc:`` header); Slack headers must be one line too.
    """
    if not text:
        return ""
    cleaned = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text
    )
    return _SPACE.sub(" ", cleaned).strip()


def truncate(text: str, limit: int) -> str:
    """At most ``limit`` characters, ending with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def safe_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) link; ``None`` otherwise.

    Refuses other schemes (``javascript:``, ``data:``, ``file:``), whitespace and control
    characters, and the characters that end or split a Slack ``<url|text>`` link.
    """
    if not url or len(url) > 2000:
        return None
    if any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in url):
        return None
    if any(ch in url for ch in '|<>"'):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def format_number(value: float) -> str:
    """``65.0`` -> ``65``, ``1.25`` -> ``1.25``, ``1200`` -> ``1,200``."""
    rounded = round(float(value), 2)
    if rounded.is_integer():
        return f"{int(rounded):,}"
    return f"{rounded:,.2f}".rstrip("0").rstrip(".")


def format_amount(amount: float | None, currency: str | None) -> str | None:
    """An investment like analysts write it: ``65 M MAD``, ``1.2 Md MAD``, ``500,000 EUR``."""
    if amount is None:
        return None
    unit = one_line(currency) or ""
    for scale, suffix in ((1e9, "Md"), (1e6, "M")):
        if abs(amount) >= scale:
            return f"{format_number(amount / scale)} {suffix} {unit}".strip()
    return f"{format_number(amount)} {unit}".strip()


def format_when(when: datetime | None) -> str | None:
    if when is None:
        return None
    if when.tzinfo is None:  # storage gives aware UTC; be lenient with hand-built objects
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
