"""Exact verification of a near-duplicate candidate against one stored body.

Retrieval by anchors only says "these texts share some phrases". Here we decide:
  * similarity: the larger of the two containments (share of one text's words inside
    shingles of the other), so a paywalled prefix or a copy minus a paragraph scores ~1;
  * lead: the opening words of one text must be in the other, so two different articles
    that merely carry the same "related articles" block do not merge;
  * substitutions: a figure or a name replaced in an otherwise identical context
    ("s'engage à créer 1.000 emplois" vs "... 800 emplois") means a different story
    written from the same template, not a copy.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from dedup.fingerprint import Fingerprint, covered_fraction
from dedup.text import is_number

# Measured on the invented suite: copies score >= 0.55 even with 10% of words edited and
# other page furniture, distinct articles sharing a site's furniture <= 0.40; the lead
# (>= 0.68 for copies, <= 0.10 for distinct articles) settles the middle ground.
NEAR_THRESHOLD = 0.50
LEAD_THRESHOLD = 0.50
# Day numbers and years change between republications of the same wire story.
_YEARS = range(1900, 2101)
_MIN_FIGURE = 32

Context = tuple[str, ...]


@dataclass(frozen=True)
class TextMatch:
    similarity: float
    lead: float
    substitutions: tuple[tuple[str, str], ...]

    @property
    def is_near_duplicate(self) -> bool:
        return (
            self.similarity >= NEAR_THRESHOLD
            and self.lead >= LEAD_THRESHOLD
            and not self.substitutions
        )


def compare(a: Fingerprint, b: Fingerprint) -> TextMatch:
    a_set, b_set = a.shingle_set, b.shingle_set
    similarity = max(covered_fraction(a, b_set), covered_fraction(b, a_set))
    lead = max(covered_fraction(a, b_set, a.lead_end), covered_fraction(b, a_set, b.lead_end))
    found: list[tuple[str, str]] = []
    if similarity >= NEAR_THRESHOLD and lead >= LEAD_THRESHOLD:  # only then can it matter
        found = substitutions(a, b) + substitutions(b, a)
    return TextMatch(similarity=similarity, lead=lead, substitutions=tuple(found))


def substitutions(a: Fingerprint, b: Fingerprint) -> list[tuple[str, str]]:
    """Salient words of ``a`` replaced by another salient word in the same context in ``b``."""
    b_slots = _slots(b.words)
    b_words = set(b.words)
    found: list[tuple[str, str]] = []
    for i, word in enumerate(a.words):
        if word in b_words or not _salient(word, a):
            continue
        for key in _contexts(a.words, i):
            rivals = [w for w in b_slots.get(key, ()) if _same_kind(word, w, a, b)]
            if rivals:
                found.append((word, rivals[0]))
                break
    return found


def _contexts(words: tuple[str, ...], i: int) -> list[Context]:
    """Two contexts per position: two words left + one right, one left + two right."""
    out: list[Context] = []
    if i >= 2 and i + 1 < len(words):
        out.append(("L", words[i - 2], words[i - 1], words[i + 1]))
    if i >= 1 and i + 2 < len(words):
        out.append(("R", words[i - 1], words[i + 1], words[i + 2]))
    return out


def _slots(words: tuple[str, ...]) -> dict[Context, set[str]]:
    slots: dict[Context, set[str]] = defaultdict(set)
    for i, word in enumerate(words):
        for key in _contexts(words, i):
            slots[key].add(word)
    return slots


def _salient(word: str, fp: Fingerprint) -> bool:
    if is_number(word):
        return _is_figure(word)
    return word in fp.names


def _is_figure(word: str) -> bool:
    value = float(word)
    return value >= _MIN_FIGURE and not (value.is_integer() and int(value) in _YEARS)


def _same_kind(word: str, rival: str, a: Fingerprint, b: Fingerprint) -> bool:
    if is_number(word):
        return is_number(rival) and _is_figure(rival)
    return rival in b.names and rival not in a.words
