"""A participant's copy of their own answers: ``GET /s/<token>/my-answers.csv``.

From their personal link a participant downloads every answer they gave (screening included),
with the question's text and the chosen option's label in their language, the wave, the page
and when it was given. Nothing about anyone else, and no contact detail, is in it. Each
download is audited (as ``participant_copy``, under the pseudonymous id).
"""

from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, g

from craftwave.survey_app.audit import record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.export import iso
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Answer
from craftwave.survey_app.participant.common import load_participant, tr
from craftwave.survey_app.progress import SCREENING_INSTRUMENT

bp = Blueprint("copy", __name__, url_prefix="/s/<token>")

COLUMNS = ["wave", "page", "question", "answer", "answer_label", "answered_at"]


def _questions(cs) -> dict[tuple[int, str, str], tuple[str, object]]:
    """(wave, instrument, item) to (question text, response scale)."""
    out = {}
    for wave, pages in cs.pages.items():
        for page in pages:
            for q in page.all_questions:
                out[(wave, q.instrument.id, q.item_id)] = (tr(q.item.text), q.scale)
    return out


@bp.get("/my-answers.csv")
def answers(token: str):
    """Every answer of the participant of this link, as CSV."""
    p, cs = load_participant(token)
    questions = _questions(cs)
    screening = {q.id: q for q in cs.study.eligibility.questions} if cs.study.eligibility else {}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    rows = db.session.execute(db.select(Answer).where(Answer.participant_id == p.id)
                              .order_by(Answer.wave, Answer.submitted_at, Answer.id)).scalars()
    for a in rows:
        value = int(a.value) if float(a.value).is_integer() else a.value
        if a.instrument_id == SCREENING_INSTRUMENT:
            q = screening.get(a.item_id)
            text = tr(q.text) if q else a.item_id
            label = next((tr(o.label) for o in q.options if o.value == a.value), "") if q else ""
        else:
            text, scale = questions.get((a.wave, a.instrument_id, a.item_id), (a.item_id, None))
            label = (scale.label_of(a.value, g.lang) if scale is not None else None) or ""
        writer.writerow([a.wave, a.page, text, value, label, iso(a.submitted_at)])
    with write_transaction():
        record("participant", "participant_copy", study_id=p.study_id, target=p.pid)
    resp = Response(buf.getvalue(), mimetype="text/csv")
    resp.headers["Content-Disposition"] = f"attachment; filename={cs.study.id}-my-answers.csv"
    resp.headers["Cache-Control"] = "no-store"
    return resp
