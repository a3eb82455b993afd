"""Fault suite, discovery: broken and hostile feeds and sitemaps, crawler traps, robots.txt.

One crawl over every case (one source each); each test reads what that crawl recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from faultserver import (
    FaultRun,
    FaultServer,
    FaultSite,
    article_text,
    crawled,
    listing,
    page,
    rss,
    urlset,
)

MAX_SITEMAPS = 5
CALENDAR_CAP = 10
CRAWL = {"max_sitemaps_per_source": MAX_SITEMAPS}

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">\n' for i in range(1, 10))
    + "]>\n"
)
XXE = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
MALFORMED = (
    "<html><head><title>Malformé</title><meta charset=utf-8><body><div><p>{0}<p>{1}</div></div></span><table><p>{2}"
    "<<>> <b><i>gras</b></i> \x00 &nbsp &copy <p>fin"
)
_XML = "application/xml; charset=utf-8"


def with_fallback(site: FaultSite, rung: str, body: str) -> None:
    """``rung`` serves ``body`` at /bad.xml; a section page lists the site's good article."""
    site.route("/bad.xml", page(body, content_type=_XML))
    site.use(**{rung: [site.url("/bad.xml")]}, sections=[site.section([site.good()])])


def build(server: FaultServer) -> None:
    with_fallback(server.site("feed-not-xml"), "feeds", '<?xml version="1.0"?><rss><channel><title>Oups</ti')
    with_fallback(server.site("feed-billion-laughs"), "feeds", BILLION_LAUGHS + "<rss><channel><item><link>&lol9;</link></item></channel></rss>")
    with_fallback(server.site("feed-xxe"), "feeds", XXE + "<rss><channel><item><link>&xxe;</link></item></channel></rss>")
    with_fallback(server.site("sitemap-billion-laughs"), "sitemaps", BILLION_LAUGHS + "<urlset><url><loc>&lol9;</loc></url></urlset>")
    with_fallback(server.site("sitemap-xxe"), "sitemaps", XXE + "<urlset><url><loc>&xxe;</loc></url></urlset>")

    dtd = server.site("feed-external-dtd")
    good = dtd.good()
    feed = rss([good]).replace("<rss", f'<!DOCTYPE rss SYSTEM "{dtd.url("/evil.dtd")}">\n<rss', 1)
    dtd.route("/feed.xml", page(feed, content_type=_XML))
    dtd.route("/evil.dtd", page('<!ENTITY % all "<!ENTITY leak SYSTEM \'file:///etc/passwd\'>">', content_type=_XML))
    dtd.use(feeds=[dtd.url("/feed.xml")])

    index = server.site("sitemap-index-huge")
    child = index.route("/sitemaps/article.xml", page(urlset([index.good()]), content_type=_XML))
    loc = "".join(f"<sitemap><loc>{index.url(f'/sitemaps/{n}.xml')}</loc></sitemap>" for n in range(3000))
    index.route("/sitemap_index.xml", page(f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{child}</loc></sitemap>{loc}</sitemapindex>', content_type=_XML))
    for n in range(MAX_SITEMAPS):
        index.route(f"/sitemaps/{n}.xml", page(urlset([]), content_type=_XML))
    index.use(sitemaps=[index.url("/sitemap_index.xml")])

    pages = server.site("section-pagination-trap")
    for n in range(2, 50):  # every listing page links to the next one, forever
        pages.route(f"/rubrique/economie?page={n}", page(listing([pages.url(f"/rubrique/economie?page={n + 1}")])))
    pages.use(sections=[pages.section([pages.good(), pages.url("/rubrique/economie?page=2")])])

    calendar = server.site("calendar-trap")
    days = [calendar.url(f"/a/archives/{day}") for day in range(300)]
    for day in range(300):
        calendar.route(f"/a/archives/{day}", page(listing([calendar.url(f"/a/archives/{day + 300}")])))
    calendar.use(sections=[calendar.section([calendar.good(), *days])], max_pages=CALENDAR_CAP)

    malformed = server.site("malformed-html")
    malformed.good("malformed", page(MALFORMED.format(*article_text("malformed-html"))))
    malformed.standard()

    robots = server.site("robots-disallow")
    robots.route("/robots.txt", page("User-agent: *\nDisallow: /rubrique/\n", content_type="text/plain"))
    good = robots.good()
    robots.use(sections=[robots.section([good]), robots.section([good], path="/actualites")])

    broken = server.site("robots-500")
    broken.route("/robots.txt", page("<h1>500</h1>", status=500))
    broken.use(feeds=[broken.feed([broken.url("/a/never")])])

    throttled = server.site("robots-429")
    throttled.route("/robots.txt", page("slow down", status=429, headers={"Retry-After": "86400"}))
    throttled.use(feeds=[throttled.feed([throttled.url("/a/never")])])

    missing = server.site("robots-404").standard()
    missing.route("/robots.txt", page("<h1>404</h1>", status=404))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultRun]:
    with crawled(Path(tmp_path_factory.mktemp("faults-discovery")), build, **CRAWL) as result:
        yield result


def test_every_good_article_of_the_run_is_stored(run: FaultRun) -> None:
    run.assert_good_stored()


def test_broken_feed_falls_back_to_the_section(run: FaultRun) -> None:
    assert run.error_for("feed-not-xml", "/bad.xml").kind == "FeedBroken"
    assert run.source_run("feed-not-xml").rung == "section"


@pytest.mark.parametrize("site", ["feed-billion-laughs", "feed-xxe", "sitemap-billion-laughs", "sitemap-xxe"])
def test_entity_attacks_are_refused_and_the_next_rung_used(run: FaultRun, site: str) -> None:
    error = run.error_for(site, "/bad.xml")
    assert error.kind == "UnsafeXml" and "entities" in error.message
    assert run.source_run(site).rung == "section"


def test_external_dtd_is_never_fetched_and_the_feed_still_read(run: FaultRun) -> None:
    assert run.server.hits_for("feed-external-dtd", "/evil.dtd") == []
    assert run.errors("feed-external-dtd") == []


def test_sitemap_index_of_thousands_is_capped(run: FaultRun) -> None:
    error = run.error_for("sitemap-index-huge", "/sitemap_index.xml")
    assert error.kind == "PageCapReached" and str(MAX_SITEMAPS) in error.message
    fetched = [h for h in run.server.hits_for("sitemap-index-huge") if h.path.startswith("/sitemaps/")]
    assert len(fetched) == MAX_SITEMAPS


def test_section_pages_are_not_followed_to_the_next_listing(run: FaultRun) -> None:
    listings = [h.path for h in run.server.hits_for("section-pagination-trap") if h.path.startswith("/rubrique/")]
    assert listings == ["/rubrique/economie"]


def test_calendar_trap_stops_at_the_page_cap(run: FaultRun) -> None:
    error = run.error_for("calendar-trap", "/a/archives/9")  # the first link over the cap
    assert error.kind == "PageCapReached"
    fetched = [h for h in run.server.hits_for("calendar-trap") if h.path.startswith("/a/")]
    assert len(fetched) == CALENDAR_CAP


def test_malformed_html_is_still_read(run: FaultRun) -> None:
    stored = {a.url.rsplit("/", 1)[-1]: a for a in run.articles("malformed-html")}
    assert "Malformé" in stored["malformed"].title and "\x00" not in stored["malformed"].text


def test_section_disallowed_by_robots_is_never_requested(run: FaultRun) -> None:
    error = run.error_for("robots-disallow", "/rubrique/economie")
    assert error.kind == "RobotsDisallowed"
    assert run.server.hits_for("robots-disallow", "/rubrique/economie") == []
    assert len(run.articles("robots-disallow")) == 1


def test_robots_answering_500_keeps_the_whole_host_off_limits(run: FaultRun) -> None:
    assert run.error_for("robots-500", "/feed.xml").kind == "RobotsUnavailable"
    assert {h.path for h in run.server.hits_for("robots-500")} == {"/robots.txt"}
    assert run.source_run("robots-500").status == "failed"
    assert run.state("robots-500").health == "failing"


def test_robots_answering_429_keeps_the_host_off_limits_too(run: FaultRun) -> None:
    assert run.error_for("robots-429", "/feed.xml").kind == "RobotsUnavailable"
    assert {h.path for h in run.server.hits_for("robots-429")} == {"/robots.txt"}


def test_robots_answering_404_allows_everything(run: FaultRun) -> None:
    assert run.errors("robots-404") == []
