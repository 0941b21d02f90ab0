"""One-click unsubscribe (RFC 8058): a personal link in every email records "stop contact".

The link is ``/u/<pid>/<signature>``, the signature a keyed digest of the pseudonymous id, so
it needs no sign-in and reveals no survey token. ``GET`` shows a confirmation button; ``POST``
(the button, or a mail client's one-click request with ``List-Unsubscribe=One-Click``) records
the withdrawal. Mail clients post without a CSRF token, so this one route is exempt: the
signature in the address is what authorises it.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import Blueprint, abort, current_app, render_template

from craftwave.survey_app import clock
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import csrf, db
from craftwave.survey_app.models import Participant
from craftwave.survey_app.progress import withdraw

bp = Blueprint("unsubscribe", __name__)


def _signature(pid: str) -> str:
    key = str(current_app.config["SECRET_KEY"]).encode("utf-8")
    return hmac.new(key, f"unsubscribe:{pid}".encode(), hashlib.sha256).hexdigest()[:32]


def unsubscribe_url(base_url: str, p: Participant) -> str:
    """The personal unsubscribe address of participant ``p``."""
    return f"{base_url.rstrip('/')}/u/{p.pid}/{_signature(p.pid)}"


def _participant(pid: str, sig: str) -> Participant:
    if len(pid) > 32 or len(sig) != 32 or not hmac.compare_digest(sig, _signature(pid)):
        abort(404)
    p = db.session.execute(db.select(Participant).where(Participant.pid == pid)).scalar_one_or_none()
    if p is None:
        abort(404)
    return p


@bp.get("/u/<pid>/<sig>")
def confirm(pid: str, sig: str):
    """A page with one button (a link opened by a mail scanner changes nothing)."""
    p = _participant(pid, sig)
    return render_template("unsubscribe/confirm.html", done=p.withdrawal != "none")


@bp.post("/u/<pid>/<sig>")
@csrf.exempt
def unsubscribe(pid: str, sig: str):
    """Record "stop contact" (idempotent)."""
    p = _participant(pid, sig)
    with write_transaction():
        p = db.session.merge(p)
        if p.withdrawal == "none":
            withdraw(p, "stop_contact", clock.now())  # audited by the withdrawal listener
    return render_template("unsubscribe/confirm.html", done=True)
