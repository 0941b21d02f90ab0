"""Resuming by recruitment id: the id alone never reveals or changes saved answers.

A Prolific or MTurk id is not a secret: research staff see it in due lists and exports, and
the recruitment site shows it to others. So a browser that opens the public study link with
the id of a participant who already consented gets an *id-only session*, not the personal
link:

* it continues at the first unanswered page of the open wave (screening, if not yet done);
  pages before it are locked: they are neither shown with their answers nor accepted again;
* a page is shown empty and without a Back button, and only that page's first submission is
  stored (what ``save_page`` stores for a page never submitted before);
* there is no withdraw or delete form for saved data: the session may only *ask* for
  deletion. The request is queued for the researcher (dashboard, withdrawals page; audited as
  every withdrawal request is), who confirms it with the person through the recruitment
  site's messages before deleting.

Reading back and changing earlier pages, and withdrawing, need the personal link. The
session lives in the signed cookie and names the participant's pseudonymous id and link
generation: revoking the links (withdrawal) ends id-only sessions too.
"""

from __future__ import annotations

from flask import Blueprint, abort, g, redirect, render_template, request, session, url_for
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf

from craftwave.survey_app import clock
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.forms import build_screening_form
from craftwave.survey_app.models import Participant, WaveStatus
from craftwave.survey_app.participant.common import read_shown_token, shown_token, study_or_404
from craftwave.survey_app.participant.rendering import question_fragments
from craftwave.survey_app.progress import (
    current_wave,
    file_withdrawal_request,
    open_wave,
    record_screening,
    save_page,
    wave_state,
)

bp = Blueprint("resume", __name__, url_prefix="/study/<study_id>/continue")

SESSION_KEY = "resume"
DELETE_REQUEST = "delete_request"
"""The kind of a withdrawal request made in an id-only session (to be confirmed first)."""
FIXED_FIELDS = {"csrf_token", "shown"}


class DeletionRequestForm(FlaskForm):
    """A button that posts with a CSRF token."""


def start(p: Participant) -> str:
    """Begin an id-only session for ``p`` in this browser; returns where to go."""
    session[SESSION_KEY] = {"study": p.study_id, "pid": p.pid, "gen": p.link_generation or 1}
    return url_for("resume.home", study_id=p.study_id)


def _load(study_id: str, for_update: bool = False):
    """The participant and study of this browser's id-only session; 404 without one."""
    cs = study_or_404(study_id)
    ref = session.get(SESSION_KEY)
    if not isinstance(ref, dict) or ref.get("study") != cs.study.id:
        abort(404)
    stmt = db.select(Participant).where(Participant.study_id == cs.study.id,
                                        Participant.pid == str(ref.get("pid")))
    if for_update:
        stmt = stmt.with_for_update()
    p = db.session.execute(stmt).scalar_one_or_none()
    if p is None or (p.link_generation or 1) != ref.get("gen"):
        session.pop(SESSION_KEY, None)
        abort(404)
    if p.language in cs.study.languages:
        g.lang = p.language
    return p, cs


def _render(template: str, study_id: str, **ctx):
    return render_template(template, study=g.study, withdraw_url=None,
                           delete_request_url=url_for("resume.delete_request", study_id=study_id),
                           **ctx)


def _gate(p, cs):
    if p.withdrawal != "none":
        return _render("survey/withdrawn.html", cs.study.id, kind=p.withdrawal)
    if not p.consented:
        abort(404)  # only consented participants exist behind a recruitment id
    if p.eligibility == "pending":
        return redirect(url_for("resume.screening", study_id=cs.study.id), 303)
    if p.eligibility == "screened_out":
        prolific = cs.study.recruitment.prolific
        url = prolific.screen_out_redirect() if (p.source == "prolific" and prolific) else None
        elig = cs.study.eligibility
        return _render("survey/screened_out.html", cs.study.id, code=elig.screen_out_code,
                       text=elig.screen_out_text, redirect_url=url)
    return None


@bp.get("")
def home(study_id: str):
    """Where the participant stands: the first unanswered page, or a note."""
    p, cs = _load(study_id)
    gate = _gate(p, cs)
    if gate is not None:
        return gate
    now = clock.now()
    view = current_wave(p, cs.study, now, create=False)
    if view.status is None or (view.state in ("completed", "closed")
                               and view.status.wave < len(cs.study.waves)):
        with write_transaction():
            p, cs = _load(study_id, for_update=True)
            if current_wave(p, cs.study, now, create=False).status is None:
                open_wave(p, cs.study, 1, now)
            view = current_wave(p, cs.study, now, create=True)
    ws = view.status
    if view.state == "open":
        index = min(ws.next_page, len(cs.pages[ws.wave]) - 1)
        return redirect(url_for("resume.page", study_id=study_id, wave=ws.wave,
                                page_no=index + 1), 303)
    if view.state == "not_open":
        return _render("survey/not_open.html", study_id, wave=ws.wave, opens_at=ws.opens_at,
                       closes_at=ws.closes_at)
    if view.state == "closed":
        return _render("survey/closed.html", study_id, wave=ws.wave)
    return _render("survey/finished.html", study_id)


@bp.route("/screening", methods=["GET", "POST"])
def screening(study_id: str):
    """Screening not yet answered (nothing saved to reveal)."""
    p, cs = _load(study_id)
    if p.eligibility != "pending" or p.withdrawal != "none":
        return redirect(url_for("resume.home", study_id=study_id), 303)
    elig = cs.study.eligibility
    form = build_screening_form(elig, g.lang)()
    if form.validate_on_submit():
        answers = {q.id: form[q.id].data for q in elig.questions}
        with write_transaction():
            p, cs = _load(study_id, for_update=True)
            if p.eligibility == "pending":
                record_screening(p, cs, answers, clock.now())
        return redirect(url_for("resume.home", study_id=study_id), 303)
    return _render("survey/screening.html", study_id, form=form, questions=elig.questions)


def _first_unanswered(p, cs, ws, wave: int, page_no: int, study_id: str):
    """A redirect unless ``page_no`` is the first unanswered page of the open wave ``wave``."""
    gate = _gate(p, cs)
    if gate is not None:
        return gate
    if ws is None or wave not in cs.pages or wave_state(ws, clock.now()) != "open":
        return redirect(url_for("resume.home", study_id=study_id), 303)
    index = min(ws.next_page, len(cs.pages[wave]) - 1)
    if page_no - 1 != index:
        # an earlier page is locked (its answers are saved); a later one is not reached yet
        return redirect(url_for("resume.page", study_id=study_id, wave=wave, page_no=index + 1), 303)
    return None


@bp.route("/w/<int:wave>/<int:page_no>", methods=["GET", "POST"])
def page(study_id: str, wave: int, page_no: int):
    """The first unanswered page, empty, without Back; stored once, like a first submission."""
    if request.method == "GET":
        p, cs = _load(study_id)
        ws = db.session.get(WaveStatus, (p.id, wave))
        early = _first_unanswered(p, cs, ws, wave, page_no, study_id)
        if early is not None:
            return early
        cpage = cs.page(wave, page_no - 1)
        shown = shown_token(p.pid, wave, cpage.id, clock.now())
        return _render_page(cpage, cpage.order_for(p.pid), {}, {}, shown, study_id, page_no)
    invalid = None
    with write_transaction():
        p, cs = _load(study_id, for_update=True)
        ws = db.session.get(WaveStatus, (p.id, wave), populate_existing=True)
        early = _first_unanswered(p, cs, ws, wave, page_no, study_id)
        if early is not None:
            return early
        cpage = cs.page(wave, page_no - 1)
        order = cpage.order_for(p.pid)
        unknown = sorted(k for k in request.form if k not in cpage.by_name and k not in FIXED_FIELDS)
        if unknown:
            abort(400, description="The form carried fields this page does not ask: "
                  + ", ".join(unknown[:5]))
        form = cpage.form_class()
        if form.validate_on_submit():
            shown_at = read_shown_token(form.shown.data, p.pid, wave, cpage.id)
            if shown_at is None:
                abort(400, description="This page's form was altered or is from another page. "
                      "Please open the study link again.")
            values = {q.name: form[q.name].data for q in cpage.all_questions}
            now = clock.now()
            completed = save_page(p, ws, cpage, values, min(shown_at, now), order, now)
            source = p.source
        else:
            invalid = ({name: form[name].errors[0] for name in cpage.by_name if form[name].errors},
                       {name: request.form.get(name) for name in cpage.by_name})
    if invalid is not None:
        errors, posted = invalid
        return _render_page(cpage, order, posted, errors, request.form.get("shown", ""),
                            study_id, page_no)
    if completed:
        prolific = cs.study.recruitment.prolific
        if source == "prolific" and prolific is not None:
            return redirect(prolific.completion_redirect(wave), 303)
        session[SESSION_KEY] = {**session[SESSION_KEY], "done": wave}
        return redirect(url_for("resume.done", study_id=study_id, wave=wave), 303)
    return redirect(url_for("resume.page", study_id=study_id, wave=wave, page_no=page_no + 1), 303)


def _render_page(cpage, order, values, errors, shown, study_id, page_no):
    fragments, numbers = question_fragments(cpage, order, values, errors)
    questions = [cpage.by_name[name] for name in order]
    first = cpage.questions[0] if cpage.questions else None
    return _render("survey/page.html", study_id, cpage=cpage, questions=questions,
                   fragments=fragments, numbers=numbers, errors=errors, csrf=generate_csrf(),
                   shown=shown, instructions=first.instrument.instructions if first else None,
                   back_url=None, wave=cpage.wave, page_no=page_no)


@bp.get("/w/<int:wave>/done")
def done(study_id: str, wave: int):
    """The completion page, only for the wave this browser itself just completed."""
    p, cs = _load(study_id)
    ws = db.session.get(WaveStatus, (p.id, wave))
    if session[SESSION_KEY].get("done") != wave or ws is None or ws.status != "completed":
        return redirect(url_for("resume.home", study_id=study_id), 303)
    mturk = None
    if p.source == "mturk" and wave == 1 and p.recruitment.get("submit_to"):
        mturk = {"action": p.recruitment["submit_to"] + "/mturk/externalSubmit",
                 "assignment_id": p.recruitment.get("assignment_id")}
        g.csp_form_action = [p.recruitment["submit_to"]]
    return _render("survey/done.html", study_id, code=ws.completion_code, wave=wave,
                   next_opens=None, prolific_url=None, mturk=mturk, withdrawn=False)


@bp.route("/delete", methods=["GET", "POST"])
def delete_request(study_id: str):
    """Ask for one's data to be deleted: queued for the researcher, who confirms it first."""
    p, cs = _load(study_id)
    form = DeletionRequestForm()
    if form.validate_on_submit():
        with write_transaction():
            p, cs = _load(study_id, for_update=True)
            file_withdrawal_request(p, DELETE_REQUEST, clock.now())  # one open request at most
        return render_template("resume/delete_requested.html", study=cs.study)
    return render_template("resume/delete_request.html", study=cs.study, form=form,
                           source=p.source)
