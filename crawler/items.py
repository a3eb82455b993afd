"""What flows through the pipeline stages, one stage filling in after another."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from analysis.model import Analysis
from dedup import Candidate


@dataclass
class Extracted:
    title: str
    text: str
    published_at: datetime | None
    author: str | None
    language: str | None
    canonical_url: str | None
    truncated: bool = False


@dataclass
class ArticleItem:
    source: str
    url: str  # canonical: the seen-store key
    fetched_url: str
    http_status: int
    body: bytes  # decoded in the worker, under `crawler.encoding`'s policy
    content_type: bytes | None = None
    link_title: str | None = None
    link_published: datetime | None = None
    rung: str | None = None
    extracted: Extracted | None = None
    analysis: Analysis | None = None
    candidate: Candidate | None = None  # what dedup compares, fingerprint included
