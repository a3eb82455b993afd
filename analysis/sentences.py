"""Per-sentence facts: topic terms, commitment cues, figures, and what argues against them."""

from __future__ import annotations

import re
from functools import cached_property

from analysis.figures import JobMention, MoneyMention, find_jobs, find_money
from analysis.numbers import find_quantities
from analysis.places import city_pattern, mentions_city
from analysis.resources import Lexicon, cue, cue_reason
from analysis.text import fold

NEGATIVE_TABLES = ("sector_stats", "target", "forecast", "salary", "event", "strike", "loss", "retrospective",
                   "conditional", "award", "merger")
BAD_JOB_FLAGS = frozenset({"headcount", "rate", "loss", "training", "indirect", "group", "past", "stats", "cumulative",
                           "possible", "programme"})
SUBJECT_SPAN = 45
MARKET_SPAN = 60  # characters before a country in which "clients", "لفائدة ..." mark the market served
BAD_MONEY_FLAGS = frozenset({"turnover", "salary", "aid", "per_unit", "conversion", "training", "past", "cumulative"})


class SentenceFacts:
    """What one sentence says. Cheap facts are computed up front; the rest on first use, since
    most sentences of an article are never candidates for the announcement."""

    def __init__(self, index: int, text: str, is_title: bool, lexicon: Lexicon) -> None:
        self.index = index
        self.text = text
        self.folded = fold(text)
        self.is_title = is_title
        self._lexicon = lexicon
        quantities = find_quantities(self.folded)
        self.jobs: list[JobMention] = find_jobs(self.folded, quantities) if quantities else []
        self.money: list[MoneyMention] = find_money(self.folded, quantities) if quantities else []
        self.commit = bool(cue("commit").search(self.folded)) and not _NEGATED.search(self.folded)
        self.invest_word = bool(self.money) and bool(cue("invest").search(self.folded))

    def _has(self, name: str) -> bool:
        return bool(cue(name).search(self.folded))

    @cached_property
    def strong_topic(self) -> bool:
        return bool(self._lexicon.strong.search(self.folded))

    @cached_property
    def topic(self) -> bool:
        return self.strong_topic or bool(self._lexicon.medium.search(self.folded))

    @cached_property
    def mou(self) -> bool:
        return self._has("mou")

    @cached_property
    def new_site(self) -> bool:
        return self._has("new_site")

    @cached_property
    def expansion(self) -> bool:
        return self._has("expansion")

    @cached_property
    def national_actor(self) -> bool:
        # Only as the subject: "le secteur" later in the sentence is just context, and "بالمغرب"/"في المغرب"
        # ("in Morocco") is a place, not the subject.
        head = self.folded[:SUBJECT_SPAN]
        return any(not _ARABIC_PLACE.search(head[:m.start() + 2]) and not _ARABIC_ADJECTIVE.search(m.group(0))
                   for m in cue("national_actor").finditer(head))

    @cached_property
    def event_subject(self) -> bool:
        if cue("event_subject").search(self.folded[:SUBJECT_SPAN]) or _PLURAL_EVENT.search(self.folded[:SUBJECT_SPAN]):
            return True
        if cue("project_subject").match(re.sub(r"^[\W\d_]*(?:(?:le|la|the|l')\s*)?", "", self.folded)):
            return True
        # "Le Roi a inauguré la première tranche de Tetouan Shore": the park opened is the named project.
        return self.new_site and bool(cue("project_subject").search(self.folded))

    @cached_property
    def signed(self) -> bool:
        return self._has("signing")

    @cached_property
    def pronoun_actor(self) -> bool:
        return _starts_with_pronoun(self.folded)

    @cached_property
    def known_company(self) -> bool:
        return bool(self._lexicon.company_any.search(self.folded))

    @cached_property
    def historical(self) -> bool:
        if self._has("historical"):
            return True
        return bool(cue("recent_past").search(self.main_clause)) and not _LOOKS_AHEAD.search(self.main_clause)

    @cached_property
    def morocco(self) -> bool:
        return self._has("morocco") or mentions_city(self.folded)

    @cached_property
    def main_clause(self) -> str:
        """The sentence without its background appositions ("X, qui réalise 60 M EUR en France, a investi")."""
        return _APPOSITION.sub(",", self.folded)

    @cached_property
    def abroad(self) -> bool:
        # Abroad when the action happens in another country and nowhere in Morocco is its location.
        clause = self.main_clause
        if not any(not _MARKET_BEFORE.search(clause[max(0, m.start() - MARKET_SPAN):m.start()])
                   for m in cue("negative.abroad").finditer(clause)):
            return False  # no other country, or only the markets served ("زبنائها في فرنسا")
        return located_abroad(self.main_clause) or not self.morocco

    @cached_property
    def other_sector(self) -> list[str]:
        return [m.group(0) for m in self._lexicon.other_sector.finditer(self.folded)]

    @cached_property
    def negatives(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for name in NEGATIVE_TABLES:
            hits = [m.group(0) for m in cue(f"negative.{name}").finditer(self.main_clause)]
            if hits:
                found[name] = hits
        past = _PAST_WITH_YEAR.search(self.folded)
        if past and past.group(0).startswith(("hired", "created", "recruited")) and \
                _FUTURE_PASSIVE.search(self.folded[:past.start()]):
            past = None  # "Phase 1 will see 300 agents hired in 2026": a plan, not a past hire
        if past:
            found.setdefault("retrospective", []).append(past.group(0))
        return found

    @property
    def good_jobs(self) -> list[JobMention]:
        return [j for j in self.jobs if not j.flags & BAD_JOB_FLAGS]

    @property
    def good_money(self) -> list[MoneyMention]:
        return [m for m in self.money if not m.flags & BAD_MONEY_FLAGS]

    def negative_reasons(self) -> list[str]:
        return [cue_reason(f"negative.{name}") for name in self.negatives]


_LOOKS_AHEAD = re.compile(r"\b(?:will|va|vont|prevoit|prevoient|plans?|compte|devrait|devraient|entend|"
                         r"d'ici|by 20\d\d|annonce|announces|sera|seront|\w+(?:era|ira|dra|eront|iront|dront))\b"
                         r"|\bسي|\bست|سوف|يعتزم|تعتزم")
# "The company did not announce new sites", "n'a pas annoncé de recrutements": a commitment denied.
_NEGATED = re.compile(r"\b(?:did not|does not|has not|have not|will not|didn't|doesn't|hasn't|won't|n'a pas|n'ont pas|"
                      r"ne prevoit pas|ne compte pas|n'envisage pas|ne va pas)\s+(?:yet\s+|encore\s+)?(?:\w+\s+){0,1}"
                      r"(?:announce|announced|plan|plans|open|opened|create|hire|annonce|prevu|ouvrir|creer|recruter|"
                      r"investir|invest)\b|لم (?:تعلن|يعلن|تكشف|يكشف) عن (?:اي|خطط)")
# A relative clause between commas is background about the subject, not what the sentence announces.
_APPOSITION = re.compile(r",\s*(?:qui|which|who|dont|whose|الذي|التي|الذين)\s(?:[^,;.()]|(?<=\d)[.,](?=\d{3})){3,140},")
# "a recruté 4.000 personnes en 2021": a past figure, whoever reports it; "X, qui a réalisé 300 MDH de
# chiffre d'affaires en 2023, va créer 600 emplois" is background in a relative clause.
_PAST_WITH_YEAR = re.compile(
    r"\b(?<!qui )(?<!which )(?:a|ont|avait|avaient)\s+(?:deja\s+)?(?:recrute|cree|embauche|realise|genere|investi|employe)\b[^.;]{0,80}"
    r"\ben\s+(?:19|20)\d\d\b|\ben\s+(?:19|20)\d\d\s*,[^.;]{0,60}\b(?:a|ont)\s+(?:recrute|cree|embauche)\b"
    r"|\b(?:hired|created|recruited)\b[^.;]{0,80}\bin\s+(?:19|20)\d\d\b")

_FUTURE_PASSIVE = re.compile(r"\b(?:will|would|shall|to be|plans? to|expects? to|set to)\b[^.;,]{0,40}$")

# "شركة ... المغربية" (Moroccan, the adjective) is no "المغرب" (Morocco) as the subject.
_ARABIC_ADJECTIVE = re.compile(r"[\u0600-\u06ff]{3}(?:ي|يه|يين|يون)$")
# "Ces trois projets représentent", "the two agreements will": the event, counted, as the subject.
_PLURAL_EVENT = re.compile(r"(?:^|\W)(?:ces|les|the|these)\s+(?:deux|trois|quatre|cinq|six|two|three|four|five|six|\d)\s+"
                           r"(?:(?:nouveaux|nouvelles|new)\s+)?(?:projets|accords|conventions|memorandums|memoranda|"
                           r"investissements|implantations|sites|centres|projects|agreements|deals|investments|mous|"
                           r"centres|centers)\b")
_ARABIC_PLACE = re.compile(r"(?:\bفي\s+|(?<![\u0600-\u06ff])ب)..$")

_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:a|au|aux|en|in|vers|dans|at|to|sur)\s+(?:l'|la\s+|le\s+|les\s+|the\s+)?"
                              r"|\bفي\s+|\bب)$")
_ARABIC_LOCATIVE_PREFIX = ("ب", "في", "وب")


# "dans la capitale sénégalaise, Dakar", "in the Egyptian capital Cairo", "بالعاصمة السنغالية داكار".
_CAPITAL_BEFORE = re.compile(r"(?:\b(?:a|dans|in|at)\s+(?:la|the)\s+(?:capitale|capital|ville|city)(?:\s+[a-z]+)?,?\s*"
                             r"|\b(?:in|at)\s+the\s+[a-z]+\s+(?:capital|city)\s*,?\s*"
                             r"|(?:في|ب)(?:ال)?(?:عاصمه|مدينه)(?:\s+\S+)?\s+)$")


_MARKET_BEFORE = re.compile(r"\b(?:clients?|clienteles?|customers?|donneurs d'ordres?)\b"
                            r"(?:\s+[a-z'-]+){0,3}\s+(?:en|au|aux|in|d'|de|du|des|from)\s*(?:l'|la\s+|le\s+|les\s+|the\s+)?$"
                            r"|(?:زبنا|زبائن|عملاء)\S*\s+(?:في|ب|من)?\s*$"
                            # "لفائدة شركات الطاقة بإسبانيا", "pour le compte d'assureurs en France": who is served
                            r"|لفا[يئ]ده(?:\s+\S+){0,4}\s+(?:في|من)?\s*$|\bpour le compte d(?:e|es|')\s*(?:[a-z'-]+\s+){0,3}(?:en|au|aux)\s+$")


def _located(pattern: re.Pattern[str], folded: str) -> bool:
    """A place of the pattern used as the location of the action ("à Dakar", "in Cairo", "بداكار")."""
    for match in pattern.finditer(folded):
        if _MARKET_BEFORE.search(folded[max(0, match.start() - MARKET_SPAN):match.start()]):
            continue  # "pour des clients en France": the market served, not where the action is
        before = folded[max(0, match.start() - 14):match.start()]
        if _LOCATIVE_BEFORE.search(before) or match.group(0).startswith(_ARABIC_LOCATIVE_PREFIX):
            return True
        if _CAPITAL_BEFORE.search(folded[max(0, match.start() - 45):match.start()]):
            return True
    return False


def located_in_morocco(folded: str) -> bool:
    """A Moroccan place used as the location of something ("à Rabat", "au Maroc", "بطنجة"), not a comparison."""
    return _located(cue("morocco"), folded) or _located(city_pattern(), folded)


def located_abroad(folded: str) -> bool:
    """The action happens in another country and nowhere in Morocco is its location."""
    if not _located(cue("negative.abroad"), folded):
        return False
    return not (_located(cue("morocco"), folded) or _located(city_pattern(), folded))


# "French tech group will invest", "Le groupe français ... ouvre", "L'opérateur espagnol": a company subject.
_COMPANY_NOUN_SUBJECT = re.compile(
    r"(?:the |le |la |l'|un |une |a |an )?(?:[a-z'-]+ ){0,3}?(?:group|groupe|company|firm|societe|firme|operator|"
    r"operateur|multinationale|multinational|entreprise|geant|giant|provider|prestataire|outsourceur)\b")


FRONTED_SPAN = 40  # "Entre autres opérateurs, l'Espagnol X a annoncé": a short fronted phrase before the subject


def _starts_with_pronoun(folded: str) -> bool:
    stripped = folded.lstrip(" \"'«-")
    comma = stripped.find(", ", 0, FRONTED_SPAN)
    heads = [stripped] + ([stripped[comma + 2:]] if comma > 0 else [])
    return any(cue("company_pronoun").match(h) or _COMPANY_NOUN_SUBJECT.match(h) for h in heads)


def sentence_facts(index: int, text: str, is_title: bool, lexicon: Lexicon) -> SentenceFacts:
    return SentenceFacts(index, text, is_title, lexicon)
