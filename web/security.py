"""Safe by default: read-only methods, a token beyond the loopback, strict response headers.

A pure ASGI middleware: it answers refusals itself and adds the headers to every response.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse, RedirectResponse, Response

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
TOKEN_COOKIE = "newswatch_token"
OPEN_PATHS = ("/healthz",)
READ_METHODS = ("GET", "HEAD")
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
# Feed readers and API clients may not keep cookies: the token in their URL is their key.
_MACHINE_PREFIXES = ("/feeds/", "/api/")


def token_matches(expected: str, given: str | None) -> bool:
    """Constant-time comparison: a wrong token's timing says nothing of the right one."""
    if not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def _bearer(headers: Headers) -> str | None:
    value = headers.get("authorization", "")
    scheme, _, credential = value.partition(" ")
    return credential.strip() if scheme.lower() == "bearer" else None


def _cookie(headers: Headers) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # noqa: BLE001 - a malformed cookie header is no credential
        return None
    morsel = jar.get(TOKEN_COOKIE)
    return morsel.value if morsel else None


def _host_is_loopback(headers: Headers) -> bool:
    """Without a token only loopback Host names are served: a DNS-rebinding page cannot read."""
    host = headers.get("host", "")
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name in LOOPBACK_HOSTS


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app, self.token = app, token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        send_secured = _with_headers(send)
        if refusal is not None:
            await refusal(scope, receive, send_secured)
            return
        await self.app(scope, receive, send_secured)

    def _refusal(self, scope: Scope) -> Response | None:
        if scope["method"] not in READ_METHODS:
            return PlainTextResponse("read-only: only GET and HEAD", status_code=405,
                                     headers={"Allow": "GET, HEAD"})
        headers, path = Headers(scope=scope), scope["path"]
        if path in OPEN_PATHS:
            return None
        if self.token is None:
            return None if _host_is_loopback(headers) else PlainTextResponse(
                "this dashboard answers on localhost only (set NEWSWATCH_WEB__TOKEN to serve beyond it)",
                status_code=403)
        return self._token_refusal(scope, headers, path)

    def _token_refusal(self, scope: Scope, headers: Headers, path: str) -> Response | None:
        assert self.token is not None
        if token_matches(self.token, _bearer(headers)) or token_matches(self.token, _cookie(headers)):
            return None
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = next((v for k, v in query if k == "token"), None)
        if not token_matches(self.token, given):
            return PlainTextResponse("a token is required: ?token=, a Bearer header or the cookie",
                                     status_code=401, headers={"WWW-Authenticate": "Bearer"})
        if path.startswith(_MACHINE_PREFIXES):
            return None
        return _remember_token(path, query, self.token)


def _remember_token(path: str, query: list[tuple[str, str]], token: str) -> Response:
    """A browser that came with ?token= gets it as a cookie and the URL without it (not in
    the history, not in a Referer)."""
    rest = urlencode([(k, v) for k, v in query if k != "token"])
    response = RedirectResponse(path + (f"?{rest}" if rest else ""), status_code=303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


def _with_headers(send: Send) -> Send:
    async def secured(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            names = {name for name, _ in message.get("headers", [])}
            extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
            message = {**message, "headers": list(message.get("headers", [])) + extra}
        await send(message)

    return secured
