"""`newswatch sources check` against local servers only: the replica, and a tiny server that
records headers and can stall."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

from crawler.check import check_sources, working_sources
from crawler.sources import Source, load_sources
from devkit.replica import ReplicaWeb
from newswatch.cli import EXIT_PARTIAL, app

CHALLENGE = b"<html><head><title>Just a moment...</title></head><body>cf-chl challenge-platform</body></html>"


def _sources(web: ReplicaWeb, tmp_path: Path) -> tuple[Path, list[Source]]:
    path = web.write_sources(tmp_path / "sources.toml")
    return path, load_sources(path)


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_every_replica_source_has_working_rungs(replica: ReplicaWeb, make_settings, tmp_path: Path) -> None:
    _path_, sources = _sources(replica, tmp_path)
    rows = check_sources(sources, make_settings().crawl)

    assert working_sources(rows) == {s.name for s in sources}
    assert len(rows) == sum(len(s.sitemaps + s.feeds + s.wp_api + s.sections) for s in sources)
    for row in rows:
        assert row.status == 200, row
        if row.verdict == "ok":
            assert row.items > 0
            assert row.newest is not None or row.rung == "section"  # listing pages carry no dates


def test_a_challenged_feed_is_reported_blocked_and_the_rest_still_checked(
    replica: ReplicaWeb, make_settings, tmp_path: Path
) -> None:
    _path_, sources = _sources(replica, tmp_path)
    source = next(s for s in sources if s.name == "replica-custom")
    feed = _path(source.feeds[0])
    replica.override("custom", feed, status=403, body=CHALLENGE, headers={"cf-mitigated": "challenge"})

    rows = check_sources([source], make_settings().crawl)

    by_rung = {row.rung: row for row in rows}
    assert by_rung["feed"].verdict == "blocked" and by_rung["feed"].status == 403
    assert "not worked around" in by_rung["feed"].message
    assert by_rung["section"].verdict == "ok"
    assert [p for site, p in replica.requests if site == "custom"].count(feed) == 1, "no retry, no evasion"


@pytest.mark.parametrize("robots", [(200, b"User-agent: *\nDisallow: /\n"), (503, b"down")])
def test_robots_txt_is_obeyed(robots: tuple[int, bytes], replica: ReplicaWeb, make_settings, tmp_path: Path) -> None:
    _path_, sources = _sources(replica, tmp_path)
    source = next(s for s in sources if s.name == "replica-wp")
    status, body = robots
    replica.override("wp", "/robots.txt", status=status, body=body, headers={"Content-Type": "text/plain"})

    rows = check_sources([source], make_settings().crawl)

    assert {row.verdict for row in rows} == {"robots"}
    assert [p for site, p in replica.requests if site == "wp"] == ["/robots.txt"]


def test_a_pattern_matching_nothing_says_so(replica: ReplicaWeb, make_settings, tmp_path: Path) -> None:
    _path_, sources = _sources(replica, tmp_path)
    source = next(s for s in sources if s.name == "replica-custom")
    wrong = source.model_copy(update={"article_url": r"^https://nowhere\.invalid/"})

    rows = check_sources([wrong], make_settings().crawl)

    assert {row.verdict for row in rows} == {"no-articles"}
    assert working_sources(rows) == set()


class _Recorder(BaseHTTPRequestHandler):
    agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        type(self).agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow-feed":
            time.sleep(2)
        self.send_response(404 if self.path == "/robots.txt" else 200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        self.wfile.write(b"<rss version='2.0'><channel><title>t</title></channel></rss>")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    _Recorder.agents = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_identifies_itself_and_honours_the_timeout(recorder: str, make_settings) -> None:
    source = Source(name="slow", homepage=f"{recorder}/", feeds=[f"{recorder}/slow-feed", f"{recorder}/feed"])
    settings = make_settings()

    started = time.monotonic()
    rows = check_sources([source], settings.crawl, timeout=0.5)

    assert time.monotonic() - started < 2.5
    assert rows[0].verdict == "unreachable" and "timed out" in rows[0].message.lower()
    assert rows[1].verdict == "broken"  # an empty feed: not usable
    assert _Recorder.agents and set(_Recorder.agents) == {settings.crawl.user_agent}


def test_cli_prints_json_and_exits_3_when_a_source_has_no_working_rung(make_settings, tmp_path: Path) -> None:
    runner = CliRunner()
    with ReplicaWeb(sites=["custom"]) as web:
        path, sources = _sources(web, tmp_path)
        result = runner.invoke(app, ["sources", "check", "--sources", str(path), "--json"], obj=make_settings())
        assert result.exit_code == 0, result.output
        document = json.loads(result.stdout)
        assert document["kind"] == "source-check"
        assert {row["source"] for row in document["items"]} == {"replica-custom"}
        assert {"url", "rung", "status", "items", "newest", "verdict"} <= set(document["items"][0])

        for url in sources[0].feeds + sources[0].sections + sources[0].sitemaps:
            web.override("custom", _path(url), status=403, body=CHALLENGE)
        blocked = runner.invoke(app, ["sources", "check", "replica-custom", "--sources", str(path)], obj=make_settings())
        assert blocked.exit_code == EXIT_PARTIAL
        assert "blocked" in blocked.stdout
