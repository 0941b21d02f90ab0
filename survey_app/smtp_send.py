"""Handing messages to an SMTP server, and what its answers mean for the outbox.

Settings (``app.config``, or the environment when unset):

=======================  ==============================  =====================================
config                   environment                     meaning
=======================  ==============================  =====================================
``MAIL_HOST``            ``CRAFTWAVE_SMTP_HOST``         SMTP server (default ``localhost``)
``MAIL_PORT``            ``CRAFTWAVE_SMTP_PORT``         port (default 587, 465 with ``ssl``,
                                                         25 with ``none``)
``MAIL_SECURITY``        ``CRAFTWAVE_SMTP_SECURITY``     ``starttls`` (default), ``ssl``, ``none``
``MAIL_USERNAME``        ``CRAFTWAVE_SMTP_USER``         login (optional)
``MAIL_PASSWORD``        ``CRAFTWAVE_SMTP_PASSWORD``     password (optional)
``MAIL_FROM``            ``CRAFTWAVE_MAIL_FROM``         sender address (required)
``MAIL_RETURN_PATH``     ``CRAFTWAVE_MAIL_RETURN_PATH``  bounce address base for VERP (default:
                                                         ``MAIL_FROM``)
``PUBLIC_BASE_URL``      ``CRAFTWAVE_BASE_URL``          the app's public address, for links
=======================  ==============================  =====================================

An SMTP reply decides the message's next state (:func:`classify`): a 5xx refusal of the
recipient or of the message is permanent (``failed``); a 4xx reply, a dropped connection or an
unreachable server is temporary (``deferred``).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from flask import current_app

from craftwave.instruments.errors import StudyError
from craftwave.survey_app.config import public_base_url


class MailError(StudyError):
    """Email cannot be sent as configured (no sender, bad template)."""


@dataclass(frozen=True)
class MailSettings:
    """Where and how to send, read once per run by :func:`mail_settings`."""

    host: str
    port: int
    security: str
    username: str | None
    password: str | None
    sender: str
    return_path: str
    base_url: str
    timeout: float = 30.0


def mail_settings() -> MailSettings:
    """The SMTP settings from the app's configuration, then the environment.

    Raises
    ------
    MailError
        Without a sender address, or with an unknown ``MAIL_SECURITY``.
    """
    cfg, env = current_app.config, os.environ

    def get(key: str, var: str, default=None):
        value = cfg.get(key)
        return value if value not in (None, "") else env.get(var, default)

    security = str(get("MAIL_SECURITY", "CRAFTWAVE_SMTP_SECURITY", "starttls")).lower()
    if security not in ("starttls", "ssl", "none"):
        raise MailError(f"MAIL_SECURITY must be starttls, ssl or none, not '{security}'")
    default_port = {"starttls": 587, "ssl": 465, "none": 25}[security]
    sender = get("MAIL_FROM", "CRAFTWAVE_MAIL_FROM")
    if not sender:
        raise MailError("no sender address: set MAIL_FROM in the instance config or "
                        "CRAFTWAVE_MAIL_FROM in the environment")
    return MailSettings(
        host=str(get("MAIL_HOST", "CRAFTWAVE_SMTP_HOST", "localhost")),
        port=int(get("MAIL_PORT", "CRAFTWAVE_SMTP_PORT", default_port)),
        security=security, username=get("MAIL_USERNAME", "CRAFTWAVE_SMTP_USER"),
        password=get("MAIL_PASSWORD", "CRAFTWAVE_SMTP_PASSWORD"), sender=str(sender),
        return_path=str(get("MAIL_RETURN_PATH", "CRAFTWAVE_MAIL_RETURN_PATH", sender)),
        base_url=public_base_url(cfg, current_app.instance_path)[0],
        timeout=float(cfg.get("MAIL_TIMEOUT", 30.0)))


# -- VERP: one return path per message -----------------------------------------------------
def _verp_sig(message_id: int) -> str:
    key = str(current_app.config["SECRET_KEY"]).encode("utf-8")
    return hmac.new(key, f"verp:{message_id}".encode(), hashlib.sha256).hexdigest()[:10]


def verp_address(base: str, message_id: int) -> str:
    """The return path of outbox row ``message_id``: ``local+b-<id>-<sig>@domain``.

    The signature (a keyed digest) keeps a forged bounce from marking other messages.
    """
    local, _, domain = base.rpartition("@")
    return f"{local}+b-{message_id}-{_verp_sig(message_id)}@{domain}"


def verp_message_id(address: str) -> int | None:
    """The outbox row a VERP return path names, or None when it is not one of ours."""
    local = address.strip().strip("<>").rpartition("@")[0]
    _, plus, tag = local.rpartition("+b-")
    if not plus:
        return None
    number, _, sig = tag.partition("-")
    if not number.isdigit() or not hmac.compare_digest(sig, _verp_sig(int(number))):
        return None
    return int(number)


# -- the connection --------------------------------------------------------------------------
class Unreachable(Exception):
    """The SMTP server cannot be reached or refused the session (temporary for the outbox)."""


def connect(s: MailSettings) -> smtplib.SMTP:
    """An open, authenticated SMTP session.

    Raises
    ------
    Unreachable
        When the server cannot be reached, TLS fails or the login is refused.
    """
    try:
        if s.security == "ssl":
            conn: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout,
                                                  context=ssl.create_default_context())
        else:
            conn = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            if s.security == "starttls":
                conn.starttls(context=ssl.create_default_context())
        # SMTP is a chat of small writes: without this, delayed ACKs cost ~40 ms a message
        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn.ehlo_or_helo_if_needed()
        if s.username:
            conn.login(s.username, s.password or "")
    except (OSError, smtplib.SMTPException) as exc:
        raise Unreachable(f"cannot use the SMTP server {s.host}:{s.port} ({s.security}): "
                          f"{exc}") from exc
    return conn


def close(conn: smtplib.SMTP | None) -> None:
    """Say goodbye to the server, or just drop the connection if it is gone."""
    if conn is None:
        return
    try:
        conn.quit()
    except (OSError, smtplib.SMTPException):
        conn.close()


@dataclass(frozen=True)
class Outcome:
    """What became of one message: ``sent``, ``failed`` (permanent) or ``deferred``."""

    status: str
    error: str | None = None
    connection_lost: bool = False


def send(conn: smtplib.SMTP, msg: EmailMessage, return_path: str) -> Outcome:
    """Hand one message to the server; classify the server's answer."""
    try:
        refused = conn.send_message(msg, from_addr=return_path)
    except smtplib.SMTPException as exc:
        return classify(exc)
    except OSError as exc:
        return Outcome("deferred", f"connection lost: {exc}"[:500], connection_lost=True)
    if refused:  # some recipients refused (we send to one, so this is that one)
        code, text = next(iter(refused.values()))
        return _by_code(code, text)
    return Outcome("sent")


def classify(exc: smtplib.SMTPException) -> Outcome:
    """The outbox state an SMTP exception means (5xx: failed; 4xx or no answer: deferred)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()))
        return _by_code(code, text)
    if isinstance(exc, smtplib.SMTPSenderRefused):
        # The server refuses our sender: not this recipient's fault, so try again later.
        return Outcome("deferred", _text(exc.smtp_code, exc.smtp_error), connection_lost=True)
    if isinstance(exc, smtplib.SMTPResponseException):
        return _by_code(exc.smtp_code, exc.smtp_error)
    return Outcome("deferred", f"connection lost: {exc}"[:500], connection_lost=True)


def _by_code(code: int, text: bytes | str) -> Outcome:
    return Outcome("failed" if 500 <= code < 600 else "deferred", _text(code, text))


def _text(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {text}"[:500]
