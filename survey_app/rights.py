"""Rights per study, after REDCap's user rights: who may see, manage and identify in a study.

* Instance owners (``Researcher.role == "owner"``) see and manage every study and may export
  identifiers; they administer accounts and the audit log.
* Every other researcher sees only the studies they are a member of
  (:class:`~craftwave.survey_app.models.researcher.StudyMember`); anything of another study
  answers 404, as if it did not exist.
* A member's role in the study: ``owner`` manages it (imports, actions on participants,
  deletion, pilot reset), ``analyst`` reads dashboards and exports.
* ``identifiers`` is a right of its own: exporting recruitment ids (``participants.csv`` with
  ids, due lists with ids). Study owners get it when added; analysts only when granted.

The views and the command line call the same functions; every change is audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from craftwave.instruments.errors import CraftwaveError
from craftwave.survey_app import clock
from craftwave.survey_app.audit import record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import StudyRecord
from craftwave.survey_app.models.researcher import ROLES, Researcher, StudyMember

RIGHTS = ("identifiers",)
"""Rights that are granted one by one, beyond a member's role."""


class RightsError(CraftwaveError):
    """A membership or right cannot be changed as asked."""


@dataclass(frozen=True)
class Access:
    """What one researcher may do in one study."""

    view: bool
    manage: bool
    identifiers: bool


NO_ACCESS = Access(False, False, False)


def access(user: Researcher | None, study_id: str) -> Access:
    """The researcher's rights in ``study_id`` (none for an anonymous or inactive user)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return NO_ACCESS
    if getattr(user, "is_owner", False):
        return Access(True, True, True)
    m = db.session.get(StudyMember, (study_id, user.id))
    if m is None:
        return NO_ACCESS
    return Access(True, m.role == "owner", bool(m.identifiers))


def visible_studies(user: Researcher) -> set[str] | None:
    """The ids of the studies ``user`` may see; ``None`` means every study (instance owners)."""
    if getattr(user, "is_owner", False):
        return None
    return set(db.session.execute(db.select(StudyMember.study_id)
                                  .where(StudyMember.researcher_id == user.id)).scalars())


def _resolve(study_id: str, email: str) -> Researcher:
    if db.session.get(StudyRecord, study_id) is None:
        raise RightsError(f"no study '{study_id}' is loaded")
    user = db.session.execute(db.select(Researcher).where(
        Researcher.email == (email or "").strip().lower())).scalar_one_or_none()
    if user is None:
        raise RightsError(f"no researcher account '{email}'")
    return user


def add_member(study_id: str, email: str, role: str, actor: str,
               identifiers: bool | None = None) -> StudyMember:
    """Make a researcher a member of a study (or change their role there).

    ``identifiers`` defaults to on for study owners and off for analysts.
    """
    if role not in ROLES:
        raise RightsError(f"role must be one of {', '.join(ROLES)}, not '{role}'")
    with write_transaction():
        user = _resolve(study_id, email)
        m = db.session.get(StudyMember, (study_id, user.id))
        if m is None:
            m = StudyMember(study_id=study_id, researcher_id=user.id, created_at=clock.now())
            db.session.add(m)
        m.role = role
        m.identifiers = (role == "owner") if identifiers is None else bool(identifiers)
        record(actor, "member_added", study_id=study_id,
               detail={"email": user.email, "role": role, "identifiers": m.identifiers})
    return m


def remove_member(study_id: str, email: str, actor: str) -> None:
    """End a researcher's membership of a study."""
    with write_transaction():
        user = _resolve(study_id, email)
        m = db.session.get(StudyMember, (study_id, user.id))
        if m is None:
            raise RightsError(f"{user.email} is not a member of '{study_id}'")
        db.session.delete(m)
        record(actor, "member_removed", study_id=study_id, detail={"email": user.email})


def set_right(study_id: str, email: str, right: str, on: bool, actor: str) -> StudyMember:
    """Grant (``on``) or revoke a right of a member of a study."""
    if right not in RIGHTS:
        raise RightsError(f"unknown right '{right}' (rights: {', '.join(RIGHTS)})")
    with write_transaction():
        user = _resolve(study_id, email)
        m = db.session.get(StudyMember, (study_id, user.id))
        if m is None:
            raise RightsError(f"{user.email} is not a member of '{study_id}'; add them first")
        setattr(m, right, bool(on))
        record(actor, "right_changed", study_id=study_id,
               detail={"email": user.email, "right": right, "granted": bool(on)})
    return m


def members(study_id: str) -> list[dict]:
    """The members of a study: email, role, identifiers."""
    rows = db.session.execute(
        db.select(Researcher.email, StudyMember.role, StudyMember.identifiers)
        .join(StudyMember, StudyMember.researcher_id == Researcher.id)
        .where(StudyMember.study_id == study_id).order_by(Researcher.email)).all()
    return [{"email": e, "role": r, "identifiers": bool(i)} for e, r, i in rows]


__all__ = ["Access", "RIGHTS", "RightsError", "access", "add_member", "members",
           "remove_member", "set_right", "visible_studies"]
