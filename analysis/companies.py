"""Company names around announcement sentences: known names first, then name-shaped patterns."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from analysis.places import mentions_city
from analysis.resources import Lexicon, data_file
from analysis.text import ARABIC, fold, unique

_NAME_TOKEN = r"(?:[A-Z][\w&.\-'’]*[\w&]|[A-Z]|[a-z]+[A-Z][\w\-]*|\d+[A-Z][\w\-]*)"
_NAME = rf"{_NAME_TOKEN}(?:[ ](?:&[ ])?{_NAME_TOKEN}){{0,3}}"
_APPOSITION = (r"qui\b|soci[ée]t[ée]|sp[ée]cialis|filiale|groupe|leader|dont\b|bas[ée]e?\b|op[ée]rateur|"
               r"entreprise|acteur|num[ée]ro|l'une?\b|l’une?\b|une?\b|which\b|an?\b|the\b|company|firm|"
               r"provider|subsidiary|pr[ée]sent|install[ée]|implant[ée]|[ée]tabli")
_EXECUTIVE_OF = 5  # index of the "le PDG de X" pattern in `_patterns()`: X is a company, not a person
_PREPOSITIONS = r"(?:dans|à|a|au|aux|en|sur|pour|avec|par|vers|depuis|chez|entre|et|ou|in|at|on|with|for|and)"
_AR_LETTERS = "[\u0621-\u064a\u0671-\u06d3]"  # letters only: no Arabic comma or digits
_LOWER_WORDS = rf"(?:(?!{_PREPOSITIONS}[ ])[a-zàâçéèêëîïôûùüÿœ'’\-]+[ ]){{0,6}}?"


_TRAILING_STOPS = frozenset({"Le", "La", "Les", "De", "Du", "Des", "Et", "The", "And", "Of"})
_LIST = re.compile(rf"(?P<list>{_NAME}(?:[ ]*,[ ]*{_NAME})*(?:[ ]+(?:et|and)[ ]+{_NAME}))")
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
        # "filiale de X", "porté par la société X", "operated by X"
        re.compile(rf"(?i:filiale (?:marocaine )?(?:de|du groupe)|subsidiary of|port[ée]e?s? par|r[ée]alis[ée]e?s? par|"
                   rf"men[ée]e?s? par|initi[ée]e?s? par|op[ée]r[ée]e?s? par|pilot[ée]e?s? par|operated by|led by|"
                   rf"backed by)[ ]+(?:(?i:la soci[ée]t[ée]|le groupe|l'op[ée]rateur|l’op[ée]rateur|the company)[ ]+)?"
                   rf"(?P<name>{_NAME})"),
        # "le PDG de X", "CEO of X": the company of a quoted executive
        re.compile(rf"(?i:\b(?:pdg|p-dg|directeur g[ée]n[ée]ral|directrice g[ée]n[ée]rale|dg|ceo|pr[ée]sident|"
                   rf"fondateur|patron|managing director|chief executive)[ ]+(?:de la soci[ée]t[ée] |du groupe |de |d['’]|of |at ))"
                   rf"(?P<name>{_NAME})"),
    )


@cache
def _arabic_pattern() -> re.Pattern[str]:
    intro = _alt(_vocab()["arabic_intro"])
    latin = rf"[\"«“']?(?P<latin>[A-Za-z][\w&.\-]*(?:[ ][A-Z][\w&.\-]*){{0,3}})[\"»”']?"
    arabic = rf"[\"«“]?(?P<arabic>{_AR_LETTERS}+(?:[ ]{_AR_LETTERS}+)?)[\"»”]?"
    adjectives = rf"(?:[{ARABIC}]+[ ]){{0,3}}?"
    return re.compile(rf"(?:{intro})[ ]+(?:{adjectives}\(?{latin}\)?|{arabic})")


@cache
def _stop_names() -> frozenset[str]:
    return frozenset(_vocab()["stop_names"])


@cache
def _institution_heads() -> frozenset[str]:
    return frozenset(_vocab()["institution_heads"])


@cache
def _leading_stops() -> frozenset[str]:
    return frozenset(_vocab()["leading_stops"])


@cache
def _person_context() -> re.Pattern[str]:
    titles = _alt(_vocab()["person_titles"])
    return re.compile(rf"(?i:\b(?:{titles}))[ ,]+(?:[a-zà-ÿ'’\-]+[ ]){{0,6}}$")


@cache
def _speech_after() -> re.Pattern[str]:
    return re.compile(rf"^[ ,]*(?:{_alt(_vocab()['speech_verbs'])})")


_ELIDED = re.compile(r"^(?:[LlDd]|Qu|qu)['’]")
_REGION_WORDS = frozenset("sakia el hamra oued eddahab souss massa draa tafilalet oriental rif sud nord "
                          "settat chaouia doukkala abda tensift haouz gharb chrarda beni hssen shore nearshore med "
                          "technopole technopolis zone zones port offshore".split())


def _is_place(name: str) -> bool:
    """"Laâyoune-Sakia El Hamra", "Fès-Meknès": a region, not a company ("Fès Invest" is one)."""
    tokens = [t for t in re.split(r"[\s\-]+", fold(name)) if t]
    if not tokens or not (mentions_city(tokens[0]) or tokens[0] in _REGION_WORDS):
        return False
    return all(mentions_city(t) or t in _REGION_WORDS for t in tokens[1:])


def _clean_name(name: str) -> str | None:
    tokens = [_ELIDED.sub("", t) for t in name.split()]
    # "Egypt's Raya CX": a possessive country or group before the name.
    while len(tokens) > 1 and tokens[0].endswith(("'s", "’s")):
        tokens.pop(0)
    # "L'opérateur", "L'indienne": an elided article before a common word is not part of a name.
    while tokens and not tokens[0][:1].isupper() and not tokens[0][:1].isdigit():
        tokens.pop(0)
    stops = _stop_names()
    leading = _leading_stops()
    while tokens and (tokens[0] in leading or tokens[0].rstrip("'’") in leading):
        tokens.pop(0)
    suffixes = set(_vocab()["drop_suffixes"])
    generic = set(_vocab()["generic_words"])
    # "NTT Data Morocco" -> "NTT Data", but "Call Maroc" is a name of its own.
    while len(tokens) > 1 and tokens[-1] in suffixes and not (len(tokens) == 2 and tokens[0] in generic):
        tokens.pop()
    while tokens and tokens[-1] in _TRAILING_STOPS:
        tokens.pop()
    if not tokens:
        return None
    cleaned = " ".join(tokens).strip(" .,-'’")
    if len(cleaned) < 2 or cleaned in stops or cleaned in leading or cleaned.isdigit():
        return None
    if len(tokens) == 1 and tokens[0] in stops:
        return None
    if tokens[0] in _institution_heads():
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


@lru_cache(maxsize=4096)
def _pattern_companies_cached(sentence: str) -> tuple[tuple[int, str], ...]:
    return tuple((pos, name) for pos, name in _raw_pattern_companies(sentence) if not _is_place(name))


def pattern_companies(sentence: str) -> list[tuple[int, str]]:
    """Name-shaped company mentions of a sentence (cached: the decision and the extraction both ask)."""
    return list(_pattern_companies_cached(sentence))


def _raw_pattern_companies(sentence: str) -> list[tuple[int, str]]:
    hits: list[tuple[int, str]] = []
    for number, pattern in enumerate(_patterns()):
        for match in pattern.finditer(sentence):
            start, end = match.span("name")
            if number != _EXECUTIVE_OF and _is_person(sentence, start, end):
                continue
            if number == 1 and re.search(r"(?i:\b(?:of|de|du|des|d'|l'|d’|l’))[ ]?$", sentence[:start]):
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
    for intro in _LIST_INTRO.finditer(sentence):
        match = _LIST.match(sentence, intro.end())
        if not match:
            continue
        for part in re.split(r"[ ]*,[ ]*|[ ]+(?:et|and)[ ]+", match.group("list")):
            name = _clean_name(part)
            if name:
                hits.append((match.start(), name))
    return hits


_ARABIC_FUNCTION_WORDS = frozenset("بان ان انه انها التي الذي عن علي في من الي مع بين حيث وقد قد كما لكن ثم او "
                                   "هذه هذا ذلك تلك عبر خلال نحو حول منذ بعد قبل ضمن".split())
_ARABIC_NON_NAMES = re.compile(
    r"^(?:ال|ل)?(?:متخصص|فرنس|امريك|اسبان|الماني|بريطان|مغرب|دولي|عالمي|رائد|كبر|جديد|هذه|هذا|التي|الذي|"
    r"المتخصص|العامل|الناشط|الرائد|الفرنس|الامريك|الاسبان|المغرب|الدولي|العالمي)"
)


def _arabic_name(candidate: str) -> str | None:
    first = candidate.split()[0]
    folded = fold(first)
    # Nisba adjectives ("الكندية", "فرنسية") describe the company; they are not its name.
    if _ARABIC_NON_NAMES.match(folded) or len(first) < 3 or folded.endswith(("يه", "يين", "يون")):
        return None
    if folded.startswith(("ال", "لل", "بال", "وال", "فال")):
        return None  # a definite common noun ("شركة للتعهيد"), not a name
    if len(folded) < 4 or folded in _ARABIC_FUNCTION_WORDS:
        return None
    return first


def _canonical(name: str, lexicon: Lexicon) -> str:
    """The gazetteer spelling of a known company ("CNEXIA" -> "Cnexia"); other names as found."""
    folded = fold(name)
    for canonical, pattern in lexicon.companies:
        if pattern.fullmatch(folded):
            return canonical
    # "Acticall Sitel": two known brands side by side name the first one.
    for canonical, pattern in lexicon.companies:
        head = pattern.match(folded)
        if head and folded[head.end():].strip() and lexicon.company_any.fullmatch(folded[head.end():].strip()):
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


_PARENT = re.compile(rf"(?i:filiale (?:marocaine )?(?:de |du groupe |d['’])|subsidiary of |part of the )"
                     rf"(?P<name>{_NAME})")


def _parents(sentences: list[str], lexicon: Lexicon) -> set[str]:
    """Groups named only as the parent of the announcing company ("B2S, filiale du groupe Comdata")."""
    parents = set()
    for sentence in sentences:
        for match in _PARENT.finditer(sentence):
            name = _clean_name(match.group("name"))
            if name:
                parents.add(_canonical(name, lexicon))
    return parents


def find_companies(sentences: list[str], lexicon: Lexicon, cities: set[str]) -> list[str]:
    """Companies named in the given (announcement) sentences, in order of appearance."""
    found: list[str] = []
    city_folds = {fold(c) for c in cities}
    parents = _parents(sentences, lexicon)
    for sentence in sentences:
        hits = known_companies(sentence, lexicon) + pattern_companies(sentence)
        for _, name in sorted(hits):
            canonical = _canonical(name, lexicon)
            if fold(canonical) in city_folds:
                continue
            found.append(canonical)
    names = _drop_fragments(unique(found))
    if parents and any(n not in parents for n in names):
        names = [n for n in names if n not in parents]
    return names
