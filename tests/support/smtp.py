"""A real SMTP server for tests (aiosmtpd), on a free local port, that keeps what it receives.

A test can also make the server stop at a chosen point of the conversation (``hold_at``), to
kill a sender there: at ``RCPT`` the message has not been accepted, at ``DATA`` the server has
the whole message but has not yet said so (the one moment a resend makes a second copy).
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


@dataclass(frozen=True)
class Received:
    """One message the server accepted, with the envelope's recipients."""

    recipients: tuple[str, ...]
    message: EmailMessage

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"]).strip()

    @property
    def text(self) -> str:
        return str(self.message.get_content())


@dataclass
class Inbox:
    """The aiosmtpd handler: keeps messages; can hold the ``n``th one at ``RCPT`` or ``DATA``."""

    received: list[Received] = field(default_factory=list)
    hold_at: str = ""
    hold_number: int = 0
    reached_hold: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    _started: int = 0

    async def handle_RCPT(  # noqa: N802 (aiosmtpd's hook name)
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if not envelope.rcpt_tos:
            self._started += 1
            if self.hold_at == "RCPT" and self._started == self.hold_number:
                await self._hold()
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's hook name)
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.received.append(Received(tuple(envelope.rcpt_tos), message))  # type: ignore[arg-type]
        if self.hold_at == "DATA" and len(self.received) == self.hold_number:
            await self._hold()
        return "250 Message accepted for delivery"

    async def _hold(self) -> None:
        self.reached_hold.set()
        while not self.release.is_set():
            await asyncio.sleep(0.02)

    def wait_for(self, count: int, timeout: float = 30) -> list[Received]:
        """The received messages once there are at least ``count`` (fails after ``timeout``)."""
        deadline = time.monotonic() + timeout
        while len(self.received) < count:
            assert time.monotonic() < deadline, f"{len(self.received)} of {count} emails arrived"
            time.sleep(0.02)
        return list(self.received)


def free_port() -> int:
    """A TCP port nobody is listening on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SmtpServer:
    """Runs ``inbox`` on ``127.0.0.1:port`` until ``stop``; ``url`` is its ``SMTP_URL``."""

    def __init__(self, inbox: Inbox) -> None:
        self.inbox = inbox
        self.port = free_port()
        self.controller = Controller(inbox, hostname="127.0.0.1", port=self.port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}?starttls=false"

    def start(self) -> SmtpServer:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.inbox.release.set()
        self.controller.stop()
