"""Per-wave recruitment ids: which MTurk assignment or Prolific session belongs to which wave.

An MTurk study posts one HIT per wave; a returning worker accepts wave 2's HIT and enters with
a new ``assignmentId``, which is stored for wave 2 and submitted at wave 2's completion. Prolific
likewise runs one study per wave, each entry bringing its own ``STUDY_ID`` and ``SESSION_ID``.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from craftwave.instruments.exportformat import RECRUITMENT_COLUMNS
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant, WaveStatus
from craftwave.survey_app.models.recruitment import RecruitmentEntry

__all__ = ["RECRUITMENT_COLUMNS", "entry_wave", "mturk_submission", "record_entry",
           "recruitment_frame"]

_DONE = ("completed", "closed", "screened_out")


def entry_wave(p: Participant, n_waves: int) -> int:
    """The wave an entry of ``p`` is for: the latest wave begun, or the next after a finished one."""
    rows = db.session.execute(db.select(WaveStatus.wave, WaveStatus.status).where(
        WaveStatus.participant_id == p.id).order_by(WaveStatus.wave.desc())).first()
    if rows is None:
        return 1
    wave, status = rows
    return wave + 1 if status in _DONE and wave < n_waves else wave


def record_entry(p: Participant, recruitment: dict, wave: int, now: datetime) -> None:
    """Store (or replace, while the wave is not completed) the site's ids of ``p`` for ``wave``.

    Call inside the caller's write transaction.
    """
    if p.source not in ("mturk", "prolific"):
        return
    ws = db.session.get(WaveStatus, (p.id, wave))
    row = db.session.get(RecruitmentEntry, (p.id, wave))
    if row is not None and ws is not None and ws.status == "completed":
        return  # the completed wave keeps the assignment it was submitted with
    if row is None:
        row = RecruitmentEntry(participant_id=p.id, wave=wave, source=p.source)
        db.session.add(row)
    row.worker_id = p.external_id
    row.assignment_id = recruitment.get("assignment_id")
    row.hit_id = recruitment.get("hit_id")
    row.submit_to = recruitment.get("submit_to")
    row.site_study_id = recruitment.get("study_id")
    row.site_session_id = recruitment.get("session_id")
    row.entered_at = now


def mturk_submission(p: Participant, wave: int) -> dict | None:
    """The form that submits wave ``wave``'s assignment: ``{"action", "assignment_id",
    "submit_to"}``, or ``None`` when the participant has no MTurk assignment for that wave."""
    if p.source != "mturk":
        return None
    row = db.session.get(RecruitmentEntry, (p.id, wave))
    if row is None or not row.submit_to or not row.assignment_id:
        return None
    return {"action": row.submit_to + "/mturk/externalSubmit",
            "assignment_id": row.assignment_id, "submit_to": row.submit_to}


def recruitment_frame(study_id: str) -> pd.DataFrame:
    """``recruitment.csv``: one row per participant and wave with the site's ids."""
    rows = db.session.execute(
        db.select(Participant.pid, RecruitmentEntry)
        .join(RecruitmentEntry, RecruitmentEntry.participant_id == Participant.id)
        .where(Participant.study_id == study_id, Participant.withdrawal != "delete")
        .order_by(Participant.pid, RecruitmentEntry.wave)).all()
    data = [[pid, r.wave, r.source, r.worker_id, r.assignment_id, r.hit_id, r.submit_to,
             r.site_study_id, r.site_session_id,
             r.entered_at.isoformat(timespec="seconds") if r.entered_at else None]
            for pid, r in rows]
    return pd.DataFrame(data, columns=list(RECRUITMENT_COLUMNS))
