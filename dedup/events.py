"""Same event, other words: matching an announcement to a story by its facts.

Rewrites and translations share no phrases, but they share what analysis reads from them:
the companies, the kind of announcement and the figures (jobs, amount). A story's facts
are the union of its articles' facts, so a later article that quotes one company's share
of a joint announcement still finds the story.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from dedup.text import normalise, tokens

# Words that do not identify a company: "Webhelp Maroc SA" is Webhelp.
_COMPANY_NOISE = frozenset(
    """
    sa sarl sas sau spa ltd llc inc plc corp co group groupe holding maroc morocco
    the le la les al المغرب مجموعه شركه international
    """.split()
)
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
_CURRENCY_ALIASES = {"DH": "MAD", "DHS": "MAD", "MDH": "MAD", "DIRHAM": "MAD", "DIRHAMS": "MAD"}


class Facts(Protocol):
    """What a candidate article brings (the ``Candidate`` dataclass satisfies it)."""

    announcement: bool
    kinds: list[str]
    jobs: int | None
    investment_amount: float | None
    investment_currency: str | None
    companies: list[str]
    cities: list[str]


@dataclass
class StoryFacts:
    """Everything known of one story, gathered from the story row and its articles."""

    story_id: int
    known: bool
    kinds: set[str] = field(default_factory=set)
    companies: set[str] = field(default_factory=set)
    jobs: set[int] = field(default_factory=set)
    amounts: set[tuple[str, float]] = field(default_factory=set)
    numbers: set[float] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class EventMatch:
    same: bool
    score: int
    why: str


def company_key(name: str) -> str:
    words = [w for w in tokens(name) if w not in _COMPANY_NOISE]
    return " ".join(words) or " ".join(tokens(name))


def company_keys(names: Iterable[str]) -> set[str]:
    return {key for key in (company_key(n) for n in names) if key}


def currency(code: str | None) -> str:
    upper = (code or "MAD").strip().upper()
    return _CURRENCY_ALIASES.get(upper, upper)


def round_amount(value: float) -> float:
    """Four significant digits: "65 MDH" and "65,0 millions de dirhams" agree."""
    if value <= 0:
        return value
    digits = 4 - int(math.floor(math.log10(value))) - 1
    return round(value, digits)


def significant_digits(value: float) -> int:
    text = f"{round_amount(value):.0f}".rstrip("0") if value >= 1 else ""
    return len(text)


def event_keys(facts: Facts) -> list[str]:
    """The index keys of an announcement: one per company, jobs figure and amount."""
    keys = [f"co:{key}" for key in sorted(company_keys(facts.companies))]
    if facts.jobs:
        keys.append(f"jobs:{facts.jobs}")
    if facts.investment_amount:
        cur = currency(facts.investment_currency)
        keys.append(f"inv:{cur}:{round_amount(facts.investment_amount):g}")
    return keys


def companies_overlap(ours: set[str], theirs: set[str]) -> bool:
    """Same company if the keys are equal or one's words include the other's."""
    for a in ours:
        for b in theirs:
            wa, wb = set(a.split()), set(b.split())
            if wa <= wb or wb <= wa:
                return True
    return False


def companies_clash(ours: set[str], theirs: set[str]) -> bool:
    """Both sides name companies in the same script and none is shared.

    "أطلس كونتاكت" and "Atlas Contact" cannot be compared word for word: names written in
    different scripts are no evidence either way.
    """
    for script in ("arabic", "latin"):
        a = {k for k in ours if _script(k) == script}
        b = {k for k in theirs if _script(k) == script}
        if a and b and not companies_overlap(a, b):
            return True
    return False


def _script(key: str) -> str:
    return "arabic" if _ARABIC_LETTER.search(key) else "latin"


def same_event(facts: Facts, story: StoryFacts) -> EventMatch:
    ours = company_keys(facts.companies)
    shared_company = companies_overlap(ours, story.companies)
    if not shared_company and companies_clash(ours, story.companies):
        return EventMatch(False, 0, "different companies")
    jobs_ok, jobs_clash = _jobs_agree(facts, story)
    amount_ok, amount_clash = _amount_agree(facts, story)
    agreed = [name for name, ok in (("jobs", jobs_ok), ("amount", amount_ok)) if ok]
    # Kinds come from each article's own analysis and differ between a rewrite and its
    # original ("mou" here, "new_site" there): a clash only matters without other proof.
    kinds_clash = bool(facts.kinds and story.kinds and not set(facts.kinds) & story.kinds)
    specific = (jobs_ok and significant_digits(float(facts.jobs or 0)) >= 3) or (
        amount_ok and significant_digits(facts.investment_amount or 0.0) >= 3
    )
    if jobs_clash or amount_clash:
        # One company, other figures: its next project, not this one. (If it was a revised
        # figure, the analysts get a second alert: better than a missed one.)
        return EventMatch(False, 0, "figures differ")
    if shared_company and agreed:
        return EventMatch(True, 2 + len(agreed), _why("same company", agreed))
    if shared_company and not kinds_clash:
        return EventMatch(True, 2, "same company, no conflicting figure")
    if shared_company:
        return EventMatch(False, 0, "kind differs")
    same_city = bool(city_keys(facts.cities) & story.cities)
    if specific or len(agreed) == 2 or (agreed and same_city and not kinds_clash):
        return EventMatch(True, len(agreed), _why("same figures", agreed))
    return EventMatch(False, 0, "too little in common")


def material_change(facts: Facts, story: StoryFacts) -> list[str]:
    """The figures ``facts`` adds to ``story`` (empty: nothing new to tell the analysts)."""
    new: list[str] = []
    if facts.jobs and not _jobs_agree(facts, story)[0]:
        new.append(f"jobs {facts.jobs}")
    if facts.investment_amount and not _amount_agree(facts, story)[0]:
        new.append(f"amount {facts.investment_amount:,.0f} {currency(facts.investment_currency)}")
    for key in sorted(company_keys(facts.companies)):
        if _is_new_company(key, story.companies):
            new.append(f"company {key}")
    return new


def _is_new_company(key: str, known: set[str]) -> bool:
    comparable = {k for k in known if _script(k) == _script(key)}
    # A name in another script than every known one cannot be told apart: not news.
    if known and not comparable:
        return False
    return not companies_overlap({key}, comparable)


def _jobs_agree(facts: Facts, story: StoryFacts) -> tuple[bool, bool]:
    if not facts.jobs:
        return False, False
    ok = facts.jobs in story.jobs or float(facts.jobs) in story.numbers
    return ok, bool(story.jobs) and not ok


def _amount_agree(facts: Facts, story: StoryFacts) -> tuple[bool, bool]:
    if not facts.investment_amount:
        return False, False
    value = round_amount(facts.investment_amount)
    cur = currency(facts.investment_currency)
    ok = (cur, value) in story.amounts or (
        cur == "MAD" and value in {round_amount(n) for n in story.numbers}
    )
    return ok, bool(story.amounts) and not ok


def _why(base: str, agreed: list[str]) -> str:
    return f"{base} and {', '.join(agreed)}" if agreed else base


def city_keys(cities: Iterable[str]) -> set[str]:
    return {normalise(c) for c in cities}
