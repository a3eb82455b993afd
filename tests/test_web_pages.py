"""The dashboard's pages as served, and `newswatch serve` / `newswatch demo --serve` as run."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from sqlalchemy.engine import Engine

from storage.clock import utcnow
from storage.db import connect, session_scope
from storage.models import CrawlRun, SourceError, SourceRun
from web import create_app
from web.server import running
from web_data import add_alert, add_report, add_source, add_story, fetch

ROOT = Path(__file__).resolve().parents[1]
NEWSWATCH = [sys.executable, "-m", "newswatch"]


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = connect(f"sqlite:///{tmp_path / 'db.sqlite'}")
    yield engine
    engine.dispose()


def test_the_story_page_shows_each_report_its_figures_evidence_and_verdict(engine: Engine) -> None:
    with session_scope(engine) as session:
        story = add_story(session, "Corvell ouvre un centre à Kénitra", jobs=600, amount=50e6,
                          companies=("Corvell",), cities=("Kénitra",),
                          evidence="Corvell recrutera 600 conseillers à Kénitra.")
        add_report(session, story, "Corvell : 650 emplois à Kénitra", jobs=650, source="autre-site",
                   evidence="Le site emploiera 650 personnes.")
        add_alert(session, story, status="sent")
        story_id = story.id
    with running(create_app(engine)) as server:
        html = fetch(server.url + f"stories/{story_id}").text
        assert fetch(server.url + "stories/424242").status == 404
    assert "600" in html and "650" in html and "50,000,000 MAD" in html
    assert "Corvell recrutera 600 conseillers à Kénitra." in html
    assert "Le site emploiera 650 personnes." in html
    assert "Verdict:</strong> alerted" in html
    assert "also reported by" in html.replace("&#34;", '"')
    assert re.search(r"Outlets</dt><dd>2 \(2 reports\)", html)


def test_sources_and_outbox_pages(engine: Engine) -> None:
    with session_scope(engine) as session:
        add_source(session, "exemple-fr", health="ok", last_rung="feed", last_success_at=utcnow())
        add_source(session, "bloque", health="blocked", last_rung="headlines",
                   last_error="BotProtection: 403 at /\ntraceback line", consecutive_failures=4)
        for run_id, kinds in ((1, ["OldFailure"]), (2, ["FeedUnreachable", "PageFailed"])):
            session.add(CrawlRun(id=run_id))
            session.add(SourceRun(run_id=run_id, source="bloque"))
            session.flush()
            for kind in kinds:
                session.add(SourceError(run_id=run_id, source="bloque", kind=kind,
                                        message=f"{kind} message", url="https://bloque.example.ma/"))
                session.flush()
        story = add_story(session, "Story with a dead alert", jobs=5)
        add_alert(session, story, status="dead", attempts=8, error="SMTP 550 refused")
        add_alert(session, story, status="pending", attempts=0, channel="slack")
    with running(create_app(engine)) as server:
        sources = fetch(server.url + "sources").text
        outbox = fetch(server.url + "outbox").text
        dead = fetch(server.url + "outbox?status=dead").text
        assert fetch(server.url + "outbox?status=nonsense").status == 400
    assert "headlines only" in sources and "BotProtection: 403 at /" in sources
    assert "traceback line" not in sources  # the first line of the error only
    assert "FeedUnreachable: <span dir=\"auto\">FeedUnreachable message" in sources
    assert "PageFailed" not in sources and "OldFailure" not in sources  # the latest run's first
    assert "dead: 1" in outbox and "pending: 1" in outbox and "SMTP 550 refused" in outbox
    assert dead.count('class="status status-dead">dead<') == 1 and "slack" not in dead


def _wait_for_line(process: subprocess.Popen, pattern: str, timeout: float) -> str:  # type: ignore[type-arg]
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    seen = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        seen.append(line)
        if match := re.search(pattern, line):
            return match.group(1)
    raise AssertionError(f"no line matching {pattern!r}: {''.join(seen)[-2000:]}")


def _stop(process: subprocess.Popen) -> int:  # type: ignore[type-arg]
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}
    env.update(NEWSWATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite'}",
               NEWSWATCH_DATA_DIR=str(tmp_path / "data"), **extra)
    return env


def test_newswatch_serve_answers_and_stops_on_ctrl_c(engine: Engine, tmp_path: Path) -> None:
    with session_scope(engine) as session:
        add_story(session, "Served story", jobs=12)
    process = subprocess.Popen([*NEWSWATCH, "serve", "--port", "0"], cwd=ROOT, env=_env(tmp_path),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = _wait_for_line(process, r"dashboard at (http://127\.0\.0\.1:\d+/)", 60)
        assert "Served story" in fetch(url).text
        assert fetch(url + "api/stories").json()["stories"][0]["jobs"] == 12
    finally:
        assert _stop(process) == 0


def test_newswatch_serve_refuses_a_public_address_without_a_token(tmp_path: Path, engine: Engine) -> None:
    result = subprocess.run([*NEWSWATCH, "serve", "--host", "0.0.0.0"], cwd=ROOT, env=_env(tmp_path),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "NEWSWATCH_WEB__TOKEN" in result.stderr and "Traceback" not in result.stderr


def test_demo_serve_leaves_the_dashboard_up_on_the_demo_data(tmp_path: Path) -> None:
    process = subprocess.Popen([*NEWSWATCH, "demo", "--serve"], cwd=ROOT, env=_env(tmp_path),
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = _wait_for_line(process, r"dashboard on the demo's data: (http://\S+)", 240)
        assert fetch(url).status == 200
        feed = feedparser.parse(fetch(url + "feeds/announcements.atom").body)
        assert not feed.bozo and len(feed.entries) >= 1
        stories = fetch(url + "api/stories").json()["stories"]
        assert stories and all(s["jobs"] for s in stories)
    finally:
        assert _stop(process) == 0
    assert not (tmp_path / "db.sqlite").exists()  # the demo never touched the user's database
