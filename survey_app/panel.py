"""The panel: importing participants from CSV, handling withdrawals, deleting a participant.

Importing is all or nothing: every row is checked first, and one malformed row (reported with
its line number) imports nothing. Deleting removes the participant's answers, answer history,
page timings, wave statuses, withdrawal requests, contact details and sent-message ledger (the
database cascades from the participant row); the audit log keeps that it happened, under the
pseudonymous id, and nothing of the data.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from craftwave.instruments.errors import DataError
from craftwave.instruments.study import is_time_zone
from craftwave.survey_app import clock
from craftwave.survey_app.audit import record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.erasure import scrub_after_deletion
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Contact, Participant, StudyRecord, WithdrawalRequest
from craftwave.survey_app.progress import create_participant
from craftwave.survey_app.studies import get_study

IMPORT_COLUMNS = ("email", "external_id", "language", "timezone")
"""Columns of the import file: ``email`` is required, the others optional (``timezone``: an
IANA zone such as ``Europe/Berlin``; empty: the study's default)."""

_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")
_EXTERNAL = re.compile(r"^[A-Za-z0-9_.:-]{1,128}$")


class ParticipantImportError(DataError):
    """A participant file that cannot be imported; ``problems`` lists ``(line, message)``."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        self.problems = problems
        shown = "\n".join(f"line {n}: {m}" for n, m in problems[:50])
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s); nothing was imported:\n{shown}{more}")




@dataclass
class ImportResult:
    """What an import did: participants created, and rows skipped (already in the study)."""

    created: list[str] = field(default_factory=list)  # pseudonymous ids
    skipped: list[int] = field(default_factory=list)  # line numbers of people already in the study
    linked: list[str] = field(default_factory=list)  # their records (pseudonymous ids)


def import_participants(study_id: str, text: str, actor: str) -> ImportResult:
    """Import participants (personal invitations) from CSV text into a study.

    Parameters
    ----------
    study_id : str
        A loaded study.
    text : str
        CSV with a header line; columns ``email`` (required), ``external_id``,
        ``language`` (optional, one of the study's languages) and ``timezone`` (optional, an
        IANA time zone; empty: the study's default).
    actor : str
        Who imports, for the audit log.

    Returns
    -------
    ImportResult
        A row whose email or external id is already in the study (any source; letter case and
        surrounding spaces ignored) creates nobody: it is linked to that record, which gains
        the row's email or external id if it had none (running an import twice adds nobody).

    Raises
    ------
    ParticipantImportError
        Listing every malformed row by line number (the header is line 1): a missing or
        invalid email, an email or external id given twice, an external id used by another
        participant with another email, an email and an external id of two different
        participants, an unknown language or time zone, a wrong number of fields. Nothing is
        imported.
    DataError
        If the study is not loaded.
    """
    cs = get_study(study_id)
    if cs is None:
        raise DataError(f"no study '{study_id}' is loaded; run `craftwave study load FILE` first")
    languages = cs.study.languages
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ParticipantImportError([(1, "the file is empty (expected a header line with 'email')")]) from None
    except csv.Error as exc:
        raise ParticipantImportError([(1, f"not readable as CSV: {exc}")]) from None
    header = [h.strip().lower() for h in header]
    unknown = [h for h in header if h not in IMPORT_COLUMNS]
    if "email" not in header or unknown or len(set(header)) != len(header):
        msg = ("the header must name the column 'email' and may add 'external_id', 'language' "
               "and 'timezone'")
        if unknown:
            msg += f"; unknown column(s): {', '.join(repr(u) for u in unknown)}"
        raise ParticipantImportError([(1, msg)])
    with write_transaction():
        # One import at a time per study (PostgreSQL: a row lock on the study; SQLite's
        # BEGIN IMMEDIATE already serialises writers): records are read and written
        # in the same transaction, so two concurrent imports cannot both create a person.
        db.session.execute(db.select(StudyRecord.id).where(StudyRecord.id == study_id)
                           .with_for_update())
        return _import_rows(study_id, reader, header, languages, actor)


def _import_rows(study_id: str, reader, header: list[str], languages: list[str],
                 actor: str) -> ImportResult:
    """Check every row against the study's records and write them (inside the caller's
    transaction, which holds the study's lock)."""
    problems: list[tuple[int, str]] = []
    by_email: dict[str, tuple[int, str, str]] = {}
    email_of: dict[int, str] = {}
    for pk, pid, email in db.session.execute(
            db.select(Participant.id, Participant.pid, Contact.email)
            .join(Contact, Contact.participant_id == Participant.id)
            .where(Participant.study_id == study_id)).all():
        by_email.setdefault(normalise(email), (pk, pid, email))
        email_of[pk] = normalise(email)
    by_external: dict[str, tuple[int, str]] = {}
    for pk, pid, ext in db.session.execute(
            db.select(Participant.id, Participant.pid, Participant.external_id).where(
                Participant.study_id == study_id, Participant.external_id.is_not(None))).all():
        by_external.setdefault(normalise(ext), (pk, pid))
    seen_email: dict[str, int] = {}
    seen_external: dict[str, int] = {}
    rows: list[tuple[int, str, str | None, str, str | None]] = []
    links: list[tuple[int, int, str, str | None, str | None]] = []
    skipped: list[int] = []
    line = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append((reader.line_num, f"not readable as CSV: {exc}"))
            break
        line = reader.line_num
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            problems.append((line, f"{len(fields)} field(s), the header has {len(header)}"))
            continue
        row = dict(zip(header, (f.strip() for f in fields), strict=True))
        email = row["email"]
        external = row.get("external_id") or None
        language = row.get("language") or languages[0]
        zone = row.get("timezone") or None
        if not email:
            problems.append((line, "no email"))
            continue
        if not _EMAIL.match(email) or len(email) > 320:
            problems.append((line, f"'{email}' is not an email address"))
            continue
        key = normalise(email)
        if key in seen_email:
            problems.append((line, f"email '{email}' is also on line {seen_email[key]}"))
            continue
        seen_email[key] = line
        if language not in languages:
            problems.append((line, f"language '{language}' is not one of the study's "
                                   f"({', '.join(languages)})"))
            continue
        if zone is not None and not is_time_zone(zone):
            problems.append((line, f"timezone '{zone}' is not an IANA time zone "
                                   "(e.g. Europe/Berlin, America/New_York)"))
            continue
        if external is not None:
            if not _EXTERNAL.match(external):
                problems.append((line, f"external_id '{external}' may hold only letters, digits "
                                       "and _ . : - (at most 128)"))
                continue
            xkey = normalise(external)
            if xkey in seen_external:
                problems.append((line, f"external_id '{external}' is also on line "
                                       f"{seen_external[xkey]}"))
                continue
            seen_external[xkey] = line
        # One person, one record: a row whose email or external id is already in the study
        # (any source, letter case and spaces ignored) is linked to that record.
        by_mail = by_email.get(key)
        by_ext = by_external.get(normalise(external)) if external is not None else None
        if by_mail and by_ext and by_mail[0] != by_ext[0]:
            problems.append((line, f"email '{email}' belongs to participant {by_mail[1]} and "
                                   f"external_id '{external}' to participant {by_ext[1]}"))
            continue
        if by_ext and by_mail is None and by_ext[0] in email_of:
            problems.append((line, f"external_id '{external}' already belongs to participant "
                                   f"{by_ext[1]}, who has another email"))
            continue
        if by_mail or by_ext:
            pk = (by_mail or by_ext)[0]
            pid = (by_mail or by_ext)[1]
            skipped.append(line)
            links.append((line, pk, pid, None if by_mail else email,
                          external if by_ext is None else None))
            continue
        rows.append((line, email, external, language, zone))
    if problems:
        raise ParticipantImportError(problems)
    result = ImportResult(skipped=skipped)
    now = clock.now()
    for _line, email, external, language, zone in rows:
        p = create_participant(study_id, "invitation", external, {}, now, language)
        p.timezone = zone
        db.session.add(Contact(participant_id=p.id, email=email, created_at=now))
        result.created.append(p.pid)
    for _line, pk, pid, new_email, new_external in links:
        if new_email is not None:
            db.session.add(Contact(participant_id=pk, email=new_email, created_at=now))
        if new_external is not None:
            existing = db.session.get(Participant, pk)
            if existing.external_id is None:
                existing.external_id = new_external
        result.linked.append(pid)
    record(actor, "participants_imported", study_id=study_id,
           detail={"created": len(result.created), "skipped": len(skipped),
                   "linked": len(set(result.linked))})
    return result


def normalise(value: str | None) -> str:
    """An email or recruitment id as compared: surrounding white space gone, lower case."""
    return (value or "").strip().lower()


def likely_duplicates(study_id: str) -> list[dict]:
    """Records of a study that are probably one person: the same recruitment id up to letter
    case and white space (any source), or one email on two records.

    Returns
    -------
    list of dict
        ``reason`` and ``pids`` (pseudonymous ids, oldest record first).
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for pid, ext in db.session.execute(
            db.select(Participant.pid, Participant.external_id).where(
                Participant.study_id == study_id, Participant.external_id.is_not(None),
                Participant.withdrawal != "delete").order_by(Participant.id)).all():
        groups.setdefault(("the same recruitment id", normalise(ext)), []).append(pid)
    for pid, email in db.session.execute(
            db.select(Participant.pid, Contact.email)
            .join(Contact, Contact.participant_id == Participant.id)
            .where(Participant.study_id == study_id, Participant.withdrawal != "delete")
            .order_by(Participant.id)).all():
        groups.setdefault(("the same email", normalise(email)), []).append(pid)
    return [{"reason": reason, "pids": pids} for (reason, _), pids in groups.items()
            if len(pids) > 1]


def reset_pilot(study_id: str, actor: str) -> int:
    """Delete every pilot (test) participant of a study with all their data; returns how many."""
    with write_transaction():
        pilots = db.session.execute(db.select(Participant).where(
            Participant.study_id == study_id, Participant.test)).scalars().all()
        for p in pilots:
            db.session.delete(p)
        record(actor, "pilot_reset", study_id=study_id, detail={"deleted": len(pilots)})
    return len(pilots)


def delete_participant(study_id: str, pid: str, actor: str) -> None:
    """Delete every row of one participant; the audit log keeps that it happened.

    Raises
    ------
    DataError
        If the study has no participant ``pid``.
    """
    with write_transaction():
        p = db.session.execute(db.select(Participant).where(
            Participant.study_id == study_id, Participant.pid == pid)).scalar_one_or_none()
        if p is None:
            raise DataError(f"study '{study_id}' has no participant '{pid}'")
        requested = db.session.execute(db.select(db.func.count()).select_from(WithdrawalRequest)
                                       .where(WithdrawalRequest.participant_id == p.id,
                                              WithdrawalRequest.kind.in_(("delete", "delete_request")))
                                       ).scalar_one()
        db.session.delete(p)  # the database cascades to every table that refers to it
        record(actor, "participant_deleted", study_id=study_id, target=pid,
               detail={"on_request": bool(requested)})
    scrub_after_deletion()  # no copy left in SQLite's log or PostgreSQL's dead tuples


def withdrawal_requests(study_id: str, include_handled: bool = False) -> list[dict]:
    """Withdrawal requests of a study, oldest first, for the researcher to act on."""
    q = (db.select(WithdrawalRequest, Participant.pid)
         .join(Participant, Participant.id == WithdrawalRequest.participant_id)
         .where(Participant.study_id == study_id).order_by(WithdrawalRequest.requested_at))
    if not include_handled:
        q = q.where(WithdrawalRequest.handled_at.is_(None))
    return [{"id": r.id, "pid": pid, "kind": r.kind, "requested_at": r.requested_at,
             "handled_at": r.handled_at, "handled_by": r.handled_by}
            for r, pid in db.session.execute(q).all()]


def mark_withdrawal_handled(study_id: str, request_id: int, actor: str) -> None:
    """Mark a stop-contact request handled (a deletion request is handled by deleting)."""
    with write_transaction():
        row = db.session.execute(
            db.select(WithdrawalRequest, Participant.pid)
            .join(Participant, Participant.id == WithdrawalRequest.participant_id)
            .where(WithdrawalRequest.id == request_id, Participant.study_id == study_id)).first()
        if row is None:
            raise DataError(f"study '{study_id}' has no withdrawal request {request_id}")
        req, pid = row
        req.handled_at = clock.now()
        req.handled_by = actor[:120]
        record(actor, "withdrawal_handled", study_id=study_id, target=pid,
               detail={"kind": req.kind})
