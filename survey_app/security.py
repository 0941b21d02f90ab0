"""Security headers on every response: a Content-Security-Policy without inline scripts, no framing."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from flask import Flask, g

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


def init_security(app: Flask) -> None:
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
        if response.mimetype == "text/html":
            h.setdefault("Cache-Control", "no-store")
        return response
