"""The dashboard's pages: announcements, a story, sources, the outbox."""

from __future__ import annotations

from sqlmodel import Session
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse

from alerts.verdicts import report_verdict
from web.cursor import decode_cursor, encode_cursor
from web.figures import report_figures
from web.filters import parse_filter, parse_page_size
from web.operations import (
    ALERT_STATUSES,
    coverage,
    first_errors,
    outbox_counts,
    outbox_page,
    source_rows,
)
from web.stories import announcement_story, story_alerts, story_page, story_reports
from web.templating import render


def _session(request: Request) -> Session:
    return Session(request.app.state.engine)


def announcements(request: Request) -> HTMLResponse:
    params = request.query_params
    wanted = parse_filter(params)
    size = parse_page_size(params.get("limit"), request.app.state.options.default_page_size)
    with _session(request) as session:
        page = story_page(session, wanted, size=size, before=decode_cursor(params.get("cursor")))
    next_params = None
    if page.next_before is not None:
        next_params = {**wanted.as_params(), "cursor": encode_cursor(page.next_before)}
    return render(request.app.state.templates, "announcements.html", page=page, wanted=wanted,
                  next_params=next_params, filtered=bool(wanted.as_params()), nav="announcements")


def story(request: Request) -> HTMLResponse:
    story_id = request.path_params["story_id"]
    with _session(request) as session:
        found = announcement_story(session, story_id)
        if found is None:
            raise HTTPException(404, f"no announcement story {story_id}")
        reports = story_reports(session, story_id)
        alerts = story_alerts(session, story_id)
    rows = [(a, report_figures(a), report_verdict(a, alerts)) for a in reports]
    return render(request.app.state.templates, "story.html", story=found, reports=rows,
                  alerts=alerts, outlets=len({a.source for a in reports}), nav="announcements")


def sources(request: Request) -> HTMLResponse:
    with _session(request) as session:
        states = source_rows(session)
        errors = first_errors(session)
    return render(request.app.state.templates, "sources.html", sources=states, errors=errors,
                  coverage=coverage, nav="sources")


def outbox(request: Request) -> HTMLResponse:
    params = request.query_params
    status = params.get("status", "")
    if status and status not in ALERT_STATUSES:
        raise HTTPException(400, f"status: one of {', '.join(ALERT_STATUSES)}")
    size = parse_page_size(params.get("limit"), request.app.state.options.default_page_size)
    with _session(request) as session:
        rows, next_before = outbox_page(session, status=status, size=size,
                                        before=decode_cursor(params.get("cursor")))
        counts = outbox_counts(session)
    next_params = None
    if next_before is not None:
        next_params = {**({"status": status} if status else {}), "cursor": encode_cursor(next_before)}
    return render(request.app.state.templates, "outbox.html", rows=rows, counts=counts,
                  statuses=ALERT_STATUSES, status=status, next_params=next_params, nav="outbox")
