"""The one hierarchy of craftwave's errors and warnings.

It lives at the bottom of the dependency stack (``instruments`` imports nothing of the
project), so every package raises and catches the same classes. ``analysis.errors``
re-exports them.
"""

from __future__ import annotations


class CraftwaveError(ValueError):
    """Base class of every error craftwave raises on purpose."""


class InstrumentError(CraftwaveError):
    """An instrument definition (YAML) is invalid; the message names file, item and problem."""


class StudyError(CraftwaveError):
    """A study definition is invalid or a change to it would break collected data."""


class DataError(CraftwaveError):
    """Data handed to an analysis are unusable; the message names the column or row."""


class ModelError(CraftwaveError):
    """A model cannot be specified, identified or estimated."""


class CraftwaveWarning(UserWarning):
    """Base class of craftwave's warnings."""


class ConvergenceWarning(CraftwaveWarning):
    """An optimiser stopped without meeting its convergence criterion."""


class HeywoodWarning(CraftwaveWarning):
    """A variance estimate is negative or a correlation exceeds one in absolute value."""


class NotPositiveDefiniteWarning(CraftwaveWarning):
    """A covariance matrix (sample, implied or of the estimates) is not positive definite."""
