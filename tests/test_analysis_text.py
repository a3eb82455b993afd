"""City normalisation, language detection, sentence splitting and body trimming."""

from __future__ import annotations

import pytest

from analysis.body import main_body
from analysis.language import detect_language
from analysis.places import find_cities
from analysis.text import fold, split_sentences


@pytest.mark.parametrize("text, city", [
    ("à Casablanca", "Casablanca"), ("بالدار البيضاء", "Casablanca"), ("Casa", "Casablanca"),
    ("à Fès", "Fès"), ("in Fez", "Fès"), ("a Fes", "Fès"), ("بفاس", "Fès"),
    ("Tanger", "Tanger"), ("Tangier", "Tanger"), ("طنجة", "Tanger"),
    ("Meknes", "Meknès"), ("Kenitra", "Kénitra"), ("Tetouan", "Tétouan"), ("Laayoune", "Laâyoune"),
    ("Al-Hoceima", "Al Hoceima"), ("Marrakesh", "Marrakech"), ("بأكادير", "Agadir"), ("بوجدة", "Oujda"),
    ("الداخلة", "Dakhla"), ("Salé", "Salé"),
])
def test_city_spellings_map_to_french(text: str, city: str) -> None:
    assert find_cities(text) == [city]


def test_cities_keep_order_and_parks_are_a_fallback() -> None:
    assert find_cities("à Tanger, Fès, Rabat, Agadir et Casablanca") == [
        "Tanger", "Fès", "Rabat", "Agadir", "Casablanca"]
    assert find_cities("au sein de Casanearshore") == ["Casablanca"]
    assert find_cities("the sale of a company") == []


@pytest.mark.parametrize("text, lang", [
    ("Le groupe va créer 500 emplois dans son centre de Fès.", "fr"),
    ("The company will create 500 jobs at its centre in Fez.", "en"),
    ("ستوفر الشركة 500 منصب شغل بمدينة فاس.", "ar"),
])
def test_language_detection(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_language_hint_wins() -> None:
    assert detect_language("The company", "fr-FR") == "fr"


def test_sentences_split_on_periods_but_not_abbreviations_or_numbers() -> None:
    text = "M. El Firdaouss a parlé. Il y a 5.050 emplois.\n- Phoneo, qui s'engage à créer 2.000 emplois."
    assert split_sentences(text) == [
        "M. El Firdaouss a parlé.", "Il y a 5.050 emplois.", "Phoneo, qui s'engage à créer 2.000 emplois."]


def test_body_drops_teasers_and_footers() -> None:
    text = ("Un vrai article sur les centres d'appels à Fès.\nDeuxième paragraphe.\nTroisième.\n"
            "Ces articles devraient vous intéresser :\nThales investit 350 MDH")
    body = main_body(text)
    assert "Thales" not in body and "Troisième" in body


def test_guarded_term_lists_match_exactly_like_their_regex() -> None:
    from analysis.text import compile_terms

    terms = ("centre d'appels", "call center", "مركز النداء", "التعهيد", "e-commerce", "ntt data")
    guarded = compile_terms(terms)
    texts = ["le centre d' appels de fes", "two call-centers", "افتتاح مركز جديد للنداء", "وللتعهيد", "no topic at all",
             "ntt-data morocco", "le e commerce"]
    for text in map(fold, texts):
        assert [m.group(0) for m in guarded.finditer(text)] == [m.group(0) for m in guarded.regex.finditer(text)]
        assert bool(guarded.search(text)) == bool(guarded.regex.search(text))
    assert guarded.search("aucun terme ici") is None and guarded.findall("aucun terme ici") == []
    assert "centre" in guarded.pattern
