"""The payment ledger: batches of approvals and bonuses, each participant-wave in one batch."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from craftwave.survey_app.extensions import db


class PaymentBatch(db.Model):
    """One file's worth of approvals or bonuses for one study, wave and site.

    ``state``: ``pending`` (exported, not yet confirmed), ``paid`` (the researcher confirmed
    that the site accepted it), ``void`` (abandoned: its participants may go in a new batch).
    """

    __tablename__ = "payment_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    study_id: Mapped[str] = mapped_column(ForeignKey("studies.id"), index=True)
    wave: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # approval, bonus
    site: Mapped[str] = mapped_column(String(16))  # prolific, mturk
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(200))  # the bonus reason shown to workers
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(120))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str | None] = mapped_column(String(120))


class PaymentItem(db.Model):
    """One participant-wave in a batch; ``active`` is 1 unless the batch is void, and
    (participant, wave, kind, active) is unique: nobody is in two live batches of a kind."""

    __tablename__ = "payment_items"
    __table_args__ = (UniqueConstraint("participant_id", "wave", "kind", "active",
                                       name="uq_payment_once"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("payment_batches.id", ondelete="CASCADE"),
                                          index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    wave: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    active: Mapped[int | None] = mapped_column(Integer)
    amount_cents: Mapped[int | None] = mapped_column(Integer)
    request_token: Mapped[str | None] = mapped_column(String(64))
    assignment_id: Mapped[str | None] = mapped_column(String(128))
    held: Mapped[str | None] = mapped_column(String(200))  # approvals: why to review, not approve
