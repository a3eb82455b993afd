"""Keeping right-to-left article text from reordering the left-to-right frame around it.

HTML uses ``<bdi>`` and ``dir`` attributes; plain text and Slack have only Unicode controls,
which are added only where right-to-left text is present, so French and English alerts
carry no invisible characters.
"""

from __future__ import annotations

import unicodedata

FSI = "\u2068"  # first strong isolate: the enclosed text takes its own direction
PDI = "\u2069"  # pop directional isolate
LRM = "\u200e"  # left-to-right mark: a line starting with it is laid out left to right


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def isolate(text: str) -> str:
    """``text`` wrapped in FSI…PDI when it holds right-to-left letters, else unchanged."""
    return f"{FSI}{text}{PDI}" if has_rtl(text) else text


def ltr_line(text: str) -> str:
    """A line that stays left to right even when it starts with right-to-left text."""
    return f"{LRM}{text}" if has_rtl(text) else text
