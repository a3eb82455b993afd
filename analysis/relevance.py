"""Topic relevance: how much of the article is about the watch topic, and where.

The score grows with topic terms weighted by position (title > lead > body) and with the share
of sentences that carry them; look-alike terms subtract; an article with no Moroccan anchor or a
title about another sector is damped.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from analysis.places import mentions_city
from analysis.resources import Lexicon, cue
from analysis.sentences import located_abroad, located_in_morocco
from analysis.text import fold, split_sentences, unique

TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
LEAD_SENTENCES = 2
PER_SENTENCE_CAP = 2.0
THRESHOLD = 0.5
NO_MOROCCO_DAMPING = 0.3
# A full-length article that names no Moroccan place or word at all is about another country; short
# briefs of the Moroccan press often take the country for granted, so they are left alone.
NO_ANCHOR_DAMPING = 0.5
NO_ANCHOR_MIN_CHARS = 800
OTHER_SECTOR_TITLE_DAMPING = 0.55
# ... and harder when nothing in the article is a strong topic term ("Banque : X recrute 500 conseillers").
WEAK_EVIDENCE_TITLE_DAMPING = 0.35
LISTED_FACTOR = 0.3
ABROAD_TITLE_DAMPING = 0.5
SPREAD = 2.5
# A Moroccan company acting abroad is still news of the Moroccan sector.
# A Moroccan company or sector acting abroad is still news of the Moroccan sector; "recrute des Marocains",
# "hires Moroccans" are people, not the actor.
_MOROCCAN_ACTOR = re.compile(r"(?<!\bdes )(?<!\bles )(?<!\baux )(?<!\bde )\bmarocaine?s?\b|\bmoroccan\b|"
                             r"\bcasablancaise?s?\b|\bmorocco-based\b|"
                             r"(?<![\u0600-\u06ff])(?:ال)?مغربي(?:ه|ين|ون)?(?![\u0600-\u06ff])")
# "fraud screening", "lutte contre la fraude": a service the sector sells, not a scam.
_FRAUD_SERVICE = re.compile(r"\b(?:fraud|fraude)\s+(?:screening|prevention|detection|checks?|management|monitoring|"
                            r"analysis|investigations?)\b|\b(?:lutte contre la|detection de la|detection des|"
                            r"prevention de la|anti-?)\s*fraudes?\b|(?:مكافحه|كشف) الاحتيال")
# Moroccans as the people hired ("Moroccan workers", "jeunes marocains"), not a Moroccan actor.
_MOROCCAN_PEOPLE = re.compile(r"\bmoroccan\s+(?:workers|employees|youths?|graduates|nationals|job ?seekers|people|"
                              r"citizens|students|candidates|talents?|agents|staff)\b|\b(?:jeunes|travailleurs|salaries|"
                              r"diplomes|laureats|etudiants|candidats|ressortissants)\s+marocain")
# "Egypte : ...", "Egypt lures ...", "مصر تستقطب": a title whose subject is another country.
_ABROAD_HEAD = re.compile(r"^\W*(?:(?:en|au|aux|in|l'|la|le)\s*)?")
# ... and a lead that places nothing in Morocco: Morocco is only the comparison ("compete with Morocco").
ABROAD_LEAD_DAMPING = 0.6


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


@dataclass
class _Tally:
    raw: float = 0.0
    topical: int = 0
    terms: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def _score_sentence(tally: _Tally, text: str, folded: str, weight: float, is_title: bool,
                    lexicon: Lexicon) -> list[str]:
    """Add one sentence's topic evidence to the tally; returns its look-alike terms."""
    lookalike = [m.group(0) for m in lexicon.lookalike.finditer(_FRAUD_SERVICE.sub(" ", folded))]
    if not is_title and not lookalike and not lexicon.any_topic.search(folded):
        return lookalike  # most sentences of an article: nothing to count
    strong = [m.group(0) for m in lexicon.strong.finditer(folded)]
    medium = [m.group(0) for m in lexicon.medium.finditer(folded)]
    companies = [m.group(0) for m in lexicon.company_any.finditer(folded)]
    listed = len(set(lexicon.other_sector.findall(folded))) >= 2  # "automobile, aéronautique et offshoring"
    # In a title, a supporting term ("Relation client : 750 emplois") says what the article is about.
    medium_weight = lexicon.strong_weight if is_title else lexicon.medium_weight
    gain = min(PER_SENTENCE_CAP, lexicon.strong_weight * len(strong) + medium_weight * len(medium)
               + lexicon.company_weight * min(len(companies), 1))
    tally.raw += weight * ((LISTED_FACTOR if listed else 1.0) * gain - 1.2 * min(len(lookalike), 2))
    if strong or medium or companies:
        tally.topical += 1
        tally.terms.extend(strong + medium + companies)
        if strong and len(tally.evidence) < 3:
            tally.evidence.append(text)
    if lookalike:
        tally.reasons.append("look-alike: " + ", ".join(unique(lookalike)[:3]))
    return lookalike


def score_sentences(title: str | None, sentences: list[str], lexicon: Lexicon) -> Relevance:
    """Relevance of an article given as title + body sentences (original text)."""
    tally = _Tally()
    title_folded = fold(title) if title else ""
    title_topic = title_other_sector = False
    if title:
        lookalike = _score_sentence(tally, title, title_folded, TITLE_WEIGHT, True, lexicon)
        title_topic = bool(lexicon.strong.search(title_folded))
        title_other_sector = bool(lexicon.other_sector.search(title_folded)) or bool(lookalike)
    folded_sentences = [fold(s) for s in sentences]
    for index, (text, folded) in enumerate(zip(sentences, folded_sentences)):
        _score_sentence(tally, text, folded, _sentence_weight(index, False), False, lexicon)
    count = len(sentences) + (1 if title else 0)
    if not count or tally.raw <= 0:
        return Relevance(0.0, [], tally.reasons + ["off-topic: no topic terms"])
    density = tally.topical / count
    score = 1.0 - math.exp(-tally.raw * (0.6 + density) / SPREAD)
    whole = title_folded + "\n" + "\n".join(folded_sentences)
    lead = title_folded + "\n" + "\n".join(folded_sentences[: LEAD_SENTENCES + 1])
    reasons = tally.reasons
    morocco = bool(cue("morocco").search(whole)) or mentions_city(whole)
    if not morocco and cue("negative.abroad").search(whole):
        score *= NO_MOROCCO_DAMPING
        reasons.append("about another country")
    elif not morocco and len(whole) >= NO_ANCHOR_MIN_CHARS:
        score *= NO_ANCHOR_DAMPING
        reasons.append("no Moroccan place or actor")
    if title and not _MOROCCAN_ACTOR.search(_MOROCCAN_PEOPLE.sub(" ", lead)):
        located = located_abroad(title_folded)
        # "Egypte : ..." names the country without placing anything: damped only when the lead agrees.
        if located or _title_opens_abroad(title_folded):
            placed_here = located_in_morocco(lead)
            if located:
                score *= ABROAD_TITLE_DAMPING
                reasons.append("title: another country")
            if not placed_here:
                score *= ABROAD_LEAD_DAMPING if located else ABROAD_TITLE_DAMPING * ABROAD_LEAD_DAMPING
                reasons.append("lead: nothing placed in Morocco")
    if title_other_sector and not title_topic:
        score *= OTHER_SECTOR_TITLE_DAMPING if tally.evidence else WEAK_EVIDENCE_TITLE_DAMPING
        reasons.append("title about another sector")
    found = unique(tally.terms)
    reasons.insert(0, f"relevance {score:.2f}: " + ", ".join(found[:6]))
    return Relevance(round(score, 4), unique(found[:8] + tally.evidence), reasons)


def _title_opens_abroad(title_folded: str) -> bool:
    head = _ABROAD_HEAD.match(title_folded)
    opening = title_folded[head.end() if head else 0:]
    return bool(cue("negative.abroad").match(opening)) and not located_in_morocco(title_folded)


def fast_score(title: str | None, text: str, lexicon: Lexicon) -> float:
    """The cheap pass: no topic term at all means 0 without splitting sentences."""
    if not lexicon.might_mention(f"{title or ''}\n{text}"):
        return 0.0
    return score_sentences(title, split_sentences(text), lexicon).score
