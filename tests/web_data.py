"""Stories written straight into a database for the web tests (invented companies), and a
small HTTP client for the dashboard served on 127.0.0.1."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import Session

from storage.models import Alert, Article, SourceState, Story

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        return None


def fetch(url: str, *, method: str = "GET", headers: dict[str, str] | None = None) -> Reply:
    """One request, redirects not followed, HTTP errors returned like any answer."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    # No proxy from the environment: the dashboard under test is on 127.0.0.1.
    opener = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=30) as answer:
            return Reply(answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


def add_story(
    session: Session, title: str, *, jobs: int | None = None, amount: float | None = None,
    companies: tuple[str, ...] = (), cities: tuple[str, ...] = (), kinds: tuple[str, ...] = ("jobs",),
    language: str = "fr", source: str = "exemple-fr", text: str = "", created: datetime = T0,
    announcement: bool = True, known: bool = False, evidence: str | None = None,
) -> Story:
    """A story announced by one article, as the ingest stage would have stored it."""
    story = Story(
        title=title, announcement=announcement, known=known, kinds=list(kinds), jobs=jobs,
        investment_amount=amount, investment_currency="MAD" if amount else None,
        companies=list(companies), cities=list(cities), created_at=created, updated_at=created,
        article_count=0,
    )
    session.add(story)
    session.flush()
    article = add_report(session, story, title, jobs=jobs, amount=amount, language=language,
                         source=source, text=text or title, fetched=created, evidence=evidence,
                         companies=companies, cities=cities, kinds=kinds)
    story.first_article_id = article.id
    return story


def add_report(
    session: Session, story: Story, title: str, *, jobs: int | None = None,
    amount: float | None = None, language: str = "fr", source: str = "exemple-fr",
    text: str = "", fetched: datetime = T0, evidence: str | None = None,
    companies: tuple[str, ...] = (), cities: tuple[str, ...] = (), kinds: tuple[str, ...] = ("jobs",),
) -> Article:
    analysis = {
        "announcement": story.announcement, "relevant": True, "jobs": jobs,
        "investment": {"amount": amount, "currency": "MAD"} if amount else None,
        "companies": list(companies), "cities": list(cities), "kinds": list(kinds),
        "jobs_evidence": evidence, "investment_evidence": None,
        "evidence": [evidence] if evidence else [], "reasons": [],
    }
    article = Article(
        url=f"https://{source}.example.ma/{story.id}-{story.article_count}-{abs(hash(title)) % 10**8}",
        source=source, title=title, text=text or title, language=language, fetched_at=fetched,
        published_at=fetched - timedelta(hours=1), status="new", relevant=True,
        announcement=story.announcement, analysis=analysis, story_id=story.id,
    )
    session.add(article)
    session.flush()
    story.article_count += 1
    return article


def add_alert(session: Session, story: Story, *, status: str = "sent", attempts: int = 1,
              channel: str = "email", error: str | None = None) -> Alert:
    alert = Alert(key=f"{story.id}:{channel}:{status}", story_id=story.id,
                  article_id=story.first_article_id, channel=channel, status=status,
                  attempts=attempts, last_error=error)
    session.add(alert)
    return alert


def add_source(session: Session, name: str, **fields: Any) -> SourceState:  # noqa: ANN401
    state = SourceState(name=name, **fields)
    session.add(state)
    return state
