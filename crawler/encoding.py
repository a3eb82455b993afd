"""Decoding a page's bytes to text, when its declared charsets disagree or lie.

Policy (`decode_html`):

1. A byte-order mark wins: it cannot be there by accident.
2. Otherwise the candidates are the HTTP header charset, then the ``<meta>`` charset. Each is
   decoded strictly and scored with ftfy's mojibake "badness". The best candidate is the one
   that decodes without error and reads cleanest; on a tie the header wins, as in browsers.
   So a header that contradicts the page is overruled only on evidence: its decoding fails,
   or it produces mojibake ("Ã©") that the meta charset does not.
3. With nothing declared that decodes: UTF-8 if it decodes strictly, else charset-normalizer's
   guess, else windows-1252 with replacement characters (never an exception).
4. Mojibake left inside the chosen text (a page double-encoded at the source, "Ã©conomie")
   is repaired line by line with ``ftfy.fix_encoding``; clean lines are left untouched.

ftfy's badness check is a large regex that reads a few MB/s: on a 150 KB page it would cost
more than trafilatura. So a page is only handed to it when it holds a UTF-8 lead character
read as windows-1252/latin-1 followed by a continuation character (``Ã©``, ``Ø§``), the shape
every UTF-8 mojibake takes; clean text, in any script, almost never does.

Charset labels are resolved as browsers do (WHATWG): ``iso-8859-1`` means windows-1252.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import ftfy
from ftfy.badness import badness, is_bad
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

_SCORE_SAMPLE = 200_000  # characters scored per candidate: enough to see mojibake, cheap
# A UTF-8 lead byte (C2-F4) then a continuation byte (80-BF), both decoded as windows-1252.
_MOJIBAKE_PAIR = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    reason: str  # why this encoding: "bom", "header", "meta", "utf-8", "guessed", "fallback"


def decode_html(body: bytes, content_type: str | bytes | None = None) -> Decoded:
    """The page as text, following the module's policy; never raises on bad bytes."""
    bom, mark = read_bom(body)
    if bom and mark:
        encoding = _resolve(bom) or "utf-8"
        return Decoded(_repair(body[len(mark):].decode(encoding, "replace")), encoding, "bom")
    best = _best_declared(body, _declared(body, content_type))
    if best is not None:
        return Decoded(_repair(best[1]), best[0], best[2])
    return _undeclared(body)


def _declared(body: bytes, content_type: str | bytes | None) -> list[tuple[str, str]]:
    header = content_type.decode("latin-1") if isinstance(content_type, bytes) else content_type
    found = [("header", http_content_type_encoding(header or "")), ("meta", html_body_declared_encoding(body))]
    candidates: list[tuple[str, str]] = []
    for reason, label in found:
        encoding = _resolve(label)
        if encoding and encoding not in [e for _, e in candidates]:
            candidates.append((reason, encoding))
    return candidates


def _resolve(label: str | None) -> str | None:
    if not label:
        return None
    encoding = resolve_encoding(label)
    if encoding is None:
        return None
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def _best_declared(body: bytes, candidates: list[tuple[str, str]]) -> tuple[str, str, str] | None:
    scored = []
    for order, (reason, encoding) in enumerate(candidates):
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((_badness(text[:_SCORE_SAMPLE]), order, encoding, text, reason))
    if not scored:
        return None
    _score, _order, encoding, text, reason = min(scored, key=lambda entry: entry[:2])
    return encoding, text, reason


def _undeclared(body: bytes) -> Decoded:
    try:
        return Decoded(_repair(body.decode("utf-8")), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    guess = _guess(body)
    if guess is not None:
        return Decoded(_repair(body.decode(guess, "replace")), guess, "guessed")
    return Decoded(body.decode("cp1252", "replace"), "cp1252", "fallback")


def _guess(body: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported late: only undeclared pages need it

    match = from_bytes(body[:_SCORE_SAMPLE]).best()
    return _resolve(match.encoding) if match is not None else None


def _badness(text: str) -> int:
    return badness(text) if _MOJIBAKE_PAIR.search(text) else 0


def _looks_bad(text: str) -> bool:
    return _MOJIBAKE_PAIR.search(text) is not None and is_bad(text)


def _repair(text: str) -> str:
    if not _looks_bad(text):
        return text
    return "".join(ftfy.fix_encoding(line) if _looks_bad(line) else line for line in text.splitlines(keepends=True))
