"""Alerting policy: per-channel routing rules, quiet hours and the daily digest.

Plain pydantic models, meant to hang off ``Settings`` as one nested field::

    alerting: AlertingConfig = Field(default_factory=AlertingConfig)

so that ``NEWSWATCH_ALERTING__DIGEST__TIME=07:30`` or a ``[alerting.routing.slack]`` TOML
table configure them. Every default keeps today's behaviour: route everything, no quiet
hours, no digest.

The routing rules are the filters of the default watch's channels (``email``, ``slack``,
``apprise``); the watches of the ``NEWSWATCH_WATCHES`` file (`alerts.watches`) are attached by
the settings with ``with_watches`` and decide for their own channels (``email:NAME``, ...).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from datetime import time as Time
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BaseModel, Field, PrivateAttr

from alerts.render import AlertMessage
from alerts.watches import DEFAULT_WATCH, Watch, channel_kind, watch_of_channel

CASABLANCA = "Africa/Casablanca"


def _folded(values: list[str]) -> set[str]:
    return {v.strip().casefold() for v in values if v.strip()}


def _check_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (KeyError, ValueError) as exc:  # at start-up rather than at send time
        raise ValueError(f"unknown time zone {value!r}") from exc
    return value


Zone = Annotated[str, AfterValidator(_check_zone)]


class RouteRule(BaseModel):
    """Which story alerts a channel receives. Empty lists mean "any"."""

    kinds: list[str] = Field(default_factory=list)  # e.g. ["jobs", "investment"]
    min_jobs: int | None = Field(default=None, ge=0)
    cities: list[str] = Field(default_factory=list)
    companies: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    updates: bool = True  # also send "update" alerts for stories already announced

    def refusal(self, message: AlertMessage) -> str | None:
        """Why ``message`` is not for this channel, or ``None`` when it is."""
        if message.kind == "update" and not self.updates:
            return "routing: updates off"
        if self.kinds and not _folded(self.kinds) & _folded(message.kinds):
            return "routing: kind not routed"
        if self.min_jobs is not None and (message.jobs or 0) < self.min_jobs:
            return f"routing: fewer than {self.min_jobs} jobs"
        if self.cities and not _folded(self.cities) & _folded(message.cities):
            return "routing: city not routed"
        if self.companies and not _folded(self.companies) & _folded(message.companies):
            return "routing: company not routed"
        if self.languages and (message.language or "").casefold() not in _folded(self.languages):
            return "routing: language not routed"
        return None


class QuietHours(BaseModel):
    """No sending between ``start`` and ``end`` local time; alerts wait, they are not dropped."""

    start: Time = Time(22, 0)
    end: Time = Time(7, 0)
    timezone: Zone = CASABLANCA
    channels: list[str] = Field(default_factory=list)  # empty: every channel

    def applies_to(self, channel: str) -> bool:
        # "email" also covers the watches' email channels ("email:tanger-parks").
        return not self.channels or channel in self.channels or channel_kind(channel) in self.channels

    def is_quiet(self, now: datetime) -> bool:
        local = now.astimezone(ZoneInfo(self.timezone)).time()
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end  # spans midnight


class DigestConfig(BaseModel):
    """A daily email/Slack summary of relevant articles that did not alert, and source health."""

    enabled: bool = False
    time: Time = Time(8, 0)
    timezone: Zone = CASABLANCA
    channels: list[str] = Field(default_factory=lambda: ["email"])
    max_entries: int = Field(50, ge=1, le=500)
    lookback: timedelta = timedelta(days=1)


class AlertingConfig(BaseModel):
    routing: dict[str, RouteRule] = Field(default_factory=dict)  # channel -> rule
    quiet_hours: QuietHours | None = None
    digest: DigestConfig = Field(default_factory=DigestConfig)
    # "new-figures": one follow-up when a story gains a figure it lacked (its first jobs
    # figure or first amount); "never": one message per story. Another outlet's different
    # figure is never a follow-up: it is listed under "also reported by".
    updates: Literal["new-figures", "never"] = "new-figures"
    # The watches file's watches: loaded by the settings, not configurable here.
    _watches: list[Watch] = PrivateAttr(default_factory=list)

    def with_watches(self, watches: list[Watch]) -> AlertingConfig:
        copy = self.model_copy()
        copy._watches = list(watches)
        return copy

    @property
    def watches(self) -> list[Watch]:
        """The watches of the watches file (the default watch is not among them)."""
        return list(self._watches)

    def watch_for(self, channel: str) -> Watch | None:
        """The file watch that owns ``channel``; ``None`` for the default watch's channels."""
        name = watch_of_channel(channel)
        if name == DEFAULT_WATCH:
            return None
        return next((w for w in self._watches if w.name == name), None)

    def refusal(self, channel: str, message: AlertMessage) -> str | None:
        rule = self.routing.get(channel)
        return rule.refusal(message) if rule else None

    def quiet(self, channel: str, now: datetime) -> bool:
        hours = self.quiet_hours
        return bool(hours and hours.applies_to(channel) and hours.is_quiet(now))
