"""A participant's personal link token (issue 15 replaces this with keyed-hash storage)."""

from __future__ import annotations

from craftwave.survey_app.models import Participant


def token_for(participant: Participant) -> str:
    """The secret token of ``participant``'s personal link (``/s/<token>``)."""
    return participant.token
