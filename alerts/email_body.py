"""The subject, plain-text and HTML bodies of an alert email.

Every piece of article text goes through ``one_line`` (subject) or ``html.escape`` (HTML):
titles are attacker-controlled, since anyone can publish an article.

The frame (labels, figures, links) is left to right whatever the article's language; only
the article's own title and evidence take their own direction (``dir="auto"``), and every
figure or name is isolated (``<bdi>``, or Unicode isolates in plain text) so that an Arabic
neighbour cannot reorder "375 M MAD".
"""

from __future__ import annotations

import re
from html import escape

from alerts.bidi import isolate, ltr_line
from alerts.labels import kinds_in_words, source_name
from alerts.render import AlertMessage, DigestEntry, SourceLink
from alerts.text import format_when, one_line, safe_url, truncate
from alerts.wording import details, figures, headline, title_line, update_summary

SUBJECT_PREFIX = "[newswatch]"
MAX_SUBJECT = 200
MAX_TITLE = 500
FIGURES_SEP = " · "
_BLANKS = re.compile(r"\n{3,}")
_LANG = re.compile(r"^[A-Za-z]{2,3}$")


def subject(message: AlertMessage) -> str:
    """One line, bounded: long titles are cut with an ellipsis."""
    return truncate(f"{SUBJECT_PREFIX} {truncate(headline(message), MAX_TITLE)}", MAX_SUBJECT)


def entry_meta(entry: DigestEntry) -> str:
    """``Hespress (AR), 2026-11-23 08:00 UTC, new site`` for a digest line."""
    source = source_name(one_line(entry.source)) if one_line(entry.source) else ""
    parts = (source, format_when(entry.published_at), kinds_in_words(entry.kinds))
    return ", ".join(x for x in parts if x)


# -- plain text -----------------------------------------------------------------------------


def plain_figures(message: AlertMessage) -> str:
    groups = [", ".join(isolate(v) for v in group) for group in figures(message)]
    return ltr_line(FIGURES_SEP.join(groups)) if groups else ""


def _plain_links(links: list[SourceLink]) -> list[str]:
    lines = ["", "Also reported by:"]
    for link in links:
        url = safe_url(link.url)
        own = f" ({one_line(link.figures)})" if link.figures else ""  # that outlet's figures
        lines.append(f"  - {source_name(one_line(link.source))}{own}" + (f": {url}" if url else ""))
    return lines


def _plain_entries(entries: list[DigestEntry]) -> list[str]:
    lines = ["", "Other relevant articles:"]
    for entry in entries:
        title = isolate(truncate(one_line(entry.title), MAX_TITLE))
        lines.append(ltr_line(f"  - {title} ({entry_meta(entry)})"))
        if url := safe_url(entry.url):
            lines.append(f"    {url}")
    return lines


def _plain_head(message: AlertMessage) -> list[str]:
    lines = []
    if message.kind == "update":
        lines.append(f"Update: {update_summary(message) or 'new details'}")
    lines += [truncate(title_line(message), MAX_TITLE), ""]
    if line := plain_figures(message):
        lines += [line, ""]
    return lines + [f"{label}: {isolate(value)}" for label, value in details(message)]


def plain_text(message: AlertMessage) -> str:
    lines = _plain_head(message)
    if message.body:
        lines += ["", message.body]
    if message.evidence:
        lines += ["", "Evidence:"] + [f"  « {one_line(s)} »" for s in message.evidence]
    if message.link:
        lines += ["", f"Read the article: {message.link}"]
    if message.also_reported:
        lines += _plain_links(message.also_reported)
    if message.entries:
        lines += _plain_entries(message.entries)
    if message.notices:
        lines += ["", "Source health:"] + [f"  - {one_line(n)}" for n in message.notices]
    lines += ["", "-- ", "newswatch"]
    # Sections each open with a blank line; an empty fact table would leave two.
    return _BLANKS.sub("\n\n", "\n".join(lines)) + "\n"


# -- HTML -----------------------------------------------------------------------------------


def _a(url: str | None, text: str) -> str:
    """A link if ``url`` is http(s); the escaped text alone otherwise."""
    safe = safe_url(url)
    label = escape(text)
    return f'<a href="{escape(safe, quote=True)}">{label}</a>' if safe else label


def _bdi(text: str) -> str:
    return f"<bdi>{escape(text)}</bdi>"


def _lang(message: AlertMessage) -> str:
    code = one_line(message.language)
    return f' lang="{code.lower()}"' if _LANG.match(code) else ""


def _html_head(message: AlertMessage) -> list[str]:
    parts = []
    if message.kind == "update":
        what = escape(update_summary(message) or "new details")
        parts.append(f'<p class="update"><strong>Update:</strong> {what}</p>')
    title = escape(truncate(title_line(message), MAX_TITLE))
    parts.append(f'<h2 class="title" dir="auto"{_lang(message)}>{title}</h2>')
    return parts


def _html_figures(message: AlertMessage) -> list[str]:
    groups = [", ".join(_bdi(v) for v in group) for group in figures(message)]
    if not groups:
        return []
    line = FIGURES_SEP.join(groups)
    return [f'<p class="figures" style="font-size:1.15em;font-weight:bold">{line}</p>']


def _html_details(message: AlertMessage) -> list[str]:
    rows = [
        f'<tr><th align="left">{escape(label)}</th><td>{_bdi(value)}</td></tr>'
        for label, value in details(message)
    ]
    return ['<table class="details">', *rows, "</table>"] if rows else []


def _html_list(title: str, items: list[str]) -> list[str]:
    return [f"<h3>{escape(title)}</h3>", "<ul>", *(f"<li>{i}</li>" for i in items), "</ul>"]


def _html_entry(entry: DigestEntry) -> str:
    title = truncate(one_line(entry.title), MAX_TITLE)
    return f'<bdi>{_a(entry.url, title)}</bdi> <small>({escape(entry_meta(entry))})</small>'


def _html_evidence(message: AlertMessage) -> list[str]:
    quotes = [
        f'<blockquote class="evidence" dir="auto"{_lang(message)}>{escape(one_line(s))}'
        "</blockquote>"
        for s in message.evidence
    ]
    return ["<h3>Evidence</h3>", *quotes] if quotes else []


def _html_sources(links: list[SourceLink]) -> list[str]:
    items = [_a(link.url, source_name(one_line(link.source))) + _html_link_figures(link)
             for link in links]
    return _html_list("Also reported by", items) if items else []


def _html_link_figures(link: SourceLink) -> str:
    return f" ({escape(one_line(link.figures))})" if link.figures else ""


def html(message: AlertMessage) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en" dir="ltr"><head><meta charset="utf-8"></head>',
        # Webmail drops <body> and its attributes: the frame's direction is on a wrapper too.
        '<body dir="ltr"><div class="frame" dir="ltr">',
        *_html_head(message),
        *_html_figures(message),
        *_html_details(message),
    ]
    if message.body:
        parts.append(f'<p dir="auto">{escape(message.body)}</p>')
    parts += _html_evidence(message)
    if message.link:
        parts.append(f"<p>{_a(message.link, 'Read the article')}</p>")
    parts += _html_sources(message.also_reported)
    if message.entries:
        parts += _html_list("Other relevant articles", [_html_entry(e) for e in message.entries])
    if message.notices:
        parts += _html_list("Source health", [_bdi(one_line(n)) for n in message.notices])
    parts += ["<p><small>newswatch</small></p>", "</div></body></html>"]
    return "\n".join(parts) + "\n"
