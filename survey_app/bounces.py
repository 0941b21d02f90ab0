"""Bounces: delivery-status notifications (RFC 3464) read from a Maildir or an mbox.

Every message leaves with its own return path (VERP, :func:`~craftwave.survey_app.smtp_send.verp_address`),
so a notification that comes back is addressed to the message it is about. This module reads
a mailbox with the standard library's :mod:`mailbox`, keeps the reports whose
``Action`` is ``failed`` and marks those messages ``bounced`` (``delayed`` reports change
nothing: the server is still trying). A report is matched by the VERP address it was
delivered to (``Delivered-To``, ``X-Original-To``, ``Envelope-To``, ``To``), else by the
``Message-ID`` of the returned headers. Mail providers' own bounce formats (webhooks, APIs) are
out of scope.
"""

from __future__ import annotations

import email
import mailbox
from dataclasses import dataclass, field
from email import policy
from email.message import Message
from pathlib import Path

from craftwave.instruments.errors import DataError
from craftwave.survey_app import clock
from craftwave.survey_app.audit import record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant
from craftwave.survey_app.models.researcher import SentMessage
from craftwave.survey_app.smtp_send import verp_message_id

ADDRESS_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To", "To")


@dataclass
class BounceRun:
    """What reading a mailbox found: messages read, reports, messages marked, unmatched."""

    read: int = 0
    reports: int = 0
    bounced: list[int] = field(default_factory=list)
    delayed: int = 0
    unmatched: int = 0


@dataclass(frozen=True)
class Report:
    """One failed or delayed recipient of a delivery-status notification."""

    action: str
    status: str
    diagnostic: str
    verp_id: int | None
    message_id: str | None


def open_mailbox(path: str | Path) -> mailbox.Mailbox:
    """A Maildir (a directory with ``cur``/``new``) or an mbox file, read-only in use."""
    p = Path(path)
    if p.is_dir():
        if not (p / "cur").is_dir() and not (p / "new").is_dir():
            raise DataError(f"{p}: not a Maildir (no cur/ or new/)")
        return mailbox.Maildir(p, factory=None, create=False)
    if p.is_file():
        return mailbox.mbox(p, factory=None, create=False)
    raise DataError(f"{p}: no such Maildir or mbox")


def reports(msg: Message) -> list[Report]:
    """The per-recipient reports of one DSN (empty for any other message)."""
    if msg.get_content_type() != "multipart/report" or \
            msg.get_param("report-type", "").lower() != "delivery-status":
        return []
    verp_id = None
    for name in ADDRESS_HEADERS:
        for value in msg.get_all(name, []):
            for _, addr in email.utils.getaddresses([str(value)]):
                verp_id = verp_id or verp_message_id(addr)
    message_id = None
    out: list[Report] = []
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype in ("message/rfc822", "text/rfc822-headers", "message/rfc822-headers"):
            message_id = message_id or _returned_message_id(part)
    for part in msg.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        blocks = part.get_payload()
        if not isinstance(blocks, list):
            continue
        for block in blocks[1:]:  # the first block is per-message, the rest per-recipient
            action = str(block.get("Action", "")).strip().lower()
            if action not in ("failed", "delayed"):
                continue
            out.append(Report(action, str(block.get("Status", "")).strip(),
                              " ".join(str(block.get("Diagnostic-Code", "")).split()),
                              verp_id, message_id))
    return out


def _returned_message_id(part: Message) -> str | None:
    payload = part.get_payload()
    if isinstance(payload, list) and payload:
        return payload[0].get("Message-ID")
    if isinstance(payload, str):
        headers = email.message_from_string(payload, policy=policy.compat32)
        return headers.get("Message-ID")
    return None


def read_bounces(path: str | Path, actor: str, study_id: str | None = None) -> BounceRun:
    """Mark the messages that bounced, from the DSNs in a Maildir or mbox.

    Parameters
    ----------
    path : str or Path
        A Maildir directory or an mbox file. It is only read; reading it twice changes nothing.
    actor : str
        Who reads it, for the audit log.
    study_id : str, optional
        Only messages of this study.
    """
    run = BounceRun()
    box = open_mailbox(path)
    found: dict[int, str] = {}
    try:
        for key in box.iterkeys():
            raw = box.get_bytes(key)
            run.read += 1
            msg = email.message_from_bytes(raw, policy=policy.compat32)
            for rep in reports(msg):
                run.reports += 1
                if rep.action == "delayed":
                    run.delayed += 1
                    continue
                row_id = _match(rep, study_id)
                if row_id is None:
                    run.unmatched += 1
                    continue
                found[row_id] = f"bounced: {rep.status} {rep.diagnostic}".strip()[:500]
    finally:
        box.close()
    now = clock.now()
    with write_transaction():
        for row_id, error in found.items():
            row = db.session.get(SentMessage, row_id)
            if row.status != "bounced":
                row.status, row.last_error, row.updated_at = "bounced", error, now
                run.bounced.append(row_id)
        if run.bounced:
            record(actor, "bounces_read", study_id=study_id,
                   detail={"reports": run.reports, "bounced": len(run.bounced),
                           "unmatched": run.unmatched})
    return run


def _match(rep: Report, study_id: str | None) -> int | None:
    q = db.select(SentMessage.id)
    if rep.verp_id is not None:
        q = q.where(SentMessage.id == rep.verp_id)
    elif rep.message_id:
        q = q.where(SentMessage.message_id == rep.message_id.strip())
    else:
        return None
    if study_id is not None:
        q = q.where(SentMessage.participant_id.in_(
            db.select(Participant.id).where(Participant.study_id == study_id)))
    return db.session.execute(q).scalar_one_or_none()
