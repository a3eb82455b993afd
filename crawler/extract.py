"""Article extraction with trafilatura, plus the per-site overrides a source may declare.

`extract_article` runs in a worker process (see `crawler.pipeline.extract`), so a page that
sends trafilatura into a pathological case is killed at its time limit without stalling the
crawl. It takes decoded text, never bytes: trafilatura ignores ``<meta charset>`` on bytes.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

import trafilatura
from lxml import etree, html

from crawler.discovery import parse_date
from crawler.errors import ExtractionFailed, NotAnArticle

_PAYWALL = re.compile(
    r"(suite de cet article est réservée aux abonnés|cet article est réservé aux abonnés"
    r"|réservé aux abonnés|pour lire la suite|abonnez-vous pour lire|subscribers only"
    r"|المقال مخصص للمشتركين)",
    re.IGNORECASE,
)
_MIN_TEXT_CHARS = 200
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def extract_article(page_html: str, url: str, selectors: dict[str, Any] | None = None) -> dict[str, Any]:
    """Title, body, date, author, language and canonical URL of one article page."""
    tree = _parse(page_html)
    # Read what trafilatura's cleaning would remove (meta, JSON-LD, the lead) before it runs.
    published = _meta_published_at(tree)
    declared_language = (tree.get("lang") or "").split("-")[0].lower() or None
    lead = _lead_text(tree, (selectors or {}).get("lead"))
    script_only = _looks_script_only(tree)
    if selectors:
        _apply_removals(tree, selectors.get("remove") or [])
    document = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        favor_recall=True, deduplicate=True,
    )
    text = _with_lead(lead, (document.text if document else "") or "")
    if len(text.strip()) < _MIN_TEXT_CHARS:
        if script_only:
            raise NotAnArticle("page has no text without JavaScript")
        raise ExtractionFailed(f"no article text found ({len(text.strip())} characters)")
    if published is None and document is not None and document.date:
        published = parse_date(document.date)
    return {
        "title": _clean(document.title) or "",
        "text": text.strip(),
        "published_at": published,
        "author": _clean(document.author),
        "language": _language(declared_language, text),
        "canonical_url": document.url,
        "truncated": bool(_PAYWALL.search(text[-600:])),
    }


def _parse(page_html: str) -> etree._Element:
    try:
        tree = html.fromstring(page_html)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionFailed(f"unparseable HTML: {exc}") from exc
    if tree is None:
        raise ExtractionFailed("empty document")
    return tree


def _apply_removals(tree: etree._Element, css_selectors: list[str]) -> None:
    for selector in css_selectors:
        for node in tree.cssselect(selector):
            node.getparent().remove(node)


def _lead_text(tree: etree._Element, css_selector: str | None) -> str:
    if not css_selector:
        return ""
    return " ".join(node.text_content().strip() for node in tree.cssselect(css_selector)).strip()


def _with_lead(lead: str, text: str) -> str:
    """Prepend a standfirst the site places outside the body container, if trafilatura lost it."""
    if lead and lead[:80] not in text:
        return f"{lead}\n{text}"
    return text


def _meta_published_at(tree: etree._Element) -> datetime | None:
    """The full timestamp from meta or JSON-LD (trafilatura's own date keeps the day only)."""
    for value in tree.xpath('//meta[@property="article:published_time"]/@content'):
        if (parsed := parse_date(value)) is not None:
            return parsed
    for value in _json_ld_dates(tree):
        if (parsed := parse_date(value)) is not None:
            return parsed
    return None


def _json_ld_dates(tree: etree._Element) -> list[str]:
    dates: list[str] = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
        for node in nodes if isinstance(nodes, list) else []:
            if isinstance(node, dict) and isinstance(node.get("datePublished"), str):
                dates.append(node["datePublished"])
    return dates


def _language(declared: str | None, text: str) -> str | None:
    sample = text[:2000]
    if sample and len(_ARABIC.findall(sample)) > 0.3 * len(sample.replace(" ", "")):
        return "ar"
    return declared


def _looks_script_only(tree: etree._Element) -> bool:
    scripts = tree.xpath("//script")
    body_text = " ".join(tree.xpath("//body//text()[not(ancestor::script)]")).strip()
    return bool(scripts) and len(body_text) < _MIN_TEXT_CHARS


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) if value else None
