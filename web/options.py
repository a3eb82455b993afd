"""What the dashboard needs to know, handed over by the CLI (web never reads settings)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_PAGE_SIZE = 200  # whatever a client asks for, one page never holds more
FEED_ENTRIES = 100


@dataclass(frozen=True)
class WebOptions:
    token: str | None = None  # when set, every request but /healthz must present it
    page_size: int = 50
    feed_authority: str = "newswatch.localhost"
    watches_file: Path | None = None

    @property
    def default_page_size(self) -> int:
        return max(1, min(self.page_size, MAX_PAGE_SIZE))
