"""Text normalisation shared by exact and near-duplicate detection (French, Arabic, English).

Accents, Arabic diacritics, hamza carriers, tatweel, letter case and digit scripts are folded,
so an edit of spelling or typography does not make a copy look new; numbers are read as
values ("5.050", "5 050" and "٥٠٥٠" are all 5050) because figures are what tell stories apart.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# One table for every character-level fold: digit scripts, apostrophes, Arabic letter
# variants (alef maksura, ta marbuta) and tatweel (dropped). None of them is touched by
# casefolding or NFD, so they are applied in one pass.
_FOLD = str.maketrans(
    {
        **{d: str(i % 10) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")},
        **dict.fromkeys("’‘`ʼ", "'"),
        "ى": "ي",
        "ة": "ه",
        "\u0640": None,
    }
)
# A grouped number needs a 1-3 digit head so "en 2022 300 emplois" stays two numbers.
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?!\d)|\d+(?:[.,]\d+)?"
_TOKEN = re.compile(rf"(?P<num>{_NUMBER})|(?P<word>[^\W\d_]+)")
_GROUPED = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+$")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
# Combining marks left by NFD: Latin accents and Arabic harakat, hamza and madda marks.
_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]"
)
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
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_FOLD)
    # Dropping combining marks removes French accents, Arabic harakat and hamza marks alike.
    return unicodedata.normalize("NFC", _MARKS.sub("", decomposed))


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
    return _tokens_of_normalised(normalise(text))


def _tokens_of_normalised(text: str) -> list[str]:
    return [number_token(num) if num else word for num, word in _TOKEN.findall(text)]


def paragraph_tokens(text: str) -> list[list[str]]:
    """Tokens of each non-empty paragraph (one normalisation pass for the whole text)."""
    found = (_tokens_of_normalised(p) for p in _PARAGRAPH_BREAK.split(normalise(text)))
    return [p for p in found if p]


def body_paragraphs(paragraphs: list[list[str]]) -> list[list[str]]:
    """The paragraphs long enough to be article prose (or all of them if none is)."""
    prose = [p for p in paragraphs if len(p) >= MIN_PARAGRAPH_WORDS]
    return prose or paragraphs


def hash_tokens(token_list: list[str]) -> str:
    joined = " ".join(token_list)
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=16).hexdigest()


def body_hash(text: str) -> str:
    """Hash of the normalised body: equal for texts that differ only in case, accents,
    spacing, punctuation or digit script."""
    return hash_tokens(tokens(text))


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
