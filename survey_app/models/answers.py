"""Answers (one row per participant, wave and item), their history, and page visits.

No IP address or contact detail is ever stored here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
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


class Answer(db.Model):
    """The current answer to one item; the unique key makes every write idempotent."""

    __tablename__ = "answers"
    __table_args__ = (
        UniqueConstraint("participant_id", "wave", "instrument_id", "item_id", name="uq_answer"),
        Index("ix_answers_page", "participant_id", "wave", "page"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    wave: Mapped[int] = mapped_column(Integer)
    instrument_id: Mapped[str] = mapped_column(String(64))
    instrument_version: Mapped[str] = mapped_column(String(32))
    instrument_hash: Mapped[str] = mapped_column(String(64))
    item_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[float] = mapped_column(Float)
    page: Mapped[str] = mapped_column(String(64))
    submitted_at: Mapped[datetime] = mapped_column(DateTime)


class AnswerHistory(db.Model):
    """A change of an answer on a revisited page (``old_value`` None: first answer cleared)."""

    __tablename__ = "answer_history"
    __table_args__ = (Index("ix_answer_history_p", "participant_id", "wave"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    wave: Mapped[int] = mapped_column(Integer)
    instrument_id: Mapped[str] = mapped_column(String(64))
    item_id: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[float | None] = mapped_column(Float)
    new_value: Mapped[float | None] = mapped_column(Float)
    page: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(DateTime)


class PageVisit(db.Model):
    """Server times a page was first shown and submitted, for speeding checks.

    ``shown_at``/``submitted_at`` are those of the first submission; later resubmissions
    (after Back) bump ``n_submissions`` and ``last_submitted_at``. ``item_order`` is the
    order the items were shown in (randomised pages).
    """

    __tablename__ = "page_visits"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True)
    wave: Mapped[int] = mapped_column(Integer, primary_key=True)
    page: Mapped[str] = mapped_column(String(64), primary_key=True)
    shown_at: Mapped[datetime] = mapped_column(DateTime)
    submitted_at: Mapped[datetime] = mapped_column(DateTime)
    last_submitted_at: Mapped[datetime] = mapped_column(DateTime)
    n_items: Mapped[int] = mapped_column(Integer)
    n_submissions: Mapped[int] = mapped_column(Integer, default=1)
    item_order: Mapped[list] = mapped_column(JSON)
