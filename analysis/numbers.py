"""Finding and reading numbers written with digits (any grouping, Arabic-Indic too) or words.

All functions work on `text.fold`ed strings, where Arabic-Indic digits are already ASCII.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analysis.resources import data_file
from analysis.text import ARABIC, fold

_DIGITS = r"\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE_WORDS = {
    "mille": 1e3, "thousand": 1e3, "الف": 1e3, "الاف": 1e3, "k": 1e3,
    "m": 1e6, "million": 1e6, "millions": 1e6, "mln": 1e6, "mio": 1e6, "مليون": 1e6, "ملايين": 1e6,
    "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "مليار": 1e9, "مليارات": 1e9, "ملايير": 1e9,
}
# French counts in twenties: "quatre-vingts" multiplies the unit before it.
_SCORE_WORDS = frozenset({"vingt", "vingts"})
# Arabic number words may carry a conjunction or preposition prefix.
_AR_PREFIX = "(?:[وب])?"


@dataclass(frozen=True)
class Quantity:
    value: float
    start: int
    end: int
    text: str
    approximate_word: bool = False  # "une centaine", "un millier"


@cache
def _word_values() -> dict[str, tuple[str, float]]:
    """word -> (role, value) where role is unit, mult or approx."""
    table = data_file("numbers")
    words: dict[str, tuple[str, float]] = {}
    for lang in ("fr", "en", "ar"):
        for word, value in table.get(lang, {}).get("units", {}).items():
            words[fold(word)] = ("unit", float(value))
        for word, value in table.get(lang, {}).get("multipliers", {}).items():
            words[fold(word)] = ("mult", float(value))
        for word, value in table.get(lang, {}).get("approx", {}).items():
            words[fold(word)] = ("approx", float(value))
    words["مليوني"] = ("unit", 2e6)
    words["ملياري"] = ("unit", 2e9)
    words["مليارين"] = ("unit", 2e9)
    words["ملياران"] = ("unit", 2e9)
    words["مليونان"] = ("unit", 2e6)
    words["مليونين"] = ("unit", 2e6)
    return words


def _word_alternation() -> str:
    words = sorted(_word_values(), key=len, reverse=True)
    latin = [re.escape(w) for w in words if not re.search(f"[{ARABIC}]", w)]
    arabic = [re.escape(w) for w in words if re.search(f"[{ARABIC}]", w)]
    latin_alt = "(?<![a-z0-9])(?:" + "|".join(latin) + ")(?![a-z0-9])"
    arabic_alt = f"(?<![{ARABIC}]){_AR_PREFIX}(?:" + "|".join(arabic) + f")(?![{ARABIC}])"
    return f"(?:{latin_alt}|{arabic_alt})"


@cache
def quantity_pattern() -> re.Pattern[str]:
    word = _word_alternation()
    joiner = r"(?:\s+et\s+|\s*-\s*|\s+|\s+و\s*|\s+and\s+)"
    words = f"{word}(?:{joiner}{word})*"
    scales = sorted(_SCALE_WORDS, key=len, reverse=True)
    scale_alt = "|".join(re.escape(s) for s in scales)
    scale = rf"(?:\s*(?:{scale_alt})(?![a-z0-9{ARABIC}]))?"
    # A currency code may be glued to the digits ("MAD350 million", "USD12m").
    start = r"(?:(?<![0-9a-z.,])|(?<=mad)|(?<=usd)|(?<=eur)|(?<=us\$))"
    return re.compile(rf"{start}(?:(?P<digits>{_DIGITS})(?P<dscale>{scale})|(?P<words>{words}))")


def parse_digits(text: str, decimal_comma: bool = True) -> float:
    """Read "5.050", "5 050", "1,2", "2,500", "12.5" the way a Moroccan paper means them."""
    text = text.strip()
    groups = re.fullmatch(r"(\d{1,3})((?:[ .,]\d{3})+)([.,]\d+)?", text)
    if groups:
        head, rest, decimals = groups.groups()
        separators = set(rest[0::4])
        if separators == {","} and decimals is None and decimal_comma and len(rest) == 4:
            return float(f"{head}.{rest[1:]}")  # "1,250" read as a French decimal when asked
        value = float(head + re.sub(r"[ .,]", "", rest))
        if decimals:
            value += float("0." + decimals[1:])
        return value
    return float(text.replace(",", "."))


def parse_words(text: str) -> tuple[float | None, bool]:
    """Value of a run of number words ("deux mille", "ثلاثة آلاف"); approx flag for "centaine"."""
    values = _word_values()
    tokens = [t for t in re.split(r"[\s\-]+|(?<=\s)و|^و", text) if t and t not in {"et", "and", "و"}]
    total, current, approx, seen = 0.0, 0.0, False, False
    previous: tuple[str, float] | None = None
    for token in tokens:
        role_value = values.get(token)
        if role_value is None and token[:1] in "وب":
            role_value = values.get(token[1:])
        if role_value is None:
            return None, False
        role, value = role_value
        seen = True
        if token in _SCORE_WORDS and previous is not None and previous[0] == "unit" and 2 <= previous[1] <= 9:
            current += previous[1] * (value - 1)  # "quatre-vingts" is 4 x 20, not 4 + 20
        elif role == "unit":
            current += value
        elif role == "approx":
            approx = True
            current = max(current, 1.0) * value
        elif value == 100:
            current = max(current, 1.0) * value
        else:
            total += max(current, 1.0) * value
            current = 0.0
        previous = role_value
    if not seen:
        return None, False
    return total + current, approx


def _scale_value(scale_text: str) -> float:
    word = scale_text.strip()
    return _SCALE_WORDS.get(word, 1.0) if word else 1.0


# A bare plural scale ("des millions", "آلاف مناصب الشغل") is no figure.
_VAGUE_PLURALS = frozenset({"millions", "milliards", "milliers", "thousands", "billions", "الاف",
                            "ملايين", "مليارات", "ملايير", "والاف", "بالاف"})
# "3 مليارات و314 مليون", "2 milliards et 300 millions": one amount written in two parts.
_PART_JOINER = re.compile(r"\s*(?:و|et|and)\s*$")


def _merge_parts(found: list[Quantity], folded: str) -> list[Quantity]:
    merged: list[Quantity] = []
    for q in found:
        last = merged[-1] if merged else None
        if (last is not None and last.value >= 1e6 and 0 < q.value < last.value and q.value >= 1e3
                and _scale_of(last.value) > q.value and _PART_JOINER.fullmatch(folded[last.end:q.start])):
            merged[-1] = Quantity(last.value + q.value, last.start, q.end, folded[last.start:q.end])
            continue
        merged.append(q)
    return merged


def _scale_of(value: float) -> float:
    """The scale word a round amount was written with: 3e9 -> 1e9."""
    for scale in (1e9, 1e6, 1e3):
        if value >= scale and value % scale == 0:
            return scale
    return 1.0


def find_quantities(folded: str, decimal_comma: bool = True) -> list[Quantity]:
    """Every number in a folded sentence, with its value and span."""
    return _merge_parts(_find_quantities(folded, decimal_comma), folded)


# "deux millions et demi", "مليونين ونصف مليون": half of the amount's own scale more.
_HALF_AFTER = re.compile(r"\s*(?:et dem(?:i|ie)\b|و\s?نصف(?:\s+(?:مليون|مليار))?(?![\u0600-\u06ff]))")


def _with_half(q: Quantity, folded: str) -> Quantity:
    half = _HALF_AFTER.match(folded, q.end)
    scale = _scale_of(q.value)
    if not half or scale < 1e3:
        return q
    return Quantity(q.value + scale / 2, q.start, half.end(), folded[q.start:half.end()], q.approximate_word)


def _find_quantities(folded: str, decimal_comma: bool) -> list[Quantity]:
    found: list[Quantity] = []
    for match in quantity_pattern().finditer(folded):
        if found and match.start() < found[-1].end:
            continue  # consumed by the half before it ("ونصف مليون")
        if match.group("digits"):
            scale = _scale_value(match.group("dscale"))
            use_decimal_comma = decimal_comma and scale > 1
            value = parse_digits(match.group("digits"), use_decimal_comma) * scale
            found.append(_with_half(Quantity(value, match.start(), match.end(), match.group(0)), folded))
            continue
        worded, approx = parse_words(match.group("words"))
        if match.group("words").strip().endswith(("milliers", "centaines", "dizaines")):
            continue  # "des milliers d'emplois" is no figure
        if match.group("words").strip() in _VAGUE_PLURALS:
            continue
        if worded is None or worded == 1.0 and match.group("words").strip() in {"un", "une", "a", "one"}:
            continue
        found.append(_with_half(Quantity(worded, match.start(), match.end(), match.group(0), approx), folded))
    return found
