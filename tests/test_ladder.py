"""The discovery ladder on the replica: when a rung answers 403, the next rung takes over,
the run records which rung worked, and a source blocked on every rung is reported as such.

The replica's own sources file says which rungs each replica site has; the tests fail the
rungs *before* the one expected to take over, whatever the sites serve today.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlmodel import Session, select

from crawler.sources import Source, load_sources
from crawler.spider import RUNGS
from devkit.replica import ReplicaWeb
from newswatch.usecases import crawl_once, open_database
from storage.models import SourceError, SourceRun, SourceState

CHALLENGE = (
    b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    b"<div id=\"cf-chl-widget\">Checking your browser before accessing the site.</div>"
    b"<script src=\"/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1\"></script>"
    b"</body></html>"
)


@pytest.fixture
def one_site(request: pytest.FixtureRequest) -> ReplicaWeb:
    with ReplicaWeb(sites=[request.param]) as web:
        yield web


def _source(web: ReplicaWeb, tmp_path: Path, site: str) -> tuple[Path, Source]:
    path = web.write_sources(tmp_path / "sources.toml")
    return path, next(s for s in load_sources(path) if s.name == f"replica-{site}")


def _rung_urls(source: Source) -> dict[str, list[str]]:
    return {"sitemap": source.sitemaps, "feed": source.feeds, "wp-api": source.wp_api, "section": source.sections}


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _fail_rungs_before(web: ReplicaWeb, site: str, source: Source, target: str, **answer: object) -> list[str]:
    """Make every rung ahead of `target` answer 403; return the paths now failing."""
    failed = []
    for rung in RUNGS[: RUNGS.index(target)]:
        for url in _rung_urls(source)[rung]:
            web.override(site, _path(url), status=403, **answer)  # type: ignore[arg-type]
            failed.append(_path(url))
    return failed


def _last(settings, name: str) -> tuple[SourceRun, SourceState, list[SourceError]]:  # noqa: ANN001
    with Session(open_database(settings)) as session:
        run = session.exec(select(SourceRun).where(SourceRun.source == name).order_by(SourceRun.id.desc())).first()
        state = session.get(SourceState, name)
        errors = session.exec(select(SourceError).where(SourceError.source == name)).all()
        assert run is not None and state is not None
        return run, state, list(errors)


@pytest.mark.parametrize("one_site", ["custom"], indirect=True)
def test_feed_answering_403_hands_over_to_the_section_rung(
    one_site: ReplicaWeb, make_settings, tmp_path: Path
) -> None:
    path, source = _source(one_site, tmp_path, "custom")
    assert source.feeds and source.sections
    failed = _fail_rungs_before(one_site, "custom", source, "section")
    settings = make_settings()

    summary = crawl_once(settings, [source.name], sources_file=path, send_alerts=False)

    run, state, errors = _last(settings, source.name)
    assert run.rung == "section" and state.last_rung == "section"
    assert summary.sources[source.name] == "ok" and state.health == "ok"
    assert run.new_articles > 0
    requested = {p for site, p in one_site.requests if site == "custom"}
    assert {_path(u) for u in source.feeds} <= requested, "the feed rung was tried first"
    assert {e.http_status for e in errors if e.url and _path(e.url) in failed} == {403}


@pytest.mark.parametrize("one_site", ["wp"], indirect=True)
def test_sitemap_answering_403_hands_over_to_the_feed_rung(
    one_site: ReplicaWeb, make_settings, tmp_path: Path
) -> None:
    path, source = _source(one_site, tmp_path, "wp")
    assert source.sitemaps and source.feeds
    _fail_rungs_before(one_site, "wp", source, "feed")
    settings = make_settings()

    crawl_once(settings, [source.name], sources_file=path, send_alerts=False)

    run, state, _errors = _last(settings, source.name)
    assert run.rung == "feed" and state.last_rung == "feed"
    assert run.status == "ok"


@pytest.mark.parametrize("one_site", ["wp"], indirect=True)
def test_sitemap_and_feed_answering_403_hand_over_to_the_section_rung(
    one_site: ReplicaWeb, make_settings, tmp_path: Path
) -> None:
    path, source = _source(one_site, tmp_path, "wp")
    _fail_rungs_before(one_site, "wp", source, "section")
    settings = make_settings()

    crawl_once(settings, [source.name], sources_file=path, send_alerts=False)

    run, state, _errors = _last(settings, source.name)
    assert run.rung == "section" and state.last_rung == "section"
    assert run.new_articles > 0


@pytest.mark.parametrize("one_site", ["custom"], indirect=True)
def test_a_source_challenged_on_every_rung_is_reported_blocked(
    one_site: ReplicaWeb, make_settings, tmp_path: Path
) -> None:
    path, source = _source(one_site, tmp_path, "custom")
    failed = []
    for urls in _rung_urls(source).values():
        for url in urls:
            one_site.override("custom", _path(url), status=403, body=CHALLENGE,
                              headers={"cf-mitigated": "challenge", "Server": "cloudflare"})
            failed.append(_path(url))
    settings = make_settings()

    summary = crawl_once(settings, [source.name], sources_file=path, send_alerts=False)

    run, state, errors = _last(settings, source.name)
    assert summary.sources[source.name] == "blocked" and run.status == "blocked"
    assert state.health == "blocked"
    assert state.last_error and "Blocked" in state.last_error
    blocked = [e for e in errors if e.kind == "Blocked"]
    # The health line names what failed first and where, not only the counts.
    assert f"first Blocked: {blocked[0].message}" in state.last_error
    assert (blocked[0].url or "") in state.last_error
    assert {_path(e.url or "") for e in blocked} == set(failed)
    assert all("blocked" in e.message and "403" in e.message for e in blocked)
    # Never circumvented: no article page was fetched, and the challenged URLs were not hammered.
    requested = [p for site, p in one_site.requests if site == "custom" and p != "/robots.txt"]
    assert set(requested) <= set(failed)
    assert all(requested.count(p) <= 1 + settings.crawl.retry_times for p in failed)
