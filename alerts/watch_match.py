"""Whether a story is for a watch: its filters against the story's facts and reports.

Companies and places are compared as the dedup package compares them (legal suffixes,
groups, Arabic and Latin spellings, employment areas); keywords on folded text (case,
accents, Arabic marks). The watch is only read here, never built (see `alerts.watches`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alerts.watches import Watch

_CURRENCY_ALIASES = {"DH": "MAD", "DHS": "MAD", "MDH": "MAD", "DIRHAM": "MAD", "DIRHAMS": "MAD"}


@dataclass(frozen=True)
class StoryFacts:
    """What a watch looks at: a stored story, or the message an alert carries."""

    kinds: Sequence[str] = ()
    jobs: int | None = None
    investment_amount: float | None = None
    investment_currency: str | None = None
    companies: Sequence[str] = ()
    cities: Sequence[str] = ()


def facts_of(story: Any) -> StoryFacts:
    """From a ``Story`` row or an ``AlertMessage`` (same field names)."""
    return StoryFacts(
        kinds=list(story.kinds or []), jobs=story.jobs,
        investment_amount=story.investment_amount,
        investment_currency=story.investment_currency,
        companies=list(story.companies or []), cities=list(story.cities or []),
    )


def amount_in_mad(amount: float | None, currency: str | None, rates: dict[str, float]) -> float | None:
    """``None`` when there is no amount or its currency has no rate."""
    if amount is None:
        return None
    code = (currency or "MAD").strip().upper()
    rate = rates.get(_CURRENCY_ALIASES.get(code, code))
    return amount * rate if rate is not None else None


# Names recur from story to story: each is normalised once (a watch test reads thousands).
@lru_cache(maxsize=65536)
def _company_key(name: str) -> str:
    from dedup.names import company_key

    return company_key(name)


@lru_cache(maxsize=65536)
def _place_key(name: str) -> str:
    from dedup.names import place_key

    return place_key(name)


def _company_keys(names: Sequence[str]) -> set[str]:
    return {key for key in map(_company_key, names) if key}


def _city_keys(names: Sequence[str]) -> set[str]:
    return set(map(_place_key, names))


def _companies_agree(wanted: Sequence[str], named: Sequence[str]) -> bool:
    # The dedup package's notion of "same company": legal suffixes, a subsidiary and its
    # group, Arabic and Latin spellings, one name's words inside the other's.
    from dedup.events import companies_overlap

    if not named:
        return False
    return companies_overlap(_company_keys(wanted), _company_keys(named))


def _cities_agree(wanted: Sequence[str], named: Sequence[str]) -> bool:
    # Employment areas: a watch on Rabat sees Salé's parks, one on Casablanca Nouaceur's.
    return bool(_city_keys(wanted) & _city_keys(named))


@lru_cache(maxsize=256)
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    from dedup.text import normalise

    prefix = keyword.endswith("*")
    words = normalise(keyword.rstrip("*")).split()
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}" + ("" if prefix else r"(?!\w)"))


def _keywords_found(keywords: Sequence[str], texts: Iterable[tuple[str, str]]) -> bool:
    from dedup.text import normalise

    patterns = [_keyword_pattern(k) for k in keywords]
    for title, text in texts:
        folded = normalise(f"{title or ''}\n{text or ''}")
        if any(p.search(folded) for p in patterns):
            return True
    return False


def refusal(
    watch: Watch,
    facts: StoryFacts,
    texts: Iterable[tuple[str, str]] = (),
    *,
    languages: Iterable[str | None] = (),
) -> str | None:
    """Why the story is not for ``watch`` (e.g. "fewer than 200 jobs"), or ``None``."""
    if watch.kinds and not set(watch.kinds) & set(facts.kinds):
        return f"kind not one of {', '.join(watch.kinds)}"
    if watch.min_jobs is not None and (facts.jobs or 0) < watch.min_jobs:
        return f"fewer than {watch.min_jobs} jobs"
    if watch.min_investment_mad is not None:
        mad = amount_in_mad(facts.investment_amount, facts.investment_currency, watch.rates)
        if mad is None or mad < watch.min_investment_mad:
            return f"investment below {watch.min_investment_mad:,.0f} MAD"
    if watch.companies and not _companies_agree(watch.companies, facts.companies):
        return f"company not one of {', '.join(watch.companies)}"
    if watch.cities and not _cities_agree(watch.cities, facts.cities):
        return f"city not one of {', '.join(watch.cities)}"
    if watch.languages and not set(watch.languages) & {(lang or "").casefold() for lang in languages}:
        return f"language not one of {', '.join(watch.languages)}"
    if watch.keywords and not _keywords_found(watch.keywords, texts):
        return f"none of the keywords {', '.join(watch.keywords)}"
    return None


def story_matches(
    watch: Watch,
    story: Any,
    texts: Iterable[tuple[str, str]] = (),
    *,
    languages: Iterable[str | None] = (),
) -> bool:
    """Whether ``story`` (a ``Story`` row or an ``AlertMessage``) is for ``watch``.

    ``texts`` are the (title, text) of the story's articles, for ``keywords``; ``languages``
    their languages, for ``languages``: a watch with such a filter matches nothing without
    them.
    """
    return refusal(watch, facts_of(story), texts, languages=languages) is None
