"""`newswatch explain`: why an article did or did not alert."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from alerts.verdicts import verdict
from dedup import canonical_url
from storage.models import Alert, Article, Page, SourceError
from storage.queries import find_article, find_page, get_story, story_articles


def explain(session: Session, ref: str) -> dict[str, Any]:
    article = find_article(session, ref)
    if article is None and not ref.isdigit():
        article = find_article(session, canonical_url(ref))
    if article is None:
        return _not_stored(session, ref)
    report = _article_report(session, article)
    report["lines"] = _lines(report)
    return report


def _not_stored(session: Session, ref: str) -> dict[str, Any]:
    page = find_page(session, ref) or (None if ref.isdigit() else find_page(session, canonical_url(ref)))
    if page is None:
        return _failed_or_unknown(session, ref)
    reason = page.reason or page.outcome
    lines = [f"{page.url}: skipped ({page.outcome}): {reason}", f"source: {page.source}, HTTP {page.http_status}"]
    return {"found": True, "ref": ref, "verdict": page.outcome, "reason": reason, "page": _page_dict(page), "lines": lines}


def _failed_or_unknown(session: Session, ref: str) -> dict[str, Any]:
    """A URL that failed in a way worth retrying is not in the seen-store: its error says why."""
    urls = {ref} if ref.isdigit() else {ref, canonical_url(ref)}
    error = session.exec(
        select(SourceError).where(col(SourceError.url).in_(urls)).order_by(col(SourceError.id).desc())
    ).first()
    if error is None:
        lines = [f"{ref}: never seen. It was not found in any feed, sitemap or section crawled."]
        return {"found": False, "ref": ref, "lines": lines}
    lines = [
        f"{error.url}: failed in run {error.run_id} ({error.kind}: {error.message}); "
        "it is tried again on the next run",
        f"source: {error.source}, HTTP {error.http_status}, at {error.at}",
    ]
    return {"found": True, "ref": ref, "verdict": "failed, retried next run", "reason": f"{error.kind}: {error.message}", "lines": lines}


def _page_dict(page: Page) -> dict[str, Any]:
    return {"url": page.url, "source": page.source, "outcome": page.outcome, "http_status": page.http_status, "fetched_at": page.fetched_at}


def _article_report(session: Session, article: Article) -> dict[str, Any]:
    analysis = article.analysis or {}
    alerts = session.exec(select(Alert).where(Alert.article_id == article.id)).all()
    story = get_story(session, article.story_id) if article.story_id else None
    others = [a for a in story_articles(session, story.id)] if story and story.id else []
    return {
        "found": True,
        "ref": article.url,
        "article": {"id": article.id, "url": article.url, "source": article.source, "title": article.title, "status": article.status, "published_at": article.published_at},
        "verdict": verdict(article, alerted=bool(alerts),
                           story_alerted=_story_alerted(session, article)),
        "duplicate_of": article.duplicate_of,
        "similarity": article.similarity,
        "decision": article.decision,
        "analysis": analysis,
        "alerts": [{"id": a.id, "channel": a.channel, "kind": a.kind, "status": a.status} for a in alerts],
        "story": None if story is None else {
            "id": story.id, "known": story.known, "title": story.title,
            "articles": [
                {"id": o.id, "source": o.source, "url": o.url, "seed": o.is_seed,
                 "figures": _figures(o)}
                for o in others
            ],
        },
    }


def _story_alerted(session: Session, article: Article) -> bool:
    """Whether another article of this story already caused its alert."""
    if article.story_id is None:
        return False
    query = select(Alert.id).where(
        Alert.story_id == article.story_id, Alert.article_id != article.id
    )
    return session.exec(query.limit(1)).first() is not None


def _lines(report: dict[str, Any]) -> list[str]:
    article, analysis = report["article"], report["analysis"]
    lines = [
        f"article {article['id']}: {article['title']}",
        f"  {article['url']} ({article['source']}, published {article['published_at']})",
        f"verdict: {report['verdict']}",
    ]
    if report["decision"]:
        lines.append(f"dedup: {report['decision']}")
    lines.append(f"relevance: {analysis.get('relevance')} relevant={analysis.get('relevant')}")
    lines.append(f"announcement: {analysis.get('announcement')} kinds={analysis.get('kinds')} jobs={analysis.get('jobs')} investment={analysis.get('investment')}")
    for reason in analysis.get("reasons", []):
        lines.append(f"  reason: {reason}")
    for sentence in analysis.get("evidence", []):
        lines.append(f"  evidence: {sentence}")
    for alert in report["alerts"]:
        lines.append(f"alert {alert['id']}: {alert['channel']} {alert['kind']} {alert['status']}")
    story = report["story"]
    if story:
        lines.append(f"story {story['id']}{' (known)' if story['known'] else ''}: {len(story['articles'])} article(s)")
        lines += [f"  - {o['source']}: {o['url']}{_figures_note(o)}" for o in story["articles"]]
        lines += [f"known from seed {o['url']}" for o in story["articles"] if o["seed"]]
    return lines


def _figures(article: Article) -> str:
    """The figures this outlet gave (outlets of one event often disagree)."""
    analysis = article.analysis or {}
    parts = [f"{analysis['jobs']} jobs"] if analysis.get("jobs") else []
    investment = analysis.get("investment") or {}
    if isinstance(investment, dict) and investment.get("amount"):
        parts.append(f"{investment['amount']:,.0f} {investment.get('currency') or ''}".strip())
    return ", ".join(parts)


def _figures_note(article: dict[str, Any]) -> str:
    return f" ({article['figures']})" if article.get("figures") else ""
