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
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy.exc import IntegrityError

from craftwave.survey_app import clock
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.forms import ConsentForm
from craftwave.survey_app.framing import allow_framing, seed_frame_csrf
from craftwave.survey_app.links import token_for
from craftwave.survey_app.models import Participant
from craftwave.survey_app.participant import resume
from craftwave.survey_app.participant.common import study_or_404
from craftwave.survey_app.participant.outcomes import decline_context
from craftwave.survey_app.progress import create_participant, record_consent, record_decline
from craftwave.survey_app.recruitment import entry_wave, record_entry

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


def _param(name: str, required: bool = True) -> str | None:
    value = request.args.get(name)
    if value is None or value == "":
        if required:
            abort(400, description=f"The study link lacks its '{name}' parameter.")
        return None
    if not EXTERNAL_ID.match(value):
        abort(400, description=f"The study link's '{name}' parameter is malformed.")
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
            abort(400, description="The MTurk link's 'turkSubmitTo' is not an MTurk address.")
        return {"source": "mturk", "external_id": _param("workerId"),
                "recruitment": {"assignment_id": _param("assignmentId"),
                                "hit_id": _param("hitId", False), "submit_to": submit_to}}
    if not rec.public:
        abort(404)
    return {"source": "public", "external_id": None, "recruitment": {}}


def entry_language(study) -> str:
    """The language a new participant gets: the link's ``lang`` (one of the study's languages),
    else the browser's best match among them (Accept-Language), else the study's first."""
    lang = request.args.get("lang")
    if lang:
        if lang not in study.languages:
            abort(400, description=f"The study link's 'lang' parameter '{lang[:20]}' is not one of "
                                   f"this study's languages ({', '.join(study.languages)}).")
        return lang
    return request.accept_languages.best_match(study.languages) or study.languages[0]


def _existing(study_id: str, source: str, external_id: str | None) -> Participant | None:
    if external_id is None:
        return None
    return db.session.execute(db.select(Participant).where(
        Participant.study_id == study_id, Participant.source == source,
        Participant.external_id == external_id)).scalar_one_or_none()


@bp.get("/study/<study_id>")
def study_link(study_id: str):
    """The public link: resume a known recruitment id, preview for MTurk, else consent."""
    cs = study_or_404(study_id)
    entry = parse_entry(cs.study)
    if entry is None:
        return render_template("entry/preview.html", study=cs.study)
    known = _existing(cs.study.id, entry["source"], entry["external_id"])
    if known is not None:  # the id is not a secret: resume without the personal link
        if known.consented and entry["source"] in ("mturk", "prolific"):
            with write_transaction():  # this wave's assignment or session (a new HIT, a new study)
                record_entry(known, entry["recruitment"], entry_wave(known, len(cs.study.waves)),
                             clock.now())
        return redirect(resume.start(known, in_url=entry["source"] == "mturk"), 303)
    g.lang = entry_language(cs.study)
    session["entry"] = {"study": cs.study.id, "language": g.lang, **entry}
    blob = _entry_serializer().dumps(session["entry"])
    seed_frame_csrf("e:" + blob)
    return render_template("entry/consent.html", study=cs.study, form=ConsentForm(),
                           action=url_for("entry.consent", study_id=cs.study.id), entry=blob)


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
    form = ConsentForm()
    entry = _posted_entry() or session.get("entry")
    if entry and entry.get("source") == "mturk":
        _framable(cs.study)
    if not entry or entry.get("study") != cs.study.id:
        abort(400, description="Your visit has expired. Please open the study link again.")
    if entry.get("language") in cs.study.languages:
        g.lang = entry["language"]
    if not form.validate_on_submit():
        return render_template("entry/consent.html", study=cs.study, form=form,
                               action=url_for("entry.consent", study_id=cs.study.id),
                               entry=request.form.get("entry"))
    if form.decision.data == "decline":
        session.pop("entry", None)
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
                                       entry["recruitment"], now, g.lang)
                record_consent(p, cs, now)
                record_entry(p, entry["recruitment"], 1, now)
            token, screening = token_for(p), p.eligibility == "pending"
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
    # straight to the next step (saves a redirect through the personal link's landing page)
    target = "survey.screening" if screening else "survey.home"
    return redirect(url_for(target, token=token), 303)
