"""Source health: one admin notice per episode, reminders at the repeat interval, never to analysts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy

from sqlmodel import Session, select

from newswatch.usecases import deliver_pending, open_database
from scheduler.admin import deliver_admin_notices
from scheduler.health import review_source
from storage.db import session_scope
from storage.models import Alert, CrawlRun, SourceRun, SourceState

SOURCE = "hespress-fr"
EVERY = timedelta(minutes=30)
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def _settings(make_settings, mail_server):  # noqa: ANN001, ANN202
    _sink, port = mail_server
    return make_settings(
        smtp_host="127.0.0.1", smtp_port=port, smtp_security="none",
        email_to=["analyst@example.ma"], admin_email_to=["ops@example.ma"],
    )


def _run(engine, status: str, at: datetime, new_article: bool = False) -> None:  # noqa: ANN001
    """One finished run of the source, as the recorder (or the killer) leaves it."""
    with session_scope(engine) as session:
        state = session.get(SourceState, SOURCE) or SourceState(
            name=SOURCE, first_seen_at=T0, last_new_article_at=T0)
        if new_article:
            state.last_new_article_at = at
        session.add(state)
        run = CrawlRun(trigger="daemon", sources=[SOURCE], started_at=at, finished_at=at, status=status)
        session.add(run)
        session.flush()
        session.add(SourceRun(run_id=run.id, source=SOURCE, started_at=at, finished_at=at, status=status,
                              errors=0 if status == "ok" else 1))


def _review(engine, settings, at: datetime) -> str:  # noqa: ANN001
    with session_scope(engine) as session:
        review_source(session, settings.scheduler_config(), SOURCE, EVERY, at)
    deliver_admin_notices(settings.scheduler_config().admin, engine)
    deliver_pending(settings, engine)  # the analysts' relay must not take admin rows
    with Session(engine) as session:
        state = session.get(SourceState, SOURCE)
        assert state is not None
        return state.health


def _recipients(sink) -> list[str]:  # noqa: ANN001
    return [str(message_from_bytes(raw, policy=policy.default)["To"]) for raw in sink.messages]


def test_three_failures_in_a_row_give_one_notice_then_a_reminder(make_settings, mail_server) -> None:
    sink, _port = mail_server
    settings = _settings(make_settings, mail_server)
    engine = open_database(settings)
    healths = []
    for n in range(5):  # five failed runs, half an hour apart
        at = T0 + n * EVERY
        _run(engine, "failed", at)
        healths.append(_review(engine, settings, at))
    assert healths == ["degraded", "degraded", "failing", "failing", "failing"]
    assert len(sink.messages) == 1  # one notice for the episode, not one per run
    assert _recipients(sink) == ["ops@example.ma"]
    subject = str(message_from_bytes(sink.messages[0], policy=policy.default)["Subject"])
    assert SOURCE in subject and "failing" in subject

    later = T0 + 2 * EVERY + settings.daemon.notice_repeat  # the repeat interval after the notice
    _run(engine, "killed", later)  # a killed run counts as a failure
    assert _review(engine, settings, later) == "failing"
    assert len(sink.messages) == 2 and "reminder" in str(
        message_from_bytes(sink.messages[1], policy=policy.default)["Subject"])
    _review(engine, settings, later + timedelta(minutes=1))
    assert len(sink.messages) == 2  # reviewing again sends nothing more

    _run(engine, "ok", later + EVERY, new_article=True)
    assert _review(engine, settings, later + EVERY) == "ok"
    with Session(engine) as session:
        state = session.get(SourceState, SOURCE)
        assert state is not None and state.notice_sent_at is None and state.consecutive_failures == 0
        notices = session.exec(select(Alert).where(Alert.kind == "notice")).all()
    assert {a.channel for a in notices} == {"admin_email"} and len(notices) == 2
    assert all(a.status == "sent" for a in notices)
    assert "analyst@example.ma" not in " ".join(_recipients(sink))


def test_a_blocked_source_is_flagged_at_once(make_settings, mail_server) -> None:
    sink, _port = mail_server
    settings = _settings(make_settings, mail_server)
    engine = open_database(settings)
    _run(engine, "blocked", T0)
    assert _review(engine, settings, T0) == "blocked"
    assert len(sink.messages) == 1


def test_a_source_with_no_new_article_for_too_long_is_quiet(make_settings, mail_server) -> None:
    sink, _port = mail_server
    settings = _settings(make_settings, mail_server)
    engine = open_database(settings)
    _run(engine, "ok", T0)
    assert _review(engine, settings, T0 + timedelta(hours=23)) == "ok"  # max(24 h, 20 x 30 min)
    assert _review(engine, settings, T0 + timedelta(hours=25)) == "quiet"
    assert len(sink.messages) == 1
    assert _review(engine, settings, T0 + timedelta(hours=26)) == "quiet"
    assert len(sink.messages) == 1
