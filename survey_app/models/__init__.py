"""The app's tables. Each submodule owns one area; importing this package registers them all.

The researcher side adds ``survey_app/models/researcher.py`` with its own migration revision.
"""

from __future__ import annotations

import importlib
import pkgutil

from craftwave.survey_app.models.answers import Answer, AnswerHistory, PageVisit
from craftwave.survey_app.models.participant import (
    WAVE_STATUSES,
    WITHDRAWAL_KINDS,
    Contact,
    Participant,
    WaveStatus,
    WithdrawalRequest,
)
from craftwave.survey_app.models.study import StudyRecord

# Modules added by other areas (e.g. researcher.py) register themselves when present.
for _m in pkgutil.iter_modules(__path__):
    if _m.name not in {"answers", "participant", "study"}:
        importlib.import_module(f"{__name__}.{_m.name}")

__all__ = [
    "WAVE_STATUSES",
    "WITHDRAWAL_KINDS",
    "Answer",
    "AnswerHistory",
    "Contact",
    "PageVisit",
    "Participant",
    "StudyRecord",
    "WaveStatus",
    "WithdrawalRequest",
]
