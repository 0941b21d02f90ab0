"""A loopback SMTP server (aiosmtpd) for the email tests, able to pause at a chosen step."""

from __future__ import annotations

import asyncio
import email
import socket
import threading
from email import policy


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """An aiosmtpd handler that keeps every delivered message (with its envelope sender).

    ``pause_at`` (``"EHLO"`` or ``"DATA"``) makes the server stop at that step until
    :meth:`release`; ``reached`` is set when it gets there. At ``DATA`` the message is already
    kept (the server has it) and only the ``250`` reply waits.
    """

    def __init__(self, pause_at: str | None = None) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.envelope_from: list[str] = []
        self.lock = threading.Lock()
        self.pause_at = pause_at
        self.reached = threading.Event()
        self.released = threading.Event()

    def release(self) -> None:
        self.pause_at = None
        self.released.set()

    async def _pause(self, step: str) -> None:
        if self.pause_at == step:
            self.reached.set()
            while not self.released.is_set():
                await asyncio.sleep(0.01)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        await self._pause("EHLO")
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        msg = email.message_from_bytes(envelope.original_content or envelope.content,
                                       policy=policy.default)
        with self.lock:
            self.messages.append(msg)
            self.envelope_from.append(envelope.mail_from)
        await self._pause("DATA")
        return "250 Message accepted for delivery"

    def to(self) -> list[str]:
        with self.lock:
            return sorted(m["To"] for m in self.messages)


class LoopbackSMTP:
    """Start and stop an aiosmtpd server on 127.0.0.1 with an :class:`Inbox`."""

    def __init__(self, inbox: Inbox) -> None:
        from aiosmtpd.controller import Controller

        self.inbox = inbox
        self.port = free_port()
        self.controller = Controller(inbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> LoopbackSMTP:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.inbox.release()
        self.controller.stop()
