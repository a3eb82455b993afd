"""Job counts and money amounts found in a sentence, with what the words around them say."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from analysis.numbers import Quantity, find_quantities
from analysis.resources import cue_list, data_file, ending_pattern
from analysis.text import ARABIC, fold, term_pattern

_BEFORE_WINDOW = 48
_AFTER_WINDOW = 40
_YEARS = range(1990, 2051)


@dataclass(frozen=True)
class JobMention:
    value: int
    start: int
    end: int
    flags: frozenset[str] = field(default_factory=frozenset)  # headcount, rate, loss, approx


@dataclass(frozen=True)
class MoneyMention:
    amount: float
    currency: str
    start: int
    end: int
    flags: frozenset[str] = field(default_factory=frozenset)  # turnover, salary, aid


def _alternation(terms: tuple[str, ...]) -> str:
    return "|".join(f"(?:{term_pattern(t)})" for t in sorted(set(terms), key=len, reverse=True))


@cache
def _job_tail() -> re.Pattern[str]:
    nouns = _alternation(cue_list("jobs_nouns", "terms"))
    quals = _alternation(cue_list("jobs_nouns", "qualifiers"))
    link = r"(?:(?:de|d')\s?)?"
    return re.compile(rf"\s*(?:{link}(?:{quals})\s*){{0,3}}{link}(?:{nouns})")


@cache
def _currency_tables() -> tuple[dict[str, str], dict[str, tuple[str, float]]]:
    table = data_file("currencies")
    words = {fold(w): cur for cur, spellings in table["currency"].items() for w in spellings}
    compound = {fold(k): (v[0], float(v[1])) for k, v in table["compound"].items()}
    return words, compound


@cache
def _money_tail() -> re.Pattern[str]:
    words, compound = _currency_tables()
    units = sorted(set(words) | set(compound), key=len, reverse=True)
    alt = "|".join(re.escape(u) for u in units)
    return re.compile(rf"\s*(?:(?:de|d')\s?)?(?P<unit>{alt})(?![a-z{ARABIC}])")


@cache
def _money_head() -> re.Pattern[str]:
    return re.compile(r"(?P<unit>\$|€|us\$|usd|eur|mad)\s*$")


def _flags(before: str, after: str, table: str, flag: str) -> set[str]:
    found: set[str] = set()
    before_terms = cue_list(table, "before")
    if before_terms and ending_pattern(before_terms).search(before):
        found.add(flag)
    after_terms = cue_list(table, "after")
    if after_terms and re.match(r"^\W*(?:" + _alternation(after_terms) + ")", after):
        found.add(flag)
    return found


def _job_flags(folded: str, q: Quantity, tail_end: int) -> frozenset[str]:
    raw_before = folded[max(0, q.start - _BEFORE_WINDOW):q.start]
    before = raw_before
    # Only look at the words right before the number, up to a clause break.
    before = re.split(r"[,;:()]|\bet\b|\bqui\b", before)[-1]
    before = re.sub(r"(?:(?:plus|pres|pas moins|moins|environ|quelque|au moins|jusqu'a|d'|de|des|un total de|"
                    r"اكثر من|ازيد من|حوالي|نحو|ما يقارب|more than|over|about|some|up to)\s*)+$", "", before)
    after = folded[tail_end:tail_end + _AFTER_WINDOW]
    flags = set()
    flags |= _flags(before, after, "mention_headcount", "headcount")
    flags |= _flags(before, after, "mention_rate", "rate")
    flags |= _flags(before, after, "mention_loss", "loss")
    flags |= _flags(raw_before, "", "mention_loss", "loss")
    if q.approximate_word:
        flags.add("approx")
    return frozenset(flags)


def find_jobs(folded: str) -> list[JobMention]:
    """Counts of jobs in a folded sentence: a number followed by a job noun."""
    mentions: list[JobMention] = []
    for q in find_quantities(folded):
        tail = _job_tail().match(folded, q.end)
        if not tail or q.value < 1 or q.value != int(q.value):
            continue
        if int(q.value) in _YEARS and re.fullmatch(r"\d{4}", q.text) and "emploi" not in tail.group(0):
            continue
        mentions.append(JobMention(int(q.value), q.start, tail.end(), _job_flags(folded, q, tail.end())))
    return mentions


_TURNOVER = re.compile(r"chiffre d'affaires|chiffre d'affaire|\bca\b|export|recettes|revenus|benefice|"
                       r"resultat|turnover|revenue|رقم معاملات|رقم المعاملات|valeur ajoutee|balance commerciale|"
                       r"volume d'affaires|capitalisation|levee de fonds|leve|capital social")
_SALARY = re.compile(r"salaire|remuneration|par mois|mensuel|smig|smic|prime|اجر|راتب|salary|wage")
_AID = re.compile(r"aides? directes?|subvention|prime a l'investissement|dotation de l'etat|fonds hassan|"
                  r"aide de l'etat|incitations?")


def _money_flags(folded: str, start: int, end: int) -> frozenset[str]:
    before = folded[max(0, start - 60):start]
    after = folded[end:end + 25]
    flags = set()
    if _TURNOVER.search(before):
        flags.add("turnover")
    if _SALARY.search(before) or _SALARY.search(after):
        flags.add("salary")
    if _AID.search(before):
        flags.add("aid")
    return frozenset(flags)


def find_money(folded: str) -> list[MoneyMention]:
    """Amounts of money in a folded sentence, normalised to units of a currency."""
    words, compound = _currency_tables()
    mentions: list[MoneyMention] = []
    for q in find_quantities(folded):
        tail = _money_tail().match(folded, q.end)
        head = _money_head().search(folded, 0, q.start)
        if tail:
            unit = tail.group("unit")
            end = tail.end()
        elif head and q.value > 0:
            unit = head.group("unit")
            end = q.end
        else:
            continue
        amount = q.value
        if unit in compound:
            currency, scale = compound[unit]
            amount *= scale
        else:
            currency = words.get(unit) or {"$": "USD", "€": "EUR", "us$": "USD"}.get(unit, "")
        if currency not in {"MAD", "EUR", "USD"} or amount <= 0:
            continue
        mentions.append(MoneyMention(amount, currency, q.start, end, _money_flags(folded, q.start, end)))
    return mentions
