"""Slack channel against a local webhook look-alike (real HTTP, no mocked transport)."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from alerts import build_notifiers, test_channel
from alerts.errors import PermanentDeliveryError, TransientDeliveryError
from alerts.relay import Relay
from alerts.render import AlertMessage
from alerts.slack import SlackNotifier, retry_after_seconds
from alerts_servers import (  # noqa: F401 - fixtures
    Clock,
    Reply,
    SlackServer,
    add_story,
    all_alerts,
    engine,
    free_port,
    slack_server,
)
from newswatch.settings import Settings


def slack(server: SlackServer) -> SlackNotifier:
    return SlackNotifier(webhook_url=SecretStr(server.url), timeout=5.0)


def sample() -> AlertMessage:
    return AlertMessage(key="k", title="Webhelp recrute", source="medias24",
                        url="https://www.medias24.com/a", kinds=["jobs"], jobs=1200)


def test_delivers_block_kit_and_returns_the_answer(slack_server: SlackServer) -> None:
    assert slack(slack_server).send(sample()) == "200 ok"
    [payload] = slack_server.delivered
    assert payload["blocks"][0] == {
        "type": "header", "text": {"type": "plain_text", "text": "Webhelp recrute", "emoji": False}
    }
    assert payload["unfurl_links"] is False


def test_500_500_200_delivers_exactly_once(engine) -> None:  # noqa: ANN001, F811
    clock = Clock()
    add_story(engine, channels=("slack",), now=clock())
    with SlackServer([Reply(500, "oops"), Reply(500, "oops")]) as server:
        relay = Relay(engine, {"slack": slack(server)}, clock=clock)
        reports = []
        for _ in range(6):
            reports.append(relay.send_pending())
            clock.advance(120)  # past any backoff of the first attempts (30 s, 60 s)
    assert [r.sent for r in reports] == [0, 0, 1, 0, 0, 0]
    assert [r.retrying for r in reports] == [1, 1, 0, 0, 0, 0]
    assert len(server.requests) == 3 and len(server.delivered) == 1
    [alert] = all_alerts(engine)
    assert (alert.status, alert.attempts, alert.response) == ("sent", 3, "200 ok")


def test_429_retry_after_is_honoured_on_the_clock(engine) -> None:  # noqa: ANN001, F811
    clock = Clock()
    add_story(engine, channels=("slack",), now=clock())
    with SlackServer([Reply(429, "rate_limited", {"Retry-After": "3"})]) as server:
        relay = Relay(engine, {"slack": slack(server)}, clock=clock)
        assert relay.send_pending().retrying == 1
        for _ in range(29):  # 2.9 s of the clock: not yet
            clock.advance(0.1)
            assert relay.send_pending().attempted == 0
        clock.advance(0.45)  # 3.35 s: past Retry-After plus at most 10 % jitter
        assert relay.send_pending().sent == 1
    assert len(server.requests) == 2
    [alert] = all_alerts(engine)
    assert alert.status == "sent"


@pytest.mark.parametrize(("status", "body"), [
    (400, "invalid_blocks"), (403, "invalid_token"), (404, "no_service"),
    (410, "channel_is_archived"),
])
def test_client_errors_are_permanent(status: int, body: str) -> None:
    with SlackServer([Reply(status, body)]) as server:
        with pytest.raises(PermanentDeliveryError, match=f"{status}: {body}"):
            slack(server).send(sample())


def test_gone_webhook_goes_dead_with_the_error(engine) -> None:  # noqa: ANN001, F811
    add_story(engine, channels=("slack",))
    with SlackServer([Reply(404, "no_service")]) as server:
        report = Relay(engine, {"slack": slack(server)}, clock=Clock()).send_pending()
    assert report.dead == 1
    [alert] = all_alerts(engine)
    assert alert.status == "dead" and "404: no_service" in (alert.last_error or "")


def test_unreachable_is_transient_and_hides_the_url() -> None:
    url = f"http://127.0.0.1:{free_port()}/services/T1/B1/SECRETTOKEN"
    with pytest.raises(TransientDeliveryError) as caught:
        SlackNotifier(webhook_url=SecretStr(url), timeout=2).send(sample())
    assert "SECRETTOKEN" not in str(caught.value)


def test_non_https_webhook_refused() -> None:
    with pytest.raises(PermanentDeliveryError):
        SlackNotifier(webhook_url=SecretStr("file:///etc/passwd")).send(sample())


def test_retry_after_http_date() -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert retry_after_seconds("Mon, 23 Nov 2026 10:00:07 GMT", now) == 7
    assert retry_after_seconds("soon", now) is None


def test_test_channel_slack(slack_server: SlackServer) -> None:
    settings = Settings(slack_webhook_url=slack_server.url)
    assert set(build_notifiers(settings)) == {"slack"}
    assert test_channel(settings, "slack") == "200 ok"
    assert "Test:" in slack_server.delivered[0]["text"]
