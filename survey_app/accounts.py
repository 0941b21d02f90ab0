"""Researcher accounts: argon2 password hashes, roles, and lockout after repeated failures.

Settings (``app.config``):

``LOGIN_MAX_FAILURES`` (default 5)
    Consecutive failed logins after which the account is locked.
``LOGIN_LOCKOUT_MINUTES`` (default 15)
    How long a lock lasts; a correct password during the lock is refused too.
``PASSWORD_MIN_LENGTH`` (default 12)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

from craftwave.instruments.errors import CraftwaveError
from craftwave.survey_app import clock
from craftwave.survey_app.audit import cli_actor, record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models.researcher import ROLES, Researcher

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
        On an invalid email, a role other than ``owner``/``analyst``, a password shorter than
        ``PASSWORD_MIN_LENGTH``, or an email that already has an account.
    """
    email = normalise_email(email)
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}, not '{role}'")
    min_len = int(current_app.config.get("PASSWORD_MIN_LENGTH", 12))
    if len(password) < min_len:
        raise AccountError(f"the password must have at least {min_len} characters")
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
    reason: str  # "ok", "invalid", "locked"


def attempt_login(email: str, password: str) -> LoginOutcome:
    """Check a password, count failures, lock the account after too many; audited, committed.

    An unknown email and a wrong password give the same outcome (``invalid``), and take the
    same time (a hash is verified either way). While an account is locked every attempt is
    refused (``locked``) without checking the password. The password is checked outside the
    write transaction (argon2 takes tens of milliseconds; participants' page saves must not
    wait for it); the account is read again under the write lock before it is changed.
    """
    cfg = current_app.config
    max_failures = int(cfg.get("LOGIN_MAX_FAILURES", 5))
    lock_minutes = float(cfg.get("LOGIN_LOCKOUT_MINUTES", 15))
    now = clock.now()
    try:
        email = normalise_email(email)
    except AccountError:
        email = (email or "").strip().lower()[:320]
    user = _by_email(email)
    if user is None or not user.active:
        _verify(_DUMMY_HASH, password)
        with write_transaction():
            # The typed text is not kept: it could be a password typed into the wrong field.
            record("(unknown account)", "login_failed",
                   detail={"reason": "unknown or inactive account"})
        return LoginOutcome(None, "invalid")
    if user.locked_until is not None and now < user.locked_until:
        with write_transaction():
            record(user.email, "login_failed", detail={"reason": "locked"})
        return LoginOutcome(None, "locked")
    checked_hash = user.password_hash
    ok = _verify(checked_hash, password)
    needs_rehash = ok and _hasher.check_needs_rehash(checked_hash)
    new_hash = _hasher.hash(password) if needs_rehash else None
    with write_transaction():
        user = _by_email(email)
        if user is None or not user.active or user.password_hash != checked_hash:
            # changed while the password was being checked: answer as for a wrong password
            record("(unknown account)", "login_failed", detail={"reason": "account changed"})
            return LoginOutcome(None, "invalid")
        if not ok:
            user.failed_logins = (user.failed_logins or 0) + 1
            record(user.email, "login_failed", detail={"failures": user.failed_logins})
            if user.failed_logins >= max_failures:
                user.locked_until = now + timedelta(minutes=lock_minutes)
                user.failed_logins = 0
                record(user.email, "lockout", detail={"minutes": lock_minutes})
                return LoginOutcome(None, "locked")
            return LoginOutcome(None, "invalid")
        if new_hash is not None:
            user.password_hash = new_hash
        user.failed_logins = 0
        user.locked_until = None
        user.last_login_at = now
        record(user.email, "login")
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
