"""Email delivery over SMTP (stdlib ``smtplib``): SSL, STARTTLS or plain, with AUTH.

The envelope is sent step by step (MAIL, RCPT, DATA) rather than with ``send_message`` so
that the server's final answer ("250 2.0.0 queued as ...") can be returned and recorded.
"""

from __future__ import annotations

import hashlib
import logging
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from typing import Literal

from pydantic import SecretStr

from alerts.email_body import html, plain_text, subject
from alerts.errors import DeliveryError, PermanentDeliveryError, TransientDeliveryError
from alerts.render import AlertMessage
from alerts.text import one_line
from storage.clock import utcnow

log = logging.getLogger(__name__)

Security = Literal["none", "starttls", "ssl"]


def message_id(key: str, sender: str) -> str:
    """A Message-ID derived from the alert key.

    Why: if a crash makes the relay send an alert twice, both copies carry the same
    Message-ID, and most mail stores (Gmail among them) show only one.
    """
    domain = parseaddr(sender)[1].rpartition("@")[2] or "newswatch.invalid"
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"<{digest}@{one_line(domain)}>"


def build_email(
    message: AlertMessage, *, sender: str, recipients: list[str], date: datetime
) -> EmailMessage:
    """A multipart/alternative (plain text + HTML) email; deterministic for a given input."""
    email = EmailMessage()
    email["Subject"] = subject(message)
    email["From"] = one_line(sender)
    email["To"] = ", ".join(one_line(r) for r in recipients)
    email["Date"] = format_datetime(date)
    email["Message-ID"] = message_id(message.key, sender)
    email["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation auto-replies
    email["X-Newswatch-Alert"] = one_line(message.key)
    email.set_content(plain_text(message), cte="quoted-printable")
    email.add_alternative(html(message), subtype="html", cte="quoted-printable")
    # A fixed boundary keeps snapshots stable; quoted-printable bodies cannot contain it
    # because every "=" in them is encoded.
    email.set_boundary("=_newswatch_" + hashlib.sha256(message.key.encode()).hexdigest()[:24])
    return email


def _by_code(code: int, reply: bytes | str, step: str) -> DeliveryError:
    text = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
    detail = f"SMTP {step} refused: {code} {one_line(text)}"
    if 400 <= code < 500:
        return TransientDeliveryError(detail)
    return PermanentDeliveryError(detail)


def _close_quietly(smtp: smtplib.SMTP) -> None:
    # The message is already accepted (or already failed) here: a failed QUIT must not
    # turn into an error that makes the relay send it again.
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


@dataclass
class EmailNotifier:
    host: str
    sender: str
    recipients: list[str]
    port: int = 587
    security: Security = "starttls"
    username: str | None = None
    password: SecretStr | None = field(default=None, repr=False)
    timeout: float = 20.0
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False)
    clock: Callable[[], datetime] = utcnow
    channel: str = "email"

    def send(self, message: AlertMessage) -> str:
        email = build_email(
            message, sender=self.sender, recipients=self.recipients, date=self.clock()
        )
        try:
            smtp = self._connect()
        except (smtplib.SMTPException, OSError) as exc:
            raise self._classify(exc) from None
        try:
            self._login(smtp)
            return self._transmit(smtp, email)
        except (smtplib.SMTPException, OSError) as exc:
            raise self._classify(exc) from None
        finally:
            _close_quietly(smtp)

    def _context(self) -> ssl.SSLContext:
        return self.ssl_context or ssl.create_default_context()

    def _connect(self) -> smtplib.SMTP:
        if self.security == "ssl":
            return smtplib.SMTP_SSL(
                self.host, self.port, timeout=self.timeout, context=self._context()
            )
        return smtplib.SMTP(self.host, self.port, timeout=self.timeout)

    def _login(self, smtp: smtplib.SMTP) -> None:
        smtp.ehlo_or_helo_if_needed()  # MAIL is sent by hand below, so greet first
        if self.security == "starttls":
            smtp.starttls(context=self._context())
        if self.username:
            password = self.password.get_secret_value() if self.password else ""
            smtp.login(self.username, password)

    def _transmit(self, smtp: smtplib.SMTP, email: EmailMessage) -> str:
        code, reply = smtp.mail(parseaddr(self.sender)[1] or self.sender)
        if code != 250:
            raise _by_code(code, reply, "MAIL FROM")
        refused = self._recipients(smtp)
        code, reply = smtp.data(email.as_bytes(policy=policy.SMTP))
        if code != 250:
            raise _by_code(code, reply, "DATA")
        answer = f"{code} {one_line(reply.decode(errors='replace'))}"
        if refused:
            # Accepted for the others: retrying would send them a duplicate.
            log.warning("email accepted, but refused for %d recipient(s)", len(refused))
            answer += f" (refused: {'; '.join(refused)})"
        return answer

    def _recipients(self, smtp: smtplib.SMTP) -> list[str]:
        """RCPT TO for each recipient; raises if none is accepted."""
        refused: list[str] = []
        errors: list[DeliveryError] = []
        for rcpt in self.recipients:
            code, reply = smtp.rcpt(rcpt)
            if code not in (250, 251):
                errors.append(_by_code(code, reply, f"RCPT {rcpt}"))
                refused.append(f"{rcpt}: {code}")
        if errors and len(errors) == len(self.recipients):
            smtp.rset()
            transient = all(isinstance(e, TransientDeliveryError) for e in errors)
            detail = "; ".join(str(e) for e in errors)
            raise TransientDeliveryError(detail) if transient else PermanentDeliveryError(detail)
        return refused

    def _classify(self, exc: Exception) -> DeliveryError:
        if isinstance(exc, DeliveryError):
            return exc
        where = f"{self.host}:{self.port}"
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            return PermanentDeliveryError(f"SMTP authentication refused by {where}: "
                                          f"{exc.smtp_code}")
        if isinstance(exc, smtplib.SMTPNotSupportedError):
            return PermanentDeliveryError(f"SMTP server {where} does not support: {exc}")
        if isinstance(exc, ssl.SSLCertVerificationError):
            return PermanentDeliveryError(f"TLS certificate of {where} refused: {exc.reason}")
        if isinstance(exc, smtplib.SMTPResponseException):
            return _by_code(exc.smtp_code, exc.smtp_error, f"session with {where}")
        return TransientDeliveryError(f"SMTP {where} unreachable: {type(exc).__name__}: {exc}")
