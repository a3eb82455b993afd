"""`newswatch serve` and `demo --serve`: the settings turned into the web package's options."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newswatch.settings import Settings

if TYPE_CHECKING:  # web (Starlette, Jinja2) is imported by the commands that serve, not at start
    from web import WebOptions


def web_options(settings: Settings) -> WebOptions:
    from web import WebOptions

    token = settings.web.token.get_secret_value() if settings.web.token else None
    return WebOptions(token=token or None, page_size=settings.web.page_size,
                      feed_authority=settings.web.feed_authority, watches_file=settings.watches)


def serve(settings: Settings, host: str, port: int, on_ready: Callable[[str], None]) -> None:
    """The dashboard on ``host:port`` until Ctrl-C or SIGTERM (the database must exist)."""
    from newswatch.usecases import open_database
    from storage.db import require_existing
    from web import create_app
    from web.server import check_bind, serve_forever

    options = web_options(settings)
    check_bind(host, options.token)  # before the database is opened: fail fast and plainly
    require_existing(settings.effective_database_url)  # never a new empty database
    app = create_app(open_database(settings), options)
    serve_forever(app, host, port, options.token, on_ready=on_ready)


def serve_while(settings: Settings, wait: Callable[[], None], on_ready: Callable[[str], None]) -> None:
    """The dashboard on a free loopback port while ``wait()`` runs (the demo's data)."""
    from newswatch.usecases import open_database
    from web import create_app
    from web.server import running

    options = web_options(settings)
    with running(create_app(open_database(settings), options), token=options.token) as server:
        on_ready(server.url)
        wait()
