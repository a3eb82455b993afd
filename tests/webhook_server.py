"""A webhook receiver on 127.0.0.1 that checks the HMAC signature as a customer's would.

It recomputes ``sha256=HMAC(secret, timestamp + "." + body)`` itself (not with newswatch's
code), answers 401 to a bad or missing signature, and otherwise the scripted replies in
order, then 200.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: str = '{"ok":true}'
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    verified: bool
    status: int

    def json(self) -> dict[str, Any]:
        return json.loads(self.body)


def expected_signature(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


class WebhookServer:
    def __init__(self, secret: str, replies: list[Reply] | None = None) -> None:
        self.secret = secret
        self.replies = list(replies or [])
        self.received: list[Received] = []
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/hooks/newswatch?token=t0k3n"

    @property
    def delivered(self) -> list[Received]:
        """Requests with a valid signature that were answered 2xx."""
        return [r for r in self.received if r.verified and 200 <= r.status < 300]

    def _verify(self, headers: dict[str, str], body: bytes) -> bool:
        timestamp = headers.get("x-newswatch-timestamp", "")
        given = headers.get("x-newswatch-signature", "")
        if not timestamp.isdigit():
            return False
        return hmac.compare_digest(given, expected_signature(self.secret, timestamp, body))

    def _answer(self, path: str, headers: dict[str, str], body: bytes) -> Reply:
        with self._lock:
            verified = self._verify(headers, body)
            reply = Reply(401, "bad signature") if not verified else (
                self.replies.pop(0) if self.replies else Reply())
            self.received.append(Received(path, headers, body, verified, reply.status))
            return reply

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                reply = server._answer(self.path, headers, body)
                data = reply.body.encode()
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

    def __enter__(self) -> WebhookServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
