"""The `--jsonl` contract: one JSON object in, one analysis object out, never abort the stream.

Every input line, blank or broken ones included, gets exactly one output line carrying its
1-based ``line`` number, so output N always answers input N."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any, TextIO

from analysis.errors import InputError
from analysis.pipeline import MAX_CHARS, analyze

CONTRACT_FIELDS = ("id", "language", "relevant", "relevance", "announcement", "kinds", "jobs", "investment",
                   "companies", "cities", "evidence")


def _parse_published(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError("published must be an ISO 8601 string")
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputError(f"published is not ISO 8601: {value!r}") from exc


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"{key} must be a string or null")


def analyze_record(record: Any) -> dict[str, Any]:
    """Analysis of one decoded input object, as the output object (raises InputError)."""
    if not isinstance(record, dict):
        raise InputError("each line must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("text is missing or not a string")
    result = analyze(
        title=_optional_str(record, "title"),
        text=text,
        language=_optional_str(record, "language"),
        url=_optional_str(record, "url"),
        published=_parse_published(record.get("published")),
    )
    # The analysis reads the first MAX_CHARS characters only: say so rather than drop the rest silently.
    return {"id": record.get("id"), **result.to_dict(), "truncated": len(text) > MAX_CHARS}


# The id of a line that is not valid JSON, when its "id" member itself is intact.
_ID_MEMBER = re.compile(r'"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)')


def _salvaged_id(text: str) -> Any:
    match = _ID_MEMBER.search(text)
    return json.loads(match.group(1)) if match else None


def _error_object(number: int, record: Any, message: str, text: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {"line": number}
    if isinstance(record, dict) and "id" in record:
        out["id"] = record["id"]
    elif record is None and _salvaged_id(text) is not None:
        out["id"] = _salvaged_id(text)
    out["error"] = message
    return out


def _decoded(line: str | bytes, number: int) -> str:
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8: byte 0x{line[exc.start]:02x} at column {exc.start + 1}") from None
    if number == 1:
        line = line.removeprefix("\ufeff")  # a byte-order mark some editors write
    # The line's own newline is not part of the JSON: json would count it and report the
    # column of an error at the end of the line as "line 2, column 1".
    return line.rstrip("\r\n")


def process_line(line: str | bytes, number: int = 1) -> dict[str, Any]:
    """Output object for input line ``number`` (1-based); blank and broken lines get an error object."""
    record: Any = None
    text = ""
    try:
        text = _decoded(line, number)
        if not text.strip():
            raise InputError("blank line")
        record = json.loads(text)
        return analyze_record(record) | {"line": number}
    except json.JSONDecodeError as exc:
        return _error_object(number, None, f"invalid JSON at column {exc.colno}: {exc.msg}", text)
    except InputError as exc:
        return _error_object(number, record, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the stream
        return _error_object(number, record, f"analysis failed: {type(exc).__name__}: {exc}")


def run_jsonl(lines: Iterable[str | bytes], out: TextIO) -> int:
    """Analyse every line, write exactly one JSON object per input line; returns the count of errors."""
    errors = 0
    for number, line in enumerate(lines, start=1):
        result = process_line(line, number)
        if "error" in result:
            errors += 1
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return errors


def analyze_document(text: str, title: str | None = None) -> dict[str, Any]:
    """Analysis of a plain document (file or stdin). Without a title, a short first line is taken as one."""
    if title is None:
        first, _, rest = text.strip().partition("\n")
        if rest.strip() and 0 < len(first.strip()) <= 200 and not first.rstrip().endswith((".", ":")):
            title, text = first.strip(), rest
    return analyze(title=title, text=text).to_dict()
