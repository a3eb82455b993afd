"""The bundled catalogue: every source loads, has a fixture, extracts and discovers as expected.

Each source has tests/data/sources/<name>/ with a synthetic page in the site's structure
(page.html), what extraction must give (expected.json), a listing for discovery and meta.toml.
A new catalogue entry without that folder fails `test_every_source_has_a_fixture`.
"""

from __future__ import annotations

import json
import re
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from cssselect import GenericTranslator, SelectorError

from crawler.article_extractor import extract_article
from crawler.discovery import Link, parse_feed, parse_section, parse_sitemap, parse_wp_posts
from crawler.sites import PARSERS
from crawler.sources import Source, load_sources
from newswatch.settings import bundled_catalogue

FIXTURES = Path(__file__).parent / "data" / "sources"
SYNTHETIC_MARK = "<!-- synthetic: written for newswatch tests -->"
REQUIRED = {
    "medias24", "le360-fr", "hespress-fr", "hespress-ar", "hespress-en", "leconomiste", "lematin",
    "telquel", "leseco", "challenge", "lavieeco", "aujourdhui", "h24info", "fnh", "ecoactu",
    "mapnews", "mapexpress", "mapbusiness", "ledesk", "yabiladi", "bladi", "mwn", "lopinion",
    "libe", "lnt", "maghress", "agadirinou", "fmes",
}

CATALOGUE = load_sources(bundled_catalogue())
BY_NAME = {source.name: source for source in CATALOGUE}
ARTICLE_SOURCES = [s.name for s in CATALOGUE if not s.name.endswith("-gnews")]


def _meta(name: str) -> dict[str, Any]:
    return tomllib.loads((FIXTURES / name / "meta.toml").read_text(encoding="utf-8"))


def _expected(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name / "expected.json").read_text(encoding="utf-8"))


def _selectors(source: Source) -> dict[str, Any] | None:
    return source.selectors.model_dump() if source.selectors else None


# -- the catalogue itself ----------------------------------------------------------------


def test_catalogue_covers_the_moroccan_business_press() -> None:
    assert len(CATALOGUE) >= 25
    assert REQUIRED <= set(BY_NAME), REQUIRED - set(BY_NAME)
    assert {s.language for s in CATALOGUE} == {"fr", "ar", "en"}
    assert sum(s.language == "fr" for s in CATALOGUE) > len(CATALOGUE) / 2


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_entry_is_complete(name: str) -> None:
    source = BY_NAME[name]
    assert source.notes.strip(), "every entry says how sure its rungs are"
    assert source.article_url, "every entry filters article links"
    assert source.feeds or source.sitemaps or source.wp_api or source.sections
    for url in source.wp_api:
        assert "/wp-json/wp/v2/posts" in url and "per_page=" in url


def test_no_separate_google_news_entries() -> None:
    """Google News is the blocked outlets' headline rung (tests/test_headlines_catalogue.py)."""
    assert not [n for n in BY_NAME if n.endswith("-gnews")]


def test_blocked_sources_stay_enabled_with_a_note() -> None:
    for name in ("medias24", "lematin", "leconomiste", "mapnews", "mwn", "h24info"):
        assert BY_NAME[name].enabled
        assert "BLOCKED" in BY_NAME[name].notes


@pytest.mark.parametrize("name", sorted(n for n in BY_NAME if BY_NAME[n].selectors))
def test_selectors_are_valid_css_and_parsers_exist(name: str) -> None:
    selectors = BY_NAME[name].selectors
    assert selectors is not None
    for css in [selectors.lead, selectors.body, selectors.date, selectors.author, *selectors.remove]:
        if css:
            try:
                GenericTranslator().css_to_xpath(css)
            except SelectorError as exc:
                pytest.fail(f"{name}: invalid selector {css!r}: {exc}")
    assert selectors.parser is None or selectors.parser in PARSERS


# -- one fixture per source -------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_every_source_has_a_fixture(name: str) -> None:
    folder = FIXTURES / name
    assert folder.is_dir(), f"add tests/data/sources/{name}/ (see docs/adding-a-source.md)"
    meta = _meta(name)
    assert meta["synthetic"] is True and meta["kind"] in ("article", "headlines")
    assert (folder / meta["listing"]).is_file()
    assert "listing" in _expected(name)
    if meta["kind"] == "article":
        page = (folder / "page.html").read_text(encoding="utf-8")
        assert SYNTHETIC_MARK in page
        assert BY_NAME[name].is_article_url(meta["url"]), "the fixture's own URL is an article URL"


def test_no_fixture_without_a_source() -> None:
    assert {p.name for p in FIXTURES.iterdir() if p.is_dir()} <= set(BY_NAME)


def _problems(name: str, selectors: dict[str, Any] | None) -> list[str]:
    """What extraction with these selectors gets wrong on the source's fixture."""
    meta, expected = _meta(name), _expected(name)
    page = (FIXTURES / name / "page.html").read_text(encoding="utf-8")
    fields = extract_article(page, meta["url"], selectors)
    problems = [
        f"{key}: {fields[key]!r}" for key, want in (
            ("title", expected["title"]),
            ("published_at", datetime.fromisoformat(expected["published"])),
            ("language", expected["language"]),
            ("truncated", expected["truncated"]),
            ("author", expected.get("author", fields["author"])),
        ) if fields[key] != want
    ]
    text = fields["text"]
    problems += [f"text lacks {s!r}" for s in expected["must_contain"] if s not in text]
    problems += [f"text keeps {s!r}" for s in expected["must_not_contain"] if s in text]
    return problems


@pytest.mark.parametrize("name", ARTICLE_SOURCES)
def test_extraction_matches_expected(name: str) -> None:
    problems = _problems(name, _selectors(BY_NAME[name]))
    assert not problems, f"{name}: {problems}"


@pytest.mark.parametrize("name", sorted(n for n in ARTICLE_SOURCES if BY_NAME[n].selectors))
def test_overrides_are_there_because_trafilatura_fails(name: str) -> None:
    """Selectors are the exception: without them the fixture must come out wrong."""
    assert _problems(name, None), f"{name}: trafilatura alone passes; drop the selectors"


def _links(kind: str, body: bytes, base_url: str) -> list[Link]:
    if kind == "feed":
        return parse_feed(body, base_url)
    if kind == "sitemap":
        return parse_sitemap(body, base_url).links
    if kind == "wp-api":
        return parse_wp_posts(body, base_url)
    return parse_section(body.decode("utf-8"), base_url)


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_listing_yields_exactly_the_article_links(name: str) -> None:
    source, listing = BY_NAME[name], _expected(name)["listing"]
    body = (FIXTURES / name / listing["file"]).read_bytes()
    links = [link.url for link in _links(listing["kind"], body, listing["base_url"])]
    picked = [url for url in links if source.is_article_url(url)]
    assert picked == listing["articles"]
    if listing["kind"] != "feed" or len(links) > len(picked):
        assert len(links) > len(picked), "the listing also holds links the pattern must refuse"


def test_arabic_article_urls_match_encoded_and_decoded() -> None:
    pattern = re.compile(BY_NAME["hespress-ar"].article_url or "")
    assert pattern.search("https://www.hespress.com/%D8%A3%D8%B7%D9%84%D8%B3-1498201.html")
    assert pattern.search("https://www.hespress.com/أطلس-كول-1498201.html")
    assert not pattern.search("https://www.hespress.com/economie")
