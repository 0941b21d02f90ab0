"""The researcher side of the app: login, dashboard, downloads, withdrawals, deletion, audit log.

:func:`init_researcher_side` binds it to an app (called by :func:`craftwave.survey_app.create_app`):
Flask-Login, Flask-Limiter, the blueprints, and a default-deny rule: every endpoint needs a
logged-in researcher except the participant pages (blueprints ``entry`` and ``survey``), static
files, the login page, the landing page and the health check.

Settings (``app.config``; defaults in :data:`DEFAULTS`):

``RATELIMIT_STORAGE_URI``
    Flask-Limiter's store. Default: ``craftwave-db://``, the app's own database (table
    ``rate_counters``, :mod:`craftwave.survey_app.ratelimit_store`), shared by every worker of
    every host, keys stored as keyed hashes, expired rows deleted; under ``TESTING``,
    ``memory://``.
``LOGIN_RATE_LIMIT``
    Limit on login attempts per client address (POST), e.g. ``"10 per minute"``.
``ENTRY_RATE_LIMIT``
    Limit on the public study links and consent per client address (default 600 a minute:
    a class of 200 behind one address makes about 400 such requests to start).
``ENTRY_STUDY_RATE_LIMIT``
    Limit on the same, per study over all addresses (default 3,000 a minute).
``PAGE_POST_RATE_LIMIT``
    Limit on page submissions per personal link (default 30 a minute).
``LOGIN_MAX_FAILURES``, ``LOGIN_DELAY_SECONDS``, ``LOGIN_ACCOUNT_MAX_DELAY_SECONDS``, ``LOGIN_ADDRESS_MAX_DELAY_SECONDS``
    Failed logins slow down instead of locking: see :mod:`craftwave.survey_app.login_delay`.
``RATELIMIT_ENABLED``
    ``False`` switches every limit off (benchmarks).
``REQUIRE_TOTP_FOR_OWNERS``
    ``True``: an owner without a second factor is sent to set one up before any other page
    (:mod:`craftwave.survey_app.totp`).
``RESEARCHER_IDLE_MINUTES``, ``RESEARCHER_SESSION_HOURS``
    A researcher's session ends after this long unused (default 30 minutes) and this long
    after login (default 12 hours); see :mod:`craftwave.survey_app.researcher.sessions`.
"""

from __future__ import annotations

import hmac

from flask import Flask, current_app, jsonify, redirect, request, url_for
from flask_login import LoginManager, current_user

from craftwave.survey_app.researcher.sessions import check_session, init_sessions, parse_user_id

DEFAULTS: dict[str, object] = {
    "RATELIMIT_HEADERS_ENABLED": False,
    "LOGIN_RATE_LIMIT": "10 per minute",
    "ENTRY_RATE_LIMIT": "600 per minute",
    "ENTRY_STUDY_RATE_LIMIT": "3000 per minute",
    "PAGE_POST_RATE_LIMIT": "30 per minute",
    "LOGIN_MAX_FAILURES": 5,
    "LOGIN_DELAY_SECONDS": 2.0,
    "LOGIN_ACCOUNT_MAX_DELAY_SECONDS": 60.0,
    "LOGIN_ADDRESS_MAX_DELAY_SECONDS": 900.0,
    "PASSWORD_MIN_LENGTH": 12,
    "QUALITY_SECONDS_PER_ITEM_MIN": None,   # None: the study's quality policy
    "REQUIRE_TOTP_FOR_OWNERS": False,
}

PUBLIC_BLUEPRINTS = frozenset({"entry", "survey", "resume", "unsubscribe", "copy"})
"""Blueprints of the participant pages (reachable without a researcher login)."""
PUBLIC_ENDPOINTS = frozenset({"static", "index", "healthz", "auth.login", "auth.login_code", "auth.static"})
"""Other endpoints reachable without login: static files, login, landing page, health check."""

login_manager = LoginManager()


def is_public(endpoint: str | None) -> bool:
    """Whether an endpoint may be reached without a researcher login."""
    if endpoint is None:
        return True  # no route matched: the 404/405 handler answers
    return endpoint in PUBLIC_ENDPOINTS or endpoint.split(".", 1)[0] in PUBLIC_BLUEPRINTS


def init_researcher_side(app: Flask) -> None:
    """Bind login, rate limits, the researcher blueprints and the default-deny rule to ``app``."""
    from flask_limiter import Limiter
    from flask_limiter.util import get_remote_address

    from craftwave.survey_app import (
        audit,  # noqa: F401  (registers the withdrawal and study listeners)
        ratelimit_store,
    )
    from craftwave.survey_app.participant import entry, survey
    from craftwave.survey_app.researcher import (
        accounts,
        auth,
        dashboard,
        people,
        reports_download,
        upload,
    )

    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    if not app.config.get("RATELIMIT_STORAGE_URI"):
        app.config["RATELIMIT_STORAGE_URI"] = "memory://" if app.testing else f"{ratelimit_store.DB_SCHEME}://"
    init_sessions(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    limiter = Limiter(get_remote_address)
    limiter.init_app(app)
    limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])(auth.bp)
    # the password page checks a password too
    limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])(accounts.bp)
    limiter.limit(lambda: current_app.config["ENTRY_RATE_LIMIT"])(entry.bp)
    limiter.limit(lambda: current_app.config["ENTRY_STUDY_RATE_LIMIT"], key_func=_study_key,
                  scope="entry-study")(entry.bp)
    limiter.limit(lambda: current_app.config["PAGE_POST_RATE_LIMIT"], key_func=_token_key,
                  methods=["POST"], scope="page-post")(survey.bp)
    app.extensions["craftwave_limiter"] = limiter
    app.register_blueprint(auth.bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(accounts.bp)
    app.register_blueprint(people.bp)
    upload.init_upload(app)
    reports_download.init_report_downloads(app)
    app.before_request(_require_researcher)


def _study_key() -> str:
    return "study:" + str((request.view_args or {}).get("study_id", ""))[:64]


def _token_key() -> str:
    return "token:" + str((request.view_args or {}).get("token", ""))[:64]


@login_manager.user_loader
def _load_user(user_id: str):
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models.researcher import Researcher

    # "<id>.<version>.<fingerprint>" (Researcher.get_id): a deactivated account, or a session
    # opened before the last logout, password change or (de)activation, is logged out.
    parsed = parse_user_id(user_id)
    if parsed is None:
        return None
    key, version, fingerprint = parsed
    user = db.session.get(Researcher, key)
    if (user is None or not user.active or version != (user.session_version or 0)
            or not hmac.compare_digest(fingerprint, user.session_fingerprint)):
        return None
    return user


def _require_researcher():
    check_session()
    if is_public(request.endpoint):
        return None
    if current_user.is_authenticated:
        if (current_app.config.get("REQUIRE_TOTP_FOR_OWNERS") and current_user.is_owner
                and not current_user.totp_secret
                and request.endpoint not in ("accounts.two_factor", "auth.logout")):
            return redirect(url_for("accounts.two_factor"), 303)
        return None
    wants_json = request.accept_mimetypes.best == "application/json"
    if request.method in ("GET", "HEAD") and not wants_json:
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    return jsonify({"error": {"code": "unauthorized",
                              "message": "Log in as a researcher first."}}), 401
