"""Full-text search over articles: SQLite FTS5 or PostgreSQL text search.

The index is created by migration 0003 and kept in sync by the database itself (FTS5 triggers,
a PostgreSQL expression index), so no writer has to remember it. It lives outside the models:
`is_search_object` tells Alembic's comparison to leave it alone.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, bindparam, text
from sqlalchemy.engine import Connection, Dialect

FTS_TABLE = "article_fts"
PG_INDEX = "ix_article_fulltext"
# The article text the PostgreSQL index is built on; a query must use the same expression.
PG_DOCUMENT = "to_tsvector('simple', coalesce(article.title, '') || ' ' || coalesce(article.text, ''))"
_FTS5_SHADOWS = ("_data", "_idx", "_docsize", "_config", "_content")
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 8


def is_search_object(name: str | None) -> bool:
    """The FTS5 table, its shadow tables and the PostgreSQL index: no model declares them."""
    if not name:
        return False
    return name == PG_INDEX or name == FTS_TABLE or any(name == FTS_TABLE + s for s in _FTS5_SHADOWS)


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """Alembic's ``include_name`` hook: compare everything but the search index."""
    return not (type_ in ("table", "index") and is_search_object(name))


def search_terms(query: str) -> list[str]:
    """The words of a user's query, at most MAX_TERMS: operators and quotes are not syntax."""
    return _WORD.findall(query)[:MAX_TERMS]


def fts5_query(terms: list[str]) -> str:
    """Every term as a quoted FTS5 string, prefix-matched, all required."""
    return " ".join('"' + term.replace('"', '""') + '"*' for term in terms)


def tsquery(terms: list[str]) -> str:
    """Every term quoted as a PostgreSQL tsquery lexeme, prefix-matched, all required (the
    terms are word characters only, so no quote can end a lexeme early)."""
    return " & ".join(f"'{term}':*" for term in terms)


def newest_matching_articles(connection: Connection, query: str, limit: int) -> list[int] | None:
    """SQLite: the ids of the newest ``limit`` articles matching ``query``, newest first
    (FTS5 walks its index in rowid order, so this costs the same for a common word as for a
    rare one); None when the query has no word."""
    terms = search_terms(query)
    if not terms:
        return None
    rows = connection.execute(
        text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY rowid DESC LIMIT :n"),
        {"q": fts5_query(terms), "n": limit},
    )
    return [int(row[0]) for row in rows]


def matching_article_ids(dialect: Dialect, query: str) -> ColumnElement[bool] | None:
    """A condition on ``article.id`` for the articles whose title or text match every word of
    ``query``; None when the query has no word."""
    terms = search_terms(query)
    if not terms:
        return None
    if dialect.name == "sqlite":
        return text(
            f"article.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts_query)"
        ).bindparams(bindparam("fts_query", fts5_query(terms)))  # type: ignore[return-value]
    return text(f"{PG_DOCUMENT} @@ to_tsquery('simple', :fts_query)").bindparams(
        bindparam("fts_query", tsquery(terms))
    )  # type: ignore[return-value]


__all__ = ["FTS_TABLE", "PG_DOCUMENT", "PG_INDEX", "fts5_query", "include_name",
           "is_search_object", "matching_article_ids", "newest_matching_articles",
           "search_terms", "tsquery"]
