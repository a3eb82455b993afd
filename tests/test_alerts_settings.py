"""The Settings fields the alerts package asks for, tried on a subclass of Settings."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from pydantic import Field, SecretStr

from alerts import build_notifiers
from alerts.config import AlertingConfig
from newswatch.settings import Settings


class Proposed(Settings):
    apprise_urls: list[SecretStr] = Field(default_factory=list)
    alerting: AlertingConfig = Field(default_factory=AlertingConfig)


def test_defaults_change_nothing() -> None:
    settings = Proposed()
    assert settings.alerting.routing == {} and settings.alerting.quiet_hours is None
    assert settings.alerting.digest.enabled is False and build_notifiers(settings) == {}


def test_environment_and_toml(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "newswatch.toml"
    config.write_text(
        '[alerting.routing.slack]\nkinds = ["jobs"]\nmin_jobs = 100\n'
        '[alerting.quiet_hours]\nstart = "21:00"\nend = "07:30"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("NEWSWATCH_CONFIG", str(config))
    monkeypatch.setenv("NEWSWATCH_ALERTING__DIGEST__ENABLED", "true")
    monkeypatch.setenv("NEWSWATCH_ALERTING__DIGEST__TIME", "07:45")
    monkeypatch.setenv("NEWSWATCH_APPRISE_URLS", '["json://127.0.0.1:9/hook"]')
    settings = Proposed()
    assert settings.alerting.digest.enabled and settings.alerting.digest.time == time(7, 45)
    assert settings.alerting.routing["slack"].min_jobs == 100
    assert settings.alerting.quiet_hours is not None
    assert settings.alerting.quiet_hours.end == time(7, 30)
    assert "127.0.0.1:9" not in repr(settings)  # the Apprise URL is a secret
    assert set(build_notifiers(settings)) == {"apprise"}
