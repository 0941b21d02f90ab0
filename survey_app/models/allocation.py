"""Randomisation's tables: the concealed allocation state, the allocation log, the frozen
declaration of the arms and their primary contrast, and the anonymous flow counts.

* ``allocation_state``: one row per study, locked (``SELECT ... FOR UPDATE``) by every
  assignment; holds the study's secret seed (drawn by the app, never in the study file), the
  next sequence number and what is left of the current permuted block.
* ``allocation_log``: one row per assignment (sequence, time, arm); the participant is linked
  while they exist (a deletion leaves the row, without the link, so the sequence has no gap).
* ``study_declarations``: the arms and primary contrast as they stood at the first consent,
  with the time and sha256 (the platform report prints both).
* ``flow_counts``: anonymous counters of consent decisions, declines and screen-outs (what a
  CONSORT flow needs beyond the participant rows; nothing about a person).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from craftwave.survey_app.extensions import db

FLOW_EVENTS = ("entered", "declined", "screened_out")
"""The counted events: a consent decision (agree or decline), a decline, a screen-out."""


class AllocationState(db.Model):
    """The concealed state of one study's randomisation."""

    __tablename__ = "allocation_state"

    study_id: Mapped[str] = mapped_column(ForeignKey("studies.id"), primary_key=True)
    seed: Mapped[str] = mapped_column(String(64))  # 128 random bits, hex
    next_sequence: Mapped[int] = mapped_column(Integer, default=0)
    block_number: Mapped[int] = mapped_column(Integer, default=0)
    block: Mapped[list] = mapped_column(JSON, default=list)  # arms left in the current block


class AllocationLog(db.Model):
    """One assignment: its sequence number in the study, when, and the arm."""

    __tablename__ = "allocation_log"
    __table_args__ = (UniqueConstraint("study_id", "sequence", name="uq_allocation_sequence"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    study_id: Mapped[str] = mapped_column(ForeignKey("studies.id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    assigned_at: Mapped[datetime] = mapped_column(DateTime)
    arm: Mapped[str] = mapped_column(String(64))
    block_number: Mapped[int | None] = mapped_column(Integer)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), nullable=True)


class StudyDeclaration(db.Model):
    """The intervention's declaration (arms, method, primary contrast) frozen at first consent."""

    __tablename__ = "study_declarations"

    study_id: Mapped[str] = mapped_column(ForeignKey("studies.id"), primary_key=True)
    declared_at: Mapped[datetime] = mapped_column(DateTime)
    declaration_hash: Mapped[str] = mapped_column(String(64))
    declaration: Mapped[dict] = mapped_column(JSON)


class FlowCount(db.Model):
    """An anonymous count of one flow event in one study."""

    __tablename__ = "flow_counts"

    study_id: Mapped[str] = mapped_column(ForeignKey("studies.id"), primary_key=True)
    event: Mapped[str] = mapped_column(String(16), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)
