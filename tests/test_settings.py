"""The one settings object: environment, TOML file, secrets kept out of sight; Scrapy locked down."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

import pytest

from crawler.scrapy_settings import scrapy_settings
from crawler.sources import Source
from newswatch.errors import ConfigError
from newswatch.settings import load_settings

SECRET_PASSWORD = "s3cr3t-smtp-pw"
SECRET_WEBHOOK = "https://hooks.slack.com/services/T0/B0/very-secret-token"


def test_environment_variables_build_typed_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWATCH_EMAIL_TO", "a@ex.ma, b@ex.ma")
    monkeypatch.setenv("NEWSWATCH_SMTP_SECURITY", "ssl")
    monkeypatch.setenv("NEWSWATCH_CRAWL__DOWNLOAD_TIMEOUT", "12.5")
    monkeypatch.setenv("NEWSWATCH_ALERT_WINDOW", "P3D")
    settings = load_settings()
    assert settings.email_to == ["a@ex.ma", "b@ex.ma"]
    assert settings.smtp_security == "ssl"
    assert settings.crawl.download_timeout == 12.5
    assert settings.alert_window == timedelta(days=3)


def test_a_toml_config_file_is_read_and_env_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "newswatch.toml"
    config.write_text('smtp_host = "mail.ex.ma"\nsmtp_port = 2525\n[crawl]\nretry_times = 5\n', encoding="utf-8")
    monkeypatch.setenv("NEWSWATCH_CONFIG", str(config))
    monkeypatch.setenv("NEWSWATCH_SMTP_PORT", "465")
    settings = load_settings()
    assert settings.smtp_host == "mail.ex.ma"
    assert settings.smtp_port == 465
    assert settings.crawl.retry_times == 5


def test_an_invalid_value_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWATCH_SMTP_SECURITY", "tls-please")
    with pytest.raises(ConfigError, match="NEWSWATCH_SMTP_SECURITY: expected one of 'none', 'starttls' or 'ssl'"):
        load_settings()


def test_secrets_never_show(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("NEWSWATCH_SMTP_PASSWORD", SECRET_PASSWORD)
    monkeypatch.setenv("NEWSWATCH_SLACK_WEBHOOK_URL", SECRET_WEBHOOK)
    settings = load_settings()
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("newswatch").info("settings: %r %s", settings, settings)
    for text in (repr(settings), str(settings), caplog.text, settings.model_dump_json()):
        assert SECRET_PASSWORD not in text and SECRET_WEBHOOK not in text
    assert settings.slack_enabled


def test_default_database_is_sqlite_in_the_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    settings = load_settings()
    assert settings.effective_database_url == f"sqlite:///{tmp_path / 'newswatch' / 'newswatch.db'}"


def test_scrapy_is_locked_down() -> None:
    scrapy = scrapy_settings(load_settings().crawl)
    assert scrapy["TELNETCONSOLE_ENABLED"] is False
    assert scrapy["REMOTE_CONTROL_ENABLED"] is False
    assert scrapy["DOWNLOAD_HANDLERS"]["file"] is None and scrapy["DOWNLOAD_HANDLERS"]["data"] is None
    assert scrapy["DOWNLOAD_MAXSIZE"] <= 64 * 1024 * 1024
    assert scrapy["ROBOTSTXT_OBEY"] is True
    assert scrapy["CONCURRENT_REQUESTS_PER_DOMAIN"] <= 2
    assert scrapy["AUTOTHROTTLE_ENABLED"] is True
    assert "newswatch" in scrapy["USER_AGENT"] and "+http" in scrapy["USER_AGENT"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "data:text/html,hi", "ftp://ex.ma/feed"])
def test_non_http_source_urls_are_rejected(url: str) -> None:
    with pytest.raises(ValueError, match="http"):
        Source(name="bad", homepage="https://ex.ma/", feeds=[url])
