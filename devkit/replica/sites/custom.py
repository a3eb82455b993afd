"""A custom-CMS news site in the manner of Le Matin.

Numbered feeds /rssFeed/<n> (0 = latest, 4 = économie, 28 = emploi...), a
section page /economie listing /economie/<slug>/<numeric id>, the body in
`div.article-content.content` and a visible date 'Le 20 avril 2022 à 12h22'.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from devkit.replica.article import ReplicaArticle, french_date, iso_utc
from devkit.replica.sites.base import (
    HTML,
    Route,
    Site,
    esc,
    excerpt,
    numeric_id,
    pages,
    rfc822,
)
from devkit.replica.sites.furniture import Furniture, dress
from devkit.replica.sites.theme import SECTION_LABELS, body_html, cookie_banner

FEED_SIZE = 30
LISTING_SIZE = 20
FEED_IDS = {"economie": 4, "emploi": 28, "regions": 2, "societe": 9, "entreprises": 74}


class CustomSite(Site):
    kind = "custom"
    name = "Le Matinal"

    def article_path(self, article: ReplicaArticle) -> str:
        return f"/{article.section}/{article.slug}/{numeric_id(article)}"

    def sections(self) -> list[str]:
        return sorted({"economie", *(a.section for a in self.articles())})

    # -- listings --------------------------------------------------------------
    def listing_routes(self) -> dict[str, Callable[[], Route]]:
        routes: dict[str, Callable[[], Route]] = {
            "/": lambda: (HTML, self.listing_page(None, 1).encode()),
            "/rssFeed/0": lambda: self.feed(None),
            "/robots.txt": lambda: self.robots(["/admin/", "/recherche"], ["/sitemap.xml"]),
            "/sitemap.xml": self.sitemap,
        }
        for section in self.sections():
            if section in FEED_IDS:
                routes[f"/rssFeed/{FEED_IDS[section]}"] = lambda s=section: self.feed(s)
            count = len(pages(self.articles(section), LISTING_SIZE))
            for number in range(1, count + 1):
                routes[self.listing_path(section, number)] = lambda s=section, n=number: (
                    HTML,
                    self.listing_page(s, n).encode(),
                )
        return routes

    @staticmethod
    def listing_path(section: str, number: int) -> str:
        return f"/{section}" if number == 1 else f"/{section}?page={number}"

    def feed(self, section: str | None) -> Route:
        items = [
            f"""\t<item>
\t\t<title>{esc(a.title)}</title>
\t\t<link>{esc(self.article_url(a))}</link>
\t\t<description>{esc(a.lead or excerpt(a, 40))}</description>
\t\t<pubDate>{rfc822(a)}</pubDate>
\t\t<guid>{esc(self.article_url(a))}</guid>
\t\t<category>{esc(SECTION_LABELS.get(a.section, a.section))}</category>
\t\t<enclosure url="{esc(self.url(f"/uploads/articles/{numeric_id(a)}.jpg"))}" type="image/jpeg" length="0"/>
\t</item>
"""
            for a in self.articles(section)[:FEED_SIZE]
        ]
        path = "/rssFeed/0" if section is None else f"/rssFeed/{FEED_IDS[section]}"
        return self.rss(f"{self.name} - {SECTION_LABELS.get(section or '', 'À la une')}", path, items, "Le Matinal : toute l'actualité du Maroc")

    def sitemap(self) -> Route:
        entries = [
            f"\t<url>\n\t\t<loc>{esc(self.article_url(a))}</loc>\n\t\t<lastmod>{iso_utc(a.published)}</lastmod>\n\t</url>\n"
            for a in self.articles()
        ]
        return self.urlset(entries)

    # -- pages -----------------------------------------------------------------
    def listing_page(self, section: str | None, number: int) -> str:
        chunks = pages(self.articles(section), LISTING_SIZE)
        cards = "".join(
            f"""<div class="card article-card">
	<a href="{esc(self.article_url(a))}" class="card-link"><h3 class="card-title">{esc(a.title)}</h3></a>
	<p class="card-text">{esc(excerpt(a, 25))}</p>
	<span class="article-date">{esc(french_date(a.published))}</span>
</div>
"""
            for a in chunks[number - 1]
        )
        pager = ""
        if section is not None and number < len(chunks):
            pager = f'<ul class="pagination"><li class="page-item"><a class="page-link" rel="next" href="{esc(self.url(self.listing_path(section, number + 1)))}">Suivant</a></li></ul>'
        label = SECTION_LABELS.get(section or "", "À la une")
        main = f'<h1 class="section-heading">{esc(label)}</h1>\n<div class="list-articles">\n{cards}</div>\n{pager}'
        canonical = self.url(self.listing_path(section, number) if section else "/")
        return self.page(f"{label} - {self.name}", canonical, "", main)

    def render_article(self, article: ReplicaArticle) -> str:
        url = self.article_url(article)
        label = SECTION_LABELS.get(article.section, article.section)
        furniture = dress(self, article, french_date)
        after = "\n\t" + furniture.after_body() if furniture else ""  # light pages stay byte-identical
        lead = f'<p class="lead chapo">{esc(article.lead)}</p>' if article.lead else ""
        author = f'Par <span class="author">{esc(article.author)}</span>' if article.author else ""
        main = f"""<div class="container article-page">
	<ol class="breadcrumb"><li><a href="/">Accueil</a></li><li><a href="/{esc(article.section)}">{esc(label)}</a></li></ol>
	<div class="row">
	<div class="col-md-8">
	<div class="article-head">
		<h1 id="title">{esc(article.title)}</h1>
		<div class="author-date">{author} <span class="date">{esc(french_date(article.published))}</span></div>
	</div>
	<div class="article-content content">
		{lead}
{body_html(article, interlude=furniture.body_ad() if furniture else "")}
	</div>
	<div class="social-share">Partager : <a href="https://www.facebook.com/sharer/sharer.php?u={esc(url)}">Facebook</a> <a href="https://wa.me/?text={esc(url)}">WhatsApp</a></div>{after}
	</div>
	{furniture.rail() if furniture else self.rail(article)}
	</div>
</div>"""
        published = iso_utc(article.published)
        head = f"""<link rel="canonical" href="{esc(url)}">
<meta name="description" content="{esc(article.lead or excerpt(article, 30))}">
<meta property="og:title" content="{esc(article.title)}">
<meta property="og:type" content="article">
<meta property="og:url" content="{esc(url)}">
<meta property="og:site_name" content="{esc(self.name)}">
<meta property="article:published_time" content="{published}">
<meta property="article:section" content="{esc(label)}">"""
        if furniture is not None:
            # This CMS prints no JSON-LD of its own: the real theme's graph carries the NewsArticle.
            head += "\n" + furniture.head(with_article=True)
        return self.page(f"{article.title} - {self.name}", url, head, main, furniture)

    def rail(self, article: ReplicaArticle) -> str:
        others = [a for a in self.articles() if a is not article][:4]
        links = "".join(f'<li><a href="{esc(self.article_url(a))}">{esc(a.title)}</a></li>' for a in others)
        return f"""<div class="col-md-4 sidebar">
		<div class="block-title">Lire aussi</div>
		<ul class="read-also">{links}</ul>
		<div class="block-title">Édition du jour</div>
		<p class="edition">Retrouvez l'édition numérique du Matinal dès 6 heures du matin.</p>
	</div>"""

    def page(
        self, title: str, canonical: str, head: str, main: str, furniture: Furniture | None = None
    ) -> str:
        nav = "".join(f'<li><a href="/{s}">{esc(SECTION_LABELS.get(s, s))}</a></li>' for s in self.sections())
        if not head:
            head = f'<link rel="canonical" href="{esc(canonical)}">'
        return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
{head}
<link rel="stylesheet" href="/assets/css/main.min.css?v=2.4.1">
</head>
<body>
{furniture.top() if furniture else self.header(nav)}
{main}
{furniture.bottom() if furniture else self.footer()}
{cookie_banner()}
<script src="/assets/js/app.min.js?v=2.4.1"></script>
</body>
</html>
"""

    def header(self, nav: str) -> str:
        return f"""<div class="top-bar">Édition du jour | <a href="/abonnement">S'abonner</a></div>
<header class="header"><a class="logo" href="/">{esc(self.name)}</a><nav><ul class="menu">{nav}</ul></nav></header>"""

    def footer(self) -> str:
        return f"""<footer class="footer">
	<p>{esc(self.name)} - Groupe de presse marocain. Tous droits réservés.</p>
	<ul><li><a href="/contact">Contact</a></li><li><a href="/cgu">Conditions d'utilisation</a></li></ul>
</footer>"""

    def source_entry(self) -> dict[str, object]:
        return {
            "homepage": self.url("/"),
            "feeds": [self.url("/rssFeed/4")],
            # Le Matin is crawled through its feed and section page. The sitemap is listed
            # only when the feed cannot carry every article (benchmark-sized replicas),
            # so one crawl still reaches them all.
            "sitemaps": [self.url("/sitemap.xml")] if len(self.articles()) > FEED_SIZE else [],
            "sections": [self.url("/economie")],
            "article_url": "^" + re.escape(self.base_url) + r"/[a-z-]+/[^/]+/\d+$",
        }
