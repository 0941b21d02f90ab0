"""A participant's way through a study: creation, consent, screening, waves, pages, withdrawal.

Views call these functions inside :func:`craftwave.survey_app.db.write_transaction`, so each page
submission is one transaction that is committed before the response goes out. Writes are
idempotent: answers are upserted on their unique key, the page visit on its primary key,
and completing a completed wave changes nothing.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm.attributes import set_committed_value

from craftwave.instruments.study import Study
from craftwave.survey_app import allocation
from craftwave.survey_app.extensions import db
from craftwave.survey_app.links import revoke_links, set_link
from craftwave.survey_app.models import (
    Answer,
    AnswerHistory,
    Contact,
    PageVisit,
    Participant,
    WaveStatus,
    WithdrawalRequest,
)
from craftwave.survey_app.studies import CompiledPage, CompiledStudy, get_study

SCREENING_INSTRUMENT = "screening"


def new_pid() -> str:
    """A pseudonymous participant id (64 random bits; carries nothing about the person)."""
    return "p" + secrets.token_hex(8)


def create_participant(study_id: str, source: str, external_id: str | None,
                       recruitment: dict, now: datetime, language: str = "en",
                       test: bool = False) -> Participant:
    """Add a participant (not yet consented); the caller's transaction commits it.

    ``test``: a pilot participant (also every participant of a study in pilot mode), kept out
    of exports, reports, counts and randomisation.
    """
    if not test:
        cs = get_study(study_id)
        test = bool(cs is not None and cs.study.pilot)
    p = Participant(pid=new_pid(), link_generation=1, study_id=study_id, source=source,
                    external_id=external_id, recruitment=recruitment, created_at=now,
                    language=language, withdrawal="none", test=test)
    set_link(p)
    db.session.add(p)
    db.session.flush()
    return p


def record_consent(p: Participant, cs: CompiledStudy, now: datetime) -> None:
    """Record consent (version, time) and open wave 1 unless screening comes first.

    The study's first consent freezes its intervention declaration. Without screening the
    participant is eligible on consent and is randomised now; with screening, only on
    passing it (:func:`record_screening`), so no screened-out person holds an arm.
    """
    study = cs.study
    p.consent_version = study.consent.version
    p.consented_at = now
    if not p.test:  # pilots: no flow count, no declaration, no arm
        allocation.count(p.study_id, "entered")
        allocation.freeze_declaration(study, now)
    if study.eligibility is not None:
        p.eligibility = "pending"
    else:
        allocation.randomise(p, study, now)
        open_wave(p, study, 1, now)


def record_decline(study_id: str) -> None:
    """Count a declined consent (anonymously: nothing about the person is stored)."""
    allocation.count(study_id, "entered")
    allocation.count(study_id, "declined")


def open_wave(p: Participant, study: Study, number: int, opens_at: datetime) -> WaveStatus:
    wave = study.waves_by_number[number]
    ws = db.session.get(WaveStatus, (p.id, number))
    if ws is None:
        closes = opens_at + timedelta(days=wave.window_days) if wave.window_days else None
        ws = WaveStatus(participant_id=p.id, wave=number, status="invited", opens_at=opens_at,
                        closes_at=closes, next_page=0)
        db.session.add(ws)
    return ws


def record_screening(p: Participant, cs: CompiledStudy, answers: dict[str, int], now: datetime) -> bool:
    """Store the screening answers and decide; returns whether the participant qualifies."""
    elig = cs.study.eligibility
    ok = elig.qualifies(answers)
    _upsert_answers(p.id, 1, [
        dict(participant_id=p.id, wave=1, instrument_id=SCREENING_INSTRUMENT,
             instrument_version=cs.study.consent.version, instrument_hash=cs.screening_hash,
             item_id=qid, value=float(v), page="screening", submitted_at=now)
        for qid, v in answers.items()])
    p.eligibility = "eligible" if ok else "screened_out"
    if ok:
        allocation.randomise(p, cs.study, now)
    elif not p.test:
        allocation.count(p.study_id, "screened_out")
    ws = open_wave(p, cs.study, 1, now)
    if not ok:
        ws.status = "screened_out"
    return ok


@dataclass(frozen=True)
class PersonRef:
    """The few facts about a participant a page submission needs (no ORM refresh needed)."""

    id: int
    source: str

    @classmethod
    def of(cls, p: Participant) -> PersonRef:
        return cls(p.id, p.source)


@dataclass(frozen=True)
class WaveView:
    """Where a participant stands: ``state`` is one of not_open, open, closed, completed,
    screened_out, finished (every wave done or missed)."""

    state: str
    status: WaveStatus | None


def current_wave(p: Participant, study: Study, now: datetime, create: bool = True) -> WaveView:
    """The wave the participant should see now, creating the next wave's row when it is due.

    Wave k opens ``after_days`` after the participant completed wave k-1; if they missed wave
    k-1 (it closed), wave k opens ``after_days`` after wave k-1 opened.
    """
    rows = db.session.execute(
        db.select(WaveStatus).where(WaveStatus.participant_id == p.id)
        .order_by(WaveStatus.wave.desc()).limit(1)).scalars().all()
    ws = rows[0] if rows else None
    if ws is None:
        return WaveView("not_open", None)
    while True:
        state = wave_state(ws, now)
        if state not in ("completed", "closed") or ws.wave >= len(study.waves):
            break
        if not create:
            return WaveView(state, ws)
        if state == "closed" and ws.status != "closed":
            ws.status = "closed"
        anchor = ws.completed_at if state == "completed" else ws.opens_at
        nxt = study.waves_by_number[ws.wave + 1]
        ws = open_wave(p, study, ws.wave + 1, anchor + timedelta(days=nxt.after_days))
        db.session.flush()
    if state in ("completed", "closed") and ws.wave >= len(study.waves):
        if state == "closed" and ws.status != "closed":
            ws.status = "closed"
        return WaveView("finished" if state == "completed" else "closed", ws)
    return WaveView(state, ws)


def wave_state(ws: WaveStatus, now: datetime) -> str:
    if ws.status in ("completed", "screened_out"):
        return ws.status
    if ws.status == "closed" or (ws.closes_at is not None and now >= ws.closes_at):
        return "closed"
    if ws.opens_at is not None and now < ws.opens_at:
        return "not_open"
    return "open"


_PAGE_ANSWERS = None


def _page_answers(participant_id: int, wave: int, page_id: str) -> list:
    global _PAGE_ANSWERS
    if _PAGE_ANSWERS is None:
        _PAGE_ANSWERS = (db.select(Answer.instrument_id, Answer.item_id, Answer.value)
                         .where(Answer.participant_id == db.bindparam("p"),
                                Answer.wave == db.bindparam("w"), Answer.page == db.bindparam("g")))
    return db.session.execute(_PAGE_ANSWERS, {"p": participant_id, "w": wave, "g": page_id}).all()


def saved_answers(p: Participant, wave: int, page_id: str) -> dict[str, float]:
    """Current answers of a page, by form field name."""
    return {f"{i}__{item}": v for i, item, v in _page_answers(p.id, wave, page_id)}


def save_page(p: Participant | PersonRef, ws: WaveStatus, page: CompiledPage, values: dict[str, float | None],
              shown_at: datetime, order: list[str], now: datetime, advance: bool = True) -> bool:
    """Store one page submission; returns whether it completed the wave.

    ``values`` maps field names to answers (None: an item left blank). A changed answer
    replaces the old one and the change goes to the answer history; an unchanged
    resubmission writes the same row again (idempotent). ``advance=False`` (Back) keeps the
    answers without moving the participant on: the furthest page reached and the wave's
    completion stay as they were.
    """
    # The page may hold answers already: submitted before, or kept by Back before it was
    # ever submitted with Next. ``ws`` was read in this transaction, under the write lock.
    old = {(i, item): v for i, item, v in _page_answers(p.id, ws.wave, page.id)}
    rows, history, cleared = [], [], []
    for name, value in values.items():
        q = page.by_name[name]
        key = (q.instrument.id, q.item_id)
        before = old.get(key)
        if value is None:
            if before is not None:
                cleared.append(key)
                history.append(_history(p, ws.wave, key, before, None, page.id, now))
            continue
        value = float(value)
        if before is not None and before != value:
            history.append(_history(p, ws.wave, key, before, value, page.id, now))
        rows.append(dict(participant_id=p.id, wave=ws.wave, instrument_id=q.instrument.id,
                         instrument_version=q.instrument.version,
                         instrument_hash=q.instrument.content_hash, item_id=q.item_id,
                         value=value, page=page.id, submitted_at=now))
    _upsert_answers(p.id, ws.wave, rows)
    for inst_id, item_id in cleared:
        db.session.execute(db.delete(Answer).where(
            Answer.participant_id == p.id, Answer.wave == ws.wave,
            Answer.instrument_id == inst_id, Answer.item_id == item_id))
    if history:
        db.session.execute(db.insert(AnswerHistory), history)
    _upsert_visit(dict(participant_id=p.id, wave=ws.wave, page=page.id, shown_at=shown_at,
                       submitted_at=now, last_submitted_at=now, n_items=len(rows),
                       n_submissions=1, item_order=order))
    changes: dict[str, object] = {}
    if advance:
        changes["next_page"] = max(ws.next_page, page.index + 1)
    if ws.status == "invited":
        changes.update(status="started", started_at=now)
    completed = advance and page.index + 1 >= page.n_pages and ws.status != "completed"
    if completed:
        changes.update(status="completed", completed_at=now,
                       completion_code=_completion_code(p, page.study, ws.wave))
    if changes:
        _update_wave_status(ws, changes)
    return completed


def _update_wave_status(ws: WaveStatus, changes: dict[str, object]) -> None:
    """One UPDATE statement, and the loaded object brought in line without an ORM flush."""
    table = WaveStatus.__table__
    db.session.execute(table.update().where(table.c.participant_id == ws.participant_id,
                                            table.c.wave == ws.wave).values(**changes))
    for key, value in changes.items():
        set_committed_value(ws, key, value)


WITHDRAWAL_STRENGTH = {"stop_contact": 0, "delete_request": 1, "delete": 2}
"""A later request of a stronger kind replaces the open one's kind; a weaker one changes nothing."""


def file_withdrawal_request(p: Participant, kind: str, now: datetime) -> WithdrawalRequest:
    """The participant's one open withdrawal request: created, or strengthened to ``kind``.

    A participant has at most one open (unhandled) request (a unique index enforces it), so
    repeating a request cannot flood the researcher's list. Call inside ``write_transaction``.
    """
    req = db.session.execute(db.select(WithdrawalRequest).where(
        WithdrawalRequest.participant_id == p.id, WithdrawalRequest.handled_at.is_(None))).scalar_one_or_none()
    if req is None:
        req = WithdrawalRequest(participant_id=p.id, kind=kind, requested_at=now)
        db.session.add(req)
    elif WITHDRAWAL_STRENGTH.get(kind, 0) > WITHDRAWAL_STRENGTH.get(req.kind, 0):
        req.kind = kind
    return req


def withdraw(p: Participant, kind: str, now: datetime) -> None:
    """Record a withdrawal request (stop contact, or delete); no invitation goes out after it."""
    file_withdrawal_request(p, kind, now)
    if p.withdrawal != "delete":
        p.withdrawal = kind
    p.withdrawn_at = p.withdrawn_at or now
    revoke_links(p)  # the personal link (and any copy of it) stops working


def _completion_code(p: PersonRef, study: Study, wave: int) -> str:
    if p.source == "prolific" and study.recruitment.prolific is not None:
        return study.recruitment.prolific.completion_codes[wave]
    return secrets.token_hex(5).upper()


def _history(p, wave, key, old, new, page_id, now) -> dict:
    return dict(participant_id=p.id, wave=wave, instrument_id=key[0], item_id=key[1],
                old_value=old, new_value=new, page=page_id, changed_at=now)


_STATEMENTS: dict[tuple[str, str], object] = {}


def _statement(kind: str):
    """Upsert statements, built once per dialect (building them costs more than running them)."""
    dialect = db.session.get_bind().dialect.name
    key = (dialect, kind)
    stmt = _STATEMENTS.get(key)
    if stmt is None:
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        if kind == "answers":
            stmt = insert(Answer.__table__)
            stmt = stmt.on_conflict_do_update(
                index_elements=["participant_id", "wave", "instrument_id", "item_id"],
                set_={c: stmt.excluded[c] for c in ("value", "page", "submitted_at",
                                                     "instrument_version", "instrument_hash")})
        else:
            table = PageVisit.__table__
            stmt = insert(table)
            stmt = stmt.on_conflict_do_update(
                index_elements=["participant_id", "wave", "page"],
                set_={"last_submitted_at": stmt.excluded.last_submitted_at,
                      "n_items": stmt.excluded.n_items,
                      "n_submissions": table.c.n_submissions + 1})
        _STATEMENTS[key] = stmt
    return stmt


def _upsert_answers(participant_id: int, wave: int, rows: list[dict]) -> None:
    if rows:
        db.session.execute(_statement("answers"), rows)


def _upsert_visit(row: dict) -> None:
    db.session.execute(_statement("visit"), [row])


_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")


def valid_email(email: str) -> bool:
    """Whether ``email`` looks like an address (one @, a dot in the domain, at most 320)."""
    return len(email) <= 320 and _EMAIL.match(email) is not None


def remember_contact(p: Participant, email: str, now: datetime) -> None:
    """Keep the email a participant gave for their personal link (invitations to later waves,
    each with the link, go to it); the caller's transaction commits it."""
    contact = db.session.execute(db.select(Contact).where(
        Contact.participant_id == p.id)).scalar_one_or_none()
    if contact is None:
        db.session.add(Contact(participant_id=p.id, email=email, created_at=now))
    else:
        contact.email = email
