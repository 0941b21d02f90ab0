"""Importing participants through the dashboard: an owner uploads a CSV on the study page.

The file goes through :func:`craftwave.survey_app.panel.import_participants`, the function behind
``craftwave participants import``: the same all-or-nothing validation, the same audit entry
(under the owner's email). A refused file re-renders the page with every problem by line.

Settings (``app.config``):

``PARTICIPANT_UPLOAD_MAX_BYTES`` (default 2 MiB)
    The largest upload accepted on this page (the app's ``MAX_CONTENT_LENGTH`` stays in force
    everywhere else); about 40,000 rows of ``email,external_id``.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from werkzeug.exceptions import RequestEntityTooLarge

from craftwave.instruments.errors import CraftwaveError
from craftwave.survey_app.panel import ParticipantImportError, import_participants
from craftwave.survey_app.researcher.dashboard import _study, owner_required
from craftwave.survey_app.rights import access

bp = Blueprint("upload", __name__, url_prefix="/researcher")

UPLOAD_ENDPOINT = "upload.import_participants_page"
DEFAULT_MAX_BYTES = 2 * 1024 * 1024


class UploadForm(FlaskForm):
    file = FileField("CSV file", validators=[FileRequired("Choose a CSV file to upload.")])


def size_text(n: int) -> str:
    """A byte count for people: ``2 MiB``, ``100 KiB``."""
    if n >= 2**20:
        return f"{n / 2**20:.3g} MiB"
    return f"{n / 2**10:.3g} KiB"


def init_upload(app: Flask) -> None:
    """Register the upload page, and let it take larger bodies than the rest of the app.

    The limit must be raised before Flask-WTF's CSRF check reads the form (an app-level
    ``before_request``), so it is set in a URL value preprocessor, which Flask runs first; it is
    raised for researchers who manage the study only.
    """
    app.config.setdefault("PARTICIPANT_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)
    app.register_blueprint(bp)
    app.add_template_filter(size_text, "size_text")

    @app.url_value_preprocessor
    def _upload_limit(endpoint, values):
        if (endpoint == UPLOAD_ENDPOINT and request.method == "POST"
                and access(current_user, (values or {}).get("study_id", "")).manage):
            request.max_content_length = int(current_app.config["PARTICIPANT_UPLOAD_MAX_BYTES"])


def _page(study, form, problems=(), error=None, status=200):
    return render_template("researcher/import.html", study=study, form=form, problems=problems,
                           error=error), status


@bp.route("/study/<study_id>/participants/import", methods=["GET", "POST"])
@owner_required
def import_participants_page(study_id: str):
    """Upload participants (owners only): all rows valid, or nothing imported."""
    cs = _study(study_id)
    try:
        form = UploadForm()
        submitted = form.validate_on_submit()
    except RequestEntityTooLarge:
        abort(413)
    if not submitted:
        if form.is_submitted():
            errors = [m for msgs in form.errors.values() for m in msgs]
            return _page(cs.study, form, error=" ".join(errors) or "The form was not valid.",
                         status=400)
        return _page(cs.study, form)
    raw = form.file.data.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _page(cs.study, form, error="The file is not UTF-8 text: save it as "
                     "\"CSV UTF-8\" and upload it again. Nothing was imported.", status=400)
    try:
        result = import_participants(study_id, text, current_user.email)
    except ParticipantImportError as exc:
        return _page(cs.study, form, problems=exc.problems, status=400)
    except CraftwaveError as exc:
        return _page(cs.study, form, error=str(exc), status=400)
    flash(f"Imported {len(result.created)} participant(s); skipped {len(result.skipped)} "
          "already in the study.")
    return redirect(url_for("dashboard.study", study_id=study_id), 303)


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(_exc):
    limit = size_text(int(current_app.config["PARTICIPANT_UPLOAD_MAX_BYTES"]))
    return render_template("errors/error.html", code=413,
                           message=f"The file is larger than {limit}: split it into smaller "
                           "files and upload them one by one. Nothing was imported."), 413
