"""Reading announcement stories: filtered, paginated newest first, with their reports."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, exists, func, text
from sqlalchemy.engine import Dialect
from sqlmodel import Session, col, select

from storage.models import Alert, Article, Story
from storage.search import matching_article_ids, newest_matching_articles
from web.filters import StoryFilter

NEWEST_MATCHES = 2000  # SQLite search: matching articles read newest first before the full query


@dataclass(frozen=True)
class StoryPage:
    stories: list[Story]
    outlets: dict[int, int]  # story id -> number of distinct outlets
    next_before: int | None  # the cursor's id for the next page, None on the last page


def announcement_condition() -> ColumnElement[bool]:
    """Every announcement story, seed-corpus events (never alerted) left out."""
    return and_(col(Story.announcement).is_(True), col(Story.known).is_(False))


def _json_has(dialect: Dialect, column: str, name: str, value: str, *, substring: bool) -> ColumnElement[bool]:
    """The story's JSON list ``column`` holds ``value`` (case-insensitive; any part of an
    element when ``substring``)."""
    element = "json_each.value" if dialect.name == "sqlite" else "e.v"
    source = (f"json_each(story.{column})" if dialect.name == "sqlite"
              else f"json_array_elements_text(story.{column}) AS e(v)")
    test = f"lower({element}) LIKE :{name} ESCAPE '\\'" if substring else f"lower({element}) = :{name}"
    pattern = _like_pattern(value) if substring else value.lower()
    exact = text(f"EXISTS (SELECT 1 FROM {source} WHERE {test})").bindparams(bindparam(name, pattern))
    if not _json_verbatim(value):
        return exact  # type: ignore[return-value]
    # A cheap first test on the list's JSON text (plain ASCII is stored as is) spares unpacking
    # the lists of the stories that cannot match; the exact test decides for the rest.
    rough = text(f"lower(CAST(story.{column} AS TEXT)) LIKE :{name}_rough ESCAPE '\\'").bindparams(
        bindparam(f"{name}_rough", _like_pattern(value)))
    return and_(rough, exact)


def _json_verbatim(value: str) -> bool:
    """Whether ``value`` appears unchanged inside a JSON string (no escape can alter it)."""
    return value.isascii() and value.isprintable() and '"' not in value and "\\" not in value


def _like_pattern(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def filter_conditions(dialect: Dialect, wanted: StoryFilter,
                      before: int | None = None) -> list[ColumnElement[bool]]:
    conditions = field_conditions(dialect, wanted)
    if wanted.q and (matching := matching_article_ids(dialect, wanted.q)) is not None:
        conditions.append(col(Story.id).in_(_reports_of_page(before).where(matching)))
    return conditions


def _reports_of_page(before: int | None) -> Any:  # a Select of story ids
    """The story ids of the matching articles, bounded like the page: without the bound,
    PostgreSQL walks the newest articles of a common word down to a deep page's cursor,
    testing each one's text (seconds at 100,000 stories instead of milliseconds)."""
    query = select(Article.story_id)
    return query if before is None else query.where(col(Article.story_id) < before)


def field_conditions(dialect: Dialect, wanted: StoryFilter) -> list[ColumnElement[bool]]:
    """Every filter but the full-text search."""
    conditions = [announcement_condition()]
    if wanted.company:
        conditions.append(_json_has(dialect, "companies", "f_company", wanted.company, substring=True))
    if wanted.city:
        conditions.append(_json_has(dialect, "cities", "f_city", wanted.city, substring=False))
    if wanted.kind:
        conditions.append(_json_has(dialect, "kinds", "f_kind", wanted.kind, substring=False))
    if wanted.language:
        conditions.append(exists().where(
            col(Article.story_id) == col(Story.id), col(Article.language) == wanted.language.lower()))
    if wanted.since is not None:
        conditions.append(col(Story.created_at) >= wanted.since)
    if wanted.min_jobs is not None:
        conditions.append(col(Story.jobs) >= wanted.min_jobs)
    return conditions


def story_page(session: Session, wanted: StoryFilter, *, size: int, before: int | None) -> StoryPage:
    dialect = session.get_bind().dialect
    if wanted.q and dialect.name == "sqlite":
        page = _page_from_newest_matches(session, dialect, wanted, size=size, before=before)
        if page is not None:
            return page
    return _page(session, filter_conditions(dialect, wanted, before), size=size, before=before)


def _page_from_newest_matches(session: Session, dialect: Dialect, wanted: StoryFilter, *,
                              size: int, before: int | None) -> StoryPage | None:
    """A search page from the newest matching articles alone, when that is provably the page.

    Materialising every match of a common word costs hundreds of milliseconds; its newest
    NEWEST_MATCHES cost a few. Every match newer than the oldest of them is in hand, so a
    story whose first article is newer is judged exactly, and stories are numbered in the
    order of their first article: a full page of such stories is the true page. With fewer
    matches than that (a rare word) all are in hand. Otherwise (a deep page, or old stories
    matched by their later reports) None: the caller runs the full query.
    """
    ids = newest_matching_articles(session.connection(), wanted.q, NEWEST_MATCHES)
    if ids is None:
        return None
    conditions = field_conditions(dialect, wanted)
    conditions.append(col(Story.id).in_(select(Article.story_id).where(col(Article.id).in_(ids))))
    if len(ids) < NEWEST_MATCHES:
        return _page(session, conditions, size=size, before=before)
    conditions.append(col(Story.first_article_id) > ids[-1])
    page = _page(session, conditions, size=size, before=before)
    return page if page.next_before is not None else None


def _page(session: Session, conditions: list[ColumnElement[bool]], *, size: int,
          before: int | None) -> StoryPage:
    query = select(Story).where(*conditions)
    if before is not None:
        query = query.where(col(Story.id) < before)
    rows = list(session.exec(query.order_by(col(Story.id).desc()).limit(size + 1)).all())
    more = len(rows) > size
    stories = rows[:size]
    next_before = stories[-1].id if more and stories else None
    return StoryPage(stories, outlet_counts(session, [s.id for s in stories if s.id]), next_before)


def outlet_counts(session: Session, story_ids: list[int]) -> dict[int, int]:
    if not story_ids:
        return {}
    query = (select(Article.story_id, func.count(func.distinct(Article.source)))
             .where(col(Article.story_id).in_(story_ids)).group_by(col(Article.story_id)))
    return {int(story_id): int(count) for story_id, count in session.exec(query).all()
            if story_id is not None}


def announcement_story(session: Session, story_id: int) -> Story | None:
    query = select(Story).where(col(Story.id) == story_id, announcement_condition())
    return session.exec(query).first()


def story_reports(session: Session, story_id: int) -> list[Article]:
    """Every article of the story, oldest first (the first is the one it was announced by)."""
    query = select(Article).where(col(Article.story_id) == story_id).order_by(col(Article.id))
    return list(session.exec(query).all())


def reports_of(session: Session, story_ids: list[int]) -> dict[int, list[Article]]:
    if not story_ids:
        return {}
    grouped: dict[int, list[Article]] = defaultdict(list)
    query = select(Article).where(col(Article.story_id).in_(story_ids)).order_by(col(Article.id))
    for article in session.exec(query).all():
        grouped[int(article.story_id or 0)].append(article)
    return grouped


def story_alerts(session: Session, story_id: int) -> list[Alert]:
    query = select(Alert).where(col(Alert.story_id) == story_id).order_by(col(Alert.id))
    return list(session.exec(query).all())
