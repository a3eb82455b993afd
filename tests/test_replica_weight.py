"""ReplicaWeb(page_weight="real"): article pages as heavy as real ones, extracted the same.

The light and the real-weight replica serve the same article objects, so any difference in
what `extract_article` returns comes from the furniture: it must not change the title or
the body, and no teaser of another article may leak into the body.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator

import pytest

from crawler.article_extractor import extract_article
from crawler.encoding import decode_html
from devkit.replica import ReplicaArticle, ReplicaWeb, synthetic_articles
from devkit.replica.server import default_articles
from devkit.replica.sites import DEFAULT_SITES
from devkit.replica.sites.base import esc
from devkit.replica.sites.furniture import Furniture

MIN_REAL_BYTES = 80_000
MAX_LIGHT_BYTES = 20_000
# Fields besides title and body that the furniture must not change either.
SAME_FIELDS = ("title", "text", "published_at", "author", "language")

Pair = tuple[ReplicaWeb, ReplicaWeb, list[ReplicaArticle]]


def fetch(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200, url
        return response.read(), response.headers["Content-Type"]


def extracted(web: ReplicaWeb, article: ReplicaArticle) -> dict[str, object]:
    url = web.article_url(article)
    body, content_type = fetch(url)
    return extract_article(decode_html(body, content_type).text, url)


def teaser_snippets(web: ReplicaWeb, article: ReplicaArticle) -> set[str]:
    """Every title the rails show, and the excerpts the related block shows."""
    teasers = Furniture(web.sites[article.site], article, date_text=str).teasers
    excerpts = {t.excerpt.removesuffix(" […]") for t in teasers.related}
    return {t.title for t in teasers.all()} | excerpts


@pytest.fixture(scope="module", params=["default sites", "with ar"])
def default_pair(request: pytest.FixtureRequest) -> Iterator[Pair]:
    sites = None if request.param == "default sites" else [*DEFAULT_SITES, "ar"]
    articles = default_articles()
    with ReplicaWeb(articles, sites) as light, ReplicaWeb(articles, sites, page_weight="real") as real:
        served = [a for a in articles if a.site in real.sites]
        yield light, real, served


@pytest.fixture(scope="module")
def synthetic_pair() -> Iterator[Pair]:
    articles = synthetic_articles(60)
    with ReplicaWeb(articles) as light, ReplicaWeb(articles, page_weight="real") as real:
        yield light, real, articles[::3]  # a sample of every site kind


def assert_same_extraction(pair: Pair) -> None:
    light, real, articles = pair
    assert articles
    for article in articles:
        plain, heavy = extracted(light, article), extracted(real, article)
        for field in SAME_FIELDS:
            assert heavy[field] == plain[field], (article.site, article.slug, field)


def assert_no_teaser_leak(pair: Pair) -> None:
    _, real, articles = pair
    for article in articles:
        page, _ = fetch(real.article_url(article))
        text = str(extracted(real, article)["text"])
        own = f"{article.title}\n{article.body_text}"
        for snippet in teaser_snippets(real, article):
            if snippet in own:
                continue  # the article itself says it: not a leak
            # The check only means something if the teaser really is on the page.
            assert esc(snippet).encode() in page, (article.slug, snippet)
            assert snippet not in text, (article.site, article.slug, snippet)


def test_default_articles_extract_the_same_on_real_weight_pages(default_pair: Pair) -> None:
    assert_same_extraction(default_pair)


def test_synthetic_articles_extract_the_same_on_real_weight_pages(synthetic_pair: Pair) -> None:
    assert_same_extraction(synthetic_pair)


def test_no_teaser_text_leaks_into_the_body(default_pair: Pair, synthetic_pair: Pair) -> None:
    assert_no_teaser_leak(default_pair)
    assert_no_teaser_leak(synthetic_pair)


def test_real_weight_pages_are_heavy_and_byte_identical(default_pair: Pair) -> None:
    _, real, articles = default_pair
    for article in articles:
        url = real.article_url(article)
        first, _ = fetch(url)
        second, _ = fetch(url)
        assert len(first) >= MIN_REAL_BYTES, (article.site, len(first))
        assert first == second, url


def test_light_stays_the_default(default_pair: Pair) -> None:
    light, _, articles = default_pair
    assert light.page_weight == "light"
    for article in articles:
        body, _ = fetch(light.article_url(article))
        assert len(body) < MAX_LIGHT_BYTES, (article.site, len(body))


def test_teasers_reuse_the_sites_other_articles(synthetic_pair: Pair) -> None:
    _, real, articles = synthetic_pair
    for article in articles:
        page, _ = fetch(real.article_url(article))
        others = [a for a in real.sites[article.site].articles() if a.slug != article.slug]
        shown = [a for a in others if esc(a.title).encode() in page]
        assert len(shown) >= 10, (article.site, article.slug, len(shown))


def test_unknown_page_weight_is_refused() -> None:
    with pytest.raises(ValueError, match="page_weight"):
        ReplicaWeb(page_weight="heavy")
