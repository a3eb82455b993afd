"""Every date the crawl reads, as aware UTC: machine dates and printed ones.

``parse_date``: the machine-readable forms (ISO 8601 in sitemaps, meta tags, JSON-LD and
WordPress; RFC 822 in feeds). ``parse_visible_date``: the dates Moroccan sites print, read
without `dateparser`, used by `crawler.article_extractor` only when a page has no
machine-readable date. Printed forms handled, with or without a time:
Handled forms, with or without a time:

    Le 20 avril 2022 à 12h22          (Médias24, Le Matin)
    23.04.2025 - 18:37                (Le360)
    Le 07/04/2025 à 12h18, 12/03/2025 (Le360, MAP, FNH)
    Lundi 3 mars 2025, 1er mars 2025
    الجمعة 14 مارس 2025 - 10:15        (Maghreb and Mashriq month names, Arabic-Indic digits)
    March 14, 2025 10:15 / 14 March 2025

A printed time is Moroccan local time (Africa/Casablanca, which follows the Ramadan clock
change); the result is aware UTC. A date without a time is returned as midnight UTC of that
day, so the calendar day a reader saw is kept.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

MOROCCO = ZoneInfo("Africa/Casablanca")


def parse_date(value: str | None) -> datetime | None:
    """ISO 8601 or RFC 822 to aware UTC; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)

_MONTHS: dict[str, int] = {
    # French, with and without accents
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # English, full and abbreviated
    "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12, "may": 5,
    # Arabic, Maghreb names (used by Moroccan sites) then Egyptian/Gulf variants
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "ماي": 5,
    "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليوز": 7, "يوليو": 7, "يوليه": 7, "غشت": 8,
    "أغسطس": 8, "اغسطس": 8, "شتنبر": 9, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10,
    "نونبر": 11, "نوفمبر": 11, "دجنبر": 12, "ديسمبر": 12,
    # Arabic, Levantine names
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
}
# Longest names first, so "septembre" wins over "sept" and "كانون الثاني" over nothing.
_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_TIME = r"(?:\s*(?:à|a|-|–|,|،|at|\|)?\s*(?P<hour>\d{1,2})\s*[hH:]\s*(?P<minute>\d{2}))?"
_PATTERNS = [
    # 23.04.2025 - 18:37 / 07/04/2025 à 12h18 / 12-03-2025
    re.compile(r"(?<!\d)(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{4})" + _TIME),
    # 20 avril 2022 à 12h22 / 14 مارس 2025 - 10:15 / 14 March 2025
    re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})\s+(?P<name>{_MONTH})\.?\s+(?P<year>\d{{4}})" + _TIME),
    # March 14, 2025 10:15
    re.compile(rf"(?P<name>{_MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})" + _TIME),
    # 2025-04-23 18:37 (a local time printed ISO-style, without an offset)
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2}))?"),
]
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_INVISIBLE = re.compile(r"[\u200e\u200f\u202a-\u202e\u00a0\u2009\u202f]")
_ORDINAL = re.compile(r"\b1er\b", re.IGNORECASE)


def parse_visible_date(text: str | None, tz: ZoneInfo = MOROCCO) -> datetime | None:
    """The first date (and time) printed in ``text``, as aware UTC; None if there is none."""
    if not text:
        return None
    normalised = _normalise(text)
    for pattern in _PATTERNS:
        for match in pattern.finditer(normalised):
            parsed = _to_datetime(match, tz)
            if parsed is not None:
                return parsed
    return None


def _normalise(text: str) -> str:
    text = _INVISIBLE.sub(" ", text.translate(_ARABIC_DIGITS))
    text = _ORDINAL.sub("1", text)
    return " ".join(text.split()).lower()


def _to_datetime(match: re.Match[str], tz: ZoneInfo) -> datetime | None:
    parts = match.groupdict()
    month = _MONTHS[parts["name"]] if parts.get("name") else int(parts["month"])
    try:
        day = datetime(int(parts["year"]), month, int(parts["day"]))
    except ValueError:  # 31.02.2025, or a phone number that looked like a date
        return None
    if not 1990 <= day.year <= 2100:
        return None
    if parts.get("hour") is None:
        return day.replace(tzinfo=UTC)
    hour, minute = int(parts["hour"]), int(parts["minute"])
    if hour > 23 or minute > 59:
        return day.replace(tzinfo=UTC)
    return day.replace(hour=hour, minute=minute, tzinfo=tz).astimezone(UTC)
