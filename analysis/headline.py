"""The analysis of an article known only by its headline and an aggregator's snippet.

A headline-only article has no body: the headline and the snippet are read as the text (the
article analysis only believes a commitment stated in the text, never one the title alone
suggests), so what is decided comes from the one or two sentences the aggregator gave.

A headline is ambiguous more often than an article ("Et de quatre pour ..."), and an analyst
is better served by a stored headline than by a wrong alert. Read as text, the article rules
hold on headlines (announcement precision 1.0, recall 0.36 on the 70 titles of the real
corpus, see bench/bench_headlines.py; read as a title over an empty body they announce
nothing). One rule is the headline's own, whatever the article rules become: a headline
alerts only when it names who commits, so "la région va créer 3000 emplois" is stored,
relevant, and not announced.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from analysis.model import Analysis
from analysis.pipeline import analyze

_SPACES = re.compile(r"\s+")


def headline_text(title: str, snippet: str = "") -> str:
    """The text a headline-only article is stored and analysed as: the headline, then what
    the snippet adds to it (aggregators often repeat the headline and the publisher)."""
    title = _SPACES.sub(" ", title).strip()
    rest = _SPACES.sub(" ", snippet).strip()
    if title and rest.startswith(title):
        rest = rest[len(title):].lstrip(" -–—|:.,;")
    if not rest:
        return title
    end = "" if title.endswith((".", "!", "?", "؟")) else "."
    return f"{title}{end}\n{rest}"


def analyze_headline(
    *, title: str, snippet: str = "", language: str | None = None, url: str | None = None,
    published: datetime | None = None,
) -> Analysis:
    """Relevance, announcement and figures of a headline (plus snippet), strictly read."""
    result = analyze(title=None, text=headline_text(title, snippet), language=language, url=url,
                     published=published)
    if result.announcement and not result.companies:
        return _stored_not_alerted(result, "headline only: no company named as committing")
    return result


def _stored_not_alerted(result: Analysis, reason: str) -> Analysis:
    return replace(result, announcement=False, reasons=[*result.reasons, reason])
