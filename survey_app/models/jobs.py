"""Report jobs: the dashboard's report builds, queued in the database for ``craftwave worker``.

One row per request of a (study, kind, format) build while none is queued or running. States:
``queued``, ``running`` (leased until ``lease_until``: a worker that died leaves it to be
claimed again), ``done``, ``failed`` (``error`` says why, shown on the waiting page until the
researcher retries).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from craftwave.survey_app.extensions import db

JOB_STATUSES = ("queued", "running", "done", "failed")


class ReportJob(db.Model):
    """A requested report build (times are naive UTC from the system clock, as the cache's)."""

    __tablename__ = "report_jobs"
    __table_args__ = (Index("ix_report_jobs_slot", "study_id", "kind", "fmt", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    study_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    fmt: Mapped[str] = mapped_column(String(8))
    actor: Mapped[str] = mapped_column(String(320))
    status: Mapped[str] = mapped_column(String(16))
    requested_at: Mapped[datetime] = mapped_column(DateTime)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)
    error: Mapped[str | None] = mapped_column(String(1000))
