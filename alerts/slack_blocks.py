"""Block Kit payload for a Slack incoming webhook, escaped and within Slack's limits.

Slack's mrkdwn treats ``<...>`` as control sequences (``<!channel>``, ``<url|label>``), so
every piece of article text is escaped (``&``, ``<``, ``>`` only, as Slack documents) or put
in ``plain_text`` objects, and links are built only from checked http(s) URLs.
"""

from __future__ import annotations

from typing import Any

from alerts.bidi import isolate, ltr_line
from alerts.email_body import FIGURES_SEP, entry_meta
from alerts.labels import source_name
from alerts.render import AlertMessage, DigestEntry
from alerts.text import one_line, safe_url, truncate
from alerts.wording import details, figures, headline

HEADER_LIMIT = 150
SECTION_LIMIT = 3000
FIELD_LIMIT = 2000
MAX_FIELDS = 10
MAX_BLOCKS = 50
MAX_CONTEXT_ELEMENTS = 10
FALLBACK_LIMIT = 300  # the push notification line: short


def mrkdwn_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str | None, label: str) -> str:
    """``<url|label>`` when ``url`` is a safe http(s) URL, else the escaped label alone."""
    safe = safe_url(url)
    # "|" would end the label early in some clients; drop it from the label text.
    text = mrkdwn_escape(one_line(label).replace("|", "/"))
    return f"<{safe}|{text}>" if safe else text


def _plain(text: str, limit: int) -> dict[str, Any]:
    return {"type": "plain_text", "text": truncate(text, limit), "emoji": False}


def _mrkdwn(text: str, limit: int = SECTION_LIMIT) -> dict[str, Any]:
    # Truncate before escaping could cut in the middle of "&amp;"; escape first, and cut
    # back to the last complete entity if needed.
    return {"type": "mrkdwn", "text": _cut_escaped(text, limit)}


def _cut_escaped(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut.rstrip() + "…"


def _fitting(head: str, items: list[str], sep: str, limit: int = SECTION_LIMIT) -> str:
    """``head`` + as many whole ``items`` as fit: a cut inside ``<url|label>`` would break it."""
    text = head
    for index, item in enumerate(items):
        candidate = text + (sep if index else "") + item
        if len(candidate) > limit - 20:
            return text + f"{sep}…and {len(items) - index} more"
        text = candidate
    return text


def _figures_block(message: AlertMessage) -> dict[str, Any] | None:
    """Jobs · amount · companies · cities, first under the header, each value isolated."""
    groups = [", ".join(mrkdwn_escape(isolate(v)) for v in group) for group in figures(message)]
    if not groups:
        return None
    return {"type": "section", "text": _mrkdwn(ltr_line(FIGURES_SEP.join(groups)))}


def _fields_block(message: AlertMessage) -> dict[str, Any] | None:
    rows = details(message)[:MAX_FIELDS]
    if not rows:
        return None
    fields = [
        _mrkdwn(f"*{label}*\n{mrkdwn_escape(value)}", FIELD_LIMIT) for label, value in rows
    ]
    return {"type": "section", "fields": fields}


def _evidence_block(message: AlertMessage) -> dict[str, Any] | None:
    if not message.evidence:
        return None
    quotes = "\n".join(f">{mrkdwn_escape(one_line(s))}" for s in message.evidence)
    return {"type": "section", "text": _mrkdwn(f"*Evidence*\n{quotes}")}


def _also_block(message: AlertMessage) -> dict[str, Any] | None:
    if not message.also_reported:
        return None
    links = [
        link(item.url, source_name(one_line(item.source)))
        + (f" ({mrkdwn_escape(one_line(item.figures))})" if item.figures else "")  # its own figures
        for item in message.also_reported
    ]
    text = _fitting("Also reported by: ", links, ", ")
    return {"type": "context", "elements": [_mrkdwn(text)]}


def _entry_line(entry: DigestEntry) -> str:
    title = isolate(truncate(one_line(entry.title), 200))
    return ltr_line(f"• {link(entry.url, title)} ({mrkdwn_escape(entry_meta(entry))})")


def _digest_blocks(message: AlertMessage) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    if message.entries:
        lines = [_entry_line(e) for e in message.entries]
        text = _fitting("*Other relevant articles*\n", lines, "\n")
        blocks.append({"type": "section", "text": _mrkdwn(text)})
    if message.notices:
        notes = "\n".join(f"• {mrkdwn_escape(one_line(n))}" for n in message.notices)
        blocks.append({"type": "section", "text": _mrkdwn(f"*Source health*\n{notes}")})
    return blocks


def blocks(message: AlertMessage) -> list[dict[str, Any]]:
    out: list[dict[str, Any] | None] = [
        {"type": "header", "text": _plain(headline(message), HEADER_LIMIT)},
        _figures_block(message),
        _fields_block(message),
    ]
    if message.body:
        out.append({"type": "section", "text": _plain(message.body, SECTION_LIMIT)})
    out += [_evidence_block(message)]
    if message.link:
        out.append({"type": "section", "text": _mrkdwn(link(message.link, "Read the article"))})
    out += [_also_block(message), *_digest_blocks(message)]
    return [b for b in out if b][:MAX_BLOCKS]


def fallback_text(message: AlertMessage) -> str:
    """The notification text (push, screen readers): escaped, one line."""
    return _cut_escaped(mrkdwn_escape(one_line(headline(message))), FALLBACK_LIMIT)


def payload(message: AlertMessage) -> dict[str, Any]:
    # unfurl off: a preview of an attacker's page should not appear in the channel.
    return {
        "text": fallback_text(message),
        "blocks": blocks(message),
        "unfurl_links": False,
        "unfurl_media": False,
    }
