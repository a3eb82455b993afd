"""The dedup tables: every read is an index probe, every write a handful of rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import (
    Executable,
    Result,
    Row,
    Select,
    Table,
    TextClause,
    bindparam,
    insert,
    select,
    text,
)
from sqlmodel import Session, SQLModel

from dedup.events import StoryFacts, city_keys, company_keys, currency, round_amount
from dedup.text import tokens
from storage.models import Article, DedupAnchor, DedupEventKey, DedupSignature, Story

# An anchor shared by more articles than this is boilerplate (a site footer, a stock
# phrase): it says nothing about which article was copied, and reading it costs time.
COMMON_ANCHOR = 64
# Story facts are gathered from at most this many of a story's articles.
STORY_SAMPLE = 20
# Event-key rows read per check: keys are specific and dated, this is never reached in
# practice; it bounds the worst case ("jobs:100" in a busy fortnight).
EVENT_ROWS = 500


@dataclass(frozen=True)
class StoredArticle:
    id: int
    text: str
    is_seed: bool
    story_id: int | None
    known: bool  # a seed, or in a story of the seed corpus
    companies: list[str]  # as analysis read them when the article was registered


def _table(model: type[SQLModel]) -> Table:
    table: Table = model.__table__  # type: ignore[attr-defined]  # set on table models
    return table


_ARTICLE = _table(Article)
_SIGNATURE = _table(DedupSignature)
_EVENT_KEY = _table(DedupEventKey)
_STORY = _table(Story)


def _run(
    session: Session, stmt: Executable, params: Any = None
) -> Result[*tuple[Any, ...]]:
    # Core statements on the session's connection: same transaction, none of the ORM's
    # per-statement bookkeeping (a check is a dozen statements; this halves their cost).
    return session.connection().execute(stmt, params or {})


# Statements are built once: building a select costs as much as running it on SQLite.
@cache
def _exact_stmt() -> Select[Any]:
    s = _SIGNATURE.c
    return select(s.article_id).where(s.body_hash == bindparam("h")).order_by(s.article_id).limit(1)


@cache
def _articles_stmt() -> Select[Any]:
    a, s, st = _ARTICLE.c, _SIGNATURE.c, _STORY.c
    return (
        select(a.id, a.text, a.is_seed, a.story_id, st.known, s.companies)
        .join_from(_ARTICLE, _SIGNATURE, s.article_id == a.id, isouter=True)
        .join_from(_ARTICLE, _STORY, st.id == a.story_id, isouter=True)
        .where(a.id.in_(bindparam("ids", expanding=True)))
    )


@cache
def _event_stmt() -> Select[Any]:
    k, a = _EVENT_KEY.c, _ARTICLE.c
    return (
        select(a.story_id, k.key)
        .join_from(_EVENT_KEY, _ARTICLE, a.id == k.article_id)
        .where(
            k.key.in_(bindparam("keys", expanding=True)),
            k.published_at.between(bindparam("lo"), bindparam("hi")),
            a.story_id.is_not(None),
        )
        .limit(EVENT_ROWS)
    )


@cache
def _seed_event_stmt() -> Select[Any]:
    # Seed keys are few (a handful of seed articles) and matched whatever their date.
    k, a = _EVENT_KEY.c, _ARTICLE.c
    return (
        select(a.story_id, k.key)
        .join_from(_EVENT_KEY, _ARTICLE, a.id == k.article_id)
        .where(k.key.in_(bindparam("keys", expanding=True)), a.story_id.is_not(None))
        .limit(EVENT_ROWS)
    )


@cache
def _seed_text_stmt() -> Select[Any]:
    a = _ARTICLE.c
    return (
        select(a.id, a.text)
        .where(a.story_id == bindparam("id"), a.is_seed.is_(True))
        .order_by(a.id)
        .limit(1)
    )


@cache
def _story_stmt() -> Select[Any]:
    st = _STORY.c
    return select(
        st.known, st.kinds, st.companies, st.cities, st.jobs, st.investment_amount,
        st.investment_currency,
    ).where(st.id == bindparam("id"))


@cache
def _story_signatures_stmt() -> Select[Any]:
    s, a = _SIGNATURE.c, _ARTICLE.c
    return (
        select(
            a.is_seed, s.kinds, s.companies, s.numbers, s.jobs, s.investment_amount,
            s.investment_currency,
        )
        .join_from(_SIGNATURE, _ARTICLE, a.id == s.article_id)
        .where(a.story_id == bindparam("id"))
        .order_by(a.id)
        .limit(STORY_SAMPLE)
    )


def exact_match(session: Session, body_hash: str) -> int | None:
    """The first stored article with this normalised body."""
    return _run(session, _exact_stmt(), {"h": body_hash}).scalar()


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
    rows = _run(session, _anchor_query(len(anchors)), params).all()
    per_anchor = Counter(shingle for shingle, _ in rows)
    return Counter(
        article_id for shingle, article_id in rows if per_anchor[shingle] <= COMMON_ANCHOR
    )


def stored_articles(session: Session, ids: Iterable[int]) -> list[StoredArticle]:
    rows = _run(session, _articles_stmt(), {"ids": list(ids)}).all()
    return [
        StoredArticle(i, body, seed, story, bool(seed or known), list(companies or []))
        for i, body, seed, story, known, companies in rows
    ]


def event_hits(
    session: Session, keys: Sequence[str], lo: datetime, hi: datetime
) -> Counter[int]:
    """Stories with articles published between ``lo`` and ``hi`` that share some of
    ``keys``, with how many of the keys each shares."""
    if not keys:
        return Counter()
    params = {"keys": list(keys), "lo": lo, "hi": hi}
    pairs = set(_run(session, _event_stmt(), params).all())
    return Counter(story_id for story_id, _ in pairs)


def seed_event_hits(session: Session, keys: Sequence[str]) -> Counter[int]:
    """Seed stories sharing some of ``keys`` (seed keys carry no window)."""
    if not keys:
        return Counter()
    pairs = set(_run(session, _seed_event_stmt(), {"keys": list(keys)}).all())
    return Counter(story_id for story_id, _ in pairs)


def story_facts(session: Session, story_id: int) -> StoryFacts | None:
    row = _run(session, _story_stmt(), {"id": story_id}).first()
    if row is None:
        return None
    facts = StoryFacts(
        story_id=story_id,
        known=row.known,
        kinds=set(row.kinds),
        companies=company_keys(row.companies),
        cities=city_keys(row.cities),
    )
    _add_figures(facts, row.jobs, row.investment_amount, row.investment_currency)
    for sig in _story_signatures(session, story_id):
        facts.known = facts.known or sig.is_seed
        facts.kinds |= set(sig.kinds)
        facts.companies |= company_keys(sig.companies)
        facts.numbers |= set(sig.numbers)
        _add_figures(facts, sig.jobs, sig.investment_amount, sig.investment_currency)
    if facts.known:
        _add_seed(session, facts)
    return facts


def _add_seed(session: Session, facts: StoryFacts) -> None:
    row = _run(session, _seed_text_stmt(), {"id": facts.story_id}).first()
    if row is not None:
        facts.seed_article_id = row.id
        facts.seed_words = _seed_words(row.id, row.text)


@lru_cache(maxsize=256)
def _seed_words(article_id: int, text: str) -> frozenset[str]:
    # Keyed on the id too: a seed's text never changes, and tokenising it is the cost.
    return frozenset(tokens(text))


def _story_signatures(session: Session, story_id: int) -> list[Row[Any]]:
    return list(_run(session, _story_signatures_stmt(), {"id": story_id}).all())


def _add_figures(
    facts: StoryFacts, jobs: int | None, amount: float | None, cur: str | None
) -> None:
    if jobs:
        facts.jobs.add(jobs)
    if amount:
        facts.amounts.add((currency(cur), round_amount(amount)))


def add_signature(session: Session, signature: DedupSignature) -> None:
    # Written at once (not left pending in the session) so the next resolve in the same
    # transaction sees it.
    row = signature.model_dump()
    _run(session, insert(_SIGNATURE), [row])


def add_anchors(session: Session, article_id: int, anchors: Iterable[int]) -> None:
    rows = [{"shingle": h, "article_id": article_id} for h in anchors]
    if rows:
        _run(session, insert(_table(DedupAnchor)), rows)


def has_event_keys(session: Session, article_id: int, prefix: str) -> bool:
    k = _EVENT_KEY.c
    stmt = select(k.key).where(k.article_id == article_id, k.key.startswith(prefix)).limit(1)
    return _run(session, stmt).first() is not None


def add_event_keys(
    session: Session, article_id: int, keys: Iterable[str], published_at: datetime
) -> None:
    rows = [{"key": k, "article_id": article_id, "published_at": published_at} for k in keys]
    if rows:
        _run(session, insert(_EVENT_KEY), rows)
