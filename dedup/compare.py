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

# Measured on the invented suite and on real articles: copies score >= 0.55 even with 10%
# of words edited and other page furniture, distinct articles sharing a site's furniture
# <= 0.40. The lead (copies >= 0.47, distinct articles <= 0.36) settles the middle ground.
NEAR_THRESHOLD = 0.50
LEAD_THRESHOLD = 0.40
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
    """Figures or names of ``a`` replaced by another figure or name in the same context in
    ``b``. A run of name words ("Nearsoft Maghreb") is one unit, so a two-word company
    replaced by another still sits between the same neighbours."""
    b_words = set(b.words)
    a_only = set(a.words) - b_words
    figures_only = any(is_number(w) and _is_figure(w) for w in a_only)
    if not figures_only and not (a_only and a_only & a.names):
        return []  # every figure and name of ``a`` is in ``b``: nothing was substituted
    a_units, b_units = _units(a), _units(b)
    b_slots = _slots([u for u, _ in b_units])
    b_kinds = dict(b_units)
    found: list[tuple[str, str]] = []
    units = [u for u, _ in a_units]
    for i, (unit, kind) in enumerate(a_units):
        if kind is None or any(w in b_words for w in unit.split()):
            continue
        for key in _contexts(units, i):
            rivals = [r for r in b_slots.get(key, ()) if b_kinds.get(r) == kind]
            if rivals:
                found.append((unit, sorted(rivals)[0]))
                break
    return found


def _units(fp: Fingerprint) -> list[tuple[str, str | None]]:
    """Words grouped into units with their kind: "figure", "name" (a run) or None."""
    units: list[tuple[str, str | None]] = []
    for word in fp.words:
        kind = _kind(word, fp)
        if kind == "name" and units and units[-1][1] == "name":
            units[-1] = (f"{units[-1][0]} {word}", "name")
        else:
            units.append((word, kind))
    return units


def _kind(word: str, fp: Fingerprint) -> str | None:
    if is_number(word):
        return "figure" if _is_figure(word) else None
    return "name" if word in fp.names else None


def _contexts(units: list[str], i: int) -> list[Context]:
    """Two contexts per position: two units left + one right, one left + two right."""
    out: list[Context] = []
    if i >= 2 and i + 1 < len(units):
        out.append(("L", units[i - 2], units[i - 1], units[i + 1]))
    if i >= 1 and i + 2 < len(units):
        out.append(("R", units[i - 1], units[i + 1], units[i + 2]))
    return out


def _slots(units: list[str]) -> dict[Context, set[str]]:
    slots: dict[Context, set[str]] = defaultdict(set)
    for i, unit in enumerate(units):
        for key in _contexts(units, i):
            slots[key].add(unit)
    return slots


def _is_figure(word: str) -> bool:
    value = float(word)
    return value >= _MIN_FIGURE and not (value.is_integer() and int(value) in _YEARS)
