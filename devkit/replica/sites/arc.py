"""An Arc XP (Fusion) news site in the manner of Le360.

Headline-only RSS under /arc/outboundfeeds/, a Google News sitemap, a
per-category sitemap index, article URLs /<section>/<slug>_<ANS id>/ and the
Fusion article markup (`article.article-body-wrapper`, `p.body-paragraph`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from devkit.replica.article import UTC, ReplicaArticle, iso_utc, local_time
from devkit.replica.sites.base import (
    HTML,
    Route,
    Site,
    ans_id,
    cdata,
    esc,
    excerpt,
    json_ld,
    pages,
    rfc822,
)
from devkit.replica.sites.furniture import Furniture, dress
from devkit.replica.sites.theme import SECTION_LABELS, body_html, cookie_banner

FEED_SIZE = 50
LISTING_SIZE = 20
SITEMAP_SIZE = 100  # Arc's outbound sitemaps page with ?from=
NEWS_WINDOW = timedelta(days=2)  # Google News sitemaps only list the last two days
FEED_PATH = "/arc/outboundfeeds/rss/?outputType=xml"
NEWS_SITEMAP = "/arc/outboundfeeds/sitemap-news/"
NEWS_NS = (
    ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"'
)


class ArcSite(Site):
    kind = "arc"
    name = "Maroc360"

    def article_path(self, article: ReplicaArticle) -> str:
        return f"/{article.section}/{article.slug}_{ans_id(article)}/"

    def sections(self) -> list[str]:
        return sorted({"economie", *(a.section for a in self.articles())})

    # -- listings --------------------------------------------------------------
    def listing_routes(self) -> dict[str, Callable[[], Route]]:
        routes: dict[str, Callable[[], Route]] = {
            "/": lambda: (HTML, self.listing_page(None).encode()),
            FEED_PATH: lambda: self.feed(None),
            NEWS_SITEMAP: self.news_sitemap,
            "/robots.txt": lambda: self.robots(
                ["/pf/api/", "/search/"],
                [NEWS_SITEMAP, *(self.index_path(s) for s in self.sections())],
            ),
        }
        for section in self.sections():
            routes[f"/{section}/"] = lambda s=section: (HTML, self.listing_page(s).encode())
            routes[f"/arc/outboundfeeds/rss/category/{section}/?outputType=xml"] = lambda s=section: self.feed(s)
            routes[self.index_path(section)] = lambda s=section: self.category_index(s)
            for number, chunk in enumerate(pages(self.articles(section), SITEMAP_SIZE)):
                routes[self.chunk_path(section, number)] = lambda c=chunk: self.category_sitemap(c)
        return routes

    @staticmethod
    def index_path(section: str) -> str:
        return f"/arc/outboundfeeds/sitemap-index/category/{section}/"

    @staticmethod
    def chunk_path(section: str, number: int) -> str:
        return f"/arc/outboundfeeds/sitemap/category/{section}/?outputType=xml&from={number * SITEMAP_SIZE}"

    def feed(self, section: str | None) -> Route:
        # Le360's outbound feed carries headlines only: no description, no content.
        items = [
            f"""\t<item>
\t\t<title>{cdata(a.title)}</title>
\t\t<link>{esc(self.article_url(a))}</link>
\t\t<guid isPermaLink="true">{esc(self.article_url(a))}</guid>
\t\t<dc:creator>{cdata(a.author or "Le360")}</dc:creator>
\t\t<pubDate>{rfc822(a)}</pubDate>
\t</item>
"""
            for a in self.articles(section)[:FEED_SIZE]
        ]
        path = FEED_PATH if section is None else f"/arc/outboundfeeds/rss/category/{section}/?outputType=xml"
        return self.rss(self.name, path, items, "L'actualité du Maroc en continu")

    def news_sitemap(self) -> Route:
        cutoff = datetime.now(UTC) - NEWS_WINDOW
        recent = [a for a in self.articles() if a.published >= cutoff][:1000]
        entries = [
            f"""\t<url>
\t\t<loc>{esc(self.article_url(a))}</loc>
\t\t<lastmod>{iso_utc(a.published)}</lastmod>
\t\t<news:news>
\t\t\t<news:publication><news:name>{esc(self.name)}</news:name><news:language>fr</news:language></news:publication>
\t\t\t<news:publication_date>{iso_utc(a.published)}</news:publication_date>
\t\t\t<news:title>{esc(a.title)}</news:title>
\t\t</news:news>
\t</url>
"""
            for a in recent
        ]
        return self.urlset(entries, NEWS_NS)

    def category_index(self, section: str) -> Route:
        chunks = pages(self.articles(section), SITEMAP_SIZE)
        return self.sitemap_index(
            [(self.chunk_path(section, n), self.lastmod(c)) for n, c in enumerate(chunks)]
        )

    def category_sitemap(self, chunk: list[ReplicaArticle]) -> Route:
        entries = [
            f"\t<url>\n\t\t<loc>{esc(self.article_url(a))}</loc>\n\t\t<lastmod>{iso_utc(a.published)}</lastmod>\n"
            f"\t\t<image:image><image:loc>{esc(self.url(f'/resizer/v2/{ans_id(a)}.jpg'))}</image:loc></image:image>\n\t</url>\n"
            for a in chunk
        ]
        return self.urlset(entries, NEWS_NS)

    # -- pages -----------------------------------------------------------------
    def listing_page(self, section: str | None) -> str:
        items = "".join(
            f"""<div class="article-list-item">
	<div class="article-list--headline-container"><a href="{esc(self.article_path(a))}">{esc(a.title)}</a></div>
	<div class="article-list--date">{arc_date(a)}</div>
</div>
"""
            for a in self.articles(section)[:LISTING_SIZE]
        )
        label = SECTION_LABELS.get(section or "", "Accueil")
        main = f"""<h1 class="section-title">{esc(label)}</h1>
<div class="results-list">
{items}</div>
<button class="results-list-load-more" type="button">Afficher plus</button>"""
        return self.page(f"{label} - {self.name}", self.url(f"/{section}/" if section else "/"), "", main)

    def render_article(self, article: ReplicaArticle) -> str:
        url = self.article_url(article)
        label = SECTION_LABELS.get(article.section, article.section)
        furniture = dress(self, article, arc_moment)
        after = "\n\t" + furniture.after_body() if furniture else ""  # light pages stay byte-identical
        # The standfirst opens the body wrapper so extractors keep it with the text.
        standfirst = ""
        if article.lead:
            standfirst = f'<h2 class="subheadline-container">{esc(article.lead)}</h2>'
        byline = ""
        if article.author:
            byline = f'<div class="byline-credits">Par <a class="byline-credits-bold" href="/auteurs/{esc(_author_slug(article.author))}/">{esc(article.author)}</a></div>'
        main = f"""<div class="layout-section wrap-bottom">
	<a class="overline-link" href="/{esc(article.section)}/">{esc(label)}</a>
	<h1 class="headline-container">{esc(article.title)}</h1>
	<div class="subheadline-date">{arc_date(article)}</div>
	{byline}
	<figure class="lead-art"><img src="/resizer/v2/{ans_id(article)}.jpg?auth=0f3c&amp;width=800" alt="{esc(article.title)}" width="800" height="450"></figure>
	<article class="article-body-wrapper default__ArticleBody-sc-10mj2vp-2 kQdxTu">
		{standfirst}
{body_html(article, paragraph_class="body-paragraph", interlude=furniture.body_ad() if furniture else "")}
	</article>
	<div class="le360-tags-holder"><a class="le360-tags" href="/tags/{esc(article.section)}/">{esc(label)}</a><a class="le360-tags" href="/tags/maroc/">Maroc</a></div>{after}
</div>
{furniture.rail() if furniture else self.most_read(article)}"""
        head = self.article_head(article, url, furniture)
        return self.page(f"{article.title} | {self.name}", url, head, main, furniture)

    def most_read(self, article: ReplicaArticle) -> str:
        others = [a for a in self.articles() if a is not article][:5]
        links = "".join(
            f'\t\t<li class="most-read-item"><a href="{esc(self.article_path(a))}">{esc(a.title)}</a></li>\n' for a in others
        )
        return f"""<aside class="right-rail">
	<div class="most-read-title">Les plus lus</div>
	<ol class="most-read-list">
{links}	</ol>
	<div class="newsletter-box">Inscrivez-vous à la newsletter pour recevoir chaque jour les titres de la rédaction.</div>
</aside>"""

    def article_head(
        self, article: ReplicaArticle, url: str, furniture: Furniture | None = None
    ) -> str:
        published = iso_utc(article.published)
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "description": article.lead or excerpt(article, 30),
            "datePublished": published,
            "dateModified": published,
            "author": [{"@type": "Person", "name": article.author or self.name}],
            "publisher": {"@type": "Organization", "name": self.name},
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "articleSection": SECTION_LABELS.get(article.section, article.section),
        }
        story: dict[str, object] = {
            "_id": ans_id(article), "type": "story", "canonical_url": self.article_path(article)
        }
        heavy = ""
        if furniture is not None:
            # Fusion ships the whole ANS story, body included, for client-side hydration.
            story.update(self.ans_story(article, furniture))
            heavy = "\n" + furniture.head()
        fusion = json_ld(story)
        return f"""<link rel="canonical" href="{esc(url)}"/>
<meta name="description" content="{esc(article.lead or excerpt(article, 30))}"/>
<meta property="og:type" content="article"/>
<meta property="og:title" content="{esc(article.title)}"/>
<meta property="og:url" content="{esc(url)}"/>
<meta property="og:site_name" content="{esc(self.name)}"/>
<script type="application/ld+json">{json_ld(data)}</script>
<script id="fusion-metadata" type="application/javascript">window.Fusion=window.Fusion||{{}};Fusion.arcSite="maroc360";Fusion.globalContent={fusion};</script>{heavy}"""

    def ans_story(self, article: ReplicaArticle, furniture: Furniture) -> dict[str, object]:
        """The ANS fields of a story as Fusion inlines them (our own subset)."""
        published = iso_utc(article.published)
        prefix = ans_id(article)[:20]
        elements: list[dict[str, object]] = [
            {"_id": f"{prefix}P{index:05d}", "type": "text", "content": text}
            for index, text in enumerate(article.paragraphs)
        ]
        if article.bullets:
            items = [{"type": "text", "content": item} for item in article.bullets]
            elements.append({"_id": f"{prefix}L00000", "type": "list", "list_type": "unordered", "items": items})
        section = {"_id": f"/{article.section}", "name": SECTION_LABELS.get(article.section, article.section)}
        image = {"type": "image", "url": furniture.image(ans_id(article), 1200, 675), "width": 1200, "height": 675}
        related = [{"_id": t.key, "headline": t.title, "url": t.url} for t in furniture.teasers.related]
        return {
            "version": "0.10.9", "website": "maroc360", "language": "fr",
            "headlines": {"basic": article.title}, "subheadlines": {"basic": article.lead or ""},
            "description": {"basic": article.lead or excerpt(article, 30)},
            "credits": {"by": [{"type": "author", "name": article.author or self.name}]},
            "display_date": published, "first_publish_date": published, "last_updated_date": published,
            "taxonomy": {"primary_section": section, "tags": [{"slug": article.section}, {"slug": "maroc"}]},
            "promo_items": {"basic": image},
            "content_elements": elements,
            "related_content": {"basic": related},
        }

    def page(
        self, title: str, canonical: str, head: str, main: str, furniture: Furniture | None = None
    ) -> str:
        nav = "".join(
            f'<a class="nav-section" href="/{s}/">{esc(SECTION_LABELS.get(s, s))}</a>' for s in self.sections()
        )
        if not head:
            head = f'<link rel="canonical" href="{esc(canonical)}"/>'
        return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{esc(title)}</title>
{head}
<link rel="stylesheet" href="/pf/resources/dist/maroc360/css/style.css?d=412"/>
</head>
<body>
<div id="fusion-app" class="layout-main">
{furniture.top() if furniture else self.header(nav)}
<main class="main-content">
{main}
</main>
{furniture.bottom() if furniture else self.footer()}
{cookie_banner()}
</div>
<script src="/pf/dist/engine/react.js?d=412" defer></script>
</body>
</html>
"""

    def header(self, nav: str) -> str:
        return f'<header class="page-header"><nav class="main-nav"><a class="logo" href="/">{esc(self.name)}</a>{nav}<button class="nav-search" type="button">Rechercher</button></nav></header>'

    def footer(self) -> str:
        return f"""<footer class="page-footer">
	<div class="footer-about">{esc(self.name)}, l'information marocaine en continu, 24h/24.</div>
	<div class="footer-copyright">© {esc(self.name)} - Tous droits réservés</div>
</footer>"""

    def source_entry(self) -> dict[str, object]:
        return {
            "homepage": self.url("/"),
            "feeds": [self.url(FEED_PATH)],
            "sitemaps": [self.url(NEWS_SITEMAP), self.url(self.index_path("economie"))],
            "sections": [self.url("/economie/")],
            "article_url": "^" + re.escape(self.base_url) + r"/[a-z-]+/[^/]+_[A-Z0-9]{26}/$",
        }


def arc_date(article: ReplicaArticle) -> str:
    """'23.04.2025 - 18:37', in local time."""
    return arc_moment(article.published)


def arc_moment(moment: datetime) -> str:
    return f"{local_time(moment):%d.%m.%Y - %H:%M}"


def _author_slug(author: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", author.lower()).strip("-")
