"""Report builds as database jobs, run by ``craftwave worker`` (``REPORT_JOBS = "worker"``).

The dashboard's report route asks :func:`enqueue` instead of starting a thread in the web
process; any worker claims the job with a row lock (``FOR UPDATE SKIP LOCKED`` on PostgreSQL,
the write lock on SQLite) and runs the same build as before
(:func:`craftwave.survey_app.researcher.reports_download.build_into_cache`), which writes the
file into ``REPORT_CACHE_DIR``: the web app and the worker must share that folder.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from flask import Flask, current_app

from craftwave.survey_app.clock import system_now
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models.jobs import ReportJob

ACTIVE = ("queued", "running")


def epoch(value: datetime) -> float:
    """A naive UTC time as epoch seconds (the report cache's time scale)."""
    return value.replace(tzinfo=UTC).timestamp()


def _slot(study_id: str, kind: str, fmt: str):
    return (ReportJob.study_id == study_id, ReportJob.kind == kind, ReportJob.fmt == fmt)


def enqueue(study_id: str, kind: str, fmt: str, actor: str) -> float:
    """Queue a build unless one is queued or running; returns when the answering one was asked."""
    with write_transaction():
        job = db.session.execute(db.select(ReportJob).where(
            *_slot(study_id, kind, fmt), ReportJob.status.in_(ACTIVE))
            .order_by(ReportJob.id).limit(1)).scalar_one_or_none()
        if job is None:
            job = ReportJob(study_id=study_id, kind=kind, fmt=fmt, actor=actor[:320],
                            status="queued", requested_at=system_now())
            db.session.add(job)
        return epoch(job.requested_at)


def failure(study_id: str, kind: str, fmt: str) -> str | None:
    """The error of the slot's latest job if it failed (and nothing newer is under way)."""
    job = db.session.execute(db.select(ReportJob).where(*_slot(study_id, kind, fmt))
                             .order_by(ReportJob.id.desc()).limit(1)).scalar_one_or_none()
    return job.error or "unknown error" if job is not None and job.status == "failed" else None


def forget_failure(study_id: str, kind: str, fmt: str) -> None:
    """The researcher retries: failed jobs of the slot no longer stand in the way."""
    with write_transaction():
        db.session.execute(db.delete(ReportJob).where(*_slot(study_id, kind, fmt),
                                                      ReportJob.status == "failed"))


def run_next(app: Flask, build: Callable[..., object]) -> bool:
    """Claim one due job and run ``build(app, study_id, kind, fmt, actor)``; False if none."""
    now = system_now()
    due = db.or_(ReportJob.status == "queued",
                 db.and_(ReportJob.status == "running", ReportJob.lease_until < now))
    if db.session.execute(db.select(ReportJob.id).where(due).limit(1)).first() is None:
        return False
    timeout = float(current_app.config.get("REPORT_BUILD_TIMEOUT", 3600))
    with write_transaction():
        job = db.session.execute(db.select(ReportJob).where(due).order_by(ReportJob.id).limit(1)
                                 .with_for_update(skip_locked=True)).scalar_one_or_none()
        if job is None:
            return False
        job.status, job.started_at = "running", now
        job.lease_until = now + timedelta(seconds=timeout)
        job_id, args = job.id, (job.study_id, job.kind, job.fmt, job.actor)
    try:
        build(app, *args)
    except Exception as exc:  # noqa: BLE001  (any failure goes to the waiting page)
        app.logger.exception("report job %s failed", job_id)
        _finish(job_id, "failed", f"{type(exc).__name__}: {exc}"[:1000])
    else:
        _finish(job_id, "done", None)
    return True


def _finish(job_id: int, status: str, error: str | None) -> None:
    db.session.remove()  # the build may have ended its session
    with write_transaction():
        db.session.execute(db.update(ReportJob).where(ReportJob.id == job_id).values(
            status=status, error=error, finished_at=system_now(), lease_until=None))
