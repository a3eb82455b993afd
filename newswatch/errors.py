"""Errors of the composition root (CLI, seeds, demo).

    NewswatchError
    ├── SeedError      a seed directory or file that cannot be read
    └── UsageError     a command asked for something that cannot be done
"""


class NewswatchError(Exception):
    """Base of the errors the CLI turns into a one-line message and exit code 1."""


class SeedError(NewswatchError):
    """Raised by `newswatch.seeding` for an unreadable seed directory or file."""


class UsageError(NewswatchError):
    """Raised when a command's arguments cannot be satisfied (exit code 2)."""
