"""The one place an extracted article becomes stored rows: page, article, story, alerts.

The crawl's store stage and the seed import both come through ``ingest``, in one transaction
each: resolve against what is stored, write the rows, register the article's dedup
signature, queue the alerts. The outbox rows are therefore committed together with the
article that causes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import text
from sqlmodel import Session, select

from alerts.config import AlertingConfig
from alerts.outbox import enqueue_story_alerts
from analysis import Analysis
from dedup import Candidate, Fingerprint, Resolution, register, resolve
from dedup.errors import InvalidCandidate
from storage.clock import utcnow
from storage.models import Alert, Article, ArticleStatus, Page, PageOutcome, Story


@dataclass(frozen=True)
class NewArticle:
    """What was fetched: the page's own facts, before any comparison with the store."""

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
    headline_only: bool = False  # an aggregator's headline and snippet: the page was not read


@dataclass(frozen=True)
class Delivery:
    """Where the alerts an article causes are queued, and under which rules."""

    channels: list[str] = field(default_factory=list)
    window: timedelta = timedelta(0)
    policy: AlertingConfig | None = None


@dataclass(frozen=True)
class Outcome:
    article_id: int
    story_id: int
    status: str
    alerts: int
    refreshed: bool = False  # an article already stored was fetched again (--refetch)


def candidate_for(
    *, text: str, title: str | None, source: str, published_at: datetime | None,
    analysis: Analysis, fingerprint: Fingerprint | None = None, seed: bool = False,
) -> Candidate:
    """The facts dedup compares, built once, where the text was analysed."""
    investment = analysis.investment
    return Candidate(
        text=text, title=title, language=analysis.language, source=source,
        published_at=published_at, announcement=analysis.announcement,
        kinds=list(analysis.kinds), jobs=analysis.jobs,
        investment_amount=investment.amount if investment else None,
        investment_currency=investment.currency if investment else None,
        companies=list(analysis.companies), cities=list(analysis.cities),
        fingerprint=fingerprint, seed=seed,
    )


# pg_advisory_xact_lock takes a bigint: a fixed key that says "newswatch ingest".
_INGEST_LOCK_KEY = 0x6E77_696E_6765_7374


def one_ingest_at_a_time(session: Session) -> None:
    """Two crawls (workers on other machines) storing two reports of one event at once would
    each find no story for it and open two, so the event would alert twice. On PostgreSQL
    ingests therefore take turns on an advisory lock released at commit; resolving and storing
    takes milliseconds. SQLite has one writer at a time anyway."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _INGEST_LOCK_KEY})


def ingest(
    session: Session, new: NewArticle, *, analysis: Analysis, candidate: Candidate,
    delivery: Delivery = Delivery(),
) -> Outcome:
    """Resolve, store, register and queue alerts for one article, in the caller's transaction."""
    one_ingest_at_a_time(session)
    stored = session.exec(select(Article).where(Article.url == new.url)).first()
    if stored is not None:
        return _refresh(session, stored, new, analysis, delivery)
    if candidate.seed != new.is_seed:
        raise InvalidCandidate(f"{new.url}: a seed article needs candidate_for(..., seed=True)")
    resolution = resolve(session, candidate)
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
    alerts = _enqueue(session, story, article, delivery)
    return Outcome(article.id, story.id or 0, status, len(alerts))


def _refresh(
    session: Session, article: Article, new: NewArticle, analysis: Analysis, delivery: Delivery
) -> Outcome:
    """A page fetched again: its article takes the new text and analysis, keeps its story.

    Its dedup signature stays the first one: a corrected page is the same story, and the
    outbox's keys make a second announcement of that story impossible.
    """
    assert article.id is not None
    article.title, article.text = new.title or article.title, new.text
    article.published_at = new.published_at or article.published_at
    article.author = new.author or article.author
    article.fetched_at, article.truncated = utcnow(), new.truncated
    _copy_analysis(article, analysis)
    session.add(article)
    story = session.get(Story, article.story_id) if article.story_id is not None else None
    alerts: list[Alert] = []
    if story is not None:
        _join_story(story, analysis, count=False)
        session.add(story)
        alerts = _enqueue(session, story, article, delivery)
    _mark_page(session, new, article, article.status)
    story_id = (story.id or 0) if story is not None else 0
    return Outcome(article.id, story_id, article.status, len(alerts), refreshed=True)


def _status(new: NewArticle, resolution: Resolution) -> ArticleStatus:
    if new.is_seed:
        return ArticleStatus.SEED
    if resolution.known:
        return ArticleStatus.KNOWN
    if resolution.duplicate_of is not None:
        return ArticleStatus.DUPLICATE
    return ArticleStatus.NEW


def _article_row(
    new: NewArticle, analysis: Analysis, resolution: Resolution, status: ArticleStatus,
    text_hash: str
) -> Article:
    article = Article(
        url=new.url, source=new.source, title=new.title, text=new.text,
        published_at=new.published_at, author=new.author, language=new.language,
        body_hash=text_hash, truncated=new.truncated, is_seed=new.is_seed, status=status,
        headline_only=new.headline_only,
        duplicate_of=resolution.duplicate_of, similarity=resolution.similarity,
        decision=resolution.reason,
    )
    _copy_analysis(article, analysis)
    return article


def _copy_analysis(article: Article, analysis: Analysis) -> None:
    article.relevance, article.relevant = analysis.relevance, analysis.relevant
    article.announcement, article.analysis = analysis.announcement, analysis.to_dict()


def _story_for(
    session: Session, article: Article, analysis: Analysis, resolution: Resolution, *, known: bool
) -> Story:
    if resolution.story_id is not None:
        story = session.get(Story, resolution.story_id)
        if story is not None:
            _join_story(story, analysis)
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


def _join_story(story: Story, analysis: Analysis, *, count: bool = True) -> None:
    if count:
        story.article_count += 1
    story.updated_at = utcnow()
    if analysis.announcement and not story.announcement:
        story.announcement = True
    if analysis.announcement:
        # The story keeps the figures it was announced with; another outlet's reading of
        # them stays on that outlet's article ("also reported by"). A report only fills a
        # figure the story lacked (``material_change``) and adds the names and places.
        _copy_figures(story, analysis, only_missing=True)
        story.companies = _union(story.companies, analysis.companies)
        story.cities = _union(story.cities, analysis.cities)


def _union(current: list[str] | None, more: list[str]) -> list[str]:
    seen = {c.casefold() for c in current or []}
    return list(current or []) + [c for c in more if c.casefold() not in seen]


def _copy_figures(story: Story, analysis: Analysis, *, only_missing: bool = False) -> None:
    def take(current: object, new: object) -> object:
        return current if (only_missing and current) else new

    story.kinds = take(story.kinds, list(analysis.kinds))  # type: ignore[assignment]
    story.jobs = take(story.jobs, analysis.jobs)  # type: ignore[assignment]
    if analysis.investment and not (only_missing and story.investment_amount):
        story.investment_amount = analysis.investment.amount
        story.investment_currency = analysis.investment.currency
    story.companies = take(story.companies, list(analysis.companies))  # type: ignore[assignment]
    story.cities = take(story.cities, list(analysis.cities))  # type: ignore[assignment]


def _mark_page(session: Session, new: NewArticle, article: Article, status: str) -> None:
    if new.is_seed:
        return
    page = session.exec(select(Page).where(Page.url == new.url)).first()
    page = page or Page(url=new.url, source=new.source)
    page.fetched_at, page.http_status = utcnow(), new.http_status
    duplicate = status in (ArticleStatus.DUPLICATE, ArticleStatus.KNOWN)
    page.outcome = PageOutcome.DUPLICATE if duplicate else PageOutcome.ARTICLE
    page.article_id = article.id
    page.reason = article.decision or None
    session.add(page)


def _enqueue(session: Session, story: Story, article: Article, delivery: Delivery) -> list[Alert]:
    # The outbox keys one announcement per story and channel, then an update only when the
    # story's figures change; calling it for every announcing copy is therefore safe.
    if story.known or article.is_seed or not delivery.channels:
        return []
    if not (article.announcement and article.relevant):
        return []
    return enqueue_story_alerts(
        session, story=story, article=article, channels=delivery.channels, now=utcnow(),
        window=delivery.window, policy=delivery.policy,
    )
