"""The personal link ``/s/<token>``: consent (invitations), screening, pages, completion, withdrawal."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, abort, g, redirect, render_template, request, url_for
from flask_wtf.csrf import generate_csrf

from craftwave.survey_app import clock
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.forms import ConsentForm, WithdrawForm, build_screening_form
from craftwave.survey_app.models import WaveStatus
from craftwave.survey_app.participant.common import (
    load_page_context,
    load_participant,
    read_shown_token,
    shown_token,
)
from craftwave.survey_app.participant.outcomes import decline_context, screen_out_context
from craftwave.survey_app.participant.rendering import question_fragments
from craftwave.survey_app.progress import (
    current_wave,
    open_wave,
    record_consent,
    record_decline,
    record_screening,
    save_page,
    saved_answers,
    wave_state,
    withdraw,
)
from craftwave.survey_app.recruitment import mturk_submission

bp = Blueprint("survey", __name__, url_prefix="/s/<token>")

FIXED_FIELDS = {"csrf_token", "shown"}


def _render(template: str, **ctx):
    return render_template(f"survey/{template}", study=g.study,
                           withdraw_url=url_for("survey.withdrawal", token=g.token), **ctx)


def _gate(p, cs):
    """A response for a participant who cannot take pages now (withdrawn, not consented, ...)."""
    if p.withdrawal != "none":
        return _render("withdrawn.html", kind=p.withdrawal)
    if not p.consented:
        return redirect(url_for("survey.consent", token=g.token), 303)
    if p.eligibility == "pending":
        return redirect(url_for("survey.screening", token=g.token), 303)
    if p.eligibility == "screened_out":
        return _screened_out(p, cs)
    return None


def _screened_out(p, cs):
    return _render("screened_out.html", **screen_out_context(p.source, cs.study))


@bp.get("")
def home(token: str):
    """Send the participant where they stand: a page, a waiting note, or a closing note."""
    p, cs = load_participant(token)
    gate = _gate(p, cs)
    if gate is not None:
        return gate
    now = clock.now()
    view = current_wave(p, cs.study, now, create=False)
    if view.status is None:  # consented and eligible, but no wave yet: wave 1 opens now
        with write_transaction():
            open_wave(p, cs.study, 1, now)
        view = current_wave(p, cs.study, now, create=False)
    elif view.state in ("completed", "closed") and view.status.wave < len(cs.study.waves):
        with write_transaction():
            view = current_wave(p, cs.study, now, create=True)
    ws = view.status
    if view.state == "open":
        pages = cs.pages[ws.wave]
        index = min(ws.next_page, len(pages) - 1)
        return redirect(url_for("survey.page", token=token, wave=ws.wave, page_no=index + 1), 303)
    if view.state == "not_open":
        return _render("not_open.html", wave=ws.wave, opens_at=ws.opens_at, closes_at=ws.closes_at)
    if view.state == "closed":
        return _render("closed.html", wave=ws.wave)
    return _render("finished.html")


@bp.route("/consent", methods=["GET", "POST"])
def consent(token: str):
    """Consent for a personal invitation (the participant row exists; nothing else is stored)."""
    p, cs = load_participant(token)
    if p.consented or p.withdrawal != "none":
        return redirect(url_for("survey.home", token=token), 303)
    form = ConsentForm()
    if form.validate_on_submit():
        if form.decision.data == "decline":
            with write_transaction():
                record_decline(cs.study.id)  # an anonymous count, for the participant flow
            return render_template("entry/declined.html", study=cs.study,
                                   **decline_context(p.source, cs.study))
        with write_transaction():
            if not p.consented:
                record_consent(p, cs, clock.now())
        return redirect(url_for("survey.home", token=token), 303)
    return render_template("entry/consent.html", study=cs.study, form=form,
                           action=url_for("survey.consent", token=token))


@bp.route("/screening", methods=["GET", "POST"])
def screening(token: str):
    p, cs = load_participant(token)
    if p.eligibility != "pending" or p.withdrawal != "none":
        return redirect(url_for("survey.home", token=token), 303)
    elig = cs.study.eligibility
    form = build_screening_form(elig, g.lang)()
    if request.method == "POST":
        _reject_unknown_fields({q.id for q in elig.questions})
    if form.validate_on_submit():
        answers = {q.id: form[q.id].data for q in elig.questions}
        with write_transaction():
            eligible = p.eligibility == "pending" and record_screening(p, cs, answers, clock.now())
        if eligible:  # straight to the first page of wave 1
            return redirect(url_for("survey.page", token=token, wave=1, page_no=1), 303)
        return redirect(url_for("survey.home", token=token), 303)
    return _render("screening.html", form=form, questions=elig.questions)


def _page_guard(p, cs, ws, wave: int, page_no: int, token: str):
    """A redirect (or notice) when this page is not the participant's to take now, else None."""
    gate = _gate(p, cs)
    if gate is not None:
        return gate
    if ws is None or wave not in cs.pages:
        return redirect(url_for("survey.home", token=token), 303)
    state = wave_state(ws, clock.now())
    if state == "completed":
        return redirect(url_for("survey.done", token=token, wave=wave), 303)
    if state != "open":
        return redirect(url_for("survey.home", token=token), 303)
    cpage = cs.page(wave, page_no - 1)
    if cpage is None or cpage.index > ws.next_page:
        index = min(ws.next_page, len(cs.pages[wave]) - 1)
        return redirect(url_for("survey.page", token=token, wave=wave, page_no=index + 1), 303)
    return None


@bp.route("/w/<int:wave>/<int:page_no>", methods=["GET", "POST"])
def page(token: str, wave: int, page_no: int):
    """One survey page: show it (prefilled with saved answers) or store its submission.

    A submission is one write transaction from the first read to the commit, so what it
    checks (wave open, not completed, page reached) is what it writes against.
    """
    if request.method == "GET":
        p, cs, ws = load_page_context(token, wave)
        early = _page_guard(p, cs, ws, wave, page_no, token)
        if early is not None:
            return early
        cpage = cs.page(wave, page_no - 1)
        shown = shown_token(p.pid, wave, cpage.id, clock.now())
        # a page beyond the furthest one reached has never been submitted: nothing to prefill
        saved = saved_answers(p, wave, cpage.id) if cpage.index < ws.next_page else {}
        return _render_page(cpage, cpage.order_for(p.pid), saved, {}, shown, token, page_no)
    invalid = None
    with write_transaction():
        p, cs, ws = load_page_context(token, wave, for_update=True)
        early = _page_guard(p, cs, ws, wave, page_no, token)
        if early is not None:
            return early
        cpage = cs.page(wave, page_no - 1)
        order = cpage.order_for(p.pid)
        _reject_unknown_fields(cpage.by_name)
        form = cpage.form_class()
        if form.validate_on_submit():
            shown_at = read_shown_token(form.shown.data, p.pid, wave, cpage.id)
            if shown_at is None:
                abort(400, description="This page's form was altered or is from another page. "
                      "Please open your link again.")
            values = {q.name: form[q.name].data for q in cpage.all_questions}
            now = clock.now()
            completed = save_page(p, ws, cpage, values, min(shown_at, now), order, now)
        else:
            invalid = ({name: form[name].errors[0] for name in cpage.by_name if form[name].errors},
                       {name: request.form.get(name) for name in cpage.by_name})
    if invalid is not None:
        errors, posted = invalid
        return _render_page(cpage, order, posted, errors, request.form.get("shown", ""), token, page_no)
    if completed:  # Prolific participants too: they see their code and the next wave's date
        return redirect(url_for("survey.done", token=token, wave=wave), 303)
    return redirect(url_for("survey.page", token=token, wave=wave, page_no=page_no + 1), 303)


def _render_page(cpage, order, values, errors, shown, token, page_no):
    fragments, numbers = question_fragments(cpage, order, values, errors)
    questions = [cpage.by_name[name] for name in order]
    first = cpage.questions[0] if cpage.questions else None
    back = (url_for("survey.page", token=token, wave=cpage.wave, page_no=page_no - 1)
            if page_no > 1 else None)
    return _render("page.html", cpage=cpage, questions=questions, fragments=fragments,
                   numbers=numbers, errors=errors, csrf=generate_csrf(), shown=shown,
                   instructions=first.instrument.instructions if first else None,
                   back_url=back, wave=cpage.wave, page_no=page_no)


@bp.get("/w/<int:wave>/done")
def done(token: str, wave: int):
    """The completion page: code, Prolific or MTurk hand-back, and when the next wave opens."""
    p, cs = load_participant(token)
    ws = db.session.get(WaveStatus, (p.id, wave))
    if ws is None or ws.status != "completed":
        return redirect(url_for("survey.home", token=token), 303)
    study = cs.study
    next_wave = study.waves_by_number.get(wave + 1)
    next_opens = ws.completed_at + timedelta(days=next_wave.after_days) if next_wave else None
    prolific_url = mturk = None
    if p.source == "prolific" and study.recruitment.prolific is not None:
        prolific_url = study.recruitment.prolific.completion_redirect(wave)
    mturk = mturk_submission(p, wave)
    if mturk is not None:
        g.csp_form_action = [mturk["submit_to"]]
    return _render("done.html", code=ws.completion_code, wave=wave, next_opens=next_opens,
                   prolific_url=prolific_url, mturk=mturk,
                   personal_link=p.source != "mturk",  # a framed page shows no address
                   withdrawn=p.withdrawal != "none")


@bp.route("/withdraw", methods=["GET", "POST"])
def withdrawal(token: str):
    """Withdraw: stop contact (answers kept) or delete; the researcher sees the request."""
    p, cs = load_participant(token)
    form = WithdrawForm()
    if form.validate_on_submit():
        with write_transaction():
            withdraw(p, form.kind.data, clock.now())
        return _render("withdrawn.html", kind=p.withdrawal)
    return _render("withdraw.html", form=form, already=p.withdrawal)


def _reject_unknown_fields(known) -> None:
    unknown = sorted(k for k in request.form if k not in known and k not in FIXED_FIELDS)
    if unknown:
        abort(400, description="The form carried fields this page does not ask: "
              + ", ".join(unknown[:5]))
