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


class ExogenousWarning(CraftwaveWarning):
    """An exogenous covariate named in a variance, covariance or intercept is no longer fixed.x.

    As lavaan: such a covariate is treated as random, with free parameters of its own.
    """


__all__ = [
    "ConvergenceWarning",
    "CraftwaveError",
    "CraftwaveWarning",
    "DataError",
    "ExogenousWarning",
    "HeywoodWarning",
    "IdentificationWarning",
    "InstrumentError",
    "ModelError",
    "NotPositiveDefiniteWarning",
    "StudyError",
]
