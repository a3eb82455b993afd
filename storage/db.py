"""The engine, sessions and schema upgrades."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlmodel import Session, create_engine, text

from storage.errors import (
    DatabaseMissing,
    DatabaseUnavailable,
    SchemaOutOfDate,
    UnsupportedDatabaseUrl,
)

SUPPORTED_URLS = "sqlite:///PATH or postgresql+psycopg://user:password@host/db"
_SUPPORTED_DRIVERS = {"sqlite": "pysqlite", "postgresql": "psycopg"}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the daemon's readers and the crawl's writer work side by side; the busy
    # timeout turns a brief lock into a wait instead of "database is locked".
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _shown(url: str) -> str:
    # A URL that does not parse may still carry a password: show only what cannot be one.
    return repr(url) if "@" not in url else "(not shown: it may hold a password)"


def check_database_url(url: str) -> str:
    """``url`` if newswatch can use it (SQLite or PostgreSQL through psycopg), else
    ``UnsupportedDatabaseUrl`` saying what is supported."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UnsupportedDatabaseUrl(f"{_shown(url)} is not a database URL: expected {SUPPORTED_URLS}") from None
    backend, driver = parsed.get_backend_name(), parsed.get_driver_name()
    if _SUPPORTED_DRIVERS.get(backend) != driver:
        shown = parsed.render_as_string(hide_password=True)
        raise UnsupportedDatabaseUrl(
            f"{shown!r}: {parsed.drivername} is not supported: use {SUPPORTED_URLS}"
        )
    return url


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def require_existing(url: str) -> None:
    """Refuse a SQLite file that does not exist: a read-only command must not create an empty
    database where a mistyped path points."""
    path = sqlite_path(check_database_url(url))
    if path is not None and not path.exists():
        raise DatabaseMissing(
            f"database {str(path)!r} does not exist: create it with `newswatch db upgrade` "
            "or by running `newswatch crawl`, or fix NEWSWATCH_DATABASE_URL"
        )


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseUnavailable(
            f"cannot create the database folder {str(folder)!r}: {exc.strerror or exc} "
            "(set NEWSWATCH_DATA_DIR or NEWSWATCH_DATABASE_URL)"
        ) from None


def make_engine(url: str) -> Engine:
    """An engine for ``url``; a SQLite file's folder is created if missing."""
    check_database_url(url)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            _make_folder(Path(path).parent)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("storage") / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (the code's head by default)."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except OperationalError as exc:
        raise DatabaseUnavailable(f"cannot upgrade the database {engine.url!r}: {exc.orig}") from exc


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return script.get_current_head()


def check_schema(engine: Engine) -> None:
    current, head = current_revision(engine), head_revision()
    if current != head:
        raise SchemaOutOfDate(
            f"database is at revision {current or 'empty'}, code expects {head}: "
            "run `newswatch db upgrade`"
        )


def connect(url: str, *, migrate: bool = True) -> Engine:
    """The engine for ``url``, its schema upgraded (or checked) to head."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as exc:
        raise DatabaseUnavailable(f"cannot reach the database: {exc.orig}") from exc
    if migrate:
        upgrade(engine)
    else:
        check_schema(engine)
    return engine


_ENGINES: dict[str, Engine] = {}


def shared_engine(url: str) -> Engine:
    """One engine per database URL per process, migrated once: long-lived processes (the
    daemon) would otherwise build an engine and a connection pool on every run."""
    if url not in _ENGINES:
        _ENGINES[url] = connect(url)
    return _ENGINES[url]


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed on success, rolled back on error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
