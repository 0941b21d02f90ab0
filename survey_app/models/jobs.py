"""Report jobs: the dashboard's report builds, queued in the database for ``craftwave worker``.

One row per request of a (study, kind, format) build while none is queued or running. States:
``queued``, ``running`` (leased until ``lease_until``: a worker that died leaves it to be
claimed again), ``done``, ``failed`` (``error`` says why, shown on the waiting page until the
researcher retries).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, Index, Integer, LargeBinary, String, UniqueConstraint
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


class ReportFile(db.Model):
    """A built report, kept in the database so that every app host can serve it, whichever
    host's worker built it (each host's ``REPORT_CACHE_DIR`` is only a local copy)."""

    __tablename__ = "report_files"
    __table_args__ = (UniqueConstraint("study_id", "export_key", "kind", "fmt", name="uq_report_file"),
                      Index("ix_report_files_slot", "study_id", "kind", "fmt", "export_started"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    study_id: Mapped[str] = mapped_column(String(64))
    export_key: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    fmt: Mapped[str] = mapped_column(String(8))
    export_started: Mapped[float] = mapped_column(Float)  # epoch seconds, as the cache's metadata
    built_at: Mapped[datetime] = mapped_column(DateTime)
    content: Mapped[bytes] = mapped_column(LargeBinary)
