"""An optional second factor for researchers: TOTP (RFC 6238, via pyotp) and recovery codes.

A researcher turns it on at ``/researcher/account/two-factor``: the page shows a secret, its
``otpauth://`` address and that address as a QR code (inline SVG) for an authenticator app, and the factor is on once a code from
the app is accepted. Ten single-use recovery codes are shown once then, and only their
SHA-256 hashes are kept. With the factor on, a correct password leads to a second page that
asks for a current code (or a recovery code); wrong codes count as failed logins for the
address (:mod:`craftwave.survey_app.login_delay`).

A lost phone: another owner, or the server's operator, runs ``craftwave researcher
totp-reset EMAIL``, which turns the factor off and ends the account's sessions (audited).
``REQUIRE_TOTP_FOR_OWNERS = True`` (instance setting) sends an owner without the factor to the
set-up page before any other researcher page.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

import pyotp
import segno

from craftwave.survey_app.audit import cli_actor, record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models.researcher import Researcher

ISSUER = "craftwave"
RECOVERY_CODES = 10
VALID_WINDOW = 1
"""Codes of the 30-second step before and after the current one are accepted (clock drift)."""


def new_secret() -> str:
    """A new random base32 secret (160 bits)."""
    return pyotp.random_base32(32)


def provisioning_uri(email: str, secret: str) -> str:
    """The ``otpauth://`` address an authenticator app reads (as text or as a QR code)."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The ``otpauth://`` address as a QR code: an inline SVG drawn here by ``segno`` (no image
    request, nothing from another site, so the researcher pages' CSP is unchanged)."""
    code = segno.make(uri, error="m", micro=False)
    return code.svg_inline(scale=4, border=4, svgclass="totp-qr", lineclass=None,
                           title="QR code of the authenticator address")


def code_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The 30-second time step whose TOTP code ``code`` is (one step of drift allowed), or None."""
    code = "".join((code or "").split())
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    now = time.time() if now is None else now
    for offset in range(-VALID_WINDOW, VALID_WINDOW + 1):
        moment = now + offset * totp.interval
        if hmac.compare_digest(totp.at(moment), code):
            return totp.timecode(moment)
    return None


def code_ok(secret: str, code: str) -> bool:
    """Whether ``code`` is a current TOTP code of ``secret`` (one step of drift allowed)."""
    return code_step(secret, code) is not None


def _hash(code: str) -> str:
    return hashlib.sha256("".join(code.split()).lower().encode()).hexdigest()


def new_recovery_codes() -> list[str]:
    """Ten recovery codes of 10 base32 characters (50 bits) each, shown as ``xxxxx-xxxxx``."""
    alphabet = "abcdefghijkmnpqrstuvwxyz23456789"
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(alphabet) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    return codes


def enable(user: Researcher, secret: str, code: str) -> list[str] | None:
    """Turn the factor on if ``code`` matches ``secret``; returns the recovery codes, else None."""
    if not code_ok(secret, code):
        return None
    codes = new_recovery_codes()
    with write_transaction():
        fresh = db.session.get(Researcher, user.id)
        fresh.totp_last_step = code_step(secret, code)
        fresh.totp_secret = secret
        fresh.totp_recovery = [_hash(c.replace("-", "")) for c in codes]
        record(fresh.email, "totp_enabled")
    return codes


def check_second_factor(user: Researcher, code: str) -> bool:
    """A current TOTP code not used before, or an unused recovery code; audited.

    A TOTP code is accepted once: its time step must come after the last one accepted for the
    account, so a code seen over someone's shoulder cannot be replayed. A recovery code is
    used up.
    """
    step = code_step(user.totp_secret, code) if user.totp_secret else None
    digest = _hash((code or "").replace("-", ""))
    with write_transaction():
        fresh = db.session.get(Researcher, user.id)
        if step is not None and step > (fresh.totp_last_step or -1):
            fresh.totp_last_step = step
            return True
        left = list(fresh.totp_recovery or [])
        match = next((h for h in left if hmac.compare_digest(h, digest)), None)
        if match is None:
            record(fresh.email, "login_failed", detail={"reason": "second factor"})
            return False
        left.remove(match)
        fresh.totp_recovery = left
        record(fresh.email, "recovery_code_used", detail={"left": len(left)})
    return True


def reset(email: str, actor: str | None = None) -> Researcher:
    """Turn the factor off for ``email`` (a lost phone); its open sessions end. Audited."""
    from craftwave.survey_app.researcher.accounts import _get

    with write_transaction():
        user = _get(email)
        user.totp_secret = None
        user.totp_recovery = None
        user.totp_last_step = None
        user.session_version = (user.session_version or 0) + 1
        record(actor or cli_actor(), "totp_reset", detail={"email": user.email})
    return user
