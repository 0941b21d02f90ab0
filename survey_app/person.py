"""One participant, seen and handled by a researcher: search, the participant's page, actions.

Search finds a participant of one study by pseudonymous id, recruitment (external) id or
email, compared after stripping white space and ignoring letter case. The page shows the
status per wave (in the export's words), the messages sent, page timings, data-quality flags
and notes. The actions "stop contacting", "resend the personal link" and "reopen this wave"
each run in one :func:`~craftwave.survey_app.db.write_transaction` with their audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd
from sqlalchemy import inspect as sa_inspect

from craftwave.instruments.errors import DataError
from craftwave.survey_app import clock
from craftwave.survey_app.audit import record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.fieldwork import WaveRow, status_word, vocabulary, wave_states
from craftwave.survey_app.models import (
    Contact,
    PageVisit,
    Participant,
    WaveStatus,
)
from craftwave.survey_app.models.researcher import AuditEntry, ParticipantNote, SentMessage
from craftwave.survey_app.studies import get_study

REOPEN_DAYS = 7
"""Days a reopened wave stays open when the wave itself has no window."""


def normalise(value: str | None) -> str:
    """A recruitment id or email as compared: white space stripped, lower case."""
    return (value or "").strip().lower()


def find(study_id: str, query: str, *, identifiers: bool) -> list[Participant]:
    """Participants of a study whose pseudonymous id, or (with ``identifiers``) external id or
    email, equals ``query`` (case and surrounding white space ignored)."""
    key = normalise(query)
    if not key:
        return []
    conds = [db.func.lower(Participant.pid) == key]
    if identifiers:
        conds.append(db.func.lower(db.func.trim(Participant.external_id)) == key)
        conds.append(Participant.id.in_(db.select(Contact.participant_id).where(
            db.func.lower(db.func.trim(Contact.email)) == key)))
    return list(db.session.execute(
        db.select(Participant).where(Participant.study_id == study_id, db.or_(*conds))
        .order_by(Participant.id).limit(50)).scalars())


def get(study_id: str, pid: str) -> Participant:
    """The participant ``pid`` of a study; :class:`DataError` if there is none."""
    p = db.session.execute(db.select(Participant).where(
        Participant.study_id == study_id, Participant.pid == pid)).scalar_one_or_none()
    if p is None:
        raise DataError(f"study '{study_id}' has no participant '{pid}'")
    return p


def _rows(p: Participant) -> dict[int, WaveRow]:
    return {ws.wave: WaveRow(ws.status, ws.opens_at, ws.closes_at, ws.started_at, ws.completed_at)
            for ws in db.session.execute(
                db.select(WaveStatus).where(WaveStatus.participant_id == p.id)).scalars()}


def _invited_at(p: Participant) -> datetime | None:
    return db.session.execute(db.select(SentMessage.sent_at).where(
        SentMessage.participant_id == p.id, SentMessage.kind == "invitation",
        SentMessage.wave == 1, SentMessage.sent_at.is_not(None))).scalar_one_or_none()


def wave_words(p: Participant, now: datetime) -> dict[int, dict]:
    """Per wave: status in the export's words, opens, closes, started, completed."""
    cs = get_study(p.study_id)
    rows = _rows(p)
    states = wave_states(cs.study, rows, now, consented=p.consented, eligibility=p.eligibility,
                         invited_at=_invited_at(p))
    out = {}
    for n, st in states.items():
        row = rows.get(n)
        internal = vocabulary(st.status, started_at=row.started_at if row else None,
                              closes_at=st.closes_at, withdrawn_at=p.withdrawn_at,
                              consented=p.consented)
        out[n] = {"status": status_word(internal), "opens_at": st.opens_at,
                  "closes_at": st.closes_at, "started_at": row.started_at if row else None,
                  "completed_at": row.completed_at if row else None}
    return out


@dataclass
class Overview:
    """Everything the participant's page shows."""

    participant: Participant
    email: str | None
    waves: dict[int, dict]
    messages: list[dict]
    timings: list[PageVisit]
    flags: list[tuple[int, str]]  # (wave, reasons) of flagged waves
    notes: list[ParticipantNote]


def messages(p: Participant) -> list[dict]:
    """Messages sent to the participant: the ledger (with its delivery status when the ledger
    has one) and personal links re-sent by researchers."""
    has_status = "status" in {c.key for c in sa_inspect(SentMessage).columns}
    rows = [{"kind": m.kind, "wave": m.wave, "at": m.sent_at or m.claimed_at,
             "status": (m.status if has_status
                        else ("sent" if m.sent_at is not None else "claimed"))}
            for m in db.session.execute(db.select(SentMessage).where(
                SentMessage.participant_id == p.id).order_by(SentMessage.claimed_at)).scalars()]
    for e in db.session.execute(db.select(AuditEntry).where(
            AuditEntry.study_id == p.study_id, AuditEntry.target == p.pid,
            AuditEntry.action == "link_resent").order_by(AuditEntry.at)).scalars():
        rows.append({"kind": "personal link", "wave": e.detail.get("wave"), "at": e.at,
                     "status": "sent"})
    return sorted(rows, key=lambda r: r["at"])


def flags(p: Participant, spi: float | None) -> pd.DataFrame:
    """The participant's data-quality flags per wave, as the dashboard and the reports count
    them: the indices are computed over the whole study (a wave's norms and covariance come
    from everyone who answered it; :mod:`craftwave.survey_app.quality_cache` keeps them until
    the wave's data change), then this participant's rows are kept."""
    # the analysis package (heavy) is imported only when a participant page is opened
    from craftwave.survey_app.quality_cache import study_quality

    q = study_quality(p.study_id, spi)  # shared with the dashboard, cached per wave's data version
    if not q.available:
        return pd.DataFrame([{"wave": None, "reasons": f"unavailable: {q.problem}"}])
    mine = q.flags[q.flags["participant_id"] == p.pid] if len(q.flags) else q.flags
    if not len(mine):
        return pd.DataFrame(columns=["wave", "reasons"])
    return mine[["wave", "reasons"]].reset_index(drop=True)


def overview(study_id: str, pid: str, now: datetime, spi: float | None = None) -> Overview:
    """The participant's page: status per wave, messages, timings, flags and notes."""
    p = get(study_id, pid)
    email = db.session.execute(db.select(Contact.email).where(
        Contact.participant_id == p.id)).scalar_one_or_none()
    timings = list(db.session.execute(db.select(PageVisit).where(
        PageVisit.participant_id == p.id).order_by(PageVisit.wave, PageVisit.shown_at)).scalars())
    notes = list(db.session.execute(db.select(ParticipantNote).where(
        ParticipantNote.participant_id == p.id).order_by(ParticipantNote.at)).scalars())
    f = flags(p, spi)
    flagged = [(r.wave, r.reasons) for r in f.itertuples(index=False) if r.reasons]
    return Overview(p, email, wave_words(p, now), messages(p), timings, flagged, notes)


# -- actions ----------------------------------------------------------------------------------


def stop_contacting(study_id: str, pid: str, actor: str) -> None:
    """No invitation or reminder goes to the participant any more (their answers stay)."""
    with write_transaction():
        p = get(study_id, pid)
        if p.withdrawal == "none":
            p.withdrawal = "stop_contact"
            p.withdrawn_at = clock.now()
        record(actor, "contact_stopped", study_id=study_id, target=pid)


def reopen_wave(study_id: str, pid: str, wave: int, actor: str) -> datetime:
    """Open a wave that closed before the participant completed it again, for the wave's
    window (or :data:`REOPEN_DAYS`) from now; returns when it closes now.

    Raises
    ------
    DataError
        If the wave does not exist, is completed or screened out, a later wave has already
        opened, or the participant withdrew.
    """
    with write_transaction():
        p = get(study_id, pid)
        study = get_study(study_id).study
        if wave not in study.waves_by_number:
            raise DataError(f"study '{study_id}' has no wave {wave}")
        if p.withdrawal != "none":
            raise DataError(f"{pid} withdrew ({p.withdrawal.replace('_', ' ')}): no wave reopens")
        if not p.consented:
            raise DataError(f"{pid} has not consented yet")
        later = db.session.execute(db.select(WaveStatus.wave).where(
            WaveStatus.participant_id == p.id, WaveStatus.wave > wave)).first()
        if later is not None:
            raise DataError(f"wave {later[0]} has already opened for {pid}: wave {wave} "
                            "cannot reopen")
        now = clock.now()
        days = study.waves_by_number[wave].window_days or REOPEN_DAYS
        ws = db.session.get(WaveStatus, (p.id, wave))
        if ws is None:
            ws = WaveStatus(participant_id=p.id, wave=wave, status="invited", opens_at=now,
                            next_page=0)
            db.session.add(ws)
        elif ws.status in ("completed", "screened_out"):
            raise DataError(f"wave {wave} of {pid} is {status_word(ws.status)}: nothing to reopen")
        before = ws.closes_at
        ws.status = "started" if ws.started_at is not None else "invited"
        ws.closes_at = now + timedelta(days=days)
        record(actor, "wave_reopened", study_id=study_id, target=pid,
               detail={"wave": wave, "closed_at": before.isoformat() if before else None,
                       "closes_at": ws.closes_at.isoformat()})
        return ws.closes_at


def add_note(study_id: str, pid: str, text: str, actor: str) -> None:
    """Keep a note on the participant (never answers or contact details, please)."""
    text = (text or "").strip()
    if not text:
        raise DataError("the note is empty")
    with write_transaction():
        p = get(study_id, pid)
        db.session.add(ParticipantNote(participant_id=p.id, at=clock.now(), author=actor[:320],
                                       text=text[:2000]))
        record(actor, "note_added", study_id=study_id, target=pid)


def resend_link(study_id: str, pid: str, actor: str) -> int:
    """Email the participant their personal link again (the study's invitation template for
    their current wave); returns that wave.

    Raises
    ------
    DataError
        If the participant has no email or asked not to be contacted.
    MailError
        If the mail server cannot be used or refuses the message.
    """
    from craftwave.survey_app import mailer, smtp_send  # they import the panel's modules

    p = get(study_id, pid)
    if p.withdrawal != "none":
        raise DataError(f"{pid} asked not to be contacted")
    email = db.session.execute(db.select(Contact.email).where(
        Contact.participant_id == p.id)).scalar_one_or_none()
    if email is None:
        raise DataError(f"{pid} has no email on file: re-contact them through their "
                        "recruitment site")
    now = clock.now()
    words = wave_words(p, now)
    open_waves = [n for n, w in words.items() if w["status"] in ("invited", "started")]
    wave = max(open_waves) if open_waves else 1
    st = words[wave]
    study = get_study(study_id).study
    settings = mailer.mail_settings()
    msg = mailer.compose(study, p, email, "invitation", wave, st["opens_at"], st["closes_at"],
                         settings, now)
    msg.replace_header("X-Craftwave-Message", f"{study.id} link w{wave}")
    try:
        conn = smtp_send.connect(settings)
    except smtp_send.Unreachable as exc:
        raise mailer.MailError(f"the mail server cannot be reached: {exc}") from exc
    try:
        outcome = smtp_send.send(conn, msg, settings.sender)
    finally:
        smtp_send.close(conn)
    if outcome.status != "sent":
        raise mailer.MailError(f"the mail server did not take the message ({outcome.status}): "
                               f"{outcome.error}")
    with write_transaction():
        record(actor, "link_resent", study_id=study_id, target=pid, detail={"wave": wave})
    return wave


__all__ = ["Overview", "add_note", "find", "get", "messages", "normalise", "overview",
           "reopen_wave", "resend_link", "stop_contacting", "wave_words"]
