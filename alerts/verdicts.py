"""Why a stored article did or did not alert, from its stored columns: the one wording that
`newswatch explain` and the dashboard both give."""

from __future__ import annotations

from storage.models import Alert, Article


def report_verdict(article: Article, story_alerts: list[Alert]) -> str:
    """The verdict of one report, given every alert of its story."""
    own = [a for a in story_alerts if a.article_id == article.id]
    # As in SQL: an alert with no article (a digest) is nobody's report.
    others = any(a.article_id is not None and a.article_id != article.id for a in story_alerts)
    return verdict(article, alerted=bool(own), story_alerted=others)


def verdict(article: Article, *, alerted: bool, story_alerted: bool = False) -> str:
    if article.is_seed:
        return "seed article (known corpus)"
    if article.status == "known" and (article.decision or "").startswith("same event"):
        return "reports an event of the seed corpus: never alerted"
    if article.status == "known":
        return "copy of a known (seed) article: never alerted"
    if article.status == "duplicate":
        return "duplicate of an earlier article: joined its story"
    if not article.relevant:
        return "off-topic"
    if not article.announcement:
        return "on-topic, but not an announcement"
    if alerted:
        return "alerted"
    if story_alerted:
        return "another report of an event already alerted: listed under \"also reported by\""
    return "announcement, no alert (no channel configured or alerts disabled)"
