"""`newswatch demo` as a user runs it with channels and a database configured (issue 18.1):
a real process, a real aiosmtpd server and a local Slack endpoint. The demo must leave the
configured database untouched, send nothing, and print what it would have sent."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from alerts_servers import SlackServer


def test_the_demo_sends_nothing_and_writes_nothing_whatever_the_environment_says(
    mail_server, tmp_path: Path,
) -> None:
    sink, smtp_port = mail_server
    database = tmp_path / "production.db"
    data_dir = tmp_path / "data"
    with SlackServer() as slack, SlackServer() as apprise:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}
        env.update({
            "NEWSWATCH_DATABASE_URL": f"sqlite:///{database}",
            "NEWSWATCH_DATA_DIR": str(data_dir),
            "NEWSWATCH_SMTP_HOST": "127.0.0.1",
            "NEWSWATCH_SMTP_PORT": str(smtp_port),
            "NEWSWATCH_SMTP_SECURITY": "none",
            "NEWSWATCH_EMAIL_TO": "desk@example.org",
            "NEWSWATCH_ADMIN_EMAIL_TO": "ops@example.org",
            "NEWSWATCH_SLACK_WEBHOOK_URL": slack.url,
            "NEWSWATCH_ADMIN_SLACK_WEBHOOK_URL": slack.url,
            "NEWSWATCH_APPRISE_URLS": json.dumps([apprise.url.replace("http://", "json://")]),
            "COLUMNS": "200",
        })
        result = subprocess.run(
            [sys.executable, "-m", "newswatch", "demo"], env=env, capture_output=True, text=True,
            timeout=300,
        )
    assert result.returncode == 0, result.stderr
    assert sink.messages == [], "the demo emailed a configured recipient"
    assert slack.requests == [] and apprise.requests == [], "the demo posted to a channel"
    assert not database.exists(), "the demo wrote into NEWSWATCH_DATABASE_URL"
    assert not data_dir.exists(), "the demo wrote into NEWSWATCH_DATA_DIR"

    header, *lines = result.stdout[result.stdout.index("would send"):].splitlines()
    assert header.startswith("would send 3 alerts") and "example data" in header
    subjects, figures = lines[0::2], lines[1::2]
    assert len(subjects) == len(figures) == 3
    for name in ("Tellaris CX", "Nexora Digital", "نوفا كول"):  # the example announcements
        assert sum(name in subject for subject in subjects) == 1, (name, subjects)
    for subject, line in zip(subjects, figures):
        # The subject as mailed, then the figures: jobs · amount and currency · companies · cities
        assert re.match(r"jobs [\d,]+ · .*MAD.* · ", line.strip()), (subject, line)
    assert "EXAMPLE DATA" in result.stderr
