"""Which pages MTurk's worker site may frame, and form protection that works inside the frame.

MTurk shows an external HIT inside a frame on its worker site. Every page of the app refuses
framing (``frame-ancestors 'none'``, ``X-Frame-Options: DENY``) except the MTurk entry (with
MTurk's parameters) and the later pages of participants who came from MTurk: a view that may be
framed calls :func:`allow_framing` with the study's ``recruitment.mturk.frame_ancestors``, and
the security headers ask :func:`frame_ancestors` and :func:`x_frame_options` what to send.

Inside a cross-site frame the browser does not send the app's cookies (``SameSite=Lax``, and
third-party cookies are blocked or partitioned). So the participant's state travels in the URL
(the personal link ``/s/<token>``, or a signed id-only reference ``?r=...``, or a signed entry
in the consent form), and :func:`seed_frame_csrf` gives such a request a CSRF secret derived
from that URL secret when the session has none: a page opened in the frame then validates its
own form without any cookie, while a first-party browser keeps its random session secret.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from flask import Flask, current_app, g, request, session

__all__ = ["allow_framing", "frame_ancestors", "init_framing", "seed_frame_csrf",
           "x_frame_options"]

_PERSONAL = re.compile(r"^/s/([A-Za-z0-9_-]{20,64})(?:/|$)")
_ID_ONLY = re.compile(r"^/study/[a-z][a-z0-9_-]{1,62}/continue(?:/|$)")
_CONSENT = re.compile(r"^/study/[a-z][a-z0-9_-]{1,62}/consent$")
CSRF_KEY = "csrf_token"  # Flask-WTF's session key (WTF_CSRF_FIELD_NAME)


def allow_framing(origins) -> None:
    """Let this response be framed by ``origins`` (e.g. MTurk's worker sites)."""
    origins = tuple(o for o in (origins or ()) if o)
    if origins:
        g.frame_ancestors = origins


def frame_ancestors() -> str:
    """The CSP ``frame-ancestors`` directive of this response."""
    origins = g.get("frame_ancestors")
    return "frame-ancestors " + (" ".join(origins) if origins else "'none'")


def x_frame_options() -> str | None:
    """``DENY`` unless the response may be framed (CSP's frame-ancestors then governs)."""
    return None if g.get("frame_ancestors") else "DENY"


def seed_frame_csrf(material: str) -> None:
    """Give a cookie-less request a CSRF secret derived from a URL secret (``material``)."""
    if CSRF_KEY in session:
        return
    key = current_app.config["SECRET_KEY"]
    key = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    session[CSRF_KEY] = hmac.new(key, b"craftwave frame csrf v1:" + material.encode("utf-8"),
                                 hashlib.sha256).hexdigest()


def _seed_from_request() -> None:
    """Only the participant paths that carry a URL secret; never the researcher side."""
    path = request.path
    m = _PERSONAL.match(path)
    if m:
        seed_frame_csrf("s:" + m.group(1))
    elif request.args.get("r") and _ID_ONLY.match(path):
        seed_frame_csrf("r:" + request.args["r"])
    elif request.method == "POST" and _CONSENT.match(path) and request.form.get("entry"):
        seed_frame_csrf("e:" + request.form["entry"])


def init_framing(app: Flask) -> None:
    """Seed frame CSRF secrets before Flask-WTF's CSRF check runs (first before-request hook)."""
    app.before_request_funcs.setdefault(None, []).insert(0, _seed_from_request)
