"""crawler.article_extractor: the per-site overrides and the worker-process behaviour."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.article_extractor import extract_article, is_truncated
from crawler.errors import ExtractionFailed
from crawler.sites import UnknownParser

# <!-- synthetic: written for newswatch tests -->
PARAGRAPHS = "".join(
    f"<p>Paragraphe {n} de notre article de test sur un centre de services : il décrit le projet, "
    f"les emplois prévus et le calendrier des recrutements annoncé par la direction.</p>"
    for n in range(1, 5)
)
PAGE = f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Un titre de test</title></head>
<body><header><a href="/">Accueil</a></header>
<div class="standfirst">Le chapeau placé hors du corps de l'article, que l'extracteur peut perdre.</div>
<p class="byline">Rédigé par Amina Test le Lundi 3 Mars 2025</p>
<p class="when">Le 3 mars 2025 à 10h05</p>
<div class="body">{PARAGRAPHS}<div class="promo">Abonnez-vous à notre lettre gratuite dès aujourd'hui.</div></div>
<footer>Pied de page</footer></body></html>"""
URL = "https://example.ma/article-de-test/"


def test_same_page_twice_in_one_worker_gives_the_same_text() -> None:
    # trafilatura's `deduplicate` cache is per process: a refetched page or a wire story's
    # second copy used to come out empty in a long-lived extraction worker.
    first = extract_article(PAGE, URL, None)
    for _ in range(3):
        assert extract_article(PAGE, URL, None)["text"] == first["text"]


def test_selectors_lead_date_author_body_and_remove() -> None:
    selectors = {"lead": "div.standfirst", "date": "p.when", "author": "p.byline",
                 "body": "div.body", "remove": [".promo"]}
    fields = extract_article(PAGE, URL, selectors)
    assert fields["text"].startswith("Le chapeau placé hors du corps")
    assert "Paragraphe 4" in fields["text"] and "Abonnez-vous" not in fields["text"]
    assert "Pied de page" not in fields["text"] and "Rédigé par" not in fields["text"]
    assert fields["author"] == "Amina Test"
    assert fields["published_at"] == datetime(2025, 3, 3, 10, 5, tzinfo=UTC)  # Ramadan: UTC+0


def test_a_body_selector_that_no_longer_matches_falls_back_to_trafilatura() -> None:
    fields = extract_article(PAGE, URL, {"body": "div.gone"})
    assert "Paragraphe 1" in fields["text"]


def test_visible_date_is_the_last_resort_without_selectors() -> None:
    assert extract_article(PAGE, URL, None)["published_at"] is not None


def test_site_paywall_phrase_marks_truncation_even_when_the_box_is_removed() -> None:
    page = PAGE.replace('<div class="promo">', '<div class="promo">Contenu premium : ')
    fields = extract_article(page, URL, {"remove": [".promo"], "paywall": ["Contenu premium"]})
    assert fields["truncated"] is True
    assert extract_article(PAGE, URL, None)["truncated"] is False


@pytest.mark.parametrize("tail", [
    "La suite de cet article est réservée aux abonnés.",
    "Cet article est réservé à nos abonnés.",
    "هذا المقال خاص بالمشتركين",
])
def test_known_paywall_phrases(tail: str) -> None:
    assert is_truncated("Un long texte. " * 20 + tail)


def test_unknown_parser_is_a_named_error() -> None:
    with pytest.raises(UnknownParser, match="no site parser 'nope'"):
        extract_article(PAGE, URL, {"parser": "nope"})


def test_too_short_is_extraction_failed() -> None:
    with pytest.raises(ExtractionFailed):
        extract_article("<html><body><p>Trop court.</p></body></html>", URL, None)


def test_a_source_naming_an_unknown_parser_is_refused_at_load() -> None:
    from pydantic import ValidationError

    from crawler.sources import Source

    with pytest.raises(ValidationError, match="no parser 'nope'"):
        Source(name="x", homepage="https://a.ma/", selectors={"parser": "nope"})
