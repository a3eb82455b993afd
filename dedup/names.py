"""Who and where, as outlets write them: company groups, transliterations and city areas.

Reports of one event name the company in different ways ("Capgemini Engineering Morocco",
"Capgemini", "كابجيميني", a subsidiary's brand) and the place at different scales (Salé for
Rabat, Nouaceur for Casablanca). These helpers map both to comparable keys.
"""

from __future__ import annotations

import re
import tomllib
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from typing import Any

from dedup.errors import DedupError
from dedup.text import normalise, tokens

_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
# Words that do not identify a company: "Webhelp Maroc SA" is Webhelp.
_COMPANY_NOISE = frozenset(
    """
    sa sarl sas sau spa ltd llc inc plc corp co group groupe holding maroc morocco
    the le la les al المغرب مجموعه شركه international
    """.split()
)
# A consonant skeleton: the letters a name keeps in both scripts. Vowels, long-vowel
# letters, h and 'ayn are dropped; voiced/unvoiced pairs that Arabic does not tell apart
# (p/b, v/f, g/j, c/k/q, d/t) share a class.
_LATIN_DIGRAPHS = (("ph", "f"), ("th", "t"), ("sh", "s"), ("ch", "s"), ("ck", "k"), ("x", "ks"))
_LATIN_CLASS = str.maketrans({
    "p": "b", "v": "f", "g": "j", "c": "k", "q": "k", "d": "t", "z": "s",
    **dict.fromkeys("aeiouyhw", None),
})
_ARABIC_CLASS = str.maketrans({
    "ب": "b", "پ": "b", "ف": "f", "ڤ": "f", "ج": "j", "غ": "j", "ك": "k", "ق": "k", "ک": "k",
    "گ": "j", "خ": "k", "ت": "t", "ط": "t", "د": "t", "ض": "t", "ث": "s", "ذ": "t", "س": "s",
    "ص": "s", "ش": "s", "ز": "s", "ظ": "t", "ل": "l", "ر": "r", "م": "m", "ن": "n",
    **dict.fromkeys("اأإآىويةهعءئؤح", None),
})
# Skeletons shorter than this collide between unrelated names.
MIN_SKELETON = 3
SIMILAR_SKELETON = 0.8


@cache
def _data() -> dict[str, Any]:
    path = resources.files("dedup") / "data" / "events.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DedupError(f"dedup/data/events.toml: {exc}") from exc


def is_arabic(key: str) -> bool:
    return bool(_ARABIC_LETTER.search(key))


def skeleton(word: str) -> str:
    """The consonant skeleton of one name word, in either script."""
    folded = normalise(word)
    if is_arabic(folded):
        out = folded.translate(_ARABIC_CLASS)
    else:
        out = re.sub(r"c(?=[eiy])", "s", folded)
        for digraph, single in _LATIN_DIGRAPHS:
            out = out.replace(digraph, single)
        out = out.translate(_LATIN_CLASS)
    out = re.sub(r"[^a-z]", "", out)
    return re.sub(r"(.)\1+", r"\1", out)  # doubled letters are one sound


def transliterated(arabic_key: str, latin_key: str) -> bool:
    """Whether an Arabic-script name and a Latin one can be the same name.

    Analysis keeps the first word of an Arabic name ("أطلس" of "أطلس كونتاكت"): that word is
    compared with the Latin name's first word and with the whole name run together.
    """
    arabic = skeleton(arabic_key.replace(" ", ""))
    first_arabic = skeleton(arabic_key.split()[0])
    latin_words = latin_key.split()
    if not latin_words:
        return False
    candidates = {skeleton("".join(latin_words)), skeleton(latin_words[0])}
    for ours in {arabic, first_arabic}:
        for theirs in candidates:
            if len(ours) < MIN_SKELETON or len(theirs) < MIN_SKELETON:
                continue
            if ours == theirs or SequenceMatcher(None, ours, theirs).ratio() >= SIMILAR_SKELETON:
                return True
    return False


def company_key(name: str) -> str:
    words = [w for w in tokens(name) if w not in _COMPANY_NOISE]
    return " ".join(words) or " ".join(tokens(name))


@cache
def _group_of() -> dict[str, str]:
    """Company key of a subsidiary's name -> company key of its group."""
    table: dict[str, str] = {}
    for group, members in _data().get("groups", {}).items():
        for member in members:
            table[company_key(member)] = company_key(group)
    return table


def group_key(key: str) -> str | None:
    """The group a company key belongs to, if it is a known subsidiary."""
    return _group_of().get(key)


@cache
def _area_of() -> dict[str, str]:
    return {
        " ".join(tokens(city)): area
        for area, cities in _data().get("areas", {}).items()
        for city in cities
    }


def place_key(city: str) -> str:
    """The employment area of a city, or the city itself when it has none listed."""
    key = " ".join(tokens(city))
    return _area_of().get(key, key)
