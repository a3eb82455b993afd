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

from newswatch.settings import Settings
from scheduler.errors import UnsupportedDatabase
from scheduler.lock import sqlite_file

TABLE = "apscheduler_jobs"
PG_SCHEMA = "newswatch_scheduler"
SQLITE_SUFFIX = ".scheduler.db"


def _is_postgres(settings: Settings) -> bool:
    return make_url(settings.effective_database_url).get_backend_name() == "postgresql"


def sqlite_jobstore_path(settings: Settings) -> Path:
    """``/data/newswatch.db`` -> ``/data/newswatch.db.scheduler.db``."""
    database = sqlite_file(settings.effective_database_url)
    return database.with_name(database.name + SQLITE_SUFFIX)


def jobstore_url(settings: Settings) -> str:
    if _is_postgres(settings):
        return settings.effective_database_url
    return f"sqlite:///{sqlite_jobstore_path(settings)}"


def jobstore_schema(settings: Settings) -> str | None:
    return PG_SCHEMA if _is_postgres(settings) else None


def jobstore_engine(settings: Settings) -> Engine:
    if not _is_postgres(settings):
        sqlite_jobstore_path(settings).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(jobstore_url(settings), poolclass=NullPool)


def has_jobstore(settings: Settings) -> bool:
    """Whether a daemon ever ran on this database (a read must not create the file)."""
    if _is_postgres(settings):
        return True
    try:
        return sqlite_jobstore_path(settings).exists()
    except UnsupportedDatabase:
        return False


def build_jobstore(settings: Settings) -> SQLAlchemyJobStore:
    """The persistent job store; on PostgreSQL its schema is created first."""
    engine = jobstore_engine(settings)
    schema = jobstore_schema(settings)
    if schema:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    return SQLAlchemyJobStore(engine=engine, tablename=TABLE, tableschema=schema)


def _jobs_table(schema: str | None) -> Table:
    # The columns `status` needs: next_run_time is a UTC timestamp (float).
    return Table(TABLE, MetaData(), Column("id", Unicode(191), primary_key=True),
                 Column("next_run_time", Float(25)), schema=schema)


def next_run_times(settings: Settings) -> dict[str, datetime | None]:
    """Job id -> next run (UTC) as stored; empty when no daemon ever ran here.

    Reads the table without unpickling the jobs, so `status` needs no scheduler.
    """
    if not has_jobstore(settings):
        return {}
    table = _jobs_table(jobstore_schema(settings))
    engine = jobstore_engine(settings)
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
