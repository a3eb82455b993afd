"""Fault suite, size: compression bombs, a 30 MB page, a page that makes extraction pathological.

One crawl over every case. Memory is checked on the crawl's child process: every bomb here
inflates to 1 GiB, so a crawler that decompressed it whole would show it in its peak RSS.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from faultserver import (
    FaultRun,
    FaultServer,
    bomb,
    compressed_zeros,
    crawled,
    page,
    peak_child_rss_mb,
    stream,
)

BOMBS = ("gzip", "deflate", "br")
PAGE_BYTES = 30 * 1024 * 1024
# Far above a good page's extraction on a busy machine.
EXTRACTION_TIMEOUT = 5.0
# The pathological page's own crawl: ~4.5 s of trafilatura on a quiet machine (more when busy),
# against a limit a third of that; its one good article takes milliseconds.
PATHOLOGICAL_TIMEOUT = 1.5
RSS_BOUND_MB = 512  # the crawl child with its libraries is ~260 MB; one bomb alone is 1024
CRAWL = {"extraction_timeout": EXTRACTION_TIMEOUT}


def pathological_tables(depth: int = 6, fan: int = 6) -> str:
    """~2.5 MB of tables nested ``depth`` deep, ``fan`` cells per row: ~12 s of trafilatura."""
    cell = "<td>Le groupe annonce un investissement. </td>"
    for _ in range(depth):
        cell = f"<td><table><tr>{cell * fan}</tr></table></td>"
    return f"<html><head><title>Tableaux</title></head><body><table><tr>{cell}</tr></table></body></html>"


def build(server: FaultServer) -> None:
    for encoding in BOMBS:
        server.site(f"bomb-{encoding}").standard("/a/bomb").route("/a/bomb", bomb(encoding))

    server.site("page-30mb").standard("/a/huge").route("/a/huge", stream(PAGE_BYTES, content_length=True))
    server.site("page-30mb-unannounced").standard("/a/huge").route("/a/huge", stream(PAGE_BYTES, content_length=False))

    sitemap = server.site("sitemap-gzip-bomb")
    gz = compressed_zeros("gzip", 1 << 30)
    sitemap.route("/sitemap.xml.gz", page(gz, content_type="application/x-gzip"))
    sitemap.use(sitemaps=[sitemap.url("/sitemap.xml.gz")], feeds=[sitemap.feed([sitemap.good()])])


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultRun]:
    path = Path(tmp_path_factory.mktemp("faults-size"))
    with crawled(path, build, **CRAWL) as result:
        yield result


def build_pathological(server: FaultServer) -> None:
    tables = server.site("pathological-tables").standard("/a/tables")
    tables.route("/a/tables", page(pathological_tables()))


@pytest.fixture(scope="module")
def pathological_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultRun]:
    path = Path(tmp_path_factory.mktemp("faults-tables"))
    with crawled(path, build_pathological, extraction_timeout=PATHOLOGICAL_TIMEOUT) as result:
        yield result


def test_every_good_article_of_the_run_is_stored(run: FaultRun) -> None:
    run.assert_good_stored()


def test_memory_of_the_crawl_stays_bounded(run: FaultRun) -> None:
    assert peak_child_rss_mb() < RSS_BOUND_MB


@pytest.mark.parametrize("encoding", BOMBS)
def test_compression_bomb_is_dropped_at_the_size_cap(run: FaultRun, encoding: str) -> None:
    error = run.error_for(f"bomb-{encoding}", "/a/bomb")
    assert error.kind == "TooLarge" and "decompress" in error.message, error.message
    assert run.source_run(f"bomb-{encoding}").status == "ok"  # a page-level fault


@pytest.mark.parametrize("site", ["page-30mb", "page-30mb-unannounced"])
def test_page_over_the_size_cap_is_dropped(run: FaultRun, site: str) -> None:
    error = run.error_for(site, "/a/huge")
    assert error.kind == "TooLarge", error.message
    page_row = run.page(error.url or "")
    assert page_row is not None and page_row.outcome == "failed"  # never fetched again


def test_pathological_page_is_cut_at_the_extraction_time_limit(pathological_run: FaultRun) -> None:
    run = pathological_run
    error = run.error_for("pathological-tables", "/a/tables")
    assert error.kind == "ExtractionFailed" and f"{PATHOLOGICAL_TIMEOUT:g} s" in error.message
    assert run.source_run("pathological-tables").status == "ok"  # the run went on, not killed
    assert len(run.articles("pathological-tables")) == 1  # the site's good article is stored


def test_gzipped_sitemap_bomb_is_refused_and_the_feed_used(run: FaultRun) -> None:
    error = run.error_for("sitemap-gzip-bomb", "/sitemap.xml.gz")
    assert error.kind == "TooLarge", error.message
    assert run.source_run("sitemap-gzip-bomb").rung == "feed"
