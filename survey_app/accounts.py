"""Researcher accounts: argon2 password hashes, roles, and login delays after repeated failures.

Settings (``app.config``):

``LOGIN_MAX_FAILURES`` (default 5) and the delays
    Failed logins after which each further one doubles a wait, per address and per account
    (:mod:`craftwave.survey_app.login_delay`); nobody can lock an account.
``PASSWORD_MIN_LENGTH`` (default 12)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from craftwave.instruments.errors import CraftwaveError
from craftwave.survey_app import clock, login_delay
from craftwave.survey_app.audit import cli_actor, record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models.researcher import ROLES, Researcher
from craftwave.survey_app.passwords import PasswordRejected, check_new_password

_hasher = PasswordHasher()
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Verified against when the email is unknown, so that the answer takes as long either way.
_DUMMY_HASH = _hasher.hash("craftwave: no such account")


class AccountError(CraftwaveError):
    """An account cannot be created or changed as asked."""


def normalise_email(email: str) -> str:
    """Strip and lower-case an email address; :class:`AccountError` if it is not one."""
    email = (email or "").strip().lower()
    if not _EMAIL.match(email) or len(email) > 320:
        raise AccountError(f"'{email}' is not an email address")
    return email


def add_researcher(email: str, password: str, role: str, actor: str | None = None) -> Researcher:
    """Create a researcher account (committed) and audit it (``actor``: default the CLI user).

    Raises
    ------
    AccountError
        On an invalid email, a role other than ``owner``/``analyst``, a password the policy
        refuses (:mod:`craftwave.survey_app.passwords`), or an email that already has an account.
    """
    email = normalise_email(email)
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}, not '{role}'")
    try:
        check_new_password(password, email)
    except PasswordRejected as exc:
        raise AccountError(str(exc)) from None
    if db.session.execute(db.select(Researcher.id).where(Researcher.email == email)).first():
        raise AccountError(f"an account for '{email}' already exists")
    now = clock.now()
    user = Researcher(email=email, password_hash=_hasher.hash(password), role=role, active=True,
                      created_at=now, failed_logins=0)
    with write_transaction():
        db.session.add(user)
        record(actor or cli_actor(), "researcher_added", detail={"email": email, "role": role})
    return user


@dataclass(frozen=True)
class LoginOutcome:
    """The result of a login attempt: the researcher on success, else why it failed."""

    user: Researcher | None
    reason: str  # "ok", "invalid", "wait"
    wait_seconds: float = 0.0


def attempt_login(email: str, password: str, address: str | None = None,
                  known_browser_cookie: str | None = None) -> LoginOutcome:
    """Check a password, count failures, slow repeated failures down; audited, committed.

    An unknown email and a wrong password give the same outcome (``invalid``), and take the
    same time (a hash is verified either way). While the address's or the account's delay
    runs (:mod:`craftwave.survey_app.login_delay`) an attempt is refused (``wait``) without
    checking the password; the account's delay does not apply to a browser that logged into
    the account before (``known_browser_cookie``). The password is checked outside the write
    transaction (argon2 takes tens of milliseconds; participants' page saves must not wait for
    it); the account is read again under the write lock before it is changed.
    """
    now = clock.now()
    address = address or "unknown"
    try:
        email = normalise_email(email)
    except AccountError:
        email = (email or "").strip().lower()[:320]
    wait = login_delay.address_wait(address, now)
    user = _by_email(email)
    if wait == 0 and user is not None and user.active and not login_delay.is_known_browser(
            known_browser_cookie, user):
        wait = login_delay.account_wait(user, now)
    if wait > 0:
        with write_transaction():
            record(user.email if user is not None and user.active else "(unknown account)",
                   "login_failed", detail={"reason": "wait", "seconds": math.ceil(wait)})
        return LoginOutcome(None, "wait", wait)
    if user is None or not user.active:
        _verify(_DUMMY_HASH, password)
        login_delay.address_failed(address, now)
        with write_transaction():
            # The typed text is not kept: it could be a password typed into the wrong field.
            record("(unknown account)", "login_failed",
                   detail={"reason": "unknown or inactive account"})
        return LoginOutcome(None, "invalid")
    checked_hash = user.password_hash
    ok = _verify(checked_hash, password)
    needs_rehash = ok and _hasher.check_needs_rehash(checked_hash)
    new_hash = _hasher.hash(password) if needs_rehash else None
    if not ok:
        login_delay.address_failed(address, now)
    with write_transaction():
        user = _by_email(email)
        if user is None or not user.active or user.password_hash != checked_hash:
            # changed while the password was being checked: answer as for a wrong password
            record("(unknown account)", "login_failed", detail={"reason": "account changed"})
            return LoginOutcome(None, "invalid")
        if not ok:
            account_wait = login_delay.account_failed(user, now)
            record(user.email, "login_failed", detail={"failures": user.failed_logins})
            if account_wait > 0:
                record(user.email, "login_delay", detail={"seconds": math.ceil(account_wait)})
            return LoginOutcome(None, "invalid")
        if new_hash is not None:
            user.password_hash = new_hash
        if not user.totp_secret:  # with a second factor, the delays reset once the code passes
            user.failed_logins = 0
            user.locked_until = None
        user.last_login_at = now
        record(user.email, "login")
    login_delay.address_succeeded(address)
    return LoginOutcome(user, "ok")


def end_sessions(user_id: int, actor: str, action: str = "logout") -> None:
    """End every session of an account (raise its session version), audited as ``action``."""
    with write_transaction():
        user = db.session.get(Researcher, user_id)
        if user is not None:
            user.session_version = (user.session_version or 0) + 1
        record(actor, action)


def _by_email(email: str) -> Researcher | None:
    return db.session.execute(
        db.select(Researcher).where(Researcher.email == email)).scalar_one_or_none()


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
