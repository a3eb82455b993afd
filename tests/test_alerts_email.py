"""Email channel against a real SMTP server (aiosmtpd) with STARTTLS or implicit TLS, and AUTH."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

import pytest
from pydantic import SecretStr

from alerts import build_notifiers, test_channel
from alerts.email import EmailNotifier
from alerts.errors import PermanentDeliveryError, TransientDeliveryError
from alerts.relay import Relay
from alerts.render import AlertMessage
from alerts_servers import (  # noqa: F401 - fixtures
    SMTP_PASSWORD,
    SMTP_USER,
    Clock,
    SmtpServer,
    SmtpSink,
    add_story,
    all_alerts,
    certificate,
    engine,
    free_port,
    smtp_server,
)
from newswatch.settings import Settings

RECIPIENTS = ["analyst@example.ma", "lead@example.ma"]


def notifier(server: SmtpServer, **overrides: object) -> EmailNotifier:
    options: dict[str, object] = dict(
        host="localhost", port=server.port, security="starttls", username=SMTP_USER,
        password=SecretStr(SMTP_PASSWORD), sender="newswatch <alerts@newswatch.ma>",
        recipients=RECIPIENTS, timeout=5.0, ssl_context=server.certificate.client_context(),
    )
    options.update(overrides)
    return EmailNotifier(**options)  # type: ignore[arg-type]


def parse(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]


def sample(title: str = "Webhelp recrute 1 200 personnes à Rabat") -> AlertMessage:
    return AlertMessage(
        key="story:1:email:announcement", title=title, source="medias24",
        url="https://www.medias24.com/a", language="fr", kinds=["jobs"], jobs=1200,
        investment_amount=65e6, investment_currency="MAD", companies=["Webhelp"],
        cities=["Rabat"], evidence=["Webhelp va créer 1 200 emplois."],
    )


def test_starttls_auth_delivers_multipart_to_every_recipient(smtp_server: SmtpServer) -> None:
    answer = notifier(smtp_server).send(sample())

    assert answer.startswith("250 ") and "queued as Q1" in answer
    [received] = smtp_server.sink.messages
    assert received.rcpt_tos == RECIPIENTS
    assert received.mail_from == "alerts@newswatch.ma"
    message = parse(received.content)
    assert message["Subject"] == "[newswatch] Webhelp recrute 1 200 personnes à Rabat"
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    for text in (plain, html):
        assert "65 M MAD" in text and "1,200" in text and "Webhelp va créer" in text
    assert "https://www.medias24.com/a" in plain
    assert '<a href="https://www.medias24.com/a">' in html


def test_implicit_tls(certificate) -> None:  # noqa: ANN001, F811
    server = SmtpServer(free_port(), SmtpSink(), certificate, implicit_tls=True)
    server.start()
    try:
        notifier(server, security="ssl").send(sample())
    finally:
        server.stop()
    assert len(server.sink.messages) == 1


def test_wrong_password_is_permanent_and_never_shows_the_password(
    smtp_server: SmtpServer,
) -> None:
    with pytest.raises(PermanentDeliveryError) as caught:
        notifier(smtp_server, password=SecretStr("wrong-password")).send(sample())
    assert "authentication" in str(caught.value)
    assert "wrong-password" not in str(caught.value)
    assert smtp_server.sink.messages == []


def test_every_recipient_refused_is_permanent(smtp_server: SmtpServer) -> None:
    smtp_server.sink.refuse = set(RECIPIENTS)
    with pytest.raises(PermanentDeliveryError, match="550"):
        notifier(smtp_server).send(sample())


def test_one_recipient_refused_still_delivers_to_the_others(smtp_server: SmtpServer) -> None:
    smtp_server.sink.refuse = {"lead@example.ma"}
    answer = notifier(smtp_server).send(sample())
    assert "refused: lead@example.ma: 550" in answer
    assert smtp_server.sink.messages[0].rcpt_tos == ["analyst@example.ma"]


def test_server_down_is_transient() -> None:
    down = EmailNotifier(host="127.0.0.1", port=free_port(), sender="a@b.ma",
                         recipients=RECIPIENTS, security="none", timeout=2.0)
    with pytest.raises(TransientDeliveryError, match="unreachable"):
        down.send(sample())


def test_smtp_down_then_up_is_delivered_exactly_once(
    engine, certificate  # noqa: ANN001, F811
) -> None:
    clock = Clock()
    server = SmtpServer(free_port(), SmtpSink(), certificate)
    add_story(engine, channels=("email",), now=clock())
    relay = Relay(engine, {"email": notifier(server)}, clock=clock)

    first = relay.send_pending()
    assert (first.sent, first.retrying) == (0, 1)
    assert relay.send_pending().attempted == 0  # not due yet: no hammering

    server.start()
    try:
        clock.advance(60)  # past the first backoff (at most 30 s)
        second = relay.send_pending()
        clock.advance(3600)
        third = relay.send_pending()
    finally:
        server.stop()
    assert (second.sent, third.attempted) == (1, 0)
    assert len(server.sink.messages) == 1
    [alert] = all_alerts(engine)
    assert alert.status == "sent" and alert.attempts == 2
    assert alert.response is not None and "queued as Q1" in alert.response


def test_test_channel_uses_settings(smtp_server: SmtpServer) -> None:
    settings = Settings(
        smtp_host="localhost", smtp_port=smtp_server.port, smtp_username=SMTP_USER,
        smtp_password=SMTP_PASSWORD, smtp_from="alerts@newswatch.ma",
        email_to="a@example.ma, b@example.ma", smtp_timeout=5,
    )
    context = smtp_server.certificate.client_context()
    assert set(build_notifiers(settings, ssl_context=context)) == {"email"}

    answer = test_channel(settings, "email", ssl_context=context)

    assert answer.startswith("250 ")
    message = parse(smtp_server.sink.messages[0].content)
    assert message["Subject"] == "[newswatch] Test: newswatch can reach this channel"
    assert smtp_server.sink.messages[0].rcpt_tos == ["a@example.ma", "b@example.ma"]
