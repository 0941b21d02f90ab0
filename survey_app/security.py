"""Security headers on every response: a Content-Security-Policy without inline scripts, no framing.

Also: ``Cache-Control: no-store`` on every researcher response (exports, zip files, dashboards,
reports: whatever a send_file or a view set before) and on every HTML page, so no browser or
proxy cache keeps data; ``Strict-Transport-Security`` whenever session cookies are HTTPS-only
(``SESSION_COOKIE_SECURE``, i.e. ``CRAFTWAVE_SECURE_COOKIES=1``); and client addresses read
through Werkzeug's ProxyFix for ``PROXY_HOPS`` trusted proxies (``CRAFTWAVE_PROXY_HOPS``).
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from flask import Flask, g, request
from werkzeug.middleware.proxy_fix import ProxyFix

from craftwave.survey_app.framing import frame_ancestors, x_frame_options


@lru_cache(maxsize=256)
def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@lru_cache(maxsize=256)
def _csp(form_action: tuple[str, ...], frame: str = "frame-ancestors 'none'") -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        frame,
        "form-action " + " ".join(["'self'", *form_action]),
    ])


HSTS = "max-age=31536000"
"""One year; no ``includeSubDomains``: other sites of the same domain are not ours to pin."""


def init_proxy_fix(app: Flask) -> None:
    """Trust ``X-Forwarded-For`` / ``-Proto`` / ``-Host`` for ``PROXY_HOPS`` proxies (0: none)."""
    hops = int(app.config.get("PROXY_HOPS") or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def init_security(app: Flask) -> None:
    from craftwave.survey_app.researcher import is_public

    init_proxy_fix(app)

    @app.after_request
    def _headers(response):
        extra = tuple(g.get("csp_form_action", ()))
        study = g.get("study")
        if study is not None and study.recruitment.prolific is not None:
            # Chromium applies form-action to the redirect after the last page's POST.
            extra += (_origin(study.recruitment.prolific.completion_url),)
        h = response.headers
        h.setdefault("Content-Security-Policy", _csp(extra, frame_ancestors()))
        xfo = x_frame_options()  # MTurk's worker sites may frame MTurk participants' pages
        if xfo is not None:
            h.setdefault("X-Frame-Options", xfo)
        h.setdefault("X-Content-Type-Options", "nosniff")
        h.setdefault("Referrer-Policy", "no-referrer")
        h.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        h.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if not is_public(request.endpoint):
            h["Cache-Control"] = "no-store"  # researcher data: overrides send_file's max-age
        elif response.mimetype == "text/html":
            h.setdefault("Cache-Control", "no-store")
        if app.config.get("SESSION_COOKIE_SECURE"):
            h.setdefault("Strict-Transport-Security", HSTS)
        return response
