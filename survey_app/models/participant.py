"""Participants, their contact details (kept apart), per-wave status and withdrawal."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from craftwave.survey_app.extensions import db

WAVE_STATUSES = ("invited", "started", "completed", "screened_out", "closed")
WITHDRAWAL_KINDS = ("none", "stop_contact", "delete")
ELIGIBILITY_STATES = ("pending", "eligible", "screened_out")


class Participant(db.Model):
    """One person in one study, known by a pseudonymous id (``pid``) and a secret link token.

    The personal link's token is never stored: ``token_hash`` is its keyed hash (and
    ``legacy_token_hash`` that of a link issued before 0.3), ``link_generation`` counts
    revocations; see :mod:`craftwave.survey_app.links`. ``external_id`` is the
    recruitment site's id (Prolific PID, MTurk worker id), unique per study and source, so the
    same person entering twice resumes rather than duplicates. No IP address is stored.
    """

    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("study_id", "source", "external_id", name="uq_participant_external"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pid: Mapped[str] = mapped_column(String(32), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    legacy_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    link_generation: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    study_id: Mapped[str] = mapped_column(ForeignKey("studies.id"), index=True)
    source: Mapped[str] = mapped_column(String(16))  # prolific, mturk, invitation, public
    external_id: Mapped[str | None] = mapped_column(String(128))
    recruitment: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    consent_version: Mapped[str | None] = mapped_column(String(64))
    consented_at: Mapped[datetime | None] = mapped_column(DateTime)
    eligibility: Mapped[str | None] = mapped_column(String(16))  # None: no screening
    arm: Mapped[str | None] = mapped_column(String(64))
    arm_sequence: Mapped[int | None] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(8), default="en")
    timezone: Mapped[str | None] = mapped_column(String(64))  # IANA; None: the study's default
    withdrawal: Mapped[str] = mapped_column(String(16), default="none")
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    test: Mapped[bool] = mapped_column(Boolean, default=False)  # a pilot participant

    @property
    def consented(self) -> bool:
        return self.consented_at is not None


class Contact(db.Model):
    """Contact details, in their own table, never joined into answers or exports."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), unique=True)
    email: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class WaveStatus(db.Model):
    """Where a participant stands in one wave: status, schedule, progress, completion code."""

    __tablename__ = "wave_status"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True)
    wave: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    opens_at: Mapped[datetime | None] = mapped_column(DateTime)
    closes_at: Mapped[datetime | None] = mapped_column(DateTime)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    next_page: Mapped[int] = mapped_column(Integer, default=0)  # 0-based index of the page to show
    completion_code: Mapped[str | None] = mapped_column(String(64))


class WithdrawalRequest(db.Model):
    """A participant's withdrawal, visible to the researcher until handled."""

    __tablename__ = "withdrawal_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # stop_contact or delete
    requested_at: Mapped[datetime] = mapped_column(DateTime)
    handled_at: Mapped[datetime | None] = mapped_column(DateTime)
    handled_by: Mapped[str | None] = mapped_column(String(120))

    __table_args__ = (  # at most one open (unhandled) request per participant
        Index("uq_withdrawal_open", "participant_id", unique=True,
              sqlite_where=text("handled_at IS NULL"), postgresql_where=text("handled_at IS NULL")),
    )
