"""The public entry points: `analyze` (full) and `is_relevant_fast` (cheap relevance pass)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from analysis.announcement import decide
from analysis.body import main_body
from analysis.companies import find_companies, park_projects, pattern_companies
from analysis.errors import InputError
from analysis.language import detect_language
from analysis.model import Analysis
from analysis.places import find_cities
from analysis.relevance import fast_score, score_sentences
from analysis.resources import Lexicon, load_lexicon
from analysis.sentences import SentenceFacts, sentence_facts
from analysis.sites import announced_cities
from analysis.text import split_sentences, unique

LEAD_SENTENCES = 3
# Pages beyond this are dumps, not articles: the decision is in the first part anyway.
MAX_CHARS = 60_000


def is_relevant_fast(title: str | None, text: str, lexicon: str | Path | None = None) -> float:
    """Relevance score 0..1 without the announcement analysis (the cheap first pass)."""
    return fast_score(title, text or "", load_lexicon(lexicon))


def _dedupe(sentences: list[str], title: str | None) -> list[str]:
    """Drop repeats (pages often repeat the title and lead) but keep reading order."""
    seen = {title.strip()} if title else set()
    kept = []
    for sentence in sentences:
        key = sentence.strip()
        if key in seen:
            continue
        seen.add(key)
        kept.append(sentence)
    return kept


_ENUMERATION = re.compile(r"^(?:il s'agit|ils'agit|il s.agit|ويتعلق الامر|يتعلق الامر|a savoir|notamment|"
                          r"(?:les|the) (?:(?:deux|trois|two|three) )?(?:autres|other)|"
                          r"these are|they are|ces (?:societes|operateurs|entreprises))")


# "La multinationale japonaise, filiale de X, ...": the subject is the company of the sentence before.
_ANAPHOR = re.compile(r"^(?:la|le|l'|les|cette|ce|cet|ces|the|this|its|sa|son|ses)\s+(?:[a-z\-]+\s+){0,2}?"
                      r"(?:multinationale|filiale|societe|groupe|entreprise|firme|operateur|prestataire|"
                      r"company|group|firm|subsidiary|multinational|operator)\b|^(?:الشركه|المجموعه|الفرع)")


def _company_sentences(title: SentenceFacts | None, body: list[SentenceFacts],
                       chosen: list[SentenceFacts], lex: Lexicon) -> list[str]:
    """Where the announcing companies are named: the title, the chosen sentences, the sentence
    before one that has no name of its own ("Elle s'engage à créer..."), and a following
    enumeration ("Il s'agit de ...")."""
    texts = [title.text] if title else []
    for facts in chosen:
        if facts.is_title:
            continue
        named = facts.known_company or bool(pattern_companies(facts.text))
        if (not named or _ANAPHOR.match(facts.folded)) and facts.index > 0:
            texts.append(body[facts.index - 1].text)
        texts.append(facts.text)
        following = body[facts.index + 1] if facts.index + 1 < len(body) else None
        if following is not None and _ENUMERATION.match(following.folded):
            texts.append(following.text)
    return unique(texts)


def _names(title: SentenceFacts | None, body: list[SentenceFacts], chosen: list[SentenceFacts], lex: Lexicon,
           named_cities: list[str]) -> tuple[list[str], list[str]]:
    """Companies and cities of the commitment, whatever the decision: a relevant article that the
    decision misses still names who and where (and costs only a few milliseconds)."""
    chosen = chosen or [f for f in body if f.commit or f.good_jobs or f.mou or f.new_site]
    companies = find_companies(_company_sentences(title, body, chosen, lex), lex, set(named_cities))
    if not companies:  # "Ce projet ..." two sentences after the name: look at the lead
        companies = find_companies([f.text for f in body[:LEAD_SENTENCES]], lex, set(named_cities))
    if not companies:  # a park inaugurated, or its developer: the project stands for the company
        companies = park_projects(([title.text] if title else []) + unique(
            [f.text for f in body[:LEAD_SENTENCES + 2]] + [f.text for f in chosen]))
    core = {f.index for f in chosen if not f.is_title}
    return companies, announced_cities(title.text if title else None, [f.text for f in body], core)


def analyze(*, title: str | None, text: str, language: str | None = None, url: str | None = None,
            published: datetime | None = None, lexicon: str | Path | None = None) -> Analysis:
    """Full analysis of one article: relevance, announcement decision, figures, names, evidence."""
    if not isinstance(text, str):
        raise InputError("text must be a string")
    lex = load_lexicon(lexicon)
    title = (title or "").strip() or None
    body_text = main_body(text[:MAX_CHARS])
    lang = detect_language(f"{title or ''}\n{body_text}", language)
    cities = find_cities(f"{title or ''}\n{body_text}")
    if not lex.might_mention(f"{title or ''}\n{body_text}"):
        return Analysis(language=lang, relevant=False, relevance=0.0, cities=cities,
                        reasons=["off-topic: no topic terms"])
    sentences = _dedupe(split_sentences(body_text), title)
    relevance = score_sentences(title, sentences, lex)
    if not relevance.relevant:
        return Analysis(language=lang, relevant=False, relevance=relevance.score,
                        relevance_evidence=relevance.evidence, cities=cities, reasons=relevance.reasons)
    title_facts = sentence_facts(-1, title, True, lex) if title else None
    body_facts = [sentence_facts(i, s, False, lex) for i, s in enumerate(sentences)]
    article_topic = bool(title_facts and title_facts.topic) or any(f.topic for f in body_facts[:LEAD_SENTENCES])
    decision = decide(title_facts, body_facts, article_topic)
    companies, cities = _names(title_facts, body_facts, decision.sentences + decision.supporting, lex, cities)
    return Analysis(
        language=lang,
        relevant=True,
        relevance=relevance.score,
        relevance_evidence=relevance.evidence,
        announcement=decision.announcement,
        kinds=decision.kinds,
        jobs=decision.jobs,
        investment=decision.investment,
        companies=companies,
        cities=cities,
        evidence=decision.evidence,
        jobs_evidence=decision.jobs_evidence,
        investment_evidence=decision.investment_evidence,
        reasons=unique(relevance.reasons + decision.reasons),
    )
