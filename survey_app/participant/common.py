"""Helpers the participant blueprints share: loading by token, texts, the shown-time token."""

from __future__ import annotations

import re
from datetime import datetime

from flask import abort, current_app, g, request
from itsdangerous import BadSignature, URLSafeSerializer

from craftwave.survey_app.extensions import db
from craftwave.survey_app.framing import allow_framing
from craftwave.survey_app.i18n import set_language
from craftwave.survey_app.links import lookup_clause, participant_for_token, token_hash
from craftwave.survey_app.models import Participant, WaveStatus
from craftwave.survey_app.studies import CompiledStudy, get_study

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def _bind_study(p: Participant, token: str) -> CompiledStudy:
    """The participant's study, bound to the request (``g.study``, ``g.lang``, ``g.token``)."""
    cs = get_study(p.study_id)
    if cs is None:
        abort(404)
    g.study = cs.study
    set_language(p.language if p.language in cs.study.languages else cs.study.languages[0])
    g.token = token
    mturk = cs.study.recruitment.mturk
    if p.source == "mturk" and mturk is not None:  # MTurk shows the HIT in a frame
        allow_framing(mturk.frame_ancestors)
    return cs


def load_participant(token: str) -> tuple[Participant, CompiledStudy]:
    """The participant of a personal link and their study; 404 for an unknown or forged token."""
    if not TOKEN_RE.match(token):
        abort(404)
    p = participant_for_token(token)
    if p is None:
        abort(404)
    return p, _bind_study(p, token)


_PAGE_CONTEXT: dict[bool, object] = {}


def load_page_context(token: str, wave: int, for_update: bool = False
                      ) -> tuple[Participant, CompiledStudy, WaveStatus | None]:
    """The participant, study and wave status of a survey page, in one query; 404 if unknown.

    ``for_update`` locks the participant's row until the transaction ends (PostgreSQL; SQLite's
    ``BEGIN IMMEDIATE`` already serialises writers), so two submissions of one participant,
    e.g. a double click on the last page, are applied one after the other.
    """
    if not TOKEN_RE.match(token):
        abort(404)
    stmt = _PAGE_CONTEXT.get(for_update)
    if stmt is None:
        stmt = (db.select(Participant, WaveStatus)
                .outerjoin(WaveStatus, db.and_(WaveStatus.participant_id == Participant.id,
                                               WaveStatus.wave == db.bindparam("wave")))
                .where(lookup_clause(db.bindparam("hashed"))))
        if for_update:
            stmt = stmt.with_for_update(of=Participant.__table__)
        _PAGE_CONTEXT[for_update] = stmt
    row = db.session.execute(stmt, {"hashed": token_hash(token), "wave": wave}).first()
    if row is None:
        abort(404)
    p, ws = row
    if for_update and ws is not None and db.session.get_bind().dialect.name != "sqlite":
        # PostgreSQL (read committed): the row lock was granted after a concurrent commit, but
        # the joined wave row came from the statement's earlier snapshot; read it afresh.
        ws = db.session.get(WaveStatus, (p.id, wave), populate_existing=True)
    return p, _bind_study(p, token), ws


def study_or_404(study_id: str) -> CompiledStudy:
    cs = get_study(study_id) if re.match(r"^[a-z][a-z0-9_-]{1,62}$", study_id) else None
    if cs is None:
        abort(404)
    g.study = cs.study
    # the link's language where the study has it (entry_language says more), else the first
    lang = request.args.get("lang", "").strip()
    set_language(lang if lang in cs.study.languages else cs.study.languages[0])
    return cs


def tr(text: dict | None) -> str:
    """Pick the participant's language from a multilingual text."""
    if not text:
        return ""
    lang = g.get("lang", "en")
    return text.get(lang) or next(iter(text.values()))


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="craftwave-page-shown")


def shown_token(pid: str, wave: int, page_id: str, at: datetime) -> str:
    """A signed record of when the server showed a page, carried by the form."""
    return _serializer().dumps([pid, wave, page_id, at.isoformat()])


def read_shown_token(token: str | None, pid: str, wave: int, page_id: str) -> datetime | None:
    """The time a page was shown, or ``None`` if the token is missing, forged or for another page."""
    if not token:
        return None
    try:
        t_pid, t_wave, t_page, at = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    if (t_pid, t_wave, t_page) != (pid, wave, page_id):
        return None
    try:
        return datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return None
