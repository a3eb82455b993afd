"""What a source's health line says about a failed run."""

from __future__ import annotations

from crawler.recorder import SourceTally


def test_the_first_site_level_failure_is_named_even_after_page_level_ones() -> None:
    tally = SourceTally()
    tally.error_kinds.update({"NotAnArticle": 1, "FeedBroken": 1, "HttpError": 1})
    tally.note_error("NotAnArticle", "served application/pdf, not HTML", "https://x.ma/a.pdf")
    tally.note_error("FeedBroken", "feed is not XML", "https://x.ma/feed")
    tally.note_error("HttpError", "HTTP 500", "https://x.ma/sitemap.xml")

    summary = tally.error_summary("failed")

    assert summary.startswith("NotAnArticle×1, FeedBroken×1, HttpError×1; ")
    assert summary.endswith("first FeedBroken: feed is not XML (https://x.ma/feed)")


def test_without_failures_the_summary_is_the_status() -> None:
    assert SourceTally().error_summary("failed") == "failed"
