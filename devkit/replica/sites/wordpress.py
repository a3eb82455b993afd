"""A WordPress + Yoast news site in the manner of Médias24 (and Hespress FR).

Category feeds under /categorie/<slug>/feed/, a Yoast sitemap index, article
URLs /YYYY/MM/DD/<slug>/, a Bootstrap theme with `section#postContent`, and the
boilerplate (navigation, "A lire aussi" sidebar, cookie banner, footer) an
extractor has to leave out.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable

from devkit.replica.article import UTC, ReplicaArticle, french_date, iso_utc, local_time
from devkit.replica.sites.base import (
    HTML,
    JSON,
    Route,
    Site,
    esc,
    excerpt,
    json_ld,
    numeric_id,
    pages,
    rfc822,
)
from devkit.replica.sites.furniture import Furniture, dress
from devkit.replica.sites.theme import SECTION_LABELS, body_html, cookie_banner

FEED_SIZE = 30
LISTING_SIZE = 20
SITEMAP_SIZE = 1000  # Yoast's default entries per sitemap file


class WordPressSite(Site):
    kind = "wordpress"
    name = "Éco24"
    tagline = "Le quotidien économique marocain en continu"

    def article_path(self, article: ReplicaArticle) -> str:
        return f"{local_time(article.published):/%Y/%m/%d}/{article.slug}/"

    def sections(self) -> list[str]:
        return sorted({"economie", *(a.section for a in self.articles())})

    # -- listings --------------------------------------------------------------
    def listing_routes(self) -> dict[str, Callable[[], Route]]:
        routes: dict[str, Callable[[], Route]] = {
            "/": lambda: (HTML, self.listing_page(None, 1).encode()),
            "/feed/": lambda: self.feed(None),
            "/sitemap_index.xml": self.sitemap_root,
            "/category-sitemap.xml": self.category_sitemap,
            "/robots.txt": lambda: self.robots(
                ["/cms/wp-admin/", "/?s=", "/wp-json/"], ["/sitemap_index.xml"]
            ),
        }
        for section in self.sections():
            routes[f"/categorie/{section}/feed/"] = lambda s=section: self.feed(s)
            count = len(pages(self.articles(section), LISTING_SIZE))
            for number in range(1, count + 1):
                routes[self.listing_path(section, number)] = lambda s=section, n=number: (
                    HTML,
                    self.listing_page(s, n).encode(),
                )
        for number, chunk in enumerate(pages(self.articles(), SITEMAP_SIZE), start=1):
            routes[self.post_sitemap_path(number)] = lambda c=chunk: self.post_sitemap(c)
        return routes

    @staticmethod
    def listing_path(section: str, number: int) -> str:
        base = f"/categorie/{section}/"
        return base if number == 1 else f"{base}page/{number}/"

    @staticmethod
    def post_sitemap_path(number: int) -> str:
        return "/post-sitemap.xml" if number == 1 else f"/post-sitemap{number}.xml"

    def feed(self, section: str | None) -> Route:
        items = [self.feed_item(a) for a in self.articles(section)[:FEED_SIZE]]
        path = "/feed/" if section is None else f"/categorie/{section}/feed/"
        title = self.name if section is None else f"{SECTION_LABELS.get(section, section)} - {self.name}"
        return self.rss(title, path, items, self.tagline)

    def feed_item(self, article: ReplicaArticle) -> str:
        url = esc(self.article_url(article))
        footer = (
            f'<p>The post <a href="{url}">{esc(article.title)}</a> appeared first on '
            f'<a href="{esc(self.url("/"))}">{esc(self.name)} - {esc(self.tagline)}</a>.</p>'
        )
        description = f"<p>{esc(excerpt(article))}</p>\n{footer}"
        return f"""\t<item>
\t\t<title>{esc(article.title)}</title>
\t\t<link>{url}</link>
\t\t<dc:creator><![CDATA[{article.author or "Rédaction"}]]></dc:creator>
\t\t<pubDate>{rfc822(article)}</pubDate>
\t\t<category><![CDATA[{SECTION_LABELS.get(article.section, article.section)}]]></category>
\t\t<guid isPermaLink="false">{esc(self.url(f"/?p={numeric_id(article)}"))}</guid>
\t\t<description><![CDATA[{description}]]></description>
\t</item>
"""

    def sitemap_root(self) -> Route:
        chunks = pages(self.articles(), SITEMAP_SIZE)
        children = [(self.post_sitemap_path(n), self.lastmod(c)) for n, c in enumerate(chunks, 1)]
        children.append(("/category-sitemap.xml", self.lastmod(self.articles())))
        return self.sitemap_index(children)

    def post_sitemap(self, chunk: list[ReplicaArticle]) -> Route:
        entries = [
            f"\t<url>\n\t\t<loc>{esc(self.article_url(a))}</loc>\n"
            f"\t\t<lastmod>{iso_utc(a.published)}</lastmod>\n\t</url>\n"
            for a in chunk
        ]
        return self.urlset(entries)

    def category_sitemap(self) -> Route:
        entries = [
            f"\t<url>\n\t\t<loc>{esc(self.url(self.listing_path(s, 1)))}</loc>\n"
            f"\t\t<lastmod>{self.lastmod(self.articles(s))}</lastmod>\n\t</url>\n"
            for s in self.sections()
        ]
        return self.urlset(entries)

    # -- REST API ----------------------------------------------------------------
    def query_route(self, path: str, query: dict[str, list[str]]) -> Route | None:
        """/wp-json/wp/v2/posts with per_page, page and categories, as WordPress answers it."""
        if path != "/wp-json/wp/v2/posts":
            return None
        try:
            per_page = min(100, max(1, int(query.get("per_page", ["10"])[0])))
            page = max(1, int(query.get("page", ["1"])[0]))
        except ValueError:
            per_page, page = 10, 1
        wanted = {c for value in query.get("categories", []) for c in value.split(",")}
        posts = [a for a in self.articles() if not wanted or str(category_id(a.section)) in wanted]
        chunk = posts[(page - 1) * per_page : page * per_page]
        return JSON, json.dumps([self.api_post(a) for a in chunk], ensure_ascii=False).encode()

    def api_post(self, article: ReplicaArticle) -> dict[str, object]:
        local = local_time(article.published).replace(tzinfo=None)
        utc = article.published.astimezone(UTC).replace(tzinfo=None)
        return {
            "id": numeric_id(article),
            "date": local.isoformat(),
            "date_gmt": utc.isoformat(),
            "modified_gmt": utc.isoformat(),
            "slug": article.slug,
            "status": "publish",
            "type": "post",
            "link": self.article_url(article),
            "title": {"rendered": esc(article.title)},
            "excerpt": {"rendered": f"<p>{esc(excerpt(article))}</p>\n", "protected": False},
            "categories": [category_id(article.section)],
        }

    # -- pages -----------------------------------------------------------------
    def listing_page(self, section: str | None, number: int) -> str:
        chunks = pages(self.articles(section), LISTING_SIZE)
        chunk = chunks[number - 1]
        cards = "".join(
            f"""<div class="item"><article class="article-small">
  <header class="article-header"><h2 class="font-stagB fs-6"><a href="{esc(self.article_url(a))}">{esc(a.title)}</a></h2></header>
  <p class="font-oswald-light small">{esc(french_date(a.published))}</p>
</article></div>
"""
            for a in chunk
        )
        pager = ""
        if section is not None and number < len(chunks):
            next_url = esc(self.url(self.listing_path(section, number + 1)))
            pager = f'<nav class="pagination"><a class="next page-numbers" href="{next_url}">Suivant</a></nav>'
        label = SECTION_LABELS.get(section or "", "À la une")
        main = f'<h1 class="font-stagB">{esc(label)}</h1>\n<div class="items-row">\n{cards}</div>\n{pager}'
        canonical = self.url(self.listing_path(section, number) if section else "/")
        return self.page(f"{label} - {self.name}", canonical, "", main, "home blog")

    def render_article(self, article: ReplicaArticle) -> str:
        url = self.article_url(article)
        label = SECTION_LABELS.get(article.section, article.section)
        furniture = dress(self, article, french_date)
        lead = ""
        if article.lead:
            lead = (
                '<p class="small-container fs-3 text-center font-stagM letter-hightlight position-relative my-4"'
                f' data-first="{esc(article.lead[:1])}">\n\t\t{esc(article.lead)}\n\t</p>'
            )
        main = f"""<nav class="container font-oswald-light fw-bold mt-5 px-0" aria-label="breadcrumb">
	<ol class="breadcrumb">
		<li class="breadcrumb-item"><a href="/">{esc(self.name)}</a></li>
		<li class="breadcrumb-item"><a href="{esc(self.url(self.listing_path(article.section, 1)))}">{esc(label)}</a></li>
	</ol>
</nav>
<article class="post-{numeric_id(article)} post type-post status-publish">
	<h1 class="font-stagB my-3 fs-3 text-center">{esc(article.title)}</h1>
	{lead}
	<div class="d-flex my-2 align-items-center justify-content-between m-auto small-container">
		<div class="font-oswald-light"><span>{esc(french_date(article.published))}</span></div>
		<div class="share"><a href="https://www.facebook.com/sharer.php?u={esc(url)}" title="Partager sur Facebook">Facebook</a> <a href="https://twitter.com/share?url={esc(url)}" title="Partager sur X">X</a></div>
	</div>
	<section id="postContent" class="mx-auto fs-5 lh-base my-4 overflow-hidden position-relative small-container">
{body_html(article, paragraph_class="", interlude=furniture.body_ad() if furniture else "")}
	</section>
</article>
{self.around_article(article, furniture)}"""
        head = self.article_head(article, url, label, furniture)
        title = f"{article.title} - {self.name}"
        return self.page(title, url, head, main, "post-template-default single is_paid", furniture)

    def around_article(self, article: ReplicaArticle, furniture: Furniture | None) -> str:
        if furniture is None:
            return self.sidebar(article)
        return furniture.after_body() + "\n" + furniture.rail()

    def sidebar(self, article: ReplicaArticle) -> str:
        others = [a for a in self.articles() if a is not article][:4]
        links = "".join(
            f'\t\t<li class="mb-2"><a class="font-stagB" href="{esc(self.article_url(a))}">{esc(a.title)}</a></li>\n'
            for a in others
        )
        return f"""<aside class="sidebar col-lg-4" role="complementary">
	<h3 class="widget-title">A lire aussi</h3>
	<ul class="list-unstyled">
{links}	</ul>
	<div class="newsletter">Recevez chaque matin l'essentiel de l'actualité économique : inscrivez-vous à notre newsletter.</div>
</aside>"""

    def article_head(
        self, article: ReplicaArticle, url: str, label: str, furniture: Furniture | None = None
    ) -> str:
        published = iso_utc(article.published)
        graph = {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "NewsArticle",
                    "@id": f"{url}#article",
                    "isPartOf": {"@id": url},
                    "author": {"name": article.author or "Rédaction", "@id": f"{self.url('/')}#/schema/person/{numeric_id(article)}"},
                    "headline": article.title,
                    "datePublished": published,
                    "dateModified": published,
                    "mainEntityOfPage": {"@id": url},
                    "wordCount": article.word_count,
                    "publisher": {"@id": f"{self.url('/')}#organization"},
                    "articleSection": [label],
                    "inLanguage": "fr-FR",
                },
                {"@type": "WebPage", "@id": url, "url": url, "name": f"{article.title} - {self.name}", "datePublished": published},
                {"@type": "Organization", "@id": f"{self.url('/')}#organization", "name": self.name, "url": self.url("/")},
            ],
        }
        if furniture is not None:
            # Yoast prints one graph: the real theme's nodes join it (its Organization is richer).
            graph["@graph"] = [*graph["@graph"][:2], *furniture.graph_nodes()]
        description = esc(article.lead or excerpt(article, 30))
        heavy = "\n" + furniture.head(graph=False) if furniture else ""
        return f"""<meta name="description" content="{description}" />
<link rel="canonical" href="{esc(url)}" />
<meta property="og:locale" content="fr_FR" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{esc(article.title)}" />
<meta property="og:description" content="{description}" />
<meta property="og:url" content="{esc(url)}" />
<meta property="og:site_name" content="{esc(self.name)} - {esc(self.tagline)}" />
<meta property="article:published_time" content="{published}" />
<meta property="article:modified_time" content="{published}" />
<meta name="author" content="{esc(article.author or "Rédaction")}" />
<meta property="article:section" content="{esc(label)}">
<script type="application/ld+json" class="yoast-schema-graph">{json_ld(graph)}</script>
<link rel="alternate" type="application/rss+xml" title="{esc(self.name)} &raquo; Flux" href="{esc(self.url("/feed/"))}" />
<link rel="https://api.w.org/" href="{esc(self.url("/wp-json/"))}" />
<link rel="shortlink" href="{esc(self.url(f"/?p={numeric_id(article)}"))}" />{heavy}"""

    def page(
        self,
        title: str,
        canonical: str,
        head: str,
        main: str,
        body_class: str,
        furniture: Furniture | None = None,
    ) -> str:
        nav = "".join(
            f'<li class="nav-item"><a class="nav-link" href="{esc(self.url(self.listing_path(s, 1)))}">{esc(label)}</a></li>'
            for s, label in SECTION_LABELS.items()
            if s in ("economie", "entreprises", "finance", "immobilier")
        )
        if not head:
            head = f'<link rel="canonical" href="{esc(canonical)}" />'
        return f"""<!DOCTYPE html>
<html lang="fr-FR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
{head}
<link rel="stylesheet" href="/content/themes/wp-theme-eco24/dist/app.css?ver=3.19" media="all" />
</head>
<body class="{body_class}">
{furniture.top() if furniture else self.header(nav)}
<main class="mt-auto mb-5">
{main}
</main>
{furniture.bottom() if furniture else self.footer()}
{cookie_banner()}
<script src="/content/themes/wp-theme-eco24/dist/app.js?ver=3.19" defer></script>
</body>
</html>
"""

    def header(self, nav: str) -> str:
        return f"""<header class="container-fluid bg-white shadow-sm">
	<a class="navbar-brand" href="{esc(self.url("/"))}"><img src="/content/themes/wp-theme-eco24/dist/logo.svg" alt="{esc(self.name)}" width="180" height="40"></a>
	<ul class="navbar-nav">{nav}</ul>
	<form class="search" action="/" method="get"><input type="search" name="s" placeholder="Rechercher"></form>
</header>"""

    def footer(self) -> str:
        return f"""<footer class="bg-dark text-white py-5">
	<p>{esc(self.name)} est un journal économique marocain en ligne : business, marchés, data et analyses.</p>
	<p>© {esc(self.name)}. Toute reproduction interdite, sous quelque forme que ce soit, sauf autorisation écrite.</p>
	<ul class="footer-links"><li><a href="/qui-sommes-nous/">Qui sommes-nous</a></li><li><a href="/contact/">Contact</a></li><li><a href="/mentions-legales/">Mentions légales</a></li></ul>
</footer>"""

    def source_entry(self) -> dict[str, object]:
        return {
            "homepage": self.url("/"),
            "feeds": [self.url("/categorie/economie/feed/")],
            "sitemaps": [self.url("/sitemap_index.xml")],
            "sections": [self.url("/categorie/economie/")],
            "article_url": "^" + re.escape(self.base_url) + r"/\d{4}/\d{2}/\d{2}/[^/]+/$",
        }


def category_id(section: str) -> int:
    """A stable WordPress term id for a category slug."""
    return 1000 + zlib.crc32(section.encode()) % 20000
