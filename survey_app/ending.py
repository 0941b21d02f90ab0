"""A study that ends cleanly: retention of contact data, closing (anonymising) a study.

* :func:`apply_retention`: the study file's ``retention: {days_after_last_wave: N}`` deletes a
  participant's contact data (their email) N days after their last wave ended: completed,
  closed or missed at the last wave, screened out, or withdrawn. Run it from cron
  (``craftwave study retention STUDY``); it is idempotent and audited.
* :func:`close_study`: ``craftwave study close`` anonymises a study: every email, recruitment
  id and recruitment parameter is deleted, the answers, page timings and statuses stay (under
  the pseudonymous ids), and the study is marked closed; audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd

from craftwave.instruments.errors import DataError
from craftwave.survey_app import clock
from craftwave.survey_app.audit import record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.fieldwork import study_states
from craftwave.survey_app.models import Contact, Participant, StudyRecord
from craftwave.survey_app.studies import get_study


def ended_at(study_id: str, now: datetime) -> dict[int, datetime]:
    """When each participant's part in the study ended (database id to time), for those whose
    part has ended: the last wave completed, closed, missed or withdrawn, or screened out."""
    cs = get_study(study_id)
    if cs is None:
        raise DataError(f"no study '{study_id}' is loaded")
    last = cs.study.waves[-1].number
    people = {p.id: p for p in db.session.execute(db.select(Participant).where(
        Participant.study_id == study_id)).scalars()}
    out: dict[int, datetime] = {}
    for test in (False, True):
        states = study_states(cs.study, now, include_deleted=True, test=test)
        for pk, rows in states.groupby("id"):
            by_wave = {int(r.wave): r for r in rows.itertuples(index=False)}
            p = people[int(pk)]
            final = by_wave.get(last)
            screened = [r for r in by_wave.values() if r.status == "screened_out"]
            if p.withdrawn_at is not None:
                end = p.withdrawn_at
            elif screened:
                end = screened[0].opens_at
            elif final is not None and final.status == "completed":
                end = final.completed_at
            elif final is not None and final.status in ("closed", "missed"):
                end = final.closes_at
            else:
                continue
            if end is not None and end == end:  # NaT: no time known
                out[int(pk)] = pd.Timestamp(end).to_pydatetime()
    return out


@dataclass(frozen=True)
class RetentionRun:
    """What :func:`apply_retention` deleted: the pseudonymous ids whose email went."""

    deleted: list[str]
    days: int | None


def apply_retention(study_id: str, actor: str) -> RetentionRun:
    """Delete the contact data of participants whose part ended the study's retention days ago."""
    cs = get_study(study_id)
    if cs is None:
        raise DataError(f"no study '{study_id}' is loaded")
    if cs.study.retention is None:
        return RetentionRun([], None)
    days = cs.study.retention.days_after_last_wave
    now = clock.now()
    due = [pk for pk, at in ended_at(study_id, now).items() if at + timedelta(days=days) <= now]
    deleted = []
    with write_transaction():
        if due:
            rows = db.session.execute(
                db.select(Contact, Participant.pid)
                .join(Participant, Participant.id == Contact.participant_id)
                .where(Contact.participant_id.in_(due))).all()
            for contact, pid in rows:
                db.session.delete(contact)
                deleted.append(pid)
        if deleted:
            record(actor, "retention_applied", study_id=study_id,
                   detail={"contacts_deleted": len(deleted), "days_after_last_wave": days})
    return RetentionRun(sorted(deleted), days)


@dataclass(frozen=True)
class CloseRun:
    contacts: int
    recruitment_ids: int


def close_study(study_id: str, actor: str) -> CloseRun:
    """Anonymise a study: contact data and recruitment ids gone, answers kept, audited."""
    with write_transaction():
        rec = db.session.get(StudyRecord, study_id)
        if rec is None:
            raise DataError(f"no study '{study_id}' is loaded")
        ids = db.select(Participant.id).where(Participant.study_id == study_id)
        contacts = db.session.execute(
            db.delete(Contact).where(Contact.participant_id.in_(ids))).rowcount
        recruitment = db.session.execute(db.select(db.func.count()).select_from(Participant).where(
            Participant.study_id == study_id, Participant.external_id.is_not(None))).scalar_one()
        db.session.execute(db.update(Participant).where(Participant.study_id == study_id)
                           .values(external_id=None, recruitment={}))
        # a statement, not the ORM: the record's "study loaded" listener is not for this
        db.session.execute(db.update(StudyRecord).where(StudyRecord.id == study_id)
                           .values(closed_at=clock.now()))
        record(actor, "study_closed", study_id=study_id,
               detail={"contacts_deleted": contacts, "recruitment_ids_deleted": recruitment})
    return CloseRun(contacts, recruitment)


__all__ = ["CloseRun", "RetentionRun", "apply_retention", "close_study", "ended_at"]
