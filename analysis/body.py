"""Separating the article body from page furniture: teasers, footers, datelines, ads."""

from __future__ import annotations

import re
from functools import cache

from analysis.resources import cue_list
from analysis.text import fold

# Footers that can sit inside a one-line extraction (no line breaks to split on).
_INLINE_END = re.compile(
    r"(?:Si vous voulez que l.information se rapproche|©|The post .{0,300}? appeared first on|"
    r"Suivez la cha[iî]ne|Tous droits r[ée]serv[ée]s|Ces articles devraient vous int[ée]resser)",
    re.IGNORECASE,
)
_INLINE_NOISE = re.compile(r"\((?:Publicit[ée]|Advertisement|إعلان)\)", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?:(?:le|publi[ée] le|mis à jour|modifi[ée]|updated|published|date)\b.{0,60}\d{4}|"
    r"\d{1,2}[ /.-]\w+[ /.-]\d{2,4}\b.{0,60}$|.{0,40}\d{1,2}h\d{2}.{0,60}$)",
    re.IGNORECASE,
)
_MIN_BODY_SHARE = 0.25


@cache
def _markers(key: str) -> tuple[str, ...]:
    return tuple(fold(m) for m in cue_list("boilerplate", key))


def _starts_with_any(folded_line: str, markers: tuple[str, ...]) -> bool:
    return any(folded_line.startswith(m) for m in markers)


def _is_dateline(line: str) -> bool:
    return len(line) < 110 and bool(_DATELINE.match(line.strip()))


def main_body(text: str) -> str:
    """The article text without teasers, footers and dateline lines (kept conservative)."""
    text = _INLINE_NOISE.sub(" ", text)
    inline = _INLINE_END.search(text)
    if inline and inline.start() > len(text) * _MIN_BODY_SHARE:
        text = text[: inline.start()]
    kept: list[str] = []
    seen_chars = 0
    skip_next = False
    for line in text.splitlines():
        stripped = line.strip()
        folded = fold(stripped)
        if not stripped:
            continue
        if skip_next:
            skip_next = False
            continue
        if _starts_with_any(folded, _markers("drop")):
            skip_next = len(stripped) <= 30  # a bare "Lire aussi" line: the teaser follows
            continue
        if seen_chars > len(text) * _MIN_BODY_SHARE and _starts_with_any(folded, _markers("cut")):
            break
        seen_chars += len(line) + 1
        if _is_dateline(stripped):
            continue
        kept.append(stripped)
    return "\n".join(kept)
