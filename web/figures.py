"""A story's and a report's figures, as shown and as served."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storage.models import Article, Story


def money(amount: float | None, currency: str | None) -> str:
    if amount is None:
        return ""
    return f"{amount:,.0f} {currency or ''}".strip()


def story_investment(story: Story) -> dict[str, Any] | None:
    if story.investment_amount is None:
        return None
    return {"amount": story.investment_amount, "currency": story.investment_currency}


def report_figures(article: Article) -> dict[str, Any]:
    """What this outlet said: its own figures and the sentences they were read from."""
    analysis = article.analysis or {}
    investment = analysis.get("investment") if isinstance(analysis.get("investment"), dict) else None
    return {
        "jobs": analysis.get("jobs"),
        "investment": investment,
        "companies": list(analysis.get("companies") or []),
        "cities": list(analysis.get("cities") or []),
        "kinds": list(analysis.get("kinds") or []),
        "jobs_evidence": analysis.get("jobs_evidence"),
        "investment_evidence": analysis.get("investment_evidence"),
        "evidence": list(analysis.get("evidence") or []),
        "reasons": list(analysis.get("reasons") or []),
    }


def figures_updated(story: Story, reports: list[Article]) -> datetime:
    """When the story last gained a figure: its first jobs figure or first amount from a
    later report; the story's creation when it was announced with every figure it has.

    A later report that only repeats or contradicts a figure changes nothing (the story
    keeps the figures it was announced with), so feed readers are not told of it again.
    """
    when = story.created_at
    has_jobs = has_amount = False
    for article in reports:
        analysis = article.analysis or {}
        if not analysis.get("announcement"):
            continue
        jobs = bool(analysis.get("jobs"))
        amount = bool((analysis.get("investment") or {}).get("amount"))
        gained = (jobs and not has_jobs) or (amount and not has_amount)
        if gained and article.id != story.first_article_id and article.fetched_at > when:
            when = article.fetched_at
        has_jobs, has_amount = has_jobs or jobs, has_amount or amount
    return when
