"""What a worker process does for one page: decoding, extraction, the analysis of its text
and the dedup candidate (its fingerprint included).

All of it is pure CPU work (the charset policy alone reads the whole page); running it in the
pool keeps the crawl's event loop free for downloads and the database, which only it can do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from analysis import Analysis, analyze
from crawler.article_extractor import extract_article
from crawler.encoding import decode_html
from crawler.ingest import candidate_for
from crawler.items import Extracted
from dedup import Candidate, fingerprint


@dataclass(frozen=True)
class PageJob:
    """One page for a worker: the bytes and what the listing said of them."""

    body: bytes
    content_type: bytes | None
    url: str
    source: str
    language: str
    selectors: dict[str, Any] | None = None
    link_title: str | None = None
    link_published: datetime | None = None


@dataclass(frozen=True)
class PageResult:
    extracted: Extracted
    analysis: Analysis
    candidate: Candidate


def extract_and_analyze(job: PageJob) -> PageResult:
    page_html = decode_html(job.body, job.content_type).text
    extracted = Extracted(**extract_article(page_html, job.url, job.selectors))
    title = extracted.title or job.link_title
    analysis = analyze(
        title=title, text=extracted.text, language=extracted.language or job.language,
        url=job.url, published=extracted.published_at,
    )
    candidate = candidate_for(
        text=extracted.text, title=title, source=job.source,
        published_at=extracted.published_at or job.link_published, analysis=analysis,
        fingerprint=fingerprint(extracted.text),
    )
    return PageResult(extracted, analysis, candidate)
