"""Cheap language identification for the three languages of Moroccan business news."""

from __future__ import annotations

import re

from analysis.text import ARABIC

SUPPORTED = ("fr", "ar", "en")
_ARABIC_LETTER = re.compile(f"[{ARABIC}]")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")
_WORD = re.compile(r"[a-zà-ÿ']+")
_FRENCH = frozenset("le la les des du de et est une un dans pour qui au aux sur avec par ce cette ont sont "
                    "été sera plus ses son leur entre selon d'un d'une l'".split())
_ENGLISH = frozenset("the and of to in is for with that will on by are was has have its from this which "
                     "at as be it an their more".split())


def detect_language(text: str, hint: str | None = None) -> str:
    """"fr", "ar" or "en". A supported `hint` (e.g. from the page metadata) wins."""
    if hint:
        short = hint.strip().lower()[:2]
        if short in SUPPORTED:
            return short
    sample = text[:4000]
    arabic = len(_ARABIC_LETTER.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    if arabic > latin:
        return "ar"
    words = _WORD.findall(sample.lower())
    french = sum(1 for w in words if w in _FRENCH)
    english = sum(1 for w in words if w in _ENGLISH)
    return "en" if english > french else "fr"
