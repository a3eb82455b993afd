"""Never the same story twice: exact, near-duplicate and same-event detection.

The crawl pipeline calls ``resolve`` for each extracted article, stores it, then calls
``register`` in the same transaction.

How a check works (each step is a few index probes, whatever the history's size):

* ``urls.canonical_url``: one key per page (tracking parameters, mobile/AMP hosts and
  paths, percent-encoding and trailing slashes normalised).
* ``text``: one normalisation for French, Arabic and English (case, accents, Arabic marks
  and letter variants, digit scripts, number grouping); ``body_hash`` hashes its tokens.
* ``fingerprint``: content-word 3-shingles; the 1-in-4 shingles whose hash is 0 mod 4 are
  the *anchors* stored in ``dedup_anchor`` (shingle, article_id). A part of a text keeps
  the anchors of the whole, so prefixes and trimmed copies are found.
* ``compare``: exact verification of the few retrieved texts by containment (share of
  one text's words inside the other), a lead check, and substituted figures or names
  (same template, other company or figures: not a copy).
* ``events``: rewrites and translations share no phrase but share facts (companies,
  kind, jobs, amount); ``dedup_event_key`` finds stories with those facts in a window.
"""

from dedup.fingerprint import Fingerprint, fingerprint
from dedup.resolve import Candidate, Resolution, register, resolve
from dedup.text import body_hash
from dedup.urls import canonical_url

__all__ = [
    "Candidate", "Fingerprint", "Resolution", "body_hash", "canonical_url", "fingerprint",
    "register", "resolve",
]
