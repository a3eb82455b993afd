"""The daily digest: due at the configured Casablanca time, once per day and channel."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta

from pydantic import SecretStr

from alerts.config import DigestConfig
from alerts.digest import digest_day, enqueue_digest
from alerts.relay import Relay
from alerts.render import AlertMessage
from alerts.slack import SlackNotifier
from alerts.slack_blocks import payload
from alerts_servers import (  # noqa: F401 - fixtures
    Clock,
    SlackServer,
    add_story,
    all_alerts,
    assert_snapshot,
    engine,
    rendered_email,
)
from storage.db import session_scope
from storage.models.core import Article, SourceState

# 07:30 UTC is 08:30 in Casablanca (UTC+1 in November 2026).
MORNING = datetime.fromisoformat("2026-11-23T07:30:00+00:00")
CONFIG = DigestConfig(enabled=True, time=time(8, 0), channels=["slack", "email"])


def quiet_article(engine, n: int) -> None:  # noqa: ANN001
    """A relevant article that raised no alert (no story)."""
    with session_scope(engine) as session:
        session.add(Article(url=f"https://lavieeco.com/{n}", source="lavieeco",
                            title=f"Le secteur de l'offshoring recrute <{n}>", relevant=True,
                            relevance=0.5 + n / 10, fetched_at=MORNING - timedelta(hours=3),
                            published_at=MORNING - timedelta(hours=5),
                            analysis={"kinds": ["jobs"]}))


def test_digest_day_uses_casablanca_time() -> None:
    assert digest_day(MORNING - timedelta(hours=1), CONFIG) is None  # 07:30 local
    assert str(digest_day(MORNING, CONFIG)) == "2026-11-23"


def test_one_digest_per_day_and_channel(engine) -> None:  # noqa: ANN001, F811
    add_story(engine, channels=("slack",), now=MORNING)  # alerted: not in the digest
    quiet_article(engine, 1)
    quiet_article(engine, 2)
    with session_scope(engine) as session:
        session.add(SourceState(name="medias24", health="failing", consecutive_failures=3,
                                last_error="HTTP 503\nService Unavailable"))
        first = enqueue_digest(session, now=MORNING, config=CONFIG, channels=["slack", "apprise"])
    with session_scope(engine) as session:
        again = enqueue_digest(session, now=MORNING + timedelta(hours=2), config=CONFIG,
                               channels=["slack"])
    assert [a.key for a in first] == ["digest:2026-11-23:slack"] and again == []
    message = AlertMessage.from_payload(first[0].payload["message"])
    assert [e.title for e in message.entries] == ["Le secteur de l'offshoring recrute <2>",
                                                  "Le secteur de l'offshoring recrute <1>"]
    assert message.notices == [
        "Médias24: failing, 3 failed run(s) in a row (HTTP 503 Service Unavailable)"]
    assert_snapshot("digest.eml", rendered_email(message))
    assert_snapshot("digest.slack.json",
                    json.dumps(payload(message), ensure_ascii=False, indent=2) + "\n")

    with SlackServer() as server:
        report = Relay(engine, {"slack": SlackNotifier(SecretStr(server.url))},
                       clock=Clock(MORNING)).send_pending()
    assert report.sent == 2 and len(server.delivered) == 2


def test_empty_day_is_recorded_not_sent(engine) -> None:  # noqa: ANN001, F811
    with session_scope(engine) as session:
        [row] = enqueue_digest(session, now=MORNING, config=CONFIG, channels=["email"])
    assert (row.status, row.last_error) == ("suppressed", "nothing to report")


def test_next_digest_starts_where_the_last_stopped(engine) -> None:  # noqa: ANN001, F811
    quiet_article(engine, 1)
    with session_scope(engine) as session:
        enqueue_digest(session, now=MORNING, config=CONFIG, channels=["email"])
    with session_scope(engine) as session:
        [tomorrow] = enqueue_digest(session, now=MORNING + timedelta(days=1), config=CONFIG,
                                    channels=["email"])
    assert tomorrow.status == "suppressed"  # yesterday's article is not repeated
    assert len(all_alerts(engine)) == 2


def test_disabled_by_default(engine) -> None:  # noqa: ANN001, F811
    with session_scope(engine) as session:
        assert enqueue_digest(session, now=MORNING, config=DigestConfig(),
                              channels=["email"]) == []
