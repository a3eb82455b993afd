"""The dedup tables: every read is an index probe, every write a handful of rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlalchemy import TextClause, insert, select, text
from sqlmodel import Session

from dedup.events import StoryFacts, city_keys, company_keys, currency, round_amount
from storage.models import Article, DedupAnchor, DedupEventKey, DedupSignature, Story

# An anchor shared by more articles than this is boilerplate (a site footer, a stock
# phrase): it says nothing about which article was copied, and reading it costs time.
COMMON_ANCHOR = 64
# Story facts are gathered from at most this many of a story's articles.
STORY_SAMPLE = 20


@dataclass(frozen=True)
class StoredArticle:
    id: int
    text: str
    is_seed: bool
    story_id: int | None


def exact_match(session: Session, body_hash: str) -> int | None:
    """The first stored article with this normalised body."""
    stmt = (
        select(DedupSignature.article_id)
        .where(DedupSignature.body_hash == body_hash)
        .order_by(DedupSignature.article_id)
        .limit(1)
    )
    return session.execute(stmt).scalar()


@lru_cache(maxsize=64)
def _anchor_query(n: int) -> TextClause:
    # One LIMITed index range per anchor, so a boilerplate anchor costs at most
    # COMMON_ANCHOR + 1 rows. Only bind-parameter names are formatted into the SQL.
    parts = [
        f"SELECT * FROM (SELECT shingle, article_id FROM dedup_anchor "
        f"WHERE shingle = :h{i} LIMIT :cap) AS a{i}"
        for i in range(n)
    ]
    return text(" UNION ALL ".join(parts))


def anchor_hits(session: Session, anchors: Sequence[int]) -> Counter[int]:
    """How many of ``anchors`` each stored article shares (boilerplate anchors ignored)."""
    if not anchors:
        return Counter()
    params: dict[str, int] = {f"h{i}": h for i, h in enumerate(anchors)}
    params["cap"] = COMMON_ANCHOR + 1
    rows = session.execute(_anchor_query(len(anchors)), params).all()
    per_anchor = Counter(shingle for shingle, _ in rows)
    return Counter(
        article_id for shingle, article_id in rows if per_anchor[shingle] <= COMMON_ANCHOR
    )


def stored_articles(session: Session, ids: Iterable[int]) -> list[StoredArticle]:
    stmt = select(Article.id, Article.text, Article.is_seed, Article.story_id).where(
        Article.id.in_(list(ids))  # type: ignore[union-attr]
    )
    return [StoredArticle(*row) for row in session.execute(stmt).all()]


def story_of(session: Session, article_id: int) -> int | None:
    stmt = select(Article.story_id).where(Article.id == article_id)
    return session.execute(stmt).scalar()


def event_hits(session: Session, keys: Sequence[str], lo: datetime, hi: datetime) -> set[int]:
    """Articles sharing one of ``keys`` published between ``lo`` and ``hi``."""
    if not keys:
        return set()
    stmt = (
        select(DedupEventKey.article_id)
        .where(DedupEventKey.key.in_(list(keys)))  # type: ignore[attr-defined]
        .where(DedupEventKey.published_at.between(lo, hi))  # type: ignore[attr-defined]
        .limit(500)
    )
    return set(session.execute(stmt).scalars())


def stories_of(session: Session, article_ids: Iterable[int]) -> set[int]:
    stmt = select(Article.story_id).where(
        Article.id.in_(list(article_ids)),  # type: ignore[union-attr]
        Article.story_id.is_not(None),  # type: ignore[union-attr]
    )
    return set(session.execute(stmt).scalars())


def story_facts(session: Session, story_id: int) -> StoryFacts | None:
    story = session.get(Story, story_id)
    if story is None:
        return None
    facts = StoryFacts(
        story_id=story_id,
        known=story.known,
        kinds=set(story.kinds),
        companies=company_keys(story.companies),
        cities=city_keys(story.cities),
    )
    _add_figures(facts, story.jobs, story.investment_amount, story.investment_currency)
    for sig, is_seed in _story_signatures(session, story_id):
        facts.known = facts.known or is_seed
        facts.kinds |= set(sig.kinds)
        facts.companies |= company_keys(sig.companies)
        facts.numbers |= set(sig.numbers)
        _add_figures(facts, sig.jobs, sig.investment_amount, sig.investment_currency)
    return facts


def _story_signatures(session: Session, story_id: int) -> list[tuple[DedupSignature, bool]]:
    stmt = (
        select(DedupSignature, Article.is_seed)
        .join(Article, Article.id == DedupSignature.article_id)  # type: ignore[arg-type]
        .where(Article.story_id == story_id)
        .order_by(Article.id)  # type: ignore[arg-type]
        .limit(STORY_SAMPLE)
    )
    return [(sig, bool(seed)) for sig, seed in session.execute(stmt).all()]


def _add_figures(
    facts: StoryFacts, jobs: int | None, amount: float | None, cur: str | None
) -> None:
    if jobs:
        facts.jobs.add(jobs)
    if amount:
        facts.amounts.add((currency(cur), round_amount(amount)))


def add_signature(session: Session, signature: DedupSignature) -> None:
    session.add(signature)


def add_anchors(session: Session, article_id: int, anchors: Iterable[int]) -> None:
    rows = [{"shingle": h, "article_id": article_id} for h in anchors]
    if rows:
        session.execute(insert(DedupAnchor), rows)


def add_event_keys(
    session: Session, article_id: int, keys: Iterable[str], published_at: datetime
) -> None:
    rows = [{"key": k, "article_id": article_id, "published_at": published_at} for k in keys]
    if rows:
        session.execute(insert(DedupEventKey), rows)
