"""Issue 18, finding 11: the small things a user expects of the command line.

`--version` and the crawl's per-source summary run the real process; the listing commands run
in-process (Typer's CliRunner) on a database the test fills itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from importlib.metadata import version
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from conftest import free_port
from crawler.sources import load_sources
from devkit.replica import ReplicaWeb
from newswatch.cli import app
from newswatch.progress import Ticker
from newswatch.usecases import open_database
from storage.db import session_scope, shared_engine
from storage.models import Alert, Article, SourceState, Story

STORY_TITLE = "Valdoria Services ouvre un centre de relation client à Tétouan"  # invented


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newswatch", *args], env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "NEWSWATCH_DATA_DIR": str(tmp_path / "data"),
        "NEWSWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'small.db'}",
    }


@pytest.fixture
def filled(make_settings, env: dict[str, str]) -> dict[str, int]:  # noqa: ANN001
    """One story, its article, and three alerts: two dead, one sent."""
    settings = make_settings(database_url=env["NEWSWATCH_DATABASE_URL"], data_dir=Path(env["NEWSWATCH_DATA_DIR"]))
    with session_scope(open_database(settings)) as session:
        story = Story(title=STORY_TITLE, announcement=True, jobs=320)
        session.add(story)
        session.flush()
        article = Article(url="https://eco.example.ma/valdoria-tetouan", source="hespress-fr",
                          title=STORY_TITLE, text="Le prestataire Valdoria Services emploiera 320 personnes.",
                          story_id=story.id, announcement=True, relevant=True,
                          analysis={"jobs": 320, "cities": ["Tétouan"], "companies": ["Valdoria Services"]})
        session.add(article)
        session.flush()
        for n, (channel, status) in enumerate([("email", "dead"), ("slack", "dead"), ("email", "sent")]):
            session.add(Alert(key=f"t:{n}", story_id=story.id, article_id=article.id, channel=channel,
                              status=status, attempts=8 if status == "dead" else 1,
                              payload={"message": {"title": "subject line"}}))
        return {"story": int(story.id or 0), "article": int(article.id or 0)}


def test_version_prints_the_installed_version() -> None:
    result = run(["--version"], dict(os.environ))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"newswatch {version('newswatch')}"


def test_alerts_list_shows_the_story_title(filled: dict[str, int], env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["alerts", "list", "--json"], env=env)
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)["items"]
    assert len(items) == 3 and {item["title"] for item in items} == {STORY_TITLE}
    table = CliRunner().invoke(app, ["alerts", "list", "--status", "dead", "--channel", "slack"], env=env)
    rows = [line.split("\t") for line in table.stdout.splitlines()[2:] if line]
    assert len(rows) == 1 and STORY_TITLE in rows[0]


def test_articles_show_prints_one_article(filled: dict[str, int], env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["articles", "show", str(filled["article"])], env=env)
    assert result.exit_code == 0, result.output
    assert f"title: {STORY_TITLE}" in result.stdout and "jobs: 320" in result.stdout
    assert "alert 1: email announcement dead" in result.stdout
    missing = CliRunner().invoke(app, ["articles", "show", "999"], env=env)
    assert missing.exit_code == 1 and "no article with id 999" in missing.stderr


def test_alerts_resend_status_dead_requeues_every_dead_alert(filled: dict[str, int], env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["alerts", "resend", "--status", "dead"], env=env)
    assert result.exit_code == 0, result.output
    assert "2 dead alert(s) queued again" in result.stdout
    with Session(shared_engine(env["NEWSWATCH_DATABASE_URL"])) as session:
        statuses = sorted((a.channel, a.status, a.attempts) for a in session.exec(select(Alert)).all())
    assert statuses == [("email", "pending", 0), ("email", "sent", 1), ("slack", "pending", 0)]
    neither = CliRunner().invoke(app, ["alerts", "resend"], env=env)
    assert neither.exit_code == 2


def test_status_lists_never_run_sources_and_the_rung_that_worked(make_settings, env: dict[str, str], tmp_path: Path) -> None:  # noqa: ANN001
    sources = tmp_path / "sources.toml"
    sources.write_text(
        "".join(f'[[source]]\nname = "{n}"\nhomepage = "https://{n}.example.ma/"\nfeeds = ["https://{n}.example.ma/feed"]\n\n'
                for n in ("ran-before", "never-ran")), encoding="utf-8")
    env = env | {"NEWSWATCH_SOURCES": str(sources)}
    settings = make_settings(database_url=env["NEWSWATCH_DATABASE_URL"], data_dir=Path(env["NEWSWATCH_DATA_DIR"]))
    with session_scope(open_database(settings)) as session:
        session.add(SourceState(name="ran-before", health="ok", last_rung="feed"))
    result = CliRunner().invoke(app, ["status", "--json"], env=env)
    assert result.exit_code == 0, result.output
    rows = {row["source"]: row for row in json.loads(result.stdout)["items"]["sources"]}
    assert rows["ran-before"]["rung"] == "feed"
    assert rows["never-ran"]["health"] == "never run" and rows["never-ran"]["rung"] is None
    table = CliRunner().invoke(app, ["status"], env=env)
    assert "rung" in table.stdout.splitlines()[1].split("\t")


def test_a_crawl_ends_with_one_summary_line_per_source(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}
    env.update({
        "NEWSWATCH_DATA_DIR": str(tmp_path / "data"), "NEWSWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'crawl.db'}",
        "NEWSWATCH_CRAWL__DOWNLOAD_DELAY": "0", "NEWSWATCH_CRAWL__AUTOTHROTTLE": "false",
        "NEWSWATCH_CRAWL__EXTRACTION_WORKERS": "1", "NEWSWATCH_CRAWL__RETRY_TIMES": "0",
        "NEWSWATCH_CRAWL__DOWNLOAD_TIMEOUT": "5",
    })
    with ReplicaWeb() as web:
        sources = web.write_sources(tmp_path / "sources.toml")
        dead = free_port()  # nothing listens there
        with sources.open("a", encoding="utf-8") as handle:
            handle.write(f'\n[[source]]\nname = "unreachable"\nhomepage = "http://127.0.0.1:{dead}/"\n'
                         f'feeds = ["http://127.0.0.1:{dead}/feed"]\n')
        result = run(["crawl", "--sources", str(sources), "--no-alerts"], env)
    assert result.returncode == 3, result.stderr
    lines = {line.split(":", 1)[0]: line for line in result.stderr.splitlines() if ": " in line}
    names = [source.name for source in load_sources(sources)]
    assert len(names) >= 3
    for name in names:
        assert name in lines, (name, result.stderr)
        assert all(word in lines[name] for word in (" pages", " new", " alerts")), lines[name]
    assert "first error: SourceUnreachable" in lines["unreachable"]
    assert "first error" not in lines["replica-arc"]


def test_progress_appears_only_when_a_command_is_slow() -> None:
    written: list[str] = []
    seen = threading.Event()

    def write(line: str) -> None:
        written.append(line)
        seen.set()

    with Ticker("crawl", after=0, every=3600, write=write, detail=lambda: "7 new articles stored"):
        assert seen.wait(60), "a slow block printed no progress"
    assert written[0].startswith("crawl: still running, ") and written[0].endswith(", 7 new articles stored")
    quiet: list[str] = []
    with Ticker("crawl", after=3600, write=quiet.append):
        pass  # a quick command says nothing
    assert quiet == []
