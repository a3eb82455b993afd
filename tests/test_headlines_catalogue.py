"""The six outlets that block crawlers carry an enabled headline rung, and each one's fixture
(tests/data/sources/<name>/headlines.xml, our own items in the Google News RSS format) parses
into the headlines its headlines.json expects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from typer.testing import CliRunner

from crawler.headlines import from_outlet, parse_headlines
from crawler.middlewares import source_domains
from crawler.sources import HEADLINES, load_sources
from newswatch.cli import app
from newswatch.settings import bundled_catalogue

FIXTURES = Path(__file__).parent / "data" / "sources"
BLOCKED = ("medias24", "leconomiste", "lematin", "h24info", "mapnews", "mwn")
BY_NAME = {source.name: source for source in load_sources(bundled_catalogue())}


def _expected(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name / "headlines.json").read_text(encoding="utf-8"))


def test_sources_list_json_shows_an_enabled_headline_rung_for_the_blocked_outlets(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["sources", "list", "--json"], env={"NEWSWATCH_DATA_DIR": str(tmp_path)})
    assert result.exit_code == 0, result.output
    listed = {entry["name"]: entry for entry in json.loads(result.stdout)["items"]}
    for name in BLOCKED:
        rung = listed[name]["headlines"]
        assert rung is not None and rung["enabled"] is True, name
        assert rung["query"] == _expected(name)["query"], name
    assert not [n for n, entry in listed.items() if entry["headlines"] and n not in BLOCKED]


@pytest.mark.parametrize("name", BLOCKED)
def test_the_rung_is_the_named_google_news_search_of_the_outlet(name: str) -> None:
    source = BY_NAME[name]
    assert source.enabled and source.headlines_on and not source.always_on_headlines
    [url] = source.rung_urls(HEADLINES)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "news.google.com", "/rss/search")
    query = parse_qs(parts.query)
    assert query["q"] == [_expected(name)["query"]]
    assert query["hl"] == [source.language] and query["gl"] == ["MA"]
    assert source.ladder()[-1] == (HEADLINES, [url]), "read after the outlet's own rungs"
    domain = _expected(name)["query"].removeprefix("site:")
    assert domain in source.homepage


@pytest.mark.parametrize("name", BLOCKED)
def test_fixture_parses_into_the_expected_headlines(name: str) -> None:
    expected = _expected(name)
    text = (FIXTURES / name / expected["file"]).read_text(encoding="utf-8")
    assert "<!-- synthetic: written for newswatch tests" in text
    headlines = parse_headlines(text.encode("utf-8"), expected["base_url"])
    own = [h for h in headlines if from_outlet(h, source_domains([BY_NAME[name].homepage]))]
    got = [{"link": h.link, "title": h.title, "publisher": h.publisher, "snippet": h.snippet} for h in own]
    assert got == expected["headlines"]
    assert all(h.published is not None for h in own)
    assert expected["other_publisher"] in {h.link for h in headlines} - {h.link for h in own}, \
        "an item of another publisher is in the feed and is not the outlet's"


@pytest.mark.parametrize("name", BLOCKED)
def test_the_fixture_announcement_is_read_from_the_headline(name: str) -> None:
    from analysis.headline import analyze_headline

    expected = _expected(name)
    headline = next(h for h in expected["headlines"] if h["title"] == expected["announcement"])
    result = analyze_headline(title=headline["title"], snippet="", language=BY_NAME[name].language)
    assert result.relevant and result.announcement, result.reasons
    assert result.companies
