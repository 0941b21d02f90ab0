"""Pilot mode: test participants, kept out of exports, reports, flow counts and randomisation.

A participant is a test participant (``Participant.test``) when

* the study is in pilot mode (``pilot: true`` in the study file): everyone who enters;
* they entered through the study's *pilot link*, the public link with ``pilot=<token>``, where
  the token is signed with the instance's secret key for that study (``craftwave study
  pilot-link``, or the dashboard), so nobody can mark themselves a test participant by guessing;
* they came through the MTurk sandbox (``turkSubmitTo`` is the sandbox).

Pilot participants are shown apart on the dashboard; "reset pilot data"
(:func:`craftwave.survey_app.panel.reset_pilot`) deletes them with all their data.
"""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

SANDBOX_HOSTS = ("https://workersandbox.mturk.com",)
"""MTurk's sandbox: its entries are always test participants."""


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="craftwave-pilot-link")


def pilot_token(study_id: str) -> str:
    """The pilot token of a study (the same each time, for as long as the secret key)."""
    return _serializer().dumps(study_id)


def is_pilot_token(study_id: str, token: str | None) -> bool:
    """Whether ``token`` is the pilot token of ``study_id``."""
    if not token or len(token) > 200:
        return False
    try:
        return _serializer().loads(token) == study_id
    except BadSignature:
        return False


def pilot_url(base_url: str, study_id: str) -> str:
    """The study's public link in pilot mode."""
    return f"{base_url.rstrip('/')}/study/{study_id}?pilot={pilot_token(study_id)}"
