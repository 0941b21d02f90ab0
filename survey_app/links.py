"""Personal links: tokens derived from an instance secret; the database keeps only keyed hashes.

A participant's personal link is ``/s/<token>``. The token is never stored. It is derived when
a page, an email or the CLI needs it::

    token = base64url(HMAC-SHA256(link_key, f"{study_id}:{pid}:{link_generation}"))   # 256 bits

and the ``participants`` table keeps only ``token_hash = HMAC-SHA256(lookup_key, token)``, by
which a request's token is found. ``link_key`` and ``lookup_key`` are two keys derived from
``LINK_KEY`` (environment ``CRAFTWAVE_LINK_KEY``) if set, else from ``SECRET_KEY``
(``CRAFTWAVE_SECRET_KEY`` or ``instance/secret_key``). A copy of the database alone therefore
yields no working link: neither the token nor anything from which it could be computed is in
it. Changing the key ends every link (set ``CRAFTWAVE_LINK_KEY`` to the old secret before
rotating ``SECRET_KEY`` if links must survive the rotation).

Revoking (:func:`revoke_links`: withdrawal, or a researcher's "new link") raises
``link_generation``: the old token's hash is gone from the database, and :func:`token_for`
derives a new token from then on.

Links issued before this scheme (release 0.2 and earlier: random tokens stored in plain text)
keep working: the migration replaced each stored token by its keyed hash in
``legacy_token_hash`` and gave the participant a derived token as well. Both are looked up, so
the old link in a participant's inbox still opens their survey, while every email sent from
then on carries the derived link (:func:`token_for`). Revocation clears the legacy hash too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping

from flask import current_app

from craftwave.instruments.errors import DataError
from craftwave.survey_app.audit import record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant

__all__ = ["derive_token", "hash_token", "link_keys", "participant_for_token", "reissue_link",
           "revoke_links", "set_link", "token_for", "token_hash"]


def link_keys(config: Mapping) -> tuple[bytes, bytes]:
    """``(link_key, lookup_key)`` derived from ``config["LINK_KEY"]`` or ``config["SECRET_KEY"]``.

    Raises
    ------
    RuntimeError
        If neither key is configured.
    """
    base = config.get("LINK_KEY") or config.get("SECRET_KEY")
    if not base:
        raise RuntimeError("no LINK_KEY or SECRET_KEY: personal links cannot be derived")
    raw = base.encode("utf-8") if isinstance(base, str) else bytes(base)
    return (hmac.new(raw, b"craftwave personal link token v1", hashlib.sha256).digest(),
            hmac.new(raw, b"craftwave personal link lookup v1", hashlib.sha256).digest())


def derive_token(link_key: bytes, study_id: str, pid: str, generation: int) -> str:
    """The token of one participant's link of one generation (43 URL-safe characters)."""
    mac = hmac.new(link_key, f"{study_id}:{pid}:{generation}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")


def hash_token(lookup_key: bytes, token: str) -> str:
    """The keyed hash stored for a token (64 hex characters)."""
    return hmac.new(lookup_key, token.encode("utf-8"), hashlib.sha256).hexdigest()


def _keys() -> tuple[bytes, bytes]:
    return link_keys(current_app.config)


def token_hash(token: str) -> str:
    """The keyed hash of ``token`` under this app's lookup key."""
    return hash_token(_keys()[1], token)


def token_for(participant: Participant) -> str:
    """The participant's current personal-link token, re-derived (never read from the database).

    Parameters
    ----------
    participant : Participant
        Needs ``study_id``, ``pid`` and ``link_generation``.

    Returns
    -------
    str
        The token for ``/s/<token>``; the same on every call until :func:`revoke_links`.
    """
    return derive_token(_keys()[0], participant.study_id, participant.pid,
                        participant.link_generation or 1)


def set_link(participant: Participant) -> str:
    """Store the keyed hash of the participant's current token; returns the token."""
    token = token_for(participant)
    participant.token_hash = token_hash(token)
    return token


def revoke_links(participant: Participant) -> str:
    """End every link of the participant (the legacy one too) and return the new token.

    Called inside the caller's write transaction (withdrawal, a researcher's "new link").
    """
    participant.link_generation = (participant.link_generation or 1) + 1
    participant.legacy_token_hash = None
    return set_link(participant)


def reissue_link(study_id: str, pid: str, actor: str) -> None:
    """A researcher's "new link": revoke the participant's links (audited as ``link_reissued``).

    Raises
    ------
    DataError
        If the study has no participant ``pid``.
    """
    with write_transaction():
        p = db.session.execute(db.select(Participant).where(
            Participant.study_id == study_id, Participant.pid == pid)
            .with_for_update()).scalar_one_or_none()
        if p is None:
            raise DataError(f"study '{study_id}' has no participant '{pid}'")
        revoke_links(p)
        record(actor, "link_reissued", study_id=study_id, target=pid,
               detail={"generation": p.link_generation})


def lookup_clause(hashed):
    """The WHERE clause matching a participant by the keyed hash of a presented token."""
    return db.or_(Participant.token_hash == hashed, Participant.legacy_token_hash == hashed)


def participant_for_token(token: str) -> Participant | None:
    """The participant whose current (or legacy, not revoked) link carries ``token``."""
    if not isinstance(token, str) or not 20 <= len(token) <= 64:
        return None
    return db.session.execute(
        db.select(Participant).where(lookup_clause(token_hash(token)))).scalar_one_or_none()
