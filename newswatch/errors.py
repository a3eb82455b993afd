"""Errors of the composition root (CLI, seeds, demo).

    NewswatchError
    ├── SeedError      a seed directory or file that cannot be read
    ├── ConfigError    a NEWSWATCH_* variable or the NEWSWATCH_CONFIG file is wrong
    ├── InputFileError a file given to a command cannot be read as text
    └── UsageError     a command asked for something that cannot be done
"""


class NewswatchError(Exception):
    """Base of the errors the CLI turns into a one-line message and exit code 1."""


class SeedError(NewswatchError):
    """Raised by `newswatch.seeding` for an unreadable seed directory or file."""


class ConfigError(NewswatchError):
    """Raised by `newswatch.settings.load_settings`; names the variable or file, line and key,
    and what is expected."""


class InputFileError(NewswatchError):
    """Raised by `newswatch.inputs` for a missing, directory, binary or undecodable file."""


class UsageError(NewswatchError):
    """Raised when a command's arguments cannot be satisfied (exit code 2)."""
