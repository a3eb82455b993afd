"""What an alert says, channel-neutral: headline, figures line, details and update changes.

The renderers (email, Slack) only lay these out; every string here is raw article text or
our own words, still to be escaped by the renderer.
"""

from __future__ import annotations

from alerts.bidi import isolate
from alerts.labels import kinds_in_words, language_word, source_name
from alerts.render import AlertMessage, Before
from alerts.text import format_amount, format_number, format_when, one_line

NOT_GIVEN = "not given"
HEADLINE_CHANGES = 2  # the subject keeps room for the title; the body lists every change


def jobs_text(jobs: int) -> str:
    return f"{format_number(jobs)} job" + ("" if jobs == 1 else "s")


def title_line(message: AlertMessage) -> str:
    """The title as shown on its own line: the article's own words for a story alert."""
    if message.kind in ("announcement", "update"):
        return one_line(message.title) or "(untitled)"
    return headline(message)


def headline(message: AlertMessage) -> str:
    """The one line every channel shows first (subject, Slack header, notification)."""
    title = one_line(message.title) or "(untitled)"
    if message.kind == "update":
        what = update_summary(message, most=HEADLINE_CHANGES)
        return f"Update: {what} — {isolate(title)}" if what else f"Update: {title}"
    if message.kind == "digest":
        return title or "Daily digest"
    if message.kind == "test":
        return f"Test: {title}"
    if message.headline_only:
        return f"Headline only: {isolate(title)}"
    return title


def figures(message: AlertMessage) -> list[list[str]]:
    """Jobs · amount and currency · companies · cities, empty groups left out."""
    groups = [
        [jobs_text(message.jobs)] if message.jobs is not None else [],
        [message.investment] if message.investment else [],
        [one_line(c) for c in message.companies if one_line(c)],
        [one_line(c) for c in message.cities if one_line(c)],
    ]
    return [group for group in groups if group]


def details(message: AlertMessage) -> list[tuple[str, str]]:
    """The labelled facts under the figures line, in words, empty ones left out."""
    rows: list[tuple[str, str | None]] = [
        ("Coverage", headline_only_note(message)),
        ("Kind", kinds_in_words([one_line(k) for k in message.kinds])),
        ("Source", source_name(one_line(message.source)) if one_line(message.source) else None),
        ("Published", format_when(message.published_at)),
        ("Language", language_word(one_line(message.language))),
    ]
    return [(label, value) for label, value in rows if value]


def headline_only_note(message: AlertMessage) -> str | None:
    """Says plainly that the alert rests on a headline, and whose."""
    if not message.headline_only:
        return None
    outlet = source_name(one_line(message.source)) if one_line(message.source) else "the outlet"
    return f"headline only: {outlet} published it; its article page could not be read, so the figures come from the headline"


def _was(value: str | None) -> str:
    return f"was {value}" if value else f"was {NOT_GIVEN}"


def _added(nouns: tuple[str, str], now: list[str], before: list[str]) -> str | None:
    """``adds city Rabat`` / ``adds cities Rabat, Salé`` for names not in ``before``."""
    known = {one_line(v).casefold() for v in before}
    new = [one_line(v) for v in now if one_line(v) and one_line(v).casefold() not in known]
    if not new:
        return None
    return f"adds {nouns[len(new) > 1]} " + ", ".join(isolate(v) for v in new)


def changes(message: AlertMessage) -> list[str]:
    """What an update adds to the alert sent before it; empty when that is unknown."""
    before: Before | None = message.before
    if before is None:
        return []
    found: list[str | None] = []
    if message.jobs is not None and message.jobs != before.jobs:
        was = format_number(before.jobs) if before.jobs is not None else None
        found.append(f"now {jobs_text(message.jobs)} ({_was(was)})")
    old_amount = format_amount(before.investment_amount, before.investment_currency)
    if message.investment and message.investment != old_amount:
        found.append(f"now {message.investment} ({_was(old_amount)})")
    found.append(_added(("company", "companies"), message.companies, before.companies))
    found.append(_added(("city", "cities"), message.cities, before.cities))
    new_kinds = [k for k in message.kinds if k not in before.kinds]
    if new_kinds:
        found.append(f"now also {kinds_in_words(new_kinds)}")
    return [item for item in found if item]


def update_summary(message: AlertMessage, most: int | None = None) -> str:
    """``now 1,200 jobs (was not given); adds city Rabat``; "" when nothing is known.

    Jobs and investment come first, so a shortened summary still names them.
    """
    if message.before is None:
        return ""
    found = changes(message)
    shown = found[:most] if most is not None else found
    extra = f"; and {len(found) - len(shown)} more" if len(shown) < len(found) else ""
    return "; ".join(shown) + extra if found else "figures revised"
