"""The one place an extracted article becomes stored rows: page, article, story, alerts.

The crawl's store stage and the seed import both come through here, in one transaction each,
so the outbox rows are committed together with the article that causes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, select

from alerts.outbox import enqueue_story_alerts
from dedup import Candidate, Resolution, register
from storage.models import Article, Page, Story
from storage.types import utcnow


@dataclass(frozen=True)
class NewArticle:
    url: str
    source: str
    title: str
    text: str
    published_at: datetime | None
    author: str | None = None
    language: str | None = None
    truncated: bool = False
    http_status: int | None = None
    is_seed: bool = False


@dataclass(frozen=True)
class Outcome:
    article_id: int
    story_id: int
    status: str
    alerts: int


def candidate_for(
    *, text: str, title: str | None, source: str, published_at: datetime | None, analysis: Any
) -> Candidate:
    investment = analysis.investment
    return Candidate(
        text=text, title=title, language=analysis.language, source=source,
        published_at=published_at, announcement=analysis.announcement,
        kinds=list(analysis.kinds), jobs=analysis.jobs,
        investment_amount=investment.amount if investment else None,
        investment_currency=investment.currency if investment else None,
        companies=list(analysis.companies), cities=list(analysis.cities),
    )


def ingest(
    session: Session,
    new: NewArticle,
    *,
    analysis: Any,
    resolution: Resolution,
    candidate: Candidate,
    channels: list[str],
    window: timedelta,
    policy: Any = None,
) -> Outcome:
    status = _status(new, resolution)
    article = _article_row(new, analysis, resolution, status, candidate.fingerprinted().body_hash)
    session.add(article)
    session.flush()
    assert article.id is not None
    story = _story_for(session, article, analysis, resolution, known=new.is_seed or resolution.known)
    article.story_id = story.id
    session.add(article)
    register(session, article.id, candidate, resolution)
    _mark_page(session, new, article, status)
    alerts = _enqueue(session, story, article, channels, window, policy)
    return Outcome(article.id, story.id or 0, status, len(alerts))


def _status(new: NewArticle, resolution: Resolution) -> str:
    if new.is_seed:
        return "seed"
    if resolution.known:
        return "known"
    if resolution.duplicate_of is not None:
        return "duplicate"
    return "new"


def _article_row(
    new: NewArticle, analysis: Any, resolution: Resolution, status: str, text_hash: str
) -> Article:
    return Article(
        url=new.url, source=new.source, title=new.title, text=new.text,
        published_at=new.published_at, author=new.author, language=new.language,
        body_hash=text_hash, truncated=new.truncated, is_seed=new.is_seed,
        status=status, relevance=analysis.relevance, relevant=analysis.relevant,
        announcement=analysis.announcement, analysis=analysis.to_dict(),
        duplicate_of=resolution.duplicate_of, similarity=resolution.similarity,
        decision=resolution.reason,
    )


def _story_for(
    session: Session, article: Article, analysis: Any, resolution: Resolution, *, known: bool
) -> Story:
    if resolution.story_id is not None:
        story = session.get(Story, resolution.story_id)
        if story is not None:
            _join_story(story, analysis, material_change=resolution.material_change)
            session.add(story)
            return story
    story = Story(
        title=article.title, known=known, announcement=analysis.announcement,
        first_article_id=article.id, article_count=1,
    )
    _copy_figures(story, analysis)
    session.add(story)
    session.flush()
    return story


def _join_story(story: Story, analysis: Any, *, material_change: bool) -> None:
    story.article_count += 1
    story.updated_at = utcnow()
    if analysis.announcement and not story.announcement:
        story.announcement = True
    if analysis.announcement:
        # A new figure replaces the story's; otherwise a copy only fills what is missing.
        _copy_figures(story, analysis, only_missing=not material_change)


def _copy_figures(story: Story, analysis: Any, *, only_missing: bool = False) -> None:
    def take(current: Any, new: Any) -> Any:
        return current if (only_missing and current) else new

    story.kinds = take(story.kinds, list(analysis.kinds))
    story.jobs = take(story.jobs, analysis.jobs)
    if analysis.investment and not (only_missing and story.investment_amount):
        story.investment_amount = analysis.investment.amount
        story.investment_currency = analysis.investment.currency
    story.companies = take(story.companies, list(analysis.companies))
    story.cities = take(story.cities, list(analysis.cities))


def _mark_page(session: Session, new: NewArticle, article: Article, status: str) -> None:
    if new.is_seed:
        return
    page = session.exec(select(Page).where(Page.url == new.url)).first()
    page = page or Page(url=new.url, source=new.source)
    page.fetched_at, page.http_status = utcnow(), new.http_status
    page.outcome = "duplicate" if status in ("duplicate", "known") else "article"
    page.article_id = article.id
    page.reason = article.decision or None
    session.add(page)


def _enqueue(
    session: Session,
    story: Story,
    article: Article,
    channels: list[str],
    window: timedelta,
    policy: Any,
) -> list[Any]:
    # The outbox keys one announcement per story and channel, then an update only when the
    # story's figures change; calling it for every announcing copy is therefore safe.
    if story.known or article.is_seed or not channels:
        return []
    if not (article.announcement and article.relevant):
        return []
    return enqueue_story_alerts(
        session, story=story, article=article, channels=channels, now=utcnow(), window=window,
        policy=policy,
    )
