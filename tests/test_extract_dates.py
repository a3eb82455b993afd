"""crawler.dates: the visible date formats of Moroccan sites, in French, Arabic and English."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.dates import parse_visible_date


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Médias24 / Le Matin; 20 April 2022 fell in Ramadan, when Morocco is on UTC+0
        ("Le 20 avril 2022 à 12h22", utc(2022, 4, 20, 12, 22)),
        ("Le 12 octobre 2023 à 15h38 | Modifié 12 octobre 2023 à 15h43", utc(2023, 10, 12, 14, 38)),
        # Le360
        ("23.04.2025 - 18:37", utc(2025, 4, 23, 17, 37)),
        ("Le 07/04/2025 à 12h18", utc(2025, 4, 7, 11, 18)),
        # during Ramadan Morocco is back on UTC+0
        ("02.03.2026 - 14:05", utc(2026, 3, 2, 14, 5)),
        # weekday, ordinal, capitals, no accents
        ("Lundi 1er Decembre 2025 - 09:40", utc(2025, 12, 1, 8, 40)),
        ("Mardi 3 Mars 2025", utc(2025, 3, 3)),
        ("Publié le 18 août 2025", utc(2025, 8, 18)),
        # Arabic month names, Maghreb and Mashriq, Arabic-Indic digits, RTL marks
        ("الجمعة 11 يوليوز 2025 - 16:48", utc(2025, 7, 11, 15, 48)),
        ("الجمعة 11 يوليو 2025 - 16:48", utc(2025, 7, 11, 15, 48)),
        ("\u200f١٨ نونبر ٢٠٢٥ - ١٠:١٥", utc(2025, 11, 18, 9, 15)),
        ("نشر في هسبريس يوم 18 نونبر 2025", utc(2025, 11, 18)),
        ("3 كانون الأول 2024", utc(2024, 12, 3)),
        ("14 غشت 2025", utc(2025, 8, 14)),
        # English
        ("November 12, 2025 10:15", utc(2025, 11, 12, 9, 15)),
        ("Tuesday 17 June 2025 - 08:05", utc(2025, 6, 17, 7, 5)),
        # numeric day only, XOOPS-style seconds
        ("05/06/2025", utc(2025, 6, 5)),
        # before 2018 Morocco was on UTC+0 outside its summer-time months
        ("le 12/09/2011 10:30:00 (1523 lectures)", utc(2011, 9, 12, 10, 30)),
        ("2025-04-23 18:37", utc(2025, 4, 23, 17, 37)),
    ],
)
def test_formats(text: str, expected: datetime) -> None:
    assert parse_visible_date(text) == expected


@pytest.mark.parametrize("text", [None, "", "Aucune date ici", "31.02.2025 - 10:00", "Tél. 05 22 12 34 56", "1 mars 1850"])
def test_no_date(text: str | None) -> None:
    assert parse_visible_date(text) is None


def test_impossible_time_keeps_the_day() -> None:
    assert parse_visible_date("23.04.2025 - 28:99") == utc(2025, 4, 23)
