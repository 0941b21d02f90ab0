"""The researcher side's tables: accounts, the audit log and the sent-message ledger.

* ``researchers``: accounts with an argon2 password hash, a role (``owner`` or ``analyst``)
  and the lockout state (consecutive failed logins, locked until when).
* ``audit_log``: who did what when (logins, exports, study changes, invitations sent,
  withdrawals, deletions). The actor is kept as text, so the log outlives accounts, and a
  deletion's entry names the pseudonymous id only, never the deleted data.
* ``sent_messages``: the outbox, one row per participant, message kind and wave, unique, with
  its delivery state (:data:`MESSAGE_STATUSES`), so that a message is claimed before it is sent
  and no run or worker sends it twice.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from craftwave.survey_app.extensions import db

ROLES = ("owner", "analyst")
"""Owners manage studies, the panel and data (deletion); analysts read dashboards and export."""

MESSAGE_KINDS = ("invitation", "reminder_1", "reminder_2", "reminder_3", "reminder_4", "reminder_5")
"""Kinds of message in the ledger: the invitation to a wave and its numbered reminders."""


class Researcher(UserMixin, db.Model):
    """A researcher account (Flask-Login user)."""

    __tablename__ = "researchers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)  # stored lower-case
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    # raised by logout, a password change, deactivation and reactivation: older cookies end
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    totp_secret: Mapped[str | None] = mapped_column(String(64))  # base32; None: no second factor
    totp_recovery: Mapped[list | None] = mapped_column(JSON)  # SHA-256 hashes of unused recovery codes
    totp_last_step: Mapped[int | None] = mapped_column(Integer)  # last accepted TOTP time step

    @property
    def is_active(self) -> bool:  # Flask-Login
        return bool(self.active)

    def get_id(self) -> str:  # Flask-Login: what the session cookie keeps
        """``<id>.<session_version>.<fingerprint>``: logout, a password change, deactivation
        and reactivation end the sessions opened before them."""
        return f"{self.id}.{self.session_version or 0}.{self.session_fingerprint}"

    @property
    def session_fingerprint(self) -> str:
        """A short digest of the password hash (changes with the password, reveals nothing)."""
        return hashlib.sha256(self.password_hash.encode("utf-8")).hexdigest()[:16]

    @property
    def is_owner(self) -> bool:
        return self.role == "owner"


class AuditEntry(db.Model):
    """One audited event: ``actor`` (a researcher's email, ``cli:<user>`` or ``participant``),
    ``action``, the study and pseudonymous participant id it concerns, and details."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(40))
    study_id: Mapped[str | None] = mapped_column(String(64))
    target: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


MESSAGE_STATUSES = ("queued", "sending", "sent", "deferred", "failed", "bounced", "unknown")
"""The outbox's states (DESIGN.md "Messages and the worker"):

``queued`` waiting for its time (sending hours, backoff); ``sending`` claimed by one process
until ``lease_until``; ``sent`` accepted by the SMTP server; ``deferred`` refused for now or the
server unreachable, retried with backoff up to a limit; ``failed`` refused for good, never
retried; ``bounced`` a delivery-status notification came back; ``unknown`` the process died
while handing the message to the server, so it may or may not have gone."""


class SentMessage(db.Model):
    """The outbox: one row per participant, message kind and wave (unique), with its state.

    ``claimed_at`` is when the row was created (queued). ``handed_over_at`` is set, and
    committed, just before the message goes to the SMTP server: a lease that expires without
    it means nothing was sent (the row goes back to ``queued``); with it, the message may have
    gone (``unknown``). ``resends`` counts the times an ``unknown`` message was sent again: the
    only way a participant can receive a message twice.
    """

    __tablename__ = "sent_messages"
    __table_args__ = (UniqueConstraint("participant_id", "kind", "wave", name="uq_sent_message"),
                      Index("ix_sent_messages_due", "status", "next_attempt_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    wave: Mapped[int] = mapped_column(Integer)
    claimed_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    handed_over_at: Mapped[datetime | None] = mapped_column(DateTime)
    return_path: Mapped[str | None] = mapped_column(String(320))
    message_id: Mapped[str | None] = mapped_column(String(255))
    resends: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)


class StudyMember(db.Model):
    """A researcher's membership of one study, with a role there and the identifiers right.

    Instance owners (``Researcher.role == "owner"``) see and manage every study without a row
    here. Everyone else sees only the studies they are a member of: ``owner`` members manage
    the study (import, participant actions, deletion), ``analyst`` members read and export.
    ``identifiers`` is the right to export recruitment ids (``participants.csv`` with ids, due
    lists); it is off for analysts unless granted.
    """

    __tablename__ = "study_members"

    study_id: Mapped[str] = mapped_column(
        ForeignKey("studies.id", ondelete="CASCADE"), primary_key=True)
    researcher_id: Mapped[int] = mapped_column(
        ForeignKey("researchers.id", ondelete="CASCADE"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(16))
    identifiers: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ParticipantNote(db.Model):
    """A researcher's note on one participant (kept with the participant, deleted with them)."""

    __tablename__ = "participant_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(String(320))
    text: Mapped[str] = mapped_column(String(2000))




class RateCounter(db.Model):
    """A fixed-window counter of the rate limits and login delays, shared by every app host.

    ``key`` is a keyed hash of what is counted (an address, an account, a token), so the table
    holds no address; rows past ``expires_at`` (Unix time) are deleted as new ones arrive.
    """

    __tablename__ = "rate_counters"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[float] = mapped_column(Float, index=True)
