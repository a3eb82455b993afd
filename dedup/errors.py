"""Named errors of the dedup stage.

    DedupError
    ├── InvalidURL        a string that is not an http(s) URL with a host
    └── InvalidCandidate  a candidate the stage cannot fingerprint or date
"""

from __future__ import annotations


class DedupError(Exception):
    """Base of every error raised by ``dedup``."""


class InvalidURL(DedupError, ValueError):
    """Raised by ``canonical_url`` for input that is not an absolute http(s) URL."""


class InvalidCandidate(DedupError, ValueError):
    """Raised by ``resolve``/``register`` for a candidate with a naive ``published_at``, and
    by ingest for a seed article whose candidate was not built as a seed's."""
