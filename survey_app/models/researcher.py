"""The researcher side's tables: accounts, the audit log and the sent-message ledger.

* ``researchers``: accounts with an argon2 password hash, a role (``owner`` or ``analyst``)
  and the lockout state (consecutive failed logins, locked until when).
* ``audit_log``: who did what when (logins, exports, study changes, invitations sent,
  withdrawals, deletions). The actor is kept as text, so the log outlives accounts, and a
  deletion's entry names the pseudonymous id only, never the deleted data.
* ``sent_messages``: one row per participant, message kind and wave, unique, so that a message
  is claimed before it is sent and no cron run ever sends it twice.
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


class SentMessage(db.Model):
    """The ledger: a message claimed (``claimed_at``) and, once the server accepted it, sent."""

    __tablename__ = "sent_messages"
    __table_args__ = (UniqueConstraint("participant_id", "kind", "wave", name="uq_sent_message"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    wave: Mapped[int] = mapped_column(Integer)
    claimed_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)


class RateCounter(db.Model):
    """A fixed-window counter of the rate limits and login delays, shared by every app host.

    ``key`` is a keyed hash of what is counted (an address, an account, a token), so the table
    holds no address; rows past ``expires_at`` (Unix time) are deleted as new ones arrive.
    """

    __tablename__ = "rate_counters"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[float] = mapped_column(Float, index=True)
