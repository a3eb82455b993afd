"""The `--jsonl` contract: one JSON object in, one analysis object out, never abort the stream."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Iterable, TextIO

from analysis.errors import InputError
from analysis.pipeline import analyze

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
    return {"id": record.get("id"), **result.to_dict()}


def _error_object(record: Any, message: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if isinstance(record, dict) and "id" in record:
        out["id"] = record["id"]
    out["error"] = message
    return out


def process_line(line: str) -> dict[str, Any] | None:
    """Output object for one input line; None for a blank line (nothing to answer)."""
    if not line.strip():
        return None
    record: Any = None
    try:
        record = json.loads(line)
        return analyze_record(record)
    except json.JSONDecodeError as exc:
        return _error_object(None, f"invalid JSON: {exc.msg} at column {exc.colno}")
    except InputError as exc:
        return _error_object(record, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the stream
        return _error_object(record, f"analysis failed: {type(exc).__name__}: {exc}")


def run_jsonl(lines: Iterable[str], out: TextIO) -> int:
    """Analyse every line, write one JSON object per non-blank input line; returns the count of errors."""
    errors = 0
    for line in lines:
        result = process_line(line)
        if result is None:
            continue
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
