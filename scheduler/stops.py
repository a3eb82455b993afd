"""Whether the last daemon on this database stopped cleanly.

Each start writes a row (pid, host, start time) beside the schedules (the job store's file
or schema, so one per database); a clean shutdown stamps it. A start that finds the previous
row unstamped knows that daemon was killed (SIGKILL, OOM, power loss): it says so in the log
and in `newswatch status`, and records the runs that daemon left unfinished as interrupted.
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col
from sqlmodel import select as select_rows

from crawler.runner import mark_unfinished
from scheduler.jobstore import has_jobstore, jobstore_engine, jobstore_schema
from storage.models import CrawlRun

log = logging.getLogger(__name__)
TABLE = "newswatch_daemon_starts"


def _table(schema: str | None) -> Table:
    return Table(
        TABLE, MetaData(), Column("id", Integer, primary_key=True, autoincrement=True),
        Column("pid", Integer, nullable=False), Column("host", String(255), nullable=False),
        Column("started_at", DateTime(timezone=True), nullable=False),
        Column("stopped_at", DateTime(timezone=True)),
        # What this start found of the previous daemon, when that one did not stop cleanly.
        Column("unclean_stop", Text), schema=schema,
    )


@dataclass(frozen=True)
class DaemonStart:
    row_id: int
    unclean_stop: str | None  # the sentence the log and `status` show


def _unclean_sentence(pid: int, host: str, started_at: datetime, interrupted: int) -> str:
    return (f"found an unclean stop: the daemon started {started_at:%Y-%m-%d %H:%M:%S} UTC "
            f"(pid {pid} on {host}) never shut down cleanly; {interrupted} unfinished run(s) "
            "recorded as interrupted")


def record_start(database_url: str, engine: Engine) -> DaemonStart:
    """Call with the daemon lock held: the previous daemon is gone, however it ended."""
    table = _table(jobstore_schema(database_url))
    store = jobstore_engine(database_url)
    try:
        table.create(store, checkfirst=True)
        with store.begin() as connection:
            previous = connection.execute(
                select(table).order_by(table.c.id.desc()).limit(1)).first()
            sentence = None
            if previous is not None and previous.stopped_at is None:
                interrupted = interrupt_orphaned_runs(database_url, engine, previous.pid)
                sentence = _unclean_sentence(previous.pid, previous.host,
                                             previous.started_at, interrupted)
                log.warning("%s", sentence)
            inserted = connection.execute(table.insert().values(
                pid=os.getpid(), host=socket.gethostname(), started_at=datetime.now(UTC),
                unclean_stop=sentence)).inserted_primary_key
            assert inserted is not None  # a single-row insert
            row_id = inserted[0]
    finally:
        store.dispose()
    return DaemonStart(int(row_id), sentence)


def record_clean_stop(database_url: str, start: DaemonStart) -> None:
    table = _table(jobstore_schema(database_url))
    store = jobstore_engine(database_url)
    try:
        with store.begin() as connection:
            connection.execute(update(table).where(table.c.id == start.row_id)
                               .values(stopped_at=datetime.now(UTC)))
    finally:
        store.dispose()


def interrupt_orphaned_runs(database_url: str, engine: Engine, pid: int) -> int:
    """The daemon's runs still "running": their child died with it (or was left behind)."""
    with Session(engine) as session:
        runs = session.exec(select_rows(CrawlRun).where(
            CrawlRun.trigger == "daemon", col(CrawlRun.finished_at).is_(None))).all()
        orphans = [(run.id, list(run.sources)) for run in runs]
    reason = f"the daemon (pid {pid}) stopped uncleanly during the run; run interrupted"
    for run_id, names in orphans:
        assert run_id is not None  # a stored run
        mark_unfinished(database_url, run_id, names, reason, interrupted=True)
    return len(orphans)


def last_start(database_url: str) -> dict[str, object] | None:
    """For `newswatch status`: the current (or last) daemon and what it found at start."""
    if not has_jobstore(database_url):
        return None
    table = _table(jobstore_schema(database_url))
    store = jobstore_engine(database_url)
    try:
        with store.connect() as connection:
            row = connection.execute(select(table).order_by(table.c.id.desc()).limit(1)).first()
    except SQLAlchemyError:  # no table: no daemon has started here since it existed
        return None
    finally:
        store.dispose()
    if row is None:
        return None
    return {"pid": row.pid, "host": row.host, "started_at": row.started_at,
            "stopped_at": row.stopped_at, "unclean_stop": row.unclean_stop}
