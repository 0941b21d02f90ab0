"""Researcher sessions that end: a per-account session version, an idle and an absolute timeout.

The session cookie (Flask's signed cookie, via Flask-Login) names the account as
``<id>.<session_version>.<fingerprint>`` (:meth:`Researcher.get_id`). Every request loads the
account and refuses the cookie unless the version and the password fingerprint are the
account's current ones. Logout, a password change, deactivation and reactivation raise the
version, so every cookie issued before them, copied or not, is refused from then on (logout
ends the account's sessions in every browser).

The cookie also carries when the session began and when it was last used; a session unused
for ``RESEARCHER_IDLE_MINUTES`` (default 30) or older than ``RESEARCHER_SESSION_HOURS``
(default 12) ends at its next request, and the signed cookie itself is refused by Flask after
``RESEARCHER_SESSION_HOURS``. Times are the wall clock's (``SESSION_CLOCK`` in tests).
"""

from __future__ import annotations

import re
import time
import unicodedata
from datetime import timedelta
from urllib.parse import unquote, urlsplit

from flask import Flask, current_app, session, url_for
from flask_login import logout_user

DEFAULTS: dict[str, object] = {
    "RESEARCHER_IDLE_MINUTES": 30,
    "RESEARCHER_SESSION_HOURS": 12,
    "SESSION_CLOCK": None,
}

_STARTED = "cw_started"
_SEEN = "cw_seen"


def init_sessions(app: Flask) -> None:
    """Set the timeouts' defaults; the signed cookie expires with the absolute timeout."""
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    app.permanent_session_lifetime = timedelta(hours=float(app.config["RESEARCHER_SESSION_HOURS"]))


def _epoch() -> float:
    # The wall clock, not the app's CLOCK (tests and demos move that one by days to open
    # waves); tests of the timeouts set SESSION_CLOCK, a callable returning epoch seconds.
    now = current_app.config.get("SESSION_CLOCK")
    return float(now()) if now is not None else time.time()


def start_session() -> None:
    """Stamp a fresh researcher session (call right after ``login_user``)."""
    now = _epoch()
    session.permanent = True
    session[_STARTED] = now
    session[_SEEN] = now


def check_session() -> None:
    """End the researcher session of this request if it has been idle or open too long;
    otherwise note that it was used now. A no-op for a request without a researcher."""
    if "_user_id" not in session:
        return
    cfg = current_app.config
    now = _epoch()
    started, seen = session.get(_STARTED), session.get(_SEEN)
    idle = float(cfg["RESEARCHER_IDLE_MINUTES"]) * 60
    absolute = float(cfg["RESEARCHER_SESSION_HOURS"]) * 3600
    if (not isinstance(started, int | float) or not isinstance(seen, int | float)
            or now - seen > idle or now - started > absolute or now < started):
        logout_user()
        session.clear()
        return
    if now - seen >= 1:  # avoid a new cookie on every static file within the same second
        session[_SEEN] = now


def parse_user_id(user_id: str) -> tuple[int, int, str] | None:
    """``(id, session_version, fingerprint)`` of a cookie's user id, or ``None`` if malformed."""
    parts = user_id.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        return None
    if len(parts[0]) > 18 or len(parts[1]) > 18:
        return None
    return int(parts[0]), int(parts[1]), parts[2]


_LOCAL_PATH = re.compile(r"^/[^/\\]")


def safe_next(target: str | None) -> str:
    """A local path to go to after login, or the dashboard.

    Accepted: a path on this site (``/researcher/...``), optionally with a query. Refused:
    anything with a scheme or a host, ``//`` or ``/\\`` at the start, a backslash anywhere,
    or a control or invisible character (browsers drop tabs and newlines, which would turn
    ``/<tab>/evil.example`` into ``//evil.example``; a newline in a header is a 500).
    """
    fallback = url_for("dashboard.studies")
    if not isinstance(target, str) or not target or len(target) > 2000:
        return fallback
    # checked as given and once percent-decoded (a proxy or a careless handler may decode it)
    for text in (target, unquote(target)):
        if text != "/" and not _LOCAL_PATH.match(text):
            return fallback
        # control (C*) and separator (Z*: spaces, line and paragraph separators) characters
        if "\\" in text or any(unicodedata.category(ch)[0] in "CZ" for ch in text):
            return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return fallback
    return target
