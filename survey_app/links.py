"""A participant's personal link token (issue 15 replaces this module with keyed hashes)."""

from __future__ import annotations

from craftwave.survey_app.models import Participant


def token_for(participant: Participant) -> str:
    """The token of ``participant``'s personal link ``/s/<token>``."""
    return participant.token
