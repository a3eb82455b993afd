"""`/feeds/announcements.atom` and `/feeds/watches/NAME.atom`."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from storage.clock import utcnow
from storage.models import Story
from web.feeds import FeedInfo, atom_feed, feed_tag
from web.filters import StoryFilter
from web.options import FEED_ENTRIES
from web.stories import reports_of, story_page

ATOM_TYPE = "application/atom+xml; charset=utf-8"
WATCH_FEED_DAYS = 90  # a watch's feed lists its matches first seen within this many days


def _info(request: Request, title: str, name: str) -> FeedInfo:
    base = str(request.base_url).rstrip("/")
    return FeedInfo(
        title=title, feed_id=feed_tag(request.app.state.options.feed_authority, name),
        self_url=f"{base}{request.url.path}", html_url=f"{base}/",
        story_url=f"{base}/stories/{{id}}",
    )


def _atom(request: Request, info: FeedInfo, session: Session, stories: list[Story]) -> Response:
    reports = reports_of(session, [s.id for s in stories if s.id])
    body = atom_feed(info, request.app.state.options.feed_authority, stories, reports, utcnow())
    return Response(body, media_type=ATOM_TYPE)


def announcements_feed(request: Request) -> Response:
    info = _info(request, "newswatch: every announcement", "announcements")
    with Session(request.app.state.engine) as session:
        page = story_page(session, StoryFilter(), size=FEED_ENTRIES, before=None)
        return _atom(request, info, session, page.stories)


def watch_feed(request: Request) -> Response:
    from alerts.errors import WatchesFileError, WatchNotFound
    from alerts.watches import find_watch, load_watches, matching_stories

    name = request.path_params["name"]
    try:
        watch = find_watch(load_watches(request.app.state.options.watches_file), name)
    except WatchNotFound:
        raise HTTPException(404, f"no watch named {name!r}") from None
    except WatchesFileError as exc:
        raise HTTPException(500, f"the watches file cannot be read: {exc}") from None
    info = _info(request, f"newswatch: {watch.name}", f"watches/{watch.name}")
    since = utcnow() - timedelta(days=WATCH_FEED_DAYS)
    with Session(request.app.state.engine) as session:
        stories = matching_stories(session, watch, since=since, limit=FEED_ENTRIES)
        return _atom(request, info, session, stories)
