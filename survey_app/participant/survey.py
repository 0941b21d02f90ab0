"""The personal link ``/s/<token>``: consent (invitations), screening, pages, completion, withdrawal."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, abort, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf.csrf import generate_csrf

from craftwave.survey_app import clock
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.forms import ConsentForm, WithdrawForm, build_screening_form
from craftwave.survey_app.i18n import set_language
from craftwave.survey_app.links import token_for
from craftwave.survey_app.mailer import queue_personal_link
from craftwave.survey_app.models import Contact, WaveStatus
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
    remember_contact,
    save_page,
    saved_answers,
    valid_email,
    wave_state,
    withdraw,
)
from craftwave.survey_app.recruitment import mturk_submission
from craftwave.survey_app.sending_hours import time_zone_choices, zone_of

bp = Blueprint("survey", __name__, url_prefix="/s/<token>")

FIXED_FIELDS = {"csrf_token", "shown", "nav", "contact_email", "switch_lang"}


def _render(template: str, withdraw_link: bool = True, **ctx):
    withdraw_url = url_for("survey.withdrawal", token=g.token) if withdraw_link else None
    return render_template(f"survey/{template}", study=g.study, withdraw_url=withdraw_url,
                           n_waves=len(g.study.waves), **ctx)


def _gate(p, cs):
    """A response for a participant who cannot take pages now (withdrawn, not consented, ...)."""
    if p.withdrawal != "none":
        return _render("withdrawn.html", withdraw_link=False, kind=p.withdrawal)
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
        return _render("not_open.html", wave=ws.wave, opens_at=ws.opens_at, closes_at=ws.closes_at,
                       zone=zone_of(p.timezone, cs.study))
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
            if form.timezone.data and p.timezone is None:
                p.timezone = form.timezone.data  # unless the import gave one
        return redirect(url_for("survey.home", token=token), 303)
    return render_template("entry/consent.html", study=cs.study, form=form,
                           action=url_for("survey.consent", token=token), zones=time_zone_choices())


@bp.route("/screening", methods=["GET", "POST"])
def screening(token: str):
    p, cs = load_participant(token)
    if p.eligibility != "pending" or p.withdrawal != "none":
        return redirect(url_for("survey.home", token=token), 303)
    elig = cs.study.eligibility
    form = build_screening_form(elig, g.lang)()
    if request.method == "POST":
        _reject_unknown_fields({q.id for q in elig.questions})
    switch = request.form.get("switch_lang") if request.method == "POST" else None
    if switch is not None:  # the language switcher: the answers given come back in that language
        _switch_language(p, cs, switch)  # (the CSRF check has passed: CSRFProtect runs first)
        form = build_screening_form(elig, g.lang)(formdata=None, data={
            q.id: _int_or_none(request.form.get(q.id)) for q in elig.questions})
        return _render("screening.html", form=form, questions=elig.questions,
                       switch_form="screening-form")
    if form.validate_on_submit():
        answers = {q.id: form[q.id].data for q in elig.questions}
        with write_transaction():
            eligible = p.eligibility == "pending" and record_screening(p, cs, answers, clock.now())
        if eligible:  # straight to the first page of wave 1
            return redirect(url_for("survey.page", token=token, wave=1, page_no=1), 303)
        return redirect(url_for("survey.home", token=token), 303)
    return _render("screening.html", form=form, questions=elig.questions,
                   switch_form="screening-form")


def _switch_language(p, cs, lang: str) -> None:
    """Store the participant's new language (one of the study's) and serve this request in it."""
    if lang in cs.study.languages and lang != p.language:
        with write_transaction():
            p = db.session.merge(p)
            p.language = lang
    if lang in cs.study.languages:
        set_language(lang)


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
        # the furthest page reached may hold answers kept by Back
        saved = saved_answers(p, wave, cpage.id)
        return _render_page(cpage, cpage.order_for(p.pid), saved, {}, shown, token, page_no,
                            resume_url=_resume_url(p, wave, page_no),
                            contact=_contact_email(p, wave, page_no))
    nav = request.form.get("nav")
    # the language switcher posts the page: its answers are kept as Back keeps them
    switch = request.form.get("switch_lang")
    back = nav == "back" and page_no > 1 and switch is None
    # "email me my link" (the first page of a public participant): keep the answers as Back does
    email = (request.form.get("contact_email") or "").strip() if nav == "email" else None
    keep = back or email is not None or switch is not None
    invalid = None
    link_for = None
    with write_transaction():
        p, cs, ws = load_page_context(token, wave, for_update=True)
        early = _page_guard(p, cs, ws, wave, page_no, token)
        if early is not None:
            return early
        cpage = cs.page(wave, page_no - 1)
        order = cpage.order_for(p.pid)
        _reject_unknown_fields(cpage.by_name)
        form = cpage.draft_form_class() if keep else cpage.form_class()
        valid = form.validate_on_submit()
        email_error = None
        if email is not None and (not _asks_email(p, cs, wave, page_no) or not valid_email(email)):
            email_error = _("Please enter an email address such as name@example.org.")
        if email_error is None and (valid or (keep and not form.csrf_token.errors)):
            shown_at = read_shown_token(form.shown.data, p.pid, wave, cpage.id)
            if shown_at is None:
                abort(400, description=_("This page's form was altered or is from another page. "
                                         "Please open your link again."))
            # Back keeps every answer that passes its checks and leaves the others as saved
            # (a required answer is never cleared by Back: Next asks for it again)
            values = {q.name: form[q.name].data for q in cpage.all_questions
                      if not form[q.name].errors
                      and not (keep and q.required and form[q.name].data is None)}
            now = clock.now()
            completed = save_page(p, ws, cpage, values, min(shown_at, now), order, now,
                                  advance=not keep)
            given = email if email is not None else (request.form.get("contact_email") or "").strip()
            if given and valid_email(given) and _asks_email(p, cs, wave, page_no):
                remember_contact(p, given, now)  # also when Enter sent the page with Next
                link_for = p.id
            if switch in cs.study.languages:
                p.language = switch
            if switch is not None:  # answers that failed their checks are shown, not dropped
                kept_out = {name: str(form[name].errors[0]) for name in cpage.by_name
                            if form[name].errors}
                if kept_out:
                    invalid = (kept_out, {name: request.form.get(name) for name in cpage.by_name},
                               None)
        else:
            errors = {} if keep else {name: str(form[name].errors[0]) for name in cpage.by_name
                                      if form[name].errors}
            invalid = (errors, {name: request.form.get(name) for name in cpage.by_name},
                       email_error)
    if link_for is not None:  # their personal link goes out now, once (the outbox keeps it once)
        queue_personal_link(link_for, clock.now())
    if switch in cs.study.languages:
        set_language(switch)
    if invalid is not None:
        errors, posted, email_error = invalid
        return _render_page(cpage, order, posted, errors, request.form.get("shown", ""), token,
                            page_no, resume_url=_resume_url(p, wave, page_no),
                            contact=email, email_error=email_error)
    if email is not None or switch is not None:
        return redirect(url_for("survey.page", token=token, wave=wave, page_no=page_no), 303)
    if back:
        return redirect(url_for("survey.page", token=token, wave=wave, page_no=page_no - 1), 303)
    if completed:  # Prolific participants too: they see their code and the next wave's date
        return redirect(url_for("survey.done", token=token, wave=wave), 303)
    return redirect(url_for("survey.page", token=token, wave=wave, page_no=page_no + 1), 303)


def after_lost_session():
    """The response to a participant's post whose session or CSRF token has expired.

    Nothing is stored (the post cannot be trusted), but nothing typed is lost either: a survey
    page or the screening comes back with the answers given and a fresh token, so one more
    press of Next sends them; consent and withdrawal are shown afresh.
    """
    token = request.view_args.get("token", "")
    endpoint = request.endpoint
    notice = _("Your answers are shown again because this page was open for a long time. "
               "Please check them and send the page once more.")
    if endpoint == "survey.page":
        wave, page_no = request.view_args["wave"], request.view_args["page_no"]
        p, cs, ws = load_page_context(token, wave)
        early = _page_guard(p, cs, ws, wave, page_no, token)
        if early is not None:
            return early
        cpage = cs.page(wave, page_no - 1)
        posted = {name: request.form.get(name) for name in cpage.by_name}
        shown = request.form.get("shown", "")
        if read_shown_token(shown, p.pid, wave, cpage.id) is None:
            shown = shown_token(p.pid, wave, cpage.id, clock.now())
        return _render_page(cpage, cpage.order_for(p.pid), posted, {}, shown, token, page_no,
                            notice=notice)
    if endpoint == "survey.screening":
        p, cs = load_participant(token)
        if p.eligibility != "pending" or p.withdrawal != "none":
            return redirect(url_for("survey.home", token=token), 303)
        elig = cs.study.eligibility
        form = build_screening_form(elig, g.lang)(formdata=None, data={
            q.id: _int_or_none(request.form.get(q.id)) for q in elig.questions})
        return _render("screening.html", form=form, questions=elig.questions, notice=notice,
                       switch_form="screening-form")
    # consent and withdrawal: nothing typed to keep; show the page afresh
    return redirect(request.url, 303)


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _resume_url(p, wave: int, page_no: int) -> str | None:
    """The personal link, shown on the first page to who came by the public link (they have
    no other way back to their answers on another device or after clearing cookies)."""
    if p.source != "public" or wave != 1 or page_no != 1:
        return None
    return url_for("survey.home", token=token_for(p), _external=True)


def _asks_email(p, cs, wave: int, page_no: int) -> bool:
    """Whether this page offers to email the personal link (the study's
    ``recruitment.public_email``, on by default)."""
    return _resume_url(p, wave, page_no) is not None and cs.study.recruitment.public_email


def _contact_email(p, wave: int, page_no: int) -> str | None:
    """The email a public participant gave for their link (shown beside it), if any."""
    if _resume_url(p, wave, page_no) is None:
        return None
    return db.session.execute(db.select(Contact.email).where(
        Contact.participant_id == p.id)).scalar_one_or_none()


def _render_page(cpage, order, values, errors, shown, token, page_no, notice=None,
                 resume_url=None, contact=None, email_error=None):
    fragments, numbers = question_fragments(cpage, order, values, errors)
    questions = [cpage.by_name[name] for name in order]
    first = cpage.questions[0] if cpage.questions else None
    return _render("page.html", cpage=cpage, questions=questions, fragments=fragments,
                   numbers=numbers, errors=errors, csrf=generate_csrf(), shown=shown,
                   instructions=first.instrument.instructions if first else None,
                   has_back=page_no > 1, wave=cpage.wave, page_no=page_no, notice=notice,
                   resume_url=resume_url, contact=contact, email_error=email_error,
                   ask_email=resume_url is not None and g.study.recruitment.public_email,
                   switch_form="page-form")


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
                   withdrawn=p.withdrawal != "none", zone=zone_of(p.timezone, study))


@bp.route("/withdraw", methods=["GET", "POST"])
def withdrawal(token: str):
    """Withdraw: stop contact (answers kept) or delete; the researcher sees the request.

    The withdrawal pages carry no withdrawal link of their own."""
    p, cs = load_participant(token)
    form = WithdrawForm()
    if form.validate_on_submit():
        with write_transaction():
            withdraw(p, form.kind.data, clock.now())
        return _render("withdrawn.html", withdraw_link=False, kind=p.withdrawal)
    return _render("withdraw.html", withdraw_link=False, form=form, already=p.withdrawal)


@bp.post("/language")
def language(token: str):
    """Switch the participant's language (one of the study's), then back to the page they were on."""
    p, cs = load_participant(token)
    lang = request.form.get("lang", "")
    if lang in cs.study.languages and lang != p.language:
        with write_transaction():
            p.language = lang
    back = request.form.get("next", "")
    if not back.startswith(f"/s/{token}") or "//" in back:
        back = url_for("survey.home", token=token)
    return redirect(back, 303)


def _reject_unknown_fields(known) -> None:
    unknown = sorted(k for k in request.form if k not in known and k not in FIXED_FIELDS)
    if unknown:
        abort(400, description=_("The form carried fields this page does not ask: %(fields)s",
                                 fields=", ".join(unknown[:5])))
