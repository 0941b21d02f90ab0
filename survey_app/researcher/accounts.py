"""Account management: listing accounts, passwords, deactivation and roles.

The functions (used by the ``craftwave researcher`` commands and the pages below) change one
account each, audit the change in the same transaction, and never leave the study without an
active owner: deactivating or demoting the last active owner is refused.

Pages (blueprint ``accounts``, all behind the researcher login):

``/researcher/account/password``
    Any researcher changes their own password (the current one is required; the same length
    rule as ``craftwave researcher add``). Other sessions of the account end.
``/researcher/accounts``
    Owners see every account and deactivate or reactivate them.

A deactivated account cannot log in (the login page answers as for a wrong password) and its
open sessions end at their next request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_user
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length

from craftwave.survey_app.accounts import AccountError, normalise_email
from craftwave.survey_app.audit import cli_actor, record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models.researcher import ROLES, Researcher
from craftwave.survey_app.passwords import PasswordRejected, check_new_password
from craftwave.survey_app.researcher.dashboard import owner_required
from craftwave.survey_app.researcher.sessions import start_session

bp = Blueprint("accounts", __name__, url_prefix="/researcher")

_hasher = PasswordHasher()


@dataclass(frozen=True)
class AccountInfo:
    """One account as listed (never the password hash)."""

    email: str
    role: str
    active: bool
    created_at: datetime
    last_login_at: datetime | None
    locked_until: datetime | None
    id: int

    def to_dict(self) -> dict:
        """JSON-ready: datetimes as ISO 8601 text (UTC, no offset) or ``None``."""
        def iso(v):
            return v.isoformat(timespec="seconds") if v is not None else None
        return {"email": self.email, "role": self.role, "active": self.active,
                "created_at": iso(self.created_at), "last_login_at": iso(self.last_login_at),
                "locked_until": iso(self.locked_until)}


# -- the operations ----------------------------------------------------------------------------
def check_password(password: str, email: str | None = None) -> None:
    """Raise :class:`AccountError` unless ``password`` meets the policy of
    :mod:`craftwave.survey_app.passwords` (as :func:`craftwave.survey_app.accounts.add_researcher`)."""
    try:
        check_new_password(password, email)
    except PasswordRejected as exc:
        raise AccountError(str(exc)) from None


def list_researchers() -> list[AccountInfo]:
    """Every account, owners first, then by email."""
    rows = db.session.execute(db.select(Researcher).order_by(
        Researcher.role.desc(), Researcher.email)).scalars().all()
    return [AccountInfo(email=r.email, role=r.role, active=bool(r.active), created_at=r.created_at,
                        last_login_at=r.last_login_at, locked_until=r.locked_until, id=r.id)
            for r in rows]


def _get(email: str) -> Researcher:
    email = normalise_email(email)
    user = db.session.execute(
        db.select(Researcher).where(Researcher.email == email)).scalar_one_or_none()
    if user is None:
        raise AccountError(f"there is no account for '{email}'")
    return user


def _other_active_owners(user: Researcher) -> int:
    """Active owners other than ``user``. Every active owner's row (``user``'s too) is locked
    until the commit, so that on PostgreSQL two owners deactivating each other at once are
    serialised and the second sees the first's change (SQLite's write transaction already
    serialises them)."""
    ids = db.session.execute(db.select(Researcher.id).where(
        Researcher.role == "owner", Researcher.active.is_(True)).with_for_update()).scalars().all()
    return sum(1 for i in ids if i != user.id)


def set_password(email: str, password: str, actor: str | None = None) -> None:
    """Give an account a new password (committed, audited); also lifts a lockout.

    Parameters
    ----------
    email : str
        The account.
    password : str
        The new password (at least ``PASSWORD_MIN_LENGTH`` characters).
    actor : str, optional
        Who changes it, for the audit log (default: the command-line user).

    Raises
    ------
    AccountError
        On an unknown account or a too-short password.
    """
    check_password(password, email)
    with write_transaction():
        user = _get(email)
        user.password_hash = _hasher.hash(password)
        user.failed_logins = 0
        user.locked_until = None
        user.session_version = (user.session_version or 0) + 1
        record(actor or cli_actor(), "password_changed", detail={"email": user.email})


def change_own_password(user: Researcher, current: str, new: str) -> None:
    """A researcher changes their own password, proving the current one first.

    Raises
    ------
    AccountError
        If ``current`` is wrong or ``new`` is too short; nothing changes.
    """
    try:
        ok = _hasher.verify(user.password_hash, current)
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        raise AccountError("the current password is not correct")
    set_password(user.email, new, actor=user.email)


def set_active(email: str, active: bool, actor: str | None = None) -> Researcher:
    """Deactivate or reactivate an account (committed, audited).

    Raises
    ------
    AccountError
        On an unknown account, or when deactivating the last active owner.
    """
    with write_transaction():
        user = _get(email)
        if not active and user.role == "owner" and user.active and _other_active_owners(user) == 0:
            raise AccountError(f"'{user.email}' is the last active owner; make another account "
                               "an owner first")
        if bool(user.active) != active:
            user.active = active
            user.session_version = (user.session_version or 0) + 1
            if active:
                user.failed_logins = 0
                user.locked_until = None
            record(actor or cli_actor(),
                   "researcher_activated" if active else "researcher_deactivated",
                   detail={"email": user.email})
    return user


def set_role(email: str, role: str, actor: str | None = None) -> Researcher:
    """Make an account an owner or an analyst (committed, audited).

    Raises
    ------
    AccountError
        On an unknown account or role, or when demoting the last active owner.
    """
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}, not '{role}'")
    with write_transaction():
        user = _get(email)
        if (role != "owner" and user.role == "owner" and user.active
                and _other_active_owners(user) == 0):
            raise AccountError(f"'{user.email}' is the last active owner; make another account "
                               "an owner first")
        if user.role != role:
            record(actor or cli_actor(), "role_changed",
                   detail={"email": user.email, "from": user.role, "to": role})
            user.role = role
    return user


# -- the pages ---------------------------------------------------------------------------------
class PasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[InputRequired(), Length(max=1024)])
    new = PasswordField("New password", validators=[InputRequired(), Length(max=1024)])
    confirm = PasswordField("New password again", validators=[
        InputRequired(), EqualTo("new", message="The two new passwords differ.")])


class ActionForm(FlaskForm):
    """A button that posts with a CSRF token."""


@bp.route("/account/password", methods=["GET", "POST"])
def password():
    """Change one's own password."""
    form = PasswordForm()
    error = None
    status = 200
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            change_own_password(user, form.current.data, form.new.data)
        except AccountError as exc:
            error, status = f"{str(exc)[0].upper()}{str(exc)[1:]}.", 400
        else:
            db.session.refresh(user)
            login_user(user)  # this session goes on under the new password
            start_session()
            flash("Your password was changed; other sessions of your account have ended.")
            return redirect(url_for("accounts.password"), 303)
    elif form.is_submitted():
        status = 400
    return render_template("researcher/password.html", form=form, error=error), status


class TwoFactorForm(FlaskForm):
    secret = HiddenField(validators=[InputRequired(), Length(max=64)])
    code = StringField("Code", validators=[InputRequired(), Length(max=32)])


@bp.route("/account/two-factor", methods=["GET", "POST"])
def two_factor():
    """Turn on TOTP for one's own account (:mod:`craftwave.survey_app.totp`)."""
    from craftwave.survey_app import totp

    user = current_user._get_current_object()
    required = bool(current_app.config.get("REQUIRE_TOTP_FOR_OWNERS")) and user.is_owner
    if user.totp_secret:
        return render_template("researcher/two_factor.html", enabled=True)
    form = TwoFactorForm()
    error, status = None, 200
    if form.validate_on_submit():
        codes = totp.enable(user, form.secret.data, form.code.data)
        if codes is not None:
            return render_template("researcher/two_factor.html", codes=codes)
        error, status = "That code does not match. Check the app's clock and try the current code.", 400
    secret = form.secret.data if form.is_submitted() and form.secret.data else totp.new_secret()
    form.secret.data = secret
    uri = totp.provisioning_uri(user.email, secret)
    return render_template("researcher/two_factor.html", form=form, secret=secret, error=error,
                           uri=uri, qr=Markup(totp.qr_svg(uri)), required=required), status


@bp.get("/accounts")
@owner_required
def accounts():
    """Every account, with deactivate / reactivate buttons (owners only)."""
    return render_template("researcher/accounts.html", accounts=list_researchers(),
                           form=ActionForm())


def _toggle(account_id: int, active: bool):
    if not ActionForm().validate_on_submit():
        abort(400)
    user = db.session.get(Researcher, account_id)
    if user is None:
        abort(404)
    try:
        set_active(user.email, active, actor=current_user.email)
    except AccountError as exc:
        flash(f"Not changed: {exc}.")
    else:
        flash(f"{user.email} was {'reactivated' if active else 'deactivated'}.")
    return redirect(url_for("accounts.accounts"), 303)


@bp.post("/accounts/<int:account_id>/deactivate")
@owner_required
def deactivate(account_id: int):
    return _toggle(account_id, False)


@bp.post("/accounts/<int:account_id>/activate")
@owner_required
def activate(account_id: int):
    return _toggle(account_id, True)
