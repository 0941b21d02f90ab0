"""Errors and warnings of the analysis package: the project's one hierarchy, re-exported.

Analysis-specific warnings are added here as subclasses of ``instruments.errors`` classes.
"""

from __future__ import annotations

from craftwave.instruments.errors import (
    ConvergenceWarning,
    CraftwaveError,
    CraftwaveWarning,
    DataError,
    HeywoodWarning,
    InstrumentError,
    ModelError,
    NotPositiveDefiniteWarning,
    StudyError,
)


class IdentificationWarning(CraftwaveWarning):
    """The information matrix is singular: some parameters are not identified."""


__all__ = [
    "ConvergenceWarning",
    "CraftwaveError",
    "CraftwaveWarning",
    "DataError",
    "HeywoodWarning",
    "IdentificationWarning",
    "InstrumentError",
    "ModelError",
    "NotPositiveDefiniteWarning",
    "StudyError",
]
