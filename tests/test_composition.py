"""The composition root hands each package its own typed configuration, and the status
columns hold the same strings as before they were enums (issue 14)."""

from __future__ import annotations

import pickle
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from newswatch.settings import load_settings
from storage.db import connect, session_scope
from storage.models import (
    Alert,
    AlertStatus,
    Article,
    ArticleStatus,
    CrawlRun,
    Page,
    PageOutcome,
    RunStatus,
    SourceHealth,
    SourceRun,
    SourceRunStatus,
    SourceState,
)


def test_each_package_receives_its_part_of_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEWSWATCH_DATABASE_URL", f"sqlite:///{tmp_path / 'nw.db'}")
    monkeypatch.setenv("NEWSWATCH_CRAWL__DOWNLOAD_TIMEOUT", "12.5")
    monkeypatch.setenv("NEWSWATCH_ALERT_WINDOW", "P3D")
    monkeypatch.setenv("NEWSWATCH_DAEMON__JITTER_SECONDS", "7")
    monkeypatch.setenv("NEWSWATCH_SMTP_HOST", "mail.example.ma")
    monkeypatch.setenv("NEWSWATCH_SMTP_PORT", "2525")
    monkeypatch.setenv("NEWSWATCH_ADMIN_EMAIL_TO", "ops@example.ma")
    monkeypatch.setenv("NEWSWATCH_ALERT_MAX_ATTEMPTS", "3")
    settings = load_settings()

    crawl = settings.crawl_config()
    assert crawl.database_url == f"sqlite:///{tmp_path / 'nw.db'}"
    assert crawl.limits.download_timeout == 12.5
    assert crawl.alert_window == timedelta(days=3)

    scheduler = settings.scheduler_config()
    assert scheduler.daemon.jitter_seconds == 7
    assert scheduler.crawl == crawl
    assert scheduler.admin.email_to == ["ops@example.ma"]
    assert scheduler.admin.max_attempts == 3
    assert scheduler.admin.mail_server is not None
    assert (scheduler.admin.mail_server.host, scheduler.admin.mail_server.port) == (
        "mail.example.ma", 2525)


def test_without_a_mail_server_the_admin_has_no_email(make_settings) -> None:  # noqa: ANN001
    admin = make_settings(admin_email_to=["ops@example.ma"]).scheduler_config().admin
    assert admin.mail_server is None


def test_the_configurations_reach_a_spawned_child_intact(make_settings) -> None:  # noqa: ANN001
    # The daemon pickles them into each crawl child.
    config = make_settings(smtp_host="mail.example.ma",
                           admin_email_to=["ops@example.ma"]).scheduler_config()
    assert pickle.loads(pickle.dumps(config)) == config


STATUS_ROWS = [
    ("source_state", "health", SourceHealth.DEGRADED),
    ("crawl_run", "status", RunStatus.INTERRUPTED),
    ("source_run", "status", SourceRunStatus.BLOCKED),
    ("page", "outcome", PageOutcome.NOT_ARTICLE),
    ("article", "status", ArticleStatus.KNOWN),
    ("alert", "status", AlertStatus.SUPPRESSED),
]


def _rows(run_id: int | None = None) -> list[object]:
    return [
        SourceState(name="ex", health=SourceHealth.DEGRADED),
        SourceRun(run_id=run_id or 0, source="ex", status=SourceRunStatus.BLOCKED),
        Page(url="https://ex.ma/p", source="ex", outcome=PageOutcome.NOT_ARTICLE),
        Article(url="https://ex.ma/a", source="ex", status=ArticleStatus.KNOWN),
        Alert(key="k", channel="email", status=AlertStatus.SUPPRESSED),
    ]


def test_status_enums_are_stored_as_their_plain_values(database_url: str) -> None:
    engine = connect(database_url)
    with session_scope(engine) as session:
        run = CrawlRun(status=RunStatus.INTERRUPTED)
        session.add(run)
        session.flush()
        session.add_all(_rows(run.id))
    with engine.connect() as connection:
        for table, column, member in STATUS_ROWS:
            stored = connection.execute(text(f"SELECT {column} FROM {table}")).scalar_one()
            assert type(stored) is str and stored == member.value, (table, stored)


def test_a_stored_string_reads_back_equal_to_its_member(database_url: str) -> None:
    engine = connect(database_url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO crawl_run (trigger, started_at, status, sources, "
                                "pages_fetched, new_articles, alerts_created, errors) VALUES "
                                "('cli', CURRENT_TIMESTAMP, 'killed', '[]', 0, 0, 0, 0)"))
    with Session(engine) as session:
        run = session.exec(select(CrawlRun)).one()
    assert run.status == RunStatus.KILLED
    assert RunStatus(run.status) is RunStatus.KILLED
