"""Same event, other words: matching an announcement to a story by its facts.

Rewrites and translations share no phrases, but they share what analysis reads from them:
the companies, the kind of announcement, the place and the figures. A story's facts are the
union of its articles' facts, so a later article that quotes one company's share of a joint
announcement still finds the story.

Reports of one event disagree on figures: one gives the total, another one company's part,
a third rounds it or writes "plus de 5.000", a fourth gives none. Figures therefore only have
to be *compatible*. Two announcements by one company stay apart when their places differ
(two sites) or their figures are too far apart to be readings of one number.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from dedup.names import company_key, group_key, is_arabic, place_key, transliterated

_CURRENCY_ALIASES = {"DH": "MAD", "DHS": "MAD", "MDH": "MAD", "DIRHAM": "MAD", "DIRHAMS": "MAD"}
# Figures within 10% are one figure rounded ("plus de 5.000" for 5.050, "près de 1.000").
ROUNDING = 0.10
# One company, one place, figures within this ratio: the outlets read one announcement
# differently (a phase and the target, hires to date and the plan). Further apart, two.
FIGURE_SPREAD = 3.0

AGREE, PART, ABSENT, DIFFERS, CLASH = "agree", "part", "absent", "differs", "clash"


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
    # Known stories only: the seed article, and its words (a seed that is not an
    # announcement still names the companies its event is about).
    seed_article_id: int | None = None
    seed_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EventMatch:
    same: bool
    score: int
    why: str


def company_keys(names: Iterable[str]) -> set[str]:
    return {key for key in (company_key(n) for n in names) if key}


def with_groups(keys: set[str]) -> set[str]:
    """The keys and the keys of the groups they belong to (a subsidiary is its parent)."""
    return keys | {g for g in (group_key(k) for k in keys) if g}


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
    """The index keys of an announcement: one per company (and group), jobs figure and amount."""
    keys = [f"co:{key}" for key in sorted(with_groups(company_keys(facts.companies)))]
    if facts.jobs:
        keys.append(f"jobs:{facts.jobs}")
    if facts.investment_amount:
        cur = currency(facts.investment_currency)
        keys.append(f"inv:{cur}:{round_amount(facts.investment_amount):g}")
    return keys


def _same_name(a: str, b: str) -> bool:
    if is_arabic(a) != is_arabic(b):
        return transliterated(a, b) if is_arabic(a) else transliterated(b, a)
    wa, wb = set(a.split()), set(b.split())
    # "HCL Tech" and "HCLTech": the same name written in one word or two.
    return wa <= wb or wb <= wa or a.replace(" ", "") == b.replace(" ", "")


def companies_overlap(ours: set[str], theirs: set[str]) -> bool:
    """Same company: equal keys, one's words inside the other's, one script's spelling of
    the other, or a subsidiary and its group."""
    return any(_same_name(a, b) for a in with_groups(ours) for b in with_groups(theirs))


def companies_clash(ours: set[str], theirs: set[str]) -> bool:
    """Both sides name companies in the same script and none is shared.

    Names in different scripts that do not transliterate into each other are no evidence
    either way: analysis may keep a descriptive Arabic word where French gives a brand.
    """
    for arabic in (True, False):
        a = {k for k in ours if is_arabic(k) == arabic}
        b = {k for k in theirs if is_arabic(k) == arabic}
        if a and b and not companies_overlap(a, b):
            return True
    return False


def place_relation(ours: Iterable[str], theirs: set[str]) -> str:
    """"same" (an area in common), "clash" (both give places, none shared) or "unknown"."""
    mine = {place_key(c) for c in ours}
    for arabic in (True, False):
        a = {k for k in mine if is_arabic(k) == arabic}
        b = {k for k in theirs if is_arabic(k) == arabic}
        if a & b:
            return "same"
    latin_a = {k for k in mine if not is_arabic(k)}
    latin_b = {k for k in theirs if not is_arabic(k)}
    return "clash" if latin_a and latin_b else "unknown"


def city_keys(cities: Iterable[str]) -> set[str]:
    return {place_key(c) for c in cities}


def close(a: float, b: float) -> bool:
    return abs(a - b) <= ROUNDING * max(a, b)


def figure_relation(
    value: float | None, known: Iterable[float], story_numbers: set[float],
    our_numbers: set[float], scope: int = 0,
) -> str:
    """How one figure of a report relates to the story's figures of the same kind.

    agree: equal up to rounding, or the figure is written in the story's texts;
    part: the story's figure is written in this report (a total with its parts), or this
    report names some of the story's companies and a smaller figure (one company's share);
    absent: one side has no figure; differs: within FIGURE_SPREAD; clash: further apart.
    ``scope`` is -1 when this report names fewer of the story's companies (its figure may be
    one company's share), +1 when it names more (its figure may be the total), else 0.
    """
    values = list(known)
    if not value or not values:
        return ABSENT
    if any(close(value, v) for v in values) or value in story_numbers:
        return AGREE
    if any(v in our_numbers for v in values):
        return PART
    if (scope < 0 and value < max(values)) or (scope > 0 and value > min(values)):
        return PART
    spread = min(max(value, v) / min(value, v) for v in values)
    return DIFFERS if spread <= FIGURE_SPREAD else CLASH


def _relations(
    facts: Facts, story: StoryFacts, numbers: set[float], scope: int
) -> dict[str, str]:
    jobs = figure_relation(
        float(facts.jobs) if facts.jobs else None, (float(j) for j in story.jobs),
        story.numbers, numbers, scope,
    )
    cur = currency(facts.investment_currency)
    amounts = [v for c, v in story.amounts if c == cur]
    amount_numbers = story.numbers if cur == "MAD" else set()
    amount = facts.investment_amount and round_amount(facts.investment_amount)
    investment = figure_relation(
        amount or None, amounts, {round_amount(n) for n in amount_numbers},
        {round_amount(n) for n in numbers if n > 0}, scope,
    )
    if investment == ABSENT and amount and story.amounts and not amounts:
        investment = DIFFERS  # another currency: no comparison, no proof
    return {"jobs": jobs, "amount": investment}


def same_event(facts: Facts, story: StoryFacts, numbers: Iterable[float] = ()) -> EventMatch:
    """Whether ``facts`` (with ``numbers``, the figures of its text) report ``story``'s event."""
    ours = company_keys(facts.companies)
    if story.known:
        return _same_as_seed(facts, story, ours, set(numbers))
    shared = companies_overlap(ours, story.companies)
    if not shared and companies_clash(ours, story.companies):
        why = f"different companies ({_names(ours)} vs {_names(story.companies)})"
        return EventMatch(False, 0, why)
    scope = _scope(ours, story.companies) if shared else 0
    relations = _relations(facts, story, set(numbers), scope)
    place = place_relation(facts.cities, story.cities)
    if shared:
        return _same_company(facts, story, relations, place)
    return _by_figures(facts, story, relations, place)


def _same_company(
    facts: Facts, story: StoryFacts, relations: dict[str, str], place: str
) -> EventMatch:
    if place == "clash":
        return EventMatch(False, 0, f"same company, other place ({_places(facts.cities)} vs "
                                    f"{_names(story.cities)}): another site")
    far = [name for name, rel in relations.items() if rel == CLASH]
    if far:
        return EventMatch(False, 0, f"same company, {' and '.join(far)} too far apart "
                                    f"({_figures(facts, story, far)}): another announcement")
    agreed = [name for name, rel in relations.items() if rel in (AGREE, PART)]
    bonus = 1 if place == "same" else 0
    if agreed:
        return EventMatch(True, 3 + len(agreed) + bonus, _why("same company", agreed, place))
    if not _kinds_clash(facts, story) or place == "same":
        return EventMatch(True, 2 + bonus, _why("same company, compatible figures", [], place))
    return EventMatch(False, 0, "same company, kind differs and nothing else agrees")


def _by_figures(
    facts: Facts, story: StoryFacts, relations: dict[str, str], place: str
) -> EventMatch:
    """No company on one side (or names in two scripts): only figures can tell."""
    if place == "clash" or any(rel in (DIFFERS, CLASH) for rel in relations.values()):
        return EventMatch(False, 0, "no shared company and figures or places differ")
    agreed = [name for name, rel in relations.items() if rel == AGREE]
    specific = (relations["jobs"] == AGREE and significant_digits(float(facts.jobs or 0)) >= 3) or (
        relations["amount"] == AGREE and significant_digits(facts.investment_amount or 0.0) >= 3
    )
    near = agreed and place == "same" and not _kinds_clash(facts, story)
    if specific or len(agreed) == 2 or near:
        return EventMatch(True, len(agreed), _why("same figures", agreed, place))
    return EventMatch(False, 0, "too little in common")


def _same_as_seed(
    facts: Facts, story: StoryFacts, ours: set[str], numbers: set[float]
) -> EventMatch:
    """A seed's event is matched whenever it was published: it needs a shared company and
    an agreeing figure, or specific figures, and no figure that disagrees."""
    named = companies_overlap(ours, story.companies) or _named_in_seed(ours, story.seed_words)
    relations = _relations(facts, story, numbers, _scope(ours, story.companies) if named else 0)
    if any(rel in (DIFFERS, CLASH) for rel in relations.values()):
        return EventMatch(False, 0, "a seed's company, other figures")
    agreed = [name for name, rel in relations.items() if rel in (AGREE, PART)]
    agreed += _written_in_seed(facts, story, agreed)
    if named and agreed:
        why = _why("same company as the seed", agreed, "unknown")
        return EventMatch(True, 3 + len(agreed), why)
    if not ours or not story.companies:
        match = _by_figures(facts, story, relations, place_relation(facts.cities, story.cities))
        return EventMatch(match.same, match.score, match.why + " as the seed")
    return EventMatch(False, 0, "too little in common with the seed")


def _written_in_seed(facts: Facts, story: StoryFacts, agreed: list[str]) -> list[str]:
    """A seed that is no announcement has no figures of its own, only figures in its text."""
    found = []
    if "jobs" not in agreed and not story.jobs and facts.jobs in story.numbers:
        found.append("jobs")
    amount = facts.investment_amount
    if "amount" not in agreed and not story.amounts and amount and amount in story.numbers:
        found.append("amount")
    return found


def _named_in_seed(ours: set[str], words: frozenset[str]) -> bool:
    return any(key and set(key.split()) <= words for key in ours)


def material_change(facts: Facts, story: StoryFacts) -> list[str]:
    """The kinds of figure ``facts`` gives that the story lacked (empty: nothing new).

    Another outlet's other reading of a figure the story has is not news: it goes to "also
    reported by"; only a first jobs figure or a first amount is.
    """
    new: list[str] = []
    if facts.jobs and not story.jobs:
        new.append(f"jobs {facts.jobs}")
    if facts.investment_amount and not story.amounts:
        new.append(f"amount {facts.investment_amount:,.0f} {currency(facts.investment_currency)}")
    return new


def _scope(ours: set[str], theirs: set[str]) -> int:
    """-1: this report names fewer of the story's companies (it may give one company's share);
    +1: it names more (the story may hold a share of its total); 0: as many, or none."""
    if not ours or not theirs or len(ours) == len(theirs):
        return 0
    return -1 if len(ours) < len(theirs) else 1


def _kinds_clash(facts: Facts, story: StoryFacts) -> bool:
    # Kinds come from each article's own analysis and differ between a rewrite and its
    # original ("mou" here, "new_site" there): a clash only matters without other proof.
    return bool(facts.kinds and story.kinds and not set(facts.kinds) & story.kinds)


def _figures(facts: Facts, story: StoryFacts, which: list[str]) -> str:
    parts = []
    if "jobs" in which:
        parts.append(f"{facts.jobs} jobs vs {_names(str(j) for j in story.jobs)}")
    if "amount" in which:
        theirs = _names(f"{v:g}" for _, v in story.amounts)
        parts.append(f"{facts.investment_amount:g} vs {theirs}")
    return "; ".join(parts)


def _names(values: Iterable[str]) -> str:
    return ", ".join(sorted(values)) or "none"


def _places(cities: Iterable[str]) -> str:
    return _names(place_key(c) for c in cities)


def _why(base: str, agreed: list[str], place: str) -> str:
    text = f"{base} and {', '.join(agreed)}" if agreed else base
    return f"{text}, same place" if place == "same" else text
