"""The story filters of the dashboard and the API, read from query parameters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from web.errors import BadQuery
from web.options import MAX_PAGE_SIZE

MAX_FILTER_LENGTH = 200  # a filter value longer than any company or city name is a mistake
TEXT_FILTERS = ("company", "city", "kind", "language", "q")


@dataclass(frozen=True)
class StoryFilter:
    company: str = ""
    city: str = ""
    kind: str = ""
    language: str = ""
    q: str = ""
    since: datetime | None = None
    min_jobs: int | None = None

    def as_params(self) -> dict[str, str]:
        """The non-empty filters as query parameters (for links to the next page)."""
        params = {k: v for k, v in asdict(self).items() if k in TEXT_FILTERS and v}
        if self.since is not None:
            params["since"] = self.since.date().isoformat() if _is_midnight(self.since) else self.since.isoformat()
        if self.min_jobs is not None:
            params["min_jobs"] = str(self.min_jobs)
        return params


def _is_midnight(value: datetime) -> bool:
    return (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0)


def parse_filter(params: Mapping[str, str]) -> StoryFilter:
    texts = {name: _text(params, name) for name in TEXT_FILTERS}
    return StoryFilter(**texts, since=_since(params.get("since")), min_jobs=_min_jobs(params.get("min_jobs")))


def parse_page_size(value: str | None, default: int) -> int:
    """The asked page size, capped at MAX_PAGE_SIZE."""
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise BadQuery(f"limit: expected a whole number from 1 to {MAX_PAGE_SIZE}")
    return min(int(value), MAX_PAGE_SIZE)


def _text(params: Mapping[str, str], name: str) -> str:
    value = (params.get(name) or "").strip()
    if len(value) > MAX_FILTER_LENGTH:
        raise BadQuery(f"{name}: at most {MAX_FILTER_LENGTH} characters")
    return value


def _since(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise BadQuery("since: expected an ISO date, e.g. 2026-11-01 or 2026-11-01T08:00:00Z") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _min_jobs(value: str | None) -> int | None:
    if not value:
        return None
    if not value.strip().isdigit() or len(value.strip()) > 9:
        raise BadQuery("min_jobs: expected a whole number of jobs")
    return int(value)
