"""The headline rung: an outlet's items as a news aggregator lists them.

For outlets that block crawlers, an aggregator's feed (a Google News RSS search restricted to
the outlet's domain) still gives each item's headline, snippet, publisher, date and the
aggregator's link. newswatch reads that feed and nothing else: the aggregator's link is the
article's key, never followed, so the outlet itself is never requested for these items.

A Google News RSS item looks like this (the description is escaped HTML)::

    <item>
      <title>Headline - Publisher</title>
      <link>https://news.google.com/rss/articles/CBMi...?oc=5</link>
      <guid isPermaLink="false">CBMi...</guid>
      <pubDate>Tue, 03 Nov 2026 08:10:00 GMT</pubDate>
      <description>&lt;a href="..."&gt;Headline&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font
        color="#6f6f6f"&gt;Publisher&lt;/font&gt;</description>
      <source url="https://publisher.example">Publisher</source>
    </item>
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree, html

from analysis.headline import analyze_headline, headline_text
from crawler.dates import parse_date
from crawler.discovery import _refuse_entities
from crawler.errors import FeedBroken
from crawler.extraction_job import PageResult
from crawler.ingest import candidate_for
from crawler.items import ArticleItem, Extracted
from crawler.middlewares import registrable_domain, source_domains
from crawler.sources import HEADLINES, Source
from dedup import fingerprint


@dataclass(frozen=True)
class Headline:
    """One aggregator item: what is known of an article whose page is not read."""

    link: str  # the aggregator's link: the article's key, never requested
    title: str  # the publisher's suffix removed
    snippet: str  # the item description, HTML stripped
    publisher: str | None = None
    publisher_url: str | None = None
    published: datetime | None = None

    @property
    def text(self) -> str:
        return headline_text(self.title, _without(self.snippet, self.publisher))


@dataclass
class HeadlineItem(ArticleItem):
    """An article known by its headline only: analysed, stored and alerted, never fetched."""

    headline: Headline | None = None


def parse_headlines(body: bytes, base_url: str) -> list[Headline]:
    """The items of an aggregator's RSS feed (Google News format)."""
    _refuse_entities(body, base_url, "headline feed")
    try:
        parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser can raise on some malformed input
        raise FeedBroken(f"{base_url}: headline feed parser failed: {exc}") from exc
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "no items"
        raise FeedBroken(f"{base_url}: not a usable headline feed ({reason})")
    return [headline for entry in parsed.entries if (headline := _headline(entry, base_url))]


def _headline(entry: feedparser.FeedParserDict, base_url: str) -> Headline | None:
    link, title = (entry.get("link") or "").strip(), _plain(entry.get("title") or "")
    if not link or not title:
        return None
    source = entry.get("source") or {}
    publisher = _plain(source.get("title") or "") or None
    return Headline(
        link=urljoin(base_url, link),
        title=_strip_publisher(title, publisher),
        snippet=_snippet(entry.get("description") or entry.get("summary") or ""),
        publisher=publisher,
        publisher_url=(source.get("href") or "").strip() or None,
        published=parse_date(entry.get("published") or entry.get("updated")),
    )


def _plain(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def _strip_publisher(title: str, publisher: str | None) -> str:
    """Google News appends " - Publisher" to every title."""
    if publisher:
        for dash in (" - ", " – ", " — "):
            suffix = f"{dash}{publisher}"
            if title.endswith(suffix) and len(title) > len(suffix):
                return title[: -len(suffix)].strip()
    return title


def _snippet(description: str) -> str:
    """The description as text. A cluster item lists related items of other publishers in
    an <ol>: only the first (the item's own) is kept."""
    if "<" not in description:
        return _plain(description)
    try:
        tree = html.fromstring(f"<div>{description}</div>")
    except (etree.ParserError, ValueError):
        return _plain(description)
    first = tree.find(".//li")
    return _plain((first if first is not None else tree).text_content())


def _without(snippet: str, publisher: str | None) -> str:
    if publisher and snippet.endswith(publisher):
        return snippet[: -len(publisher)].strip()
    return snippet


def outlet_domains(source: Source) -> frozenset[str]:
    """The registrable domains that are the outlet: its own URLs and its allowed hosts (the
    aggregator's are not)."""
    own = [source.homepage, *source.feeds, *source.sitemaps, *source.sections, *source.wp_api]
    return source_domains(own) | source_domains([f"https://{host}/" for host in source.allowed_domains])


def from_outlet(headline: Headline, domains: frozenset[str]) -> bool:
    """Whether the item's publisher is the outlet (an aggregator search can leak others').

    An item that does not name its publisher's site is kept: the search is already
    restricted to the outlet's domain.
    """
    if not headline.publisher_url:
        return True
    return registrable_domain(urlsplit(headline.publisher_url).hostname or "") in domains


def headline_item(source: Source, headline: Headline, key: str) -> HeadlineItem:
    """The pipeline item for one headline; ``key`` is its canonical link (the seen-store key)."""
    return HeadlineItem(
        source=source.name, url=key, fetched_url=headline.link, http_status=200, body=b"",
        link_title=headline.title, link_published=headline.published, rung=HEADLINES,
        headline=headline,
    )


@dataclass(frozen=True)
class HeadlineJob:
    """One headline for a worker process."""

    headline: Headline
    source: str
    language: str


def analyze_headline_job(job: HeadlineJob) -> PageResult:
    """Analysis and dedup candidate of a headline, as `crawler.extraction_job` gives them for a page."""
    headline, text = job.headline, job.headline.text
    analysis = analyze_headline(
        title=headline.title, snippet=_without(headline.snippet, headline.publisher),
        language=job.language, url=headline.link, published=headline.published,
    )
    extracted = Extracted(
        title=headline.title, text=text, published_at=headline.published, author=None,
        language=analysis.language or job.language, canonical_url=None,
    )
    candidate = candidate_for(
        text=text, title=headline.title, source=job.source, published_at=headline.published,
        analysis=analysis, fingerprint=fingerprint(text),
    )
    return PageResult(extracted, analysis, candidate)
