"""What a worker process does for one page: decoding, extraction, the analysis of its text
and its dedup fingerprint.

All of it is pure CPU work (the charset policy alone reads the whole page); running it in the
pool keeps the crawl's event loop free for downloads and the database, which only it can do.
"""

from __future__ import annotations

from typing import Any

from analysis import analyze
from crawler.encoding import decode_html
from crawler.extract import extract_article
from dedup import Fingerprint, fingerprint


def extract_and_analyze(
    body: bytes,
    content_type: bytes | None,
    url: str,
    selectors: dict[str, Any] | None,
    link_title: str | None,
    language: str,
) -> tuple[dict[str, Any], Any, Fingerprint]:
    page_html = decode_html(body, content_type).text
    fields = extract_article(page_html, url, selectors)
    analysis = analyze(
        title=fields["title"] or link_title, text=fields["text"],
        language=fields["language"] or language, url=url, published=fields["published_at"],
    )
    return fields, analysis, fingerprint(fields["text"])
