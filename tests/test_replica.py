"""The replica web: local sites with the structures of real Moroccan news sites."""

from __future__ import annotations

import json
import re
import tomllib
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import feedparser
import pytest
import trafilatura

from conftest import shared_path
from crawler.sources import load_sources
from devkit.replica import ReplicaArticle, ReplicaWeb, example_articles, synthetic_articles
from devkit.replica.sites.theme import COOKIE_TEXT

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
ZONE = ZoneInfo("Africa/Casablanca")  # the local time Moroccan sites print


@pytest.fixture(scope="module")
def web():
    with ReplicaWeb() as replica:
        yield replica


@pytest.fixture
def fresh():
    with ReplicaWeb() as replica:
        yield replica


def fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def get(url: str) -> bytes:
    status, _, body = fetch(url)
    assert status == 200, url
    return body


def normalised(text: str) -> str:
    # Seed text carries no-break spaces; extractors turn every space run into one space.
    return " ".join(text.split())


def site_articles(web: ReplicaWeb, site: str) -> list[ReplicaArticle]:
    return web.sites[site].articles()


def sitemap_locs(body: bytes) -> list[str]:
    root = ET.fromstring(body)
    return [loc.text for loc in root.iter(f"{SM}loc")]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


def links(html: bytes, base: str) -> set[str]:
    parser = Links()
    parser.feed(html.decode())
    return {urljoin(base, href) for href in parser.hrefs}


# -- feeds -----------------------------------------------------------------------
FEEDS = [
    ("wp", "/feed/", None),
    ("wp", "/categorie/economie/feed/", "economie"),
    ("arc", "/arc/outboundfeeds/rss/?outputType=xml", None),
    ("arc", "/arc/outboundfeeds/rss/category/economie/?outputType=xml", "economie"),
    ("custom", "/rssFeed/0", None),
    ("custom", "/rssFeed/4", "economie"),
    ("custom", "/rssFeed/28", "emploi"),
]


@pytest.mark.parametrize(("site", "path", "section"), FEEDS)
def test_feeds_parse_and_list_the_articles(web, site, path, section):
    status, headers, body = fetch(web.base_url(site) + path)
    assert status == 200
    assert headers["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    expected = [a for a in site_articles(web, site) if section in (None, a.section)]
    assert [entry.link for entry in feed.entries] == [web.article_url(a) for a in expected]
    for entry, article in zip(feed.entries, expected, strict=True):
        assert entry.title == article.title
        published = datetime(*entry.published_parsed[:6], tzinfo=UTC)
        assert published == article.published.astimezone(UTC)


def test_wordpress_feed_has_excerpts_and_the_appeared_first_footer(web):
    feed = feedparser.parse(get(web.base_url("wp") + "/categorie/economie/feed/"))
    for entry in feed.entries:
        assert "The post" in entry.summary and "appeared first on" in entry.summary
        assert len(entry.summary) > 200


def test_arc_feed_carries_headlines_only(web):
    body = get(web.base_url("arc") + "/arc/outboundfeeds/rss/?outputType=xml")
    assert b"<description>" not in body.split(b"<item>", 1)[1]
    for entry in feedparser.parse(body).entries:
        assert not entry.get("summary")


# -- sitemaps ----------------------------------------------------------------------
def test_yoast_sitemap_index_leads_to_every_wordpress_article(web):
    base = web.base_url("wp")
    children = sitemap_locs(get(base + "/sitemap_index.xml"))
    assert base + "/post-sitemap.xml" in children
    post_sitemap = get(base + "/post-sitemap.xml")
    root = ET.fromstring(post_sitemap)
    assert all(url.find(f"{SM}lastmod") is not None for url in root.iter(f"{SM}url"))
    assert sitemap_locs(post_sitemap) == [web.article_url(a) for a in site_articles(web, "wp")]


def test_arc_news_sitemap_has_google_news_fields(web):
    root = ET.fromstring(get(web.base_url("arc") + "/arc/outboundfeeds/sitemap-news/"))
    urls = root.findall(f"{SM}url")
    assert [u.find(f"{SM}loc").text for u in urls] == [
        web.article_url(a) for a in site_articles(web, "arc")
    ]
    for url, article in zip(urls, site_articles(web, "arc"), strict=True):
        assert url.find(f"{NEWS}news/{NEWS}title").text == article.title
        date = url.find(f"{NEWS}news/{NEWS}publication_date").text
        assert datetime.fromisoformat(date) == article.published


def test_arc_category_sitemap_index(web):
    base = web.base_url("arc")
    chunks = sitemap_locs(get(base + "/arc/outboundfeeds/sitemap-index/category/economie/"))
    assert chunks
    listed = [loc for chunk in chunks for loc in sitemap_locs(get(chunk))]
    assert listed == [
        web.article_url(a) for a in site_articles(web, "arc") if a.section == "economie"
    ]


def test_robots_txt(web):
    wp_robots = get(web.base_url("wp") + "/robots.txt").decode()
    assert "Disallow: /cms/wp-admin/" in wp_robots
    assert f"Sitemap: {web.base_url('wp')}/sitemap_index.xml" in wp_robots
    assert "sitemap-news" in get(web.base_url("arc") + "/robots.txt").decode()
    assert "User-agent: *" in get(web.base_url("custom") + "/robots.txt").decode()


# -- sections ------------------------------------------------------------------
@pytest.mark.parametrize("site", ["wp", "arc", "custom"])
def test_sections_link_to_articles_matching_the_source_pattern(web, site):
    (source,) = [
        s for s in tomllib.loads(web.sources_toml())["source"] if s["name"] == f"replica-{site}"
    ]
    section_url = source["sections"][0]
    found = {
        url for url in links(get(section_url), section_url) if re.search(source["article_url"], url)
    }
    expected = {web.article_url(a) for a in site_articles(web, site) if a.section == "economie"}
    assert found == expected
    on_home = {
        url
        for url in links(get(source["homepage"]), source["homepage"])
        if re.search(source["article_url"], url)
    }
    assert on_home == {web.article_url(a) for a in site_articles(web, site)}


def test_wordpress_section_pages_paginate():
    articles = [
        ReplicaArticle(
            "wp",
            f"article-{n}",
            f"Titre {n}",
            None,
            ["Texte."],
            datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=n),
            None,
        )
        for n in range(45)
    ]
    with ReplicaWeb(articles, sites=["wp"]) as replica:
        base = replica.base_url("wp")
        first = get(base + "/categorie/economie/")
        assert f"{base}/categorie/economie/page/2/".encode() in first
        third = get(base + "/categorie/economie/page/3/")
        assert third.count(b'class="article-small"') == 5
        assert fetch(base + "/categorie/economie/page/4/")[0] == 404


# -- article pages -----------------------------------------------------------------
def test_wordpress_article_has_yoast_json_ld_and_meta(web):
    for article in site_articles(web, "wp"):
        url = web.article_url(article)
        assert re.search(r"/\d{4}/\d{2}/\d{2}/[^/]+/$", url)
        _, headers, body = fetch(url)
        html = body.decode("utf-8")
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert '<meta charset="utf-8">' in html
        assert f'<link rel="canonical" href="{url}" />' in html
        assert 'property="og:title"' in html
        published = re.search(r'property="article:published_time" content="([^"]+)"', html).group(1)
        assert datetime.fromisoformat(published) == article.published
        graph = json.loads(
            re.search(
                r'<script type="application/ld\+json" class="yoast-schema-graph">(.*?)</script>',
                html,
            ).group(1)
        )
        (news,) = [node for node in graph["@graph"] if node["@type"] == "NewsArticle"]
        assert news["headline"] == article.title
        assert datetime.fromisoformat(news["datePublished"]) == article.published
        assert news["author"]["name"] == (article.author or "Rédaction")
        assert 'id="postContent"' in html
        assert ("letter-hightlight" in html) == bool(article.lead)


def test_arc_article_markup(web):
    for article in site_articles(web, "arc"):
        url = web.article_url(article)
        assert re.search(r"/economie/[a-z0-9-]+_[A-Z2-7]{26}/$", url)
        html = get(url).decode()
        assert 'class="article-body-wrapper' in html
        assert html.count('class="body-paragraph"') == len(article.paragraphs)
        assert '<h1 class="headline-container">' in html
        local = article.published.astimezone(ZONE)
        assert f'<div class="subheadline-date">{local:%d.%m.%Y - %H:%M}</div>' in html


def test_custom_article_markup(web):
    for article in site_articles(web, "custom"):
        url = web.article_url(article)
        assert re.search(rf"/{article.section}/{article.slug}/\d+$", url)
        html = get(url).decode()
        assert '<div class="article-content content">' in html
        assert 'property="article:published_time"' in html
        assert re.search(r"Le \d{1,2} \w+ \d{4} à \d{2}h\d{2}", html)


# -- extraction --------------------------------------------------------------------
BOILERPLATE = [
    "A lire aussi",
    "Lire aussi",
    "Les plus lus",
    COOKIE_TEXT[:40],
    "newsletter",
    "Afficher plus",
]


def _example_ids() -> list[str]:
    return [f"{a.site}:{a.slug}" for a in example_articles()]


@pytest.mark.parametrize("key", _example_ids())
def test_trafilatura_extracts_the_whole_body_and_nothing_else(web, key):
    site, slug = key.split(":")
    (article,) = [a for a in site_articles(web, site) if a.slug == slug]
    url = web.article_url(article)
    html = get(url).decode("utf-8")
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = normalised(doc.text)
    assert doc.title == article.title
    assert (
        doc.date == article.published.astimezone(ZONE).date().isoformat()
        or doc.date == article.published.date().isoformat()
    )
    for part in [*([article.lead] if article.lead else []), *article.paragraphs, *article.bullets]:
        assert normalised(part) in text
    for noise in BOILERPLATE:
        assert noise not in text
    others = [a.title for s in web.sites.values() for a in s.articles() if a.title != article.title]
    assert not [title for title in others if title in text]


# -- live changes and faults ---------------------------------------------------------
def test_add_article_shows_up_in_feed_sitemap_and_section(fresh):
    now = datetime.now(UTC).replace(microsecond=0)
    for site, feed, sitemap, section in [
        ("wp", "/categorie/economie/feed/", "/post-sitemap.xml", "/categorie/economie/"),
        (
            "arc",
            "/arc/outboundfeeds/rss/?outputType=xml",
            "/arc/outboundfeeds/sitemap-news/",
            "/economie/",
        ),
        ("custom", "/rssFeed/4", None, "/economie"),
    ]:
        article = ReplicaArticle(
            site,
            "nouvel-article-de-test",
            "Un nouvel article",
            "Chapeau.",
            ["Premier paragraphe.", "Second paragraphe."],
            now,
            "Test",
        )
        url = fresh.add_article(article)
        assert url == fresh.article_url(article)
        base = fresh.base_url(site)
        assert feedparser.parse(get(base + feed)).entries[0].link == url
        if sitemap:
            assert url in sitemap_locs(get(base + sitemap))
        assert url in links(get(base + section), base + section)
        assert b"Premier paragraphe." in get(url)


def test_override_replaces_one_route(fresh):
    base = fresh.base_url("wp")
    fresh.override("wp", "/categorie/economie/feed/", status=404, body=b"gone")
    status, _, body = fetch(base + "/categorie/economie/feed/")
    assert (status, body) == (404, b"gone")
    article = site_articles(fresh, "wp")[0]
    path = fresh.article_url(article)[len(base) :]
    fresh.override("wp", path, body=b"<html><body><p>tronqu", headers={"Content-Type": "text/html"})
    status, headers, body = fetch(base + path)
    assert (status, headers["Content-Type"], body) == (200, "text/html", b"<html><body><p>tronqu")
    assert fetch(base + "/feed/")[0] == 200  # other routes untouched
    fresh.override(
        "arc", "/arc/outboundfeeds/rss/?outputType=xml", status=503, headers={"Retry-After": "120"}
    )
    status, headers, _ = fetch(fresh.base_url("arc") + "/arc/outboundfeeds/rss/?outputType=xml")
    assert (status, headers["Retry-After"]) == (503, "120")


def test_head_404_and_request_log(fresh):
    base = fresh.base_url("custom")
    status, headers, body = fetch(base + "/rssFeed/4", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0
    assert fetch(base + "/nulle-part")[0] == 404
    assert fetch(base + "/rssFeed/999")[0] == 404
    assert ("custom", "/rssFeed/4") in fresh.requests
    assert ("custom", "/nulle-part") in fresh.requests


def test_requests_are_logged_per_site(fresh):
    urls = [fresh.article_url(a) for site in ("wp", "arc") for a in site_articles(fresh, site)]
    for url in urls:
        get(url)
    logged = [path for site, path in fresh.requests if site in ("wp", "arc")]
    assert len(logged) == len(urls) == len(set(logged))


def test_only_the_requested_sites_are_served():
    with ReplicaWeb(sites=["custom"]) as replica:
        assert list(replica.sites) == ["custom"]
        assert {a.site for a in replica.sites["custom"].articles()} == {"custom"}
        with pytest.raises(KeyError):
            replica.base_url("wp")
    with pytest.raises(ValueError):
        ReplicaWeb(sites=["nope"])


# -- sources file ----------------------------------------------------------------
def test_sources_file_validates(web, tmp_path):
    path = web.write_sources(tmp_path / "sources.toml", every="5m")
    sources = load_sources(path)
    assert [s.name for s in sources] == ["replica-wp", "replica-arc", "replica-custom"]
    for source in sources:
        assert source.every == "5m"
        assert source.homepage.startswith("http://127.0.0.1:")
        for url in [*source.feeds, *source.sitemaps, *source.sections]:
            assert fetch(url)[0] == 200, url
    wp = sources[0]
    assert wp.is_article_url(web.article_url(site_articles(web, "wp")[0]))
    assert not wp.is_article_url(web.base_url("wp") + "/categorie/economie/")


# -- the example set ------------------------------------------------------------------
def test_example_dates_are_recent_but_one():
    now = datetime.now(UTC)
    articles = example_articles(now)
    old = [a for a in articles if now - a.published > timedelta(days=2)]
    assert len(old) == 1 and now - old[0].published < timedelta(days=30)
    assert all(a.published <= now for a in articles)
    assert all(250 <= a.word_count <= 600 for a in articles)


def test_example_stories():
    by_story: dict[str, list[ReplicaArticle]] = {}
    for article in example_articles():
        by_story.setdefault(article.expected["story"], []).append(article)
    (a,) = by_story["A"]
    assert a.site == "wp" and a.bullets and a.expected["jobs"] == 1200
    assert "1.200 emplois" in a.title and "150 millions de DH" in a.lead
    wp, arc = sorted(by_story["E"], key=lambda x: x.site, reverse=True)
    assert (wp.site, arc.site) == ("wp", "arc") and wp.title != arc.title
    assert arc.paragraphs[0] == "Fès, (MAP) – " + wp.paragraphs[0]
    assert arc.paragraphs[1:] == wp.paragraphs[1:]
    assert [a.site for a in by_story["C"]] == ["custom"]
    assert by_story["B"][0].expected["on_topic"] and not by_story["B"][0].expected["announcement"]


def test_d_reuses_seed_003_verbatim_under_another_title():
    (d,) = [a for a in example_articles() if a.expected["story"] == "D"]
    seed = shared_path("seeds", "003_40648fe43f2de642.txt").read_text(encoding="utf-8")
    seed_title = seed.splitlines()[0]
    assert d.site == "custom" and d.title != seed_title
    for part in [d.lead, *d.paragraphs, *("- " + b for b in d.bullets)]:
        assert part in seed


# -- the optional Arabic site -------------------------------------------------------
@pytest.fixture(scope="module")
def arabic():
    with ReplicaWeb(sites=["ar"]) as replica:
        yield replica


def test_arabic_site_uses_lowercase_percent_encoded_slugs(arabic):
    for article in site_articles(arabic, "ar"):
        url = arabic.article_url(article)
        path = url[len(arabic.base_url("ar")) :]
        assert re.fullmatch(r"/(%[0-9a-f]{2}|[-0-9])+-\d{7}\.html", path), path
        assert get(url) == get(arabic.base_url("ar") + path.upper().replace(".HTML", ".html"))


def test_arabic_feed_section_and_ajax_listing(arabic):
    base = arabic.base_url("ar")
    feed = feedparser.parse(get(base + "/economie/feed"))
    assert not feed.bozo
    assert [e.link for e in feed.entries] == [
        arabic.article_url(a) for a in site_articles(arabic, "ar")
    ]
    assert all("appeared first on" in e.summary for e in feed.entries)
    cards = get(base + "/?action=ajax_listing&paged=1").decode()
    assert cards.count('class="stretched-link"') == len(site_articles(arabic, "ar"))
    (source,) = tomllib.loads(arabic.sources_toml())["source"]
    assert source["language"] == "ar"
    section = get(source["sections"][0])
    found = {
        u for u in links(section, source["sections"][0]) if re.search(source["article_url"], u)
    }
    assert found == {arabic.article_url(a) for a in site_articles(arabic, "ar")}


@pytest.mark.parametrize("index", [0, 1])
def test_trafilatura_extracts_arabic_articles(arabic, index):
    article = site_articles(arabic, "ar")[index]
    url = arabic.article_url(article)
    html = get(url).decode()
    assert '<html lang="ar" dir="rtl">' in html
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    assert doc.title == article.title
    text = normalised(doc.text)
    for part in [article.lead, *article.paragraphs]:
        assert normalised(part) in text
    assert "مقالات ذات صلة" not in text


def test_default_replica_leaves_the_arabic_site_out(web):
    assert list(web.sites) == ["wp", "arc", "custom"]


# -- WordPress REST API ---------------------------------------------------------------
def test_wordpress_rest_api_pages_posts(web):
    base = web.base_url("wp")
    status, headers, body = fetch(base + "/wp-json/wp/v2/posts?per_page=3")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    posts = json.loads(body)
    expected = [web.article_url(a) for a in site_articles(web, "wp")]
    assert [p["link"] for p in posts] == expected[:3]
    rest = json.loads(get(base + "/wp-json/wp/v2/posts?per_page=3&page=2"))
    assert [p["link"] for p in rest] == expected[3:6]
    first = site_articles(web, "wp")[0]
    assert datetime.fromisoformat(posts[0]["date_gmt"]).replace(tzinfo=UTC) == first.published
    category = posts[0]["categories"][0]
    only = json.loads(get(base + f"/wp-json/wp/v2/posts?categories={category}&per_page=100"))
    same_section = [a for a in site_articles(web, "wp") if a.section == first.section]
    assert {p["link"] for p in only} == {web.article_url(a) for a in same_section}


# -- synthetic articles for the benchmark -------------------------------------------------
def _shingles(text: str) -> set[tuple[str, ...]]:
    words = [w for w in re.findall(r"\w+", text.lower()) if len(w) > 3]
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def test_synthetic_articles_are_deterministic_and_labelled():
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    articles = synthetic_articles(400, seed=3, now=now)
    assert articles == synthetic_articles(400, seed=3, now=now)
    assert articles != synthetic_articles(400, seed=4, now=now)
    assert len(articles) == 400
    assert len({(a.site, a.slug) for a in articles}) == 400
    assert {a.site for a in articles} == {"wp", "arc", "custom"}
    assert all(now - timedelta(hours=48) < a.published < now for a in articles)
    on_topic = [a for a in articles if a.expected["on_topic"]]
    assert 0.04 < len(on_topic) / len(articles) < 0.2
    alerting = [a for a in articles if a.expected["alert"]]
    assert alerting and all(a.expected["on_topic"] and a.expected["announcement"] for a in alerting)
    for article in alerting:
        jobs, money = article.expected["jobs"], article.expected["investment_mdh"]
        assert jobs or money
        stated = article.title + " " + article.lead
        if jobs:
            assert f"{jobs:,}".replace(",", ".") in stated
        if money:
            assert f"{money} millions de DH" in stated
    kinds = {a.expected["topic"] for a in articles if a.expected["on_topic"]}
    assert {"offshoring_sector", "offshoring_cuts"} <= kinds  # on topic, must not alert
    assert all(a.word_count >= 100 for a in articles)


def test_synthetic_articles_are_distinct_except_wire_copies():
    articles = synthetic_articles(600, seed=0)
    shingles = [_shingles(a.body_text) for a in articles]
    copies = 0
    for i, a in enumerate(articles):
        for j in range(i):
            b = articles[j]
            overlap = len(shingles[i] & shingles[j]) / min(len(shingles[i]), len(shingles[j]))
            if a.expected["story"] == b.expected["story"]:
                copies += 1
                assert overlap > 0.9
            else:
                assert overlap < 0.5, (a.title, b.title, overlap)
    assert copies >= 5


def test_a_benchmark_sized_replica_lists_every_article_in_its_sitemaps():
    articles = synthetic_articles(1000, seed=1)
    with ReplicaWeb(articles) as replica:
        sources = tomllib.loads(replica.sources_toml())["source"]
        listed: set[str] = set()
        for source in sources:
            for url in source["sitemaps"]:
                todo = [url]
                while todo:
                    locs = sitemap_locs(get(todo.pop()))
                    todo += [loc for loc in locs if "sitemap" in loc]
                    listed |= {loc for loc in locs if re.search(source["article_url"], loc)}
        assert listed == {replica.article_url(a) for a in articles}
        started = datetime.now(UTC)
        get(replica.base_url("wp") + "/post-sitemap.xml")
        get(replica.article_url(articles[0]))
        assert datetime.now(UTC) - started < timedelta(seconds=2)


def test_small_replica_crawls_le_matin_through_feed_and_section(web):
    sources = tomllib.loads(web.sources_toml())["source"]
    (custom,) = [s for s in sources if s["name"] == "replica-custom"]
    assert custom["sitemaps"] == []
    assert get(web.base_url("custom") + "/sitemap.xml")  # served all the same, and in robots.txt


def test_routes_lists_every_page_of_a_site(web):
    routes = web.sites["custom"].routes()
    assert {"/", "/rssFeed/0", "/rssFeed/4", "/economie", "/robots.txt", "/sitemap.xml"} <= set(
        routes
    )
    for article in site_articles(web, "custom"):
        content_type, body = routes[web.sites["custom"].article_path(article)]
        assert content_type == "text/html; charset=utf-8"
        assert body == get(web.article_url(article))
