"""Job counts and money amounts found in a sentence, with what the words around them say."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from analysis.numbers import _DIGITS, Quantity, find_quantities, parse_digits
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
    return re.compile(rf"\+?[\s\-]*(?:{link}(?:{quals})\s*){{0,3}}{link}(?:{nouns})")


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
    return re.compile(r"(?<![a-z])(?P<unit>\$|€|us\$|usd|eur|mad|dh|dhs)\s*$")


@cache
def _after_pattern(table: str) -> re.Pattern[str] | None:
    terms = cue_list(table, "after")
    return re.compile(r"^\W*(?:[a-z]+\s+){0,2}(?:" + _alternation(terms) + ")") if terms else None


def _flags(before: str, after: str, table: str, flag: str) -> set[str]:
    found: set[str] = set()
    before_terms = cue_list(table, "before")
    if before_terms and ending_pattern(before_terms).search(before):
        found.add(flag)
    after_pattern = _after_pattern(table)
    if after and after_pattern is not None and after_pattern.match(after):
        found.add(flag)
    return found


# "portant ses effectifs à 1.200", "l'effectif devrait atteindre 600": the total after growth, not new jobs.
_TOTAL_HEADCOUNT = re.compile(r"(?:effectifs?|workforce|headcount|staff|team|equipes?)(?! initial)\b[^,;.]{0,40}"
                              r"(?:\b(?:a|to)|atteindre|atteindra|reach|depasser la barre de)\s*$"
                              r"|عدد (?:ال)?(?:عاملين|مستخدمين|موظفين|اجراء|متعاونين)"
                              r"[^.,]{0,40}ال[يى]\s*(?:نحو|حوالي)?\s*$")
# What the company already has: "déjà présent ... avec 200 ingénieurs", "currently employs", "يشغل حاليا".
_EXISTING = re.compile(r"\b(?:deja|already|currently|actuellement|present depuis|"
                       r"presente depuis|depuis (?:sa creation|son installation|\d+ ans))\b|حاليا|منذ")
# Group-wide or worldwide staff: "23,000 employees across its global network", "dans 25 pays".
_GROUP_SCOPE = re.compile(r"\b(?:dans le monde|effectifs? globa(?:l|ux)|global (?:headcount|workforce)|a travers le monde|worldwide|globally|global network|"
                          r"dans \d+ pays|in \d+ countries|across \d+ countries|au niveau mondial|a l'echelle mondiale)\b"
                          r"|حول العالم|عبر العالم|في \d+ (?:بلدا|دوله)")
# "a créé 80.000 emplois au cours des dernières années", "وفر خلال السنوات الماضية": past hires.
_PAST_SPAN = re.compile(r"\b(?:au cours des (?:dernieres|\d+ dernieres) annees|ces dernieres annees|in recent years|"
                        r"over the past|during the past|depuis sa creation|since its creation)\b"
                        r"|خلال السنوات|السنوات الماضيه|خلال الفتره|منذ تاسيسها")
# "selon une étude, le secteur emploie 27.000 personnes": statistics, whoever quotes them.
_STUDY_BEFORE = re.compile(r"\b(?:selon une etude|d'apres une etude|une etude|l'etude|enquete|according to (?:a|the) "
                           r"(?:study|survey|report)|statistiques|barometre)\b|دراسه|خلاصه البحث|احصائيات|تقرير")
# "brings the total ... since November 2021 to 15,800, for an overall investment of MAD1.01 billion": a
# programme's running total, not this commitment.
_CUMULATIVE = re.compile(r"(?:\bsince\b|\bdepuis\b|منذ)[^.;]{0,80}(?:\btotal\b|\boverall\b|\bcumul|\bensemble\b|اجمالي|مجموع)"
                         r"|(?:\btotal\b|\boverall\b|\bcumul|اجمالي|مجموع)[^.;]{0,80}(?:\bsince\b|\bdepuis\b|منذ)")
# "la première tranche ... 210 millions", "ستخلق في شطرها الأول 1500": the phase being inaugurated.
_FIRST_PHASE = re.compile(r"\b(?:premiere (?:tranche|phase)|first (?:part|phase|tranche|stage)|phase (?:1|one|i))\b"
                          r"|شطر\S* الاول|المرحله الاولي|الشطر الاول")
FIRST_PHASE_SPAN = 70
# "a inauguré la première tranche", "لافتتاح الشطر الأول", "the first phase ... was inaugurated": the event
# announced is the first phase itself, so its own figures are the commitment's.
_OPENED_FIRST_PHASE = re.compile(
    r"(?:inaugur\w*|ouvr\w*|ouverture|lanc\w*|launch\w*|open\w*|افتتا?ح|افتتح\S*|دشن\S*|تدشين)"
    # the agent or the date may come between, set off by commas ("دشن العامل، يوم الاثنين، الشطر الأول")
    r"(?:\W+(?:(?!with\b|avec\b|dans\b|in\b|مع\b)\S+\s+){0,3}?|[^.;]{0,45}?[,،]\s*(?:la |le |l'|the )?)(?:" + _FIRST_PHASE.pattern + r")"
    r"|(?:" + _FIRST_PHASE.pattern + r")[^.;]{0,60}(?:\binaugur\w*|\bwas opened\b|\ba ete ouverte?\b)")
# "Phase 3 (2028) : 1.200 emplois au total", "Deuxième phase : ...", "- 2028 : ...": a line of a phased programme.
_PHASE_LINE = re.compile(r"^\W*(?:(?:phase|etape|tranche|stage)\s*(?:\d|[ivx]+\b|one|two|three)|20\d\d\s*:|"
                         r"(?:premiere|deuxieme|seconde|troisieme|quatrieme|derniere|first|second|third|fourth|final)"
                         r"\s+(?:phase|etape|tranche|stage)\b|(?:المرحله|الشطر)\s+(?:الاولي|الثانيه|الثالثه|الاخيره))")
# "a first phase of 300 jobs out of the 1,100 planned", "من أصل 900 منصب مبرمج": the whole commitment's figure.
_WHOLE_BEFORE = re.compile(r"(?:\bout of(?: the)?|\bsur les|من اصل|من مجموع)\s*$")
_PLANNED_AFTER = re.compile(r"^[^.;,]{0,30}?(?:planned|expected|projected|envisaged|prevus|programmes|envisages|"
                            r"المبرمجه|المرتقبه|المتوقعه|المزمع)")
_TOTAL_AFTER = re.compile(r"^\W*(?:[a-z]+\s+){0,2}(?:au total|in total|en tout|في المجموع)")


def opens_first_phase(folded: str) -> bool:
    """The sentence announces the opening of a project's first phase (not a phase among the plan's)."""
    return bool(_OPENED_FIRST_PHASE.search(folded))


def is_phase_line(folded: str) -> bool:
    return bool(_PHASE_LINE.match(folded))
# "le programme Jobs Booster, qui table sur 25.000 emplois", "البرنامج الوطني الذي يهدف إلى إحداث 20 ألف": the
# target of a programme the company joins, not its commitment.
_PROGRAMME_TARGET = re.compile(
    r"(?:\bprogrammes?\b|\bplan\b|\bstrategie\b|feuille de route|\binitiative\b|\bprogram(?:me)?\b|\bstrategy\b|"
    r"\broadmap\b|برنامج|البرنامج|المخطط|الاستراتيجيه|استراتيجيه)[^;.]{0,60}"
    r"(?:\bvise\b|\bvisant\b|table sur|ambitionne|\baims?\b|\btargets?\b|\bseeks\b|يهدف|تهدف|يطمح|يروم)[^,;.]{0,45}$")
# Only a national programme: "Ce programme (the company's own) vise la création de 5.000 emplois" is the figure.
_NATIONAL_PROGRAMME = re.compile(r"\b(?:national|nationale|gouvernement|gouvernemental|de l'etat|booster|emergence|"
                                 r"government|governmental|state)\b|الوطني|الحكومي|الحكومه")
# "avec la possibilité d'atteindre 1.000", "مع إمكانية الوصول إلى": a possibility, not a commitment.
_POSSIBILITY = re.compile(r"\b(?:possibilite|possibility|eventuellement|possibly)\b|امكانيه|احتمال")
# "Au total, ils assureront plus de 3.000 emplois": an event total over several companies.
_TOTAL_BEFORE = re.compile(r"(?:\bau total\b|\bin total\b|\ban overall\b|\bau global\b|\bun total de\b|"
                           r"\ba total of\b|\bensemble\b|\bcumulee?s?\b|\btotalis\w*|\btotall?ing\b|\bcombined\b|"
                           r"\btogether\b|\bin all\b|\ba eux (?:deux|trois|quatre|cinq)\b|في المجموع|ما مجموعه|اجمالي|"
                           # "Ces accords prévoient 1.800 emplois", "the two projects will create": the event's own figure.
                           r"\b(?:ces|les|the|these)\s+(?:(?:deux|trois|quatre|cinq|six|two|three|four|five|six|\d)\s+)?"
                           r"(?:(?:nouveaux|nouvelles|new)\s+)?(?:accords|conventions|memorandums|memoranda|projets|"
                           r"investissements|implantations|agreements|projects|deals|investments|mous)\b|"
                           r"هذه (?:الاتفاقيات|المشاريع|المذكرات)|(?:الاتفاقيات|المشاريع|المذكرات) (?:الثلاث|الاربع|الخمس)"
                           # ... but "les mémorandums ont été signés avec X (1.500)" gives X's share.
                           r")(?![^.;]*(?:\bavec\b|\bwith\b|\bmaa\b|مع))[^.;()]{0,60}$")
_INITIAL = re.compile(r"(?:demarre|demarrera|demarrant|ouvre|ouvrira|debute|debutera|commence|commencera)\s+avec"
                      r"|dans un premier temps|dans une premiere (?:phase|etape|tranche)|initialement|a son ouverture"
                      r"|au demarrage|initially|at launch|in (?:a|its) first phase|في مرحله اولي|في البدايه|مرحلت(?:ه|ها) الاولي"
                      r"|initial (?:team|staff|workforce|headcount)|equipe initiale|premiere equipe|first (?:team|cohort)")
_TARGET_BEFORE = re.compile(r"(?:d'atteindre|atteindre|atteindra|en compter|compter|to reach|reach|يصل العدد ال[يى]|ليصل ال[يى])"
                            r"\W*(?:[a-z]+\s+){0,2}$")
_SEAT_NOUN = re.compile(r"\b(?:positions?|places?|sieges?|seats?|workstations?)\b")


def _job_flags(folded: str, q: Quantity, tail_end: int) -> frozenset[str]:
    raw_before = folded[max(0, q.start - _BEFORE_WINDOW):q.start]
    before = raw_before
    # Only look at the words right before the number, up to a clause break.
    before = re.split(r"[,;:()]|\bet\b|\bqui\b", before)[-1]
    before = re.sub(r"(?:(?:plus|pres|pas moins|moins|environ|quelque|au moins|jusqu'a|d'|de|des|un total de|"
                    r"اكثر من|ازيد من|حوالي|نحو|ما يقارب|more than|over|about|some|up to)\s*)+$", "", before)
    after = folded[tail_end:tail_end + _AFTER_WINDOW]
    flags = set()
    if _PHASE_LINE.match(folded) and _TOTAL_AFTER.match(after) and not _flags(before, "", "mention_headcount", "h"):
        flags.add("total")  # "Phase 3 (2028) : 1.200 emplois au total": the plan's total, not today's staff
    else:
        flags |= _flags(before, after, "mention_headcount", "headcount")
    flags |= _flags(before, after, "mention_rate", "rate")
    flags |= _flags(before, after, "mention_training", "training")
    flags |= _flags(before, after, "mention_loss", "loss")
    flags |= _flags(raw_before, "", "mention_loss", "loss")
    if _TOTAL_HEADCOUNT.search(raw_before):
        flags.add("headcount")
    clause = re.split(r"[,;:()]|\bet\b|\bwhile\b|\bmais\b|\bbut\b|\bqui\b|\bwhich\b|\bو(?=[\u0600-\u06ff])", raw_before)[-1]
    if _EXISTING.search(clause) and not re.search(r"prevoit|plans?|will|va |vont |devrait|سي|ست", clause):
        flags.add("headcount")
    if _GROUP_SCOPE.search(folded):
        flags.add("group")
    if _TOTAL_BEFORE.search(raw_before) or _whole_of_plan(folded, q.start, q.end):
        flags.add("total")
    if _PAST_SPAN.search(_RELATIVE_ASIDE.sub(",", folded[max(0, q.start - 100):q.start]) + folded[q.start:tail_end + 60]):
        flags.add("past")  # ", qui a doublé ses effectifs ces dernières années, va créer 500": the aside is background
    if _STUDY_BEFORE.search(folded[:q.start]):
        flags.add("stats")
    if _POSSIBILITY.search(raw_before[-40:]):
        flags.add("possible")
    programme = _PROGRAMME_TARGET.search(folded[max(0, q.start - 110):q.start])
    if programme and _NATIONAL_PROGRAMME.search(folded[max(0, q.start - 140):q.start]):
        flags.add("programme")
    if _FIRST_PHASE.search(folded[max(0, q.start - FIRST_PHASE_SPAN):q.start]):
        flags.add("first_phase")
    if _CUMULATIVE.search(folded):
        flags.add("cumulative")
    near = folded[max(0, q.start - 60):min(len(folded), tail_end + 40)]
    if _INITIAL.search(near):
        flags.add("initial")
    if _SEAT_NOUN.search(folded[q.end:tail_end]):
        flags.add("seats")
    if re.match(r"[^.;]{0,12}?\bindirect", folded[q.end:tail_end + 15]) or "indirect" in folded[q.end:tail_end]:
        flags.add("indirect")
    if _TARGET_BEFORE.search(raw_before) and "headcount" not in flags:
        flags.add("target")
    if re.search(r"\bdont\W*(?:[a-z]+\s+){0,2}$", raw_before) and re.search(
            r"nouveaux|nouvelles|nouveau|supplementaires|additionnels|new|crees|جديد", folded[q.end:tail_end + 20]):
        flags.add("new_subset")
    if q.approximate_word:
        flags.add("approx")
    return frozenset(flags)


def _whole_of_plan(folded: str, start: int, end: int) -> bool:
    return bool(_WHOLE_BEFORE.search(folded[max(0, start - 12):start]) and _PLANNED_AFTER.match(folded[end:]))


_RELATIVE_ASIDE = re.compile(r",\s*(?:qui|which|who|الذي|التي)\s(?:[^,;.()]|(?<=\d)[.,](?=\d{3})){3,120},")


_TEMPORAL = re.compile(r"(?:\ben|d'ici|horizon|depuis|fin|annee|\bin|\bby|since|until|year|سنه|افق|عام)\W*$")


def _looks_like_year(folded: str, q: Quantity) -> bool:
    """"à l'horizon 2030 emplois ..." is a year; "accueillir 2000 collaborateurs" is not."""
    if int(q.value) not in _YEARS or not re.fullmatch(r"\d{4}", q.text):
        return False
    return bool(_TEMPORAL.search(folded[max(0, q.start - 20):q.start]))


@cache
def _hiring_lead_in() -> re.Pattern[str]:
    verbs = _alternation(cue_list("jobs_nouns", "lead_ins"))
    approx = r"(?:(?:plus de|pres de|environ|quelque|pas moins de|up to|about|some|around|more than|over|حوالي|نحو)\s+)?"
    return re.compile(rf"(?:{verbs})\s+{approx}$")


# After a hired count: a unit, a share or a sum is no head count.
_NOT_A_HEADCOUNT = re.compile(r"\s*(?:%|pour ?cent|percent|per cent|m2|m²|km|ans?\b|years?\b|mois|months?|"
                              r"jours|days|heures|hours|dh\b|dirhams|euros?|dollars?|mdh|millions?|milliards?|"
                              r"billions?|درهم|مليون|مليار|سنه|سنوات|شهر|اشهر|بالمائه|في المائه)")


# "nous avons réussi à embaucher 500", "has already hired": past hires, not the commitment.
_PAST_HIRING = re.compile(r"\b(?:avons|ont|avait|avaient|has|have|had|already|deja|managed to)\b|reussi a|"
                          r"\ba (?:recrute|embauche)\b|قامت ب|تم ")


def _hired_count(folded: str, q: Quantity) -> int | None:
    """End of "recrute 150 comptables", "hire 300 German-speaking agents": a count after a hiring verb."""
    if q.value < 5 or q.value >= 1e6 or q.value != int(q.value) or _looks_like_year(folded, q):
        return None
    before = folded[max(0, q.start - 40):q.start]
    if not _hiring_lead_in().search(before) or _PAST_HIRING.search(before):
        return None
    if _NOT_A_HEADCOUNT.match(folded, q.end):
        return None
    words = re.match(r"(?:\s+[^\s,.;:()]+){0,3}", folded[q.end:])
    return q.end + (words.end() if words else 0)


# "grow the team to 500", "porter l'effectif à 1.200": a headcount said without a noun after it.
_TEAM_TO = re.compile(r"\b(?:team|workforce|headcount|staff|effectifs?|equipes?)\s+(?:[a-z'-]+\s+){0,3}?(?:to|a)\s+"
                      r"(?:about\s+|around\s+|some\s+|environ\s+|pres de\s+)?$"
                      r"|عدد (?:ال)?(?:مستخدمين|عاملين|موظفين|مستشارين|اجراء)\s+(?:\S+\s+){0,2}?ال[يى]\s+(?:نحو\s+|حوالي\s+)?$")


def find_jobs(folded: str, quantities: list[Quantity] | None = None) -> list[JobMention]:
    """Counts of jobs in a folded sentence: a number followed by a job noun, or hired by a verb."""
    mentions: list[JobMention] = []
    quantities = find_quantities(folded) if quantities is None else quantities
    for q in quantities:
        tail = _job_tail().match(folded, q.end)
        end = tail.end() if tail else _hired_count(folded, q)
        if end is None and q.value == int(q.value) and _TEAM_TO.search(folded[max(0, q.start - 50):q.start]) \
                and not _NOT_A_HEADCOUNT.match(folded, q.end):
            end = q.end
        if end is None or q.value < 1 or q.value != int(q.value):
            continue
        if _looks_like_year(folded, q):
            continue
        mentions.append(JobMention(int(q.value), q.start, end, _job_flags(folded, q, end)))
    if mentions:
        mentions.extend(_elliptical_jobs(folded, mentions[-1], quantities))
    return _promote_targets(mentions)


def _promote_targets(mentions: list[JobMention]) -> list[JobMention]:
    """"démarre avec 120 téléconseillers, un effectif qui devrait passer à 300": on a new site the
    later, larger headcount is the target, not a past total."""
    if not any("initial" in m.flags for m in mentions):
        return mentions
    first = mentions[0].value
    return [JobMention(m.value, m.start, m.end, (m.flags - {"headcount"}) | {"target"})
            if "headcount" in m.flags and m.value > first else m for m in mentions]


_ELLIPSIS_LINK = re.compile(r"(?:\bet\b|\bpuis\b|\bout of\b|\bsur les\b|من اصل|atteindre|en compter|a terme|\bvoire\b|\bthen\b|\band\b|"
                            r"passer a|passera a|porter a|portera a|portant a|to reach|"
                            r"(?:rising|rise|growing|grow|increasing|increase|climbing) to|"
                            r"يصل العدد ال[يى]|ليصل ال[يى]|ثم)\W*(?:[a-z'’]+\s+){0,3}$")
_TOTAL_LINK = re.compile(r"(?:passer|passera|porter|portera|portant)\s+a\W*(?:[a-z'’]+\s+){0,3}$")


def _elliptical_jobs(folded: str, last: JobMention, quantities: list[Quantity]) -> list[JobMention]:
    """"300 consultants d'ici la fin de l'année et 1.000 à l'horizon 2027": the 1.000 is jobs too, and so is
    a third figure chained the same way ("650 ..., 1.500 d'ici 2024 et 4.000 à terme")."""
    found: list[JobMention] = []
    for q in quantities:
        if q.start <= last.end or q.value != int(q.value) or q.value >= 1e6:
            continue
        if q.start - last.end > 80:
            break
        if _looks_like_year(folded, q) or int(q.value) in _YEARS and re.fullmatch(r"\d{4}", q.text):
            continue
        after = folded[q.end:q.end + 12]
        if re.match(r"\s*(?:de\s+|d')?(?:%|pour ?cent|m2|km|ans?\b|mois|jours|heures|dh|dirhams|euros|dollars|mdh|"
                    r"mmdh|millions|milliards|درهم|مليون|مليار)", after):
            continue
        link = folded[last.end:q.start]
        if re.match(r"\s*(?:emplois?\s+|postes?\s+)?indirect", after) or not _ELLIPSIS_LINK.search(link):
            break
        # "..., portant l'effectif à 3.500": a total, unless the site is only starting (see below).
        flags = frozenset({"headcount"}) if _TOTAL_LINK.search(link) else frozenset()
        if _whole_of_plan(folded, q.start, q.end):
            flags = frozenset({"total"})
        last = JobMention(int(q.value), q.start, q.end, flags)
        found.append(last)
        if len(found) == 2:
            break
    return found


_TURNOVER = re.compile(r"\b(?:chiffres? d'affaires?|ca|exports?|exportations?|recettes|revenus|benefices?|resultats?|"
                       r"turnover|revenues?|valeur ajoutee|balance commerciale|volume d'affaires|capitalisation|"
                       r"levee de fonds|a leve|capital social)\b|رقم (?:ال)?معاملات")
_SALARY = re.compile(r"\b(?:salaires?|remunerations?|par mois|mensuels?|smig|smic|primes?|salary|wages?)\b|اجر|راتب")
_AID = re.compile(r"\b(?:aides? directes?|subventions?|prime a l'investissement|dotation de l'etat|fonds hassan|"
                  r"aide de l'etat|incitations?|grants?|prime)\b|منحه|دعم مالي")
# "6.000 DH par emploi créé", "مليوني درهم لكل مشروع": a rate, not the amount invested.
_PER_UNIT = re.compile(r"^\s*(?:\w+\s+){0,2}(?:par|per|pour chaque|for each|لكل|عن كل)\b")
# "350 millions de dirhams (33 millions de dollars)": the bracketed figure is a conversion.
_CONVERSION_BEFORE = re.compile(r"\(\s*(?:soit|environ|about|approx\.?|around|ما يعادل|اي)?\s*[^()]{0,6}$")
# "entre 10 et 15 millions d'euros": the lower bound, as for "plus de 10 millions".
_RANGE_BEFORE = re.compile(r"(?:\bentre|\bbetween|\bde|\bfrom|ما بين|بين)\s+(?P<low>\d+(?:[.,]\d+)?)\s*"
                           r"(?:et|and|a|to|-|و)\s*$")


_TURNOVER_AFTER = re.compile(r"^\s*(?:de |d'|of |in |as |ك|كـ)?\s*(?:chiffre d'affaires|revenues?|turnover|رقم معاملات)")
_TRAINING_AFTER = re.compile(r"^\s*(?:\w+\s+){0,3}(?:pour la formation|for training|dans la formation|"
                             r"فيما يخص التكوين|في التكوين|للتكوين)")
# "X, qui a investi 50 millions de dirhams dans un centre...": background on money already spent (an
# apposition), not the commitment announced; "L'entreprise a investi 80 MDH dans ce projet" is the project's.
_PAST_INVEST = re.compile(r"\b(?:qui|which|that)\s+(?:a|ont|avait|avaient|has|have|had)\s+(?:deja\s+|already\s+)?"
                          r"(?:investi|injecte|invested|spent)\s+(?:\w+\s+){0,2}$|التي استثمرت\s+$")


def _money_flags(folded: str, start: int, end: int) -> frozenset[str]:
    before = folded[max(0, start - 60):start]
    after = folded[end:end + 25]
    flags = set()
    if _TURNOVER.search(before) or _TURNOVER_AFTER.match(after):
        flags.add("turnover")
    if _TRAINING_AFTER.match(folded[end:end + 60]):
        flags.add("training")
    if _PAST_INVEST.search(before):
        flags.add("past")
    if _CUMULATIVE.search(folded):
        flags.add("cumulative")
    if _SALARY.search(before) or _SALARY.search(after):
        flags.add("salary")
    if _AID.search(before):
        flags.add("aid")
    if _PER_UNIT.match(after):
        flags.add("per_unit")
    if _CONVERSION_BEFORE.search(folded[max(0, start - 20):start]):
        flags.add("conversion")
    if _FIRST_PHASE.search(folded[max(0, start - FIRST_PHASE_SPAN):start]):
        flags.add("first_phase")
    if _WHOLE_AMOUNT_BEFORE.search(folded[max(0, start - 40):start]):
        flags.add("whole")
    return frozenset(flags)


# "sur une enveloppe globale de 240 MDH", "out of a total investment of $12 million", "باستثمار إجمالي": the
# whole project's amount, beside a phase's share.
_WHOLE_AMOUNT_BEFORE = re.compile(r"(?:\b(?:enveloppe|investissement|montant|cout|budget) (?:global|globale|total)|"
                                  r"\b(?:au total|un total de|a total of|total investment|overall investment|"
                                  r"total (?:cost|budget|amount)|in total)|اجمالي|ما مجموعه)[^.;]{0,25}$")


def _range_low(folded: str, start: int, amount: float, value: float) -> float:
    """The lower bound when the amount ends a range whose first number has no scale of its own."""
    match = _RANGE_BEFORE.search(folded[max(0, start - 30):start])
    if not match or value <= 0:
        return amount
    low = float(match.group("low").replace(",", "."))
    return amount * low / value if low < value else amount


def find_money(folded: str, quantities: list[Quantity] | None = None) -> list[MoneyMention]:
    """Amounts of money in a folded sentence, normalised to units of a currency."""
    words, compound = _currency_tables()
    mentions: list[MoneyMention] = []
    for q in find_quantities(folded) if quantities is None else quantities:
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
            if head and not tail and amount < 1000:
                continue  # "dh 5" is no amount worth reporting; "DH 50 millions" is
        if currency not in {"MAD", "EUR", "USD"} or amount <= 0:
            continue
        digits = re.match(_DIGITS, q.text)
        amount = _range_low(folded, q.start, amount, parse_digits(digits.group(0)) if digits else 0.0)
        mentions.append(MoneyMention(amount, currency, q.start, end, _money_flags(folded, q.start, end)))
    return mentions
