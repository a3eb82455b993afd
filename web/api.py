"""The JSON API: `/api/stories` (filters, cursor pagination) and `/api/stories/ID`."""

from __future__ import annotations

from sqlmodel import Session
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from web.cursor import decode_cursor, encode_cursor
from web.filters import parse_filter, parse_page_size
from web.serialize import API_VERSION, story_detail, story_summary
from web.stories import announcement_story, story_alerts, story_page, story_reports


def stories(request: Request) -> JSONResponse:
    params = request.query_params
    wanted = parse_filter(params)
    size = parse_page_size(params.get("limit"), request.app.state.options.default_page_size)
    with Session(request.app.state.engine) as session:
        page = story_page(session, wanted, size=size, before=decode_cursor(params.get("cursor")))
    body = {
        "version": API_VERSION,
        "stories": [story_summary(s, page.outlets.get(s.id or 0, 0)) for s in page.stories],
        "limit": size,
        "next_cursor": encode_cursor(page.next_before) if page.next_before is not None else None,
    }
    return JSONResponse(body)


def story(request: Request) -> JSONResponse:
    story_id = request.path_params["story_id"]
    with Session(request.app.state.engine) as session:
        found = announcement_story(session, story_id)
        if found is None:
            raise HTTPException(404, f"no announcement story {story_id}")
        body = story_detail(found, story_reports(session, story_id), story_alerts(session, story_id))
    return JSONResponse({"version": API_VERSION, "story": body})
