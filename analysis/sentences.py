"""Per-sentence facts: topic terms, commitment cues, figures, and what argues against them."""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.figures import JobMention, MoneyMention, find_jobs, find_money
from analysis.places import mentions_city
from analysis.resources import Lexicon, cue, cue_reason
from analysis.text import fold

NEGATIVE_TABLES = ("sector_stats", "target", "forecast", "salary", "event", "strike", "loss")
BAD_JOB_FLAGS = frozenset({"headcount", "rate", "loss"})
SUBJECT_SPAN = 45
BAD_MONEY_FLAGS = frozenset({"turnover", "salary", "aid"})


@dataclass
class SentenceFacts:
    index: int
    text: str
    folded: str
    is_title: bool
    topic: bool = False
    strong_topic: bool = False
    commit: bool = False
    mou: bool = False
    new_site: bool = False
    expansion: bool = False
    invest_word: bool = False
    national_actor: bool = False
    pronoun_actor: bool = False
    known_company: bool = False
    historical: bool = False
    abroad: bool = False
    morocco: bool = False
    other_sector: list[str] = field(default_factory=list)
    negatives: dict[str, list[str]] = field(default_factory=dict)
    jobs: list[JobMention] = field(default_factory=list)
    money: list[MoneyMention] = field(default_factory=list)

    @property
    def good_jobs(self) -> list[JobMention]:
        return [j for j in self.jobs if not j.flags & BAD_JOB_FLAGS]

    @property
    def good_money(self) -> list[MoneyMention]:
        return [m for m in self.money if not m.flags & BAD_MONEY_FLAGS]

    def negative_reasons(self) -> list[str]:
        return [cue_reason(f"negative.{name}") for name in self.negatives]


def _starts_with_pronoun(folded: str) -> bool:
    match = cue("company_pronoun").match(folded.lstrip(" \"'«-"))
    return bool(match)


def sentence_facts(index: int, text: str, is_title: bool, lexicon: Lexicon) -> SentenceFacts:
    folded = fold(text)
    facts = SentenceFacts(index=index, text=text, folded=folded, is_title=is_title)
    facts.strong_topic = bool(lexicon.strong.search(folded))
    facts.topic = facts.strong_topic or bool(lexicon.medium.search(folded))
    facts.commit = bool(cue("commit").search(folded))
    facts.mou = bool(cue("mou").search(folded))
    facts.new_site = bool(cue("new_site").search(folded))
    facts.expansion = bool(cue("expansion").search(folded))
    facts.invest_word = bool(cue("invest").search(folded))
    # Only as the subject: "le secteur" later in the sentence is just context.
    facts.national_actor = bool(cue("national_actor").search(folded[:SUBJECT_SPAN]))
    facts.pronoun_actor = _starts_with_pronoun(folded)
    facts.known_company = any(p.search(folded) for _, p in lexicon.companies)
    facts.historical = bool(cue("historical").search(folded))
    facts.morocco = bool(cue("morocco").search(folded)) or mentions_city(folded)
    facts.abroad = bool(cue("negative.abroad").search(folded)) and not facts.morocco
    facts.other_sector = [m.group(0) for m in lexicon.other_sector.finditer(folded)]
    for name in NEGATIVE_TABLES:
        hits = [m.group(0) for m in cue(f"negative.{name}").finditer(folded)]
        if hits:
            facts.negatives[name] = hits
    facts.jobs = find_jobs(folded)
    facts.money = find_money(folded)
    return facts
