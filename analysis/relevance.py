"""Topic relevance: how much of the article is about the watch topic, and where.

The score grows with topic terms weighted by position (title > lead > body) and with the share
of sentences that carry them; look-alike terms subtract; an article with no Moroccan anchor or a
title about another sector is damped.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from analysis.places import mentions_city
from analysis.resources import Lexicon, cue
from analysis.sentences import located_abroad
from analysis.text import fold, split_sentences, unique

TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
LEAD_SENTENCES = 2
PER_SENTENCE_CAP = 2.0
THRESHOLD = 0.5
NO_MOROCCO_DAMPING = 0.3
OTHER_SECTOR_TITLE_DAMPING = 0.55
LISTED_FACTOR = 0.3
ABROAD_TITLE_DAMPING = 0.5
SPREAD = 2.5
# A Moroccan company acting abroad is still news of the Moroccan sector.
_MOROCCAN_ACTOR = re.compile(r"\bmarocaine?s?\b|\bmoroccan\b|\bcasablancaise?s?\b|\bmorocco-based\b|"
                             r"(?<![\u0600-\u06ff])المغربي(?:ه|ين|ون)?(?![\u0600-\u06ff])")


@dataclass(frozen=True)
class Relevance:
    score: float
    evidence: list[str]
    reasons: list[str]

    @property
    def relevant(self) -> bool:
        return self.score >= THRESHOLD


def _sentence_weight(index: int, is_title: bool) -> float:
    if is_title:
        return TITLE_WEIGHT
    return LEAD_WEIGHT if index < LEAD_SENTENCES else 1.0


def score_sentences(title: str | None, sentences: list[str], lexicon: Lexicon) -> Relevance:
    """Relevance of an article given as title + body sentences (original text)."""
    items = ([(title, True)] if title else []) + [(s, False) for s in sentences]
    raw, topical, terms, evidence, reasons = 0.0, 0, [], [], []
    title_other_sector = False
    title_topic = False
    morocco = False
    foreign = False
    title_abroad = False
    moroccan_actor = False
    body_index = 0
    for text, is_title in items:
        folded = fold(text)
        strong = [m.group(0) for m in lexicon.strong.finditer(folded)]
        medium = [m.group(0) for m in lexicon.medium.finditer(folded)]
        lookalike = [m.group(0) for m in lexicon.lookalike.finditer(folded)]
        companies = [m.group(0) for m in lexicon.company_any.finditer(folded)]
        weight = _sentence_weight(body_index, is_title)
        if not is_title:
            body_index += 1
        other = lexicon.other_sector.findall(folded)
        listed = len(set(other)) >= 2  # "automobile, aéronautique et offshoring": a list of sectors
        # In a title, a supporting term ("Relation client : 750 emplois") says what the article is about.
        medium_weight = lexicon.strong_weight if is_title else lexicon.medium_weight
        gain = (LISTED_FACTOR if listed else 1.0) * min(PER_SENTENCE_CAP, lexicon.strong_weight * len(strong) + medium_weight * len(medium)
                   + lexicon.company_weight * min(len(companies), 1))
        raw += weight * (gain - 1.2 * min(len(lookalike), 2))
        if strong or medium or companies:
            topical += 1
            terms.extend(strong + medium + companies)
            if strong and len(evidence) < 3:
                evidence.append(text)
        if is_title:
            title_topic = bool(strong)
            title_abroad = located_abroad(folded)
            title_other_sector = bool(lexicon.other_sector.search(folded)) or bool(lookalike)
        if lookalike:
            reasons.append("look-alike: " + ", ".join(unique(lookalike)[:3]))
        morocco = morocco or bool(cue("morocco").search(folded)) or mentions_city(folded)
        foreign = foreign or bool(cue("negative.abroad").search(folded))
        if is_title or body_index <= LEAD_SENTENCES:
            moroccan_actor = moroccan_actor or bool(_MOROCCAN_ACTOR.search(folded))
    if not items or raw <= 0:
        return Relevance(0.0, [], reasons + ["off-topic: no topic terms"])
    density = topical / len(items)
    score = 1.0 - math.exp(-raw * (0.6 + density) / SPREAD)
    if not morocco and foreign:
        score *= NO_MOROCCO_DAMPING
        reasons.append("about another country")
    if title_abroad and not moroccan_actor:
        score *= ABROAD_TITLE_DAMPING
        reasons.append("title: another country")
    if title_other_sector and not title_topic:
        score *= OTHER_SECTOR_TITLE_DAMPING
        reasons.append("title about another sector")
    found = unique(terms)
    reasons.insert(0, f"relevance {score:.2f}: " + ", ".join(found[:6]))
    return Relevance(round(score, 4), unique(found[:8] + evidence), reasons)


def fast_score(title: str | None, text: str, lexicon: Lexicon) -> float:
    """The cheap pass: no topic term at all means 0 without splitting sentences."""
    folded = fold(f"{title or ''}\n{text}")
    if not lexicon.any_topic.search(folded):
        return 0.0
    return score_sentences(title, split_sentences(text), lexicon).score
