"""The outbox: every message is a row with a delivery state, and the database is the queue.

A message is *queued* (with the earliest time it may go), *claimed* by one process with a
lease (``sending``), marked *handed over* just before the SMTP conversation, then *sent*,
*deferred* (retried with backoff up to ``MAIL_MAX_ATTEMPTS``) or *failed*. Claims take row
locks: ``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL, the write lock of
``BEGIN IMMEDIATE`` on SQLite, so any number of workers and cron runs send each message once.

SMTP cannot be exactly-once. A lease that expires (the process died) resolves by what was
committed: without the hand-over mark nothing was sent and the row is queued again; with it the
message may have gone, so the row becomes ``unknown`` and is resent only by the researcher's
choice or the study's ``on_unknown: resend`` (each resend counted in ``resends``).

Settings: ``MAIL_LEASE_SECONDS`` (default 300), ``MAIL_MAX_ATTEMPTS`` (default 8),
``MAIL_RETRY_SECONDS`` (first backoff, default 300; doubling, at most 6 hours).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import or_
from sqlalchemy.exc import IntegrityError

from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Contact, Participant
from craftwave.survey_app.models.researcher import MESSAGE_STATUSES, SentMessage

MAX_BACKOFF = timedelta(hours=6)
SENT_OR_MAYBE = ("sent", "unknown", "bounced")
"""States in which the recipient has (or may have) the message."""


def lease_seconds() -> float:
    return float(current_app.config.get("MAIL_LEASE_SECONDS", 300))


def max_attempts() -> int:
    return int(current_app.config.get("MAIL_MAX_ATTEMPTS", 8))


def backoff(attempts: int) -> timedelta:
    """The wait before attempt ``attempts + 1``: doubling from ``MAIL_RETRY_SECONDS``, capped."""
    first = float(current_app.config.get("MAIL_RETRY_SECONDS", 300))
    return min(timedelta(seconds=first * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def existing(participant_id: int, kind: str, wave: int) -> SentMessage | None:
    return db.session.execute(db.select(SentMessage).where(
        SentMessage.participant_id == participant_id, SentMessage.kind == kind,
        SentMessage.wave == wave)).scalar_one_or_none()


def enqueue(participant_id: int, kind: str, wave: int, now: datetime, not_before: datetime) -> bool:
    """Queue one message unless the outbox has it already; True when this call queued it."""
    try:
        with write_transaction():
            if existing(participant_id, kind, wave) is not None:
                return False
            db.session.add(SentMessage(participant_id=participant_id, kind=kind, wave=wave,
                                       claimed_at=now, status="queued", attempts=0, resends=0,
                                       next_attempt_at=not_before, updated_at=now))
    except IntegrityError:
        return False  # another process queued it between our check and our insert
    return True


def recover_expired(now: datetime, study_id: str | None = None) -> dict[str, int]:
    """Resolve ``sending`` rows whose lease expired: back to ``queued`` when nothing was handed
    to the server, else ``unknown``. Returns how many went each way."""
    out = {"queued": 0, "unknown": 0}
    q = db.select(SentMessage).where(SentMessage.status == "sending", SentMessage.lease_until < now)
    if study_id is not None:
        q = q.where(SentMessage.participant_id.in_(_study_ids(study_id)))
    if db.session.execute(q.with_only_columns(SentMessage.id).limit(1)).first() is None:
        return out  # the usual case: no write transaction needed
    with write_transaction():
        for row in db.session.execute(q).scalars():
            if row.handed_over_at is None:
                row.status, row.next_attempt_at = "queued", now
                row.last_error = "the sender stopped before contacting the server; queued again"
                out["queued"] += 1
            else:
                row.status = "unknown"
                row.last_error = ("the sender stopped while handing the message to the server: "
                                  "it may or may not have been delivered")
                out["unknown"] += 1
            row.lease_until = row.lease_owner = None
            row.updated_at = now
    return out


def _study_ids(study_id: str):
    return db.select(Participant.id).where(Participant.study_id == study_id)


@dataclass(frozen=True)
class Claim:
    """A message this process holds the lease of."""

    id: int
    participant_id: int
    kind: str
    wave: int
    attempts: int
    resend: bool
    prev_status: str = "queued"
    prev_handed_over: datetime | None = None


def claim_next(study_id: str, now: datetime, owner: str, kinds: tuple[str, ...] | None = None,
               resend_unknown: bool = False, exclude: set[int] | None = None,
               wave: int | None = None) -> Claim | None:
    """Claim the next due message of a study (row-locked, skipping rows others hold).

    Due: ``queued`` or ``deferred`` with ``next_attempt_at`` passed, and ``unknown`` when
    ``resend_unknown``. ``exclude`` lists rows this run already looked at.
    """
    states = ["queued", "deferred"] + (["unknown"] if resend_unknown else [])
    where = [SentMessage.status.in_(states),
             or_(SentMessage.next_attempt_at.is_(None), SentMessage.next_attempt_at <= now),
             SentMessage.participant_id.in_(_study_ids(study_id))]
    if kinds is not None:
        where.append(SentMessage.kind.in_(kinds))
    if exclude:
        where.append(SentMessage.id.not_in(exclude))
    if wave is not None:
        where.append(SentMessage.wave == wave)
    if db.session.execute(db.select(SentMessage.id).where(*where).limit(1)).first() is None:
        return None  # nothing due: no write lock taken
    q = (db.select(SentMessage).where(*where)
         .order_by(SentMessage.next_attempt_at, SentMessage.id).limit(1)
         .with_for_update(skip_locked=True))
    with write_transaction():
        row = db.session.execute(q).scalar_one_or_none()
        if row is None:
            return None
        # An unknown message (or one the researcher queued again after it was unknown)
        # may already be in the inbox: sending it is a counted resend.
        resend = row.status == "unknown" or (row.status == "queued" and row.handed_over_at is not None)
        prev = (row.status, row.handed_over_at)
        row.status = "sending"
        row.lease_until = now + timedelta(seconds=lease_seconds())
        row.lease_owner = owner[:64]
        row.handed_over_at = None
        row.attempts = (row.attempts or 0) + 1
        row.updated_at = now
        return Claim(row.id, row.participant_id, row.kind, row.wave, row.attempts, resend, *prev)


def hand_over(claim: Claim, now: datetime, return_path: str, message_id: str) -> None:
    """Commit that the message is about to go to the server (the one ambiguous window opens)."""
    with write_transaction():
        db.session.execute(db.update(SentMessage).where(SentMessage.id == claim.id).values(
            handed_over_at=now, return_path=return_path, message_id=message_id,
            resends=SentMessage.resends + (1 if claim.resend else 0), updated_at=now))


def finish(claim: Claim, status: str, now: datetime, error: str | None = None) -> str:
    """Record the outcome of a claimed message; returns the state stored.

    ``deferred`` becomes ``failed`` once ``MAIL_MAX_ATTEMPTS`` attempts have been made.
    """
    if status not in MESSAGE_STATUSES:
        raise ValueError(f"unknown message status {status!r}")
    values: dict[str, object] = {"status": status, "lease_until": None, "lease_owner": None,
                                 "updated_at": now, "last_error": error}
    if status == "sent":
        values["sent_at"] = now
        values["next_attempt_at"] = None
    elif status == "deferred":
        if claim.attempts >= max_attempts():
            values["status"] = "failed"
            values["last_error"] = f"gave up after {claim.attempts} attempts: {error}"[:500]
        else:
            values["next_attempt_at"] = now + backoff(claim.attempts)
    with write_transaction():
        db.session.execute(db.update(SentMessage).where(SentMessage.id == claim.id).values(**values))
    return str(values["status"])


def postpone(claim: Claim, until: datetime, now: datetime, note: str | None = None) -> None:
    """Give a claimed message back untried (outside sending hours), in the state it was in;
    the attempt is not counted."""
    values: dict[str, object] = {
        "status": claim.prev_status, "handed_over_at": claim.prev_handed_over,
        "next_attempt_at": until, "lease_until": None, "lease_owner": None,
        "attempts": SentMessage.attempts - 1, "updated_at": now}
    if note is not None:
        values["last_error"] = note
    with write_transaction():
        db.session.execute(db.update(SentMessage).where(SentMessage.id == claim.id).values(**values))


def messages(study_id: str) -> list[dict]:
    """Every message of a study, for ``email status`` and the dashboard.

    Returns
    -------
    list of dict
        ``email``, ``participant_id`` (pseudonymous), ``kind``, ``wave``, ``status``,
        ``attempts``, ``last_error``, and ``queued_at``, ``sent_at``, ``next_attempt_at``,
        ``resends``, ``id``.
    """
    rows = db.session.execute(
        db.select(SentMessage, Participant.pid, Contact.email)
        .join(Participant, Participant.id == SentMessage.participant_id)
        .outerjoin(Contact, Contact.participant_id == Participant.id)
        .where(Participant.study_id == study_id)
        .order_by(SentMessage.wave, SentMessage.kind, Participant.id)).all()
    return [{"email": email, "participant_id": pid, "kind": m.kind, "wave": m.wave,
             "status": m.status, "attempts": m.attempts, "last_error": m.last_error,
             "queued_at": m.claimed_at, "sent_at": m.sent_at, "next_attempt_at": m.next_attempt_at,
             "resends": m.resends, "id": m.id}
            for m, pid, email in rows]


def counts(study_id: str) -> dict[tuple[int, str], int]:
    """Messages per (wave, status) of a study."""
    rows = db.session.execute(
        db.select(SentMessage.wave, SentMessage.status, db.func.count())
        .where(SentMessage.participant_id.in_(_study_ids(study_id)))
        .group_by(SentMessage.wave, SentMessage.status)).all()
    return {(int(w), s): int(n) for w, s, n in rows}
