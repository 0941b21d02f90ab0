"""Where each participant stands in each wave, read from the database without changing it.

The participant side creates a wave's status row lazily, when the participant comes back
after the wave is due. The dashboard, the exports and the emails must not wait for that, so
this module works out the same schedule (wave k opens ``after_days`` after wave k-1 was
completed, or after it opened if it closed unanswered; it stays open ``window_days``) for
waves that are due but have no row yet. One function, :func:`wave_states`, decides every
participant's status per wave; everything that counts or lists statuses uses it.

Statuses: ``invited`` (open, not started), ``started``, ``completed``, ``screened_out``,
``closed`` (the window passed before completion), ``scheduled`` (a row exists but the wave
opens later) and ``None`` (not yet due or never reached). :func:`study_states` then applies
:func:`vocabulary`, which splits ``closed`` into ``closed`` (started, not completed) and
``missed`` (never started) and marks every wave a participant did not complete before they
withdrew ``withdrawn``; :func:`status_word` writes a status in the export's words (``screened
out``), the one vocabulary of the dashboard, the export and the reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd

from craftwave.instruments.study import Study
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant, WaveStatus
from craftwave.survey_app.models.researcher import SentMessage

STATUSES = ("invited", "started", "completed", "screened_out", "closed", "missed", "withdrawn",
            "scheduled")
WORDS = ("invited", "started", "completed", "screened out", "closed", "missed", "withdrawn")
"""The wave statuses of the export, the dashboard and the reports (docs/design.md)."""


def vocabulary(status: str | None, *, started_at: datetime | None, closes_at: datetime | None,
               withdrawn_at: datetime | None, consented: bool) -> str | None:
    """A scheduled status (:func:`wave_states`) in the shared vocabulary.

    ``withdrawn``: the participant withdrew (either kind) before completing the wave and before
    it closed, including waves not yet due; ``missed``: the wave closed and was never started;
    ``closed``: the wave closed after it was started, not completed.
    """
    if status in ("completed", "screened_out"):
        return status
    if withdrawn_at is not None and consented and not (
            status == "closed" and closes_at is not None and closes_at <= withdrawn_at):
        return "withdrawn"
    if status == "closed":
        return "closed" if started_at is not None else "missed"
    return status


def status_word(status: str | None) -> str | None:
    """A status in the export's words (``screened out``); ``scheduled`` and None: no word yet."""
    if status is None or status == "scheduled":
        return None
    word = status.replace("_", " ")
    if word not in WORDS:
        raise ValueError(f"wave status {status!r} has no place in the shared vocabulary")
    return word


@dataclass(frozen=True)
class WaveRow:
    """The stored state of one participant's wave (a copy of a ``wave_status`` row)."""

    status: str
    opens_at: datetime | None
    closes_at: datetime | None
    started_at: datetime | None
    completed_at: datetime | None


@dataclass(frozen=True)
class WaveState:
    """A participant's status in one wave and when that wave opened (or opens) and closes."""

    status: str | None
    opens_at: datetime | None
    closes_at: datetime | None


def wave_states(study: Study, rows: dict[int, WaveRow], now: datetime, *,
                consented: bool, eligibility: str | None,
                invited_at: datetime | None = None) -> dict[int, WaveState]:
    """Each wave's state for one participant.

    Parameters
    ----------
    study : Study
    rows : dict of int to WaveRow
        The participant's stored wave rows.
    now : datetime
        The current time (naive UTC).
    consented : bool
        Whether the participant consented.
    eligibility : str or None
        ``pending``, ``eligible``, ``screened_out`` or None (no screening).
    invited_at : datetime, optional
        When the wave-1 invitation email went out (personal invitations); a participant who
        was sent one counts as invited to wave 1 before they open the link.

    Returns
    -------
    dict of int to WaveState
        One entry per wave of the study.
    """
    out: dict[int, WaveState] = {}
    prev: WaveState | None = None
    prev_row: WaveRow | None = None
    for wave in study.waves:
        n = wave.number
        row = rows.get(n)
        if row is not None:
            state = _from_row(row, now)
        elif n == 1:
            if (consented and eligibility == "pending") or invited_at is not None:
                opens = invited_at if invited_at is not None else None
                state = WaveState("invited", opens, _closes(opens, wave.window_days))
            else:
                state = WaveState(None, None, None)
        else:
            state = WaveState(None, None, None)
            if prev is not None and prev.status in ("completed", "closed"):
                anchor = (prev_row.completed_at if prev.status == "completed" and prev_row is not None
                          else prev.opens_at)
                if anchor is not None:
                    opens = anchor + timedelta(days=wave.after_days)
                    closes = _closes(opens, wave.window_days)
                    if opens <= now:
                        status = "closed" if closes is not None and now >= closes else "invited"
                        state = WaveState(status, opens, closes)
        out[n] = state
        prev, prev_row = state, row
    return out


def _closes(opens: datetime | None, window_days: int | None) -> datetime | None:
    if opens is None or window_days is None:
        return None
    return opens + timedelta(days=window_days)


def _from_row(row: WaveRow, now: datetime) -> WaveState:
    status = row.status
    if status in ("invited", "started"):
        if row.closes_at is not None and now >= row.closes_at:
            status = "closed"
        elif status == "invited" and row.opens_at is not None and now < row.opens_at:
            status = "scheduled"
    return WaveState(status, row.opens_at, row.closes_at)


def study_states(study: Study, now: datetime, include_deleted: bool = False,
                 test: bool = False) -> pd.DataFrame:
    """Every participant's state per wave, one row per participant and wave.

    Participants who asked for deletion are left out unless ``include_deleted``; only real
    participants are included, or with ``test=True`` only the pilot (test) participants.

    Returns
    -------
    DataFrame
        ``id`` (database id), ``pid``, ``wave``, ``status``, ``opens_at``, ``closes_at``,
        ``started_at``, ``completed_at``.
    """
    q = (db.select(Participant).where(Participant.study_id == study.id,
                                      Participant.test.is_(bool(test)))
         .order_by(Participant.id))
    if not include_deleted:
        q = q.where(Participant.withdrawal != "delete")
    people = db.session.execute(q).scalars().all()
    ids = [p.id for p in people]
    rows: dict[int, dict[int, WaveRow]] = {}
    invited: dict[int, datetime] = {}
    if ids:
        for ws in _chunked(WaveStatus, WaveStatus.participant_id, ids):
            rows.setdefault(ws.participant_id, {})[ws.wave] = WaveRow(
                ws.status, ws.opens_at, ws.closes_at, ws.started_at, ws.completed_at)
        sent = db.session.execute(
            db.select(SentMessage.participant_id, SentMessage.sent_at).where(
                SentMessage.kind == "invitation", SentMessage.wave == 1,
                SentMessage.sent_at.is_not(None),
                SentMessage.participant_id.in_(db.select(Participant.id).where(
                    Participant.study_id == study.id)))).all()
        invited = {pid: at for pid, at in sent}
    records = []
    for p in people:
        mine = rows.get(p.id, {})
        states = wave_states(study, mine, now, consented=p.consented, eligibility=p.eligibility,
                             invited_at=invited.get(p.id))
        for n, st in states.items():
            row = mine.get(n)
            status = vocabulary(st.status, started_at=row.started_at if row else None,
                                closes_at=st.closes_at, withdrawn_at=p.withdrawn_at,
                                consented=p.consented)
            records.append({"id": p.id, "pid": p.pid, "wave": n, "status": status,
                            "opens_at": st.opens_at, "closes_at": st.closes_at,
                            "started_at": row.started_at if row else None,
                            "completed_at": row.completed_at if row else None})
    cols = ["id", "pid", "wave", "status", "opens_at", "closes_at", "started_at", "completed_at"]
    return pd.DataFrame.from_records(records, columns=cols)


def _chunked(model, column, ids: list[int], size: int = 900):
    for start in range(0, len(ids), size):
        chunk = ids[start:start + size]
        yield from db.session.execute(db.select(model).where(column.in_(chunk))).scalars()
