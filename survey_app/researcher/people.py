"""The participants of a study one by one: search, the participant's page and its actions.

``GET /researcher/study/<id>/participants?q=...`` finds participants by pseudonymous id, or,
for researchers with the identifiers right, by recruitment id or email. The participant's page
shows status per wave, messages, page timings, quality flags and notes; researchers who manage
the study (owners) can stop contacting them, resend their personal link, reopen a wave and
keep a note. Every action is audited (:mod:`craftwave.survey_app.person`).
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import TextAreaField
from wtforms.validators import InputRequired, Length

from craftwave.instruments.errors import CraftwaveError, DataError
from craftwave.survey_app import clock, person
from craftwave.survey_app.researcher.dashboard import ActionForm, _study_access, owner_required
from craftwave.survey_app.studies import get_study

bp = Blueprint("people", __name__, url_prefix="/researcher/study/<study_id>")


class NoteForm(ActionForm):
    text = TextAreaField("Note", validators=[InputRequired(), Length(max=2000)])


@bp.get("/participants")
def search(study_id: str):
    """Find participants by pseudonymous id, recruitment id or email."""
    rights = _study_access(study_id)
    query = request.args.get("q", "")[:320]
    found = person.find(study_id, query, identifiers=rights.identifiers) if query else []
    if len(found) == 1:
        return redirect(url_for("people.page", study_id=study_id, pid=found[0].pid), 303)
    return render_template("researcher/search.html", study=get_study(study_id).study, q=query,
                           found=found, rights=rights)


@bp.get("/participant/<pid>")
def page(study_id: str, pid: str):
    """One participant: status per wave, messages, page timings, flags, notes, actions."""
    rights = _study_access(study_id)
    try:
        spi = current_app.config.get("QUALITY_SECONDS_PER_ITEM_MIN")  # None: the study's policy
        ov = person.overview(study_id, pid, clock.now(), None if spi is None else float(spi))
    except DataError:
        abort(404)
    return render_template("researcher/participant.html", study=get_study(study_id).study,
                           ov=ov, p=ov.participant, rights=rights, form=ActionForm(),
                           note_form=NoteForm())


def _done(study_id: str, pid: str, message: str):
    flash(message)
    return redirect(url_for("people.page", study_id=study_id, pid=pid), 303)


def _checked(study_id: str, pid: str) -> None:
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        person.get(study_id, pid)
    except DataError:
        abort(404)


@bp.post("/participant/<pid>/stop")
@owner_required
def stop(study_id: str, pid: str):
    _checked(study_id, pid)
    person.stop_contacting(study_id, pid, current_user.email)
    return _done(study_id, pid, "No more invitations or reminders go to this participant.")


@bp.post("/participant/<pid>/resend")
@owner_required
def resend(study_id: str, pid: str):
    _checked(study_id, pid)
    try:
        wave = person.resend_link(study_id, pid, current_user.email)
    except CraftwaveError as exc:
        return _done(study_id, pid, f"Not sent: {exc}")
    return _done(study_id, pid, f"The personal link (wave {wave}) was sent again.")


@bp.post("/participant/<pid>/reopen/<int:wave>")
@owner_required
def reopen(study_id: str, pid: str, wave: int):
    _checked(study_id, pid)
    try:
        closes = person.reopen_wave(study_id, pid, wave, current_user.email)
    except DataError as exc:
        return _done(study_id, pid, f"Not reopened: {exc}")
    return _done(study_id, pid, f"Wave {wave} is open again until {closes:%Y-%m-%d %H:%M} UTC.")


@bp.post("/participant/<pid>/note")
@owner_required
def note(study_id: str, pid: str):
    form = NoteForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        person.add_note(study_id, pid, form.text.data, current_user.email)
    except DataError:
        abort(404)
    return _done(study_id, pid, "Note kept.")
