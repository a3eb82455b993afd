"""Storage on SQLite and PostgreSQL: migrations, aware datetimes, the seen-store's uniqueness."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.exc import IntegrityError, StatementError
from sqlmodel import Session, SQLModel, select

from storage.db import check_schema, connect, current_revision, head_revision, session_scope
from storage.errors import SchemaOutOfDate
from storage.models import Alert, Article, Page, Story
from storage.search import include_name


def test_migrations_build_the_models_schema(database_url: str) -> None:
    engine = connect(database_url)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_datetimes_come_back_aware_utc(database_url: str) -> None:
    engine = connect(database_url)
    casablanca = timezone(timedelta(hours=1))
    published = datetime(2026, 3, 1, 12, 30, tzinfo=casablanca)
    with session_scope(engine) as session:
        session.add(Article(url="https://ex.ma/a", source="ex", published_at=published))
    with Session(engine) as session:
        article = session.exec(select(Article)).one()
    assert article.published_at == published
    assert article.published_at.tzinfo is not None
    assert article.published_at.utcoffset() == timedelta(0)
    assert article.fetched_at.tzinfo is not None


def test_naive_datetimes_are_refused(database_url: str) -> None:
    engine = connect(database_url)
    with pytest.raises(StatementError, match="naive datetime"):
        with session_scope(engine) as session:
            session.add(Article(url="https://ex.ma/b", source="ex", published_at=datetime(2026, 1, 1)))


def test_seen_store_and_outbox_keys_are_unique(database_url: str) -> None:
    engine = connect(database_url)
    with session_scope(engine) as session:
        session.add(Page(url="https://ex.ma/p", source="ex"))
    with pytest.raises(IntegrityError):
        with session_scope(engine) as session:
            session.add(Page(url="https://ex.ma/p", source="ex"))
    with session_scope(engine) as session:
        story = Story(title="t")
        session.add(story)
        session.flush()
        session.add(Alert(key=f"story:{story.id}:email:announcement", story_id=story.id, channel="email"))
    with pytest.raises(IntegrityError):
        with session_scope(engine) as session:
            session.add(Alert(key=f"story:{story.id}:email:announcement", story_id=story.id, channel="email"))


def test_an_empty_database_is_refused_until_upgraded(database_url: str) -> None:
    with pytest.raises(SchemaOutOfDate, match="newswatch db upgrade"):
        connect(database_url, migrate=False)
    engine = connect(database_url)
    check_schema(engine)
