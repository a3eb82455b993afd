"""Company names around announcement sentences: known names first, then name-shaped patterns."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from analysis.places import mentions_city
from analysis.resources import Lexicon, cue, data_file
from analysis.text import ARABIC, compile_terms, fold, unique

_NAME_TOKEN = r"(?:[A-Z][\w&.\-'’]*[\w&]|[A-Z]|[a-z]+[A-Z][\w\-]*|\d+[A-Z][\w\-]*)"
_NAME = rf"{_NAME_TOKEN}(?:[ ](?:&[ ])?{_NAME_TOKEN}){{0,3}}"
_APPOSITION = (r"qui\b|soci[ée]t[ée]|sp[ée]cialis|filiale|groupe|leader|dont\b|bas[ée]e?\b|op[ée]rateur|"
               r"entreprise|acteur|num[ée]ro|l'une?\b|l’une?\b|une?\b|which\b|an?\b|the\b|company|firm|"
               r"provider|subsidiary|pr[ée]sent|install[ée]|implant[ée]|[ée]tabli")
_EXECUTIVE_OF = 10  # index of the "le PDG de X" pattern in `_patterns()` (the one before is "director at X"):
# their X is a company, not a person
_PREPOSITIONS = r"(?:dans|à|a|au|aux|en|sur|pour|avec|par|vers|depuis|chez|entre|et|ou|in|at|on|with|for|and)"
_AR_LETTERS = "[\u0621-\u064a\u0671-\u06d3]"  # letters only: no Arabic comma or digits
# "companies have opened German-speaking hubs": after a verb, a capitalised word is no longer the intro's name.
_AUXILIARIES = r"(?:have|has|had|are|is|were|was|will|would|ont|sont|est|va|vont|avaient|avait)"
_LOWER_WORDS = rf"(?:(?!(?:{_PREPOSITIONS}|{_AUXILIARIES})[ ])[a-zàâçéèêëîïôûùüÿœ'’\-]+[ ]){{0,6}}?"


_COMPANY_NOUNS = (r"(?:groupe|soci[ée]t[ée]|entreprise|firme|op[ée]rateur|multinationale|filiale|holding|"
                  r"company|group|firm|operator|cabinet|leader|g[ée]ant|giant)")
_TRAILING_STOPS = frozenset({"Le", "La", "Les", "De", "Du", "Des", "Et", "The", "And", "Of"})
_ASIDE = r"(?:[ ]*\([^)]{0,60}\))?"  # "Saccom (avec un pôle anglophone)"
_LIST = re.compile(rf"(?P<list>{_NAME}{_ASIDE}(?:[ ]*,[ ]*{_NAME}{_ASIDE})*(?:[ ]+(?:et|and)[ ]+{_NAME}))")
_LIST_INTRO = re.compile(r"(?i:soci[ée]t[ée]s|groupes|op[ée]rateurs|entreprises|companies|firms|operators|"
                         r"il s'agit de|il s’agit de|notamment|filiales|subsidiaries|[àa] savoir|namely)"
                         # "des sociétés d'ingénierie informatique, X et Y": what they do, then the names
                         r"(?:[ ]+(?:d['’]|de[ ]|du[ ]|in[ ])?[a-zàâçéèêëîïôûùüÿœ\-]+){0,4}[ ]*[,:]?[ ]+")


@cache
def _vocab() -> dict[str, Any]:
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
        re.compile(rf"(?P<name>{_NAME})(?:[ ]*\([^)]{{0,60}}\))?(?:,[^,.;]{{0,140}},)?[ ]+(?:(?:y|en|se|lui)[ ]+)?"
                   rf"(?i:(?:{verbs}))\b"),
        # A list item or a sentence that opens with a name followed by a comma or colon.
        re.compile(rf"^(?P<name>{_NAME})[ ]*(?:\([^)]{{0,60}}\))?[ ]*[,–-][ ]*(?i:{_APPOSITION})"),
        # "Comdata (1.000 emplois à Fès)", "Eastline Contact, avec 350 emplois"
        re.compile(rf"(?P<name>{_NAME})[ ]*(?:\([ ]*\d|,[ ]+(?:avec|soit|pour)[ ]+\d)"),
        # "filiale de X", "porté par la société X", "operated by X"
        re.compile(rf"(?i:filiale (?:marocaine )?(?:de|du groupe)|subsidiary of|port[ée]e?s? par|r[ée]alis[ée]e?s? par|"
                   rf"men[ée]e?s? par|initi[ée]e?s? par|op[ée]r[ée]e?s? par|pilot[ée]e?s? par|operated by|led by|"
                   rf"backed by)[ ]+(?:(?i:la soci[ée]t[ée]|le groupe|l'op[ée]rateur|l’op[ée]rateur|the company)[ ]+)?"
                   rf"(?P<name>{_NAME})"),
        # "..., backing X, which will open", "X, qui va ouvrir": a relative clause after the name
        re.compile(rf"(?P<name>{_NAME}),[ ]+(?i:which|qui|that)[ ]+(?i:{verbs})\b"),
        # "De son côté, X, ...", "Quant à X": a new company taking the turn in an enumeration
        re.compile(rf"(?i:de son c[ôo]t[ée]|pour sa part|quant [àa]|de leur c[ôo]t[ée]|for its part)[ ,]+(?P<name>{_NAME})"),
        # "en partenariat avec X", "in partnership with X": the partner commits too
        re.compile(rf"(?i:en partenariat avec|in partnership with|en association avec|associ[ée]e? [àa]|"
                   rf"en joint-venture avec|in a joint venture with)[ ]+(?:(?i:la soci[ée]t[ée]|le groupe|the company)[ ]+)?"
                   rf"(?P<name>{_NAME})"),
        # "un mémorandum d'entente avec X", "signed an MoU with X": the other party of the agreement
        re.compile(rf"(?i:m[ée]morandums?|convention|accord|agreement|memorandum of understanding|memoranda|"
                   rf"mou|partnership|partenariat)(?:[^.;]{{0,60}}?)[ ](?i:avec|with)[ ]+"
                   rf"(?:(?i:la soci[ée]t[ée]|le groupe|l'op[ée]rateur|l’op[ée]rateur|the company|the firm|the group)[ ]+)?"
                   rf"(?P<name>{_NAME})"),
        # "Director of Operations at X", "head of sales at X": a quoted executive's company
        re.compile(rf"(?i:director|head|manager|vice[- ]president|officer)(?:[ ](?i:of)[ ][A-Z][a-z]+"
                   rf"(?:[ ](?:and|&)[ ][A-Z][a-z]+)?)?[ ]at[ ](?P<name>{_NAME})"),
        # "le PDG de X", "CEO of X": the company of a quoted executive
        re.compile(rf"(?i:\b(?:pdg|p-dg|directeur g[ée]n[ée]ral|directrice g[ée]n[ée]rale|dg|ceo|pr[ée]sidente?|"
                   rf"fondat(?:eur|rice)|patronne?|managing director|chief executive)[ ]+"
                   rf"(?:de la soci[ée]t[ée] (?:[a-zé]+ ){{0,2}}|du groupe (?:[a-zé]+ ){{0,2}}|de |d['’]|of |at ))"
                   rf"(?P<name>{_NAME})"),
        # "Nordicall s'engage sur 400 emplois et Telvia sur 250", "... and Portugal's Vexa Services 600": the next
        # company of an enumeration of shares, its verb and noun left out
        re.compile(rf"(?:[ ]+(?i:et|and)|[,;])[ ]+(?:[A-Z][\w\-]*['’]s[ ]+)?(?P<name>{_NAME})[ ]+"
                   rf"(?:(?i:sur|avec|with|pour|for)[ ]+)?(?!(?:19|20)\d\d\b)\d[\d.,]*\d(?![\d.,]*[ ]*%)"
                   rf"(?=[ ]*(?:[.;,)]|$|(?i:emplois|postes|jobs|positions|seats|agents)\b))"),
    )


@cache
def _arabic_pattern() -> re.Pattern[str]:
    intro = _alt(_vocab()["arabic_intro"])
    latin = r"[\"«“']?(?P<latin>[A-Za-z][\w&.\-]*(?:[ ][A-Z][\w&.\-]*){0,3})[\"»”']?"
    arabic = rf"[\"«“]?(?P<arabic>{_AR_LETTERS}+(?:[ ]{_AR_LETTERS}+)?)[\"»”]?"
    adjectives = rf"(?:[{ARABIC}]+[ ]){{0,3}}?"
    return re.compile(rf"(?P<intro>{intro})[ ]+(?:{adjectives}\(?{latin}\)?|{arabic})")


_AR_QUOTED = rf"[\"«“”](?P<quoted>{_AR_LETTERS}+(?:[ ]{_AR_LETTERS}+){{0,3}})[\"»”“]"


@cache
def _arabic_quoted_patterns() -> tuple[re.Pattern[str], ...]:
    """A quoted Arabic-script name («فيرناكس», "اتش سي ال تكنولوجيز") next to what marks a company:
    an intro noun or descriptor before it, or a commitment verb on either side."""
    vocab = _vocab()
    before = _alt(vocab["arabic_intro"] + vocab["arabic_descriptors"])
    verbs = _alt([w for w in vocab["subject_verbs"] if re.search(f"[{ARABIC}]", w)] + vocab["arabic_verbs"])
    lead = re.compile(rf"(?:(?:{before})(?:[ ][{ARABIC}]+){{0,3}}?|[وف]?(?:{verbs}))[ ،,]+{_AR_QUOTED}")
    trail = re.compile(rf"{_AR_QUOTED}[ ،,]+(?:{_alt(vocab['arabic_descriptors'])}|[وف]?(?:{verbs}))")
    # "بين شركة «أ» بـ800 منصب، و«ب» بـ600 منصب": the next company of an enumeration of shares
    share = re.compile(rf"[،,][ ]*و?{_AR_QUOTED}[ ]*بـ?[ ]*\d")
    return lead, trail, share


def _arabic_quoted(sentence: str) -> list[tuple[int, str]]:
    hits = []
    for pattern in _arabic_quoted_patterns():
        for match in pattern.finditer(sentence):
            name = match.group("quoted").strip()
            if _arabic_name(name, quoted=True) and not mentions_city(fold(name)):
                hits.append((match.start("quoted"), name))
    return hits


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
    # "la présidente du groupe indien X": the title's organisation, not a person.
    return re.compile(rf"(?i:\b(?:{titles}))[ ,]+(?:(?!{_COMPANY_NOUNS}\b)[a-zà-ÿ'’\-]+[ ]){{0,6}}$")


@cache
def _speech_after() -> re.Pattern[str]:
    return re.compile(rf"^[ ,]*(?:{_alt(_vocab()['speech_verbs'])})")


_ELIDED = re.compile(r"^(?:[LlDd]|Qu|qu)['’]")
_REGION_WORDS = frozenset("sakia el hamra oued eddahab souss massa draa tafilalet oriental rif sud nord "
                          "settat chaouia doukkala abda tensift haouz gharb chrarda beni hssen shore nearshore med "
                          "technopole technopolis zone zones port offshore casanearshore casashore park parc free".split())


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
    if len(tokens) == 1 and tokens[0].endswith(("'s", "’s")):
        owner = fold(tokens[0][:-2])
        if cue("morocco").fullmatch(owner) or cue("negative.abroad").fullmatch(owner) or mentions_city(owner):
            return None  # "Morocco's investment agency": the country owns what follows
    # "L'opérateur", "L'indienne": an elided article before a common word is not part of a name.
    while tokens and not tokens[0][:1].isupper() and not tokens[0][:1].isdigit():
        tokens.pop(0)
    stops = _stop_names()
    leading = _leading_stops()
    if tokens and tokens[0] in _person_heads():
        return None  # "Monsieur Aziz X", "Roi Mohammed VI": a person
    while tokens and (tokens[0] in leading or tokens[0].rstrip("'’") in leading):
        tokens.pop(0)
    if tokens and tokens[0] in _person_heads():
        return None
    # "l'Espagnol Gruppo X": the demonym describes the company.
    while len(tokens) > 1 and tokens[0] in _nationalities():
        tokens.pop(0)
    if tokens and (tokens[0] in _junk_names() or _AMOUNT_TOKEN.match(tokens[0])):
        return None  # "MoU", "MAD350": the agreement or an amount
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
    if len(cleaned) < 2 or cleaned in stops or cleaned in leading or cleaned.isdigit() or cleaned in _junk_names():
        return None
    if len(tokens) == 1 and tokens[0] in stops:
        return None
    if tokens[0] in _institution_heads() or tokens[-1] in _INSTITUTION_TAILS:
        return None  # "Agence X", "the ... Export Development Agency": an institution
    if all(t in _common_nouns() for t in tokens):
        return None  # "Delivery Center", "Business Unit": what the company opens, not who
    if cue("negative.abroad").fullmatch(fold(cleaned)):
        return None  # "Dakar", "Abidjan": a place abroad
    return cleaned


# "Recruitment is under way", "Production démarrera": a common noun opening the sentence, not a name.
_ABSTRACT_NOUN = re.compile(r"^[A-Z][a-zéè]+(?:ment|tion|sion|ity|ance|ence|ship)s?$")


_INSTITUTION_TAILS = frozenset({"Agency", "Council", "Ministry", "Commission", "Authority", "Federation",
                                "Association", "Department", "Chamber", "Observatory", "Parliament"})
_AMOUNT_TOKEN = re.compile(r"^(?:MAD|USD|EUR|US\$?|DH|DHS|MDH|MMDH|Dhs?)[\d.,$]")


@cache
def _person_heads() -> frozenset[str]:
    return frozenset(_vocab()["person_heads"])


@cache
def _nationalities() -> frozenset[str]:
    return frozenset(_vocab()["nationalities"])


@cache
def _common_nouns() -> frozenset[str]:
    return frozenset(_vocab()["common_nouns"])


@cache
def _junk_names() -> frozenset[str]:
    return frozenset(_vocab()["junk_names"])


@cache
def _title_after() -> re.Pattern[str]:
    return re.compile(rf"^[ ]*,[ ]*(?:le |la |l'|the )?(?i:{_alt(_vocab()['person_titles'])})\b")


_PROGRAMME_BEFORE = re.compile(r"(?i:\b(?:plan|programme|program|strat[ée]gie|strategy|initiative|pacte|pact|vision|"
                               r"label|prix|award|salon|forum|[ée]dition|op[ée]ration|campagne|campaign|fonds|fund))"
                               r"[ ](?:[a-zà-ÿ'’\-]+[ ]){0,2}$")


_FORMER_NAME_BEFORE = re.compile(r"(?i:\b(?:formerly(?: known as)?|previously known as|anciennement|ex-|"
                                 r"ex |plus connue? sous le nom de|qui s'appelait))[ ]*$|سابقا[ ]*$")


# "the Ministry of Digital Transition and Reform is": the tail of an institution's name.
_INSTITUTION_BEFORE = re.compile(
    r"\b(?:Ministry|Minist[èe]re|Department|D[ée]partement|Agency|Agence|Council|Conseil|Commission|Direction|"
    r"Office|Secr[ée]tariat)(?:[ ](?:of|de|du|des|la|le|l'|d'|and|et|&|chargée?|charged|for|[A-Z][\w'’\-]*))*[ ]$")


def _is_person(sentence: str, start: int, end: int) -> bool:
    after = sentence[end:]
    if _INSTITUTION_BEFORE.search(sentence[max(0, start - 120):start]):
        return True  # not a person either, but not a company: the same verdict
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


def _shouted(sentence: str) -> bool:
    """A headline in capitals: every word looks like a name, so name shapes say nothing."""
    letters = [c for c in sentence if c.isalpha() and c.isascii()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


@lru_cache(maxsize=4096)
def _pattern_companies_cached(sentence: str) -> tuple[tuple[int, str], ...]:
    if _shouted(sentence):
        return ()
    return tuple((pos, name) for pos, name in _raw_pattern_companies(sentence) if not _is_place(name))


def pattern_companies(sentence: str) -> list[tuple[int, str]]:
    """Name-shaped company mentions of a sentence (cached: the decision and the extraction both ask)."""
    return list(_pattern_companies_cached(sentence))


def _raw_pattern_companies(sentence: str) -> list[tuple[int, str]]:
    hits: list[tuple[int, str]] = []
    for number, pattern in enumerate(_patterns()):
        for match in _overlapping(pattern, sentence):
            start, end = match.span("name")
            if number < _EXECUTIVE_OF - 1 and _is_person(sentence, start, end):
                continue
            if _PROGRAMME_BEFORE.search(sentence[max(0, start - 40):start]):
                continue  # "le plan Emergence", "the Go Siyaha programme": a programme or an event
            if _FORMER_NAME_BEFORE.search(sentence[max(0, start - 30):start]):
                continue  # "Foundever, formerly known as Sitel": the old name of the same company
            if number == 1 and re.search(r"(?i:\b(?:of|de|du|des|d'|l'|d’|l’))[ ]?$", sentence[:start]) \
                    and match.group("name").split()[0] not in _nationalities():
                continue
            name = _clean_name(match.group("name"))
            if name and not (start == len(sentence) - len(sentence.lstrip(" \"'«“")) and _ABSTRACT_NOUN.match(name)):
                hits.append((start, name))
    hits.extend(_listed_companies(sentence))
    quoted = _arabic_quoted(sentence)
    hits.extend(quoted)
    for match in _arabic_pattern().finditer(sentence):
        group = "latin" if match.group("latin") else "arabic"
        if group == "arabic" and any(pos == match.start(group) + 1 or pos == match.start(group) for pos, _ in quoted):
            continue  # the quoted form already gave the whole name
        if group == "arabic" and fold(match.group("intro")).startswith(("ال", "لل")):
            continue  # "الشركة بتقديم": after "the company" comes what it does, not its name
        if fold(sentence[max(0, match.start() - 10):match.start()]).rstrip().endswith(("تابعه", "تابع")):
            continue  # "التابعة لمجموعة X": the owner, not the company that commits
        if _COUNT_BEFORE.search(fold(sentence[max(0, match.start() - 14):match.start()])):
            continue  # "ثلاثين شركة تعرض": a count of companies, then what they do
        name = _clean_name(match.group(group)) if group == "latin" else _arabic_name(match.group(group))
        if name:
            hits.append((match.start(group), name))
    return hits


def _overlapping(pattern: re.Pattern[str], sentence: str) -> list[re.Match[str]]:
    """Matches that may overlap: "FEZ, Morocco — Claimsmart, a Dutch company ..., will" must not let the
    dateline's match swallow the company's."""
    found, pos = [], 0
    while (match := pattern.search(sentence, pos)) is not None:
        found.append(match)
        pos = match.end("name")
    return found


def _listed_companies(sentence: str) -> list[tuple[int, str]]:
    """"les sociétés Apside, Metapolis et Delta Contact": every name of the enumeration."""
    hits: list[tuple[int, str]] = []
    for intro in _LIST_INTRO.finditer(sentence):
        match = _LIST.match(sentence, intro.end())
        if not match:
            continue
        for part in re.split(r"[ ]*,[ ]*|[ ]+(?:et|and)[ ]+", re.sub(r"[ ]*\([^)]*\)", "", match.group("list"))):
            name = _clean_name(part)
            if name:
                hits.append((match.start(), name))
    return hits


_COUNT_BEFORE = re.compile(r"(?:\d|عشر|ثلاث|اربع|خمس|ست|سبع|ثمان|تسع|مائه|مئه|الف|عده|بضع)\S*\s+$")
_ARABIC_FUNCTION_WORDS = frozenset("بان ان انه انها التي الذي عن علي في من الي مع بين حيث وقد قد كما لكن ثم او "
                                   "هذه هذا ذلك تلك عبر خلال نحو حول منذ بعد قبل ضمن".split())
_ARABIC_NON_NAMES = re.compile(
    # stems only: the function words ("التي", "هذه") are whole words, checked apart (not «ألتيكس»)
    r"^(?:ال|ل)?(?:متخصص|فرنس|امريك|اسبان|الماني|بريطان|مغرب|دولي|عالمي|رائد|كبر|جديد|"
    r"المتخصص|العامل|الناشط|الرائد|الفرنس|الامريك|الاسبان|المغرب|الدولي|العالمي)"
)


@cache
def _arabic_non_names() -> frozenset[str]:
    return frozenset(fold(w) for w in _vocab()["arabic_non_names"])


@cache
def _arabic_company_nouns() -> frozenset[str]:
    words = _vocab()["arabic_intro"] + _vocab()["arabic_company_nouns"]
    return frozenset(fold(w) for w in words)


def _arabic_name(candidate: str, quoted: bool = False) -> str | None:
    first = candidate.split()[0]
    folded = fold(first)
    # Nisba adjectives ("الكندية", "فرنسية") describe the company; they are not its name.
    if _ARABIC_NON_NAMES.match(folded) or len(first) < 3 or folded.endswith(("يه", "يين", "يون")):
        return None
    if folded.startswith(("ال", "لل", "بال", "وال", "فال")) and not (quoted and not folded.startswith("لل")):
        return None  # a definite common noun ("شركة للتعهيد"), not a name; a quoted «ألتيكس», «فالكوم» is one
    if folded in _arabic_non_names() or any(folded.startswith(noun) for noun in _arabic_company_nouns()):
        return None  # "فرع شركة فرنسية": the word for company, not its name
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


def _words_inside(short: str, long: str) -> bool:
    """The words of `short` appear, in a row, among the words of `long` (case ignored)."""
    inner, outer = fold(short).split(), fold(long).split()
    return any(outer[i:i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def _drop_fragments(names: list[str]) -> list[str]:
    """"NTT" next to "NTT Data", "Sitel" next to "Acticall Sitel": keep the longer one."""
    kept = []
    for name in names:
        if any(len(other) > len(name) and (other.startswith(name) or _words_inside(name, other)) for other in names):
            continue
        kept.append(name)
    return kept


@cache
def _parent_pattern() -> re.Pattern[str]:
    vocab = _vocab()
    fillers = rf"(?:(?:{_alt(vocab['parent_fillers'])})[ ]+|[a-zàâçéèêëîïôûùüÿ\-]+[ ]+){{0,3}}"
    nationals = rf"(?:(?:{_alt(vocab['nationalities'])})[ ]+)?"
    return re.compile(rf"(?i:{_alt(vocab['parent_intro'])})[ ]*{fillers}{nationals}"
                      rf"(?P<name>{_NAME}(?:[ ](?:and|et|&)[ ]{_NAME})?)")


def _parent_spans(sentence: str) -> list[tuple[int, int]]:
    """Where a sentence names a parent group ("filiale du conglomérat canadien X", "a subsidiary of
    Y and Z"): a name there is the owner, not the company that commits."""
    return [match.span("name") for match in _parent_pattern().finditer(sentence)]


@cache
def _park_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    vocab = _vocab()
    shore = _alt(vocab["shore_suffixes"])
    latin = rf"(?:[A-Z][\w\-]*[ ])?[A-Z][\w]*[ \-](?i:{shore})\b"
    arabic = rf"{_AR_LETTERS}+[ ](?:{shore})(?!{_AR_LETTERS})"
    opening = re.compile(rf"(?i:{_alt(vocab['opening_words'])})")
    return re.compile(rf"(?P<name>{_alt(vocab['park_developers'])})"), re.compile(rf"(?P<name>{latin}|{arabic})"), opening


def park_projects(sentences: list[str]) -> list[str]:
    """The project when no company is named, as written: a park's developer ("MEDZ", "CDG"), or
    a "... Shore" park that a sentence inaugurates ("le Roi inaugure Oujda Shore")."""
    developers, shores, opening = _park_patterns()
    if not any(opening.search(sentence) for sentence in sentences):
        return []  # a park merely named ("installée à Oujda Shore") is a place, not the project
    found: list[str] = []
    for sentence in sentences:
        found.extend(m.group("name") for m in developers.finditer(sentence))
        if opening.search(sentence):
            found.extend(m.group("name").strip(" -") for m in shores.finditer(sentence))
    return unique(found)


_GAZETTEERS: dict[int, tuple[Lexicon, tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str]]] = {}


def _gazetteer(lexicon: Lexicon) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str]]:
    """The lexicon's companies plus the sector vocabulary of `companies.toml` (Arabic spellings),
    per name, and the vocabulary's spellings as one pattern. Kept per lexicon object: hashing a
    Lexicon is costly."""
    entry = _GAZETTEERS.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        known = dict(lexicon.companies)
        extra = tuple((name, compile_terms(tuple(group))) for name, group in _vocab().get("known", {}).items())
        per_name = tuple(lexicon.companies) + tuple((n, p) for n, p in extra if n not in known) + \
            tuple((n, p) for n, p in extra if n in known)
        spellings = tuple(str(s) for group in _vocab().get("known", {}).values() for s in group)
        entry = _GAZETTEERS[id(lexicon)] = (lexicon, per_name, compile_terms(spellings))
    return entry[1], entry[2]


_LOCAL_SUFFIX = re.compile(r"^(?:[ ][A-Z][\w&\-]*){0,2}[ ]+(?:Maroc|Morocco|Maghreb|MAROC|MOROCCO)\b")


def _known_hits(sentence: str, lexicon: Lexicon) -> list[tuple[int, str, str]]:
    """(position, canonical, as written) for the gazetteer's companies in a sentence. The written
    form keeps a local subsidiary's suffix ("NTT Data Morocco"); Arabic-script mentions report the
    brand's Latin name."""
    folded = fold(sentence)
    per_name, known_any = _gazetteer(lexicon)
    if not (lexicon.company_any.search(folded) or known_any.search(folded)):
        return []
    same_length = len(folded) == len(sentence)
    hits, seen = [], set()
    for name, pattern in per_name:
        if name in seen:
            continue
        for match in pattern.finditer(folded):
            written = sentence[match.start():match.end()] if same_length else name
            if not written.isascii() or not same_length:
                written = name
            else:
                suffix = _LOCAL_SUFFIX.match(sentence[match.end():])
                written = written + suffix.group(0) if suffix else written
            hits.append((match.start(), name, written))
            seen.add(name)
    return hits


def find_companies(sentences: list[str], lexicon: Lexicon, cities: set[str]) -> list[str]:
    """Companies named in the given (announcement) sentences, in order of appearance, as written.
    A group named only as an owner ("filiale du groupe X") is left out when the announcing company
    is named; a park or its developer stands for the project when no company is."""
    city_folds = {fold(c) for c in cities}
    written: dict[str, str] = {}
    order: list[str] = []
    parents: set[str] = set()
    actors: set[str] = set()
    for sentence in sentences:
        spans = _parent_spans(sentence)
        hits = _known_hits(sentence, lexicon)
        hits += [(pos, _canonical(name, lexicon), name) for pos, name in pattern_companies(sentence)]
        for pos, canonical, surface in sorted(hits):
            if fold(canonical) in city_folds or fold(surface) in city_folds:
                continue
            if _FORMER_NAME_BEFORE.search(sentence[max(0, pos - 30):pos]):
                continue  # a known brand named as the company's old name
            (parents if any(a <= pos < b for a, b in spans) else actors).add(canonical)
            order.append(canonical)
            if _better_surface(surface, written.get(canonical)):
                written[canonical] = surface
    names = _drop_fragments(unique(written[c] for c in order))
    owners = {written[c] for c in parents - actors}
    if owners and any(n not in owners for n in names):
        names = [n for n in names if n not in owners]
    return names


def _better_surface(surface: str, current: str | None) -> bool:
    """Latin script over Arabic, then the longer writing ("TELUS International" over "TELUS")."""
    if current is None:
        return True
    return (surface.isascii(), len(surface)) > (current.isascii(), len(current))
