"""Fault suite, redirects: followed within the site; loops, off-site hops and odd schemes refused.

One crawl over every case (one source each). "Another domain" is ``localhost``: the same
server, so a refused redirect that was followed anyway would show up in the hit log.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from faultserver import FaultRun, FaultServer, article_html, article_text, crawled, page, redirect

SCHEMES = {
    "to-file": "file:///etc/passwd",
    "to-ftp": "ftp://127.0.0.1/pub/article.html",
    "to-javascript": "javascript:alert(document.cookie)",
    "to-data": "data:text/html,<p>bonjour</p>",
}


def offsite(url: str) -> str:
    return url.replace("127.0.0.1", "localhost")


def reload_page(url: str) -> str:
    """A good article that reloads itself every 30 s, as news pages do."""
    head = f'<meta http-equiv="refresh" content="30; url={url}">'
    return article_html("Une page qui se recharge", article_text("meta-refresh-self"), extra_head=head)


def build(server: FaultServer) -> None:
    moved = server.site("redirect-within-site")
    moved.route("/a/new-home", moved.article("new-home"))
    moved.good("old-home", redirect(moved.url("/a/new-home"), 301))
    moved.standard()

    loop = server.site("redirect-loop").standard("/a/loop-a")
    loop.route("/a/loop-a", redirect(loop.url("/a/loop-b")))
    loop.route("/a/loop-b", redirect(loop.url("/a/loop-a")))

    chain = server.site("redirect-chain").standard("/a/hop-0")
    for hop in range(12):
        chain.route(f"/a/hop-{hop}", redirect(chain.url(f"/a/hop-{hop + 1}")))

    away = server.site("redirect-off-site").standard("/a/moved")
    away.route("/a/moved", redirect(offsite(away.url("/a/elsewhere"))))
    away.route("/a/elsewhere", away.article("elsewhere"))

    schemes = server.site("redirect-schemes").standard(*(f"/a/{name}" for name in SCHEMES))
    for name, target in SCHEMES.items():
        schemes.route(f"/a/{name}", redirect(target))

    feed = server.site("feed-off-site")
    feed.route("/feed.xml", redirect(offsite(feed.url("/feed.xml"))))
    feed.use(feeds=[feed.url("/feed.xml")], sections=[feed.section([feed.good()])])

    reload = server.site("meta-refresh-self")
    reload.good("reloads", page(reload_page(reload.url("/a/reloads"))))
    reload.standard()

    refresh = server.site("meta-refresh-off-site").standard("/a/refresh")
    target = offsite(refresh.url("/a/elsewhere"))
    refresh.route("/a/refresh", page(f'<html><head><meta http-equiv="refresh" content="0; url={target}"></head><body>…</body></html>'))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultRun]:
    with crawled(Path(tmp_path_factory.mktemp("faults-redirects")), build) as result:
        yield result


def test_every_good_article_of_the_run_is_stored(run: FaultRun) -> None:
    run.assert_good_stored()


def test_redirect_within_the_site_is_followed(run: FaultRun) -> None:
    assert run.errors("redirect-within-site") == []
    assert len(run.server.hits_for("redirect-within-site", "/a/new-home")) == 1


def test_redirect_loop_is_refused(run: FaultRun) -> None:
    error = run.error_for("redirect-loop", "/a/loop-a")
    assert error.kind == "RedirectLoop" and "loop-b" in error.message
    assert len(run.server.hits_for("redirect-loop", "/a/loop-a")) == 1


def test_endless_redirect_chain_stops_at_the_hop_limit(run: FaultRun) -> None:
    error = run.error_for("redirect-chain", "/a/hop-0")
    assert error.kind == "RedirectLoop", error.message
    assert len([h for h in run.server.hits_for("redirect-chain") if h.path.startswith("/a/hop-")]) <= 6


def test_redirect_to_another_domain_is_refused_unfetched(run: FaultRun) -> None:
    error = run.error_for("redirect-off-site", "/a/moved")
    assert error.kind == "OffSiteRedirect" and "localhost" in error.message
    assert run.server.hits_for("redirect-off-site", "/a/elsewhere") == []
    page_row = run.page(error.url or "")
    assert page_row is not None and page_row.outcome == "failed"  # not retried every run


@pytest.mark.parametrize("name", sorted(SCHEMES))
def test_redirect_to_another_scheme_is_refused(run: FaultRun, name: str) -> None:
    error = run.error_for("redirect-schemes", f"/a/{name}")
    assert error.kind == "RedirectSchemeRefused", error.message


def test_feed_redirected_off_site_falls_back_to_the_section(run: FaultRun) -> None:
    assert run.error_for("feed-off-site", "/feed.xml").kind == "OffSiteRedirect"
    assert run.source_run("feed-off-site").rung == "section"


def test_meta_refresh_off_site_is_refused(run: FaultRun) -> None:
    error = run.error_for("meta-refresh-off-site", "/a/refresh")
    assert error.kind == "OffSiteRedirect", error.message
    assert run.server.hits_for("meta-refresh-off-site", "/a/elsewhere") == []


def test_meta_refresh_to_itself_is_read_as_the_page(run: FaultRun) -> None:
    assert run.errors("meta-refresh-self") == []
    assert len(run.server.hits_for("meta-refresh-self", "/a/reloads")) == 1
