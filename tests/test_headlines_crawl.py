"""The headline rung inside one real crawl (fault server, one source per case): started when the
outlet's article pages are blocked, always-on beside a working ladder, the entry's rung order,
and a redirect to a host named in ``allowed_domains``.

"Another domain" is ``localhost``: the same server, so a followed redirect shows in the hit log.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

import pytest

from faultserver import FaultRun, FaultServer, fault_crawl, page, redirect, rss
from newswatch.settings import Settings
from newswatch.usecases import crawl_once, open_database

NOW = datetime.now(UTC)
CHALLENGE = page(
    "<html><head><title>Just a moment...</title></head><body>cf-chl challenge-platform</body></html>",
    status=403,
)


def gnews(outlet: str, aggregator: str, titles: list[str]) -> str:
    items = []
    for index, title in enumerate(titles, 1):
        link = f"{aggregator}/rss/articles/CBMi{index}?oc=5"
        description = f'<a href="{link}">{escape(title)}</a>&nbsp;&nbsp;<font color="#6f6f6f">Le Journal</font>'
        items.append(
            f"<item><title>{escape(title)} - Le Journal</title><link>{link}</link>"
            f"<pubDate>{format_datetime(NOW - timedelta(hours=index), usegmt=True)}</pubDate>"
            f"<description>{escape(description)}</description><source url=\"{outlet}\">Le Journal</source></item>"
        )
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>g</title>{"".join(items)}</channel></rss>'


def _headlines(server: FaultServer, name: str, outlet: str, titles: list[str], **options: str) -> dict[str, Any]:
    aggregator = server.site(f"{name}-aggregator")
    url = aggregator.route("/rss/search", page(gnews(outlet, aggregator.base_url, titles),
                                               content_type="application/rss+xml; charset=utf-8"))
    aggregator.use(feeds=[url], enabled=False)  # served, never crawled as a source of its own
    return {"query": "site:journal.ma", "feeds": [url], **options}


def build(server: FaultServer) -> dict[str, dict[str, Any]]:
    tables: dict[str, dict[str, Any]] = {}

    blocked = server.site("articles-blocked")
    urls = [blocked.route(f"/a/page-{n}", CHALLENGE) for n in (1, 2)]
    blocked.use(feeds=[blocked.feed(urls)])
    tables["articles-blocked"] = _headlines(server, "articles-blocked", blocked.base_url,
                                            ["Titre bloqué un", "Titre bloqué deux"])

    always = server.site("always-on")
    always.standard()
    tables["always-on"] = _headlines(server, "always-on", always.base_url, ["Titre en plus"], mode="always")

    ordered = server.site("ordered")
    good = ordered.good()
    ordered.use(feeds=[ordered.feed([good])], sections=[ordered.section([good])], rungs=["section", "feed"])

    cdn = server.site("cdn-redirect")
    cdn.good()
    cdn.route("/feed.xml", redirect(cdn.url("/cdn/feed.xml").replace("127.0.0.1", "localhost")))
    cdn.route("/cdn/feed.xml", page(rss(cdn.good_urls), content_type="application/rss+xml; charset=utf-8"))
    cdn.use(feeds=[cdn.url("/feed.xml")], allowed_domains=["localhost"])
    return tables


def write_sources(server: FaultServer, tables: dict[str, dict[str, Any]], path: Path) -> Path:
    blocks = []
    for site in server.sites.values():
        lines = [f"{key} = {json.dumps(value)}" for key, value in site.source().items()]
        if site.name in tables:
            lines += ["", "[source.headlines]", *(f"{k} = {json.dumps(v)}" for k, v in tables[site.name].items())]
        blocks.append("[[source]]\n" + "\n".join(lines))
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultRun]:
    tmp_path = Path(tmp_path_factory.mktemp("headlines-crawl"))
    with FaultServer() as server:
        tables = build(server)
        settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'db.sqlite'}",
                            crawl=fault_crawl())
        sources = write_sources(server, tables, tmp_path / "sources.toml")
        started = time.monotonic()
        summary = crawl_once(settings, sources_file=sources, send_alerts=False)
        seconds = time.monotonic() - started
    yield FaultRun(server, settings, summary, open_database(settings), seconds)


def test_blocked_article_pages_start_the_headline_rung(run: FaultRun) -> None:
    stored = run.articles("articles-blocked")
    assert sorted(a.title for a in stored) == ["Titre bloqué deux", "Titre bloqué un"]
    assert all(a.headline_only for a in stored)
    assert {e.kind for e in run.errors("articles-blocked")} == {"Blocked"}
    assert len(run.server.hits_for("articles-blocked-aggregator", "/rss/search")) == 1, "read once"
    assert not [h for h in run.server.hits_for("articles-blocked-aggregator") if h.path.startswith("/rss/articles/")]
    assert run.source_run("articles-blocked").rung == "headlines", "no article page could be read"
    assert run.state("articles-blocked").last_rung == "headlines"


def test_an_always_on_headline_rung_runs_beside_a_working_ladder(run: FaultRun) -> None:
    stored = {a.title: a for a in run.articles("always-on")}
    assert stored.pop("Titre en plus").headline_only
    assert len(stored) == 1 and not next(iter(stored.values())).headline_only, "the own article too"
    assert run.source_run("always-on").rung == "feed", "the outlet's own rung is what worked"


def test_the_entry_orders_its_rungs(run: FaultRun) -> None:
    assert run.source_run("ordered").rung == "section"
    assert run.server.hits_for("ordered", "/feed.xml") == [], "the section rung worked first"
    assert len(run.articles("ordered")) == 1


def test_a_redirect_to_an_allowed_domain_is_followed(run: FaultRun) -> None:
    assert run.kinds("cdn-redirect") == set()
    assert len(run.articles("cdn-redirect")) == 1
    assert run.server.hits_for("cdn-redirect", "/cdn/feed.xml"), "followed to the allowed host"


def test_sources_check_probes_the_headline_rung(tmp_path: Path) -> None:
    from crawler.check import check_sources
    from crawler.sources import load_sources

    with FaultServer() as server:
        outlet = server.site("outlet")
        outlet.route("/feed.xml", CHALLENGE)
        outlet.use(feeds=[outlet.url("/feed.xml")])
        tables = {"outlet": _headlines(server, "outlet", outlet.base_url, ["Un", "Deux", "Trois"])}
        sources = load_sources(write_sources(server, tables, tmp_path / "sources.toml"))
        source = next(s for s in sources if s.name == "outlet")
        settings = Settings(data_dir=tmp_path / "data", crawl=fault_crawl())
        rows = {row.rung: row for row in check_sources([source], settings.crawl)}
        aggregator_paths = [h.path for h in server.hits_for("outlet-aggregator")]
    assert rows["feed"].verdict == "blocked"
    assert (rows["headlines"].verdict, rows["headlines"].items, rows["headlines"].status) == ("ok", 3, 200)
    assert rows["headlines"].newest is not None
    assert "/rss/search" in aggregator_paths and not [p for p in aggregator_paths if p.startswith("/rss/articles/")]
