"""`newswatch status`: health, next run from the daemon's job store, outbox, admin notices."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from typer.testing import CliRunner

from alerts.outbox import enqueue_message
from alerts.render import AlertMessage
from newswatch.cli import app
from newswatch.status import collect_status
from newswatch.usecases import open_database
from storage.db import session_scope
from storage.models import SourceState
from test_daemon_support import wait_until
from test_scheduler import DaemonThread, _each_ran_once, write_sources


def _seed(engine) -> None:  # noqa: ANN001
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        session.add(SourceState(name="alpha", health="ok", last_success_at=now))
        session.add(SourceState(name="beta", health="failing", consecutive_failures=3,
                                last_error="FeedUnreachable×1", last_error_at=now))
        message = AlertMessage(key="admin:beta:run1:1:admin_email", kind="notice",
                               title="newswatch admin: source beta is failing", body="…")
        enqueue_message(session, message, channel="admin_email", now=now)


def test_status_reads_next_runs_from_the_job_store(make_settings, tmp_path: Path) -> None:
    settings = make_settings()
    engine = open_database(settings)
    assert collect_status(settings, engine)["daemon_scheduled"] is False

    with DaemonThread(settings, write_sources(tmp_path / "sources.toml")) as daemon:
        wait_until(lambda: _each_ran_once(daemon), 15, "the first runs")
    _seed(engine)  # after the daemon, which judges health from the (empty) run history
    report = collect_status(settings, engine)
    rows = {row["source"]: row for row in report["sources"]}
    soon = datetime.now(UTC) + timedelta(hours=1, minutes=1)
    assert rows["beta"]["health"] == "failing"
    assert rows["alpha"]["next_run"] is not None and rows["alpha"]["next_run"] <= soon
    assert report["alerts"] == {"pending": 1}
    assert [n["channel"] for n in report["admin_notices"]] == ["admin_email"]


def test_status_command_prints_json_and_a_table(make_settings, tmp_path: Path) -> None:
    settings = make_settings()
    _seed(open_database(settings))
    env = {"NEWSWATCH_DATA_DIR": str(settings.data_dir), "NEWSWATCH_DATABASE_URL": settings.database_url}
    runner = CliRunner()
    result = runner.invoke(app, ["status", "--json"], env=env)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["kind"] == "status"
    beta = next(s for s in document["items"]["sources"] if s["source"] == "beta")
    assert beta["health"] == "failing" and beta["consecutive_failures"] == 3
    assert document["items"]["admin_notices"][0]["title"].endswith("beta is failing")

    table = runner.invoke(app, ["status"], env=env)
    assert table.exit_code == 0, table.output
    assert "failing" in table.stdout and "admin notices" in table.stdout
