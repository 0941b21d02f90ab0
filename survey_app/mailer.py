"""Invitations and reminders by email over SMTP, safe to run from cron.

Each message is first *claimed* in the sent-message ledger (a row unique per participant,
kind and wave, committed before anything is sent), then sent, then marked sent. Two runs, or
two overlapping runs, can therefore never send the same message twice: the second claim
violates the unique constraint and is skipped. If the SMTP server refuses a message the claim
is removed, so the next run tries again; if the process dies between the claim and the send,
that message is not sent at all (at most once, never twice).

Who gets what:

* an **invitation** to the wave that is open for them now (wave 1 for an imported participant
  who has not yet answered; a later wave once it is due), once per wave;
* a **reminder** ``r`` (``reminder_1``, ``reminder_2``, ...) when the ``r``-th entry of the
  study's ``reminders.days_after_open`` has passed since the wave opened (or since the
  invitation went out, if that was later), at most ``reminders.max_count``, only to
  participants who were invited to that wave by email and have not completed it, and only
  the latest one due (a run after a long pause sends one reminder, not two);
* nothing to participants who withdrew (either kind), were screened out, or have no email.

Settings (``app.config``, or the environment when unset):

====================  ==========================  =====================================
config                environment                 meaning
====================  ==========================  =====================================
``MAIL_HOST``         ``CRAFTWAVE_SMTP_HOST``     SMTP server (default ``localhost``)
``MAIL_PORT``         ``CRAFTWAVE_SMTP_PORT``     port (default 587, or 25 with ``none``)
``MAIL_SECURITY``     ``CRAFTWAVE_SMTP_SECURITY`` ``starttls`` (default), ``ssl`` or ``none``
``MAIL_USERNAME``     ``CRAFTWAVE_SMTP_USER``     login (optional)
``MAIL_PASSWORD``     ``CRAFTWAVE_SMTP_PASSWORD`` password (optional)
``MAIL_FROM``         ``CRAFTWAVE_MAIL_FROM``     sender address (required)
``PUBLIC_BASE_URL``   ``CRAFTWAVE_BASE_URL``      the app's public address, for links
====================  ==========================  =====================================

Templates are the study file's ``email_templates``: ``invitation`` and ``reminder`` (a
wave-specific ``invitation_w2`` or ``reminder_w2`` wins when present). Their subject and body
may use ``{link}``, ``{opens_on}``, ``{closes_on}``, ``{wave}`` and ``{study_title}``.
"""

from __future__ import annotations

import os
import smtplib
import ssl
import string
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from babel import UnknownLocaleError
from babel.dates import format_date
from flask import current_app
from flask_babel import force_locale, gettext
from sqlalchemy.exc import IntegrityError

from craftwave.instruments.errors import StudyError
from craftwave.instruments.study import Study
from craftwave.survey_app import clock
from craftwave.survey_app.audit import record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.fieldwork import WaveRow, wave_states
from craftwave.survey_app.models import Contact, Participant, WaveStatus
from craftwave.survey_app.models.researcher import SentMessage
from craftwave.survey_app.progress import current_wave
from craftwave.survey_app.studies import get_study

FIELDS = ("link", "opens_on", "closes_on", "wave", "study_title", "minutes")


class MailError(StudyError):
    """Email cannot be sent as configured (no sender, bad template, server unreachable)."""


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int
    security: str
    username: str | None
    password: str | None
    sender: str
    base_url: str
    timeout: float = 30.0


def mail_settings() -> MailSettings:
    """The SMTP settings from the app's configuration, then the environment."""
    cfg, env = current_app.config, os.environ

    def get(key: str, var: str, default=None):
        value = cfg.get(key)
        return value if value not in (None, "") else env.get(var, default)

    security = str(get("MAIL_SECURITY", "CRAFTWAVE_SMTP_SECURITY", "starttls")).lower()
    if security not in ("starttls", "ssl", "none"):
        raise MailError(f"MAIL_SECURITY must be starttls, ssl or none, not '{security}'")
    default_port = {"starttls": 587, "ssl": 465, "none": 25}[security]
    sender = get("MAIL_FROM", "CRAFTWAVE_MAIL_FROM")
    if not sender:
        raise MailError("no sender address: set MAIL_FROM in the instance config or "
                        "CRAFTWAVE_MAIL_FROM in the environment")
    return MailSettings(
        host=str(get("MAIL_HOST", "CRAFTWAVE_SMTP_HOST", "localhost")),
        port=int(get("MAIL_PORT", "CRAFTWAVE_SMTP_PORT", default_port)),
        security=security, username=get("MAIL_USERNAME", "CRAFTWAVE_SMTP_USER"),
        password=get("MAIL_PASSWORD", "CRAFTWAVE_SMTP_PASSWORD"), sender=str(sender),
        base_url=str(get("PUBLIC_BASE_URL", "CRAFTWAVE_BASE_URL", "http://127.0.0.1:8000")).rstrip("/"),
        timeout=float(cfg.get("MAIL_TIMEOUT", 30.0)))


@dataclass
class MailRun:
    """What one run did: pseudonymous ids sent to, skipped as already sent, failed."""

    kind: str
    sent: list[tuple[str, int]] = field(default_factory=list)
    already: int = 0
    failed: list[tuple[str, int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Due:
    participant_id: int
    pid: str
    email: str
    language: str
    token: str
    kind: str
    wave: int
    opens_at: datetime | None
    closes_at: datetime | None


def send_invitations(study_id: str, actor: str, wave: int | None = None) -> MailRun:
    """Invite every participant with an email to the wave open for them now (once each).

    Parameters
    ----------
    study_id : str
    actor : str
        Who runs it, for the audit log.
    wave : int, optional
        Only invitations to this wave.
    """
    cs = _study(study_id)
    _template(cs.study, "invitation", wave or 1)  # fail early on a missing template
    now = clock.now()
    due = [d for d in _candidates(cs.study, now, create=True)
           if wave is None or d.wave == wave]
    due = [d for d in due if not _has(d.participant_id, "invitation", d.wave)]
    return _deliver(cs.study, [_replace_kind(d, "invitation") for d in due], "invitation", actor,
                    "invitations_sent")


def send_reminders(study_id: str, actor: str) -> MailRun:
    """Remind participants invited by email who have not completed their open wave."""
    cs = _study(study_id)
    study = cs.study
    rules = study.reminders
    now = clock.now()
    todo = []
    days = list(rules.days_after_open)[: rules.max_count]
    for d in _candidates(study, now, create=True):
        invited_at = _sent_at(d.participant_id, "invitation", d.wave)
        if invited_at is None:
            continue  # never invited by email: nothing to remind of
        base = max(t for t in (d.opens_at, invited_at) if t is not None)
        reached = [i for i, n in enumerate(days) if now >= base + timedelta(days=n)]
        if not reached:
            continue
        kind = f"reminder_{max(reached) + 1}"
        if _has(d.participant_id, kind, d.wave):
            continue
        todo.append(_replace_kind(d, kind))
    if todo:
        _template(study, "reminder", todo[0].wave)
    return _deliver(study, todo, "reminder", actor, "reminders_sent")


def _study(study_id: str):
    cs = get_study(study_id)
    if cs is None:
        raise MailError(f"no study '{study_id}' is loaded; run `craftwave study load FILE` first")
    return cs


def _replace_kind(d: _Due, kind: str) -> _Due:
    return _Due(d.participant_id, d.pid, d.email, d.language, d.token, kind, d.wave,
                d.opens_at, d.closes_at)


def _candidates(study: Study, now: datetime, create: bool) -> list[_Due]:
    """Participants with an email, not withdrawn, whose current wave is open and not completed."""
    people = db.session.execute(
        db.select(Participant, Contact.email).join(Contact, Contact.participant_id == Participant.id)
        .where(Participant.study_id == study.id, Participant.withdrawal == "none")
        .order_by(Participant.id)).all()
    out = []
    for p, email in people:
        if p.eligibility == "screened_out":
            continue
        if create and p.consented and p.eligibility != "pending":
            # Open a due wave the way the participant's own visit would (same schedule).
            with write_transaction():
                current_wave(p, study, now, create=True)
        rows = {ws.wave: WaveRow(ws.status, ws.opens_at, ws.closes_at, ws.started_at, ws.completed_at)
                for ws in db.session.execute(
                    db.select(WaveStatus).where(WaveStatus.participant_id == p.id)).scalars()}
        states = wave_states(study, rows, now, consented=p.consented, eligibility=p.eligibility,
                             invited_at=_sent_at(p.id, "invitation", 1))
        open_waves = [n for n, st in states.items() if st.status in ("invited", "started")]
        if not open_waves:
            if not rows and not p.consented:
                # Imported, not yet invited: wave 1 opens with the invitation.
                w1 = study.waves_by_number[1]
                closes = now + timedelta(days=w1.window_days) if w1.window_days else None
                out.append(_Due(p.id, p.pid, email, p.language, p.token, "", 1, None, closes))
            continue
        n = max(open_waves)
        st = states[n]
        out.append(_Due(p.id, p.pid, email, p.language, p.token, "", n, st.opens_at, st.closes_at))
    return out


def _has(participant_id: int, kind: str, wave: int) -> bool:
    return db.session.execute(db.select(SentMessage.id).where(
        SentMessage.participant_id == participant_id, SentMessage.kind == kind,
        SentMessage.wave == wave)).first() is not None


def _sent_at(participant_id: int, kind: str, wave: int) -> datetime | None:
    return db.session.execute(db.select(SentMessage.sent_at).where(
        SentMessage.participant_id == participant_id, SentMessage.kind == kind,
        SentMessage.wave == wave, SentMessage.sent_at.is_not(None))).scalar_one_or_none()


def _template(study: Study, kind: str, wave: int):
    tpl = study.email_templates.get(f"{kind}_w{wave}") or study.email_templates.get(kind)
    if tpl is None:
        raise MailError(f"study '{study.id}' has no email template '{kind}' (add it under "
                        "email_templates in the study file)")
    for lang, text in [*tpl.subject.items(), *tpl.body.items()]:
        for _lit, name, _spec, _conv in string.Formatter().parse(text):
            if name is not None and name not in FIELDS:
                raise MailError(f"study '{study.id}': email template '{kind}' ({lang}) uses "
                                f"{{{name}}}; the fields are {', '.join(FIELDS)}")
    return tpl


def _date(value: datetime | None, default: str, lang: str = "en") -> str:
    """A date in the participant's language ("05 April 2026", "05 März 2026")."""
    if value is None:
        return default
    try:
        return format_date(value, "dd MMMM y", locale=lang)
    except (ValueError, UnknownLocaleError):
        return value.strftime("%d %B %Y")


def compose(study: Study, due: _Due, settings: MailSettings) -> EmailMessage:
    """The email for one participant (personal link, dates filled in)."""
    tpl = _template(study, "invitation" if due.kind == "invitation" else "reminder", due.wave)
    lang = due.language if due.language in tpl.body else study.languages[0]
    with force_locale(lang):
        open_ended = gettext("no fixed closing date")
    values = {"link": f"{settings.base_url}/s/{due.token}",
              "opens_on": _date(due.opens_at or clock.now(), "", lang),
              "closes_on": _date(due.closes_at, open_ended, lang),
              "wave": str(due.wave),
              "study_title": study.title.get(lang) or next(iter(study.title.values())),
              "minutes": str(study.time_estimate_minutes or "")}
    msg = EmailMessage()
    msg["From"] = settings.sender
    msg["To"] = due.email
    msg["Subject"] = (tpl.subject.get(lang) or next(iter(tpl.subject.values()))).format(**values)
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=settings.sender.rsplit("@", 1)[-1])
    msg["X-Craftwave-Message"] = f"{study.id} {due.kind} w{due.wave}"
    msg.set_content((tpl.body.get(lang) or next(iter(tpl.body.values()))).format(**values))
    return msg


def _connect(s: MailSettings) -> smtplib.SMTP:
    try:
        if s.security == "ssl":
            conn: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout,
                                                  context=ssl.create_default_context())
        else:
            conn = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            if s.security == "starttls":
                conn.starttls(context=ssl.create_default_context())
        if s.username:
            conn.login(s.username, s.password or "")
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"cannot use the SMTP server {s.host}:{s.port} ({s.security}): {exc}") from exc
    return conn


def _deliver(study: Study, due: list[_Due], kind: str, actor: str, action: str) -> MailRun:
    run = MailRun(kind)
    if not due:
        return run
    settings = mail_settings()
    conn = _connect(settings)
    try:
        for d in due:
            try:
                with write_transaction():
                    db.session.add(SentMessage(participant_id=d.participant_id, kind=d.kind,
                                               wave=d.wave, claimed_at=clock.now()))
            except IntegrityError:
                run.already += 1  # another run claimed it first
                continue
            try:
                conn.send_message(compose(study, d, settings))
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError,
                    smtplib.SMTPSenderRefused) as exc:
                _release(d)
                run.failed.append((d.pid, d.wave, str(exc)[:200]))
                continue
            except (OSError, smtplib.SMTPException):
                _release(d)
                raise
            with write_transaction():
                db.session.execute(db.update(SentMessage).where(
                    SentMessage.participant_id == d.participant_id, SentMessage.kind == d.kind,
                    SentMessage.wave == d.wave).values(sent_at=clock.now()))
            run.sent.append((d.pid, d.wave))
    finally:
        try:
            conn.quit()
        except (OSError, smtplib.SMTPException):
            conn.close()
        if run.sent or run.failed:
            with write_transaction():
                record(actor, action, study_id=study.id,
                       detail={"sent": len(run.sent), "failed": len(run.failed),
                               "waves": sorted({w for _, w in run.sent})})
    return run


def _release(d: _Due) -> None:
    with write_transaction():
        db.session.execute(db.delete(SentMessage).where(
            SentMessage.participant_id == d.participant_id, SentMessage.kind == d.kind,
            SentMessage.wave == d.wave))
