"""The article model shared by every replica site, and small date/slug helpers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

try:  # Moroccan sites print local time; fall back to UTC+1 when tzdata is missing.
    MOROCCO = ZoneInfo("Africa/Casablanca")
except ZoneInfoNotFoundError:  # pragma: no cover - depends on the host
    MOROCCO = timezone(timedelta(hours=1))

FRENCH_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


@dataclass
class ReplicaArticle:
    """One article as the replica serves it; each site renders it with its own boilerplate."""

    site: str
    slug: str
    title: str
    lead: str | None
    paragraphs: list[str]
    published: datetime
    author: str | None
    section: str = "economie"
    language: str = "fr"
    bullets: list[str] = field(default_factory=list)
    # Ground truth for tests and benchmarks (e.g. {"on_topic": True, "jobs": 1200});
    # never rendered into any page.
    expected: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.published.tzinfo is None:
            raise ValueError(f"{self.slug}: published must be timezone-aware")

    @property
    def body_text(self) -> str:
        """Every visible body string, in page order (lead, paragraphs, bullets last)."""
        return "\n".join([*([self.lead] if self.lead else []), *self.paragraphs, *self.bullets])

    @property
    def word_count(self) -> int:
        return len(self.body_text.split())


def slugify(text: str) -> str:
    """ASCII WordPress-style slug: 'Fès : 800 emplois' -> 'fes-800-emplois'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def local_time(moment: datetime) -> datetime:
    return moment.astimezone(MOROCCO)


def french_date(moment: datetime) -> str:
    """'Le 20 avril 2022 à 12h22', as Médias24 and Le Matin print it (local time)."""
    local = local_time(moment)
    month = FRENCH_MONTHS[local.month - 1]
    return f"Le {local.day} {month} {local.year} à {local:%H}h{local:%M}"


def iso_utc(moment: datetime) -> str:
    """'2025-04-23T17:37:00+00:00', the form Yoast writes in meta tags and JSON-LD."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()
