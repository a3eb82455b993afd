"""The subject, plain-text and HTML bodies of an alert email.

Every piece of article text goes through ``one_line`` (subject) or ``html.escape`` (HTML):
titles are attacker-controlled, since anyone can publish an article.
"""

from __future__ import annotations

import re
from html import escape

from alerts.render import AlertMessage, DigestEntry, SourceLink, facts, headline
from alerts.text import format_when, one_line, safe_url, truncate

SUBJECT_PREFIX = "[newswatch]"
MAX_SUBJECT = 200
MAX_TITLE = 500
_BLANKS = re.compile(r"\n{3,}")


def subject(message: AlertMessage) -> str:
    """One line, bounded: long titles are cut with an ellipsis."""
    return truncate(f"{SUBJECT_PREFIX} {truncate(headline(message), MAX_TITLE)}", MAX_SUBJECT)


# -- plain text -----------------------------------------------------------------------------


def _plain_links(links: list[SourceLink]) -> list[str]:
    lines = ["", "Also reported by:"]
    for link in links:
        url = safe_url(link.url)
        lines.append(f"  - {one_line(link.source)}" + (f": {url}" if url else ""))
    return lines


def _plain_entries(entries: list[DigestEntry]) -> list[str]:
    lines = ["", "Other relevant articles:"]
    for entry in entries:
        when = format_when(entry.published_at)
        meta = ", ".join(x for x in (one_line(entry.source), when) if x)
        lines.append(f"  - {truncate(one_line(entry.title), MAX_TITLE)} ({meta})")
        if url := safe_url(entry.url):
            lines.append(f"    {url}")
    return lines


def plain_text(message: AlertMessage) -> str:
    lines = [truncate(headline(message), MAX_TITLE), ""]
    lines += [f"{label}: {value}" for label, value in facts(message)]
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


def _html_facts(message: AlertMessage) -> list[str]:
    rows = [
        f"<tr><th align=\"left\">{escape(label)}</th><td>{escape(value)}</td></tr>"
        for label, value in facts(message)
    ]
    return ["<table>", *rows, "</table>"] if rows else []


def _html_list(title: str, items: list[str]) -> list[str]:
    return [f"<h3>{escape(title)}</h3>", "<ul>", *(f"<li>{i}</li>" for i in items), "</ul>"]


def _html_entry(entry: DigestEntry) -> str:
    meta = ", ".join(x for x in (one_line(entry.source), format_when(entry.published_at)) if x)
    title = truncate(one_line(entry.title), MAX_TITLE)
    return f"{_a(entry.url, title)} <small>({escape(meta)})</small>"


def html(message: AlertMessage) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8"></head><body dir="auto">',
        f"<h2>{escape(truncate(headline(message), MAX_TITLE))}</h2>",
        *_html_facts(message),
    ]
    if message.body:
        parts.append(f"<p>{escape(message.body)}</p>")
    if message.evidence:
        quotes = [f"<blockquote>{escape(one_line(s))}</blockquote>" for s in message.evidence]
        parts += ["<h3>Evidence</h3>", *quotes]
    if message.link:
        parts.append(f"<p>{_a(message.link, 'Read the article')}</p>")
    if message.also_reported:
        links = [_a(link.url, one_line(link.source)) for link in message.also_reported]
        parts += _html_list("Also reported by", links)
    if message.entries:
        parts += _html_list("Other relevant articles", [_html_entry(e) for e in message.entries])
    if message.notices:
        parts += _html_list("Source health", [escape(one_line(n)) for n in message.notices])
    parts += ["<p><small>newswatch</small></p>", "</body></html>"]
    return "\n".join(parts) + "\n"
