"""Fault suite, content: lying charsets, mojibake, empty and non-HTML bodies, challenges, JS-only.

One crawl over every case (one source each); each test reads what that crawl recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from faultserver import FaultRun, FaultServer, article_html, article_text, crawled, page

ARABIC = [
    "أعلنت شركة أطلس للصناعات عن افتتاح وحدة إنتاج جديدة في المنطقة الصناعية بمدينة طنجة.",
    "ويمثل المشروع استثمارا بقيمة مائتي مليون درهم حسب بلاغ صادر عن الإدارة العامة للشركة.",
    "ومن المنتظر أن يوفر المصنع الجديد ألف منصب شغل مباشر خلال السنتين المقبلتين في الجهة.",
]
CHALLENGE = (
    "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    '<div id="challenge-running">Checking your browser before accessing the site.</div>'
    '<script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8f1"></script>'
    '<form id="challenge-form" action="/?__cf_chl_f_tk=abc"></form></body></html>'
)
JS_ONLY = (
    '<!DOCTYPE html><html lang="fr"><head><title>Actualités</title></head><body>'
    '<div id="root"></div><noscript>Activez JavaScript.</noscript>'
    '<script src="/static/app.3f9c.js"></script><script>window.__STATE__={"page":"article"}</script>'
    "</body></html>"
)
NOT_HTML = {
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "application/pdf"),
    "pdf-served-as-html": (b"%PDF-1.4\n1 0 obj<<>>endobj\n", "text/html"),
    "image": (b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
    "empty": (b"", "text/html; charset=utf-8"),
}
BLOCKED = {"challenge-403": 403, "challenge-503": 503, "challenge-200": 200}


def mojibake(text: str) -> str:
    """UTF-8 bytes read as windows-1252, the classic double encoding: "é" -> "Ã©"."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def build(server: FaultServer) -> None:
    conflict = server.site("charset-header-contradicts-meta")
    html = article_html("Économie : une société investit", article_text("charset"))
    conflict.good("conflict", page(html.encode("utf-8"), content_type="text/html; charset=iso-8859-1"))
    conflict.standard()

    arabic = server.site("arabic-windows-1256")
    html = article_html("استثمار صناعي جديد في طنجة", ARABIC, lang="ar", meta_charset="windows-1256")
    arabic.good("arabic", page(html.encode("cp1256"), content_type="text/html"))
    arabic.standard()

    garbled = server.site("mojibake")
    html = article_html("Économie marocaine", [mojibake(p) for p in article_text("mojibake")])
    garbled.good("garbled", page(html.encode("utf-8")))
    garbled.standard()

    files = server.site("not-html").standard(*(f"/a/{name}" for name in NOT_HTML))
    for name, (body, content_type) in NOT_HTML.items():
        files.route(f"/a/{name}", page(body, content_type=content_type))

    blocked = server.site("challenge-article").standard(*(f"/a/{name}" for name in BLOCKED))
    for name, status in BLOCKED.items():
        blocked.route(f"/a/{name}", page(CHALLENGE, status=status, headers={"cf-mitigated": "challenge"}))

    feed = server.site("challenge-feed")
    feed.route("/feed.xml", page(CHALLENGE, status=503, headers={"cf-mitigated": "challenge"}))
    feed.use(feeds=[feed.url("/feed.xml")])

    server.site("javascript-only").standard("/a/app").route("/a/app", page(JS_ONLY))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultRun]:
    with crawled(Path(tmp_path_factory.mktemp("faults-content")), build) as result:
        yield result


def _article(run: FaultRun, site: str, slug: str):  # noqa: ANN202
    found = [a for a in run.articles(site) if a.url.endswith(f"/a/{slug}")]
    assert len(found) == 1, (site, slug, run.errors(site))
    return found[0]


def test_every_good_article_of_the_run_is_stored(run: FaultRun) -> None:
    run.assert_good_stored()


def test_meta_charset_wins_when_the_header_charset_yields_mojibake(run: FaultRun) -> None:
    article = _article(run, "charset-header-contradicts-meta", "conflict")
    assert "société" in article.text and "Ã" not in article.text
    assert article.title.startswith("Économie")


def test_arabic_declared_only_in_meta_is_decoded(run: FaultRun) -> None:
    article = _article(run, "arabic-windows-1256", "arabic")
    assert ARABIC[0] in article.text
    assert article.language == "ar"


def test_mojibake_in_the_page_is_repaired(run: FaultRun) -> None:
    article = _article(run, "mojibake", "garbled")
    assert "société" in article.text and "Ã" not in article.text


@pytest.mark.parametrize("name", sorted(NOT_HTML))
def test_non_html_at_an_article_url_is_not_an_article(run: FaultRun, name: str) -> None:
    error = run.error_for("not-html", f"/a/{name}")
    assert error.kind == "NotAnArticle", error.message
    page_row = run.page(error.url or "")
    assert page_row is not None and page_row.outcome == "not_article"
    assert not [a for a in run.articles("not-html") if a.url.endswith(f"/a/{name}")]


@pytest.mark.parametrize("name", sorted(BLOCKED))
def test_challenge_page_is_blocked_not_stored(run: FaultRun, name: str) -> None:
    error = run.error_for("challenge-article", f"/a/{name}")
    assert error.kind == "Blocked", error.message
    assert not [a for a in run.articles("challenge-article") if a.url.endswith(f"/a/{name}")]
    assert run.page(error.url or "") is None  # not marked seen: retried once the challenge lifts


def test_challenged_feed_marks_the_source_blocked(run: FaultRun) -> None:
    assert run.error_for("challenge-feed", "/feed.xml").kind == "Blocked"
    assert run.source_run("challenge-feed").status == "blocked"
    assert run.state("challenge-feed").health == "blocked"


def test_javascript_only_page_is_recorded_not_stored_empty(run: FaultRun) -> None:
    error = run.error_for("javascript-only", "/a/app")
    assert (error.kind, error.message) == ("NotAnArticle", "page has no text without JavaScript")
    assert len(run.articles("javascript-only")) == 1  # the good one only
