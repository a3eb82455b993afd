"""Deciding whether an article announces new jobs or investment, and picking its figures.

A sentence can carry an announcement when it commits to something (verb or MoU), carries a figure
that is not a headcount, rate or loss (or opens a site), names a company-like actor, and nothing in
it points to statistics, targets, studies, events, strikes, other sectors or another country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.companies import pattern_companies
from analysis.figures import is_phase_line, opens_first_phase
from analysis.model import Investment
from analysis.places import mentions_city
from analysis.resources import cue_reason
from analysis.sentences import SentenceFacts
from analysis.text import unique

# Negative cues in the title that make the whole article a non-announcement.
TITLE_BLOCKERS = ("strike", "loss", "salary", "forecast", "retrospective", "award", "merger")
# Always disqualifying, whoever the subject is.
HARD_BLOCKERS = ("loss", "strike", "salary", "retrospective", "conditional", "merger")
# Disqualifying unless a company is the one committing ("signed at the fair", "its own target").
SOFT_BLOCKERS = ("sector_stats", "target", "forecast", "event")
WEAK_JOB_FLAGS = frozenset({"initial", "seats"})
CLOSE_ENOUGH = 0.15  # a rounded title figure ("plus de 5.000") vs the exact body one (5.050)
LEAD_FOR_COUNT = 3  # sentences of the lead where "deux sociétés", "trois mémorandums" is looked for
ORDINAL_SPAN = 70  # "Selon des données fournies, le premier projet ..." opens within this many characters


@dataclass
class Decision:
    announcement: bool
    sentences: list[SentenceFacts] = field(default_factory=list)
    # Sentences with a usable figure but no commitment verb ("Le premier, porté par X (350 emplois)").
    supporting: list[SentenceFacts] = field(default_factory=list)
    jobs: int | None = None
    investment: Investment | None = None
    kinds: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    jobs_evidence: str | None = None  # the sentence the job figure was read from
    investment_evidence: str | None = None


# "« Nous allons créer 100.000 emplois », a déclaré la ministre": the state speaking, not a company.
_OFFICIAL_SPEAKER = re.compile(r"\b(?:ministre|secretaire d'etat|chef du gouvernement|wali|gouverneur|federation|"
                               r"association|minister|government|federation)\b|الوزير|الوزيره|الحكومه|الجامعه")


def _named(facts: SentenceFacts) -> bool:
    return facts.known_company or bool(pattern_companies(facts.text))


def _has_actor(facts: SentenceFacts) -> bool:
    if _named(facts) or facts.mou or facts.event_subject:
        return True
    return facts.pronoun_actor and not _OFFICIAL_SPEAKER.search(facts.folded)


# Facilities of other sectors; a domain word alone ("ingénierie automobile") is no other sector for an
# engineering-services company.
_FACILITY = re.compile(r"\b(?:usines?|factory|factories|car plant|constructeur|cimenterie|raffinerie|centrale|"
                       r"gigafactory|hotels?|mines?|ports?)\b|مصنع|معمل|مصانع|فندق")


# A site opening without figures must say what opens: "ouvre ses portes" alone may be a fair.
_SITE_NOUN = re.compile(r"\b(?:centres?|sites?|plateaux?|plateformes?|campus|hub|locaux|bureaux?|filiale|"
                        r"implantation|center|centre|facility|office|offices|laboratoire|lab|labs|studio|unite|unit|"
                        r"branche|branch|antenne|succursale|siege|headquarters|building|batiment|delivery center)\b"
                        r"|مركز|مقر|موقع|فرع|وحده|مبني|مكتب")


def _has_payload(facts: SentenceFacts, article_named: bool = False) -> bool:
    money = facts.good_money and (facts.invest_word or facts.commit)
    if facts.good_jobs or money:
        return True
    if facts.mou and facts.signed and (_named(facts) or article_named):
        return True  # "Un mémorandum a été signé avec la société X": a commitment without figures
    # "X s'étend à Tanger", "ouvre un nouveau centre": where or what opens must be said.
    return (facts.new_site or facts.expansion) and bool(_SITE_NOUN.search(facts.folded) or mentions_city(facts.folded))


def _blocker(facts: SentenceFacts, article_topic: bool, article_actor: bool) -> str | None:
    """Why this sentence cannot carry the announcement, or None."""
    if facts.abroad:
        return "outside Morocco"
    if facts.historical:
        return "past event"
    if facts.other_sector and not facts.topic and not (article_topic and (facts.known_company or (
            _has_actor(facts) and not _FACILITY.search(facts.folded)))):
        return "other sector: " + facts.other_sector[0]
    actor = _has_actor(facts)
    if facts.national_actor and not actor:
        return "national target or sector total"
    hard = [name for name in HARD_BLOCKERS if name in facts.negatives]
    if hard:
        return cue_reason(f"negative.{hard[0]}")
    soft = [name for name in SOFT_BLOCKERS if name in facts.negatives]
    if soft and not actor:
        return cue_reason(f"negative.{soft[0]}")
    # A named company opening a site or signing at a fair is a commitment; the fair itself is not.
    if "event" in soft and not (facts.good_jobs or facts.good_money or _named(facts) and (facts.new_site or facts.mou)):
        return cue_reason("negative.event")
    if not actor and not (article_actor and (facts.good_jobs or facts.good_money)):
        return "no company or operator committing"
    return None


def _title_blocker(title: SentenceFacts | None) -> str | None:
    if title is None:
        return None
    if title.abroad:
        return "title: outside Morocco"
    for name in TITLE_BLOCKERS:
        if name in title.negatives:
            return "title: " + title.negative_reasons()[list(title.negatives).index(name)]
    return None


def _pick(values: list[tuple[float, bool]]) -> float | None:
    """A figure from (value, in_title) candidates in reading order.

    A total that is the sum of other figures wins (several operators, one total); otherwise the
    first body figure, unless a close title figure singles out a later exact one.
    """
    if not values:
        return None
    body = [v for v, in_title in values if not in_title]
    distinct = unique(str(v) for v in body)
    numbers = [float(v) for v in distinct]
    for candidate in sorted(numbers, reverse=True):
        others = [n for n in numbers if n != candidate]
        if len(others) >= 2 and abs(sum(others) - candidate) < 0.5:
            return candidate
    return _pick_first_reconciled(values)


def _stated_total(chosen: list[SentenceFacts]) -> float | None:
    """"Au total, 380 emplois", "the two projects will create 1,100 jobs": the event's stated total wins
    over any one company's share said elsewhere."""
    totals = [float(j.value) for f in chosen if not f.is_title for j in f.good_jobs if "total" in j.flags]
    return max(totals) if totals else None


# A target that belongs to the country or the sector, not to the site just described.
_WIDER_SCOPE = re.compile(r"\b(?:maroc|morocco|royaume|kingdom|secteur|sector|national|nationale|filiere|region)\b"
                          r"|المغرب|المملكه|القطاع|الوطني|الجهه")


_GROWTH = re.compile(r"\b(?:grow|increase|expand|bring|raise|porter|portera|passer|passera|atteindre|reach|double)\b")


def _followed_by_target(value: float | None, chosen: list[SentenceFacts], body: list[SentenceFacts]) -> float | None:
    """"Le centre ouvrira avec 60 développeurs. L'objectif est d'atteindre 250 emplois d'ici 2027": the site's
    target, said in the next sentence, is its figure."""
    if value is None:
        return None
    for facts in chosen:
        if facts.is_title or not facts.good_jobs or facts.index + 1 >= len(body):
            continue
        following = body[facts.index + 1]
        targets = [j.value for j in following.good_jobs if "target" in j.flags and j.value > value]
        if any("initial" in j.flags for j in facts.jobs) and _GROWTH.search(following.folded):
            # "opened with an initial team of 80. It plans to grow the team to 500": the new site's own target
            targets += [j.value for j in following.jobs if "headcount" in j.flags and j.value > value]
        if targets and not (following.abroad or following.national_actor or _WIDER_SCOPE.search(following.folded)):
            return float(targets[0])
    return value


def _job_values(facts_list: list[SentenceFacts]) -> list[tuple[float, bool]]:
    """Job figures in reading order, the plain ones first.

    Within a sentence "300 now, 1.000 by 2027" keeps the target; opening headcounts ("démarre avec
    250") and seat counts ("600 positions") only count when nothing better is said.
    """
    plain: list[tuple[float, bool]] = []
    weak: list[tuple[float, bool]] = []
    targets: list[float] = []
    for facts in facts_list:
        jobs = facts.good_jobs
        if len(jobs) == 2 and (jobs[1].value > jobs[0].value or "new_subset" in jobs[1].flags):
            jobs = [jobs[1], jobs[0]]
        for job in jobs:
            bucket = weak if job.flags & WEAK_JOB_FLAGS else plain
            bucket.append((float(job.value), facts.is_title))
            if "target" in job.flags and not facts.is_title:
                targets.append(float(job.value))
    values = plain or weak
    # "ouvre un plateau de 250 postes ... prévoit d'atteindre 500 salariés": the target is the answer.
    body = [v for v, in_title in values if not in_title]
    if targets and body and max(targets) > body[0]:
        return [(max(targets), False)] + values
    return values


# "Deux sociétés se sont implantées", "trois mémorandums", "اتفاقيتين": one event, several commitments.
_SEVERAL = re.compile(r"\b(?:deux|trois|quatre|cinq|six|2|3|4|5|6|two|three|four|five|six)\s+(?:[a-z'-]+\s+)?"
                      r"(?:societes|entreprises|projets|memorandums|memoranda|conventions|accords|operateurs|"
                      r"companies|firms|projects|agreements|mous)\b"
                      r"|اتفاقيتين|مذكرتي|شركتين|مشروعين|(?:ثلاث|اربع|خمس)\S* (?:مذكرات|اتفاقيات|شركات|مشاريع)")
# "Le premier projet ... Le second projet ...": the commitments enumerated one per sentence.
_ORDINAL_PROJECT = re.compile(r"(?:^|, )\W*(?:le|la|the)?\s*(?:premier|premiere|second|seconde|deuxieme|troisieme|first|"
                              r"second|third)\s+(?:projet|societe|centre|site|project|company|centre|center)\b")


def _several_commitments(title: SentenceFacts | None, body: list[SentenceFacts]) -> bool:
    lead = ([title] if title else []) + body[:LEAD_FOR_COUNT]
    return any(_SEVERAL.search(f.folded) for f in lead)


def _is_sum_of_others(values: list[float]) -> bool:
    numbers = [float(v) for v in unique(str(v) for v in values)]
    return any(len(numbers) >= 3 and abs(sum(n for n in numbers if n != c) - c) < 0.5 for c in numbers)


def _summed(per_sentence: list[float]) -> float | None:
    """The sum of one figure per commitment, unless one of them is already the stated total."""
    distinct = unique(str(v) for v in per_sentence)
    values = [float(v) for v in distinct]
    if len(values) < 2:
        return None
    for candidate in values:
        others = [v for v in values if v != candidate]
        if abs(sum(others) - candidate) < 0.5 or candidate > 3 * sum(others):
            return None
    return sum(values)


@dataclass
class _Summed:
    jobs: float | None = None
    investment: Investment | None = None
    job_sources: list[SentenceFacts] = field(default_factory=list)
    money_sources: list[SentenceFacts] = field(default_factory=list)


def _sum_of_commitments(chosen: list[SentenceFacts], body: list[SentenceFacts]) -> _Summed:
    """Several commitments in one event with no stated total: one figure per commitment sentence, added up."""
    sentences = [f for f in body if f in chosen or _ORDINAL_PROJECT.search(f.folded[:ORDINAL_SPAN]) and f.good_jobs]
    # "Trois opérateurs se sont engagés à créer 3.000 emplois": the count and the figure together are the total.
    if any("total" in j.flags for f in sentences for j in f.good_jobs) or any(
            f.good_jobs and _SEVERAL.search(f.folded) for f in sentences):
        return _Summed()
    everything = [float(j.value) for f in sentences for j in f.good_jobs]
    if _is_sum_of_others(everything):
        return _Summed()  # "3.000 emplois: Webhelp (1.500), Cnexia (1.000) et Intelcia (500)"
    job_pairs = [(f, _pick(_job_values([f]))) for f in sentences]
    job_pairs = [(f, v) for f, v in job_pairs if v is not None]
    money_pairs = [(f, _pick_investment([f])) for f in sentences if not f.is_title]
    money = [(f, m) for f, m in money_pairs if m is not None]
    result = _Summed(jobs=_summed([v for _, v in job_pairs if v is not None]))
    if result.jobs is not None:
        result.job_sources = [f for f, _ in job_pairs]
    if len({m.currency for _, m in money}) == 1:
        amount = _summed([m.amount for _, m in money])
        if amount:
            result.investment = Investment(amount=amount, currency=money[0][1].currency)
            result.money_sources = [f for f, _ in money]
    return result


def _source(sentences: list[SentenceFacts], has_figure) -> str | None:  # type: ignore[no-untyped-def]
    """The first sentence carrying the figure, body before title."""
    ordered = [f for f in sentences if not f.is_title] + [f for f in sentences if f.is_title]
    return next((f.text for f in ordered if has_figure(f)), None)


def _figure_evidence(sentences: list[SentenceFacts], jobs: int | None, investment: Investment | None,
                     summed: _Summed) -> tuple[str | None, str | None]:
    """Where each figure was read: its sentence (the commitment sentences, joined, for a sum)."""
    jobs_text = money_text = None
    if jobs is not None:
        jobs_text = (" ".join(f.text for f in summed.job_sources) if summed.job_sources and summed.jobs == jobs
                     else _source(sentences, lambda f: any(j.value == jobs for j in f.good_jobs)))
    if investment is not None:
        money_text = (" ".join(f.text for f in summed.money_sources) if summed.investment == investment
                      else _source(sentences, lambda f: any(abs(m.amount - investment.amount) < 0.5
                                                            and m.currency == investment.currency
                                                            for m in f.good_money)))
    return jobs_text, money_text


def _first_phase_is_the_event(title: SentenceFacts | None, body: list[SentenceFacts]) -> bool:
    """The headline or lead opens a first phase ("inaugure la première tranche du parc", "لافتتاح الشطر الأول"):
    that phase is the commitment announced. Otherwise a phase is a share of a larger commitment."""
    lead = ([title] if title else []) + body[:LEAD_FOR_COUNT - 1]
    return any(opens_first_phase(f.folded) for f in lead)


def _first_phase_figures(chosen: list[SentenceFacts], jobs: float | None,
                         investment: Investment | None) -> tuple[float | None, Investment | None]:
    """A first tranche inaugurated: its own figures over the whole project's ("1 MMDH for the park,
    210 MDH for its first tranche"). Only called when that first tranche is the event announced."""
    phase_jobs = [j.value for f in chosen for j in f.good_jobs if "first_phase" in j.flags]
    phase_money = [m for f in chosen if f.invest_word or f.commit for m in f.good_money if "first_phase" in m.flags]
    if phase_jobs:
        jobs = float(phase_jobs[0])
    if phase_money:
        investment = Investment(amount=phase_money[0].amount, currency=phase_money[0].currency)  # type: ignore[arg-type]
    return jobs, investment


def _whole_over_phase(chosen: list[SentenceFacts], investment: Investment | None) -> Investment | None:
    """"une première tranche de 80 MDH, sur une enveloppe globale de 240 MDH": when the article announces the
    whole project, its amount beats the phase's."""
    money = [m for f in chosen if f.invest_word or f.commit for m in f.good_money]
    if investment is None or not any("first_phase" in m.flags and "whole" not in m.flags for m in money):
        return investment
    wholes = [m.amount for m in money if "whole" in m.flags and m.currency == investment.currency]
    return Investment(amount=max(wholes), currency=investment.currency) if wholes else investment


def _pick_investment(facts_list: list[SentenceFacts]) -> Investment | None:
    money = [(m, f.is_title) for f in facts_list for m in f.good_money if f.invest_word or f.commit]
    if not money:
        return None
    by_currency: dict[str, list[tuple[float, bool]]] = {}
    for mention, in_title in money:
        by_currency.setdefault(mention.currency, []).append((mention.amount, in_title))
    first_body = next((m for m, t in money if not t), money[0][0])
    amount = _pick_first_reconciled(by_currency[first_body.currency])
    return Investment(amount=amount, currency=first_body.currency)  # type: ignore[arg-type]


def _pick_first_reconciled(values: list[tuple[float, bool]]) -> float:
    """The first body figure, or the body figure a rounded title figure points at."""
    body = [v for v, t in values if not t]
    title = [v for v, t in values if t]
    if body and title:
        for value in body:
            if abs(value - title[0]) <= CLOSE_ENOUGH * title[0]:
                return value
    return body[0] if body else title[0]


def _kinds(chosen: list[SentenceFacts], lead: list[SentenceFacts], jobs: int | None,
           investment: Investment | None) -> list[str]:
    kinds = []
    titled = chosen + [f for f in lead if f.is_title]
    if any(f.new_site for f in titled):
        kinds.append("new_site")
    if any(f.expansion for f in titled):
        kinds.append("expansion")
    if jobs is not None:
        kinds.append("jobs")
    if investment is not None:
        kinds.append("investment")
    if any(f.mou for f in chosen + lead):
        kinds.append("mou")
    return kinds


def _evidence(chosen: list[SentenceFacts], jobs: int | None, investment: Investment | None) -> list[str]:
    picked = [chosen[0].text]
    for facts in chosen:
        if jobs is not None and any(j.value == jobs for j in facts.good_jobs):
            picked.append(facts.text)
            break
    for facts in chosen:
        if investment is not None and any(m.amount == investment.amount for m in facts.good_money):
            picked.append(facts.text)
            break
    return unique(picked)[:3]


def _article_actor(title: SentenceFacts | None, body: list[SentenceFacts]) -> bool:
    lead = ([title] if title else []) + body[:2]
    return any(_has_actor(f) and not f.national_actor for f in lead)


def decide(title: SentenceFacts | None, body: list[SentenceFacts], article_topic: bool) -> Decision:
    """The announcement decision for an article already judged relevant."""
    reasons: list[str] = []
    blocked = _title_blocker(title)
    if blocked:
        return Decision(False, reasons=[blocked])
    chosen: list[SentenceFacts] = []
    supporting: list[SentenceFacts] = []
    article_actor = _article_actor(title, body)
    candidates = ([title] if title else []) + body
    article_named = title is not None and _named(title) or any(_named(f) for f in body[:2])
    for facts in candidates:
        if not _has_payload(facts, article_named):
            continue
        if not (facts.commit or facts.invest_word and facts.good_money):
            if facts.good_jobs and not facts.is_title and _blocker(facts, article_topic, article_actor) is None:
                supporting.append(facts)
            continue
        why_not = _blocker(facts, article_topic, article_actor)
        if why_not:
            reasons.append(why_not)
            continue
        chosen.append(facts)
    if not chosen or all(f.is_title for f in chosen) and not body:
        return Decision(False, reasons=unique(reasons) or ["no commitment sentence"])
    # "Phase 3 (2028) : 1.200 emplois au total", a verbless line of the plan: the whole commitment's total.
    phase_lines = [f for f in supporting if is_phase_line(f.folded)]
    jobs_value = _stated_total(chosen + phase_lines) or _followed_by_target(_pick(_job_values(chosen)), chosen, body)
    if jobs_value is None:
        # "• Premier site pilote à Oujda, jusqu'à 800 nouveaux emplois": the site as subject, no verb of its own.
        jobs_value = _pick(_job_values([f for f in supporting if f.event_subject]))
    investment = _pick_investment(chosen)
    if _first_phase_is_the_event(title, body):
        jobs_value, investment = _first_phase_figures(chosen, jobs_value, investment)
    else:
        investment = _whole_over_phase(chosen, investment)
    summed = _sum_of_commitments(chosen, body) if _several_commitments(title, body) else _Summed()
    jobs_value = summed.jobs or jobs_value
    investment = summed.investment or investment
    jobs = int(jobs_value) if jobs_value is not None else None
    # "Webhelp : 1.000 emplois à Fès" over a body that only says the site opens: the title has the figure.
    if title is not None and title not in chosen and _blocker(title, article_topic, True) is None:
        if jobs is None and title.good_jobs:
            jobs = title.good_jobs[0].value
        if investment is None and title.good_money:
            money = title.good_money[0]
            investment = Investment(amount=money.amount, currency=money.currency)  # type: ignore[arg-type]
    lead = ([title] if title else []) + body[:2]
    kinds = _kinds(chosen, lead, jobs, investment)
    evidence = _evidence([f for f in chosen if not f.is_title] or chosen, jobs, investment)
    jobs_evidence, investment_evidence = _figure_evidence(chosen + ([title] if title else []), jobs, investment,
                                                          summed)
    return Decision(True, chosen, supporting, jobs, investment, kinds, evidence, unique(reasons),
                    jobs_evidence, investment_evidence)
