"""craftwave's survey app: consented, multi-wave, paged surveys that never lose an answer.

Create it with :func:`create_app`; prepare its database with ``craftwave db upgrade``; serve it
with ``craftwave serve``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from flask import Flask, g, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from craftwave.survey_app.config import DEFAULTS, apply_environment, instance_secret_key
from craftwave.survey_app.sending_hours import local_date
from craftwave.survey_app.urls import init_urls

MIGRATIONS_DIR = str(Path(__file__).parent / "migrations")


def create_app(test_config: dict | None = None) -> Flask:
    """Build the Flask app: defaults, then ``instance/config.py``, then the environment, then tests.

    Parameters
    ----------
    test_config : dict, optional
        Settings that override everything else (tests, benchmarks, the demo), e.g.
        ``{"SQLALCHEMY_DATABASE_URI": ..., "CLOCK": FakeClock(...)}``.

    Returns
    -------
    Flask
        The app, with its extensions bound and blueprints registered. It creates no tables:
        migrations do (``craftwave db upgrade``).
    """
    instance = os.environ.get("CRAFTWAVE_INSTANCE_PATH")
    app = Flask(__name__, instance_path=instance, instance_relative_config=True)
    init_urls(app)  # before any route is added: numbers beyond a column's range are 404
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    apply_environment(app.config, app.instance_path)
    if test_config:
        app.config.from_mapping(test_config)
        if "SQLALCHEMY_DATABASE_URI" in test_config:
            app.config["DATABASE_SOURCE"] = "the settings given to create_app"
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)

    from craftwave.survey_app import models  # noqa: F401  (registers the tables)
    from craftwave.survey_app.db import configure_engine
    from craftwave.survey_app.extensions import csrf, db, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR)
    csrf.init_app(app)
    from craftwave.survey_app.i18n import init_i18n

    init_i18n(app)
    with app.app_context():
        configure_engine(db.engine, app.config["SQLITE_SYNCHRONOUS"])

    from craftwave.survey_app.participant import entry, own_answers, resume, survey
    from craftwave.survey_app.participant.common import tr
    from craftwave.survey_app.security import init_security

    app.register_blueprint(entry.bp)
    app.register_blueprint(survey.bp)
    app.register_blueprint(resume.bp)
    from craftwave.survey_app import unsubscribe

    app.register_blueprint(unsubscribe.bp)
    app.register_blueprint(own_answers.bp)
    init_security(app)
    from craftwave.survey_app.framing import init_framing

    init_framing(app)
    from craftwave.survey_app.researcher import (
        init_researcher_side,  # researcher side: login, dashboard, limits
    )

    init_researcher_side(app)
    app.jinja_env.globals["tr"] = tr
    app.jinja_env.filters["local_date"] = local_date
    app.add_url_rule("/", "index", _index)
    app.add_url_rule("/healthz", "healthz", lambda: {"ok": True})
    _register_errors(app)
    return app


def _index():
    return render_template("entry/index.html")


MESSAGES = {
    400: _l("The request could not be understood."),
    404: _l("There is nothing at this address. Please check your link."),
    405: _l("This address does not accept that kind of request."),
    413: _l("What was sent is too large."),
    429: _l("Too many requests came from your connection. Please wait a minute and try again."),
    500: _l("Something went wrong on our side. Your saved answers are safe; please try again "
            "in a moment."),
}


LOST_SESSION_ENDPOINTS = {"survey.page", "survey.screening", "survey.consent",
                          "survey.withdrawal", "entry.consent"}
"""Participant posts that survive an expired session or CSRF token (nothing typed is lost)."""


def _register_errors(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(exc):
        if request.method == "POST" and request.endpoint in LOST_SESSION_ENDPOINTS:
            from craftwave.survey_app.participant.entry import consent_after_lost_session
            from craftwave.survey_app.participant.survey import after_lost_session

            try:
                if request.endpoint == "entry.consent":
                    return consent_after_lost_session()
                return after_lost_session()
            except HTTPException as inner:  # e.g. an unknown link: its own error page, never a 500
                return _http(inner)
        return render_template("errors/error.html", code=400,
                               message=_("Your page was open too long or came from elsewhere. "
                                         "Please go back, reload the page and send it again.")), 400

    @app.errorhandler(429)
    def _wait(exc):
        """Too many requests: a participant gets a calm page that retries by itself."""
        from craftwave.survey_app.researcher import is_public

        limit = app.extensions["craftwave_limiter"].current_limit
        seconds = max(1, min(120, int(limit.reset_at - time.time()) + 1)) if limit else 30
        if is_public(request.endpoint) and request.endpoint not in ("auth.login",):
            resp = app.make_response((render_template("errors/wait.html", seconds=seconds), 429))
            resp.headers["Refresh"] = str(seconds)  # the browser tries again by itself
        else:
            resp = app.make_response((render_template(
                "errors/error.html", code=429,
                message=f"Too many attempts. Please wait {seconds} seconds and try again."), 429))
        resp.headers["Retry-After"] = str(seconds)
        return resp

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        if exc.code is None or exc.code < 400:
            return exc
        desc = exc.description if exc.code == 400 else None
        message = desc or MESSAGES.get(exc.code, exc.name)
        return render_template("errors/error.html", code=exc.code, message=message), exc.code

    @app.teardown_request
    def _forget(_exc):
        g.pop("study", None)
