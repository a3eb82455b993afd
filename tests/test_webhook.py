"""The generic webhook channel: a signed JSON POST, received by a real local HTTP server that
checks the signature, through the outbox with retries and dead letters."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest
from pydantic import SecretStr

from alerts.config import AlertingConfig
from alerts.errors import PermanentDeliveryError, TransientDeliveryError
from alerts.relay import Relay
from alerts.render import AlertMessage, Before, SourceLink
from alerts.watches import Watch
from alerts.webhook import SCHEMA, WebhookNotifier, build_payload
from alerts_servers import T0, Clock, add_story, all_alerts, engine  # noqa: F401 - fixtures
from conftest import CliRunner
from webhook_server import Reply, WebhookServer, expected_signature

SECRET = "whsec-7f3a9c"
SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "webhook.schema.json"
ANALYSIS = {
    "language": "fr",
    "kinds": ["new_site", "jobs", "investment"],
    "jobs": 650,
    "investment": {"amount": 12_000_000, "currency": "EUR"},
    "companies": ["Orvalis Contact"],
    "cities": ["Kénitra"],
    "evidence": ["Orvalis Contact ouvrira à Kénitra un plateau de 650 conseillers."],
}


def validator() -> jsonschema.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def announcement(**changes: object) -> AlertMessage:
    values: dict[str, object] = dict(
        key="story:7:webhook:crm:announcement", title="Orvalis Contact s'installe à Kénitra",
        source="example-eco", url="https://example-eco.test/orvalis-kenitra",
        published_at=T0 - timedelta(hours=1), language="fr", kinds=ANALYSIS["kinds"],
        jobs=650, investment_amount=12_000_000.0, investment_currency="EUR",
        companies=["Orvalis Contact"], cities=["Kénitra"], evidence=ANALYSIS["evidence"],
        story_id=7, article_id=31,
        also_reported=[SourceLink(source="example-news", url="https://example-news.test/a",
                                  title="Kénitra : 650 postes chez Orvalis", figures="650 jobs")],
    )
    values.update(changes)
    return AlertMessage(**values)  # type: ignore[arg-type]


def notifier(server: WebhookServer, clock: Clock, secret: str = SECRET) -> WebhookNotifier:
    return WebhookNotifier(url=SecretStr(server.url), secret=SecretStr(secret),
                           channel="webhook:crm", rates={"EUR": 11.0}, clock=clock)


def test_payloads_follow_the_documented_schema() -> None:
    check = validator()
    update = announcement(kind="update", version=2, key="story:7:webhook:crm:update:v2",
                          before=Before(jobs=650))
    notice = AlertMessage(key="test:webhook", kind="test", title="t", body="reachable")
    for message in (announcement(), update, notice, announcement(investment_amount=None,
                                                                 also_reported=[], url=None)):
        payload = build_payload(message, watch="crm", sent_at=T0, rates={"EUR": 11.0})
        check.validate(payload)
    story = build_payload(announcement(), watch="crm", sent_at=T0, rates={"MAD": 1.0, "EUR": 11.0})
    assert story["schema"] == SCHEMA == "newswatch.story/1"
    assert story["story"]["investment"] == {"amount": 12_000_000.0, "currency": "EUR",
                                            "amount_mad": 132_000_000.0}
    assert story["story"]["also_reported_by"][0]["source"] == "example-news"
    broken = dict(story, story=dict(story["story"], jobs="650"))
    with pytest.raises(jsonschema.ValidationError):
        check.validate(broken)  # the schema is strict enough to catch a wrong type


def test_signed_post_is_verified_by_the_receiver() -> None:
    clock = Clock()
    with WebhookServer(SECRET) as server:
        answer = notifier(server, clock).send(announcement())
        assert answer.startswith("200")
        [got] = server.received
        assert got.verified
        assert got.headers["x-newswatch-timestamp"] == str(int(T0.timestamp()))
        assert got.headers["x-newswatch-signature"] == expected_signature(
            SECRET, got.headers["x-newswatch-timestamp"], got.body)
        assert got.headers["x-newswatch-delivery"] == "story:7:webhook:crm:announcement"
        assert got.headers["content-type"].startswith("application/json")
        body = got.json()
        validator().validate(body)
        assert body["watch"] == "crm" and body["story"]["jobs"] == 650
        assert body["story"]["evidence"] == ANALYSIS["evidence"]


def test_a_wrong_secret_is_refused_and_permanent() -> None:
    with WebhookServer(SECRET) as server:
        with pytest.raises(PermanentDeliveryError) as caught:
            notifier(server, Clock(), secret="not-the-secret").send(announcement())
        assert server.received and not server.received[0].verified
        assert "401" in str(caught.value)


def test_errors_never_show_the_url_or_secret() -> None:
    with WebhookServer(SECRET) as server:
        url = server.url
    # The server is closed: nothing listens on its port any more.
    dead = WebhookNotifier(url=SecretStr(url), secret=SecretStr(SECRET), channel="webhook:crm")
    with pytest.raises(TransientDeliveryError) as caught:
        dead.send(announcement())
    assert "t0k3n" not in str(caught.value) and SECRET not in str(caught.value)
    assert "t0k3n" not in repr(dead) and SECRET not in repr(dead)


def test_a_redirect_is_not_followed() -> None:
    with WebhookServer(SECRET, [Reply(302, "", {"Location": "http://127.0.0.1:9/elsewhere"})]) as server:
        with pytest.raises(PermanentDeliveryError, match="redirect"):
            notifier(server, Clock()).send(announcement())
        assert len(server.received) == 1


def _crm_policy(server: WebhookServer) -> AlertingConfig:
    watch = Watch(name="crm", companies=["Orvalis"], webhook_url=SecretStr(server.url),
                  webhook_secret=SecretStr(SECRET))
    return AlertingConfig().with_watches([watch])


def _queue(engine, server: WebhookServer, clock: Clock) -> None:  # noqa: ANN001
    add_story(engine, title="Orvalis Contact s'installe à Kénitra", analysis=ANALYSIS,
              url="https://example-eco.test/orvalis", channels=("webhook:crm",), now=clock(),
              policy=_crm_policy(server))


def test_500_then_200_is_delivered_once(engine) -> None:  # noqa: ANN001, F811
    clock = Clock()
    with WebhookServer(SECRET, [Reply(500, "oops")]) as server:
        _queue(engine, server, clock)
        relay = Relay(engine, {"webhook:crm": notifier(server, clock)}, clock=clock)
        first = relay.send_pending()
        assert (first.sent, first.retrying, first.dead) == (0, 1, 0)
        [alert] = all_alerts(engine)
        assert alert.status == "pending" and alert.next_attempt_at is not None
        assert relay.send_pending().attempted == 0  # not due yet
        clock.now = alert.next_attempt_at
        second = relay.send_pending()
        assert (second.sent, second.retrying) == (1, 0)
        clock.advance(3600)
        assert relay.send_pending().attempted == 0
        assert len(server.received) == 2 and len(server.delivered) == 1
        keys = {r.headers["x-newswatch-delivery"] for r in server.received}
        assert len(keys) == 1  # the receiver can tell a retry from a new story
        [alert] = all_alerts(engine)
        assert alert.status == "sent" and alert.attempts == 2


def test_retry_after_is_honoured(engine) -> None:  # noqa: ANN001, F811
    clock = Clock()
    with WebhookServer(SECRET, [Reply(429, "slow down", {"Retry-After": "600"})]) as server:
        _queue(engine, server, clock)
        Relay(engine, {"webhook:crm": notifier(server, clock)}, clock=clock).send_pending()
        [alert] = all_alerts(engine)
        assert alert.next_attempt_at is not None
        assert alert.next_attempt_at >= clock() + timedelta(seconds=600)


def test_410_goes_dead(engine) -> None:  # noqa: ANN001, F811
    clock = Clock()
    with WebhookServer(SECRET, [Reply(410, "gone")]) as server:
        _queue(engine, server, clock)
        relay = Relay(engine, {"webhook:crm": notifier(server, clock)}, clock=clock)
        report = relay.send_pending()
        assert (report.sent, report.dead) == (0, 1)
        clock.advance(7200)
        assert relay.send_pending().attempted == 0
        [alert] = all_alerts(engine)
        assert alert.status == "dead" and "410" in (alert.last_error or "")
        assert len(server.received) == 1


def test_the_documented_verification_accepts_a_real_delivery_and_refuses_a_forgery() -> None:
    doc = (SCHEMA_FILE.parent / "webhook.md").read_text(encoding="utf-8")
    code = doc.split("### Verifying it", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    namespace: dict[str, object] = {}
    exec(compile(code, "docs/webhook.md", "exec"), namespace)  # noqa: S102 - our own docs
    is_genuine = namespace["is_genuine"]
    clock = Clock(datetime.now(UTC))
    with WebhookServer(SECRET) as server:
        notifier(server, clock).send(announcement())
    [got] = server.received
    headers = {"X-Newswatch-Timestamp": got.headers["x-newswatch-timestamp"],
               "X-Newswatch-Signature": got.headers["x-newswatch-signature"]}
    assert is_genuine(SECRET.encode(), headers, got.body)  # type: ignore[operator]
    assert not is_genuine(SECRET.encode(), headers, got.body.replace(b"650", b"950"))  # type: ignore[operator]
    assert not is_genuine(b"other", headers, got.body)  # type: ignore[operator]


def test_alerts_test_reaches_a_watch_webhook(cli: CliRunner, tmp_path: Path) -> None:
    with WebhookServer(SECRET) as server:
        watches = tmp_path / "watches.toml"
        watches.write_text(f'[[watch]]\nname = "crm"\nwebhook_url = "{server.url}"\n'
                           f'webhook_secret = "{SECRET}"\n', encoding="utf-8")
        env = {"NEWSWATCH_WATCHES": str(watches), "NEWSWATCH_DATA_DIR": str(tmp_path / "data")}
        result = cli(["alerts", "test", "--channel", "webhook:crm"], env=env)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("200")
        [got] = server.received
        assert got.verified
        body = got.json()
        validator().validate(body)
        assert body["event"] == "test" and body["story"] is None and body["watch"] == "crm"
        missing = cli(["alerts", "test", "--channel", "webhook:other"], env=env)
        assert missing.returncode == 1 and "not configured" in missing.stderr
