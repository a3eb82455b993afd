"""Storage errors.

    StorageError
    ├── DatabaseUnavailable   the URL is wrong or the server does not answer
    │   ├── UnsupportedDatabaseUrl  not a SQLite or PostgreSQL URL
    │   └── DatabaseMissing         a read-only command on a SQLite file that does not exist
    └── SchemaOutOfDate       the database is behind the code's migrations
"""


class StorageError(Exception):
    """Base of every error the storage package raises."""


class DatabaseUnavailable(StorageError):
    """Raised by `storage.db.connect` when the database cannot be reached."""


class UnsupportedDatabaseUrl(DatabaseUnavailable):
    """Raised by `storage.db.check_database_url` for a URL that is not SQLite or PostgreSQL."""


class DatabaseMissing(DatabaseUnavailable):
    """Raised by `storage.db.require_existing` so a read-only command never creates a database."""


class SchemaOutOfDate(StorageError):
    """Raised when the database revision is not the code's head revision."""
