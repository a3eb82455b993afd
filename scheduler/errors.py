"""Scheduler errors.

    SchedulerError
    ├── DaemonAlreadyRunning   another daemon holds the lock on this database
    ├── UnsupportedDatabase    the daemon cannot lock (or keep schedules in) this database
    └── WorkerModeRefused      worker mode without PostgreSQL or without Redis
"""


class SchedulerError(Exception):
    """Base of every scheduler error."""


class DaemonAlreadyRunning(SchedulerError):
    """Raised at start-up when another daemon already runs against the same database."""


class UnsupportedDatabase(SchedulerError):
    """Raised at start-up for a database URL the daemon cannot lock, e.g. in-memory SQLite."""


class WorkerModeRefused(SchedulerError):
    """Raised at start-up by `newswatch worker` and `daemon --role scheduler` on SQLite or
    without ``NEWSWATCH_REDIS_URL``: workers on several machines share PostgreSQL and Redis."""
