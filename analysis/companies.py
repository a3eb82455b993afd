"""Company names around announcement sentences: known names first, then name-shaped patterns."""

from __future__ import annotations

import re
from functools import cache

from analysis.places import mentions_city
from analysis.resources import Lexicon, data_file
from analysis.text import ARABIC, fold, unique

_NAME_TOKEN = r"(?:[A-Z][\w&.\-]*[\w&]|[A-Z]|[a-z]+[A-Z][\w\-]*|\d+[A-Z][\w\-]*)"
_NAME = rf"{_NAME_TOKEN}(?:[ ](?:&[ ])?{_NAME_TOKEN}){{0,3}}"
_APPOSITION = (r"qui\b|soci[ée]t[ée]|sp[ée]cialis|filiale|groupe|leader|dont\b|bas[ée]e?\b|op[ée]rateur|"
               r"entreprise|acteur|num[ée]ro|l'une?\b|l’une?\b|une?\b|which\b|an?\b|the\b|company|firm|"
               r"provider|subsidiary|pr[ée]sent|install[ée]|implant[ée]|[ée]tabli")
_PREPOSITIONS = r"(?:dans|à|a|au|aux|en|sur|pour|avec|par|vers|depuis|chez|entre|et|ou|in|at|on|with|for|and)"
_LOWER_WORDS = rf"(?:(?!{_PREPOSITIONS}[ ])[a-zàâçéèêëîïôûùüÿœ'’\-]+[ ]){{0,6}}?"


_TRAILING_STOPS = frozenset({"Le", "La", "Les", "De", "Du", "Des", "Et", "The", "And", "Of"})
_LIST_INTRO = re.compile(r"(?i:soci[ée]t[ée]s|groupes|op[ée]rateurs|entreprises|companies|firms|operators|"
                         r"il s'agit de|il s’agit de|notamment)[ ]+")


@cache
def _vocab() -> dict:
    return data_file("companies")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    vocab = _vocab()
    intro = _alt(vocab["intro_nouns"])
    verbs = _alt(vocab["subject_verbs"])
    return (
        # "le groupe français Thalès", "la société X", "the US company X"
        re.compile(rf"(?i:\b(?:{intro}))[ ,]+{_LOWER_WORDS}(?P<name>{_NAME})"),
        # "X va créer", "X, spécialiste de ..., s'engage", "X Maroc a signé"
        re.compile(rf"(?P<name>{_NAME})(?:[ ]*\([^)]{{0,60}}\))?(?:,[^,.;]{{0,140}},)?[ ]+(?i:(?:{verbs}))\b"),
        # A list item or a sentence that opens with a name followed by a comma or colon.
        re.compile(rf"^(?P<name>{_NAME})[ ]*(?:\([^)]{{0,60}}\))?[ ]*[,–-][ ]*(?i:{_APPOSITION})"),
        # "Comdata (1.000 emplois à Fès)", "Eastline Contact, avec 350 emplois"
        re.compile(rf"(?P<name>{_NAME})[ ]*(?:\([ ]*\d|,[ ]+(?:avec|soit|pour)[ ]+\d)"),
        # "filiale de X", "du groupe X", "de la société X"
        re.compile(rf"(?i:filiale (?:marocaine )?(?:de|du groupe)|subsidiary of)[ ]+(?P<name>{_NAME})"),
    )


@cache
def _arabic_pattern() -> re.Pattern[str]:
    intro = _alt(_vocab()["arabic_intro"])
    latin = rf"[\"«“']?(?P<latin>[A-Za-z][\w&.\-]*(?:[ ][A-Z][\w&.\-]*){{0,3}})[\"»”']?"
    arabic = rf"[\"«“]?(?P<arabic>[{ARABIC}]+(?:[ ][{ARABIC}]+)?)[\"»”]?"
    adjectives = rf"(?:[{ARABIC}]+[ ]){{0,3}}?"
    return re.compile(rf"(?:{intro})[ ]+(?:{adjectives}\(?{latin}\)?|{arabic})")


@cache
def _stop_names() -> frozenset[str]:
    return frozenset(_vocab()["stop_names"])


@cache
def _person_context() -> re.Pattern[str]:
    titles = _alt(_vocab()["person_titles"])
    return re.compile(rf"(?i:\b(?:{titles}))[ ,]+(?:[a-zà-ÿ'’\-]+[ ]){{0,6}}$")


@cache
def _speech_after() -> re.Pattern[str]:
    return re.compile(rf"^[ ,]*(?:{_alt(_vocab()['speech_verbs'])})")


def _clean_name(name: str) -> str | None:
    tokens = name.split()
    stops = _stop_names()
    while tokens and (tokens[0] in stops or tokens[0].rstrip("'’") in stops):
        tokens.pop(0)
    suffixes = set(_vocab()["drop_suffixes"])
    while len(tokens) > 1 and tokens[-1] in suffixes:
        tokens.pop()
    while tokens and tokens[-1] in _TRAILING_STOPS:
        tokens.pop()
    if not tokens:
        return None
    cleaned = " ".join(tokens).strip(" .,-'’")
    if len(cleaned) < 2 or cleaned in stops or cleaned.isdigit():
        return None
    return cleaned


@cache
def _title_after() -> re.Pattern[str]:
    return re.compile(rf"^[ ]*,[ ]*(?:le |la |l'|the )?(?i:{_alt(_vocab()['person_titles'])})\b")


def _is_person(sentence: str, start: int, end: int) -> bool:
    after = sentence[end:]
    return (bool(_person_context().search(sentence[:start])) or bool(_speech_after().match(after))
            or bool(_title_after().match(after)))


def known_companies(text: str, lexicon: Lexicon) -> list[tuple[int, str]]:
    folded = fold(text)
    hits = []
    for name, pattern in lexicon.companies:
        match = pattern.search(folded)
        if match:
            hits.append((match.start(), name))
    return hits


def pattern_companies(sentence: str) -> list[tuple[int, str]]:
    return [(pos, name) for pos, name in _raw_pattern_companies(sentence) if not mentions_city(fold(name))
            or len(name.split()) > 2]


def _raw_pattern_companies(sentence: str) -> list[tuple[int, str]]:
    hits: list[tuple[int, str]] = []
    for pattern in _patterns():
        for match in pattern.finditer(sentence):
            start, end = match.span("name")
            if _is_person(sentence, start, end):
                continue
            name = _clean_name(match.group("name"))
            if name:
                hits.append((start, name))
    hits.extend(_listed_companies(sentence))
    for match in _arabic_pattern().finditer(sentence):
        group = "latin" if match.group("latin") else "arabic"
        name = _clean_name(match.group(group)) if group == "latin" else _arabic_name(match.group(group))
        if name:
            hits.append((match.start(group), name))
    return hits


def _listed_companies(sentence: str) -> list[tuple[int, str]]:
    """"les sociétés Apside, Metapolis et Delta Contact": every name of the enumeration."""
    hits: list[tuple[int, str]] = []
    list_re = re.compile(rf"(?P<list>{_NAME}(?:[ ]*,[ ]*{_NAME})*(?:[ ]+(?:et|and)[ ]+{_NAME}))")
    for intro in _LIST_INTRO.finditer(sentence):
        match = list_re.match(sentence, intro.end())
        if not match:
            continue
        for part in re.split(r"[ ]*,[ ]*|[ ]+(?:et|and)[ ]+", match.group("list")):
            name = _clean_name(part)
            if name:
                hits.append((match.start(), name))
    return hits


_ARABIC_NON_NAMES = re.compile(
    r"^(?:ال|ل)?(?:متخصص|فرنس|امريك|اسبان|الماني|بريطان|مغرب|دولي|عالمي|رائد|كبر|جديد|هذه|هذا|التي|الذي|"
    r"المتخصص|العامل|الناشط|الرائد|الفرنس|الامريك|الاسبان|المغرب|الدولي|العالمي)"
)


def _arabic_name(candidate: str) -> str | None:
    first = candidate.split()[0]
    if _ARABIC_NON_NAMES.match(fold(first)) or len(first) < 3:
        return None
    return first


def _canonical(name: str, lexicon: Lexicon) -> str:
    folded = fold(name)
    for canonical, pattern in lexicon.companies:
        if pattern.search(folded):
            return canonical
    return name


def _drop_fragments(names: list[str]) -> list[str]:
    """"NTT" next to "NTT Data": keep the longer one."""
    kept = []
    for name in names:
        if any(other != name and name in other.split(" ") + [other[: len(name)]] for other in names
               if len(other) > len(name) and other.startswith(name)):
            continue
        kept.append(name)
    return kept


def find_companies(sentences: list[str], lexicon: Lexicon, cities: set[str]) -> list[str]:
    """Companies named in the given (announcement) sentences, in order of appearance."""
    found: list[str] = []
    city_folds = {fold(c) for c in cities}
    for sentence in sentences:
        hits = known_companies(sentence, lexicon) + pattern_companies(sentence)
        for _, name in sorted(hits):
            canonical = _canonical(name, lexicon)
            if fold(canonical) in city_folds:
                continue
            found.append(canonical)
    return _drop_fragments(unique(found))
