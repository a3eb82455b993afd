"""Real local servers and helpers for the alerts tests (SMTP over TLS, a Slack look-alike).

Nothing here mocks smtplib or urllib: the notifiers talk to sockets on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import ipaddress
import json
import os
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from alerts.config import AlertingConfig
from alerts.email import build_email
from alerts.outbox import enqueue_story_alerts
from alerts.render import AlertMessage
from storage.db import connect, session_scope
from storage.models.core import Article, Story
from storage.models.outbox import Alert

SMTP_USER = "analyst-bot"
SMTP_PASSWORD = "s3cret-Pa55"
SNAPSHOTS = Path(__file__).parent / "data" / "alerts_snapshots"
UPDATE_ENV = "ALERTS_UPDATE_SNAPSHOTS"  # not NEWSWATCH_*: conftest clears those
T0 = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
SNAPSHOT_DATE = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)

# -- clock ------------------------------------------------------------------------------------


class Clock:
    """A controllable ``now()``: the relay reads it, tests move it."""

    def __init__(self, start: dt.datetime = T0) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


# -- TLS --------------------------------------------------------------------------------------


@dataclass
class Certificate:
    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context

    def client_context(self) -> ssl.SSLContext:
        """Verifies the server against this certificate only (hostname checked)."""
        return ssl.create_default_context(cafile=str(self.cert_file))


def make_certificate(folder: Path) -> Certificate:
    """A self-signed certificate for localhost and 127.0.0.1."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    san = x509.SubjectAlternativeName(
        [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(san, critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ))
    return Certificate(cert_file, key_file)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- SMTP -------------------------------------------------------------------------------------


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes


@dataclass
class SmtpSink:
    """aiosmtpd handler: keeps every accepted message; refuses listed recipients."""

    messages: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: ANN001
        if address in self.refuse:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                      envelope.content))
        return f"250 2.0.0 Ok: queued as Q{len(self.messages)}"


def authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:  # noqa: ANN001
    ok = isinstance(auth_data, LoginPassword) and auth_data == LoginPassword(
        SMTP_USER.encode(), SMTP_PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd sends 535


@dataclass
class SmtpServer:
    port: int
    sink: SmtpSink
    certificate: Certificate
    implicit_tls: bool = False
    controller: Controller | None = None

    def start(self) -> None:
        tls = self.certificate.server_context()
        options: dict[str, Any] = {"authenticator": authenticate, "auth_require_tls": True}
        if self.implicit_tls:
            # aiosmtpd only counts STARTTLS as "TLS" for auth_require_tls; here the whole
            # connection is TLS already.
            options.update(ssl_context=tls, auth_require_tls=False)
        else:
            options.update(tls_context=tls, require_starttls=True)
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port,
                                     server_hostname="localhost", **options)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def certificate(tmp_path: Path) -> Certificate:
    return make_certificate(tmp_path)


@pytest.fixture
def smtp_server(certificate: Certificate) -> Iterator[SmtpServer]:
    server = SmtpServer(free_port(), SmtpSink(), certificate)
    server.start()
    yield server
    server.stop()


# -- Slack look-alike -------------------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    body: str = "ok"
    headers: dict[str, str] = field(default_factory=dict)


class SlackServer:
    """An HTTP endpoint answering scripted replies in order, then 200 "ok"."""

    def __init__(self, replies: list[Reply] | None = None) -> None:
        self.replies = list(replies or [])
        self.requests: list[dict[str, Any]] = []
        self.delivered: list[dict[str, Any]] = []  # payloads answered with 200
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/services/T000/B000/XXXX"

    def _answer(self, payload: dict[str, Any]) -> Reply:
        with self._lock:
            self.requests.append(payload)
            reply = self.replies.pop(0) if self.replies else Reply()
            if reply.status == 200:
                self.delivered.append(payload)
            return reply

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                reply = server._answer(json.loads(self.rfile.read(length)))
                body = reply.body.encode()
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

    def __enter__(self) -> SlackServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def slack_server() -> Iterator[SlackServer]:
    with SlackServer() as server:
        yield server


# -- database ---------------------------------------------------------------------------------


@pytest.fixture
def engine(tmp_path: Path):  # noqa: ANN201
    engine = connect("sqlite:///" + str(tmp_path / "t.db"))
    yield engine
    engine.dispose()


ANALYSIS = {
    "language": "fr",
    "kinds": ["jobs", "investment"],
    "jobs": 1200,
    "investment": {"amount": 65_000_000, "currency": "MAD"},
    "companies": ["Webhelp"],
    "cities": ["Rabat"],
    "evidence": ["Webhelp va créer 1 200 emplois à Rabat pour 65 millions de dirhams."],
}


def add_story(
    engine: Any,
    *,
    title: str = "Webhelp ouvre un nouveau site à Rabat et recrute 1 200 personnes",
    published_at: dt.datetime | None = T0 - dt.timedelta(hours=2),
    url: str = "https://www.medias24.com/2026/11/23/webhelp-rabat",
    source: str = "medias24",
    analysis: dict[str, Any] | None = None,
    story_id: int | None = None,
    channels: tuple[str, ...] = (),
    now: dt.datetime = T0,
    window: dt.timedelta = dt.timedelta(days=7),
    policy: AlertingConfig | None = None,
) -> tuple[Story, Article, list[Alert]]:
    """Store an article (and its story, unless ``story_id`` names one) and enqueue its
    alerts in the same transaction, as the crawl pipeline does."""
    analysis = dict(ANALYSIS if analysis is None else analysis)
    with session_scope(engine) as session:
        story = session.get(Story, story_id) if story_id else None
        if story is None:
            story = Story(title=title, announcement=True, kinds=analysis.get("kinds", []),
                          jobs=analysis.get("jobs"), companies=analysis.get("companies", []),
                          cities=analysis.get("cities", []))
            investment = analysis.get("investment") or {}
            story.investment_amount = investment.get("amount")
            story.investment_currency = investment.get("currency")
            session.add(story)
            session.flush()
        article = Article(url=url, source=source, title=title, published_at=published_at,
                          language=analysis.get("language"), analysis=analysis,
                          story_id=story.id, relevant=True, announcement=True)
        session.add(article)
        story.article_count += 1
        session.flush()
        alerts = enqueue_story_alerts(session, story=story, article=article,
                                      channels=channels, now=now, window=window, policy=policy)
    return story, article, alerts


# -- snapshots --------------------------------------------------------------------------------


def rendered_email(msg: AlertMessage) -> str:
    built = build_email(msg, sender="newswatch <alerts@newswatch.ma>",
                        recipients=["a@example.ma", "b@example.ma"], date=SNAPSHOT_DATE)
    return built.as_string(policy=email.policy.SMTP.clone(linesep="\n"))


def assert_snapshot(name: str, actual: str) -> None:
    """Compare with ``tests/data/alerts_snapshots/<name>`` exactly; rewrite when
    ``ALERTS_UPDATE_SNAPSHOTS=1``."""
    path = SNAPSHOTS / name
    if os.environ.get(UPDATE_ENV) == "1" or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        if os.environ.get(UPDATE_ENV) != "1":
            pytest.fail(f"snapshot {name} was missing and has been written; run again")
    assert path.read_bytes().decode("utf-8") == actual, f"snapshot {name} differs"


def all_alerts(engine: Any) -> list[Alert]:
    from sqlmodel import Session, col, select

    with Session(engine) as session:
        return list(session.exec(select(Alert).order_by(col(Alert.id))).all())
