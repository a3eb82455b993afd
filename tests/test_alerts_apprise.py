"""Apprise as an extra channel, against a local JSON endpoint (Apprise's json:// service)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from alerts import build_notifiers
from alerts.apprise_channel import AppriseNotifier
from alerts.errors import TransientDeliveryError
from alerts.render import AlertMessage
from alerts_servers import Reply, SlackServer

MESSAGE = AlertMessage(key="k", title="Webhelp recrute <!channel>", source="medias24")


def json_url(server: SlackServer) -> str:
    return "json://" + server.url.removeprefix("http://")


def test_delivers_title_and_body() -> None:
    with SlackServer() as server:
        answer = AppriseNotifier([json_url(server)]).send(MESSAGE)
    assert answer == "Apprise: delivered to 1 of 1 service(s)"
    [posted] = server.delivered
    assert "Webhelp recrute" in posted["title"] and "Médias24" in posted["message"]


def test_failure_is_transient() -> None:
    with SlackServer([Reply(500, "no")]) as server:
        with pytest.raises(TransientDeliveryError):
            AppriseNotifier([json_url(server)]).send(MESSAGE)


def test_built_from_settings_when_urls_given() -> None:
    settings = SimpleNamespace(email_enabled=False, slack_enabled=False,
                               apprise_urls=["json://127.0.0.1:9/x"])
    assert set(build_notifiers(settings)) == {"apprise"}
