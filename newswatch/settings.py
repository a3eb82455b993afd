"""The one typed settings object, built once at start-up and passed down.

Sources, in priority order: keyword arguments, ``NEWSWATCH_*`` environment variables
(nested with ``__``, e.g. ``NEWSWATCH_CRAWL__DOWNLOAD_TIMEOUT``), an optional TOML file named
by ``NEWSWATCH_CONFIG``, then the defaults below. Secrets are ``SecretStr``: they never show
in ``repr`` or logs.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
    TomlConfigSettingsSource,
)

from alerts.channels import MailServer
from alerts.config import AlertingConfig
from crawler.config import CrawlConfig, CrawlSettings, bundled_catalogue
from newswatch.config_messages import describe_settings_error, describe_validation, read_config_file
from newswatch.errors import ConfigError
from scheduler.config import AdminConfig, DaemonSettings, SchedulerConfig, WorkerSettings

ENV_PREFIX = "NEWSWATCH_"


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/newswatch``, else ``~/.local/share/newswatch``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "newswatch"


class WebSettings(BaseModel):
    """`newswatch serve`: the read-only dashboard, feeds and JSON API."""

    host: str = "127.0.0.1"
    port: int = Field(8080, ge=0, le=65535)
    # Required to bind beyond the loopback; then every request but /healthz must carry it.
    token: SecretStr | None = None
    page_size: int = Field(50, ge=1, le=200)
    # Feed entry ids are tag: URIs under this authority (a domain you own, or any stable name).
    feed_authority: str = "newswatch.localhost"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_nested_delimiter="__",
        extra="ignore",
        env_ignore_empty=True,
    )

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None
    sources: Path | None = None
    seeds_dir: Path | None = None

    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_security: Literal["none", "starttls", "ssl"] = "starttls"
    smtp_from: str = "newswatch@localhost"
    smtp_timeout: float = 20.0
    email_to: Annotated[list[str], NoDecode] = Field(default_factory=list)
    slack_webhook_url: SecretStr | None = None
    apprise_urls: list[SecretStr] = Field(default_factory=list)  # Apprise URLs carry tokens
    alerting: AlertingConfig = Field(default_factory=AlertingConfig)  # routing, quiet hours, digest
    watches: Path | None = None  # the watches TOML file (alerts/watches.py); read at start-up
    # The admin channel (source health notices): never the analysts' recipients.
    admin_email_to: Annotated[list[str], NoDecode] = Field(default_factory=list)
    admin_slack_webhook_url: SecretStr | None = None
    log_format: Literal["text", "json"] = "text"
    log_level: str = "INFO"

    alert_window: timedelta = timedelta(days=7)
    alert_max_attempts: int = Field(8, ge=1)

    crawl: CrawlSettings = Field(default_factory=CrawlSettings)
    daemon: DaemonSettings = Field(default_factory=DaemonSettings)
    # Worker mode (`newswatch worker`, `daemon --role scheduler`): the shared queue.
    redis_url: str | None = None
    worker: WorkerSettings = Field(default_factory=WorkerSettings)
    web: WebSettings = Field(default_factory=WebSettings)

    @field_validator("email_to", "admin_email_to", mode="before")
    @classmethod
    def _split_recipients(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, value: str | None) -> str | None:
        from storage.db import check_database_url  # the storage package is heavy to import
        from storage.errors import UnsupportedDatabaseUrl

        if value is None:
            return value
        try:
            return check_database_url(value)
        except UnsupportedDatabaseUrl as exc:
            raise ValueError(str(exc)) from None

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("expected redis://host:6379/0 (or rediss://, unix://)")
        return value

    @model_validator(mode="after")
    def _load_watches(self) -> Settings:
        # A mistake in the watches file stops start-up (WatchesFileError), like a bad variable.
        from alerts.watches import check_mail_server, load_watch_file

        if self.watches is not None:
            watches = load_watch_file(self.watches)
            check_mail_server(watches, self.watches, mail_server=bool(self.smtp_host))
            self.alerting = self.alerting.with_watches(watches)
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        config_file = config_file_path()
        chain: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if config_file:
            read_config_file(config_file)  # a missing file or a TOML error is said, not ignored
            chain.append(TomlConfigSettingsSource(settings_cls, toml_file=Path(config_file)))
        return tuple(chain)

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'newswatch.db'}"

    @property
    def sources_file(self) -> Path:
        return self.sources or bundled_catalogue()

    @property
    def email_enabled(self) -> bool:
        return bool(self.smtp_host and self.email_to)

    @property
    def slack_enabled(self) -> bool:
        return self.slack_webhook_url is not None

    # Each package receives its own part: the composition root is the only reader of all.
    def mail_server(self) -> MailServer | None:
        if not self.smtp_host:
            return None
        return MailServer(
            host=self.smtp_host, port=self.smtp_port, security=self.smtp_security,
            username=self.smtp_username, password=self.smtp_password, sender=self.smtp_from,
            timeout=self.smtp_timeout,
        )

    def crawl_config(self) -> CrawlConfig:
        return CrawlConfig(database_url=self.effective_database_url, limits=self.crawl,
                           alert_window=self.alert_window, alerting=self.alerting)

    def scheduler_config(self) -> SchedulerConfig:
        admin = AdminConfig(mail_server=self.mail_server(), email_to=list(self.admin_email_to),
                            slack_webhook_url=self.admin_slack_webhook_url,
                            max_attempts=self.alert_max_attempts)
        return SchedulerConfig(database_url=self.effective_database_url, daemon=self.daemon,
                               crawl=self.crawl_config(), admin=admin, redis_url=self.redis_url,
                               worker=self.worker)


def config_file_path() -> Path | None:
    named = os.environ.get(f"{ENV_PREFIX}CONFIG")
    return Path(named) if named else None


def load_settings(**overrides: Any) -> Settings:
    """Build the settings; the only place the environment is read. Every mistake is one
    ConfigError line naming the variable (or file and key) and what is expected."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        errors = [dict(e) for e in exc.errors()]
        raise ConfigError(describe_validation(errors, ENV_PREFIX, config_file_path())) from None
    except SettingsError as exc:
        raise ConfigError(describe_settings_error(str(exc), ENV_PREFIX)) from None
