"""Watches: a named filter over announcement stories, and where its matches go.

A watch is declared in the TOML file named by ``NEWSWATCH_WATCHES``::

    [rates]                      # MAD per unit, for min_investment_mad (optional)
    EUR = 10.8
    USD = 10.0

    [[watch]]
    name = "tanger-parks"        # a slug: [a-z0-9][a-z0-9_-]*
    cities = ["Tanger"]          # every filter is optional; empty means "any"
    kinds = ["new_site", "expansion"]
    min_jobs = 200
    email_to = ["analyst@example.ma"]
    webhook_url = "https://crm.example.ma/hooks/newswatch"
    webhook_secret = "..."

Filters of one watch all have to agree (and); the values inside one filter are
alternatives (or). The watch ``every-announcement`` always exists: it matches every
announcement and owns the global channels (``NEWSWATCH_EMAIL_TO``, ``_SLACK_WEBHOOK_URL``,
``_APPRISE_URLS``) and their per-channel ``alerting.routing`` rules, as before watches.

A channel of a watch is named ``KIND:WATCH`` (``email:tanger-parks``); the default watch's
channels keep their plain names (``email``, ``slack``, ``apprise``), so outbox keys written
before watches stay valid.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from alerts.errors import WatchesFileError, WatchNotFound
from alerts.watch_match import StoryFacts, amount_in_mad, facts_of, refusal, story_matches
from alerts.watch_stories import WatchTrial, matching_stories, try_watch

__all__ = [
    "DEFAULT_WATCH", "StoryFacts", "Watch", "WatchTrial", "amount_in_mad", "default_watch",
    "describe", "facts_of", "find_watch", "load_watch_file", "load_watches", "matching_stories",
    "refusal", "story_matches", "try_watch",
]

DEFAULT_WATCH = "every-announcement"
DEFAULT_DESCRIPTION = "every announcement"
CHANNEL_KINDS = ("email", "slack", "webhook")
# MAD per unit; rough late-2026 values, meant to be set in the file's [rates] table.
DEFAULT_RATES = {"MAD": 1.0, "EUR": 10.8, "USD": 10.0}

Kind = Literal["new_site", "expansion", "jobs", "investment", "mou"]
Language = Literal["fr", "ar", "en"]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")]
Term = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def check_hook_url(url: SecretStr | None) -> SecretStr | None:
    """https only (plain http only to this machine, for tests); the URL is never echoed."""
    if url is None:
        return None
    match = re.match(r"^(https?)://([^/:?#]+|\[[^\]]+\])", url.get_secret_value())
    local = bool(match) and match.group(2) in ("127.0.0.1", "localhost", "[::1]")  # type: ignore[union-attr]
    if not match or (match.group(1) == "http" and not local):
        raise ValueError("must be an https:// URL")
    return url


class Watch(BaseModel):
    """A named filter plus its destinations. Empty filter lists mean "any"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Slug
    description: str = ""
    companies: list[Term] = Field(default_factory=list)
    cities: list[Term] = Field(default_factory=list)
    kinds: list[Kind] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    keywords: list[Term] = Field(default_factory=list)  # in a title or text; "recrut*": prefix
    min_jobs: int | None = Field(default=None, ge=0)
    min_investment_mad: float | None = Field(default=None, ge=0)
    updates: bool = True  # also the "Update:" messages of a story already sent
    email_to: list[Term] = Field(default_factory=list)
    slack_webhook_url: SecretStr | None = None
    webhook_url: SecretStr | None = None
    webhook_secret: SecretStr | None = None
    rates: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_RATES))

    @field_validator("email_to")
    @classmethod
    def _addresses(cls, values: list[str]) -> list[str]:
        for value in values:
            if not re.fullmatch(r"[^@\s,]+@[^@\s,]+", value):
                raise ValueError(f"{value!r} is not an email address")
        return values

    @field_validator("slack_webhook_url", "webhook_url")
    @classmethod
    def _hook(cls, value: SecretStr | None) -> SecretStr | None:
        return check_hook_url(value)

    @field_validator("rates")
    @classmethod
    def _positive_rates(cls, rates: dict[str, float]) -> dict[str, float]:
        for code, rate in rates.items():
            if rate <= 0:
                raise ValueError(f"the rate of {code} must be above 0")
        return {"MAD": 1.0, **{code.upper(): rate for code, rate in rates.items()}}

    @model_validator(mode="after")
    def _signed_webhook(self) -> Watch:
        # An unsigned webhook would let anyone who learns the URL inject "announcements".
        if self.webhook_url is not None and self.webhook_secret is None:
            raise ValueError("webhook_url needs webhook_secret (the HMAC key)")
        if self.webhook_secret is not None and not self.webhook_secret.get_secret_value():
            raise ValueError("webhook_secret is empty")
        return self

    @property
    def is_default(self) -> bool:
        return self.name == DEFAULT_WATCH

    def channel(self, kind: str) -> str:
        """The outbox channel name of this watch's ``kind`` destination."""
        return kind if self.is_default else f"{kind}:{self.name}"

    def channel_kinds(self) -> list[str]:
        """The destination kinds this watch has: email, slack, webhook."""
        have = {"email": bool(self.email_to), "slack": self.slack_webhook_url is not None,
                "webhook": self.webhook_url is not None}
        return [kind for kind in CHANNEL_KINDS if have[kind]]

    def channels(self) -> list[str]:
        return [self.channel(kind) for kind in self.channel_kinds()]

    def filters(self) -> dict[str, Any]:
        """The filters that are set, for listings."""
        names = ("companies", "cities", "kinds", "languages", "keywords", "min_jobs",
                 "min_investment_mad")
        return {n: getattr(self, n) for n in names if getattr(self, n) not in (None, [])}


def default_watch(
    *, email_to: Sequence[str] = (), slack_webhook_url: SecretStr | None = None
) -> Watch:
    """The watch that matches every announcement, on the global channels.

    Not validated again: the settings already checked the global channels.
    """
    return Watch.model_construct(
        name=DEFAULT_WATCH, description=DEFAULT_DESCRIPTION, email_to=list(email_to),
        slack_webhook_url=slack_webhook_url,
    )


def watch_of_channel(channel: str) -> str:
    """The watch a channel belongs to: ``email:crm`` -> ``crm``; ``email`` -> the default."""
    kind, _, name = channel.partition(":")
    return name if kind in CHANNEL_KINDS and name else DEFAULT_WATCH


def channel_kind(channel: str) -> str:
    return channel.partition(":")[0]


# -- loading ----------------------------------------------------------------------------------


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WatchesFileError(f"{path}: no such watches file") from None
    except IsADirectoryError:
        raise WatchesFileError(f"{path}: is a directory, expected a watches TOML file") from None
    except UnicodeDecodeError as exc:
        raise WatchesFileError(f"{path}: not UTF-8 text (byte {exc.start}): save it as UTF-8") from None
    except OSError as exc:
        raise WatchesFileError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise WatchesFileError(f"{path}: not valid TOML: {exc}") from None


def _describe(error: dict[str, Any], entries: list[Any]) -> str:
    location = list(error["loc"])
    index = location.pop(0)
    entry = entries[index] if index < len(entries) else {}
    name = entry.get("name") if isinstance(entry, dict) else None
    who = f"watch {name!r}" if isinstance(name, str) else f"watch #{index + 1}"
    key = ".".join(str(part) for part in location)
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "literal_error":
        message = f"{error.get('input')!r} is not one of {message.removeprefix('Input should be ')}"
    if error["type"] == "string_pattern_mismatch" and key == "name":
        message = f"{error.get('input')!r} is not a slug (a-z, 0-9, - and _, 63 at most)"
    return f"{who}, key {key!r}: {message}" if key else f"{who}: {message}"


def _rates(raw: dict[str, Any], path: Path) -> dict[str, float]:
    table = raw.get("rates", {})
    if not isinstance(table, dict):
        raise WatchesFileError(f"{path}: key 'rates': expected a table such as [rates] EUR = 10.8")
    rates = dict(DEFAULT_RATES)
    for code, rate in table.items():
        if isinstance(rate, bool) or not isinstance(rate, int | float) or rate <= 0:
            raise WatchesFileError(f"{path}: key 'rates.{code}': expected a number above 0 "
                                   f"(MAD per {code}), got {rate!r}")
        rates[code.upper()] = float(rate)
    return rates


def _entries(raw: dict[str, Any], path: Path) -> list[Any]:
    unknown = sorted(set(raw) - {"watch", "rates"})
    if unknown:
        raise WatchesFileError(f"{path}: unknown key {unknown[0]!r}: expected [[watch]] entries "
                               "and an optional [rates] table")
    entries = raw.get("watch", [])
    if not isinstance(entries, list):
        raise WatchesFileError(f"{path}: key 'watch': write each watch as a [[watch]] table")
    return entries


def _validated(entries: list[Any], rates: dict[str, float], path: Path) -> list[Watch]:
    watches: list[Watch] = []
    problems: list[str] = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.append(f"watch #{index + 1}: expected a [[watch]] table")
            continue
        try:
            own = entry.get("rates")  # a watch's own rates refine the file's [rates]
            merged = {**rates, **own} if isinstance(own, dict) else own if own is not None else rates
            watches.append(Watch.model_validate({**entry, "rates": merged}))
        except ValidationError as exc:
            problems += [_describe({**e, "loc": (index, *e["loc"])}, entries) for e in exc.errors()]
    names = [w.name for w in watches]
    problems += [f"watch {n!r}: name used twice" for n in sorted({n for n in names if names.count(n) > 1})]
    if DEFAULT_WATCH in names:
        problems.append(f"watch {DEFAULT_WATCH!r}: the name is reserved for the watch of the "
                        "global channels (NEWSWATCH_EMAIL_TO, ...): choose another")
    if problems:
        raise WatchesFileError(f"{path}: " + "; ".join(problems))
    return watches


def load_watch_file(path: Path) -> list[Watch]:
    """The watches declared in ``path``; errors name the file, the watch and the key."""
    raw = _read(path)
    return _validated(_entries(raw, path), _rates(raw, path), path)


def load_watches(
    path: Path | None,
    *,
    email_to: Sequence[str] = (),
    slack_webhook_url: SecretStr | None = None,
) -> list[Watch]:
    """The default watch (every announcement, on the global channels), then the file's."""
    default = default_watch(email_to=email_to, slack_webhook_url=slack_webhook_url)
    return [default, *(load_watch_file(path) if path is not None else [])]


def find_watch(watches: Iterable[Watch], name: str) -> Watch:
    known = list(watches)
    for watch in known:
        if watch.name == name:
            return watch
    raise WatchNotFound(f"no watch named {name!r}; known: {', '.join(w.name for w in known)}")


def describe(watch: Watch, channels: Iterable[str] | None = None) -> dict[str, Any]:
    """A listing row without secrets: the webhook's host only, never a URL or a key."""
    webhook = None
    if watch.webhook_url is not None:
        webhook = urlsplit(watch.webhook_url.get_secret_value()).hostname
    return {
        "name": watch.name,
        "description": watch.description,
        "filters": watch.filters(),
        "updates": watch.updates,
        "channels": watch.channels() if channels is None else list(channels),
        "email_to": list(watch.email_to),
        "slack": watch.slack_webhook_url is not None,
        "webhook_host": webhook,
    }


def check_mail_server(watches: Iterable[Watch], path: Path, *, mail_server: bool) -> None:
    """A watch's email recipients need the global SMTP server: say so at start-up."""
    for watch in watches:
        if watch.email_to and not mail_server:
            raise WatchesFileError(f"{path}: watch {watch.name!r}, key 'email_to': needs a mail "
                                   "server: set NEWSWATCH_SMTP_HOST")
