"""Public study links: Prolific and MTurk parameters, MTurk preview, consent before storage.

Nothing is written to the database before the participant consents: the recruitment
parameters wait in the signed session cookie until then, and, signed, in the consent form
itself (MTurk shows the entry in a cross-site frame, where the browser sends no cookie). A recruitment id that already
belongs to a participant never leads to their personal link: it starts an id-only session
(:mod:`craftwave.survey_app.participant.resume`), which continues at the first unanswered
page and shows no saved answer.
"""

from __future__ import annotations

import re

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
from flask_babel import lazy_gettext
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy.exc import IntegrityError

from craftwave.survey_app import clock
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.forms import ConsentForm
from craftwave.survey_app.framing import allow_framing, seed_frame_csrf
from craftwave.survey_app.i18n import language_name, set_language
from craftwave.survey_app.links import token_for
from craftwave.survey_app.models import Participant, StudyRecord
from craftwave.survey_app.participant import resume
from craftwave.survey_app.participant.common import study_or_404
from craftwave.survey_app.participant.outcomes import decline_context
from craftwave.survey_app.pilot import SANDBOX_HOSTS, is_pilot_token
from craftwave.survey_app.progress import create_participant, record_consent, record_decline
from craftwave.survey_app.recruitment import entry_wave, record_entry
from craftwave.survey_app.sending_hours import time_zone_choices

bp = Blueprint("entry", __name__)

EXTERNAL_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
PREVIEW = "ASSIGNMENT_ID_NOT_AVAILABLE"
ENTRY_MAX_AGE = 6 * 3600
"""Seconds a consent form's signed entry stays valid."""


def _entry_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="craftwave-entry")


def _framable(study) -> None:
    if study.recruitment.mturk is not None:
        allow_framing(study.recruitment.mturk.frame_ancestors)


SITE_IDS = {
    # Prolific participant ids are 24 hexadecimal digits (a MongoDB ObjectId)
    "PROLIFIC_PID": (re.compile(r"^[0-9a-f]{24}$"), str.lower,
                     lazy_gettext("a Prolific ID (24 characters, digits and the letters a to f)")),
    # MTurk worker ids: 'A' and 9 to 20 more capital letters and digits (usually 12 to 14 in all)
    "workerId": (re.compile(r"^A[0-9A-Z]{9,20}$"), str.upper,
                 lazy_gettext("an MTurk worker ID (a capital A followed by capital letters and "
                              "digits)")),
}
"""The parameters that identify a person, each with its site's format and normal form."""


def _param(name: str, required: bool = True) -> str | None:
    """A link parameter, stripped of surrounding whitespace and newlines; a recruitment id must
    have its site's format (a clear 400 otherwise) before it identifies anyone."""
    value = (request.args.get(name) or "").strip()
    if value == "":
        if required:
            abort(400, description=_("The study link lacks its '%(name)s' parameter. Please open "
                                     "the study again from the site you came from.", name=name))
        return None
    site = SITE_IDS.get(name)
    if site is not None:
        pattern, normal, what = site
        if not pattern.match(normal(value)):
            abort(400, description=_("The study link's %(name)s '%(value)s' is not %(what)s. "
                                     "Please open the study again from the site you came from.",
                                     name=name, value=value[:40], what=str(what)))
        return normal(value)
    if not EXTERNAL_ID.match(value):
        abort(400, description=_("The study link's '%(name)s' parameter is malformed.", name=name))
    return value


def parse_entry(study) -> dict | None:
    """The entry described by the query string, or ``None`` for an MTurk preview."""
    args = request.args
    rec = study.recruitment
    if "PROLIFIC_PID" in args:
        if rec.prolific is None:
            abort(404)
        return {"source": "prolific", "external_id": _param("PROLIFIC_PID"),
                "recruitment": {"study_id": _param("STUDY_ID", False),
                                "session_id": _param("SESSION_ID", False)}}
    if "assignmentId" in args or "workerId" in args:
        if rec.mturk is None:
            abort(404)
        _framable(study)  # MTurk shows the HIT (and its preview) in a frame
        if args.get("assignmentId") == PREVIEW:
            return None
        submit_to = args.get("turkSubmitTo", "").rstrip("/")
        if submit_to not in rec.mturk.allowed_submit_hosts:
            abort(400, description=_("The MTurk link's 'turkSubmitTo' is not an MTurk address."))
        return {"source": "mturk", "external_id": _param("workerId"),
                "recruitment": {"assignment_id": _param("assignmentId"),
                                "hit_id": _param("hitId", False), "submit_to": submit_to}}
    if not rec.public and not is_pilot_token(study.id, args.get("pilot")):
        abort(404)  # the pilot link works before the public link is switched on
    return {"source": "public", "external_id": None, "recruitment": {}}


def entry_language(study) -> str:
    """The language a new participant gets: the link's ``lang`` (one of the study's languages),
    else the browser's best match among them (Accept-Language), else the study's first."""
    lang = (request.args.get("lang") or "").strip()
    if lang:
        if lang in study.languages:
            return lang
        # an unknown language: the study's first, and a notice (in it) saying so
        set_language(study.languages[0])
        g.notice = _("This study is not available in the language '%(lang)s'. It is shown in "
                     "%(shown)s; it is also available in: %(all)s.", lang=lang[:20],
                     shown=language_name(study.languages[0]),
                     all=", ".join(language_name(code) for code in study.languages))
        return study.languages[0]
    return request.accept_languages.best_match(study.languages) or study.languages[0]


def _existing(study_id: str, source: str, external_id: str | None) -> Participant | None:
    if external_id is None:
        return None
    return db.session.execute(db.select(Participant).where(
        Participant.study_id == study_id, Participant.source == source,
        Participant.external_id == external_id)).scalar_one_or_none()


def _closed(study_id: str) -> bool:
    """Whether the study was closed (``craftwave study close``): it takes nobody new."""
    return db.session.execute(db.select(StudyRecord.closed_at).where(
        StudyRecord.id == study_id)).scalar_one_or_none() is not None


def _ended():
    return render_template("errors/error.html", code=410,
                           message=_("This study has ended and takes no new participants.")), 410


BROWSER_KEY = "participants"
"""Session key: study id to the pid of the participant who consented in this browser."""


def same_browser(study_id: str) -> Participant | None:
    """The participant who consented to ``study_id`` in this browser (signed session cookie)."""
    pid = session.get(BROWSER_KEY, {}).get(study_id)
    if pid is None:
        return None
    return db.session.execute(db.select(Participant).where(
        Participant.pid == pid, Participant.study_id == study_id)).scalar_one_or_none()


def remember_browser(study_id: str, pid: str) -> None:
    """Remember in this browser who took part, so the public link opened again resumes."""
    known = dict(session.get(BROWSER_KEY, {}))
    known[study_id] = pid
    session[BROWSER_KEY] = known
    session.permanent = True  # survives closing the browser (PERMANENT_SESSION_LIFETIME)


@bp.get("/study/<study_id>")
def study_link(study_id: str):
    """The public link: resume a known recruitment id, preview for MTurk, else consent."""
    cs = study_or_404(study_id)
    if _closed(cs.study.id):
        return _ended()
    entry = parse_entry(cs.study)
    if entry is None:
        return render_template("entry/preview.html", study=cs.study)
    known = _existing(cs.study.id, entry["source"], entry["external_id"])
    mine = same_browser(cs.study.id)
    if mine is not None and ((known is None and entry["source"] == "public")
                             or (known is not None and known.id == mine.id)):
        # this browser consented itself (the signed session says so): its personal link
        return redirect(url_for("survey.home", token=token_for(mine)), 303)
    if known is not None:  # the id is not a secret: resume without the personal link
        if known.consented and entry["source"] in ("mturk", "prolific"):
            with write_transaction():  # this wave's assignment or session (a new HIT, a new study)
                record_entry(known, entry["recruitment"], entry_wave(known, len(cs.study.waves)),
                             clock.now())
        return redirect(resume.start(known, in_url=entry["source"] == "mturk"), 303)
    set_language(entry_language(cs.study))
    session["entry"] = {"study": cs.study.id, "language": g.lang,
                        "test": _is_test(cs.study.id, entry), **entry}
    blob = _entry_serializer().dumps(session["entry"])
    seed_frame_csrf("e:" + blob)
    return render_template("entry/consent.html", study=cs.study, form=ConsentForm(),
                           action=_consent_action(cs.study.id), zones=time_zone_choices(),
                           entry=blob)


def _is_test(study_id: str, entry: dict) -> bool:
    """A pilot entry: a signed pilot link, or the MTurk sandbox."""
    return bool(is_pilot_token(study_id, request.args.get("pilot"))
                or entry["recruitment"].get("submit_to") in SANDBOX_HOSTS)


def _link_args(**changes: str) -> dict[str, str]:
    """The study link's query parameters (first value of each), with ``changes``."""
    args = {k: v for k, v in request.args.items() if k != "study_id"}
    args.update(changes)
    return args


@bp.app_template_global()
def study_link_in(study_id: str, lang: str) -> str:
    """The study link as opened, in another of the study's languages (the switcher's links)."""
    return url_for("entry.study_link", study_id=study_id, **_link_args(lang=lang))


def _consent_action(study_id: str) -> str:
    """The consent form's address, carrying the link's parameters in case the session is lost."""
    return url_for("entry.consent", study_id=study_id, **_link_args())


def consent_after_lost_session():
    """A consent post whose session expired: the study link (with its parameters) again."""
    return redirect(url_for("entry.study_link", study_id=request.view_args["study_id"],
                            **_link_args()), 303)


def _posted_entry() -> dict | None:
    """The signed entry carried by the consent form, if valid."""
    raw = request.form.get("entry")
    if not raw:
        return None
    try:
        entry = _entry_serializer().loads(raw, max_age=ENTRY_MAX_AGE)
    except BadSignature:
        return None
    return entry if isinstance(entry, dict) else None


@bp.post("/study/<study_id>/consent")
def consent(study_id: str):
    cs = study_or_404(study_id)
    if _closed(cs.study.id):
        return _ended()
    form = ConsentForm()
    entry = _posted_entry() or session.get("entry")
    if entry and entry.get("source") == "mturk":
        _framable(cs.study)
    if not entry or entry.get("study") != cs.study.id:
        # the session was lost (a browser that drops cookies, a long pause): the form's address
        # carries the link's parameters, so the entry is read again from them
        entry = parse_entry(cs.study)
        if entry is None:
            abort(400, description=_("Please accept the HIT before you start."))
        entry = {"study": cs.study.id, "language": entry_language(cs.study),
                 "test": _is_test(cs.study.id, entry), **entry}
    if entry.get("language") in cs.study.languages:
        set_language(entry["language"])
    known = same_browser(cs.study.id) if entry["source"] == "public" else None
    if known is not None:  # consented already in this browser (another tab): resume
        session.pop("entry", None)
        return redirect(url_for("survey.home", token=token_for(known)), 303)
    if not form.validate_on_submit():
        return render_template("entry/consent.html", study=cs.study, form=form,
                               action=_consent_action(cs.study.id), zones=time_zone_choices(),
                               entry=request.form.get("entry"))
    if form.decision.data == "decline":
        session.pop("entry", None)
        if not entry.get("test"):  # pilots stay out of the participant flow
            with write_transaction():
                record_decline(cs.study.id)  # an anonymous count, for the participant flow
        return render_template("entry/declined.html", study=cs.study,
                               **decline_context(entry.get("source"), cs.study))
    now = clock.now()
    try:
        with write_transaction():
            p = _existing(cs.study.id, entry["source"], entry["external_id"])
            created = p is None
            if created:
                p = create_participant(cs.study.id, entry["source"], entry["external_id"],
                                       entry["recruitment"], now, g.lang,
                                       test=bool(entry.get("test")))
                record_consent(p, cs, now)
                record_entry(p, entry["recruitment"], 1, now)
            if form.timezone.data and p.timezone is None:
                p.timezone = form.timezone.data  # the browser's zone, or the one chosen
            token, screening, pid = token_for(p), p.eligibility == "pending", p.pid
    except IntegrityError:
        # The same recruitment id consented at the same moment in another tab.
        p = _existing(cs.study.id, entry["source"], entry["external_id"])
        if p is None:
            raise
        created = False
    session.pop("entry", None)
    if not created:
        # Someone consented with this id first (another tab, or another person who knows the
        # id): this browser gets an id-only session, never that participant's personal link.
        return redirect(resume.start(p, in_url=entry["source"] == "mturk"), 303)
    remember_browser(cs.study.id, pid)
    # straight to the next step (saves a redirect through the personal link's landing page)
    target = "survey.screening" if screening else "survey.home"
    return redirect(url_for(target, token=token), 303)


@bp.get("/study/<study_id>/consent-text")
def consent_copy(study_id: str):
    """The consent text on a page of its own, to print or keep (it stores nothing)."""
    cs = study_or_404(study_id)
    lang = request.args.get("lang")
    if lang in cs.study.languages:
        set_language(lang)
    return render_template("entry/consent_copy.html", study=cs.study)
