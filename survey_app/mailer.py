"""Invitations and reminders by email: what is due, the message, and one sending run.

A run first *plans*: every message now due is queued in the outbox (:mod:`.outbox`) for the
earliest moment inside the study's ``sending_hours`` in the participant's local time. It then
*delivers*: it claims due rows one at a time (row locks, so overlapping runs and workers never
send one message twice), hands each to the SMTP server (:mod:`.smtp_send`) and records the
outcome. A refused recipient is data (``failed`` or ``deferred``), not an error of the run.

Who gets what:

* an **invitation** to the wave that is open for them now (wave 1 for an imported participant
  who has not yet answered; a later wave once it is due), once per wave; the personal link
  (below) stands for the invitation to wave 1, reminders included;
* a **reminder** ``r`` (``reminder_1``, ``reminder_2``, ...) when the ``r``-th entry of the
  study's ``reminders.days_after_open`` has passed since the wave opened (or since the
  invitation went out, if that was later), at most ``reminders.max_count``, only to
  participants who were sent the invitation to that wave and have not completed it, and only
  the latest one due (a run after a long pause sends one reminder, not two);
* nothing to participants who withdrew (either kind), were screened out, or have no email. A
  message queued for someone who withdraws, or completes the wave, before it goes is dropped.

A public participant who gives their email on their first page is sent their **personal
link** at once (kind ``personal_link``, once per participant): queued by the page for the next
worker pass, in their language and with their local dates, outside the sending hours too (they
asked for it just now). The study's ``email_templates.personal_link`` words it when present,
else the app's own text (translated like the pages).

Templates are the study file's ``email_templates``: ``invitation`` and ``reminder`` (a
wave-specific ``invitation_w2`` or ``reminder_w2`` wins when present). Their subject and body
may use ``{link}``, ``{opens_on}``, ``{closes_on}``, ``{wave}``, ``{study_title}`` and
``{unsubscribe}``. Dates are the participant's local dates, with the zone named.
"""

from __future__ import annotations

import os
import socket
import string
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from babel import UnknownLocaleError
from babel.dates import format_date
from flask_babel import force_locale, gettext
from sqlalchemy.exc import IntegrityError

from craftwave.instruments.study import Study
from craftwave.survey_app import clock, outbox, sending_hours
from craftwave.survey_app.audit import record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.fieldwork import WaveRow, wave_states
from craftwave.survey_app.links import token_for
from craftwave.survey_app.models import Contact, Participant, WaveStatus
from craftwave.survey_app.models.researcher import SentMessage
from craftwave.survey_app.progress import current_wave
from craftwave.survey_app.smtp_send import (
    MailError,
    MailSettings,
    Outcome,
    Unreachable,
    close,
    connect,
    mail_settings,
    send,
    verp_address,
)
from craftwave.survey_app.studies import get_study
from craftwave.survey_app.study_changes import TEMPLATE_FIELDS
from craftwave.survey_app.unsubscribe import unsubscribe_url

__all__ = ["FIELDS", "LINK_KIND", "MailError", "MailRun", "compose", "deliver",
           "plan_invitations", "plan", "plan_reminders", "queue_personal_link",
           "send_invitations", "send_reminders"]

FIELDS = TEMPLATE_FIELDS  # one list, also checked when the study is loaded
REMINDER_KINDS = tuple(f"reminder_{i}" for i in range(1, 6))
LINK_KIND = "personal_link"
"""The message with a public participant's personal link, sent when they give their email."""


def queue_personal_link(participant_id: int, now: datetime) -> bool:
    """Queue the participant's personal link for the next worker pass, due now; once only
    (the outbox's key: a second email given, a reload, a resubmitted page queue nothing)."""
    return outbox.enqueue(participant_id, LINK_KIND, 1, now, now)


@dataclass
class MailRun:
    """What one run did. ``sent``/``deferred``/``failed``/``unknown`` hold (pid, wave[, error]);
    ``queued`` counts messages planned now, ``waiting`` those due later (sending hours,
    backoff); ``dropped`` those no longer due (withdrawn, completed); ``resent`` the
    ``unknown`` messages sent again."""

    kind: str
    sent: list[tuple[str, int]] = field(default_factory=list)
    deferred: list[tuple[str, int, str]] = field(default_factory=list)
    failed: list[tuple[str, int, str]] = field(default_factory=list)
    unknown: int = 0
    queued: int = 0
    waiting: int = 0
    dropped: int = 0
    resent: int = 0


def _study(study_id: str) -> Study:
    cs = get_study(study_id)
    if cs is None:
        raise MailError(f"no study '{study_id}' is loaded; run `craftwave study load FILE` first")
    return cs.study


# -- planning -------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Due:
    participant_id: int
    timezone: str | None
    wave: int
    opens_at: datetime | None
    closes_at: datetime | None


class _Ledger:
    """The study's outbox keys and send times, read in one query for a whole planning pass."""

    def __init__(self, study_id: str) -> None:
        rows = db.session.execute(
            db.select(SentMessage.participant_id, SentMessage.kind, SentMessage.wave,
                      SentMessage.sent_at)
            .join(Participant, Participant.id == SentMessage.participant_id)
            .where(Participant.study_id == study_id)).all()
        self.keys = {(pk, kind, wave) for pk, kind, wave, _at in rows}
        self.sent = {(pk, kind, wave): at for pk, kind, wave, at in rows if at is not None}


def _candidates(study: Study, now: datetime, ledger: _Ledger | None = None) -> list[_Due]:
    """Participants with an email, not withdrawn, whose current wave is open and not completed."""
    ledger = ledger or _Ledger(study.id)
    people = db.session.execute(
        db.select(Participant).join(Contact, Contact.participant_id == Participant.id)
        .where(Participant.study_id == study.id, Participant.withdrawal == "none")
        .order_by(Participant.id)).scalars().all()
    rows: dict[int, dict[int, WaveRow]] = {}
    for ws in db.session.execute(
            db.select(WaveStatus).join(Participant, Participant.id == WaveStatus.participant_id)
            .where(Participant.study_id == study.id)).scalars():
        rows.setdefault(ws.participant_id, {})[ws.wave] = _row(ws)
    out = []
    for p in people:
        state = _open_wave(p, study, now, create=True, rows=rows.get(p.id, {}),
                           invited_at=ledger.sent.get((p.id, "invitation", 1)))
        if state is not None:
            out.append(state)
    return out


_UNREAD = object()


def _open_wave(p: Participant, study: Study, now: datetime, create: bool,
               rows: dict[int, WaveRow] | None = None, invited_at=_UNREAD) -> _Due | None:
    if p.eligibility == "screened_out" or p.withdrawal != "none":
        return None
    if invited_at is _UNREAD:
        invited_at = _sent_at(p.id, "invitation", 1)
    if rows is None:
        rows = _rows(p.id)
    states = wave_states(study, rows, now, consented=p.consented, eligibility=p.eligibility,
                         invited_at=invited_at)
    derived = [n for n, st in states.items() if st.status is not None and n not in rows]
    if create and derived and p.consented and p.eligibility != "pending":
        # A wave is due with no row yet: open it the way the participant's own visit would
        # (same schedule), so its dates are stored once.
        try:
            with write_transaction():
                current_wave(p, study, now, create=True)
        except IntegrityError:
            pass  # another process opened it at the same moment
        rows = _rows(p.id)
        states = wave_states(study, rows, now, consented=p.consented,
                             eligibility=p.eligibility, invited_at=invited_at)
    open_waves = [n for n, st in states.items() if st.status in ("invited", "started")]
    if not open_waves:
        if not rows and not p.consented:
            # Imported, not yet invited: wave 1 opens with the invitation.
            w1 = study.waves_by_number[1]
            closes = now + timedelta(days=w1.window_days) if w1.window_days else None
            return _Due(p.id, p.timezone, 1, None, closes)
        return None
    n = max(open_waves)
    st = states[n]
    return _Due(p.id, p.timezone, n, st.opens_at, st.closes_at)


def _row(ws: WaveStatus) -> WaveRow:
    return WaveRow(ws.status, ws.opens_at, ws.closes_at, ws.started_at, ws.completed_at)


def _rows(participant_id: int) -> dict[int, WaveRow]:
    return {ws.wave: _row(ws) for ws in db.session.execute(
                db.select(WaveStatus).where(WaveStatus.participant_id == participant_id)).scalars()}


def _sent_at(participant_id: int, kind: str, wave: int) -> datetime | None:
    return db.session.execute(db.select(SentMessage.sent_at).where(
        SentMessage.participant_id == participant_id, SentMessage.kind == kind,
        SentMessage.wave == wave, SentMessage.sent_at.is_not(None))).scalar_one_or_none()


def _queue(study: Study, d: _Due, kind: str, now: datetime) -> bool:
    zone = sending_hours.zone_of(d.timezone, study)
    return outbox.enqueue(d.participant_id, kind, d.wave, now,
                          sending_hours.next_opening(now, zone, study))


def plan_invitations(study: Study, now: datetime, wave: int | None = None,
                     due: list[_Due] | None = None, ledger: _Ledger | None = None) -> int:
    """Queue the invitation of everyone whose wave is open and who has none; returns how many."""
    ledger = ledger or _Ledger(study.id)
    n = 0
    for d in _candidates(study, now, ledger) if due is None else due:
        if (wave is None or d.wave == wave) and (d.participant_id, "invitation", d.wave) not in ledger.keys \
                and not (d.wave == 1 and (d.participant_id, LINK_KIND, 1) in ledger.keys):
            n += _queue(study, d, "invitation", now)  # (their personal link invited them to wave 1)
    return n


def plan_reminders(study: Study, now: datetime, due: list[_Due] | None = None,
                   ledger: _Ledger | None = None) -> int:
    """Queue the latest reminder due to each participant who was sent the invitation."""
    rules = study.reminders
    days = list(rules.days_after_open)[: rules.max_count]
    if not days:
        return 0
    ledger = ledger or _Ledger(study.id)
    n = 0
    for d in _candidates(study, now, ledger) if due is None else due:
        invited_at = ledger.sent.get((d.participant_id, "invitation", d.wave))
        if invited_at is None and d.wave == 1:  # a public participant's personal link
            invited_at = ledger.sent.get((d.participant_id, LINK_KIND, 1))
        if invited_at is None:
            continue  # never sent the invitation: nothing to remind of
        base = max(t for t in (d.opens_at, invited_at) if t is not None)
        reached = [i for i, k in enumerate(days) if now >= base + timedelta(days=k)]
        if not reached:
            continue
        kind = f"reminder_{max(reached) + 1}"
        if (d.participant_id, kind, d.wave) not in ledger.keys:
            n += _queue(study, d, kind, now)
    return n


def plan(study: Study, now: datetime) -> int:
    """Queue every invitation and reminder due now (what the worker does each pass).

    The study's wave rows and outbox are read once for the pass; a write happens only where a
    wave opens or a message is queued.
    """
    templates = study.email_templates
    ledger = _Ledger(study.id)
    due = _candidates(study, now, ledger)
    n = 0
    if any(k == "invitation" or k.startswith("invitation_w") for k in templates):
        n += plan_invitations(study, now, due=due, ledger=ledger)
    if any(k == "reminder" or k.startswith("reminder_w") for k in templates):
        n += plan_reminders(study, now, due=due, ledger=ledger)
    return n


# -- the message ----------------------------------------------------------------------------
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


def _date(value: datetime | None, zone, default: str, lang: str = "en") -> str:
    """A local date in the participant's language, with the zone named
    ("05 April 2026 (Europe/Berlin)", "05 März 2026 (Europe/Berlin)")."""
    if value is None:
        return default
    when = sending_hours.local(value, zone)
    try:
        text = format_date(when, "dd MMMM y", locale=lang)
    except (ValueError, UnknownLocaleError):
        text = when.strftime("%d %B %Y")
    return f"{text} ({zone.key})"


def compose(study: Study, p: Participant, email: str, kind: str, wave: int,
            opens_at: datetime | None, closes_at: datetime | None, settings: MailSettings,
            now: datetime) -> EmailMessage:
    """The email for one participant: personal link, local dates in their language,
    unsubscribe headers."""
    own = kind == LINK_KIND and LINK_KIND not in study.email_templates
    tpl = None if own else _template(
        study, {"invitation": "invitation", LINK_KIND: LINK_KIND}.get(kind, "reminder"), wave)
    lang = p.language if p.language in (study.languages if own else tpl.body) else study.languages[0]
    zone = sending_hours.zone_of(p.timezone, study)
    unsubscribe = unsubscribe_url(settings.base_url, p)
    with force_locale(lang):
        open_ended = gettext("no fixed closing date")
        footer = gettext("No more emails from this study:")
        if own:
            tpl = _own_link_template(closes_at is not None)
    values = {"link": f"{settings.base_url}/s/{token_for(p)}",
              "opens_on": _date(opens_at or now, zone, "", lang),
              "closes_on": _date(closes_at, zone, open_ended, lang),
              "wave": str(wave),
              "study_title": study.title.get(lang) or next(iter(study.title.values())),
              "unsubscribe": unsubscribe,
              "minutes": str(study.time_estimate_minutes or "")}
    msg = EmailMessage()
    msg["From"] = settings.sender
    msg["To"] = email
    msg["Subject"] = (tpl.subject.get(lang) or next(iter(tpl.subject.values()))).format(**values)
    msg["Date"] = format_datetime(sending_hours.local(now, zone))
    msg["Message-ID"] = make_msgid(domain=settings.sender.rsplit("@", 1)[-1])
    msg["X-Craftwave-Message"] = f"{study.id} {kind} w{wave}"
    msg["List-Unsubscribe"] = f"<{unsubscribe}>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    body = (tpl.body.get(lang) or next(iter(tpl.body.values()))).format(**values)
    if "{unsubscribe}" not in "".join(tpl.body.values()):
        body = body.rstrip("\n") + f"\n\n-- \n{footer} {unsubscribe}\n"
    msg.set_content(body)
    return msg


@dataclass(frozen=True)
class _OwnTemplate:
    subject: dict[str, str]
    body: dict[str, str]


def _own_link_template(closes: bool) -> _OwnTemplate:
    """The app's own personal-link message, in the current (forced) locale."""
    lines = [gettext("Thank you for taking part in {study_title}."), "",
             gettext("This is your personal link. It brings you back to your answers, on any "
                     "device, and to the next surveys:"), "", "{link}", ""]
    if closes:
        lines += [gettext("Survey {wave} is open until {closes_on}."), ""]
    lines.append(gettext("Please keep this email. You will get the link again with the "
                         "invitation to each next survey."))
    return _OwnTemplate({"": gettext("Your personal link: {study_title}")},
                        {"": "\n".join(lines) + "\n"})


# -- delivering -----------------------------------------------------------------------------
def worker_id() -> str:
    """Who holds a lease: host and process."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


def deliver(study: Study, actor: str, kinds: tuple[str, ...] | None = None,
            wave: int | None = None, resend_unknown: bool | None = None,
            run: MailRun | None = None, limit: int | None = None) -> MailRun:
    """Send every due message of the study (or of ``kinds``) from the outbox, one claim at a time.

    Parameters
    ----------
    study : Study
    actor : str
        Who runs it, for the audit log.
    kinds : tuple of str, optional
        Only these kinds (``invitation``, ``reminder_1``, ...).
    wave : int, optional
        Only messages of this wave.
    resend_unknown : bool, optional
        Send ``unknown`` messages again; default: the study's ``on_unknown``.
    limit : int, optional
        At most this many claims (the worker's batch).
    """
    run = run or MailRun("message")
    if resend_unknown is None:
        resend_unknown = study.on_unknown == "resend"
    now = clock.now()
    run.unknown += outbox.recover_expired(now, study.id)["unknown"]
    settings: MailSettings | None = None
    conn = None
    down: str | None = None
    seen: set[int] = set()
    try:
        while limit is None or len(seen) < limit:
            now = clock.now()
            c = outbox.claim_next(study.id, now, worker_id(), kinds, resend_unknown, seen, wave)
            if c is None:
                break
            seen.add(c.id)
            p = db.session.get(Participant, c.participant_id)
            email = db.session.execute(db.select(Contact.email).where(
                Contact.participant_id == c.participant_id)).scalar_one_or_none()
            due = _still_due(study, p, email, c, now)
            if due is None:
                with write_transaction():
                    db.session.execute(db.delete(SentMessage).where(SentMessage.id == c.id))
                run.dropped += 1
                continue
            zone = sending_hours.zone_of(p.timezone, study)
            if c.kind != LINK_KIND and not sending_hours.inside(now, zone, study):
                outbox.postpone(c, sending_hours.next_opening(now, zone, study), now)
                run.waiting += 1
                continue
            if settings is None:
                settings = mail_settings()
            if down is None and conn is None:
                try:
                    conn = connect(settings)
                except Unreachable as exc:
                    down = str(exc)[:500]
            if down is not None:
                _record(run, p.pid, c, outbox.finish(c, "deferred", now, down), down)
                continue
            try:
                msg = compose(study, p, email, c.kind, due.wave, due.opens_at, due.closes_at,
                              settings, now)
            except MailError as exc:
                outbox.postpone(c, now, now, str(exc)[:500])
                raise
            return_path = verp_address(settings.return_path, c.id)
            outbox.hand_over(c, now, return_path, msg["Message-ID"])
            outcome: Outcome = send(conn, msg, return_path)
            stored = outbox.finish(c, outcome.status, clock.now(), outcome.error)
            if stored == "sent" and c.resend:
                run.resent += 1
            _record(run, p.pid, c, stored, outcome.error)
            if outcome.connection_lost:
                close(conn)
                conn = None
    finally:
        close(conn)
        if run.sent or run.failed or run.deferred:
            with write_transaction():
                action = {"invitation": "invitations_sent", "reminder": "reminders_sent"}.get(
                    run.kind, "messages_sent")
                record(actor, action, study_id=study.id,
                       detail={"kind": run.kind, "sent": len(run.sent),
                               "deferred": len(run.deferred), "failed": len(run.failed),
                               "resent_unknown": run.resent,
                               "waves": sorted({w for _, w in run.sent})})
    return run


def _record(run: MailRun, pid: str, c: outbox.Claim, stored: str, error: str | None) -> None:
    if stored == "sent":
        run.sent.append((pid, c.wave))
    elif stored == "deferred":
        run.deferred.append((pid, c.wave, error or ""))
    else:
        run.failed.append((pid, c.wave, error or ""))


def _still_due(study: Study, p: Participant | None, email: str | None, c: outbox.Claim,
               now: datetime) -> _Due | None:
    """The wave's dates if the claimed message should still go, else None."""
    if p is None or email is None:
        return None
    if c.kind == LINK_KIND:  # due while they take part: the dates of the wave open, if any
        if p.withdrawal != "none":
            return None
        return _open_wave(p, study, now, create=False) or _Due(p.id, p.timezone, c.wave, None, None)
    d = _open_wave(p, study, now, create=False)
    if d is None or d.wave != c.wave:
        return None
    return d


# -- the commands' entry points --------------------------------------------------------------
def send_invitations(study_id: str, actor: str, wave: int | None = None,
                     resend_unknown: bool | None = None) -> MailRun:
    """Queue and send invitations to everyone whose wave is open (once each).

    Parameters
    ----------
    study_id : str
    actor : str
        Who runs it, for the audit log.
    wave : int, optional
        Only invitations to this wave.
    resend_unknown : bool, optional
        Resend ``unknown`` invitations; default: the study's ``on_unknown``.

    Raises
    ------
    MailError
        If the study is not loaded, lacks the template, or no sender is configured: the run
        could not start. Refusals of single recipients are recorded, not raised.
    """
    study = _study(study_id)
    _template(study, "invitation", wave or 1)  # fail early on a missing template
    mail_settings()  # and on a missing sender
    run = MailRun("invitation")
    run.queued = plan_invitations(study, clock.now(), wave)
    return deliver(study, actor, ("invitation",), wave, resend_unknown, run)


def send_reminders(study_id: str, actor: str, resend_unknown: bool | None = None) -> MailRun:
    """Queue and send the reminders due (see the module's description)."""
    study = _study(study_id)
    mail_settings()
    run = MailRun("reminder")
    run.queued = plan_reminders(study, clock.now())
    return deliver(study, actor, REMINDER_KINDS, None, resend_unknown, run)
