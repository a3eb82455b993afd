"""Scheduler errors.

    SchedulerError
    └── DaemonAlreadyRunning   another daemon holds the lock on this database
"""


class SchedulerError(Exception):
    """Base of every scheduler error."""


class DaemonAlreadyRunning(SchedulerError):
    """Raised at start-up when another daemon already runs against the same database."""
