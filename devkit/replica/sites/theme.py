"""Pieces of page furniture shared by the replica themes."""

from __future__ import annotations

from devkit.replica.article import ReplicaArticle
from devkit.replica.sites.base import esc

SECTION_LABELS = {
    "economie": "Économie",
    "entreprises": "Entreprises",
    "finance": "Finance",
    "immobilier": "Immobilier",
    "emploi": "Emploi",
    "regions": "Régions",
    "societe": "Société",
}

INTERLUDE_AFTER = 2  # paragraphs before the in-article slot

COOKIE_TEXT = (
    "Nous utilisons des cookies pour mesurer l'audience et personnaliser les publicités. "
    "En poursuivant votre navigation, vous acceptez leur utilisation."
)


def cookie_banner(text: str = COOKIE_TEXT) -> str:
    return f"""<div id="cookie-notice" class="cookie-banner fixed-bottom" role="dialog" aria-label="Cookies">
	<span class="cn-text">{esc(text)}</span>
	<a href="#" class="cn-accept btn btn-primary">J'accepte</a> <a href="/politique-de-confidentialite/" class="cn-more">En savoir plus</a>
</div>"""


def bullets_position(article: ReplicaArticle) -> int:
    """Index of the paragraph the bullet list follows: the first one announcing a list
    (ending with ':'), otherwise the last paragraph."""
    for index, paragraph in enumerate(article.paragraphs):
        if paragraph.rstrip().endswith(":"):
            return index
    return len(article.paragraphs) - 1


def body_html(
    article: ReplicaArticle, paragraph_class: str = "", indent: str = "\t\t", interlude: str = ""
) -> str:
    """The article body as <p> elements with the optional <ul> in place.

    `interlude` (an in-article ad slot on real-weight pages) goes after the second
    paragraph, where real sites put their "in-read" slot.
    """
    attr = f' class="{paragraph_class}"' if paragraph_class else ""
    parts = [f"{indent}<p{attr}>{esc(p)}</p>" for p in article.paragraphs]
    after_bullets = bullets_position(article) + 1
    if article.bullets:
        items = "".join(f"\n{indent}\t<li>{esc(b)}</li>" for b in article.bullets)
        parts.insert(after_bullets, f"{indent}<ul>{items}\n{indent}</ul>")
    if interlude and len(article.paragraphs) > INTERLUDE_AFTER:
        shift = 1 if article.bullets and after_bullets <= INTERLUDE_AFTER else 0
        parts.insert(INTERLUDE_AFTER + shift, interlude)
    return "\n".join(parts)
