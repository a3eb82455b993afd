"""Atom feeds (RFC 4287): one entry per story, its id stable, `updated` moved by new figures."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from xml.etree import ElementTree as ET

from storage.models import Article, Story
from web.figures import figures_updated, money

ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot carry at all (a hostile title must not break the document).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
TITLE_LIMIT = 500


@dataclass(frozen=True)
class FeedInfo:
    title: str
    feed_id: str  # a tag: URI, stable for the feed
    self_url: str
    html_url: str
    story_url: str  # the dashboard's story page, with {id}


def story_tag(authority: str, story: Story) -> str:
    """The entry id: minted from the story's id and creation date, so it never changes."""
    return f"tag:{authority},{story.created_at:%Y-%m-%d}:story/{story.id}"


def feed_tag(authority: str, name: str) -> str:
    return f"tag:{authority},2026:feed/{name}"


def xml_text(value: str, limit: int | None = None) -> str:
    cleaned = _NOT_XML.sub("\ufffd", value or "")
    return cleaned if limit is None or len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def _stamp(when: datetime) -> str:
    return when.isoformat(timespec="seconds").replace("+00:00", "Z")


def _sub(parent: ET.Element, tag: str, value: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if value is not None:
        element.text = value
    return element


def entry_html(story: Story, reports: list[Article]) -> str:
    """The entry's content: HTML built from escaped fields (then escaped again as XML text)."""
    rows = [
        ("Jobs", f"{story.jobs:,}" if story.jobs else ""),
        ("Investment", money(story.investment_amount, story.investment_currency)),
        ("Companies", ", ".join(story.companies)),
        ("Cities", ", ".join(story.cities)),
        ("Kinds", ", ".join(story.kinds)),
    ]
    items = "".join(f"<li>{name}: <span dir=\"auto\">{html.escape(value)}</span></li>"
                    for name, value in rows if value)
    sources = "".join(
        f"<li><a href=\"{html.escape(a.url, quote=True)}\">{html.escape(a.source)}</a>: "
        f"<span dir=\"auto\">{html.escape(xml_text(a.title, TITLE_LIMIT))}</span></li>"
        for a in reports if not a.is_seed
    )
    return f"<ul>{items}</ul><p>Reported by:</p><ul>{sources}</ul>"


def atom_feed(info: FeedInfo, authority: str, stories: list[Story],
              reports: dict[int, list[Article]], generated: datetime) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", info.feed_id)
    _sub(feed, "title", xml_text(info.title))
    _sub(feed, "link", rel="self", href=info.self_url, type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=info.html_url, type="text/html")
    author = _sub(feed, "author")
    _sub(author, "name", "newswatch")
    _sub(feed, "generator", "newswatch")
    entries = [(s, figures_updated(s, reports.get(s.id or 0, []))) for s in stories]
    newest = max((when for _s, when in entries), default=generated)
    _sub(feed, "updated", _stamp(newest))
    for story, updated in entries:
        _entry(feed, info, authority, story, reports.get(story.id or 0, []), updated)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document


def _entry(feed: ET.Element, info: FeedInfo, authority: str, story: Story,
           reports: list[Article], updated: datetime) -> None:
    entry = _sub(feed, "entry")
    _sub(entry, "id", story_tag(authority, story))
    _sub(entry, "title", xml_text(story.title, TITLE_LIMIT) or f"Story {story.id}", type="text")
    _sub(entry, "updated", _stamp(updated))
    _sub(entry, "published", _stamp(story.created_at))
    _sub(entry, "link", rel="alternate", type="text/html", href=info.story_url.format(id=story.id))
    first = next((a for a in reports if not a.is_seed), None)
    if first is not None:
        _sub(entry, "link", rel="related", href=xml_text(first.url))
    for name in story.kinds:
        _sub(entry, "category", term=xml_text(name))
    _sub(entry, "content", xml_text(entry_html(story, reports)), type="html")
