"""The researcher dashboard: field monitoring per study, downloads, withdrawals, deletion, audit."""

from __future__ import annotations

import io
import tempfile
import zipfile
from functools import wraps
from pathlib import Path

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user
from flask_wtf import FlaskForm

from craftwave.analysis.csv_cells import neutralise_frame
from craftwave.instruments.errors import DataError
from craftwave.survey_app import clock
from craftwave.survey_app.audit import record
from craftwave.survey_app.catchup import missed, reopen
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.export import iso, write_export
from craftwave.survey_app.extensions import db
from craftwave.survey_app.fieldwork import status_word, study_states
from craftwave.survey_app.links import reissue_link
from craftwave.survey_app.models import Participant, StudyRecord
from craftwave.survey_app.models.researcher import MESSAGE_STATUSES, AuditEntry
from craftwave.survey_app.monitoring import (
    due_now,
    rates_chart,
    response_chart,
    wave_summary,
)
from craftwave.survey_app.outbox import counts as message_counts
from craftwave.survey_app.panel import (
    delete_participant,
    likely_duplicates,
    mark_withdrawal_handled,
    reset_pilot,
    withdrawal_requests,
)
from craftwave.survey_app.pilot import pilot_url
from craftwave.survey_app.quality_cache import study_quality
from craftwave.survey_app.rights import Access, access, visible_studies
from craftwave.survey_app.studies import get_study

bp = Blueprint("dashboard", __name__, url_prefix="/researcher")

TABLE_LIMIT = 500
CHARTS = {"response": response_chart, "rates": rates_chart}
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"


class ActionForm(FlaskForm):
    """A button that posts with a CSRF token."""


def owner_required(view):
    """403 unless the researcher manages the study of the route (an instance owner, or an owner
    member of the study); on routes without a study, unless an instance owner. A study the
    researcher is no member of answers 404 first."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        study_id = kwargs.get("study_id")
        if study_id is None:
            allowed = getattr(current_user, "is_owner", False)
        else:
            allowed = _study_access(study_id).manage
        if not allowed:
            abort(403)
        return view(*args, **kwargs)
    return wrapped


def _study_access(study_id: str) -> Access:
    """The current researcher's rights in a study; 404 if it is not loaded or not theirs."""
    if len(study_id) > 64 or get_study(study_id) is None:
        abort(404)
    rights = access(current_user, study_id)
    if not rights.view:
        abort(404)
    return rights


def _study(study_id: str):
    """The compiled study, if the current researcher may see it; else 404 (as if absent)."""
    _study_access(study_id)
    return get_study(study_id)


@bp.get("/")
def studies():
    """The loaded studies."""
    q = db.select(StudyRecord).order_by(StudyRecord.id)
    visible = visible_studies(current_user)
    if visible is not None:
        q = q.where(StudyRecord.id.in_(visible))
    rows = db.session.execute(q).scalars().all()
    counts = dict(db.session.execute(  # participants, as the dashboard counts them
        db.select(Participant.study_id, db.func.count())
        .where(~Participant.test, Participant.withdrawal != "delete")
        .group_by(Participant.study_id)).all())
    return render_template("researcher/studies.html", studies=rows, counts=counts)


def _threshold() -> float | None:
    """``?spi=``: the speeding floor for this view; ``None``: the study's quality policy (or the
    ``QUALITY_SECONDS_PER_ITEM_MIN`` setting, when set)."""
    raw = request.args.get("spi")
    if raw is None:
        configured = current_app.config.get("QUALITY_SECONDS_PER_ITEM_MIN")
        return None if configured is None else float(configured)
    try:
        value = float(raw)
    except ValueError:
        abort(400, description="spi must be a number of seconds per item")
    if not 0 <= value <= 60:
        abort(400, description="spi must be between 0 and 60 seconds per item")
    return value


@bp.get("/study/<study_id>")
def study(study_id: str):
    """Per wave response, retention, timing and data quality; charts; participant table;
    likely duplicates; pilot participants apart."""
    rights = _study_access(study_id)
    cs = get_study(study_id)
    now = clock.now()
    states = study_states(cs.study, now)
    summary = wave_summary(cs.study, states)
    waves = [w.number for w in cs.study.waves]
    q = study_quality(study_id, _threshold())  # cached per wave until the wave's data change
    flags: dict[tuple[str, int], str] = {}
    if q.available and len(q.flags):
        for r in q.flags.itertuples(index=False):
            if r.reasons:
                flags[(r.participant_id, int(r.wave))] = r.reasons
    table, total = _table(study_id, states, flags, test=False)
    pilot_table, pilot_total = _table(study_id, study_states(cs.study, now, test=True), {},
                                      test=True)
    pending = len(withdrawal_requests(study_id))
    due = due_now(study_id, states)
    due_counts = due.groupby(["wave", "source"]).size().reset_index(name="n") if len(due) else due
    return render_template("researcher/dashboard.html", study=cs.study, summary=summary,
                           quality=q, table=table, total=total, limit=TABLE_LIMIT,
                           waves=waves, pending=pending, form=ActionForm(), now=now,
                           due_counts=due_counts, email=_email_panel(study_id, now),
                           rights=rights, q="",
                           duplicates=likely_duplicates(study_id), pilot_table=pilot_table,
                           pilot_total=pilot_total,
                           pilot_link=pilot_url(request.host_url, study_id) if rights.manage else None)


def _table(study_id: str, states, flags: dict, test: bool) -> tuple[list[dict], int]:
    """The first :data:`TABLE_LIMIT` participants (real, or pilot with ``test``) with their
    status per wave in the export's words, and how many there are."""
    people = {p.id: p for p in db.session.execute(
        db.select(Participant).where(Participant.study_id == study_id,
                                     Participant.withdrawal != "delete",
                                     Participant.test.is_(test))
        .order_by(Participant.id).limit(TABLE_LIMIT)).scalars()}
    by_person: dict[int, list] = {}
    for pk, wave, status in zip(states["id"], states["wave"], states["status"], strict=True):
        p = people.get(pk)
        if p is not None:
            word = status_word(status) if isinstance(status, str) else None
            by_person.setdefault(pk, []).append(
                (int(wave), word or "", flags.get((p.pid, int(wave)), "")))
    table = [{"pid": p.pid, "source": p.source, "arm": p.arm,
              "withdrawal": p.withdrawal.replace("_", " "), "waves": by_person.get(pk, [])}
             for pk, p in people.items()]
    total = db.session.execute(db.select(db.func.count()).select_from(Participant).where(
        Participant.study_id == study_id, Participant.withdrawal != "delete",
        Participant.test.is_(test))).scalar_one()
    return table, total


@bp.post("/study/<study_id>/pilot/reset")
@owner_required
def pilot_reset(study_id: str):
    """Delete every pilot (test) participant of the study with their data (audited)."""
    if not ActionForm().validate_on_submit():
        abort(400)
    n = reset_pilot(study_id, current_user.email)
    flash(f"Pilot data reset: {n} test participant(s) deleted.")
    return redirect(url_for("dashboard.study", study_id=study_id), 303)


def _email_panel(study_id: str, now) -> dict:
    """Messages per wave and state, and missed waves per wave, for the dashboard."""
    counts = message_counts(study_id)
    gone = missed(study_id, now)
    return {"statuses": MESSAGE_STATUSES, "counts": counts,
            "waves": sorted({w for w, _s in counts}),
            "missed": gone.groupby("wave").size().to_dict() if len(gone) else {}}


@bp.post("/study/<study_id>/reopen/<int:wave>")
@owner_required
def reopen_wave(study_id: str, wave: int):
    """Reopen a missed wave for everyone never invited to it (the worker then invites them)."""
    _study(study_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        done = reopen(study_id, wave, current_user.email)
    except DataError as exc:
        abort(400, description=str(exc))
    flash(f"Wave {wave} reopened for {len(done)} participant(s).")
    return redirect(url_for("dashboard.study", study_id=study_id), code=303)


@bp.get("/study/<study_id>/due.csv")
def due_csv(study_id: str):
    """Who is due now without an email on file, with recruitment ids (e.g. a Prolific
    allowlist for the wave); audited like an export."""
    if not _study_access(study_id).identifiers:
        abort(403, description="Due lists carry recruitment ids: that needs the identifiers "
                               "right in this study.")
    cs = get_study(study_id)
    due = due_now(study_id, study_states(cs.study, clock.now()))
    wave = request.args.get("wave", type=int)
    if wave is not None:
        due = due[due["wave"] == wave]
    for col in ("opens_at", "closes_at"):
        due[col] = [iso(v) for v in due[col]]
    with write_transaction():
        record(current_user.email, "due_list", study_id=study_id,
               detail={"wave": wave, "participants": len(due)})
    resp = Response(neutralise_frame(due).to_csv(index=False, lineterminator="\n"), mimetype="text/csv")
    name = f"{study_id}-due" + (f"-w{wave}" if wave is not None else "") + ".csv"
    resp.headers["Content-Disposition"] = f"attachment; filename={name}"
    return resp


@bp.get("/study/<study_id>/chart/<name>.svg")
def chart(study_id: str, name: str):
    """A chart as SVG (matplotlib, drawn here: no external service)."""
    cs = _study(study_id)
    make = CHARTS.get(name)
    if make is None:
        abort(404)
    svg = make(wave_summary(cs.study))
    resp = Response(svg, mimetype="image/svg+xml")
    resp.headers["Content-Security-Policy"] = SVG_CSP
    resp.headers["Cache-Control"] = "no-store"
    return resp


@bp.get("/study/<study_id>/export.zip")
def download(study_id: str):
    """The export directory as a zip file (audited like ``craftwave export``)."""
    rights = _study_access(study_id)
    with_ids = request.args.get("recruitment_ids") == "1"
    if with_ids and not rights.identifiers:
        abort(403, description="Exporting recruitment ids needs the identifiers right in this "
                               "study.")
    buf = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="craftwave-export-") as tmp:
        out = Path(tmp) / study_id
        try:
            write_export(study_id, out, actor=current_user.email, with_recruitment_ids=with_ids)
        except DataError as exc:
            abort(400, description=str(exc))
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(out.iterdir()):
                zf.write(path, f"{study_id}/{path.name}")
    buf.seek(0)
    stamp = clock.now().strftime("%Y%m%dT%H%M%SZ")
    return send_file(buf, mimetype="application/zip", as_attachment=True,
                     download_name=f"{study_id}-export-{stamp}.zip")


@bp.get("/study/<study_id>/withdrawals")
def withdrawals(study_id: str):
    """Withdrawal requests waiting for action (and, with ?all=1, the handled ones)."""
    rights = _study_access(study_id)
    cs = get_study(study_id)
    show_all = request.args.get("all") == "1"
    return render_template("researcher/withdrawals.html", study=cs.study,
                           requests=withdrawal_requests(study_id, include_handled=show_all),
                           show_all=show_all, form=ActionForm(), manage=rights.manage)


@bp.post("/study/<study_id>/withdrawals/<int:request_id>/handled")
@owner_required
def withdrawal_handled(study_id: str, request_id: int):
    _study(study_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        mark_withdrawal_handled(study_id, request_id, current_user.email)
    except DataError:
        abort(404)
    flash("Marked as handled.")
    return redirect(url_for("dashboard.withdrawals", study_id=study_id), 303)


@bp.get("/study/<study_id>/participants/<pid>/delete")
@owner_required
def confirm_delete(study_id: str, pid: str):
    """Ask before deleting (owners only)."""
    cs = _study(study_id)
    p = db.session.execute(db.select(Participant).where(
        Participant.study_id == study_id, Participant.pid == pid)).scalar_one_or_none()
    if p is None:
        abort(404)
    return render_template("researcher/confirm_delete.html", study=cs.study, p=p)


@bp.post("/study/<study_id>/participants/<pid>/delete")
@owner_required
def delete(study_id: str, pid: str):
    """Delete every row of a participant (owners only); the audit log keeps that it happened."""
    _study(study_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        delete_participant(study_id, pid, current_user.email)
    except DataError:
        abort(404)
    flash(f"Participant {pid} and all their data were deleted.")
    return redirect(url_for("dashboard.withdrawals", study_id=study_id), 303)


@bp.post("/study/<study_id>/participants/<pid>/new-link")
@owner_required
def new_link(study_id: str, pid: str):
    """End a participant's personal links and issue a new one (owners only, audited); the new
    link goes out with the next email (``links.token_for``)."""
    _study(study_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        reissue_link(study_id, pid, current_user.email)
    except DataError:
        abort(404)
    flash(f"Participant {pid} has a new personal link; their earlier links no longer work.")
    return redirect(url_for("dashboard.study", study_id=study_id), 303)


@bp.get("/audit")
@owner_required
def audit():
    """The audit log, newest first (owners only)."""
    page = min(max(request.args.get("page", 1, type=int) or 1, 1), 10**6)
    per_page = 200
    entries = db.session.execute(
        db.select(AuditEntry).order_by(AuditEntry.id.desc())
        .offset((page - 1) * per_page).limit(per_page + 1)).scalars().all()
    return render_template("researcher/audit.html", entries=entries[:per_page], page=page,
                           more=len(entries) > per_page)
