"""The cities of the announced site: where the new centre or the jobs are, not every city named.

Each city mention gets a role from its context. A mention is *dropped* when it is a later city of
a region's name ("Fès-Meknès", "جهة طنجة تطوان"); *weak* when the nearest cue before it places
the event, a head office or the past ("signé jeudi à Rabat", "au ministère à Rabat", "déjà
présent à Casablanca"), or when it is a dateline; *linked* when the nearest cue is a site word ("un
centre à Fès", "بمدينة طنجة", "Tétouan Shore"). The announced cities are the linked mentions of
the core sentences (title, lead, commitment sentences), else their plain mentions, else linked
ones anywhere, else the first city of a region named there; other weak ones never.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from analysis.places import city_pattern, fold_places, name_of_city, park_cities, park_mentions
from analysis.resources import data_file
from analysis.text import compile_terms

LINK_WINDOW = 90  # characters before a city in which a cue is looked for
REGION_WINDOW = 40
LEAD_SENTENCES = 3
PARK_AFTER_CITY = 80  # characters: a park this close after a named city is in that city
DATELINE_WORDS = 5
MAX_FALLBACK = 2


@dataclass(frozen=True)
class Mention:
    city: str
    start: int
    linked: bool
    weak: bool
    region: bool = False  # the first city of a region's name: the site only when nothing else is


@cache
def _cue(name: str) -> re.Pattern[str]:
    return compile_terms(tuple(data_file("cities")["site"][name]))


_DASH_BEFORE = re.compile(r"\w\s*[-–—/]\s*$")
_DASH_AFTER = re.compile(r"^\s*[-–—/]\s*")
_DAY_BEFORE = re.compile(
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد|aujourd'hui|hier|today|yesterday|اليوم|امس)"
    r"\s*[,،]?\s*(?:a|in|at|on)?\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\(|,|-|–|:|$)")
_KICKER_AFTER = re.compile(r"^\s*(?::|\.\.|-|–|,)")


def _nearest_cue(before: str) -> str | None:
    """Which kind of cue ends closest to the city: "link", "not_site" or None."""
    best, kind = (-1, 0), None
    for name in ("link", "not_site"):
        for match in _cue(name).finditer(before):
            # The closest cue wins; at the same end the longer one ("nouveau siège" over "siège").
            rank = (match.end(), -match.start())
            # The same words as a site word and an existing-site phrase ("موقعيها"): the phrase wins.
            if rank > best or rank == best and name == "not_site":
                best, kind = rank, name
    return kind


def _later_in_region(folded: str, start: int) -> bool:
    """"Casablanca-Settat", "Tanger – Tétouan", "فاس مكناس": a city right after another, joined by a
    dash or a space (not by "et", "و" or a comma), is a later city of a region's name."""
    before = folded[:start]
    if _DASH_BEFORE.search(before) or (before.endswith(" ") and not folded.startswith("و", start)):
        tail = before.rstrip(" -–—/")[-25:]
        if any(m.end() == len(tail) for m in city_pattern().finditer(tail)):
            return True
    window = before[-REGION_WINDOW:]
    heads = list(_cue("region").finditer(window))
    return bool(heads) and bool(city_pattern().search(window[heads[-1].end():]))


def _first_in_region(folded: str, start: int, end: int) -> bool:
    after = folded[end:end + 30]
    following = after.lstrip(" -–—/")
    if (_DASH_AFTER.match(after) or after.startswith(" ")) and not following.startswith("و") \
            and city_pattern().match(following):
        return True
    return bool(re.search(rf"(?:{_cue('region').pattern})\W*(?:de\s+|du\s+|d')?$", folded[max(0, start - 30):start]))


def _mention(folded: str, start: int, end: int, index: int, is_title: bool, opening: bool,
             signing: bool) -> tuple[bool, bool, bool]:
    """(linked, weak, region) for the city at folded[start:end]."""
    before = folded[max(0, start - LINK_WINDOW):start]
    if is_title and not before.strip(" \"'«“") and _KICKER_AFTER.match(folded[end:]):
        return True, False, False  # "Fès : un nouveau centre", "وجدة.. يدشن"
    if index == 0 and not before.strip(" \"'«“") and _DATELINE_AFTER.match(folded[end:]):
        return False, True, False  # "RABAT (MAP) -", "Casablanca, le 3 mai"
    if not is_title and len(folded.split()) <= DATELINE_WORDS and not _cue("link").search(folded):
        return False, True, False  # a line of its own: "Le Journal - Rabat", a byline's place
    kind = _nearest_cue(before)
    if _first_in_region(folded, start, end):
        return False, True, kind != "not_site"
    if kind == "not_site":
        return False, True, False
    if _DAY_BEFORE.search(before[-30:]) and not opening:
        return False, True, False  # "jeudi à Rabat", "اليوم الجمعة بالرباط": where the event took place
    if kind == "link" and _cue("own_sites").search(before) and _cue("existing").search(folded):
        return False, True, False  # "ses implantations de Rabat, qui regroupent déjà 1.400": other sites
    linked = kind == "link"
    return linked, signing and not linked, False


def sentence_mentions(text: str, index: int, is_title: bool = False,
                      parks: dict[str, str] | None = None) -> list[Mention]:
    """The cities a sentence names with their roles; later cities of a region's name left out."""
    folded = fold_places(text)
    opening = bool(_cue("opening").search(folded))
    signing = bool(_cue("signing").search(folded))
    mentions = []
    for match in city_pattern().finditer(folded):
        start, end = match.span()
        city = name_of_city(match.group(0))
        if city is None or _later_in_region(folded, start):
            continue
        linked, weak, region = _mention(folded, start, end, index, is_title, opening, signing)
        mentions.append(Mention(city, start, linked, weak, region))
    for start, city in park_mentions(folded, parks):
        if any(m.start < start <= m.start + PARK_AFTER_CITY and not m.weak for m in mentions):
            continue  # "à Salé, la première tranche de Technopolis": the text places the park itself
        weak = _nearest_cue(folded[max(0, start - LINK_WINDOW):start]) == "not_site"
        mentions.append(Mention(city, start, not weak, weak))  # "à l'instar de Casanearshore": a comparison
    return sorted(mentions, key=lambda m: m.start)


def announced_cities(title: str | None, sentences: list[str], core: Iterable[int]) -> list[str]:
    """Cities of the announced site; `core` holds the indexes of the commitment sentences."""
    core = set(core) | set(range(min(LEAD_SENTENCES, len(sentences))))
    # "Technopolis de Salé" once: every other "Technopolis" of the article is in Salé too.
    parks = park_cities(fold_places(" ".join(([title] if title else []) + sentences)))
    tagged: list[tuple[bool, Mention]] = []
    if title:
        tagged.extend((True, m) for m in sentence_mentions(title, -1, True, parks))
    for index, sentence in enumerate(sentences):
        tagged.extend((index in core, m) for m in sentence_mentions(sentence, index, False, parks))
    usable = [(in_core, m) for in_core, m in tagged if not m.weak]
    linked_core = _ordered(m.city for in_core, m in usable if in_core and m.linked)
    if linked_core:
        return linked_core
    plain_core = _ordered(m.city for in_core, m in usable if in_core)
    if plain_core:
        return plain_core
    linked_anywhere = _ordered(m.city for _, m in usable if m.linked)[:MAX_FALLBACK]
    region = _ordered(m.city for in_core, m in tagged if in_core and m.region)[:1]
    if linked_anywhere or region:
        return linked_anywhere or region
    # "El Jadida, le 14 mars - ... un centre ... dans la ville": the site is in the dateline's city.
    if any(_THE_CITY.search(fold_places(sentences[i])) for i in core if i < len(sentences)):
        return _ordered(m.city for _, m in tagged if m.weak and m.start == _first_start(tagged))[:1]
    return []


_THE_CITY = re.compile(r"\b(?:dans|a) la ville\b|\bin the city\b|بالمدينه|في المدينه|داخل المدينه")


def _first_start(tagged: list[tuple[bool, Mention]]) -> int:
    return min((m.start for _, m in tagged), default=-1)


def _ordered(cities: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for city in cities:
        if city not in seen:
            seen.append(city)
    return seen
