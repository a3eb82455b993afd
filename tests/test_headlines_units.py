"""The headline rung's parts: the source entry (headlines, rung order, allowed_domains), the
aggregator feed parser, the headline text, the redirect allowance and `status`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analysis.headline import headline_text
from crawler.errors import FeedBroken, SourcesFileError, UnsafeXml
from crawler.headlines import from_outlet, outlet_domains, parse_headlines
from crawler.middlewares import allowed_domains
from crawler.sources import HEADLINES, Source, load_sources
from newswatch.cli import app
from newswatch.usecases import open_database
from storage.db import session_scope
from storage.models import SourceState

BASE = {"name": "outlet", "homepage": "https://www.outlet.ma/", "feeds": ["https://www.outlet.ma/feed/"],
        "sections": ["https://www.outlet.ma/eco/"], "sitemaps": ["https://www.outlet.ma/news.xml"]}


def _source(**extra: object) -> Source:
    return Source.model_validate({**BASE, **extra})


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(body, encoding="utf-8")
    return path


# -- the source entry ----------------------------------------------------------------------


def test_the_headline_rung_defaults_to_the_google_news_search_of_its_query() -> None:
    source = _source(headlines={"query": "site:outlet.ma"}, language="en")
    assert source.rung_urls(HEADLINES) == [
        "https://news.google.com/rss/search?q=site:outlet.ma&hl=en&gl=MA&ceid=MA:en"]
    assert [rung for rung, _urls in source.ladder()] == ["sitemap", "feed", "section", "headlines"]


def test_an_always_on_or_disabled_headline_rung_is_not_on_the_ladder() -> None:
    always = _source(headlines={"query": "site:outlet.ma", "mode": "always"})
    off = _source(headlines={"query": "site:outlet.ma", "enabled": False})
    assert always.always_on_headlines and HEADLINES not in dict(always.ladder())
    assert not off.headlines_on and off.rung_urls(HEADLINES) == [] and HEADLINES not in dict(off.ladder())


def test_rungs_set_the_ladder_order_and_may_place_the_headline_rung() -> None:
    source = _source(rungs=["section", "headlines", "feed"], headlines={"query": "site:outlet.ma"})
    assert [rung for rung, _urls in source.ladder()] == ["section", "headlines", "feed"]
    assert [rung for rung, _urls in _source(rungs=["feed"]).ladder()] == ["feed"], "unlisted rungs are not used"


@pytest.mark.parametrize(("extra", "message"), [
    ({"rungs": ["feed", "feed"]}, "rungs lists feed twice"),
    ({"rungs": ["wp-api"]}, "rungs lists wp-api but the entry gives no URL for it"),
    ({"rungs": ["headlines"]}, "rungs lists headlines but the entry gives no URL for it"),
    ({"rungs": ["rss"]}, "rungs.0"),
    ({"allowed_domains": ["https://cdn.outlet.ma/"]}, "is not a host name"),
    ({"headlines": {"query": " "}}, "must name the aggregator search"),
    ({"headlines": {"query": "site:outlet.ma", "mode": "sometimes"}}, "headlines.mode"),
])
def test_a_bad_entry_names_the_source_and_the_key(tmp_path: Path, extra: dict, message: str) -> None:
    lines = "".join(f"{key} = {value!r}\n".replace("'", '"') for key, value in BASE.items())
    table = ""
    for key, value in extra.items():
        if isinstance(value, dict):
            table += f"\n[source.{key}]\n" + "".join(f'{k} = "{v}"\n' for k, v in value.items())
        else:
            lines += f"{key} = {value!r}\n".replace("'", '"')
    path = _write(tmp_path, "[[source]]\n" + lines + table)
    with pytest.raises(SourcesFileError) as caught:
        load_sources(path)
    assert "'outlet'" in str(caught.value) and message in str(caught.value)


def test_allowed_domains_widen_the_redirect_allowance_and_the_outlet() -> None:
    source = _source(allowed_domains=["outlet-ma.cdn.ampproject.org", "static.outletcdn.net"],
                     headlines={"query": "site:outlet.ma"})
    assert allowed_domains(source) == {"outlet.ma", "ampproject.org", "outletcdn.net", "google.com"}
    assert outlet_domains(source) == {"outlet.ma", "ampproject.org", "outletcdn.net"}, "not the aggregator"
    assert allowed_domains(_source()) == {"outlet.ma"}


# -- the aggregator's feed -----------------------------------------------------------------

ITEM = """<item><title>{title} - La Gazette</title><link>https://news.google.com/rss/articles/CBMiX{n}?oc=5</link>
<pubDate>Tue, 03 Nov 2026 08:10:00 GMT</pubDate><description>{description}</description>
<source url="{site}">La Gazette</source></item>"""


def _feed(*items: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'
            + "".join(items) + "</channel></rss>").encode()


def test_an_item_gives_title_snippet_publisher_date_and_the_aggregator_link() -> None:
    description = ("&lt;a href=&quot;https://news.google.com/x&quot;&gt;Nexora ouvre un plateau à Fès&lt;/a&gt;"
                   "&amp;nbsp;&amp;nbsp;&lt;font color=&quot;#6f6f6f&quot;&gt;La Gazette&lt;/font&gt;")
    [headline] = parse_headlines(_feed(ITEM.format(title="Nexora ouvre un plateau à Fès", n=1,
                                                   description=description, site="https://gazette.ma")), "https://news.google.com/rss/search")
    assert headline.title == "Nexora ouvre un plateau à Fès"
    assert headline.snippet == "Nexora ouvre un plateau à Fès La Gazette"
    assert (headline.publisher, headline.publisher_url) == ("La Gazette", "https://gazette.ma")
    assert headline.published == datetime(2026, 11, 3, 8, 10, tzinfo=UTC)
    assert headline.link == "https://news.google.com/rss/articles/CBMiX1?oc=5"
    assert headline.text == "Nexora ouvre un plateau à Fès", "the snippet only repeats the headline"


def test_a_cluster_item_keeps_only_its_own_line_and_a_plain_snippet_is_kept() -> None:
    cluster = ("&lt;ol&gt;&lt;li&gt;&lt;a href=&quot;x&quot;&gt;Titre A&lt;/a&gt; La Gazette&lt;/li&gt;"
               "&lt;li&gt;&lt;a href=&quot;y&quot;&gt;Autre titre&lt;/a&gt; Autre Journal&lt;/li&gt;&lt;/ol&gt;")
    plain = "Titre B. Le groupe recrutera 120 conseillers d'ici juin."
    one, two = parse_headlines(_feed(ITEM.format(title="Titre A", n=1, description=cluster, site="https://gazette.ma"),
                                     ITEM.format(title="Titre B", n=2, description=plain, site="https://gazette.ma")), "u")
    assert one.snippet == "Titre A La Gazette"
    assert two.text == "Titre B.\nLe groupe recrutera 120 conseillers d'ici juin."


def test_items_of_another_publisher_are_not_the_outlets() -> None:
    items = parse_headlines(_feed(ITEM.format(title="A", n=1, description="A", site="https://www.gazette.ma"),
                                  ITEM.format(title="B", n=2, description="B", site="https://autre.example")), "u")
    assert [from_outlet(h, frozenset({"gazette.ma"})) for h in items] == [True, False]


def test_a_feed_without_items_or_with_entities_is_refused() -> None:
    with pytest.raises(FeedBroken):
        parse_headlines(b"<html><body>Our systems have detected unusual traffic</body></html>", "u")
    with pytest.raises(UnsafeXml):
        parse_headlines(b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel></channel></rss>', "u")


@pytest.mark.parametrize(("title", "snippet", "text"), [
    ("Titre", "", "Titre"),
    ("Titre", "Titre  - suite du chapeau", "Titre.\nsuite du chapeau"),
    ("Titre ?", "Autre chose", "Titre ?\nAutre chose"),
])
def test_headline_text(title: str, snippet: str, text: str) -> None:
    assert headline_text(title, snippet) == text


# -- status --------------------------------------------------------------------------------


def test_status_says_when_a_source_ran_on_headlines_only(make_settings) -> None:
    settings = make_settings()
    with session_scope(open_database(settings)) as session:
        session.add(SourceState(name="medias24", health="ok", last_rung="headlines"))
        session.add(SourceState(name="le360-fr", health="ok", last_rung="sitemap"))
    env = {"NEWSWATCH_DATA_DIR": str(settings.data_dir), "NEWSWATCH_DATABASE_URL": settings.database_url}
    result = CliRunner().invoke(app, ["status", "--json"], env=env)
    assert result.exit_code == 0, result.output
    rows = {row["source"]: row for row in json.loads(result.stdout)["items"]["sources"]}
    assert rows["medias24"]["coverage"] == "headlines only"
    assert rows["le360-fr"]["coverage"] == "articles"
    table = CliRunner().invoke(app, ["status"], env=env)
    assert "headlines only" in table.stdout
