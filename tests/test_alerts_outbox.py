"""The outbox rows: keys, idempotency, updates, the alert window, routing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from alerts.config import AlertingConfig, RouteRule
from alerts.outbox import counts, enqueue_story_alerts
from alerts.render import AlertMessage
from alerts_servers import ANALYSIS, T0, add_story, all_alerts, engine  # noqa: F401
from storage.db import session_scope
from storage.models.core import Article, Story
from storage.models.outbox import Alert


def test_one_row_per_channel_with_an_idempotency_key(engine) -> None:  # noqa: ANN001, F811
    story, article, created = add_story(engine, channels=("email", "slack", "email"))
    rows = all_alerts(engine)
    assert [a.key for a in rows] == [f"story:{story.id}:email:announcement",
                                     f"story:{story.id}:slack:announcement"]
    assert {a.status for a in rows} == {"pending"} and len(created) == 2
    message = AlertMessage.from_payload(rows[0].payload["message"])
    assert message.title == article.title and message.investment == "65 M MAD"
    assert message.evidence == ANALYSIS["evidence"]


def test_enqueue_again_adds_nothing(engine) -> None:  # noqa: ANN001, F811
    story, article, _ = add_story(engine, channels=("email",))
    with session_scope(engine) as session:
        again = enqueue_story_alerts(
            session, story=session.get(Story, story.id), article=session.get(Article, article.id),
            channels=["email"], now=T0, window=timedelta(days=7),
        )
    assert again == [] and len(all_alerts(engine)) == 1


def test_same_facts_from_another_source_is_not_an_update(engine) -> None:  # noqa: ANN001, F811
    story, _, _ = add_story(engine, channels=("email",))
    _, _, more = add_story(engine, channels=("email",), story_id=story.id, source="hespress",
                           url="https://fr.hespress.com/x")
    assert more == []


def _fill_amount(engine, story_id: int, *, sent: bool) -> None:  # noqa: ANN001
    with session_scope(engine) as session:
        session.get(Story, story_id).investment_amount = 65e6  # the pipeline fills the gap
        session.get(Story, story_id).investment_currency = "MAD"
        if sent:
            for alert in session.exec(select(Alert)).all():
                alert.status = "sent"


def test_a_first_figure_makes_a_numbered_update(engine) -> None:  # noqa: ANN001, F811
    no_amount = dict(ANALYSIS, investment=None)
    story, _, _ = add_story(engine, channels=("email",), analysis=no_amount)
    _fill_amount(engine, story.id, sent=True)
    _, _, [update] = add_story(engine, channels=("email",), story_id=story.id,
                               source="lematin", url="https://lematin.ma/y")
    assert (update.key, update.kind, update.version) == (
        f"story:{story.id}:email:update:v2", "update", 2)
    message = AlertMessage.from_payload(update.payload["message"])
    assert message.is_update and message.investment_amount == 65e6
    assert [link.source for link in message.also_reported] == ["medias24"]


def test_a_first_figure_joins_the_announcement_still_waiting(engine) -> None:  # noqa: ANN001, F811
    story, article, _ = add_story(engine, channels=("email",), analysis=dict(ANALYSIS, investment=None))
    _fill_amount(engine, story.id, sent=False)
    _, _, more = add_story(engine, channels=("email",), story_id=story.id, source="lematin",
                           url="https://lematin.ma/y")
    [alert] = all_alerts(engine)
    message = AlertMessage.from_payload(alert.payload["message"])
    assert more == [] and alert.kind == "announcement" and alert.status == "pending"
    assert message.investment_amount == 65e6 and message.article_id == article.id
    assert [link.source for link in message.also_reported] == ["lematin"]


def test_another_outlets_other_figure_is_no_update(engine) -> None:  # noqa: ANN001, F811
    story, _, _ = add_story(engine, channels=("email",))
    with session_scope(engine) as session:
        session.get(Story, story.id).jobs = 2500  # even if a story's figure were replaced
    _, _, more = add_story(engine, channels=("email",), story_id=story.id, source="lematin",
                           url="https://lematin.ma/y", analysis=dict(ANALYSIS, jobs=2500))
    assert more == []


def test_updates_never_sends_one_message_per_story(engine) -> None:  # noqa: ANN001, F811
    story, _, _ = add_story(engine, channels=("email",), analysis=dict(ANALYSIS, jobs=None))
    with session_scope(engine) as session:
        session.get(Story, story.id).jobs = 1200
    _, _, more = add_story(engine, channels=("email",), story_id=story.id, source="lematin",
                           url="https://lematin.ma/y", policy=AlertingConfig(updates="never"))
    assert more == []


def test_old_articles_are_recorded_but_suppressed(engine) -> None:  # noqa: ANN001, F811
    _, _, [alert] = add_story(engine, channels=("email",), published_at=T0 - timedelta(days=8))
    assert alert.status == "suppressed" and alert.last_error == "older than the alert window"
    _, _, [undated] = add_story(engine, channels=("email",), published_at=None,
                                url="https://x.ma/undated")
    assert undated.status == "pending"
    with session_scope(engine) as session:
        assert counts(session) == {"suppressed": 1, "pending": 1}


def test_known_stories_and_seeds_never_alert(engine) -> None:  # noqa: ANN001, F811
    story, article, _ = add_story(engine)
    with session_scope(engine) as session:
        story = session.get(Story, story.id)
        story.known = True
        assert enqueue_story_alerts(session, story=story, article=session.get(Article, article.id),
                                    channels=["email"], now=T0, window=timedelta(days=7)) == []


def test_routing_rule_suppresses_with_a_reason(engine) -> None:  # noqa: ANN001, F811
    policy = AlertingConfig(routing={"slack": RouteRule(min_jobs=2000),
                                     "email": RouteRule(cities=["rabat"], kinds=["jobs"])})
    _, _, created = add_story(engine, channels=("email", "slack"), policy=policy)
    status = {a.channel: (a.status, a.last_error) for a in created}
    assert status == {"email": ("pending", None),
                      "slack": ("suppressed", "routing: fewer than 2000 jobs")}


def test_route_rule_refusals() -> None:
    message = AlertMessage(key="k", kinds=["investment"], language="ar", companies=["OCP"])
    assert RouteRule(kinds=["jobs"]).refusal(message) == "routing: kind not routed"
    assert RouteRule(languages=["fr"]).refusal(message) == "routing: language not routed"
    assert RouteRule(companies=["ocp"]).refusal(message) is None
    assert RouteRule(updates=False).refusal(message.model_copy(update={"kind": "update"}))


def test_updates_setting_reads_the_environment(monkeypatch) -> None:  # noqa: ANN001
    from pydantic import ValidationError

    from newswatch.settings import Settings

    assert Settings().alerting.updates == "new-figures"
    monkeypatch.setenv("NEWSWATCH_ALERTING__UPDATES", "never")
    assert Settings().alerting.updates == "never"
    monkeypatch.setenv("NEWSWATCH_ALERTING__UPDATES", "sometimes")
    with pytest.raises(ValidationError, match="new-figures"):
        Settings()
