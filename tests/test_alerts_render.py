"""Hostile titles: escaped, one line, within Slack's limits; snapshots of email and Block Kit.

Rewrite the snapshots with ``ALERTS_UPDATE_SNAPSHOTS=1``.
"""

from __future__ import annotations

import email
import email.policy
import json
from datetime import UTC, datetime

import pytest
from pydantic import SecretStr

from alerts.email import EmailNotifier
from alerts.email_body import subject
from alerts.render import AlertMessage, DigestEntry, SourceLink
from alerts.slack import SlackNotifier
from alerts.slack_blocks import payload
from alerts.text import format_amount, one_line, safe_url
from alerts_servers import (  # noqa: F401 - fixtures
    SMTP_PASSWORD,
    SMTP_USER,
    SlackServer,
    assert_snapshot,
    certificate,
    rendered_email,
    slack_server,
    smtp_server,
)

WHEN = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
HOSTILE = {
    "crlf_bcc": "Investissement record\r\nBcc: victim@evil.example\r\n\r\n<b>body</b>",
    "slack_ping": "<!channel> <!here> <@U123> <https://evil.example|Cliquez ici> & co",
    "script": "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "long": "Emplois " * 625,  # 5,000 characters
    "mixed": "استثمار جديد بقيمة 65 مليون درهم — Webhelp crée 1 200 emplois à Rabat",
}


def message(title: str, **extra: object) -> AlertMessage:
    fields: dict[str, object] = dict(
        key="story:42:email:announcement", title=title, source="medias24",
        url="https://www.medias24.com/2026/11/23/webhelp?utm=1&x=2", published_at=WHEN,
        language="fr", kinds=["jobs", "investment"], jobs=1200, investment_amount=65e6,
        investment_currency="MAD", companies=["Webhelp <Maroc>"], cities=["Rabat", "Salé"],
        evidence=[f"Selon le communiqué : {title}"],
        also_reported=[SourceLink(source="hespress <x>", url="https://fr.hespress.com/1"),
                       SourceLink(source="le360", url="javascript:alert(1)")],
    )
    fields.update(extra)
    return AlertMessage(**fields)  # type: ignore[arg-type]


def walk_text(blocks: list[dict]) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    """(type, text) of every text object in a Block Kit payload."""
    found = []
    for block in blocks:
        objects = [block.get("text")] + block.get("fields", []) + block.get("elements", [])
        found += [(o["type"], o["text"]) for o in objects if o]
    return found


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_snapshots(name: str) -> None:
    msg = message(HOSTILE[name])
    assert_snapshot(f"{name}.eml", rendered_email(msg))
    assert_snapshot(f"{name}.slack.json",
                    json.dumps(payload(msg), ensure_ascii=False, indent=2) + "\n")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_slack_payload_is_escaped_and_within_limits(name: str) -> None:
    data = payload(message(HOSTILE[name]))
    blocks = data["blocks"]
    assert len(blocks) <= 50 and blocks[0]["type"] == "header"
    assert len(blocks[0]["text"]["text"]) <= 150 and "\n" not in blocks[0]["text"]["text"]
    for block in blocks:
        assert len(block.get("fields", [])) <= 10
    for kind, text in walk_text(blocks) + [("mrkdwn", data["text"])]:
        assert len(text) <= 3000
        if kind == "mrkdwn":
            assert "<!" not in text and "<@" not in text and "<script" not in text
            assert "<https://evil" not in text and "javascript:" not in text


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_email_is_one_subject_and_escaped(name: str) -> None:
    msg = message(HOSTILE[name])
    parsed = email.message_from_string(rendered_email(msg), policy=email.policy.default)
    assert parsed.get_all("Bcc") is None
    assert len(parsed.get_all("Subject")) == 1
    assert "\n" not in parsed["Subject"] and len(parsed["Subject"]) <= 200
    html = parsed.get_body(preferencelist=("html",)).get_content()
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "javascript:" not in html and "href=\"https://fr.hespress.com/1\"" in html


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_titles_are_delivered(
    name: str, smtp_server, slack_server: SlackServer  # noqa: ANN001, F811
) -> None:
    msg = message(HOSTILE[name])
    mail = EmailNotifier(
        host="localhost", port=smtp_server.port, username=SMTP_USER,
        password=SecretStr(SMTP_PASSWORD), sender="alerts@newswatch.ma",
        recipients=["a@example.ma"], ssl_context=smtp_server.certificate.client_context(),
    )
    assert mail.send(msg).startswith("250")
    assert SlackNotifier(SecretStr(slack_server.url)).send(msg) == "200 ok"
    received = email.message_from_bytes(smtp_server.sink.messages[0].content,
                                        policy=email.policy.default)
    # Python may fold before the first word (valid RFC 5322): compare unfolded.
    assert received["Subject"].strip() == subject(msg)
    assert slack_server.delivered[0]["blocks"][0]["text"]["text"].startswith(
        one_line(HOSTILE[name])[:100])


def test_update_and_digest_headlines() -> None:
    update = message("Webhelp", kind="update", version=2)
    assert subject(update) == "[newswatch] Update: Webhelp"
    digest = AlertMessage(key="digest:2026-11-23:slack", kind="digest", title="Daily digest",
                          entries=[DigestEntry(title=f"<!here> article {n}", source="x",
                                               url=f"https://x.ma/{n}") for n in range(200)],
                          notices=["medias24: failing for 3 runs <!channel>"])
    data = payload(digest)
    texts = [text for _, text in walk_text(data["blocks"])]
    assert all(len(t) <= 3000 and "<!" not in t for t in texts)
    assert any("more" in t for t in texts)


@pytest.mark.parametrize(("url", "ok"), [
    ("https://a.ma/x?y=1", True), ("http://a.ma", True), ("javascript:alert(1)", False),
    ("https://a.ma/x|evil", False), ("https://a.ma/x>y", False), ("https://a.ma/ x", False),
    ("ftp://a.ma", False), ("data:text/html,x", False), (None, False), ("https://", False),
])
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_amounts_and_one_line() -> None:
    assert format_amount(65e6, "MAD") == "65 M MAD"
    assert format_amount(1.2e9, "MAD") == "1.2 Md MAD"
    assert format_amount(500_000, "EUR") == "500,000 EUR"
    assert format_amount(None, "MAD") is None
    assert one_line("a\r\nb\u2028c\x00d\t e") == "a b c d e"
