"""Never the same story twice: exact, near-duplicate and same-event detection.

The crawl pipeline calls ``resolve`` for each extracted article, stores it, then calls
``register`` in the same transaction.
"""

from dedup.resolve import Candidate, Resolution, register, resolve
from dedup.text import body_hash
from dedup.urls import canonical_url

__all__ = ["Candidate", "Resolution", "body_hash", "canonical_url", "register", "resolve"]
