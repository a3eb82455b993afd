"""What a worker process does for one page: extraction, then the analysis of its text.

Both are pure CPU work; running them in the pool, beside each other, keeps the crawl's event
loop free for downloads and the database.
"""

from __future__ import annotations

from typing import Any

from analysis import analyze
from crawler.extract import extract_article


def extract_and_analyze(
    page_html: str, url: str, selectors: dict[str, Any] | None, link_title: str | None, language: str
) -> tuple[dict[str, Any], Any]:
    fields = extract_article(page_html, url, selectors)
    analysis = analyze(
        title=fields["title"] or link_title, text=fields["text"],
        language=fields["language"] or language, url=url, published=fields["published_at"],
    )
    return fields, analysis
