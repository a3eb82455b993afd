"""Issue 18, findings 3 and 5: `crawl --refetch` works, and a crawl's words and exit code
match the facts (a failed item or a dead alert is a failure; `failed` when no source
worked; a network failure is one line, not a traceback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlmodel import Session, select

from alerts_servers import Reply, SlackServer
from conftest import free_port
from crawler import errors
from crawler.recorder import RunRecorder
from crawler.runner import start_run, summarize
from crawler.sources import Source
from devkit.replica import ReplicaWeb
from newswatch.usecases import open_database
from storage.db import make_engine
from storage.models import Article, SourceState
from test_daemon_support import ROOT, HungServer, fast_env

ANNOUNCEMENT_STORIES = 2
ADDED = "La direction précise que les entretiens d'embauche se tiendront sur place au printemps."


def _crawl(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newswatch", "crawl", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def _summary(stdout: str) -> dict[str, object]:
    return json.loads(stdout)["items"]


def _articles(database_url: str) -> dict[str, Article]:
    with Session(make_engine(database_url)) as session:
        rows = session.exec(select(Article).where(Article.is_seed == False)).all()  # noqa: E712
    return {row.url: row for row in rows}


def test_refetch_updates_each_stored_article_without_error_duplicate_or_second_alert(
    mail_server, replica: ReplicaWeb, tmp_path: Path
) -> None:
    sink, port = mail_server
    database_url = f"sqlite:///{tmp_path / 'nw.db'}"
    env = fast_env(DATA_DIR=tmp_path / "data", DATABASE_URL=database_url,
                   SMTP_HOST="127.0.0.1", SMTP_PORT=port, SMTP_SECURITY="none",
                   EMAIL_TO="analyst@example.ma")
    sources = str(replica.write_sources(tmp_path / "sources.toml"))
    first = _crawl(env, "--sources", sources)
    assert first.returncode == 0, first.stderr
    before = _articles(database_url)
    assert len(sink.messages) == ANNOUNCEMENT_STORIES and before

    story_a = next(a for site in replica.sites.values() for a in site.articles()
                   if a.expected.get("story") == "A")
    story_a.paragraphs.append(ADDED)  # the site corrects its article
    again = _crawl(env, "--sources", sources, "--refetch", "--json")

    assert again.returncode == 0, again.stderr[-3000:]
    assert "Traceback" not in again.stderr and "IntegrityError" not in again.stderr
    assert len(again.stderr) < 20_000, len(again.stderr)  # no item dumps
    summary = _summary(again.stdout)
    assert summary["status"] == "ok" and summary["errors"] == 0, summary
    after = _articles(database_url)
    assert after.keys() == before.keys()  # updated, not duplicated
    assert all(after[url].id == before[url].id for url in before)
    assert all(after[url].fetched_at > before[url].fetched_at for url in before)
    changed = [url for url, row in after.items() if ADDED in row.text]
    assert [url.rstrip("/") for url in changed] == [replica.article_url(story_a).rstrip("/")]
    assert len(sink.messages) == ANNOUNCEMENT_STORIES  # no second alert


def test_alerts_that_went_dead_are_errors_and_exit_code_3(replica: ReplicaWeb, tmp_path: Path) -> None:
    gone = Reply(status=404, body="no_service")
    with SlackServer(replies=[gone] * ANNOUNCEMENT_STORIES) as slack:
        env = fast_env(DATA_DIR=tmp_path / "data", DATABASE_URL=f"sqlite:///{tmp_path / 'nw.db'}",
                       SLACK_WEBHOOK_URL=slack.url)
        result = _crawl(env, "--sources", str(replica.write_sources(tmp_path / "s.toml")), "--json")
    assert result.returncode == 3, (result.returncode, result.stderr[-2000:])
    summary = _summary(result.stdout)
    assert summary["alerts_created"] == ANNOUNCEMENT_STORIES
    assert summary["alerts_failed"] == ANNOUNCEMENT_STORIES
    assert summary["errors"] == ANNOUNCEMENT_STORIES and summary["status"] == "partial", summary
    assert all("no_service" in error for error in summary["alert_errors"])  # type: ignore[union-attr]
    said = [line for line in result.stderr.splitlines() if "not delivered" in line]
    assert len(said) == 1 and "no_service" in said[0], result.stderr[-2000:]


def _source(name: str, url: str) -> Source:
    return Source(name=name, homepage=f"{url}/", feeds=[f"{url}/feed/"])


def test_a_run_is_failed_when_no_source_worked_and_partial_when_an_item_failed(make_settings) -> None:
    settings = make_settings()
    open_database(settings)
    engine = make_engine(settings.effective_database_url)
    down = [_source("down-a", "http://127.0.0.1:9"), _source("down-b", "http://127.0.0.1:9")]
    run_id = start_run(settings.effective_database_url, down, "cli")
    recorder = RunRecorder(engine, run_id, down)
    for source in down:
        recorder.failure(source.name, errors.SourceUnreachable, "Connection refused",
                         url="http://127.0.0.1:9/feed/")
    recorder.finish()
    assert summarize(settings.effective_database_url, run_id).status == "failed"

    up = [_source("up", "http://127.0.0.1:9")]
    run_id = start_run(settings.effective_database_url, up, "cli")
    recorder = RunRecorder(engine, run_id, up)
    recorder.links("up", "feed", 3)
    recorder.failure("up", errors.StoreFailed, "OperationalError: disk I/O error",
                     url="http://127.0.0.1:9/a.html")
    recorder.finish()
    summary = summarize(settings.effective_database_url, run_id)
    assert summary.sources == {"up": "ok"}  # the site is fine: health unchanged
    assert (summary.status, summary.failed_items, summary.clean) == ("partial", 1, False)


def test_network_failures_are_one_info_line_each_and_no_traceback(tmp_path: Path) -> None:
    refused = f"http://127.0.0.1:{free_port()}"
    with HungServer() as hung:
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f"[[source]]\nname = 'refused'\nhomepage = '{refused}/'\nfeeds = ['{refused}/feed/']\n\n"
            f"[[source]]\nname = 'timing-out'\nhomepage = '{hung.url}/'\nfeeds = ['{hung.url}/feed/']\n",
            encoding="utf-8")
        env = fast_env(DATA_DIR=tmp_path / "data", DATABASE_URL=f"sqlite:///{tmp_path / 'nw.db'}",
                       CRAWL__LOG_LEVEL="INFO", CRAWL__RETRY_TIMES=0, CRAWL__DOWNLOAD_TIMEOUT=3)
        result = _crawl(env, "--sources", str(sources), "--json")
    assert result.returncode == 3, result.stderr[-2000:]
    assert _summary(result.stdout)["status"] == "failed"
    assert "Traceback" not in result.stderr, result.stderr[-4000:]
    failure_lines = [line for line in result.stderr.splitlines()
                     if "refused" in line.lower() or "timed out" in line.lower() or "took longer" in line]
    assert failure_lines, result.stderr[-4000:]
    assert not [line for line in failure_lines if " ERROR: " in line], failure_lines


def test_an_article_that_failed_is_counted_exit_code_3_and_never_dumped(
    replica: ReplicaWeb, tmp_path: Path
) -> None:
    article = next(a for site in replica.sites.values() for a in site.articles()
                   if a.expected.get("story") == "A")
    path = "/" + replica.article_url(article).split("/", 3)[3]
    empty = b"<html><head><title>Tellaris</title></head><body><p>Bient\xc3\xb4t.</p></body></html>"
    replica.override(article.site, path, body=empty, headers={"Content-Type": "text/html"})
    env = fast_env(DATA_DIR=tmp_path / "data", DATABASE_URL=f"sqlite:///{tmp_path / 'nw.db'}",
                   CRAWL__LOG_LEVEL="WARNING")
    result = _crawl(env, "--sources", str(replica.write_sources(tmp_path / "s.toml")), "--no-alerts",
                    "--json")
    assert result.returncode == 3, (result.returncode, result.stderr[-2000:])
    summary = _summary(result.stdout)
    assert summary["failed_items"] == 1 and summary["status"] == "partial", summary
    assert set(summary["sources"].values()) == {"ok"}  # type: ignore[union-attr]
    assert "ArticleItem(" not in result.stderr and "body=b" not in result.stderr, result.stderr[-3000:]


def test_an_interrupted_run_leaves_the_sources_health_as_it_was(make_settings) -> None:
    settings = make_settings()
    open_database(settings)
    engine = make_engine(settings.effective_database_url)
    sources = [_source("cut-short", "http://127.0.0.1:9")]
    run_id = start_run(settings.effective_database_url, sources, "daemon")
    recorder = RunRecorder(engine, run_id, sources)
    recorder.failure("cut-short", errors.SourceUnreachable, "cancelled by the shutdown",
                     url="http://127.0.0.1:9/feed/")
    recorder.finish("interrupted")  # what a crawl closed by SIGTERM/SIGINT records
    assert summarize(settings.effective_database_url, run_id).status == "interrupted"
    with Session(engine) as session:
        state = session.get(SourceState, "cut-short")
    assert state is not None and state.consecutive_failures == 0
    assert state.health not in ("failing", "degraded") and state.last_error is None


def test_a_crawl_killed_with_sigkill_takes_its_crawl_process_with_it(tmp_path: Path) -> None:
    import psutil

    from test_daemon_support import hung_source_toml, wait_until

    with HungServer() as hung:
        sources = tmp_path / "sources.toml"
        sources.write_text(hung_source_toml(hung.url), encoding="utf-8")
        env = fast_env(DATABASE_URL=f"sqlite:///{tmp_path / 'nw.db'}", SOURCES=sources,
                       DATA_DIR=tmp_path / "data")
        command = subprocess.Popen([sys.executable, "-m", "newswatch", "crawl"], env=env,
                                   cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            parent = psutil.Process(command.pid)
            children = wait_until(lambda: parent.children(recursive=True), 60,
                                  "the crawl's child process")
            command.kill()  # SIGKILL: no clean-up runs in the parent
            command.wait()
            _, alive = psutil.wait_procs(children, timeout=60)
            assert alive == [], "the crawl process outlived `newswatch crawl`"
        finally:
            for child in psutil.Process().children(recursive=True):
                if child.pid != command.pid and "newswatch" in " ".join(child.cmdline()):
                    child.kill()
