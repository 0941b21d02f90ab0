"""The audit log: who did what when, for logins, exports, study changes, invitations,
withdrawals and deletions.

Entries are added to the current session and committed with the change they record (a
deletion and its entry are one transaction). Participants' withdrawals are recorded by a
listener on :class:`~craftwave.survey_app.models.WithdrawalRequest`, and study loads and changes by a
listener on :class:`~craftwave.survey_app.models.StudyRecord`, so the participant side (and ``craftwave
study load``) need no call of their own.
"""

from __future__ import annotations

import getpass
from collections.abc import Mapping

from sqlalchemy import event

from craftwave.survey_app import clock
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant, StudyRecord, WithdrawalRequest
from craftwave.survey_app.models.researcher import AuditEntry

ACTIONS = (
    "login", "login_failed", "lockout", "login_delay", "logout", "researcher_added", "study_loaded",
    "participants_imported", "invitations_sent", "reminders_sent", "export", "due_list", "report",
    "withdrawal",
    "withdrawal_handled", "participant_deleted", "link_reissued",
    "password_changed", "researcher_deactivated", "researcher_activated", "role_changed",
    "messages_sent", "messages_requeued", "bounces_read",
    "member_added", "member_removed", "right_changed", "contact_stopped", "link_resent",
    "wave_reopened", "note_added", "study_change", "pilot_reset", "retention_applied",
    "study_closed", "participant_copy", "db_backup", "db_restore",
    "payment_batch",
    "totp_enabled", "totp_reset", "recovery_code_used",
)
"""The actions the log records."""


def cli_actor() -> str:
    """The actor of a command-line action: ``cli:<operating-system user>``."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        user = "unknown"
    return f"cli:{user}"


def record(actor: str, action: str, study_id: str | None = None, target: str | None = None,
           detail: Mapping | None = None) -> AuditEntry:
    """Add an audit entry to the session; the caller's commit stores it with its change.

    Parameters
    ----------
    actor : str
        A researcher's email, ``cli:<user>`` (:func:`cli_actor`) or ``participant``.
    action : str
        One of :data:`ACTIONS`.
    study_id, target : str, optional
        The study, and the pseudonymous participant id, the action concerns.
    detail : mapping, optional
        Counts and options (JSON); never answers or contact details.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    entry = AuditEntry(at=clock.now(), actor=actor[:320], action=action, study_id=study_id,
                       target=target, detail=dict(detail or {}))
    db.session.add(entry)
    return entry


@event.listens_for(WithdrawalRequest, "after_insert")
def _withdrawal_recorded(_mapper, connection, target: WithdrawalRequest) -> None:
    row = connection.execute(
        db.select(Participant.pid, Participant.study_id)
        .where(Participant.id == target.participant_id)).first()
    if row is None:
        return
    connection.execute(AuditEntry.__table__.insert().values(
        at=target.requested_at, actor="participant", action="withdrawal", study_id=row.study_id,
        target=row.pid, detail={"kind": target.kind}))


def _study_loaded(connection, target, created: bool) -> None:
    connection.execute(AuditEntry.__table__.insert().values(
        at=target.loaded_at, actor=cli_actor(), action="study_loaded", study_id=target.id,
        target=None, detail={"created": created, "content_hash": target.content_hash}))


@event.listens_for(StudyRecord, "after_insert")
def _study_created(_mapper, connection, target: StudyRecord) -> None:
    _study_loaded(connection, target, True)


@event.listens_for(StudyRecord, "after_update")
def _study_updated(_mapper, connection, target: StudyRecord) -> None:
    _study_loaded(connection, target, False)
