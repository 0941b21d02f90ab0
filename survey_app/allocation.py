"""Concealed randomisation among eligible, consenting participants, and the flow counts.

An arm is drawn only for a participant who consented and passed screening (or consented, in a
study without screening). The draw is concealed:

* the seed is 128 random bits the app draws when the study's first participant is randomised
  and keeps in the database (``allocation_state``), never in the study file or the export
  (or, for reproducible runs, derived from the instance's ``ALLOCATION_SECRET``);
* blocks are random permuted blocks whose size is itself drawn at random (1, 2 or 3 times the
  sum of the allocation ratios), so counting past assignments does not reveal the next arm;
* every assignment is logged (``allocation_log``: sequence, time, arm).

Race-free: an assignment locks the study's allocation row (``SELECT ... FOR UPDATE`` on
PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` write transaction serialises writers), so simultaneous
consents take consecutive sequence numbers from the same block and the block balance holds.
Call these functions inside :func:`craftwave.survey_app.db.write_transaction`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime

import numpy as np
from flask import current_app, has_app_context
from sqlalchemy.dialects import postgresql, sqlite

from craftwave.instruments.study import Intervention, Study
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant
from craftwave.survey_app.models.allocation import (
    FLOW_EVENTS,
    AllocationLog,
    AllocationState,
    FlowCount,
    StudyDeclaration,
)

BLOCK_MULTIPLES = (1, 2, 3)
"""Block sizes, as multiples of the sum of the allocation ratios; drawn per block."""


def new_seed(study_id: str | None = None) -> str:
    """A study's allocation seed, as hex: 128 random bits from the operating system, or,
    when the instance sets ``ALLOCATION_SECRET`` (reproducible runs such as the demo),
    128 bits of HMAC-SHA256(secret, study id)."""
    secret = current_app.config.get("ALLOCATION_SECRET") if has_app_context() else None
    if secret and study_id is not None:
        mac = hmac.new(str(secret).encode("utf-8"), f"allocation:{study_id}".encode(),
                       hashlib.sha256)
        return mac.hexdigest()[:32]
    return secrets.token_hex(16)


def draw_block(iv: Intervention, seed: str, block_number: int) -> list[str]:
    """The arms of one permuted block, in order: a random size (see :data:`BLOCK_MULTIPLES`)
    holding each arm in proportion to its ratio, shuffled; reproducible from the seed."""
    rng = np.random.default_rng([int(seed, 16), block_number])
    m = int(rng.choice(BLOCK_MULTIPLES))
    block = [a.name for a in iv.arms for _ in range(a.ratio * m)]
    return [block[i] for i in rng.permutation(len(block))]


def draw_simple(iv: Intervention, seed: str, sequence: int) -> str:
    """An independent draw with probabilities in proportion to the ratios (``method: simple``)."""
    rng = np.random.default_rng([int(seed, 16), sequence])
    w = np.array([a.ratio for a in iv.arms], dtype=float)
    return iv.arms[int(rng.choice(len(w), p=w / w.sum()))].name


def _locked_state(study_id: str) -> AllocationState:
    """The study's allocation row, created on first use, locked until the transaction ends."""
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    db.session.execute(insert(AllocationState.__table__).values(
        study_id=study_id, seed=new_seed(study_id), next_sequence=0, block_number=0, block=[])
        .on_conflict_do_nothing(index_elements=["study_id"]))
    stmt = db.select(AllocationState).where(AllocationState.study_id == study_id)
    if dialect != "sqlite":
        stmt = stmt.with_for_update()
    return db.session.execute(stmt.execution_options(populate_existing=True)).scalar_one()


def randomise(p: Participant, study: Study, now: datetime) -> str | None:
    """Assign ``p`` an arm (once) and log it; returns the arm (``None`` without arms).

    The caller has established that ``p`` consented and is eligible.
    """
    iv = study.intervention
    if iv is None or p.test:  # pilot participants are never randomised
        return None
    if p.arm is not None:
        return p.arm
    state = _locked_state(p.study_id)
    seq = state.next_sequence
    block_number = None
    if iv.method == "block":
        block = list(state.block or [])
        if not block:
            state.block_number += 1
            block = draw_block(iv, state.seed, state.block_number)
        block_number = state.block_number
        arm = block.pop(0)
        state.block = block
    else:
        arm = draw_simple(iv, state.seed, seq)
    state.next_sequence = seq + 1
    p.arm, p.arm_sequence = arm, seq
    db.session.add(AllocationLog(study_id=p.study_id, sequence=seq, assigned_at=now, arm=arm,
                                 block_number=block_number, participant_id=p.id))
    db.session.flush()
    return arm


def freeze_declaration(study: Study, now: datetime) -> StudyDeclaration | None:
    """Store the intervention's declaration at the study's first consent (no-op afterwards)."""
    iv = study.intervention
    if iv is None:
        return None
    row = db.session.get(StudyDeclaration, study.id)
    if row is None:
        dialect = db.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        db.session.execute(insert(StudyDeclaration.__table__).values(
            study_id=study.id, declared_at=now, declaration_hash=iv.declaration_hash(),
            declaration=iv.declaration()).on_conflict_do_nothing(index_elements=["study_id"]))
        row = db.session.get(StudyDeclaration, study.id)
    return row


def declaration_of(study_id: str) -> StudyDeclaration | None:
    """The frozen declaration of a study, if its first participant has consented."""
    return db.session.get(StudyDeclaration, study_id)


def count(study_id: str, event: str) -> None:
    """Add one to an anonymous flow counter (one statement; safe under concurrency)."""
    if event not in FLOW_EVENTS:
        raise ValueError(f"unknown flow event {event!r}; one of {FLOW_EVENTS}")
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = FlowCount.__table__
    stmt = insert(table).values(study_id=study_id, event=event, n=1)
    db.session.execute(stmt.on_conflict_do_update(index_elements=["study_id", "event"],
                                                  set_={"n": table.c.n + 1}))


def flow_counts(study_id: str) -> dict[str, int]:
    """The study's flow counters (every event, 0 where none happened)."""
    rows = db.session.execute(db.select(FlowCount.event, FlowCount.n)
                              .where(FlowCount.study_id == study_id)).all()
    got = dict(rows)
    return {e: int(got.get(e, 0)) for e in FLOW_EVENTS}


def allocation_log(study_id: str) -> list[tuple[int, datetime, str, int | None, str | None]]:
    """The study's allocation log: (sequence, time, arm, block, participant pid or None)."""
    return db.session.execute(
        db.select(AllocationLog.sequence, AllocationLog.assigned_at, AllocationLog.arm,
                  AllocationLog.block_number, Participant.pid)
        .outerjoin(Participant, Participant.id == AllocationLog.participant_id)
        .where(AllocationLog.study_id == study_id)
        .order_by(AllocationLog.sequence)).all()
