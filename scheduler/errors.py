"""Scheduler errors.

    SchedulerError
    ├── DaemonAlreadyRunning   another daemon holds the lock on this database
    └── UnsupportedDatabase    the daemon cannot lock (or keep schedules in) this database
"""


class SchedulerError(Exception):
    """Base of every scheduler error."""


class DaemonAlreadyRunning(SchedulerError):
    """Raised at start-up when another daemon already runs against the same database."""


class UnsupportedDatabase(SchedulerError):
    """Raised at start-up for a database URL the daemon cannot lock, e.g. in-memory SQLite."""
