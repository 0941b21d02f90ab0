"""Catching up: waves whose window passed with no invitation sent, and sending again.

After downtime (a worker stopped, a missed cron) a rolling wave window can open and close with
no invitation going out. Such a wave is listed as *missed: never invited* (:func:`missed`) and
the researcher can reopen it for those people (:func:`reopen`): the wave opens now for its
usual ``window_days``, later waves derived from the missed one are rescheduled, and the
invitation is queued like any other.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd

from craftwave.instruments.errors import DataError
from craftwave.instruments.study import Study
from craftwave.survey_app import clock
from craftwave.survey_app.audit import record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.fieldwork import study_states
from craftwave.survey_app.models import Contact, Participant, WaveStatus
from craftwave.survey_app.models.researcher import SentMessage
from craftwave.survey_app.studies import get_study

MISSED_COLUMNS = ["participant_id", "wave", "opens_at", "closes_at"]
REACHED = ("sending", "sent", "unknown", "bounced", "failed")
"""Invitation states in which the invitation was (or was tried to be) sent."""


def _study(study_id: str) -> Study:
    cs = get_study(study_id)
    if cs is None:
        raise DataError(f"no study '{study_id}' is loaded")
    return cs.study


def missed(study_id: str, now: datetime | None = None) -> pd.DataFrame:
    """Waves that closed, never started, for participants with an email and no invitation.

    Returns
    -------
    DataFrame
        ``participant_id`` (pseudonymous), ``wave``, ``opens_at``, ``closes_at``.
    """
    study = _study(study_id)
    states = study_states(study, now or clock.now())
    closed = states[states["status"].isin(["closed", "missed"]) & states["started_at"].isna()]
    if closed.empty:
        return pd.DataFrame(columns=MISSED_COLUMNS)
    reachable = set(db.session.execute(
        db.select(Participant.id).join(Contact, Contact.participant_id == Participant.id)
        .where(Participant.study_id == study_id, Participant.withdrawal == "none")).scalars())
    invited = set(db.session.execute(
        db.select(SentMessage.participant_id, SentMessage.wave).where(
            SentMessage.kind == "invitation", SentMessage.status.in_(REACHED),
            SentMessage.participant_id.in_(reachable))).all()) if reachable else set()
    rows = [{"participant_id": r.pid, "wave": int(r.wave), "opens_at": r.opens_at,
             "closes_at": r.closes_at}
            for r in closed.itertuples(index=False)
            if r.id in reachable and (r.id, int(r.wave)) not in invited]
    return pd.DataFrame(rows, columns=MISSED_COLUMNS)


def reopen(study_id: str, wave: int, actor: str, pids: list[str] | None = None) -> list[str]:
    """Reopen a missed wave for those who missed it (or the listed ones among them).

    The wave opens now for its ``window_days``; rows of later waves that were opened from the
    missed one and never started are removed (they follow again from the reopened wave).

    Returns
    -------
    list of str
        The pseudonymous ids reopened.
    """
    study = _study(study_id)
    if wave not in study.waves_by_number:
        raise DataError(f"study '{study_id}' has no wave {wave}")
    now = clock.now()
    todo = missed(study_id, now)
    todo = todo[todo["wave"] == wave]
    if pids is not None:
        todo = todo[todo["participant_id"].isin(pids)]
    window = study.waves_by_number[wave].window_days
    done = []
    with write_transaction():
        for pid in todo["participant_id"]:
            p = db.session.execute(db.select(Participant).where(
                Participant.study_id == study_id, Participant.pid == pid)).scalar_one()
            db.session.execute(db.delete(WaveStatus).where(
                WaveStatus.participant_id == p.id, WaveStatus.wave > wave,
                WaveStatus.started_at.is_(None), WaveStatus.status.in_(("invited", "closed"))))
            ws = db.session.get(WaveStatus, (p.id, wave))
            if ws is None:
                ws = WaveStatus(participant_id=p.id, wave=wave, next_page=0)
                db.session.add(ws)
            ws.status = "invited"
            ws.opens_at = now
            ws.closes_at = now + timedelta(days=window) if window else None
            # a queued or deferred invitation that never went: send it afresh
            db.session.execute(db.delete(SentMessage).where(
                SentMessage.participant_id == p.id, SentMessage.kind == "invitation",
                SentMessage.wave == wave))
            done.append(str(pid))
        if done:
            record(actor, "wave_reopened", study_id=study_id,
                   detail={"wave": wave, "participants": len(done)})
    return done


def requeue(study_id: str, from_status: str, pids: list[str] | None, actor: str) -> int:
    """Queue ``unknown`` (or ``deferred``) messages of a study again, now; returns how many."""
    _study(study_id)
    if from_status not in ("unknown", "deferred"):
        raise DataError("only unknown or deferred messages can be queued again")
    now = clock.now()
    q = (db.select(SentMessage.id).join(Participant, Participant.id == SentMessage.participant_id)
         .where(Participant.study_id == study_id, SentMessage.status == from_status))
    if pids:
        q = q.where(Participant.pid.in_(pids))
    with write_transaction():
        ids = list(db.session.execute(q).scalars())
        if ids:
            values = {"next_attempt_at": now, "updated_at": now}
            if from_status == "unknown":
                values["status"] = "queued"  # sending it again is a counted resend
            db.session.execute(db.update(SentMessage).where(SentMessage.id.in_(ids)).values(**values))
            record(actor, "messages_requeued", study_id=study_id,
                   detail={"from": from_status, "messages": len(ids)})
    return len(ids)
