"""Researcher login and logout (Flask-Login; argon2 hashes; lockout; rate-limited POST).

Logout raises the account's session version: every cookie of the account issued before it is
refused afterwards (:mod:`craftwave.survey_app.researcher.sessions`).
"""

from __future__ import annotations

import time

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import InputRequired, Length

from craftwave.survey_app import login_delay
from craftwave.survey_app.accounts import attempt_login, end_sessions
from craftwave.survey_app.researcher.sessions import safe_next, start_session

bp = Blueprint("auth", __name__, url_prefix="/researcher", static_folder="static",
               static_url_path="/static")

FAILED = "Email or password not recognised."
WAIT = "Too many failed attempts. Please wait {wait} before trying again."


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[InputRequired(), Length(max=320)])
    password = PasswordField("Password", validators=[InputRequired(), Length(max=1024)])


class LogoutForm(FlaskForm):
    pass


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login page; a correct password resets the failure count, repeated failures wait."""
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next")))
    form = LoginForm()
    error = None
    status = 200
    if form.validate_on_submit():
        outcome = attempt_login(form.email.data, form.password.data, request.remote_addr,
                                request.cookies.get(login_delay.DEVICE_COOKIE))
        if outcome.user is not None and outcome.user.totp_secret:
            session.clear()
            session[PENDING] = {"id": outcome.user.id, "v": outcome.user.session_version or 0,
                                "at": time.time(), "next": safe_next(request.args.get("next"))}
            return redirect(url_for("auth.login_code"), 303)  # known-browser cookie after the code
        if outcome.user is not None:
            return _logged_in(outcome.user, safe_next(request.args.get("next")))
        if outcome.reason == "wait":
            error, status = WAIT.format(wait=login_delay.wait_text(outcome.wait_seconds)), 429
        else:
            error, status = FAILED, 401
    elif request.method == "POST":
        status = 400
    return render_template("researcher/login.html", form=form, error=error), status


PENDING = "craftwave_totp_pending"
PENDING_SECONDS = 300
"""How long the code page waits after a correct password."""


class CodeForm(FlaskForm):
    code = StringField("Code", validators=[InputRequired(), Length(max=32)])


def _logged_in(user, target: str):
    session.clear()  # a fresh session: nothing carried over from before the login
    login_user(user)
    start_session()
    resp = redirect(target, 303)
    resp.set_cookie(login_delay.DEVICE_COOKIE, login_delay.device_cookie_value(user),
                    max_age=login_delay.DEVICE_DAYS * 86400, httponly=True, samesite="Lax",
                    secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")), path="/researcher")
    return resp


@bp.route("/login/code", methods=["GET", "POST"])
def login_code():
    """The second step for an account with TOTP: a code from the app, or a recovery code."""
    from craftwave.survey_app import clock
    from craftwave.survey_app.db import write_transaction
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models.researcher import Researcher
    from craftwave.survey_app.totp import check_second_factor

    pending = session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - float(pending.get("at", 0)) > PENDING_SECONDS:
        session.pop(PENDING, None)
        return redirect(url_for("auth.login"), 303)
    user = db.session.get(Researcher, int(pending["id"]))
    if user is None or not user.active or (user.session_version or 0) != pending.get("v"):
        session.pop(PENDING, None)
        return redirect(url_for("auth.login"), 303)
    form = CodeForm()
    error, status = None, 200
    if form.validate_on_submit():
        address = request.remote_addr or "unknown"
        now = clock.now()
        wait = login_delay.address_wait(address, now)
        if wait == 0 and not login_delay.is_known_browser(request.cookies.get(login_delay.DEVICE_COOKIE), user):
            wait = login_delay.account_wait(user, now)  # codes guessed from many addresses slow down
        if wait > 0:
            error, status = WAIT.format(wait=login_delay.wait_text(wait)), 429
        elif check_second_factor(user, form.code.data):
            with write_transaction():
                fresh = db.session.get(Researcher, user.id)
                fresh.failed_logins = 0
                fresh.locked_until = None
            return _logged_in(fresh, pending.get("next") or url_for("dashboard.studies"))
        else:
            login_delay.address_failed(address, now)
            with write_transaction():
                fresh = db.session.get(Researcher, user.id)
                login_delay.account_failed(fresh, now)
            error, status = "That code is not right. Use the current code from your app, or a recovery code.", 401
    elif request.method == "POST":
        status = 400
    return render_template("researcher/login_code.html", form=form, error=error), status


@bp.post("/logout")
@login_required
def logout():
    form = LogoutForm()
    if form.validate_on_submit():
        end_sessions(current_user.id, current_user.email, "logout")
        logout_user()
        session.clear()
    return redirect(url_for("auth.login"), 303)
