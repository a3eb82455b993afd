"""The Starlette application: routes, error pages and the security layer."""

from __future__ import annotations

from importlib import resources

from sqlalchemy import text
from sqlalchemy.engine import Engine
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from web import api, feed_routes, pages
from web.errors import BadQuery
from web.options import WebOptions
from web.security import SecurityMiddleware
from web.templating import make_environment, render


def healthz(request: Request) -> Response:
    with request.app.state.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return PlainTextResponse("ok")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    if request.url.path.startswith("/feeds/"):
        return PlainTextResponse(message, status_code=status)
    return render(request.app.state.templates, "error.html", status_code=status,
                  status=status, message=message, nav="")


async def _bad_query(request: Request, exc: Exception) -> Response:
    return _error(request, 400, str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return _error(request, exc.status_code, str(exc.detail))


def routes() -> list[Route | Mount]:
    static = StaticFiles(directory=str(resources.files("web") / "static"))
    return [
        Route("/", pages.announcements),
        Route("/stories/{story_id:int}", pages.story),
        Route("/sources", pages.sources),
        Route("/outbox", pages.outbox),
        Route("/feeds/announcements.atom", feed_routes.announcements_feed),
        Route("/feeds/watches/{name}.atom", feed_routes.watch_feed),
        Route("/api/stories", api.stories),
        Route("/api/stories/{story_id:int}", api.story),
        Route("/healthz", healthz),
        Mount("/static", static, name="static"),
    ]


def create_app(engine: Engine, options: WebOptions | None = None) -> Starlette:
    """The dashboard over ``engine`` (migrated by the caller); read-only."""
    options = options or WebOptions()
    app = Starlette(
        routes=routes(),
        middleware=[Middleware(SecurityMiddleware, token=options.token)],
        exception_handlers={BadQuery: _bad_query, HTTPException: _http_error},
    )
    app.state.engine, app.state.options = engine, options
    app.state.templates = make_environment()
    return app
