"""Text normalisation shared by exact and near-duplicate detection (French, Arabic, English).

Accents, Arabic diacritics, hamza carriers, tatweel, letter case and digit scripts are folded,
so an edit of spelling or typography does not make a copy look new; numbers are read as
values ("5.050", "5 050" and "٥٠٥٠" are all 5050) because figures are what tell stories apart.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ARABIC_FOLD = str.maketrans({"ى": "ي", "ة": "ه", "\u0640": None})  # tatweel dropped
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
# A grouped number needs a 1-3 digit head so "en 2022 300 emplois" stays two numbers.
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?!\d)|\d+(?:[.,]\d+)?"
_TOKEN = re.compile(rf"(?P<num>{_NUMBER})|(?P<word>[^\W\d_]+)")
_GROUPED = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+$")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
# Paragraphs shorter than this are menus, bylines, dates and share buttons.
MIN_PARAGRAPH_WORDS = 8

SCALES = {
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mdh": 1e6, "mdhs": 1e6, "mdirhams": 1e6,
    "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9, "mmdh": 1e9,
    "mds": 1e9, "md": 1e9, "mrd": 1e9, "mrds": 1e9, "bn": 1e9,
    "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "ملايير": 1e9, "مليارات": 1e9,
}


def normalise(text: str) -> str:
    """Fold ``text`` to the form every comparison uses (casefolded, accents removed)."""
    text = unicodedata.normalize("NFKC", text).translate(_DIGITS).translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFD", text.casefold())
    # Dropping combining marks removes French accents, Arabic harakat and hamza marks alike.
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).translate(_ARABIC_FOLD)


def number_value(token: str) -> float:
    """The value of a number token as matched by the tokenizer."""
    if _GROUPED.match(token):
        return float(re.sub(r"\D", "", token))
    return float(token.replace(",", "."))


def number_token(raw: str) -> str:
    value = number_value(raw)
    return str(int(value)) if value.is_integer() else repr(value)


def tokens(text: str) -> list[str]:
    """Words and canonical numbers of ``text``, in order, normalised."""
    out: list[str] = []
    for match in _TOKEN.finditer(normalise(text)):
        num = match.group("num")
        out.append(number_token(num) if num else match.group("word"))
    return out


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def body_paragraphs(text: str) -> list[str]:
    """The paragraphs long enough to be article prose (or all of them if none is)."""
    found = paragraphs(text)
    prose = [p for p in found if len(_TOKEN.findall(p)) >= MIN_PARAGRAPH_WORDS]
    return prose or found


def body_hash(text: str) -> str:
    """Hash of the normalised body: equal for texts that differ only in case, accents,
    spacing, punctuation or digit script."""
    joined = " ".join(tokens(text))
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=16).hexdigest()


def is_number(token: str) -> bool:
    return token[:1].isdigit()


def figures(token_list: list[str]) -> set[float]:
    """Salient figures: numbers of 10 or more, also multiplied by a following scale word
    ("65 millions" gives 65 and 65,000,000)."""
    found: set[float] = set()
    for i, token in enumerate(token_list):
        if not is_number(token):
            continue
        value = float(token)
        if value >= 10:
            found.add(value)
        scale = SCALES.get(token_list[i + 1], 0.0) if i + 1 < len(token_list) else 0.0
        if scale:
            found.add(value * scale)
    return found
