"""Where the schedules persist across restarts, and how `status` reads them.

One job store per database, never per data directory: two daemons on two databases must
not share (and prune) each other's jobs. SQLite: a file of its own beside the database file,
``<database>.scheduler.db`` (a job store inside the application's busy SQLite file gives
"database is locked"). PostgreSQL: a schema of its own in the application's database, so
Alembic's autogenerate never sees (and never drops) the table.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from sqlalchemy import Column, Float, MetaData, Table, Unicode, create_engine, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from scheduler.errors import UnsupportedDatabase
from scheduler.lock import sqlite_file

TABLE = "apscheduler_jobs"
PG_SCHEMA = "newswatch_scheduler"
SQLITE_SUFFIX = ".scheduler.db"


def _is_postgres(database_url: str) -> bool:
    return make_url(database_url).get_backend_name() == "postgresql"


def sqlite_jobstore_path(database_url: str) -> Path:
    """``/data/newswatch.db`` -> ``/data/newswatch.db.scheduler.db``."""
    database = sqlite_file(database_url)
    return database.with_name(database.name + SQLITE_SUFFIX)


def jobstore_url(database_url: str) -> str:
    if _is_postgres(database_url):
        return database_url
    return f"sqlite:///{sqlite_jobstore_path(database_url)}"


def jobstore_schema(database_url: str) -> str | None:
    return PG_SCHEMA if _is_postgres(database_url) else None


def jobstore_engine(database_url: str) -> Engine:
    if not _is_postgres(database_url):
        sqlite_jobstore_path(database_url).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(jobstore_url(database_url), poolclass=NullPool)


def has_jobstore(database_url: str) -> bool:
    """Whether a daemon ever ran on this database (a read must not create the file)."""
    if _is_postgres(database_url):
        return True
    try:
        return sqlite_jobstore_path(database_url).exists()
    except UnsupportedDatabase:
        return False


def build_jobstore(database_url: str) -> SQLAlchemyJobStore:
    """The persistent job store; on PostgreSQL its schema is created first."""
    engine = jobstore_engine(database_url)
    schema = jobstore_schema(database_url)
    if schema:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    return SQLAlchemyJobStore(engine=engine, tablename=TABLE, tableschema=schema)


def _jobs_table(schema: str | None) -> Table:
    # The columns `status` needs: next_run_time is a UTC timestamp (float).
    return Table(TABLE, MetaData(), Column("id", Unicode(191), primary_key=True),
                 Column("next_run_time", Float(25)), schema=schema)


def next_run_times(database_url: str) -> dict[str, datetime | None]:
    """Job id -> next run (UTC) as stored; empty when no daemon ever ran here.

    Reads the table without unpickling the jobs, so `status` needs no scheduler.
    """
    if not has_jobstore(database_url):
        return {}
    table = _jobs_table(jobstore_schema(database_url))
    engine = jobstore_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(table.c.id, table.c.next_run_time)).all()
    except SQLAlchemyError:  # no table yet: the daemon has never started on this database
        return {}
    finally:
        engine.dispose()
    return {
        job_id: None if stamp is None else datetime.fromtimestamp(stamp, UTC)
        for job_id, stamp in rows
    }
