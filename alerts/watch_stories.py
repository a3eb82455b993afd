"""The stored stories a watch matches: `newswatch watches test` and the per-watch feed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from alerts.watch_match import StoryFacts, refusal

if TYPE_CHECKING:
    from alerts.watches import Watch


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
    rows: Iterable[Any] = session.exec(query.execution_options(yield_per=1000))
    return rows


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
