"""Read queries shared by the CLI, the daemon and the tests."""

from __future__ import annotations

from sqlmodel import Session, col, select

from storage.models import Alert, Article, Page, SourceError, SourceRun, SourceState, Story


def list_articles(
    session: Session,
    *,
    limit: int = 50,
    source: str | None = None,
    announcements: bool = False,
    include_seeds: bool = False,
) -> list[Article]:
    query = select(Article).order_by(col(Article.id).desc()).limit(limit)
    if source:
        query = query.where(Article.source == source)
    if announcements:
        query = query.where(Article.announcement == True)  # noqa: E712
    if not include_seeds:
        query = query.where(Article.is_seed == False)  # noqa: E712
    return list(session.exec(query).all())


def list_alerts(session: Session, *, status: str | None = None, limit: int = 100) -> list[Alert]:
    query = select(Alert).order_by(col(Alert.id).desc()).limit(limit)
    if status:
        query = query.where(Alert.status == status)
    return list(session.exec(query).all())


def find_article(session: Session, ref: str) -> Article | None:
    """An article by id or by URL (as given, or canonical)."""
    if ref.isdigit():
        return session.get(Article, int(ref))
    return session.exec(select(Article).where(Article.url == ref)).first()


def find_page(session: Session, url: str) -> Page | None:
    return session.exec(select(Page).where(Page.url == url)).first()


def story_articles(session: Session, story_id: int) -> list[Article]:
    query = select(Article).where(Article.story_id == story_id).order_by(col(Article.id))
    return list(session.exec(query).all())


def get_story(session: Session, story_id: int) -> Story | None:
    return session.get(Story, story_id)


def source_states(session: Session) -> list[SourceState]:
    return list(session.exec(select(SourceState).order_by(col(SourceState.name))).all())


def recent_errors(session: Session, *, source: str | None = None, limit: int = 50) -> list[SourceError]:
    query = select(SourceError).order_by(col(SourceError.id).desc()).limit(limit)
    if source:
        query = query.where(SourceError.source == source)
    return list(session.exec(query).all())


def errors_of_run(session: Session, run_id: int) -> list[SourceError]:
    return list(session.exec(select(SourceError).where(SourceError.run_id == run_id)).all())


def source_runs(session: Session, run_id: int) -> list[SourceRun]:
    return list(session.exec(select(SourceRun).where(SourceRun.run_id == run_id)).all())
