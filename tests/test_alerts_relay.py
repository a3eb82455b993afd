"""The relay: crashes, restarts, retries, dead letters, quiet hours, resend."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr

from alerts.config import AlertingConfig, QuietHours
from alerts.errors import AlertNotFound, AlertNotResendable, TransientDeliveryError
from alerts.relay import Relay, resend
from alerts.render import AlertMessage
from alerts.slack import SlackNotifier
from alerts_servers import (  # noqa: F401 - fixtures
    T0,
    Clock,
    Reply,
    SlackServer,
    add_story,
    all_alerts,
    engine,
)
from storage.db import session_scope

TESTS = Path(__file__).parent


class Interrupting:
    """Wraps a notifier and interrupts the process around the real send."""

    def __init__(self, inner: SlackNotifier, *, after_send: bool) -> None:
        self.inner, self.after_send, self.channel = inner, after_send, inner.channel

    def send(self, message: AlertMessage) -> str:
        if not self.after_send:
            raise KeyboardInterrupt  # killed after the claim, before the network call
        answer = self.inner.send(message)
        raise SystemExit(f"killed after the server said {answer}")


def titles(server: SlackServer) -> list[str]:
    return [payload["blocks"][0]["text"]["text"] for payload in server.delivered]


def three_stories(engine, clock: Clock) -> None:  # noqa: ANN001
    for n in range(3):
        add_story(engine, title=f"Story {n}", url=f"https://m.ma/{n}", channels=("slack",),
                  now=clock())


@pytest.mark.parametrize("after_send", [False, True])
def test_killed_mid_send_loses_nothing(engine, after_send: bool) -> None:  # noqa: ANN001, F811
    clock = Clock()
    three_stories(engine, clock)
    with SlackServer() as server:
        real = SlackNotifier(webhook_url=SecretStr(server.url))
        with pytest.raises((SystemExit, KeyboardInterrupt)):
            Relay(engine, {"slack": Interrupting(real, after_send=after_send)},
                  clock=clock).send_pending()
        assert [a.status for a in all_alerts(engine)] == ["sending", "pending", "pending"]

        restarted = Relay(engine, {"slack": real}, clock=clock)
        assert restarted.send_pending().sent == 2  # the in-flight row may be a live relay's
        clock.advance(6 * 60)  # past stale_after (5 min): its relay is dead
        assert restarted.send_pending().sent == 1

    assert {a.status for a in all_alerts(engine)} == {"sent"}
    expected = ["Story 1", "Story 2", "Story 0"]
    # Killed after the server accepted: the documented duplicate, never a loss.
    assert titles(server) == (["Story 0", *expected] if after_send else expected)


def test_sigkill_between_send_and_mark_then_restart(engine, tmp_path) -> None:  # noqa: ANN001, F811
    clock = Clock()
    three_stories(engine, clock)
    url = str(engine.url)
    with SlackServer() as server:
        child = textwrap.dedent(f"""
            import os, signal, sys
            from datetime import datetime
            from pydantic import SecretStr
            from alerts.relay import Relay
            from alerts.slack import SlackNotifier
            from storage.db import connect

            real = SlackNotifier(webhook_url=SecretStr({server.url!r}))
            class KillAfterSecondSend:
                channel, sent = "slack", 0
                def send(self, message):
                    answer = real.send(message)
                    self.sent += 1
                    if self.sent == 2:
                        os.kill(os.getpid(), signal.SIGKILL)
                    return answer
            now = datetime.fromisoformat({clock().isoformat()!r})
            Relay(connect({url!r}), {{"slack": KillAfterSecondSend()}},
                  clock=lambda: now).send_pending()
        """)
        done = subprocess.run([sys.executable, "-c", child], cwd=TESTS.parent, timeout=60)
        assert done.returncode == -signal.SIGKILL
        assert [a.status for a in all_alerts(engine)] == ["sent", "sending", "pending"]

        clock.advance(10 * 60)
        report = Relay(engine, {"slack": SlackNotifier(SecretStr(server.url))},
                       clock=clock).send_pending()
    assert report.sent == 2
    assert {a.status for a in all_alerts(engine)} == {"sent"}
    assert titles(server) == ["Story 0", "Story 1", "Story 1", "Story 2"]


class AlwaysDown:
    channel = "slack"

    def __init__(self) -> None:
        self.calls = 0

    def send(self, message: AlertMessage) -> str:
        self.calls += 1
        raise TransientDeliveryError("connection refused")


def test_attempts_exhausted_goes_dead(engine) -> None:  # noqa: ANN001, F811
    clock, down = Clock(), AlwaysDown()
    add_story(engine, channels=("slack",))
    relay = Relay(engine, {"slack": down}, clock=clock, max_attempts=3)
    for _ in range(6):
        relay.send_pending()
        clock.advance(3600)
    [alert] = all_alerts(engine)
    assert (alert.status, alert.attempts, down.calls) == ("dead", 3, 3)
    assert alert.last_error == "gave up after 3 attempts: connection refused"


def test_backoff_grows_with_jitter(engine) -> None:  # noqa: ANN001, F811
    clock = Clock()
    add_story(engine, channels=("slack",))
    relay = Relay(engine, {"slack": AlwaysDown()}, clock=clock)
    waits = []
    for _ in range(4):
        relay.send_pending()
        [alert] = all_alerts(engine)
        assert alert.next_attempt_at is not None
        waits.append((alert.next_attempt_at - clock()).total_seconds())
        clock.now = alert.next_attempt_at
    for n, wait in enumerate(waits):
        nominal = 30 * 2**n
        assert nominal / 2 <= wait <= nominal


def test_a_failing_channel_does_not_block_the_other(engine) -> None:  # noqa: ANN001, F811
    clock, down = Clock(), AlwaysDown()
    three_stories(engine, clock)
    for n in range(3):
        add_story(engine, title=f"Mail {n}", url=f"https://m.ma/mail{n}", channels=("email",))

    class Sink:
        channel, got = "email", 0

        def send(self, message: AlertMessage) -> str:
            self.got += 1
            return "250 ok"

    sink = Sink()
    report = Relay(engine, {"slack": down, "email": sink}, clock=clock).send_pending()
    # One failed Slack attempt per pass, not three timeouts in a row.
    assert (report.sent, report.retrying, down.calls, sink.got) == (3, 1, 1, 3)


def test_notifier_bug_keeps_the_alert(engine) -> None:  # noqa: ANN001, F811
    class Buggy:
        channel = "slack"

        def send(self, message: AlertMessage) -> str:
            raise RuntimeError("boom")

    add_story(engine, channels=("slack",))
    assert Relay(engine, {"slack": Buggy()}, clock=Clock()).send_pending().retrying == 1
    assert all_alerts(engine)[0].status == "pending"


def test_channel_without_notifier_waits(engine) -> None:  # noqa: ANN001, F811
    add_story(engine, channels=("apprise",))
    assert Relay(engine, {}, clock=Clock()).send_pending().attempted == 0
    assert all_alerts(engine)[0].status == "pending"


def test_quiet_hours_hold_alerts_until_morning(engine) -> None:  # noqa: ANN001, F811
    # 23:30 in Casablanca (UTC+1 in November 2026).
    clock = Clock(datetime.fromisoformat("2026-11-23T22:30:00+00:00"))
    add_story(engine, channels=("slack",), now=clock())
    policy = AlertingConfig(quiet_hours=QuietHours(start=time(22), end=time(7)))
    with SlackServer() as server:
        relay = Relay(engine, {"slack": SlackNotifier(SecretStr(server.url))}, clock=clock,
                      policy=policy)
        assert relay.send_pending().attempted == 0
        clock.advance(7 * 3600)  # 06:30 local
        assert relay.send_pending().attempted == 0
        clock.advance(3600)  # 07:30 local
        assert relay.send_pending().sent == 1


def test_resend(engine) -> None:  # noqa: ANN001, F811
    add_story(engine, channels=("slack",))
    with SlackServer([Reply(404, "no_service")]) as server:
        relay = Relay(engine, {"slack": SlackNotifier(SecretStr(server.url))}, clock=Clock())
        assert relay.send_pending().dead == 1
        [alert] = all_alerts(engine)
        with session_scope(engine) as session:
            resend(session, alert.id)
        assert relay.send_pending().sent == 1
    with session_scope(engine) as session:
        with pytest.raises(AlertNotFound):
            resend(session, 999)
    with session_scope(engine) as session:
        row = resend(session, alert.id)
        row.status = "sending"
    with session_scope(engine) as session, pytest.raises(AlertNotResendable):
        resend(session, alert.id)


def test_abandoned_row_with_no_attempts_left_is_dead(engine) -> None:  # noqa: ANN001, F811
    add_story(engine, channels=("slack",))
    with session_scope(engine) as session:
        [alert] = all_alerts(engine)
        row = session.get(type(alert), alert.id)
        row.status, row.attempts, row.claimed_at = "sending", 8, T0 - timedelta(hours=1)
    down = AlwaysDown()
    report = Relay(engine, {"slack": down}, clock=Clock()).send_pending()
    assert (report.attempted, down.calls) == (0, 0)
    assert all_alerts(engine)[0].status == "dead"


def test_secrets_never_reach_logs_or_the_outbox(engine, caplog) -> None:  # noqa: ANN001, F811
    import logging

    from alerts.email import EmailNotifier
    from alerts_servers import free_port

    caplog.set_level(logging.DEBUG)
    add_story(engine, channels=("slack", "email"))
    with SlackServer([Reply(404, "no_service")]) as server:
        notifiers = {
            "slack": SlackNotifier(SecretStr(server.url)),
            "email": EmailNotifier(host="127.0.0.1", port=free_port(), sender="a@b.ma",
                                   recipients=["c@d.ma"], username="bot",
                                   password=SecretStr("hunter2-password"), timeout=2),
        }
        report = Relay(engine, notifiers, clock=Clock()).send_pending()
    assert (report.dead, report.retrying) == (1, 1)
    recorded = " ".join(f"{a.last_error} {a.response}" for a in all_alerts(engine))
    for text in (caplog.text, recorded, " ".join(report.errors), repr(notifiers)):
        assert "XXXX" not in text and "/services/" not in text
        assert "hunter2" not in text
