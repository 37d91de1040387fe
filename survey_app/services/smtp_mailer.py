"""Sending one email through an SMTP server named by a URL (``SMTP_URL``).

The standard library's ``smtplib`` and ``email`` do all the work: they are maintained with
Python, speak STARTTLS and implicit TLS, and need no dependency. (``redmail`` and ``emails``
add HTML templating and attachments, which an alert that must carry no content does not need.)

URL forms, with the user name and password percent-encoded if they hold ``@`` or ``:``:

- ``smtp://user:password@host:587`` upgrades to TLS with STARTTLS, and refuses to go on if the
  server cannot (the default, so a password never crosses the network in clear);
- ``smtps://user:password@host:465`` speaks TLS from the first byte;
- ``smtp://host:25?starttls=false`` sends in clear, for a relay on the same machine or the
  local test server only.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

DEFAULT_PORTS = {"smtp": 587, "smtps": 465}
# Each step of a conversation (connect, greet, TLS, sign in, each recipient, the message) may
# take this long, so a send is over well within the outbox's lease (safeguarding_outbox.LEASE).
TIMEOUT_SECONDS = 20


class SmtpUrlError(ValueError):
    """``SMTP_URL`` cannot be understood; the message says what to write instead."""


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to connect: ``security`` is ``starttls``, ``tls`` or ``none``."""

    host: str
    port: int
    security: str
    username: str = ""
    password: str = ""


def parse_smtp_url(url: str) -> SmtpSettings:
    """The settings an ``smtp://`` or ``smtps://`` URL names; ``SmtpUrlError`` when it is bad."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise SmtpUrlError("SMTP_URL must look like smtp://user:password@host:587 (or smtps://)")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:
        raise SmtpUrlError("SMTP_URL has a port that is not a number from 1 to 65535") from error
    return SmtpSettings(
        host=parts.hostname,
        port=port,
        security=_security(parts.scheme, parse_qs(parts.query)),
        username=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
    )


def _security(scheme: str, query: dict[str, list[str]]) -> str:
    if scheme == "smtps":
        return "tls"
    starttls = query.get("starttls", ["true"])[-1].lower()
    if starttls not in {"true", "false"}:
        raise SmtpUrlError("SMTP_URL's starttls option must be true or false")
    return "starttls" if starttls == "true" else "none"


class SmtpMailer:
    """Sends each message on a fresh connection, so a broken connection never outlives a send.

    ``send`` returns the recipients the server refused once it has accepted the message for at
    least one, and raises ``smtplib.SMTPException`` or ``OSError`` when it accepted it for none.
    A failed goodbye (``QUIT``) after the message was accepted is ignored: reporting it as a
    failure would make the caller send the message again.
    """

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def send(self, message: EmailMessage) -> list[str]:
        """Hand ``message`` to the server; the refused recipients, if any were."""
        smtp = self._connect()
        try:
            if self.settings.username:
                smtp.login(self.settings.username, self.settings.password)
            refused = smtp.send_message(message)
        finally:
            _quit_quietly(smtp)
        return sorted(refused)

    def _connect(self) -> smtplib.SMTP:
        settings = self.settings
        if settings.security == "tls":
            return smtplib.SMTP_SSL(
                settings.host,
                settings.port,
                timeout=TIMEOUT_SECONDS,
                context=ssl.create_default_context(),
            )
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
        if settings.security == "starttls":
            try:
                smtp.starttls(context=ssl.create_default_context())
            except BaseException:
                smtp.close()
                raise
        return smtp


def _quit_quietly(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()
