"""Moroccan cities in any spelling or script, reported in French spelling."""

from __future__ import annotations

import re
from functools import cache

from analysis.resources import data_file
from analysis.text import compile_terms, fold, unique


@cache
def _city_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = data_file("cities")["cities"]
    return tuple((name, compile_terms(tuple(spellings))) for name, spellings in table.items() if spellings)


@cache
def _accent_sensitive() -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = data_file("cities").get("accent_sensitive", {})
    return tuple(
        (name, re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in spellings)))
        for name, spellings in table.items()
    )


@cache
def _place_pattern() -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = data_file("cities").get("places", {})
    return tuple((city, compile_terms((place,))) for place, city in table.items())


@cache
def _all_city_pattern() -> re.Pattern[str]:
    spellings = tuple(s for _, group in data_file("cities")["cities"].items() for s in group)
    return compile_terms(spellings)


@cache
def _name_of(matched: str) -> str | None:
    for name, pattern in _city_patterns():
        if pattern.fullmatch(matched):
            return name
    for name, pattern in _city_patterns():
        if pattern.search(matched):
            return name
    return None


def city_pattern() -> re.Pattern[str]:
    return _all_city_pattern()


def name_of_city(matched: str) -> str | None:
    """The French name of the city a (folded) match of `city_pattern` spells."""
    return _name_of(matched)


_MARK = "city"  # appended to an accent-sensitive spelling so that its folded form stays unique


@cache
def _accent_marker() -> tuple[re.Pattern[str], dict[str, str]]:
    table = data_file("cities").get("accent_sensitive", {})
    spellings = {s: fold(s) + _MARK for group in table.values() for s in group}
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in spellings), re.IGNORECASE)
    return pattern, spellings


def fold_places(text: str) -> str:
    """`fold`, keeping accent-sensitive city names ("Salé", not the word "sale") recognisable."""
    pattern, spellings = _accent_marker()
    if spellings:
        text = pattern.sub(lambda m: spellings.get(m.group(0).lower(), m.group(0)), text)
    return fold(text)


_CITY_AFTER_PARK = 14


def park_cities(folded: str) -> dict[str, str]:
    """Parks the text itself places ("Technopolis de Salé", "Technopolis Rabat"): park -> city."""
    placed: dict[str, str] = {}
    for park, match in _parks_in(folded):
        city = _all_city_pattern().search(folded[match.end():match.end() + _CITY_AFTER_PARK])
        name = _name_of(city.group(0)) if city else None
        if name:
            placed.setdefault(park, name)
    return placed


def park_mentions(folded: str, placed: dict[str, str] | None = None) -> list[tuple[int, str]]:
    """Business parks named in a folded text, with their city ("Casanearshore" -> Casablanca).
    A park followed by its own city is left to that city; `placed` overrides the table."""
    hits = []
    for park, match in _parks_in(folded):
        if _all_city_pattern().search(folded[match.end():match.end() + _CITY_AFTER_PARK]):
            continue
        hits.append((match.start(), (placed or {}).get(park) or _park_city(park)))
    return hits


def _parks_in(folded: str) -> list[tuple[str, re.Match[str]]]:
    """One pass of the combined park pattern; each match named by the per-park patterns."""
    combined, per_park = _park_patterns()
    found = []
    for match in combined.finditer(folded):
        park = next((p for p, pattern in per_park if pattern.fullmatch(match.group(0))), None)
        if park is not None:
            found.append((park, match))
    return found


@cache
def _park_patterns() -> tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    table = data_file("cities").get("places", {})
    return compile_terms(tuple(table)), tuple((place, compile_terms((place,))) for place in table)


def _park_city(park: str) -> str:
    return str(data_file("cities")["places"][park])


def mentions_city(folded: str) -> bool:
    return bool(_all_city_pattern().search(folded))


def find_cities(text: str, folded: str | None = None) -> list[str]:
    """Cities named in the text, in order of first mention; parks only when no city is named."""
    folded = fold(text) if folded is None else folded
    hits: list[tuple[int, str]] = []
    seen: set[str] = set()
    # One pass with the combined pattern, then name each (short) match with the per-city patterns.
    for match in _all_city_pattern().finditer(folded):
        name = _name_of(match.group(0))
        if name and name not in seen:
            seen.add(name)
            hits.append((match.start(), name))
    lowered = text.lower()
    for name, pattern in _accent_sensitive():
        accented = pattern.search(lowered)
        if accented:
            hits.append((accented.start() * len(folded) // max(len(lowered), 1), name))
    if not hits:
        for city, pattern in _place_pattern():
            park = pattern.search(folded)
            if park:
                hits.append((park.start(), city))
    return unique(name for _, name in sorted(hits))
