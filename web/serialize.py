"""Stories, reports and alerts as JSON-ready dicts (the API's documented shapes)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from alerts.verdicts import report_verdict
from storage.models import Alert, Article, Story
from web.figures import figures_updated, report_figures, story_investment

API_VERSION = 1


def stamp(when: datetime | None) -> str | None:
    return None if when is None else when.isoformat().replace("+00:00", "Z")


def story_summary(story: Story, outlets: int) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "first_seen": stamp(story.created_at),
        "jobs": story.jobs,
        "investment": story_investment(story),
        "companies": list(story.companies),
        "cities": list(story.cities),
        "kinds": list(story.kinds),
        "outlets": outlets,
        "reports": story.article_count,
        "url": f"/api/stories/{story.id}",
        "html_url": f"/stories/{story.id}",
    }


def story_detail(story: Story, reports: list[Article], alerts: list[Alert]) -> dict[str, Any]:
    detail = story_summary(story, len({a.source for a in reports}))
    detail["figures_updated"] = stamp(figures_updated(story, reports))
    detail["articles"] = [report(a, alerts) for a in reports]
    detail["alerts"] = [alert_row(a) for a in alerts]
    return detail


def report(article: Article, alerts: list[Alert]) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "language": article.language,
        "published_at": stamp(article.published_at),
        "fetched_at": stamp(article.fetched_at),
        "headline_only": article.headline_only,
        "seed": article.is_seed,
        "status": article.status,
        "decision": article.decision,
        "verdict": report_verdict(article, alerts),
        **report_figures(article),
    }


def alert_row(alert: Alert, story_title: str | None = None) -> dict[str, Any]:
    row = {
        "id": alert.id, "story_id": alert.story_id, "channel": alert.channel, "kind": alert.kind,
        "version": alert.version, "status": alert.status, "attempts": alert.attempts,
        "created_at": stamp(alert.created_at), "sent_at": stamp(alert.sent_at),
        "next_attempt_at": stamp(alert.next_attempt_at), "last_error": alert.last_error,
    }
    if story_title is not None:
        row["story_title"] = story_title
    return row
