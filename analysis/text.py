"""Text utilities: folding for matching, phrase patterns, sentence splitting, body trimming."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

ARABIC = "\u0600-\u06ff"
_ARABIC_CHAR = re.compile(f"[{ARABIC}]")


def _build_fold_table() -> dict[int, str]:
    """Map every character we care about to its matching form in one `str.translate` pass."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if base and base != char:
            table[code] = base.lower()
    table.update({ord("œ"): "oe", ord("Œ"): "oe", ord("æ"): "ae", ord("Æ"): "ae", ord("ß"): "ss"})
    for quote in "’‘ʼ`´ʹ′":
        table[ord(quote)] = "'"
    for dash in "‐‑‒–—―":
        table[ord(dash)] = "-"
    for space in "\u00a0\u202f\u2009\u2007\u200a":
        table[ord(space)] = " "
    for zero_width in "\u200b\u200c\u200d\u200e\u200f\ufeff\u0640":  # incl. Arabic tatweel
        table[ord(zero_width)] = ""
    for code in range(0x064B, 0x0653):  # Arabic harakat
        table[code] = ""
    table[0x0670] = ""
    for alef in "أإآٱ":
        table[ord(alef)] = "ا"
    table.update({ord("ى"): "ي", ord("ة"): "ه", ord("ؤ"): "و", ord("ئ"): "ي", ord("،"): ",", ord("؛"): ";"})
    table.update({ord("٫"): ",", ord("٬"): "."})
    for i in range(10):
        table[0x0660 + i] = str(i)  # Arabic-Indic digits
        table[0x06F0 + i] = str(i)  # Extended (Persian) digits
    return table


_FOLD = _build_fold_table()


FOLD_CACHE_MAX_CHARS = 2000  # sentences are cached (several stages fold them), whole pages are not


def fold(text: str) -> str:
    """Lower-case, accent-free, Arabic-normalised form used for all vocabulary matching."""
    if len(text) <= FOLD_CACHE_MAX_CHARS:
        return _fold_short(text)
    return text.translate(_FOLD).lower()


@lru_cache(maxsize=4096)
def _fold_short(text: str) -> str:
    return text.translate(_FOLD).lower()


def has_arabic(text: str) -> bool:
    return bool(_ARABIC_CHAR.search(text))


def _latin_word_pattern(word: str) -> str:
    # Tolerate a plural on any word and any apostrophe/space variant inside it.
    parts = [re.escape(p) for p in word.split("'")]
    body = "'\\s?".join(parts)
    if word[-1:].isalpha() and len(word) > 2:
        body += "(?:s|x)?"
    return body


def _arabic_term_pattern(term: str) -> str:
    words = [re.escape(w) for w in term.split()]
    body = "\\s+".join(words)
    if term.startswith("ال"):
        prefix = "(?:[وفبك]|ل(?=ل))?"
    else:
        prefix = "(?:[وفبلك]|وال|بال|ال|لل|فال)?"
    return f"(?<![{ARABIC}]){prefix}{body}(?:[{ARABIC}]{{0,3}})(?![{ARABIC}])"


def term_pattern(term: str) -> str:
    """Regex source for one vocabulary term, to be matched against `fold`ed text."""
    term = fold(term.strip())
    if has_arabic(term):
        return _arabic_term_pattern(term)
    words = [w for w in re.split(r"[\s\-]+", term) if w]
    body = "[\\s\\-']+".join(_latin_word_pattern(w) for w in words)
    if not words:
        raise ValueError("empty term")
    lead = "(?<![a-z0-9])" if term[0].isalnum() else ""
    tail = "(?![a-z0-9])" if term[-1].isalnum() else ""
    return f"{lead}{body}{tail}"


def _latin_body(term: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", term) if w]
    return "[\\s\\-']+".join(_latin_word_pattern(w) for w in words)


def _arabic_word(word: str, first: bool) -> str:
    if word.startswith("ال"):
        # "التعهيد" also appears as "للتعهيد" (ل + ال) and, after the first word, as "لتعهيد".
        return f"(?:ال|لل{'' if first else '|ل'}){re.escape(word[2:])}"
    # "مذكرات تفاهم" is also written "مذكرات التفاهم": a later word may take the article.
    return re.escape(word) if first else f"(?:ال)?{re.escape(word)}"


def _arabic_body(term: str) -> str:
    words = term.split()
    # "مركزا جديدا للنداء" and "مركز للاتصال" are the same term as "مركز النداء"/"مركز الاتصال".
    parts = [_arabic_word(w, i == 0) for i, w in enumerate(words)]
    # One adjective may sit between the words: "مركزا جديدا للاتصال".
    return f"[{ARABIC}]{{0,2}}\\s+(?:[{ARABIC}]{{3,8}}\\s+)?".join(parts)


def _literal(term: str) -> str:
    """A piece of text every match of the term contains: its longest word, without the Arabic article
    (matched as ال, لل or ل) and without a Latin plural ending."""
    pieces = [w[2:] if has_arabic(w) and w.startswith("ال") else w for w in re.split(r"[\s\-']+", term)]
    return max(pieces, key=len, default="")


class TermPattern:
    """A compiled term list that skips the regex when none of its terms' literal words occurs.

    Most sentences contain none of a table's terms, and a substring test is ~100x cheaper than the
    regex scan (whose leading look-behind and Arabic prefixes defeat the engine's literal search).
    Behaves as the `re.Pattern` it wraps."""

    __slots__ = ("regex", "_literals")

    def __init__(self, regex: re.Pattern[str], literals: tuple[str, ...]) -> None:
        self.regex = regex
        self._literals = literals

    def _possible(self, string: str) -> bool:
        return any(literal in string for literal in self._literals)

    def search(self, string: str, *args: int) -> re.Match[str] | None:
        return self.regex.search(string, *args) if self._possible(string) else None

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        return self.regex.match(string, *args) if self._possible(string) else None

    def fullmatch(self, string: str, *args: int) -> re.Match[str] | None:
        return self.regex.fullmatch(string, *args) if self._possible(string) else None

    def finditer(self, string: str, *args: int) -> Iterable[re.Match[str]]:
        return self.regex.finditer(string, *args) if self._possible(string) else iter(())

    def findall(self, string: str, *args: int) -> list:  # type: ignore[type-arg]
        return self.regex.findall(string, *args) if self._possible(string) else []

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.regex, name)  # .pattern, .sub, .split, ...


@lru_cache(maxsize=256)
def compile_terms(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a whole term list, matched against `fold`ed text.

    Boundaries are factored out of the alternation (one look-behind per script instead of one per
    term), and the result is guarded by a substring test on each term's literal word (`TermPattern`).
    """
    folded = sorted({fold(t.strip()) for t in terms if t.strip()}, key=len, reverse=True)
    if not folded:
        return re.compile(r"(?!x)x")
    regex = _compile_folded(folded)
    literals = _minimal_literals({_literal(t) for t in folded})
    if not literals or len(literals[0]) < MIN_GUARD_LITERAL:
        return regex  # a two-letter word is in every sentence: the guard would only cost time
    return TermPattern(regex, literals)  # type: ignore[return-value]


MIN_GUARD_LITERAL = 3


def _minimal_literals(literals: set[str]) -> tuple[str, ...]:
    """The literals none of which contains another: "centre" stands for "centres" too."""
    ordered = sorted(literals, key=len)
    kept: list[str] = []
    for literal in ordered:
        if not literal:
            return ()
        if not any(k in literal for k in kept):
            kept.append(literal)
    return tuple(kept)


def _compile_folded(folded: list[str]) -> re.Pattern[str]:
    latin = [t for t in folded if not has_arabic(t) and t[0].isalnum() and t[-1].isalnum()]
    arabic = [t for t in folded if has_arabic(t)]
    loose = [t for t in folded if t not in latin and t not in arabic]
    groups = []
    if latin:
        groups.append("(?<![a-z0-9])(?:" + "|".join(_latin_body(t) for t in latin) + ")(?![a-z0-9])")
    if arabic:
        groups.append(f"(?<![{ARABIC}])(?:[وفبلك]|وال|بال|ال|لل|فال|ول)?(?:"
                      + "|".join(_arabic_body(t) for t in arabic) + f")[{ARABIC}]{{0,3}}(?![{ARABIC}])")
    if loose:
        groups.append("(?:" + "|".join(term_pattern(t) for t in loose) + ")")
    return re.compile("|".join(groups))


def find_terms(pattern: re.Pattern[str], folded: str) -> list[str]:
    return [m.group(0) for m in pattern.finditer(folded)]


# --- sentences -------------------------------------------------------------------------------

_ABBREVIATIONS = {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "cie", "etc", "no", "n", "vs",
                  "av", "bd", "inc", "ltd", "co", "sa", "sarl", "mr", "mrs", "ms", "jr", "p", "art"}
_SENTENCE_END = re.compile(r"(?<=[.!?؟…])[\"»”']?\s+(?=[\"«“'(\-–—•]?\s*[A-ZÀ-ÖØ-Þ0-9" + ARABIC + r"])")
_LINE_BREAK = re.compile(r"\s*\n+\s*")
_BULLET = re.compile(r"^\s*(?:[-–—•*·]|\d+[.)])\s+")


def _ends_with_abbreviation(chunk: str) -> bool:
    match = re.search(r"(\w+)\.\W*$", chunk)
    if not match:
        return False
    word = match.group(1)
    return fold(word) in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def split_sentences(text: str) -> list[str]:
    """Sentences of a text: newlines and bullets always split; periods split unless after an abbreviation."""
    sentences: list[str] = []
    for line in _LINE_BREAK.split(text):
        line = _BULLET.sub("", line).strip()
        if not line:
            continue
        pending = ""
        start = 0
        for match in _SENTENCE_END.finditer(line):
            chunk = line[start:match.start()]
            start = match.end()
            if _ends_with_abbreviation(chunk):
                pending += chunk + " "
                continue
            sentences.append((pending + chunk).strip())
            pending = ""
        tail = (pending + line[start:]).strip()
        if tail:
            sentences.append(tail)
    return [s for s in sentences if s]


def unique(items: Iterable[str]) -> list[str]:
    """Order-preserving de-duplication."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
