"""Fault suite, HTTP and network: error statuses, Retry-After, silence, resets, truncation.

One crawl over every case (one source each), with a download timeout no answer comes near;
each test reads what that crawl recorded. The silent server, whose case is the timeout
itself, has a crawl of its own with a short one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from faultserver import (
    FaultRun,
    FaultServer,
    crawled,
    delayed,
    hang,
    page,
    reset_mid_body,
    rss,
    sequence,
    truncated,
)

# Under the crawl's cap (max_retry_after=5), and seconds longer than the slow feed's delay, so
# the slow site is fetched during the wait even on a busy machine.
RETRY_AFTER = 4
SLOW_FEED_DELAY = 0.5
# The silent case's own crawl: the timeout has to fire, once (no retry) and soon.
SILENT_CRAWL = {"download_timeout": 6, "retry_times": 0}


def build(server: FaultServer) -> None:
    server.site("article-4xx").standard("/a/gone-404", "/a/gone-410")
    server.sites["article-4xx"].route("/a/gone-404", page("<h1>introuvable</h1>", status=404))
    server.sites["article-4xx"].route("/a/gone-410", page("<h1>supprimé</h1>", status=410))

    errors = server.site("article-5xx").standard("/a/error-500", "/a/error-503")
    errors.route("/a/error-500", page("<h1>Internal Server Error</h1>", status=500))
    errors.route("/a/error-503", page("<h1>Service Unavailable</h1>", status=503))

    for status in (404, 410, 500, 503):
        site = server.site(f"feed-{status}")
        site.route("/feed.xml", page("<h1>erreur</h1>", status=status))
        site.use(feeds=[site.url("/feed.xml")], sections=[site.section([site.good()])])

    throttled = server.site("retry-after")
    slow_down = page("slow down", status=429, headers={"Retry-After": str(RETRY_AFTER)})
    throttled.good("throttled", sequence(slow_down, throttled.article("throttled")))
    throttled.standard()

    slow = server.site("slow-feed")  # its article is fetched while the retry above waits
    slow.route("/feed.xml", delayed(SLOW_FEED_DELAY, page(rss([slow.good()]), content_type="application/rss+xml")))
    slow.use(feeds=[slow.url("/feed.xml")])

    capped = server.site("retry-after-too-long").standard("/a/throttled")
    capped.route("/a/throttled", page("come back tomorrow", status=429, headers={"Retry-After": "86400"}))

    server.site("reset").standard("/a/reset").route("/a/reset", reset_mid_body())
    server.site("truncated").standard("/a/truncated").route("/a/truncated", truncated())


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultRun]:
    with crawled(Path(tmp_path_factory.mktemp("faults-http")), build) as result:
        yield result


def build_silent(server: FaultServer) -> None:
    server.site("silent").standard("/a/silent").route("/a/silent", hang)


@pytest.fixture(scope="module")
def silent_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultRun]:
    with crawled(Path(tmp_path_factory.mktemp("faults-silent")), build_silent, **SILENT_CRAWL) as result:
        yield result


def test_every_good_article_of_the_run_is_stored(run: FaultRun) -> None:
    run.assert_good_stored()
    assert run.summary.status in ("ok", "partial")


@pytest.mark.parametrize("status", [404, 410])
def test_missing_article_is_recorded_and_never_retried(run: FaultRun, status: int) -> None:
    error = run.error_for("article-4xx", f"/a/gone-{status}")
    assert (error.kind, error.http_status) == ("HttpError", status)
    page_row = run.page(error.url or "")
    assert page_row is not None and page_row.outcome == "failed"  # marked seen for good
    assert run.source_run("article-4xx").status == "ok"


@pytest.mark.parametrize("status", [500, 503])
def test_server_error_is_retried_then_recorded_and_retried_next_run(run: FaultRun, status: int) -> None:
    error = run.error_for("article-5xx", f"/a/error-{status}")
    assert (error.kind, error.http_status) == ("HttpError", status)
    assert len(run.server.hits_for("article-5xx", f"/a/error-{status}")) == 2  # retry_times=1
    assert run.page(error.url or "") is None  # not marked seen: a server fault may heal


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_failing_feed_falls_back_to_the_section_page(run: FaultRun, status: int) -> None:
    error = run.error_for(f"feed-{status}", "/feed.xml")
    assert (error.kind, error.http_status) == ("HttpError", status)
    assert run.source_run(f"feed-{status}").rung == "section"
    assert len(run.articles(f"feed-{status}")) == 1


def test_retry_after_is_honoured(run: FaultRun) -> None:
    hits = run.server.hits_for("retry-after", "/a/throttled")
    assert len(hits) == 2
    assert hits[1].at - hits[0].at >= RETRY_AFTER
    assert run.errors("retry-after") == []
    # The wait is a timer, not a sleep of the reactor: other sites were fetched meanwhile.
    slow = run.server.hits_for("slow-feed", "/a/good")
    assert slow and hits[0].at < slow[0].at < hits[1].at


def test_retry_after_past_the_cap_is_not_retried_early(run: FaultRun) -> None:
    error = run.error_for("retry-after-too-long", "/a/throttled")
    assert (error.kind, error.http_status) == ("RateLimited", 429)
    assert "86400" in error.message
    assert len(run.server.hits_for("retry-after-too-long", "/a/throttled")) == 1


def test_server_that_never_answers_times_out(silent_run: FaultRun) -> None:
    error = silent_run.error_for("silent", "/a/silent")
    assert error.kind == "DownloadTimedOut", error.message
    assert len(silent_run.articles("silent")) == 1
    assert len(silent_run.server.hits_for("silent", "/a/silent")) == 1  # given up, not retried


@pytest.mark.parametrize("site", ["reset", "truncated"])
def test_body_cut_short_is_a_broken_connection(run: FaultRun, site: str) -> None:
    error = run.error_for(site, f"/a/{site}")
    assert error.kind == "ConnectionBroken", error.message
    assert len(run.articles(site)) == 1
