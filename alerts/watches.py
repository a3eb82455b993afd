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
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
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

DEFAULT_WATCH = "every-announcement"
DEFAULT_DESCRIPTION = "every announcement"
CHANNEL_KINDS = ("email", "slack", "webhook")
# MAD per unit; rough late-2026 values, meant to be set in the file's [rates] table.
DEFAULT_RATES = {"MAD": 1.0, "EUR": 10.8, "USD": 10.0}
_CURRENCY_ALIASES = {"DH": "MAD", "DHS": "MAD", "MDH": "MAD", "DIRHAM": "MAD", "DIRHAMS": "MAD"}

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
            watches.append(Watch.model_validate({"rates": rates, **entry}))
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


# -- matching ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryFacts:
    """What a watch looks at: a stored story, or the message an alert carries."""

    kinds: Sequence[str] = ()
    jobs: int | None = None
    investment_amount: float | None = None
    investment_currency: str | None = None
    companies: Sequence[str] = ()
    cities: Sequence[str] = ()


def facts_of(story: Any) -> StoryFacts:
    """From a ``Story`` row or an ``AlertMessage`` (same field names)."""
    return StoryFacts(
        kinds=list(story.kinds or []), jobs=story.jobs,
        investment_amount=story.investment_amount,
        investment_currency=story.investment_currency,
        companies=list(story.companies or []), cities=list(story.cities or []),
    )


def amount_in_mad(amount: float | None, currency: str | None, rates: dict[str, float]) -> float | None:
    """``None`` when there is no amount or its currency has no rate."""
    if amount is None:
        return None
    code = (currency or "MAD").strip().upper()
    rate = rates.get(_CURRENCY_ALIASES.get(code, code))
    return amount * rate if rate is not None else None


# Names recur from story to story: each is normalised once (a watch test reads thousands).
@lru_cache(maxsize=65536)
def _company_key(name: str) -> str:
    from dedup.names import company_key

    return company_key(name)


@lru_cache(maxsize=65536)
def _place_key(name: str) -> str:
    from dedup.names import place_key

    return place_key(name)


def _company_keys(names: Sequence[str]) -> set[str]:
    return {key for key in map(_company_key, names) if key}


def _city_keys(names: Sequence[str]) -> set[str]:
    return set(map(_place_key, names))


def _companies_agree(wanted: Sequence[str], named: Sequence[str]) -> bool:
    # The dedup package's notion of "same company": legal suffixes, a subsidiary and its
    # group, Arabic and Latin spellings, one name's words inside the other's.
    from dedup.events import companies_overlap

    if not named:
        return False
    return companies_overlap(_company_keys(wanted), _company_keys(named))


def _cities_agree(wanted: Sequence[str], named: Sequence[str]) -> bool:
    # Employment areas: a watch on Rabat sees Salé's parks, one on Casablanca Nouaceur's.
    return bool(_city_keys(wanted) & _city_keys(named))


@lru_cache(maxsize=256)
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    from dedup.text import normalise

    prefix = keyword.endswith("*")
    words = normalise(keyword.rstrip("*")).split()
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}" + ("" if prefix else r"(?!\w)"))


def _keywords_found(keywords: Sequence[str], texts: Iterable[tuple[str, str]]) -> bool:
    from dedup.text import normalise

    patterns = [_keyword_pattern(k) for k in keywords]
    for title, text in texts:
        folded = normalise(f"{title or ''}\n{text or ''}")
        if any(p.search(folded) for p in patterns):
            return True
    return False


def refusal(
    watch: Watch,
    facts: StoryFacts,
    texts: Iterable[tuple[str, str]] = (),
    *,
    languages: Iterable[str | None] = (),
) -> str | None:
    """Why the story is not for ``watch`` (e.g. "fewer than 200 jobs"), or ``None``."""
    if watch.kinds and not set(watch.kinds) & set(facts.kinds):
        return f"kind not one of {', '.join(watch.kinds)}"
    if watch.min_jobs is not None and (facts.jobs or 0) < watch.min_jobs:
        return f"fewer than {watch.min_jobs} jobs"
    if watch.min_investment_mad is not None:
        mad = amount_in_mad(facts.investment_amount, facts.investment_currency, watch.rates)
        if mad is None or mad < watch.min_investment_mad:
            return f"investment below {watch.min_investment_mad:,.0f} MAD"
    if watch.companies and not _companies_agree(watch.companies, facts.companies):
        return f"company not one of {', '.join(watch.companies)}"
    if watch.cities and not _cities_agree(watch.cities, facts.cities):
        return f"city not one of {', '.join(watch.cities)}"
    if watch.languages and not set(watch.languages) & {(lang or "").casefold() for lang in languages}:
        return f"language not one of {', '.join(watch.languages)}"
    if watch.keywords and not _keywords_found(watch.keywords, texts):
        return f"none of the keywords {', '.join(watch.keywords)}"
    return None


def story_matches(
    watch: Watch,
    story: Any,
    texts: Iterable[tuple[str, str]] = (),
    *,
    languages: Iterable[str | None] = (),
) -> bool:
    """Whether ``story`` (a ``Story`` row or an ``AlertMessage``) is for ``watch``.

    ``texts`` are the (title, text) of the story's articles, for ``keywords``; ``languages``
    their languages, for ``languages``: a watch with such a filter matches nothing without
    them.
    """
    return refusal(watch, facts_of(story), texts, languages=languages) is None


# -- stored stories ---------------------------------------------------------------------------


@dataclass
class WatchTrial:
    """``newswatch watches test``: the stories a watch matched among those examined."""

    matched: list[Any]
    examined: int


def _in_period(query: Any, since: datetime) -> Any:
    from sqlmodel import col

    from storage.models import Story

    return (query.where(col(Story.announcement), col(Story.known) == False)  # noqa: E712
            .where(col(Story.created_at) >= since))


def _count(session: Any, since: datetime) -> int:
    from sqlalchemy import func
    from sqlmodel import select

    from storage.models import Story

    return int(session.exec(_in_period(select(func.count()).select_from(Story), since)).one())


def _candidates(session: Any, watch: Watch, since: datetime) -> Iterable[Any]:
    """The facts of the period's stories, newest first, streamed (plain rows, not ORM
    objects: a test may read tens of thousands); figure thresholds are asked of the database."""
    from sqlmodel import col, select

    from storage.models import Story

    needed = {"kinds": ["kinds"], "min_jobs": ["jobs"], "companies": ["companies"],
              "cities": ["cities"],
              "min_investment_mad": ["investment_amount", "investment_currency"]}
    names = [n for f, ns in needed.items() if watch.filters().get(f) is not None for n in ns]
    # Only the columns the watch filters on: decoding JSON columns is most of the cost.
    query = _in_period(select(Story.id, Story.created_at, *(getattr(Story, n) for n in names)), since)
    if watch.min_jobs is not None:
        query = query.where(col(Story.jobs) >= watch.min_jobs)
    if watch.min_investment_mad is not None:
        query = query.where(col(Story.investment_amount).is_not(None))
    query = query.order_by(col(Story.created_at).desc(), col(Story.id).desc())
    return session.exec(query.execution_options(yield_per=1000))


def _matches_stored(session: Any, watch: Watch, row: Any) -> bool:
    from sqlmodel import select

    from storage.models import Article

    values = row._mapping
    facts = StoryFacts(kinds=values.get("kinds") or [], jobs=values.get("jobs"),
                       investment_amount=values.get("investment_amount"),
                       investment_currency=values.get("investment_currency"),
                       companies=values.get("companies") or [], cities=values.get("cities") or [])
    if not (watch.keywords or watch.languages):
        return refusal(watch, facts) is None
    if refusal(watch.model_copy(update={"keywords": [], "languages": []}), facts) is not None:
        return False  # the facts settle it: the articles are not read
    articles = session.exec(select(Article.title, Article.text, Article.language)
                            .where(Article.story_id == row.id)).all()
    texts = [(title, text) for title, text, _lang in articles]
    return refusal(watch, facts, texts, languages=[lang for *_x, lang in articles]) is None


def _stories(session: Any, ids: list[int]) -> list[Any]:
    from sqlmodel import col, select

    from storage.models import Story

    rows: dict[int, Any] = {}
    for start in range(0, len(ids), 500):  # within every database's parameter limit
        chunk = ids[start:start + 500]
        rows.update((s.id, s) for s in session.exec(select(Story).where(col(Story.id).in_(chunk))))
    return [rows[i] for i in ids if i in rows]


def try_watch(session: Any, watch: Watch, *, since: datetime, limit: int = 1000) -> WatchTrial:
    """The announcement stories first seen since ``since`` that ``watch`` matches, newest
    first (at most ``limit``), and how many announcement stories the period has."""
    matched: list[int] = []
    for row in _candidates(session, watch, since):
        if _matches_stored(session, watch, row):
            matched.append(row.id)
            if len(matched) >= limit:
                break
    return WatchTrial(matched=_stories(session, matched), examined=_count(session, since))


def matching_stories(session: Any, watch: Watch, *, since: datetime, limit: int = 1000) -> list[Any]:
    """The announcement stories first seen since ``since`` that ``watch`` matches, newest
    first (at most ``limit``): for the per-watch feed."""
    return try_watch(session, watch, since=since, limit=limit).matched


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
