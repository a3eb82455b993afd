"""One daemon per database.

Two schedulers sharing one job store run every job twice, so a second daemon must refuse
to start. SQLite: an exclusive ``flock`` on a file beside the database file (released by
the kernel if the daemon dies). PostgreSQL: a session-level advisory lock, held by one
open connection for the daemon's lifetime (released by the server if the daemon dies).
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO, Protocol

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.pool import NullPool

from scheduler.errors import DaemonAlreadyRunning, UnsupportedDatabase

# pg_try_advisory_lock takes a bigint: a fixed key that says "the newswatch daemon".
ADVISORY_KEY = 0x6E65_7773_7761_7463  # "newswatc"


class DaemonLock(Protocol):
    def release(self) -> None: ...


def sqlite_file(database_url: str) -> Path:
    """The SQLite database's file, resolved: what the daemon's own files are named after."""
    database = make_url(database_url).database
    if not database or database == ":memory:":
        raise UnsupportedDatabase("the daemon needs a SQLite file or PostgreSQL, not :memory:")
    return Path(database).expanduser().resolve()


def sqlite_lock_path(database_url: str) -> Path:
    """``/data/newswatch.db`` -> ``/data/newswatch.db.daemon.lock``."""
    path = sqlite_file(database_url)
    return path.with_name(path.name + ".daemon.lock")


class FileLock:
    """An exclusive, non-blocking ``flock``; the file holds the owner's pid for the message."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None

    def acquire(self) -> FileLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            owner = handle.read().strip() or "?"
            handle.close()
            raise DaemonAlreadyRunning(
                f"another newswatch daemon (pid {owner}) is already running against this "
                f"database (lock {self.path})"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle
        return self

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None


class AdvisoryLock:
    """A PostgreSQL session advisory lock on its own connection (not the app's pool)."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self._connection: Connection | None = None

    def acquire(self) -> AdvisoryLock:
        engine = create_engine(self.database_url, poolclass=NullPool)
        connection = engine.connect()
        held = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_KEY}).scalar()
        connection.commit()  # the lock is session-level: it outlives this transaction
        if not held:
            connection.close()
            engine.dispose()
            raise DaemonAlreadyRunning(
                f"another newswatch daemon is already running against database "
                f"{make_url(self.database_url).render_as_string(hide_password=True)}"
            )
        self._connection = connection
        return self

    def release(self) -> None:
        if self._connection is not None:
            self._connection.close()  # closing the session releases the lock
            self._connection = None


def acquire_daemon_lock(database_url: str) -> DaemonLock:
    """Hold the one-daemon lock for ``database_url`` or raise ``DaemonAlreadyRunning``."""
    backend = make_url(database_url).get_backend_name()
    if backend == "sqlite":
        return FileLock(sqlite_lock_path(database_url)).acquire()
    if backend == "postgresql":
        return AdvisoryLock(database_url).acquire()
    raise UnsupportedDatabase(f"the daemon cannot lock a {backend} database")
