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

Inside MTurk's frame the browser sends no cookie of the app, so an MTurk entry's id-only
session travels in the URL instead: the same reference, signed, as the ``r`` query parameter of
every id-only page (:func:`start` with ``in_url=True``). It grants exactly what the cookie
grants, and revocation ends it the same way.
"""

from __future__ import annotations

from datetime import timedelta

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf
from itsdangerous import BadSignature, URLSafeSerializer

from craftwave.survey_app import clock
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.forms import build_screening_form
from craftwave.survey_app.framing import allow_framing
from craftwave.survey_app.models import Participant, WaveStatus
from craftwave.survey_app.participant.common import read_shown_token, shown_token, study_or_404
from craftwave.survey_app.participant.outcomes import screen_out_context
from craftwave.survey_app.participant.rendering import question_fragments
from craftwave.survey_app.progress import (
    current_wave,
    file_withdrawal_request,
    open_wave,
    record_screening,
    save_page,
    wave_state,
)
from craftwave.survey_app.recruitment import mturk_submission
from craftwave.survey_app.sending_hours import zone_of

bp = Blueprint("resume", __name__, url_prefix="/study/<study_id>/continue")

SESSION_KEY = "resume"
DELETE_REQUEST = "delete_request"
"""The kind of a withdrawal request made in an id-only session (to be confirmed first)."""
FIXED_FIELDS = {"csrf_token", "shown", "nav"}  # nav: the page's Next (no Back here)


class DeletionRequestForm(FlaskForm):
    """A button that posts with a CSRF token."""


def _ref_serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="craftwave-id-only-session")


def start(p: Participant, in_url: bool = False) -> str:
    """Begin an id-only session for ``p`` in this browser; returns where to go.

    ``in_url``: carry the session in the URL (``?r=``), for pages shown in MTurk's frame.
    """
    ref = {"study": p.study_id, "pid": p.pid, "gen": p.link_generation or 1}
    if in_url:
        return url_for("resume.home", study_id=p.study_id, r=_ref_serializer().dumps(ref))
    session[SESSION_KEY] = ref
    return url_for("resume.home", study_id=p.study_id)


def _url(endpoint: str, **values) -> str:
    """``url_for`` that keeps a URL-borne id-only session (``r``)."""
    if g.get("resume_ref"):
        values.setdefault("r", g.resume_ref)
    return url_for(endpoint, **values)


def _ref() -> dict | None:
    raw = request.args.get("r")
    if raw:
        try:
            ref = _ref_serializer().loads(raw)
        except BadSignature:
            abort(404)
        g.resume_ref = raw
        return ref
    return session.get(SESSION_KEY)


def _load(study_id: str, for_update: bool = False):
    """The participant and study of this browser's id-only session; 404 without one."""
    cs = study_or_404(study_id)
    ref = _ref()
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
    g.resume_data = ref
    if p.source == "mturk" and cs.study.recruitment.mturk is not None:
        allow_framing(cs.study.recruitment.mturk.frame_ancestors)
    return p, cs


def _render(template: str, study_id: str, **ctx):
    ctx.setdefault("n_waves", len(g.study.waves))
    return render_template(template, study=g.study, withdraw_url=None,
                           delete_request_url=_url("resume.delete_request", study_id=study_id),
                           **ctx)


def _gate(p, cs):
    if p.withdrawal != "none":
        return _render("survey/withdrawn.html", cs.study.id, kind=p.withdrawal)
    if not p.consented:
        abort(404)  # only consented participants exist behind a recruitment id
    if p.eligibility == "pending":
        return redirect(_url("resume.screening", study_id=cs.study.id), 303)
    if p.eligibility == "screened_out":
        return _render("survey/screened_out.html", cs.study.id,
                       **screen_out_context(p.source, cs.study))
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
        return redirect(_url("resume.page", study_id=study_id, wave=ws.wave,
                                page_no=index + 1), 303)
    if view.state == "not_open":
        return _render("survey/not_open.html", study_id, wave=ws.wave, opens_at=ws.opens_at,
                       closes_at=ws.closes_at, zone=zone_of(p.timezone, cs.study))
    if view.state == "closed":
        return _render("survey/closed.html", study_id, wave=ws.wave)
    return _render("survey/finished.html", study_id)


@bp.route("/screening", methods=["GET", "POST"])
def screening(study_id: str):
    """Screening not yet answered (nothing saved to reveal)."""
    p, cs = _load(study_id)
    if p.eligibility != "pending" or p.withdrawal != "none":
        return redirect(_url("resume.home", study_id=study_id), 303)
    elig = cs.study.eligibility
    form = build_screening_form(elig, g.lang)()
    if form.validate_on_submit():
        answers = {q.id: form[q.id].data for q in elig.questions}
        with write_transaction():
            p, cs = _load(study_id, for_update=True)
            if p.eligibility == "pending":
                record_screening(p, cs, answers, clock.now())
        return redirect(_url("resume.home", study_id=study_id), 303)
    return _render("survey/screening.html", study_id, form=form, questions=elig.questions)


def _first_unanswered(p, cs, ws, wave: int, page_no: int, study_id: str):
    """A redirect unless ``page_no`` is the first unanswered page of the open wave ``wave``."""
    gate = _gate(p, cs)
    if gate is not None:
        return gate
    if ws is None or wave not in cs.pages or wave_state(ws, clock.now()) != "open":
        return redirect(_url("resume.home", study_id=study_id), 303)
    index = min(ws.next_page, len(cs.pages[wave]) - 1)
    if page_no - 1 != index:
        # an earlier page is locked (its answers are saved); a later one is not reached yet
        return redirect(_url("resume.page", study_id=study_id, wave=wave, page_no=index + 1), 303)
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
            abort(400, description=_("The form carried fields this page does not ask: %(fields)s",
                                     fields=", ".join(unknown[:5])))
        form = cpage.form_class()
        if form.validate_on_submit():
            shown_at = read_shown_token(form.shown.data, p.pid, wave, cpage.id)
            if shown_at is None:
                abort(400, description=_("This page's form was altered or is from another page. "
                                         "Please open the study link again."))
            values = {q.name: form[q.name].data for q in cpage.all_questions}
            now = clock.now()
            completed = save_page(p, ws, cpage, values, min(shown_at, now), order, now)
        else:
            invalid = ({name: form[name].errors[0] for name in cpage.by_name if form[name].errors},
                       {name: request.form.get(name) for name in cpage.by_name})
    if invalid is not None:
        errors, posted = invalid
        return _render_page(cpage, order, posted, errors, request.form.get("shown", ""),
                            study_id, page_no)
    if completed:  # Prolific participants too: they see their code and the next wave's date
        marked = {**g.resume_data, "done": wave}
        if g.get("resume_ref"):
            g.resume_ref = _ref_serializer().dumps(marked)
        else:
            session[SESSION_KEY] = marked
        return redirect(_url("resume.done", study_id=study_id, wave=wave), 303)
    return redirect(_url("resume.page", study_id=study_id, wave=wave, page_no=page_no + 1), 303)


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
    if g.resume_data.get("done") != wave or ws is None or ws.status != "completed":
        return redirect(_url("resume.home", study_id=study_id), 303)
    study = cs.study
    mturk = mturk_submission(p, wave)
    if mturk is not None:
        g.csp_form_action = [mturk["submit_to"]]
    prolific_url = None
    if p.source == "prolific" and study.recruitment.prolific is not None:
        prolific_url = study.recruitment.prolific.completion_redirect(wave)
    next_wave = study.waves_by_number.get(wave + 1)
    next_opens = ws.completed_at + timedelta(days=next_wave.after_days) if next_wave else None
    return _render("survey/done.html", study_id, code=ws.completion_code, wave=wave,
                   next_opens=next_opens, prolific_url=prolific_url, mturk=mturk,
                   withdrawn=False, personal_link=False, zone=zone_of(p.timezone, study))


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
