"""Recruitment-site ids per participant and wave (MTurk assignments, Prolific sessions)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from craftwave.survey_app.extensions import db


class RecruitmentEntry(db.Model):
    """The ids a recruitment site gave one participant for one wave.

    MTurk: ``worker_id``, ``assignment_id``, ``hit_id`` and ``submit_to`` (``turkSubmitTo``);
    each wave is a HIT of its own, so each wave has its own assignment, submitted at that
    wave's completion. Prolific: ``worker_id`` is the ``PROLIFIC_PID``, ``site_study_id`` and
    ``site_session_id`` are ``STUDY_ID`` and ``SESSION_ID``. The row of a wave is replaced by a
    later entry (a new HIT accepted) until the wave is completed, then kept.
    """

    __tablename__ = "recruitment_entries"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True)
    wave: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(16))
    worker_id: Mapped[str | None] = mapped_column(String(128))
    assignment_id: Mapped[str | None] = mapped_column(String(128))
    hit_id: Mapped[str | None] = mapped_column(String(128))
    submit_to: Mapped[str | None] = mapped_column(String(200))
    site_study_id: Mapped[str | None] = mapped_column(String(128))
    site_session_id: Mapped[str | None] = mapped_column(String(128))
    entered_at: Mapped[datetime] = mapped_column(DateTime)
