"""The Jinja2 environment: autoescaping on for every template, a few display filters."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.responses import HTMLResponse

from web.figures import money

CLIP = 300  # characters of a title or error shown in a table cell; the story page shows more


def clip(value: object, limit: int = CLIP) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def when(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M UTC")


def first_line(value: str | None) -> str:
    return (value or "").strip().splitlines()[0] if (value or "").strip() else ""


def make_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(clip=clip, when=when, money=money, first_line=first_line,
                       query=lambda params: urlencode(params))
    return env


def render(env: Environment, name: str, status_code: int = 200, **context: object) -> HTMLResponse:
    return HTMLResponse(env.get_template(name).render(**context), status_code=status_code)
