"""An Arabic WordPress news site in the manner of Hespress AR.

Article URLs are the Arabic title slug, percent-encoded in lowercase as WordPress
writes it, followed by the post id: /%d8%a7...-1701642.html. Feeds at /feed and
/<category>/feed, a news sitemap, the `?action=ajax_listing` card endpoint, and
the body in `div.article-content`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from urllib.parse import quote

from devkit.replica.article import ReplicaArticle, iso_utc, local_time
from devkit.replica.sites.base import (
    HTML,
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
from devkit.replica.sites.theme import INTERLUDE_AFTER, cookie_banner

FEED_SIZE = 30
LISTING_SIZE = 12
ARABIC_SECTIONS = {"economie": "اقتصاد", "societe": "مجتمع", "regions": "جهات", "emploi": "تشغيل"}
ARABIC_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
                 "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر")
COOKIE_AR = "نستخدم ملفات تعريف الارتباط لتحسين تجربتكم على الموقع."


def encoded_slug(slug: str) -> str:
    """WordPress keeps non-ASCII slugs percent-encoded, with lowercase hex digits."""
    return re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), quote(slug, safe="-"))


def arabic_date(article: ReplicaArticle) -> str:
    return arabic_moment(article.published)


def arabic_moment(moment: datetime) -> str:
    local = local_time(moment)
    return f"{local.day} {ARABIC_MONTHS[local.month - 1]} {local.year} - {local:%H:%M}"


class HespressArSite(Site):
    kind = "hespress-ar"
    name = "هسبريس ريبليكا"
    language = "ar"

    def article_path(self, article: ReplicaArticle) -> str:
        return f"/{encoded_slug(article.slug)}-{numeric_id(article, low=1_000_000)}.html"

    def sections(self) -> list[str]:
        return sorted({"economie", *(a.section for a in self.articles())})

    def listing_routes(self) -> dict[str, Callable[[], Route]]:
        routes: dict[str, Callable[[], Route]] = {
            "/": lambda: (HTML, self.listing_page(None).encode()),
            "/feed": lambda: self.feed(None),
            "/sitemap-news.xml": self.news_sitemap,
            "/robots.txt": lambda: self.robots(["/wp-admin/"], ["/sitemap-news.xml"]),
        }
        for section in self.sections():
            routes[f"/{section}"] = lambda s=section: (HTML, self.listing_page(s).encode())
            routes[f"/{section}/feed"] = lambda s=section: self.feed(s)
        for number, chunk in enumerate(pages(self.articles(), LISTING_SIZE), start=1):
            routes[f"/?action=ajax_listing&paged={number}"] = lambda c=chunk: (HTML, self.cards(c).encode())
        return routes

    def feed(self, section: str | None) -> Route:
        footer = f"appeared first on {self.name} - جريدة إلكترونية مغربية."
        items = [
            f"""\t<item>
\t\t<title>{esc(a.title)}</title>
\t\t<link>{esc(self.article_url(a))}</link>
\t\t<description>{esc(excerpt(a, 45))} The post {esc(a.title)} {esc(footer)}</description>
\t\t<guid isPermaLink="false">{esc(self.url(f"/?p={numeric_id(a, low=1_000_000)}"))}</guid>
\t\t<pubDate>{rfc822(a)}</pubDate>
\t</item>
"""
            for a in self.articles(section)[:FEED_SIZE]
        ]
        path = "/feed" if section is None else f"/{section}/feed"
        return self.rss(self.name, path, items, "جريدة إلكترونية مغربية")

    def news_sitemap(self) -> Route:
        ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
        entries = [
            f"\t<url>\n\t\t<loc>{esc(self.article_url(a))}</loc>\n\t\t<news:news>\n"
            f"\t\t\t<news:publication><news:name>{esc(self.name)}</news:name><news:language>ar</news:language></news:publication>\n"
            f"\t\t\t<news:publication_date>{iso_utc(a.published)}</news:publication_date>\n"
            f"\t\t\t<news:title>{esc(a.title)}</news:title>\n\t\t</news:news>\n\t</url>\n"
            for a in self.articles()[:1000]
        ]
        return self.urlset(entries, ns)

    def cards(self, chunk: list[ReplicaArticle]) -> str:
        return "".join(
            f"""<div class="col-12 col-sm-6 col-lg-4 mb-4"><div class="card overlay">
	<a href="{esc(self.article_url(a))}" class="stretched-link" title="{esc(a.title)}"></a>
	<div class="card-img-overlay"><span class="cat">{esc(ARABIC_SECTIONS.get(a.section, a.section))}</span>
	<h3 class="card-title">{esc(a.title)}</h3>
	<small class="text-muted time">{esc(arabic_date(a))}</small></div>
</div></div>
"""
            for a in chunk
        )

    def listing_page(self, section: str | None) -> str:
        label = ARABIC_SECTIONS.get(section or "", "الرئيسية")
        chunk = self.articles(section)[:LISTING_SIZE]
        main = f'<h1 class="section-title">{esc(label)}</h1>\n<div class="row posts-list">\n{self.cards(chunk)}</div>'
        return self.page(f"{label} - {self.name}", "", main)

    def render_article(self, article: ReplicaArticle) -> str:
        url = self.article_url(article)
        label = ARABIC_SECTIONS.get(article.section, article.section)
        furniture = dress(self, article, arabic_moment)
        after = "\n\t" + furniture.after_body() if furniture else ""  # light pages stay byte-identical
        lead = f"<p><strong>{esc(article.lead)}</strong></p>\n" if article.lead else ""
        bullets = "".join(f"<li>{esc(b)}</li>" for b in article.bullets)
        blocks = [f"<p>{esc(p)}</p>" for p in article.paragraphs]
        if furniture is not None and len(blocks) > INTERLUDE_AFTER:
            blocks.insert(INTERLUDE_AFTER, furniture.body_ad())
        paragraphs = "\n".join(blocks)
        author = esc(article.author or "هسبريس")
        related = "".join(
            f'<li><a href="{esc(self.article_url(a))}">{esc(a.title)}</a></li>'
            for a in self.articles() if a is not article
        )
        main = f"""<div class="container"><div class="row">
<div class="col-12 col-lg-8">
	<ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">الرئيسية</a></li><li class="breadcrumb-item"><a href="/{esc(article.section)}">{esc(label)}</a></li></ol>
	<h1 class="post-title">{esc(article.title)}</h1>
	<div class="article-header-info"><span class="author"><a href="/author/{numeric_id(article)}">{author}</a></span> <span class="date-post">{esc(arabic_date(article))}</span></div>
	<div class="post-thumbnail featured-img"><img src="/wp-content/uploads/{numeric_id(article)}.jpg" alt="{esc(article.title)}"></div>
	<div class="article-content">
{lead}{paragraphs}
{f"<ul>{bullets}</ul>" if bullets else ""}
	</div>
	<section class="box-tags"><a class="tag_post_tag" href="/tag/{esc(article.section)}">{esc(label)}</a></section>{after}
</div>
{furniture.rail() if furniture else self.related(related)}
</div></div>"""
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
                "datePublished": iso_utc(article.published), "author": {"@type": "Person", "name": article.author or "هسبريس"},
                "inLanguage": "ar"}
        head = f"""<link rel="canonical" href="{esc(url)}" />
<meta property="og:title" content="{esc(article.title)}" />
<meta property="og:type" content="article" />
<meta property="og:url" content="{esc(url)}" />
<meta property="article:published_time" content="{iso_utc(article.published)}" />
<script type="application/ld+json">{json_ld(data)}</script>"""
        if furniture is not None:
            head += "\n" + furniture.head()
        return self.page(f"{article.title} | {self.name}", head, main, furniture)

    @staticmethod
    def related(links: str) -> str:
        return f'<aside class="col-12 col-lg-4 sidebar"><h4 class="widget-title">مقالات ذات صلة</h4><ul>{links}</ul></aside>'

    def page(self, title: str, head: str, main: str, furniture: Furniture | None = None) -> str:
        nav = "".join(f'<li><a href="/{s}">{esc(ARABIC_SECTIONS.get(s, s))}</a></li>' for s in self.sections())
        return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
{head}
</head>
<body class="rtl">
{furniture.top() if furniture else self.header(nav)}
<main>
{main}
</main>
{furniture.bottom() if furniture else self.footer()}
{cookie_banner(COOKIE_AR)}
</body>
</html>
"""

    def header(self, nav: str) -> str:
        return f'<header class="site-header"><a class="logo" href="/">{esc(self.name)}</a><nav><ul class="main-menu">{nav}</ul></nav></header>'

    def footer(self) -> str:
        return f'<footer class="site-footer"><p>جميع الحقوق محفوظة © {esc(self.name)}</p></footer>'

    def source_entry(self) -> dict[str, object]:
        return {
            "homepage": self.url("/"),
            "feeds": [self.url("/economie/feed")],
            "sitemaps": [],
            "sections": [self.url("/economie")],
            "article_url": "^" + re.escape(self.base_url) + r"/[^/?#]+-\d+\.html$",
        }
