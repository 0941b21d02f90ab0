"""The payment ledger: approval and bonus files for Prolific and MTurk that pay everyone once.

Nothing here calls a site's API: craftwave writes the files a researcher uploads (Prolific's
bulk approval and bulk bonus, MTurk's worker CSV) or feeds to their own script (MTurk's
``SendBonus``), and records what went into which file.

A **batch** holds, for one study, wave, kind (``approval`` or ``bonus``) and site, every
participant-wave due and not yet in a live batch of that kind. Its states:

``pending``
    created; its files can be exported again and again, byte for byte the same (sorted by
    participant, amounts fixed in the batch, no time stamps in the files).
``paid``
    the researcher confirmed that the site accepted the file (:func:`confirm_batch`). Its
    participants are never put in another batch of that kind and wave.
``void``
    abandoned before payment (:func:`void_batch`); its participants are due again.

Nobody is in two live batches: each item carries ``active = 1`` (``NULL`` once void), and
(participant, wave, kind, active) is unique in the database, so even two concurrent batch
creations cannot both take a participant.

MTurk bonus rows carry a deterministic ``UniqueRequestToken`` per participant-wave
(:func:`bonus_token`): sending the same bonus again through ``SendBonus`` is refused by
MTurk as a duplicate (MTurk remembers tokens for at least 24 hours), so a retried script does
not pay twice.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import pandas as pd

from craftwave.instruments.errors import DataError
from craftwave.survey_app import clock
from craftwave.survey_app.audit import record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Answer, Participant, WaveStatus
from craftwave.survey_app.models.payments import PaymentBatch, PaymentItem
from craftwave.survey_app.models.recruitment import RecruitmentEntry
from craftwave.survey_app.studies import get_study

__all__ = ["KINDS", "SITES", "BatchSummary", "PaymentError", "attention_failures", "batch_files", "batch_summary",
           "bonus_token",
           "confirm_batch", "create_batch", "list_batches", "parse_amount",
           "qualification_csv", "void_batch"]

KINDS = ("approval", "bonus")
SITES = ("prolific", "mturk")
STATES = ("pending", "paid", "void")


class PaymentError(DataError):
    """A ledger operation that cannot be done (unknown batch, wrong state, nobody due)."""


@dataclass(frozen=True)
class BatchSummary:
    """A batch as the CLI shows it."""

    id: int
    study_id: str
    wave: int
    kind: str
    site: str
    state: str
    n: int
    held: int
    total: str | None
    created_at: str
    closed_at: str | None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def parse_amount(text: str) -> int:
    """An amount in the site's currency (``"1.50"``) as whole cents; positive, two decimals.

    Raises
    ------
    PaymentError
        If it is not a positive amount with at most two decimals.
    """
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        raise PaymentError(f"'{text}' is not an amount such as 1.50") from None
    if not value.is_finite() or value <= 0 or value != value.quantize(Decimal("0.01")):
        raise PaymentError(f"'{text}' is not a positive amount with at most two decimals")
    return int((value * 100).to_integral_value(ROUND_HALF_UP))


def _money(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def bonus_token(study_id: str, pid: str, wave: int) -> str:
    """The MTurk ``UniqueRequestToken`` of one participant-wave's bonus (at most 64 characters).

    Deterministic: the same participant-wave always gets the same token, in every batch.
    """
    digest = hashlib.sha256(f"craftwave bonus v1:{study_id}:{pid}:{wave}".encode()).hexdigest()
    return f"cw-{digest[:48]}"


def attention_failures(study_id: str, wave: int) -> dict[int, tuple[int, int, list[str]]]:
    """Per participant (row id): (checks failed, checks answered, ids of the failed checks).

    A check fails when the stored answer is not the check's instructed answer.
    """
    cs = get_study(study_id)
    if cs is None:
        raise PaymentError(f"no study '{study_id}'")
    expected = {(q.instrument.id, q.item.id): q.item.expected
                for page in cs.pages.get(wave, []) for _pos, q in page.checks}
    if not expected:
        return {}
    rows = db.session.execute(
        db.select(Answer.participant_id, Answer.instrument_id, Answer.item_id, Answer.value)
        .join(Participant, Participant.id == Answer.participant_id)
        .where(Participant.study_id == study_id, Answer.wave == wave,
               Answer.instrument_id.in_({i for i, _ in expected}))).all()
    out: dict[int, tuple[int, int, list[str]]] = {}
    for pid, inst, item, value in rows:
        if (inst, item) not in expected or value is None:
            continue
        failed, answered, ids = out.get(pid, (0, 0, []))
        if float(value) != float(expected[(inst, item)]):
            failed, ids = failed + 1, [*ids, f"{inst}.{item}"]
        out[pid] = (failed, answered + 1, ids)
    return out


def _due(study_id: str, wave: int, kind: str, site: str) -> list[tuple[Participant, str | None]]:
    """Participants of ``site`` who completed ``wave`` and are in no live batch of ``kind``."""
    live = db.select(PaymentItem.participant_id).where(
        PaymentItem.wave == wave, PaymentItem.kind == kind, PaymentItem.active == 1)
    rows = db.session.execute(
        db.select(Participant, RecruitmentEntry.assignment_id)
        .join(WaveStatus, db.and_(WaveStatus.participant_id == Participant.id,
                                  WaveStatus.wave == wave))
        .outerjoin(RecruitmentEntry, db.and_(RecruitmentEntry.participant_id == Participant.id,
                                             RecruitmentEntry.wave == wave))
        .where(Participant.study_id == study_id, Participant.source == site,
               Participant.withdrawal != "delete", WaveStatus.status == "completed",
               Participant.id.not_in(live))
        .order_by(Participant.external_id)).all()
    return [(p, assignment) for p, assignment in rows]


def create_batch(study_id: str, wave: int, kind: str, site: str, *, actor: str,
                 amount: str | None = None, reason: str | None = None,
                 min_failed: int = 2) -> BatchSummary:
    """Put everyone due into a new pending batch.

    Parameters
    ----------
    study_id, wave : str, int
    kind : {"approval", "bonus"}
    site : {"prolific", "mturk"}
    actor : str
        Who creates it (audited).
    amount : str, optional
        For bonuses: each participant's bonus in the site's currency (``"1.50"``).
    reason : str, optional
        For MTurk bonuses: the reason workers see.
    min_failed : int, default 2
        Approvals: participants who failed at least this many attention checks of the wave are
        listed for review (with the reason) instead of approval.

    Raises
    ------
    PaymentError
        For an unknown study, kind or site, a bonus without amount, or nobody due.
    """
    if kind not in KINDS or site not in SITES:
        raise PaymentError(f"kind must be one of {KINDS} and site one of {SITES}")
    if kind == "approval" and site != "prolific":
        raise PaymentError("approval files are for Prolific; MTurk assignments are approved on "
                           "the requester site (or automatically)")
    cents = parse_amount(amount) if kind == "bonus" else None
    if kind == "bonus" and amount is None:
        raise PaymentError("a bonus batch needs --amount")
    if kind == "bonus" and site == "mturk" and not reason:
        raise PaymentError("an MTurk bonus needs a --reason (MTurk shows it to the worker)")
    cs = get_study(study_id)
    if cs is None or wave not in cs.pages:
        raise PaymentError(f"study '{study_id}' has no wave {wave}")
    now = clock.now()
    with write_transaction():
        due = _due(study_id, wave, kind, site)
        if not due:
            raise PaymentError(f"nobody from {site} is due a {kind} for wave {wave} of '{study_id}'")
        failures = attention_failures(study_id, wave) if kind == "approval" else {}
        batch = PaymentBatch(study_id=study_id, wave=wave, kind=kind, site=site, state="pending",
                             reason=reason, created_at=now, created_by=actor)
        db.session.add(batch)
        db.session.flush()
        for p, assignment in due:
            held = None
            failed, answered, ids = failures.get(p.id, (0, 0, []))
            if failed >= min_failed:
                held = (f"failed {failed} of {answered} attention checks: "
                        f"{', '.join(sorted(ids))}")[:200]
            db.session.add(PaymentItem(
                batch_id=batch.id, participant_id=p.id, wave=wave, kind=kind, active=1,
                amount_cents=cents, held=held, assignment_id=assignment,
                request_token=bonus_token(study_id, p.pid, wave) if kind == "bonus" else None))
        db.session.flush()
        record(actor, "payment_batch", study_id=study_id,
               detail={"batch": batch.id, "wave": wave, "kind": kind, "site": site,
                       "n": len(due), "state": "pending"})
        summary = _summary(batch)
    return summary


def _items(batch_id: int):
    return db.session.execute(
        db.select(PaymentItem, Participant.external_id, Participant.pid)
        .join(Participant, Participant.id == PaymentItem.participant_id)
        .where(PaymentItem.batch_id == batch_id)
        .order_by(Participant.external_id)).all()


def _summary(batch: PaymentBatch) -> BatchSummary:
    items = [i for i, _e, _p in _items(batch.id)]
    cents = [i.amount_cents for i in items if i.amount_cents is not None]
    return BatchSummary(
        id=batch.id, study_id=batch.study_id, wave=batch.wave, kind=batch.kind, site=batch.site,
        state=batch.state, n=len(items), held=sum(1 for i in items if i.held),
        total=_money(sum(cents)) if cents else None,
        created_at=batch.created_at.isoformat(timespec="seconds"),
        closed_at=batch.closed_at.isoformat(timespec="seconds") if batch.closed_at else None)


def _batch(batch_id: int, for_update: bool = False) -> PaymentBatch:
    stmt = db.select(PaymentBatch).where(PaymentBatch.id == batch_id)
    if for_update:
        stmt = stmt.with_for_update()
    batch = db.session.execute(stmt).scalar_one_or_none()
    if batch is None:
        raise PaymentError(f"no payment batch {batch_id}")
    return batch


def batch_summary(batch_id: int) -> BatchSummary:
    """One batch's summary.

    Raises
    ------
    PaymentError
        If there is no such batch.
    """
    return _summary(_batch(batch_id))


def list_batches(study_id: str) -> list[BatchSummary]:
    """Every batch of a study, oldest first."""
    batches = db.session.execute(db.select(PaymentBatch).where(PaymentBatch.study_id == study_id)
                                 .order_by(PaymentBatch.id)).scalars().all()
    return [_summary(b) for b in batches]


def _close(batch_id: int, state: str, actor: str) -> BatchSummary:
    with write_transaction():
        batch = _batch(batch_id, for_update=True)
        if batch.state != "pending":
            raise PaymentError(f"batch {batch_id} is {batch.state}, not pending")
        batch.state, batch.closed_at, batch.closed_by = state, clock.now(), actor
        if state == "void":
            db.session.execute(db.update(PaymentItem).where(PaymentItem.batch_id == batch_id)
                               .values(active=None))
        record(actor, "payment_batch", study_id=batch.study_id,
               detail={"batch": batch.id, "state": state})
        summary = _summary(batch)
    return summary


def confirm_batch(batch_id: int, *, actor: str) -> BatchSummary:
    """The researcher confirms the site accepted batch ``batch_id``: pending becomes paid."""
    return _close(batch_id, "paid", actor)


def void_batch(batch_id: int, *, actor: str) -> BatchSummary:
    """Abandon a pending batch: its participants are due again (a paid batch cannot be voided)."""
    return _close(batch_id, "void", actor)


def _csv(frame: pd.DataFrame, header: bool = True) -> str:
    buf = io.StringIO()
    frame.to_csv(buf, index=False, header=header, lineterminator="\n")
    return buf.getvalue()


def batch_files(batch_id: int) -> dict[str, str]:
    """The files of a batch, by name; the same bytes on every call while the batch exists.

    Prolific approval: ``..._approve.txt`` (one PROLIFIC_PID a line, for bulk approval) and
    ``..._review.csv`` (participant_id, reason: failed attention checks, for the researcher to
    decide under Prolific's rules). Prolific bonus: ``..._bonus.csv`` lines
    ``PROLIFIC_PID,amount`` (Prolific's bulk bonus box). MTurk bonus: ``..._bonus.csv`` with
    worker_id, assignment_id, amount, reason, unique_request_token (one ``SendBonus`` each).
    """
    batch = _batch(batch_id)
    rows = _items(batch_id)
    stem = f"{batch.study_id}_w{batch.wave}_{batch.site}_{batch.kind}_b{batch.id}"
    if batch.kind == "approval":
        approve = "".join(f"{ext}\n" for item, ext, _pid in rows if not item.held)
        review = pd.DataFrame([(ext, item.held) for item, ext, _pid in rows if item.held],
                              columns=["participant_id", "reason"])
        return {f"{stem}_approve.txt": approve, f"{stem}_review.csv": _csv(review)}
    if batch.site == "prolific":
        lines = pd.DataFrame([(ext, _money(item.amount_cents)) for item, ext, _pid in rows])
        return {f"{stem}_bonus.csv": _csv(lines, header=False)}
    frame = pd.DataFrame(
        [(ext, item.assignment_id or "", _money(item.amount_cents), batch.reason or "",
          item.request_token) for item, ext, _pid in rows],
        columns=["worker_id", "assignment_id", "amount", "reason", "unique_request_token"])
    return {f"{stem}_bonus.csv": _csv(frame)}


def qualification_csv(study_id: str, qualification: str) -> str:
    """MTurk's worker CSV for re-contact: ``Worker ID`` and ``UPDATE-<qualification>``, the
    score being the last wave the worker completed (so a HIT for wave k can require a score
    of at least k - 1). Withdrawn workers (stop contact or delete) are left out."""
    rows = db.session.execute(
        db.select(Participant.external_id, db.func.max(WaveStatus.wave))
        .join(WaveStatus, WaveStatus.participant_id == Participant.id)
        .where(Participant.study_id == study_id, Participant.source == "mturk",
               Participant.withdrawal == "none", WaveStatus.status == "completed")
        .group_by(Participant.external_id).order_by(Participant.external_id)).all()
    frame = pd.DataFrame([(w, int(score)) for w, score in rows],
                         columns=["Worker ID", f"UPDATE-{qualification}"])
    return _csv(frame)

