"""Issue 18, finding 2: no lost alert.

Announcements found while no channel is configured stay pending and go out once one is;
`crawl` warns at start when nothing can be sent; `alerts backfill --since` queues older
announcements that never alerted on a configured channel; nothing is ever sent twice.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import update
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from alerts.backfill import UNROUTED
from devkit.replica import ReplicaWeb
from newswatch.cli import app
from newswatch.usecases import backfill_alerts, crawl_once, deliver_pending, open_database
from storage.clock import utcnow
from storage.db import session_scope
from storage.models import Alert
from test_daemon_support import ROOT, fast_env

ANNOUNCEMENT_STORIES = 2  # the replica's stories that alert (see test_end_to_end.ALERTING)


def _alerts(settings) -> list[Alert]:  # noqa: ANN001
    with Session(open_database(settings)) as session:
        return list(session.exec(select(Alert).where(col(Alert.story_id).is_not(None))).all())


def _with_email(settings, mail_server):  # noqa: ANN001, ANN202
    _sink, port = mail_server
    return settings.model_copy(update={
        "smtp_host": "127.0.0.1", "smtp_port": port, "smtp_security": "none",
        "email_to": ["analyst@example.ma"],
    })


def test_announcements_found_before_a_channel_exists_go_out_once_it_does(
    make_settings, mail_server, replica: ReplicaWeb, tmp_path: Path, database_url: str
) -> None:
    sink, _port = mail_server
    bare = make_settings(database_url=database_url)  # no channel: the README's first command
    sources = replica.write_sources(tmp_path / "sources.toml")
    crawl_once(bare, sources_file=sources)
    held = _alerts(bare)
    assert len(held) == ANNOUNCEMENT_STORIES, held
    assert {(a.channel, a.status) for a in held} == {(UNROUTED, "pending")}
    listed = CliRunner().invoke(app, ["alerts", "list", "--channel", UNROUTED, "--json"], env={
        "NEWSWATCH_DATABASE_URL": bare.effective_database_url,
        "NEWSWATCH_DATA_DIR": str(bare.data_dir)})
    assert listed.exit_code == 0, listed.output
    assert len(json.loads(listed.stdout)["items"]) == ANNOUNCEMENT_STORIES

    configured = _with_email(bare, mail_server)
    report = deliver_pending(configured, open_database(configured))
    assert report is not None and report.sent == ANNOUNCEMENT_STORIES
    assert len(sink.messages) == ANNOUNCEMENT_STORIES
    assert {(a.channel, a.status) for a in _alerts(configured)} == {("email", "sent")}

    # Again, and a crawl that finds the same stories: nothing is sent twice.
    deliver_pending(configured, open_database(configured))
    crawl_once(configured, sources_file=sources)
    assert len(sink.messages) == ANNOUNCEMENT_STORIES


def test_held_alerts_older_than_the_window_wait_for_backfill_which_sends_each_once(
    make_settings, mail_server, replica: ReplicaWeb, tmp_path: Path
) -> None:
    sink, _port = mail_server
    bare = make_settings()
    crawl_once(bare, sources_file=replica.write_sources(tmp_path / "sources.toml"))
    engine = open_database(bare)
    with session_scope(engine) as session:  # they were held 10 days: past the 7-day window
        session.execute(update(Alert).values(created_at=utcnow() - timedelta(days=10)))

    configured = _with_email(bare, mail_server)
    deliver_pending(configured, engine)
    assert sink.messages == []
    assert {(a.channel, a.status) for a in _alerts(configured)} == {(UNROUTED, "suppressed")}

    report = backfill_alerts(configured, timedelta(days=30))
    assert (report.stories, report.queued, report.already) == (ANNOUNCEMENT_STORIES,) * 2 + (0,)
    assert len(sink.messages) == ANNOUNCEMENT_STORIES
    again = backfill_alerts(configured, timedelta(days=30))
    assert (again.queued, again.already) == (0, ANNOUNCEMENT_STORIES)
    assert len(sink.messages) == ANNOUNCEMENT_STORIES
    assert {(a.channel, a.status) for a in _alerts(configured)} == {("email", "sent")}


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newswatch", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_crawl_warns_once_without_a_channel_and_backfill_sends_what_no_alert_was_made_for(
    mail_server, replica: ReplicaWeb, tmp_path: Path
) -> None:
    sink, port = mail_server
    env = fast_env(DATA_DIR=tmp_path / "data", DATABASE_URL=f"sqlite:///{tmp_path / 'nw.db'}")
    sources = str(replica.write_sources(tmp_path / "sources.toml"))
    # --no-alerts: stored with no alert at all, as the code before the fix did without a channel.
    quiet = _cli(env, "crawl", "--sources", sources, "--no-alerts")
    assert quiet.returncode == 0, quiet.stderr
    assert "no alert channel is configured" not in quiet.stderr
    warned = _cli(env, "crawl", "--sources", sources)
    warnings = [line for line in warned.stderr.splitlines() if "no alert channel" in line]
    assert len(warnings) == 1 and "NEWSWATCH_SMTP_HOST" in warnings[0], warned.stderr

    env |= {"NEWSWATCH_SMTP_HOST": "127.0.0.1", "NEWSWATCH_SMTP_PORT": str(port),
            "NEWSWATCH_SMTP_SECURITY": "none", "NEWSWATCH_EMAIL_TO": "analyst@example.ma"}
    first = _cli(env, "alerts", "backfill", "--since", "P7D")
    assert first.returncode == 0, first.stderr
    assert len(sink.messages) == ANNOUNCEMENT_STORIES, first.stdout
    second = _cli(env, "alerts", "backfill", "--since", "P7D")
    assert second.returncode == 0 and "0 alert(s) queued" in second.stdout, second.stdout
    assert len(sink.messages) == ANNOUNCEMENT_STORIES
    bad = _cli(env, "alerts", "backfill", "--since", "a week")
    assert bad.returncode == 2 and "P7D" in bad.stderr, bad.stderr
