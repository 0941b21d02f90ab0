"""Personal links: the token of a participant's link (issue 15 replaces this with keyed hashes)."""

from __future__ import annotations

from craftwave.survey_app.models import Participant


def token_for(participant: Participant) -> str:
    """The token of ``participant``'s personal link ``/s/<token>``."""
    return participant.token
