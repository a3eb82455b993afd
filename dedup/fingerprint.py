"""Shingle fingerprints of an article body, and the sampled anchors that index them.

A shingle is three consecutive content words (function words dropped). Anchors are the
shingles whose hash falls in a fixed 1/``ANCHOR_SAMPLE`` slice: the choice depends on the
shingle only, so any part of a text (a paywalled prefix, a copy minus a paragraph) keeps
exactly the anchors of the original it contains. Verification then measures containment
on all shingles, so a copy is judged on how much of it is in the other text, not on how
much the two texts differ overall (Jaccard punishes prefixes and trimmed copies).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from dedup.stopwords import STOPWORDS
from dedup.text import body_paragraphs, hash_tokens, is_number, paragraph_tokens, tokens

SHINGLE_WORDS = 3
ANCHOR_SAMPLE = 4
# Query with at most this many anchors: enough to find a copy, bounded cost per check.
MAX_QUERY_ANCHORS = 40
# The lead: the opening paragraphs, at least MIN_LEAD_WORDS and at most LEAD_WORDS words.
LEAD_WORDS = 40
MIN_LEAD_WORDS = 20
_HASH_MASK = (1 << 62) - 1  # fits a signed BIGINT on every backend
# A capital after a word or a comma and one space: not the first word of a sentence.
_MID_SENTENCE_CAPITAL = re.compile(r"(?:(?<=[^\W_][ ])|(?<=[^\W_],[ ]))[A-ZÀ-ÖØ-Þ][\w&’'-]*")
_LOWERCASE_WORD = re.compile(r"(?<![\w’'-])[a-zß-öø-ÿ][\w’'-]*")


@dataclass(frozen=True)
class Fingerprint:
    """Content words of a body and the hash of each shingle starting at each position."""

    words: tuple[str, ...]
    shingles: tuple[int, ...]
    text: str = ""  # the raw body, for the names
    lead_end: int = 0  # words[:lead_end] is the lead
    body_hash: str = ""
    all_tokens: tuple[str, ...] = ()  # every token, function words included

    @cached_property
    def shingle_set(self) -> frozenset[int]:
        return frozenset(self.shingles)

    @cached_property
    def names(self) -> frozenset[str]:
        # Only verification needs names: computed on first use, not for every check.
        return proper_names(self.text)

    @cached_property
    def anchors(self) -> list[int]:
        """Every sampled shingle, sorted (what ``register`` stores)."""
        return sorted({h for h in self.shingles if h % ANCHOR_SAMPLE == 0})

    def query_anchors(self) -> list[int]:
        """The anchors a lookup uses: the lowest hashes, so any copy agrees on the choice."""
        return self.anchors[:MAX_QUERY_ANCHORS]


def content_words(paragraphs: list[list[str]]) -> tuple[list[str], int]:
    """Words and numbers of the body's prose paragraphs, without function words, and
    where the lead ends (a paragraph boundary, so a short article's lead is not padded
    with the "related articles" block that follows it)."""
    words: list[str] = []
    lead_end = 0
    stop = STOPWORDS
    for paragraph in body_paragraphs(paragraphs):
        # Inlined _is_content: this loop runs over every word of every check.
        words.extend(t for t in paragraph if t[0].isdigit() or (len(t) > 1 and t not in stop))
        if lead_end < MIN_LEAD_WORDS:
            lead_end = len(words)
    return words, min(lead_end, LEAD_WORDS)


def _is_content(token: str) -> bool:
    return is_number(token) or (len(token) > 1 and token not in STOPWORDS)


def shingle_hash(words: tuple[str, ...] | list[str]) -> int:
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") & _HASH_MASK


def proper_names(text: str) -> frozenset[str]:
    """Normalised words written capitalised inside a sentence and never in lowercase:
    company, person and place names ("Groupe" in a title is not one if "groupe" is used)."""
    capitalised = " ".join(_MID_SENTENCE_CAPITAL.findall(text))
    common = set(tokens(" ".join(_LOWERCASE_WORD.findall(text))))
    return frozenset(t for t in tokens(capitalised) if _is_content(t) and t not in common)


@lru_cache(maxsize=64)  # resolve and register fingerprint the same text in one transaction
def fingerprint(text: str) -> Fingerprint:
    paragraphs = paragraph_tokens(text)
    all_tokens = [t for p in paragraphs for t in p]
    words, lead_end = content_words(paragraphs)
    k = SHINGLE_WORDS
    shingles = tuple(shingle_hash(words[i : i + k]) for i in range(len(words) - k + 1))
    return Fingerprint(
        words=tuple(words),
        shingles=shingles,
        text=text,
        lead_end=lead_end,
        body_hash=hash_tokens(all_tokens),
        all_tokens=tuple(all_tokens),
    )


def covered_fraction(fp: Fingerprint, other: frozenset[int], end: int | None = None) -> float:
    """Share of ``fp``'s words (up to ``end``) lying inside a shingle also found in ``other``.

    Counting words rather than shingles keeps a 10% word edit near 0.9 instead of the
    0.7 a shingle count gives (each edit breaks three shingles).
    """
    n = len(fp.words) if end is None else min(end, len(fp.words))
    if n == 0 or not fp.shingles:
        return 0.0
    covered = [False] * n
    for start, h in enumerate(fp.shingles):
        if start >= n:
            break
        if h in other:
            for i in range(start, min(start + SHINGLE_WORDS, n)):
                covered[i] = True
    return sum(covered) / n
