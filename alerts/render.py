"""One channel-neutral ``AlertMessage`` per alert, built from the story and its articles.

The message is stored in the outbox row (``Alert.payload["message"]``) when the alert is
enqueued, so the relay sends exactly what the pipeline saw, even after a restart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from alerts.text import format_amount, format_number, one_line, safe_url
from storage.models.core import Article, Story

MAX_EVIDENCE = 3
MAX_EVIDENCE_CHARS = 600
MAX_ALSO_REPORTED = 10


class SourceLink(BaseModel):
    """Another article of the same story: "also reported by"."""

    model_config = ConfigDict(frozen=True)

    source: str
    url: str | None = None
    title: str = ""
    figures: str = ""  # that outlet's own figures ("1 200 jobs, 90 M MAD"): outlets differ


class DigestEntry(BaseModel):
    """One relevant article in a daily digest."""

    model_config = ConfigDict(frozen=True)

    title: str
    source: str
    url: str | None = None
    published_at: datetime | None = None
    kinds: list[str] = Field(default_factory=list)


class Before(BaseModel):
    """The figures the previous alert of a story gave: an update says what it adds to them."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    jobs: int | None = None
    investment_amount: float | None = None
    investment_currency: str | None = None
    kinds: list[str] = Field(default_factory=list)
    companies: list[str] = Field(default_factory=list)
    cities: list[str] = Field(default_factory=list)


class AlertMessage(BaseModel):
    """What every notifier renders. Text fields hold raw article text: escape when rendering."""

    model_config = ConfigDict(frozen=True)

    key: str  # the outbox idempotency key; the email Message-ID is derived from it
    kind: str = "announcement"  # announcement, update, digest, notice, test
    version: int = 1
    title: str = ""
    source: str = ""
    url: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    kinds: list[str] = Field(default_factory=list)
    jobs: int | None = None
    investment_amount: float | None = None
    investment_currency: str | None = None
    companies: list[str] = Field(default_factory=list)
    cities: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    also_reported: list[SourceLink] = Field(default_factory=list)
    story_id: int | None = None
    article_id: int | None = None
    entries: list[DigestEntry] = Field(default_factory=list)  # digest only
    notices: list[str] = Field(default_factory=list)  # digest and admin notices
    body: str = ""  # free text for test and notice messages
    before: Before | None = None  # update only: what the previous alert said
    headline_only: bool = False  # the article's page was not read: headline and snippet only

    @property
    def is_update(self) -> bool:
        return self.kind == "update"

    @property
    def investment(self) -> str | None:
        return format_amount(self.investment_amount, self.investment_currency)

    @property
    def link(self) -> str | None:
        return safe_url(self.url)

    def to_payload(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> AlertMessage:
        return cls.model_validate(payload)


def _evidence(article: Article) -> list[str]:
    raw = (article.analysis or {}).get("evidence") or []
    if isinstance(raw, str):
        raw = [raw]
    sentences = [one_line(str(s)) for s in raw if str(s).strip()]
    return [s[:MAX_EVIDENCE_CHARS] for s in sentences[:MAX_EVIDENCE]]


def _investment(story: Story, article: Article) -> tuple[float | None, str | None]:
    if story.investment_amount is not None:
        return story.investment_amount, story.investment_currency
    found = (article.analysis or {}).get("investment") or {}
    if isinstance(found, dict) and found.get("amount") is not None:
        return float(found["amount"]), found.get("currency")
    return None, None


def _pick(story_value: list[str], article: Article, name: str) -> list[str]:
    return list(story_value or (article.analysis or {}).get(name) or [])


def also_reported(article: Article, others: Iterable[Article]) -> list[SourceLink]:
    """Other articles of the story, one per source, the alerting article's source left out."""
    seen = {article.source}
    links: list[SourceLink] = []
    for other in others:
        if other.id == article.id or other.source in seen:
            continue
        seen.add(other.source)
        links.append(SourceLink(source=other.source, url=safe_url(other.url), title=other.title,
                                figures=_own_figures(other)))
    return links[:MAX_ALSO_REPORTED]


def _own_figures(article: Article) -> str:
    analysis = article.analysis or {}
    jobs = analysis.get("jobs")
    parts = [f"{format_number(jobs)} jobs"] if jobs else []
    found = analysis.get("investment") or {}
    if isinstance(found, dict) and found.get("amount"):
        parts.append(format_amount(float(found["amount"]), found.get("currency")) or "")
    return ", ".join(p for p in parts if p)


def build_message(
    story: Story,
    article: Article,
    others: Sequence[Article] = (),
    *,
    key: str,
    kind: str = "announcement",
    version: int = 1,
    before: Mapping[str, Any] | None = None,
) -> AlertMessage:
    """The message for ``story`` as reported by ``article``; story facts win over the article's.

    ``before`` is the previous alert's message payload, for an update to say what changed.
    """
    amount, currency = _investment(story, article)
    jobs = story.jobs if story.jobs is not None else (article.analysis or {}).get("jobs")
    return AlertMessage(
        key=key,
        kind=kind,
        version=version,
        title=article.title or story.title,
        source=article.source,
        url=article.url,
        published_at=article.published_at,
        language=article.language or (article.analysis or {}).get("language"),
        kinds=_pick(story.kinds, article, "kinds"),
        jobs=jobs,
        investment_amount=amount,
        investment_currency=currency,
        companies=_pick(story.companies, article, "companies"),
        cities=_pick(story.cities, article, "cities"),
        evidence=_evidence(article),
        also_reported=also_reported(article, others),
        story_id=story.id,
        article_id=article.id,
        before=Before.model_validate(before) if before is not None else None,
        headline_only=bool(getattr(article, "headline_only", False)),
    )
