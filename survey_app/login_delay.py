"""Failed logins slow down, per client address and per account, instead of locking anyone out.

After ``LOGIN_MAX_FAILURES`` failures (default 5) each further failure makes the next attempt
wait ``LOGIN_DELAY_SECONDS * 2 ** (extra failures)`` seconds (default 2 s, doubling):

- **per address**, up to ``LOGIN_ADDRESS_MAX_DELAY_SECONDS`` (default 15 minutes); the count
  lives in the database (``rate_counters``, keyed hash of the address), lasts an hour after
  the last failure, and is shared by every host. A guesser slows down only their own address.
- **per account**, up to ``LOGIN_ACCOUNT_MAX_DELAY_SECONDS`` (default 60 s); kept on the
  account (``failed_logins``, ``locked_until``), forgotten an hour after the last wait. Someone
  who knows an owner's email can make an attempt wait at most a minute, never lock it, and a
  browser that has logged into the account before (a signed *known browser* cookie, set at each
  successful login) is not made to wait for the account's delay at all (only for its own
  address's).

While a wait runs the password is not checked, and the page says how long to wait.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from craftwave.survey_app import ratelimit_store

FORGET_AFTER = 3600.0
"""Seconds after which failures are forgotten (per address: since the last failure)."""
DEVICE_COOKIE = "craftwave_known_browser"
DEVICE_DAYS = 90


def _ts(moment: datetime) -> float:
    return moment.replace(tzinfo=UTC).timestamp()


def delay_for(failures: int, cap: float) -> float:
    """Seconds to wait after ``failures`` consecutive failures (0 up to ``LOGIN_MAX_FAILURES``)."""
    cfg = current_app.config
    extra = failures - int(cfg["LOGIN_MAX_FAILURES"])
    if extra < 0:
        return 0.0
    return float(min(cap, float(cfg["LOGIN_DELAY_SECONDS"]) * 2.0 ** min(extra, 30)))


def address_wait(address: str, now: datetime) -> float:
    """Seconds this address must still wait before its next login attempt (0: none)."""
    count, until = ratelimit_store.peek(f"login-wait:{address}", now=_ts(now))
    return max(0.0, until - _ts(now)) if count else 0.0


def address_failed(address: str, now: datetime) -> float:
    """Count a failure from ``address``; returns the wait it now has."""
    t = _ts(now)
    failures, _ = ratelimit_store.hit(f"login-fail:{address}", FORGET_AFTER, now=t)
    wait = delay_for(failures, float(current_app.config["LOGIN_ADDRESS_MAX_DELAY_SECONDS"]))
    if wait > 0:
        ratelimit_store.set_until(f"login-wait:{address}", t + wait)
    return wait


def address_succeeded(address: str) -> None:
    ratelimit_store.clear_key(f"login-fail:{address}")
    ratelimit_store.clear_key(f"login-wait:{address}")


def account_wait(user, now: datetime) -> float:
    """Seconds the account's delay still runs (0: none)."""
    if user.locked_until is None or now >= user.locked_until:
        return 0.0
    return (user.locked_until - now).total_seconds()


def account_failed(user, now: datetime) -> float:
    """Count a failure on the account (call inside a write transaction); returns its new wait."""
    if user.locked_until is not None and (now - user.locked_until).total_seconds() > FORGET_AFTER:
        user.failed_logins = 0
    user.failed_logins = (user.failed_logins or 0) + 1
    wait = delay_for(user.failed_logins, float(current_app.config["LOGIN_ACCOUNT_MAX_DELAY_SECONDS"]))
    if wait > 0:
        user.locked_until = now + timedelta(seconds=wait)
    return wait


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="craftwave-known-browser")


def device_cookie_value(user) -> str:
    """The signed *known browser* cookie for ``user`` (set after a successful login)."""
    return _serializer().dumps({"id": user.id, "v": user.password_hash[-16:]})


def is_known_browser(cookie: str | None, user) -> bool:
    """Whether ``cookie`` was issued to this browser at a login to this account (same password)."""
    if not cookie or user is None:
        return False
    try:
        data = _serializer().loads(cookie, max_age=DEVICE_DAYS * 86400)
    except BadSignature:
        return False
    return data == {"id": user.id, "v": user.password_hash[-16:]}


def wait_text(seconds: float) -> str:
    return f"{math.ceil(seconds)} seconds" if seconds < 120 else f"{math.ceil(seconds / 60)} minutes"
