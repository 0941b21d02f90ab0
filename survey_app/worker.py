"""``craftwave worker``: the long-running process that sends invitations and reminders on time.

Every ``interval`` seconds one *pass* goes over every loaded study: queue what became due
(invitations to waves that opened, reminders whose day came), resolve expired leases, then
send the outbox's due messages (each claimed with a row lock, so several workers, and the
cron-friendly ``craftwave email`` commands beside them, never send one message twice). A
message outside its recipient's sending hours waits in the outbox for the next opening.

After downtime the next pass catches up: waves still open get their invitations; a wave whose
window passed with none sent is listed as missed (:mod:`craftwave.survey_app.catchup`) for the
researcher to reopen, never silently marked closed.

With ``REPORT_JOBS = "worker"`` it also runs the dashboard's report builds, queued as
database jobs (:mod:`craftwave.survey_app.report_jobs`), before the email of each pass.
"""

from __future__ import annotations

import logging
import signal
import threading
from dataclasses import dataclass, field

from flask import Flask, current_app

from craftwave.instruments.errors import CraftwaveError
from craftwave.survey_app import clock, report_jobs
from craftwave.survey_app.extensions import db
from craftwave.survey_app.mailer import MailError, MailRun, deliver, plan
from craftwave.survey_app.models import StudyRecord
from craftwave.survey_app.researcher.reports_download import build_into_cache
from craftwave.survey_app.smtp_send import mail_settings
from craftwave.survey_app.studies import get_study

log = logging.getLogger("craftwave.worker")

ACTOR = "worker"


@dataclass
class Pass:
    """What one pass did, per study."""

    runs: dict[str, MailRun] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    reports: int = 0

    @property
    def sent(self) -> int:
        return sum(len(r.sent) for r in self.runs.values())


def run_once(batch: int | None = None) -> Pass:
    """One pass: queued report jobs, then every loaded study's email (inside an app context).

    Parameters
    ----------
    batch : int, optional
        At most this many messages per study in this pass (the rest wait for the next).
    """
    result = Pass()
    app = current_app._get_current_object()
    while report_jobs.run_next(app, build_into_cache):
        result.reports += 1
    try:
        mail_settings()
    except MailError as exc:
        result.skipped["*"] = str(exc)
        return result
    ids = list(db.session.execute(db.select(StudyRecord.id).order_by(StudyRecord.id)).scalars())
    for study_id in ids:
        try:
            cs = get_study(study_id)
        except CraftwaveError as exc:  # e.g. an instrument this host's library lacks
            result.skipped[study_id] = str(exc)
            log.warning("study %s cannot be loaded here, its email waits: %s", study_id, exc)
            db.session.rollback()
            continue
        if cs is None:
            continue
        study = cs.study
        now = clock.now()
        run = MailRun("message")
        try:
            run.queued = plan(study, now)
            result.runs[study_id] = deliver(study, ACTOR, run=run, limit=batch)
        except MailError as exc:  # a template the study lacks: this study waits, others go on
            result.skipped[study_id] = str(exc)
            log.warning("study %s: %s", study_id, exc)
        except Exception as exc:  # noqa: BLE001 - one study's fault must not stop the others
            db.session.rollback()
            result.skipped[study_id] = f"{type(exc).__name__}: {exc}"
            log.exception("study %s: its email pass failed; the other studies go on", study_id)
    return result


def serve(app: Flask, interval: float = 60.0, batch: int | None = 200,
          stop: threading.Event | None = None, once: bool = False) -> None:
    """Run passes every ``interval`` seconds until SIGTERM/SIGINT (or ``stop`` is set)."""
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
    warned: str | None = None
    while not stop.is_set():
        with app.app_context():
            try:
                done = run_once(batch)
            except Exception:  # one bad pass must not end the worker; the next one retries
                log.exception("worker pass failed")
                done = None
            finally:
                db.session.remove()
        if done is not None:
            problem = done.skipped.get("*")
            if problem and problem != warned:  # say it once, not every pass
                log.warning("email is not configured, nothing is sent: %s", problem)
            warned = problem
            for study_id, run in done.runs.items():
                if run.sent or run.failed or run.deferred or run.unknown:
                    log.info("%s: sent %d, deferred %d, failed %d, unknown %d", study_id,
                             len(run.sent), len(run.deferred), len(run.failed), run.unknown)
        if once:
            return
        stop.wait(interval)
