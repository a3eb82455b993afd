"""Opaque pagination cursors: clients pass back what they were given, never build one."""

from __future__ import annotations

import base64
import binascii
import json

from web.errors import BadQuery

_VERSION = 1


def encode_cursor(before_id: int) -> str:
    raw = json.dumps({"v": _VERSION, "before": before_id}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    """The id the next page starts below; None for the first page."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        before = data["before"] if data.get("v") == _VERSION else None
    except (binascii.Error, ValueError, UnicodeError, TypeError, KeyError, AttributeError):
        before = None
    if not isinstance(before, int) or isinstance(before, bool) or before < 1:
        raise BadQuery("cursor: not a cursor this server gave out (start again without it)")
    return before
