"""Several companies in one event, their shares enumerated: every company named, the event's total kept.

Written examples (invented names and figures): the later companies of an enumeration often lose their
verb and noun ("X s'engage sur 400 emplois et Y sur 250", "A plans 900 positions and Portugal's B 500",
"بين شركة «أ» بـ700 منصب، و«ب» بـ400 منصب").
"""

from __future__ import annotations

from analysis import analyze


def test_a_french_enumeration_of_shares_names_every_company() -> None:
    result = analyze(title=None, text=(
        "Trois opérateurs de centres d'appels ont signé lundi des conventions d'investissement pour s'implanter à "
        "Nador. Au total, ces projets créeront 1.050 emplois. Le groupe Parvello prévoit 500 postes ; Intellor "
        "s'engage sur 350 emplois et Cadmea sur 200."))
    assert result.announcement and result.jobs == 1050
    assert {"Parvello", "Intellor", "Cadmea"} <= set(result.companies)


def test_an_english_enumeration_with_possessive_countries_names_the_companies_not_the_countries() -> None:
    result = analyze(title="Two contact-centre firms commit to 1,400 jobs in Marrakech", text=(
        "Two customer-experience companies signed agreements with Morocco's investment agency on Monday to open "
        "new centers in Marrakech. The two projects will create 1,400 jobs in total: Italy's Serrano Contact "
        "plans 900 positions and Portugal's Lisvia Services 500."))
    assert result.announcement and result.jobs == 1400
    assert set(result.companies) == {"Serrano Contact", "Lisvia Services"}


def test_an_arabic_enumeration_of_shares_names_every_company() -> None:
    result = analyze(title=None, text=(
        "وقعت ثلاث شركات متخصصة في ترحيل الخدمات، يوم الثلاثاء، اتفاقيات استثمار لإحداث مراكز جديدة بمدينة "
        "العرائش، ستوفر ما مجموعه 1500 منصب شغل. وتتوزع هذه المناصب بين شركة «فالكوم» بـ700 منصب، "
        "و«ريزونا» بـ500 منصب، و«تيلماكس» بـ300 منصب."))
    assert result.announcement and result.jobs == 1500
    assert {"فالكوم", "ريزونا", "تيلماكس"} <= set(result.companies)


def test_a_year_or_a_percentage_after_a_capitalised_word_is_no_share() -> None:
    result = analyze(title=None, text=(
        "Le prestataire de relation client Vantelis ouvrira un centre à Safi en 2027 et recrutera 300 "
        "conseillers, dont 60% de femmes, et Casablanca 2030 reste sa priorité commerciale."))
    assert result.announcement and result.companies == ["Vantelis"]
