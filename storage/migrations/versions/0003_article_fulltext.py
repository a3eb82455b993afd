"""full-text search over articles: an FTS5 table kept by triggers (SQLite), a GIN index (PostgreSQL)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 23:20:00
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0003'
down_revision: Union[str, None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# External content: the text stays in `article`, FTS5 keeps only the index. remove_diacritics
# lets "developpement" find "développement"; unicode61 splits Arabic words too.
_SQLITE_UP = [
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='article', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN "
    "INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER article_fts_update AFTER UPDATE OF title, text ON article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS article_fts_update",
    "DROP TRIGGER IF EXISTS article_fts_delete",
    "DROP TRIGGER IF EXISTS article_fts_insert",
    "DROP TABLE IF EXISTS article_fts",
]
# The expression must be the one storage.search.PG_DOCUMENT queries with.
_PG_UP = [
    "CREATE INDEX ix_article_fulltext ON article USING gin "
    "(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, '')))",
]
_PG_DOWN = ["DROP INDEX IF EXISTS ix_article_fulltext"]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    _run(_SQLITE_UP if op.get_bind().dialect.name == "sqlite" else _PG_UP)


def downgrade() -> None:
    _run(_SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else _PG_DOWN)
