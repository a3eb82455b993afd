"""Storage errors.

    StorageError
    ├── DatabaseUnavailable   the URL is wrong or the server does not answer
    └── SchemaOutOfDate       the database is behind the code's migrations
"""


class StorageError(Exception):
    """Base of every error the storage package raises."""


class DatabaseUnavailable(StorageError):
    """Raised by `storage.db.connect` when the database cannot be reached."""


class SchemaOutOfDate(StorageError):
    """Raised when the database revision is not the code's head revision."""
