"""Article extraction with trafilatura, plus the per-site overrides a source may declare.

`extract_article` runs in a worker process (see `crawler.pipeline.extract`), so a page that
sends trafilatura into a pathological case is killed at its time limit without stalling the
crawl. It takes decoded text, never bytes: trafilatura ignores ``<meta charset>`` on bytes.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import datetime
from typing import Any

import trafilatura
from lxml import etree, html

from crawler.dates import parse_date, parse_visible_date
from crawler.errors import ExtractionFailed, NotAnArticle
from crawler.sites import site_parser

# Phrases a cut article ends with. A source adds its own with `[source.selectors] paywall`.
_PAYWALL = re.compile(
    r"(suite de cet article est réservée aux abonnés|cet article est réservé aux abonnés"
    r"|réservé aux abonnés|réservé à nos abonnés|pour lire la suite|abonnez-vous pour lire"
    r"|accédez à l'intégralité|contenu réservé aux membres|subscribers only"
    r"|subscribe to read|to continue reading|المقال مخصص للمشتركين|خاص بالمشتركين"
    r"|لمواصلة القراءة)",
    re.IGNORECASE,
)
_MIN_TEXT_CHARS = 200
_ARABIC = re.compile(r"[\u0600-\u06FF]")
# Where sites print a visible date when no selector names it (a last resort).
_DATE_NODES = (
    "//time | //*[contains(@class, 'date') or contains(@class, 'time') or contains(@class, 'publi')]"
)
# "Par X", "Rédigé par X le Lundi 3 Mars 2025", "By X |": keep X.
_BYLINE_PREFIX = re.compile(
    r"^(?:rédigé par|publié par|posté par|écrit par|par|by|بقلم|كتبه|إعداد)\s*:?\s+", re.IGNORECASE
)
_BYLINE_SUFFIX = re.compile(r"\s+(?:le|on|,|\|)\s+.*\d{4}.*$|\s*[|,-]\s*$", re.IGNORECASE)


def extract_article(page_html: str, url: str, selectors: dict[str, Any] | None = None) -> dict[str, Any]:
    """Title, body, date, author, language and canonical URL of one article page."""
    selectors = selectors or {}
    tree = _parse(page_html)
    parser = site_parser(selectors.get("parser"))
    # Read what trafilatura's cleaning would remove (meta, JSON-LD, the lead) before it runs.
    published = _meta_published_at(tree) or _selector_date(tree, selectors.get("date"))
    declared_language = (tree.get("lang") or "").split("-")[0].lower() or None
    lead = _lead_text(tree, selectors.get("lead"))
    byline = _byline(tree, selectors.get("author"))
    site_truncated = _mentions(tree, selectors.get("paywall") or [])
    script_only = _looks_script_only(tree)
    _apply_removals(tree, selectors.get("remove") or [])
    if parser is not None:
        parser.prepare(tree)
    document = _bare(tree, url)
    text = _with_lead(lead, _body_text(tree, selectors.get("body"), url) or _text_of(document))
    if len(text.strip()) < _MIN_TEXT_CHARS:
        if script_only:
            raise NotAnArticle("page has no text without JavaScript")
        raise ExtractionFailed(f"no article text found ({len(text.strip())} characters)")
    if published is None and document is not None and document.date:
        published = parse_date(document.date)
    fields = {
        "title": _clean(document.title if document else None) or "",
        "text": text.strip(),
        "published_at": published or _visible_date(tree),
        "author": byline or _clean(document.author if document else None),
        "language": _language(declared_language, text),
        "canonical_url": document.url if document else None,
        "truncated": site_truncated or is_truncated(text),
    }
    return parser.finish(tree, fields) if parser is not None else fields


def is_truncated(text: str, phrases: list[str] | None = None) -> bool:
    """Whether an article text ends on a paywall notice (the known phrases, or the site's own)."""
    tail = text[-600:]
    if _PAYWALL.search(tail):
        return True
    folded = " ".join(tail.split()).lower()
    return any(" ".join(phrase.split()).lower() in folded for phrase in phrases or [])


def _bare(tree: etree._Element, url: str, with_metadata: bool = True) -> Any:
    # No `deduplicate`: trafilatura keeps its seen-paragraph cache per process, so in a
    # long-lived extraction worker a wire story's second copy (or a refetched page) lost its
    # text and failed. Repeated text across articles is dedup/'s job.
    return trafilatura.bare_extraction(
        tree, url=url, with_metadata=with_metadata, include_comments=False, include_tables=True,
        favor_recall=True, deduplicate=False,
    )


def _text_of(document: Any) -> str:
    return (document.text if document else "") or ""


def _body_text(tree: etree._Element, css_selector: str | None, url: str) -> str:
    """Text of the site's body container only, when the source names one."""
    if not css_selector:
        return ""
    nodes = tree.cssselect(css_selector)
    if not nodes:
        return ""  # the layout changed: fall back to trafilatura on the whole page
    shell = html.fromstring("<html><body><article></article></body></html>")
    article = shell.find(".//article")
    for node in nodes:
        article.append(copy.deepcopy(node))
    return _text_of(_bare(shell, url, with_metadata=False))


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
            if node.getparent() is None:
                continue
            # drop_tree keeps the text that follows the node (its tail) in the document.
            node.drop_tree()


def _selector_date(tree: etree._Element, css_selector: str | None) -> datetime | None:
    if not css_selector:
        return None
    for node in tree.cssselect(css_selector):
        parsed = parse_visible_date(node.get("datetime") or node.text_content())
        if parsed is not None:
            return parsed
    return None


def _visible_date(tree: etree._Element) -> datetime | None:
    """A printed date near the article (time elements, *date* classes): the last resort."""
    for node in tree.xpath(_DATE_NODES)[:20]:
        parsed = parse_date(node.get("datetime")) or parse_visible_date(node.text_content()[:200])
        if parsed is not None:
            return parsed
    return None


def _byline(tree: etree._Element, css_selector: str | None) -> str | None:
    """The author names of the site's byline, without "Par"/"By" and separators."""
    if not css_selector:
        return None
    names: list[str] = []
    for node in tree.cssselect(css_selector):
        name = _BYLINE_PREFIX.sub("", " ".join(node.text_content().split()))
        name = _BYLINE_SUFFIX.sub("", name).strip()
        if name and name not in names:
            names.append(name)
    return ", ".join(names) or None


def _mentions(tree: etree._Element, phrases: list[str]) -> bool:
    """Whether the page shows one of the site's own paywall phrases (box or truncated tail)."""
    if not phrases:
        return False
    page_text = " ".join(" ".join(tree.xpath("//body//text()[not(ancestor::script)]")).split()).lower()
    return any(" ".join(phrase.split()).lower() in page_text for phrase in phrases)


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
